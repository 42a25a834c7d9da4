"""Read-only snapshots of the data behind each filing (F01–F09), as plain JSON-able dicts.

`build(session, kind, subject, variant=, distribution=)` returns the snapshot or raises
`ValidationFailed` listing every missing item; `archive_subject` gives the key under which
the filing's versions are archived.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.filing_data import cases, deals, licence_offer, reports
from ttdesk.db.models import Achievement

KINDS = ("F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F09", "F10")
F03_VARIANTS = ("grant", "deal", "reward")


def f03_variant(session: Session, key: str, variant: str | None) -> str:
    """Without --kind: a case number means the rights-grant notice, a deal number the deal's
    (numbering formats are configurable, so the records decide, not a prefix)."""
    if variant:
        return variant
    found = session.execute(select(Achievement.id).where(Achievement.case_no == key)).first()
    return "grant" if found is not None else "deal"


def _check_kind(kind: str) -> str:
    code = kind.strip().upper()
    if code not in KINDS:
        raise RuleViolation("ARG", f"未知的文件类型“{kind}”，可选：{', '.join(KINDS)}",
                            f"unknown filing {kind!r}; valid: {', '.join(KINDS)}", field="kind")
    return code


DRAFTABLE = ("F02", "F04", "F07")  # approval forms: a 报批稿 exists before the decision


def build(session: Session, kind: str, subject: str, variant: str | None = None,
          distribution: int | None = None, draft: bool = False) -> dict[str, Any]:
    code = _check_kind(kind)
    key = subject.strip()
    if draft and code not in DRAFTABLE:
        raise RuleViolation("ARG", f"只有审批表（{'、'.join(DRAFTABLE)}）有报批稿",
                            f"only the approval forms ({', '.join(DRAFTABLE)}) have a draft",
                            field="kind")
    if code == "F01":
        return cases.f01(session, key)
    if code == "F02":
        return cases.f02(session, key, draft)
    if code == "F03":
        v = f03_variant(session, key, variant)
        if v not in F03_VARIANTS:
            raise RuleViolation("ARG", f"F03 的 --kind 须为 {'/'.join(F03_VARIANTS)}",
                                f"F03 --kind must be one of {', '.join(F03_VARIANTS)}",
                                field="--kind")
        return deals.f03(session, key, v, distribution)
    if code == "F04":
        return deals.f04(session, key, draft)
    if code == "F05":
        return cases.f05(session, key)
    if code == "F06":
        return deals.f06(session, key)
    if code == "F07":
        return deals.f07(session, key, distribution, draft)
    if code == "F08":
        return reports.f08(session, key)
    if code == "F10":
        return licence_offer.f10(session, key)
    return reports.f09(session, key)


def archive_subject(session: Session, kind: str, subject: str, variant: str | None = None,
                    distribution: int | None = None) -> str:
    """The archive key: the case / deal number, the period, or for a distribution filing the
    deal number with the distribution id (each distribution is its own filing)."""
    code = _check_kind(kind)
    key = subject.strip()
    if code == "F08":
        return reports.period_key(*reports.parse_period(key))
    if code == "F03":
        v = f03_variant(session, key, variant)
        if v == "reward":
            ids = deals.distribution_ids(session, key)
            dist = distribution if distribution is not None else (ids[-1] if ids else None)
            return f"reward:{key}#{dist}"
        return f"{v}:{key}"
    if code == "F07":
        ids = deals.distribution_ids(session, key)
        dist = distribution if distribution is not None else (ids[-1] if ids else None)
        return f"{key}#{dist}"
    return key
