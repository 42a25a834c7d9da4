"""The institution's own yearly targets for the Beijing Action Plan figures: their keys, the
shipped defaults and how a stored policy's value is read. No SQLAlchemy here, so the quick
start-up read of the dashboard (`views.light_dashboard`) uses the same definitions as
`policy.Policy.action_plan_targets`."""

from __future__ import annotations

from typing import Any

#: the four Action Plan figures an institution sets yearly targets for
TARGET_KEYS = ("platforms", "contracts", "companies", "zjtx")

DEFAULT_TARGETS: dict[str, dict[str, int]] = {
    "2025": {"platforms": 5, "contracts": 100, "companies": 5, "zjtx": 1},
    "2026": {"platforms": 6, "contracts": 120, "companies": 6, "zjtx": 2},
    "2027": {"platforms": 8, "contracts": 150, "companies": 8, "zjtx": 3},
}


def targets_for(values: dict[str, Any], year: int) -> dict[str, int]:
    """The targets for `year` in a policy's merged values (0 where none is set)."""
    found = (values.get("action_plan_targets") or {}).get(str(year)) or {}
    return {k: int(found.get(k, 0)) for k in TARGET_KEYS}
