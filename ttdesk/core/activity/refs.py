"""Naming the record an attachment or note belongs to: a case number, a deal number, a credit
code, a filing serial, or `grant:ID` / `distribution:ID` for records without a number."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.db.models import Achievement, Company, Deal, Distribution, Filing, RightsGrant

# entity_type (table name) → (model, natural key column or None for the id)
KINDS = {
    "achievement": (Achievement, Achievement.case_no),
    "deal": (Deal, Deal.deal_no),
    "company": (Company, Company.credit_code),
    "filing": (Filing, Filing.serial_no),
    "rights_grant": (RightsGrant, None),
    "distribution": (Distribution, None),
}
_ALIASES = {"case": "achievement", "grant": "rights_grant"}


def resolve(session: Session, ref: str) -> tuple[str, int]:
    """(entity_type, id) of the record `ref` names; NotFound when there is none."""
    text = ref.strip()
    kind, sep, rest = text.partition(":")
    if sep:
        entity = _ALIASES.get(kind.lower(), kind.lower())
        if entity not in KINDS:
            raise RuleViolation("INPUT", f"未知的记录类型“{kind}”", f"unknown record type "
                                f"{kind!r}", field="entity")
        model, key = KINDS[entity]
        if key is None:
            if not rest.strip().isdigit() or session.get(model, int(rest)) is None:
                raise NotFound(entity, rest)
            return entity, int(rest)
        text = rest.strip()
        candidates = [(entity, model, key)]
    else:
        candidates = [(e, m, k) for e, (m, k) in KINDS.items() if k is not None]
    for entity, model, key in candidates:
        value = text.upper() if entity == "company" else text
        found = session.execute(select(model.id).where(key == value)).scalar()
        if found is not None:
            return entity, int(found)
    raise NotFound("记录 / record", ref)


def label(session: Session, entity_type: str, entity_id: int) -> str:
    """The reference back: the number a person would type."""
    model, key = KINDS.get(entity_type, (None, None))
    if model is None:
        return f"{entity_type}:{entity_id}"
    if key is None:
        return f"{'grant' if entity_type == 'rights_grant' else entity_type}:{entity_id}"
    value = session.execute(select(key).where(model.id == entity_id)).scalar()
    return str(value) if value else f"{entity_type}:{entity_id}"
