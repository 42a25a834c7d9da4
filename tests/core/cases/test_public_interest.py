"""R3 negative list (domain.md §6): an achievement flagged `public_interest` (关系国计民生和
重大公共利益) cannot be granted, like a secret one; refused when applied for, with its message,
and found by `check` when the flag is set on a case that already has a grant."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.cases.test_workflow import _converting_case
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.cases import achievements, rights
from ttdesk.core.cases.rights import GrantIn
from ttdesk.core.records.check import run_check
from ttdesk.core.views.case_detail import case_detail


def _grant_in() -> GrantIn:
    return GrantIn("co_ownership", date(2026, 5, 1), team_share="75", representative="T001",
                   plan_attached=True, consent_recorded=True)


def test_public_interest_grant_refused_with_its_message(world):
    case_no = _converting_case(world)
    achievements.update(world, case_no, {"public_interest": True})
    assert case_detail(world, case_no).public_interest is True
    with pytest.raises(ValidationFailed) as err:
        rights.apply(world, case_no, _grant_in())
    p = err.value.problems[0]
    assert (p.rule, p.field, p.where) == ("R3", "public_interest", case_no)
    assert p.zh == "关系国计民生和重大公共利益的成果不得赋权（负面清单）"
    assert "public interests" in p.en
    assert case_detail(world, case_no).rights_grants == ()


def test_check_finds_a_grant_on_a_public_interest_case(world):
    case_no = _converting_case(world)
    rights.apply(world, case_no, _grant_in())
    assert not [p for p in run_check(world).findings if p.field == "public_interest"]
    achievements.update(world, case_no, {"public_interest": True})
    found = [p for p in run_check(world).findings if p.field == "public_interest"]
    assert [(p.rule, p.where) for p in found] == [("R3", case_no)]
