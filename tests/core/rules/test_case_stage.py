"""One author for a case's stage: `statemachine.stage_from_deals`. The case that follows its
deals in the app (`cases.follow`), F05's conversion status and the status the ledger import
gives a case all agree with it, for every mix of deal statuses up to three deals."""

from __future__ import annotations

from itertools import combinations_with_replacement
from types import SimpleNamespace

import pytest

from ttdesk.codes import AchievementStatus as A
from ttdesk.codes import DealStatus as D
from ttdesk.core.cases.follow import followed_status
from ttdesk.core.filing_data.cases import conversion_status
from ttdesk.core.ledger.plan import case_status_for
from ttdesk.core.rules.statemachine import stage_from_deals

MIXES = [list(m) for n in (1, 2, 3) for m in combinations_with_replacement(list(D), n)]
F05 = {A.CONVERTED: "converted", A.CONVERTING: "converting"}


def test_the_author_on_the_cases_of_domain_md() -> None:
    assert stage_from_deals([]) is None
    assert stage_from_deals([D.SIGNED]) == A.CONVERTED
    assert stage_from_deals([D.DRAFT]) == A.CONVERTING
    assert stage_from_deals([D.COMPLETED, D.APPROVAL]) == A.CONVERTING  # one still under way
    assert stage_from_deals([D.COMPLETED, D.TERMINATED]) == A.CONVERTED
    assert stage_from_deals([D.TERMINATED, D.TERMINATED]) == A.MARKETING


@pytest.mark.parametrize("statuses", MIXES, ids=lambda m: "+".join(s.value for s in m))
def test_every_reader_agrees(statuses: list[D]) -> None:
    stage = stage_from_deals(statuses)
    case = SimpleNamespace(deals=[SimpleNamespace(status=s) for s in statuses])
    assert conversion_status(case) == F05.get(stage, "not_converted")  # type: ignore[arg-type]
    assert case_status_for(statuses) == (stage if stage in F05 else A.DISCLOSED)
    moved = followed_status(A.CONVERTING, statuses)
    assert (moved or A.CONVERTING) == stage
    assert followed_status(A.ASSESSING, statuses) == (None if stage == A.MARKETING else stage)
