"""Every status change the machines of domain.md §3 do not list is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdesk.codes import AchievementStatus, DealStatus, DistributionStatus, GrantStatus
from ttdesk.core.base.errors import TransitionRefused
from ttdesk.core.rules.statemachine import (
    ACHIEVEMENT,
    COOPERATION_DEAL,
    DEAL,
    DISTRIBUTION,
    GRANT,
    require_transition,
)

MACHINES = [(ACHIEVEMENT, AchievementStatus), (GRANT, GrantStatus), (DEAL, DealStatus),
            (COOPERATION_DEAL, DealStatus), (DISTRIBUTION, DistributionStatus)]


@pytest.mark.parametrize(("table", "enum"), MACHINES)
def test_listed_moves_pass_and_all_others_are_refused(table, enum):
    for current in enum:
        for target in enum:
            if target in table.get(current, frozenset()):
                require_transition(table, current, target)
            else:
                with pytest.raises(TransitionRefused) as err:
                    require_transition(table, current, target)
                assert err.value.problems[0].zh and err.value.problems[0].en


@given(st.sampled_from(list(AchievementStatus)))
def test_no_way_back_except_converting_to_marketing(current):
    order = list(AchievementStatus)
    for target in ACHIEVEMENT[current]:
        back = order.index(target) < order.index(current)
        assert not back or (current, target) == (AchievementStatus.CONVERTING,
                                                  AchievementStatus.MARKETING)


def test_released_from_any_state_before_converted():
    before = [AchievementStatus.DISCLOSED, AchievementStatus.ASSESSING,
              AchievementStatus.PROTECTING, AchievementStatus.MARKETING,
              AchievementStatus.CONVERTING]
    for s in AchievementStatus:
        assert (AchievementStatus.RELEASED in ACHIEVEMENT[s]) == (s in before)


def test_terminated_from_any_open_deal_state():
    for table in (DEAL, COOPERATION_DEAL):
        for s, targets in table.items():
            if s not in (DealStatus.COMPLETED, DealStatus.TERMINATED):
                assert DealStatus.TERMINATED in targets
