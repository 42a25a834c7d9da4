"""The money re-validation steps find nothing on demo data and find planted faults."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from builders import make_distribution, make_person, make_receipt
from sqlalchemy import text

from core.money.conftest import signed_licence
from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.demo import generate
from ttdesk.core.office.setup import open_context
from ttdesk.core.records.money_check import MONEY_STEPS, run_money_checks
from ttdesk.core.rules import policy


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    ctx = open_context(f"sqlite:///{tmp_path_factory.mktemp('m') / 'demo.db'}",
                       migrate_backup=False)
    generate(ctx, cases=300, seed=3)
    yield ctx
    ctx.db.dispose()


def _findings(ctx: AppContext) -> list[str]:
    with ctx.read() as s:
        return [p.rule + " " + p.en for p in run_money_checks(s, policy.current(s))]


def test_demo_data_passes_every_money_step(demo: AppContext) -> None:
    assert _findings(demo) == []
    with demo.read() as s:
        assert s.execute(text("SELECT COUNT(*) FROM equity_position")).scalar()
    assert len(MONEY_STEPS) == 8


def test_planted_faults_are_found(ctx: AppContext) -> None:
    lic = signed_licence(ctx)
    r = make_receipt(ctx, lic.deal, received_on=date(2026, 4, 1))
    head = make_person(ctx, leader_level=E.LeaderLevel.PRINCIPAL)
    make_distribution(ctx, lic.deal, [r], [(lic.people[0], "100", "70000.00")])
    make_distribution(ctx, lic.deal, [r], [(head, "100", "69999.99")], is_equity=True,
                      status="paid", payment_date=date(2026, 6, 1))
    found = _findings(ctx)
    assert any("does not add up" in f for f in found)
    assert any("more than one distribution" in f for f in found)
    assert any("principal leader received equity" in f for f in found)
    assert any("without a publicity" in f for f in found)
