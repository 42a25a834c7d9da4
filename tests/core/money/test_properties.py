"""Property tests (hypothesis): distribution arithmetic and cap-table dilution."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ttdesk.core.companies.equity import percentages
from ttdesk.core.money.distribution import split_net, split_team
from ttdesk.core.rules.money import FEN, round_fen

money = st.integers(min_value=0, max_value=10**13).map(lambda f: Decimal(f).scaleb(-2))
capital = st.integers(min_value=1, max_value=10**11).map(lambda f: Decimal(f).scaleb(-2))
shares = st.lists(st.integers(min_value=1, max_value=1_000_000), min_size=1, max_size=12) \
    .map(lambda xs: [Decimal(x).scaleb(-4) for x in xs])
pct = st.integers(min_value=0, max_value=1_000_000).map(lambda x: Decimal(x).scaleb(-4))


@given(net=money, floor=st.sampled_from([Decimal(50), Decimal(70)]), extra=pct, dept=pct,
       weights=shares)
@settings(max_examples=300)
def test_allocations_sum_exactly_none_negative_team_at_least_floor(
        net: Decimal, floor: Decimal, extra: Decimal, dept: Decimal,
        weights: list[Decimal]) -> None:
    team_pct = min(floor + extra, Decimal(100))
    dept_pct = min(dept, Decimal(100) - team_pct)
    team, d, tto, uni = split_net(net, team_pct, dept_pct, Decimal(0))
    assert team + d + tto + uni == net
    assert min(team, d, tto, uni) >= 0
    assert team >= round_fen(net * floor / 100)
    parts = split_team(team, weights, [])
    assert sum(parts) == team and all(p >= 0 for p in parts)
    assert all(p == p.quantize(FEN) for p in parts)
    total = sum(weights)
    assert all(abs(p - team * w / total) < FEN for p, w in zip(parts, weights, strict=True))


@given(team=money, weights=shares, fixed=st.lists(money, max_size=3))
def test_hand_set_amounts_still_sum_exactly(team: Decimal, weights: list[Decimal],
                                            fixed: list[Decimal]) -> None:
    if sum(fixed) > team:
        return
    parts = split_team(team, weights, fixed)
    assert sum(parts) + sum(fixed) == team and all(p >= 0 for p in parts)


@given(table=st.lists(capital, min_size=1, max_size=10), new=st.lists(capital, max_size=3))
@settings(max_examples=300)
def test_dilution_keeps_cap_table_whole_and_relative_holdings(
        table: list[Decimal], new: list[Decimal]) -> None:
    before = percentages(table)
    after = percentages(table + new)
    assert sum(before) == 100 and sum(after) == 100
    assert all(Decimal(0) <= p <= 100 for p in after)
    total = sum(table) + sum(new)
    unit = Decimal("0.0001")
    for p, c in zip(after, table + new, strict=True):
        assert abs(p - c * 100 / total) < unit  # each within one stored unit of exact
    for i in range(len(table)):  # those not investing keep their order and their ratio
        for j in range(len(table)):
            if table[i] > table[j]:
                assert after[i] >= after[j] and before[i] >= before[j]
            elif table[i] == table[j]:  # equal holdings differ by at most the rounding unit
                assert abs(after[i] - after[j]) <= unit
            if new and table[j] > 0:
                assert abs(after[i] * table[j] - after[j] * table[i]) <= unit * (
                    table[i] + table[j])
