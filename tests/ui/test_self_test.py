"""The installation check an office PC runs: `ttdesk-cli self-test` answers on the console
with its exit code, and Chinese must be drawn as real glyphs, never as missing-glyph boxes."""

from __future__ import annotations

import pytest

import ttdesk.__main__ as entry
from ttdesk.console import main as console_main


def test_real_chinese_glyphs_pass(qapp) -> None:
    entry.install_cjk_font(qapp)
    entry._check_real_glyphs()  # raises when the characters come out as boxes


def test_boxes_fail_the_check(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC without a Chinese font draws every character as the same box."""
    box = entry._glyph_image("\U0010fffd")
    monkeypatch.setattr(entry, "_glyph_image", lambda _text: box)
    with pytest.raises(RuntimeError, match="missing-glyph"):
        entry._check_real_glyphs()


def test_console_self_test_prints_and_exits_zero(qapp, capsys: pytest.CaptureFixture[str]) -> None:
    assert console_main(["self-test"]) == 0
    out = capsys.readouterr().out
    assert "self-test ok" in out and "qt: ok" in out and "font: ok" in out


def test_console_runs_cli_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        console_main(["--help"])
    assert done.value.code == 0
    assert "ttdesk-cli" in capsys.readouterr().out
