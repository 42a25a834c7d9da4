"""What the main window holds instead of the service context while the ORM and the services
load behind it (start-up, B2): the interface language, the start page and a plain reader of
what it shows first — the first page of the case list (`first_page`) or the dashboard's first
figures (`figures`). `MainWindow.attach(ctx)` hands over the real context a moment later.

The GUI thread loads the services right after the first paint, so no user action can reach a
page before its context is attached; only the start page is built while starting (another
area chosen meanwhile is built on `attach`), and it reads through the plain readers only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Starting:
    lang: str
    list_key: str = ""  # the list whose first page `first_page` reads ("cases")
    first_page: Callable[[Any, int], tuple[int, list[Any]]] | None = None  # (filter, limit)
    page: str = "achievements"  # the area shown first (`main_window.NAV_PAGES` key)
    figures: Callable[[date], Any] | None = None  # today -> views.dashboard_terms.FirstFigures
    today: Callable[[], date] = date.today


def is_starting(ctx: Any) -> bool:
    return isinstance(ctx, Starting)
