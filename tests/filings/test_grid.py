"""Cell wrapping of the fast grid: every line fits its cell and no character is lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ttdesk.filings.fonts import FONT, ensure_font
from ttdesk.filings.grid import measure_for

ensure_font()
CHARS = st.sampled_from(list("固态电池电解质材料脑胶质瘤靶向药物ABCDEFGxyz0123456789 ,.-（）¥%"))


@settings(max_examples=200, deadline=None)
@given(st.text(CHARS, min_size=0, max_size=120), st.floats(min_value=20, max_value=400))
def test_lines_fit_and_keep_every_character(text: str, width: float) -> None:
    m = measure_for(FONT, 8.5)
    lines = m.wrap(text, width)
    for line in lines:
        assert m.text_width(line) <= width + 1e-6 or len(line) == 1
    # only the spaces at which a line was broken may disappear
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert len("".join(lines)) >= len(text) - len(lines) + 1


def test_latin_words_break_at_spaces() -> None:
    m = measure_for(FONT, 9)
    text = "Conversion Approval Form for the transfer of a patent"
    lines = m.wrap(text, m.text_width("Conversion Approval F"))
    assert lines[0] == "Conversion Approval"
    assert all(not line.startswith(" ") for line in lines)


def test_closing_punctuation_never_starts_a_line() -> None:
    m = measure_for(FONT, 9)
    text = "该成果技术路线清晰，转化前景良好；团队分工明确。" * 20
    for width in range(60, 300, 7):
        lines = m.wrap(text, float(width))
        assert not any(line[0] in "，；。" for line in lines[1:]), width
        assert "".join(lines) == text
