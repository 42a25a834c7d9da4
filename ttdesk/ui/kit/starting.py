"""What the main window holds instead of the service context while the ORM and the services
load behind it (start-up, B2): the interface language and a plain reader of the first page of
the start-up list. `MainWindow.attach(ctx)` hands over the real context a moment later.

The GUI thread loads the services right after the first paint, so no user action can reach a
page before its context is attached; only building and sorting the start-up list happen
while starting, and both read their first page through `first_page`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Starting:
    lang: str
    list_key: str  # the list whose first page `first_page` reads ("cases")
    first_page: Callable[[Any, int], tuple[int, list[Any]]]  # (filter, limit) -> (count, rows)


def is_starting(ctx: Any) -> bool:
    return isinstance(ctx, Starting)
