"""Every Chinese filing reads as Chinese: no code name (`due_diligence`, `self`, raw JSON,
English words) in the text of the PDF, only the labels of the core's catalogue."""

from __future__ import annotations

import pytest

from tests.filings.pdftext import pages_text
from tests.filings.test_generate import FILINGS, generate_first
from tests.ui.screen_text import code_names
from ttdesk.core.base.context import AppContext


@pytest.mark.parametrize(("kind", "variant"), FILINGS)
def test_chinese_filing_has_no_code_names(demo_ctx: AppContext, kind: str,
                                          variant: str | None) -> None:
    gen = generate_first(demo_ctx, kind, variant, "zh")
    bad = [f"{words} in {line!r}" for page in pages_text(gen.content)
           for line in page.splitlines() if (words := code_names(line))]
    assert bad == []
