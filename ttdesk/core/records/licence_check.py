"""`check` steps for contract registration (R14) and licence conflicts (R13), domain.md §6:
the same pure rules the services refuse with, run over the stored data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import DealMode
from ttdesk.core.base.errors import Problem
from ttdesk.core.deals.registration import asset_numbers, stored_spans
from ttdesk.core.rules import licences, policy
from ttdesk.core.rules.checks import step_problems
from ttdesk.core.rules.registration import amounts_problems
from ttdesk.db.models import Deal


def registration_findings(s: Session) -> list[Problem]:
    """A stored certificate's technology amount above its contract value; a registration
    dated before its submission. (A certificate of before 2026 without amounts is history.)"""
    out: list[Problem] = []
    rows = s.execute(select(Deal.deal_no, Deal.registration_contract_amount,
                            Deal.registration_tech_amount, Deal.registration_submitted_on,
                            Deal.registration_date)
                     .where((Deal.registration_tech_amount.is_not(None))
                            | (Deal.registration_submitted_on.is_not(None)))).all()
    for deal_no, value, tech, sent, registered in rows:
        if value is not None and tech is not None:
            out += amounts_problems(value, tech, deal_no)
        if sent is not None and registered is not None and registered < sent:
            out += step_problems([("registration_submitted_on", sent, "registration_date",
                                   registered)], deal_no)
    return out


def overlapping_pairs(spans: list[licences.LicenceSpan]
                      ) -> Iterator[tuple[licences.LicenceSpan, licences.LicenceSpan]]:
    """The pairs (earlier, later) of one asset's licences that may overlap, by a sweep: sorted
    by start (then deal number), each licence meets only the later ones that start on or
    before its end, not every pair. Every pair `licences.overlap` accepts is among them, in
    the order of all pairs of the sorted list."""
    ordered = sorted(spans, key=lambda x: (x.start, x.deal_no))
    for i, a in enumerate(ordered):
        end = a.end or date.max
        for j in range(i + 1, len(ordered)):
            if ordered[j].start > end:
                break  # later ones start later still
            yield a, ordered[j]


def licence_findings(s: Session, pol: policy.Policy) -> list[Problem]:
    """Every pair of licences on one asset that cannot run together, once per pair; every
    open licence whose terms fall short."""
    out: list[Problem] = []
    shared = {k: v for k, v in stored_spans(s, None).items() if len(v) > 1}
    names = asset_numbers(s, sorted(shared)) if shared else {}
    for asset_id, spans in sorted(shared.items()):
        for a, b in overlapping_pairs(spans):
            out += licences.conflict_problems(b, [a], names.get(asset_id, str(asset_id)))
    for deal_no, signing, term_end, fee_terms, price in s.execute(
            select(Deal.deal_no, Deal.signing_date, Deal.term_end, Deal.payment_terms,
                   Deal.price)
            .where(Deal.mode == DealMode.LICENSE_OPEN, Deal.signing_date.is_not(None))
            .order_by(Deal.id)):
        out += licences.open_licence_problems(deal_no, signing, term_end, fee_terms, price,
                                              pol)
    return out


STEPS: list[tuple[str, Callable[[Session, policy.Policy], list[Problem]]]] = [
    ("R14 contract registration", lambda s, _: registration_findings(s)),
    ("R13 licence conflicts", licence_findings),
]
