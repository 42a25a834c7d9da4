"""The disclosure form's list choices (departments, officers), read once per database and
kept until the settings change: every case page and dialog builds the form, and opening a
case should not re-read lists that change a few times a year."""

from __future__ import annotations

from ttdesk.core.base.context import AppContext
from ttdesk.core.views.choices import FormChoices, form_choices
from ttdesk.ui.kit.bus import ALL, SETTINGS

_CACHE: dict[int, FormChoices] = {}


def choices(ctx: AppContext) -> FormChoices:
    key = id(ctx.db)
    found = _CACHE.get(key)
    if found is None:
        found = _CACHE[key] = form_choices(ctx)
    return found


def forget(kind: str = ALL) -> None:
    """Drop the cached lists after a change of `kind` that may touch them."""
    if kind in (SETTINGS, ALL):
        _CACHE.clear()
