"""The Action Plan figures, the spin-off list and the managers' workload equal SQL aggregates
written here, on demo data with the year 2026."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from ttdesk.codes import AchievementStatus, EmploymentStatus, MilestoneKind
from ttdesk.core.base.context import AppContext
from ttdesk.core.demo import generate
from ttdesk.core.views import action_plan, spinoffs, workload
from ttdesk.core.views.spinoffs import AgeBand, SpinoffFilter

YEAR = 2026
TODAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    from ttdesk.core.office.setup import open_context

    path = tmp_path_factory.mktemp("plan") / "demo.db"
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    generate(ctx, cases=300, seed=5)
    ctx.today = lambda: TODAY
    with ctx.db.engine.begin() as c:  # managers: three people carry every third case/deal
        c.execute(text("UPDATE person SET tech_manager_level = 'senior' "
                       "WHERE id IN (SELECT id FROM person ORDER BY id LIMIT 3)"))
        c.execute(text("UPDATE achievement SET manager_id = "
                       "(SELECT min(id) FROM person) + (id % 3) WHERE id % 3 <> 1 OR id % 2 = 0"))
        c.execute(text("UPDATE deal SET manager_id = (SELECT min(id) FROM person) + (id % 3)"))
    yield ctx
    ctx.db.dispose()


def _sql(ctx: AppContext, sql: str, **params: object) -> list[tuple]:
    with ctx.db.engine.connect() as c:
        return [tuple(r) for r in c.execute(text(sql), params)]


def _one(ctx: AppContext, sql: str, **params: object) -> object:
    return _sql(ctx, sql, **params)[0][0]


Y = {"lo": "2026-01-01", "hi": "2027-01-01"}


def test_the_plan_figures_equal_sql(demo: AppContext) -> None:
    plan = action_plan.action_plan(demo, YEAR)
    platforms = _one(demo, """
        SELECT count(*) FROM (SELECT counterparty_id, min(signing_date) AS f FROM deal
          WHERE mode IN ('development','consulting','service','joint')
            AND counterparty_id IS NOT NULL AND signing_date IS NOT NULL
          GROUP BY counterparty_id) WHERE f >= :lo AND f < :hi""", **Y)
    contracts = _one(demo, """SELECT count(*) FROM deal WHERE mode IN
        ('development','consulting','service') AND signing_date >= :lo AND signing_date < :hi""",
                     **Y)
    companies = _one(demo, """SELECT count(*) FROM company WHERE is_spinoff
        AND registration_date >= :lo AND registration_date < :hi""", **Y)
    zjtx = _one(demo, """SELECT count(*) FROM (SELECT m.company_id, min(m.happened_on) AS f
        FROM company_milestone m JOIN company c ON c.id = m.company_id
        WHERE c.is_spinoff AND m.kind IN ('zjtx','little_giant') GROUP BY m.company_id)
        WHERE f >= :lo AND f < :hi""", **Y)
    got = {k: plan.tile(k).actual for k in ("platforms", "contracts", "companies", "zjtx")}
    assert got == {"platforms": platforms, "contracts": contracts, "companies": companies,
                   "zjtx": zjtx}
    assert sum(got.values()) > 0  # the demo has something to count
    assert plan.tile("companies").target == 6  # the default policy's 2026 target
    assert plan.funnel.disclosures == _one(demo, """SELECT count(*) FROM achievement
        WHERE disclosure_date >= :lo AND disclosure_date < :hi""", **Y)
    assert plan.funnel.deals == _one(demo, """SELECT count(*) FROM deal
        WHERE signing_date >= :lo AND signing_date < :hi""", **Y)
    assert plan.funnel.companies == companies
    assert set(plan.figures["zjtx"]) == {2025, 2026, 2027}


def test_the_spinoff_list_filters_equal_sql(demo: AppContext) -> None:
    everyone = spinoffs.spinoff_ids(demo)
    assert sorted(everyone) == [r[0] for r in _sql(
        demo, "SELECT id FROM company WHERE is_spinoff ORDER BY id")]
    financed = spinoffs.spinoff_ids(demo, SpinoffFilter(milestone=MilestoneKind.FINANCING))
    assert sorted(financed) == [r[0] for r in _sql(demo, """SELECT DISTINCT c.id FROM company c
        JOIN company_milestone m ON m.company_id = c.id WHERE c.is_spinoff
        AND m.kind = 'financing' ORDER BY c.id""")]
    young = spinoffs.spinoff_ids(demo, SpinoffFilter(age=AgeBand.UNDER_3))
    assert sorted(young) == [r[0] for r in _sql(demo, """SELECT id FROM company WHERE
        is_spinoff AND registration_date > '2023-12-03' ORDER BY id""")]
    off = spinoffs.spinoff_ids(demo, SpinoffFilter(founders=EmploymentStatus.OFF_POST))
    assert sorted(off) == [r[0] for r in _sql(demo, """SELECT DISTINCT s.company_id
        FROM shareholding s LEFT JOIN person p ON p.id = s.person_id JOIN company c
        ON c.id = s.company_id WHERE c.is_spinoff AND s.holder_type = 'team_member'
        AND coalesce(p.entrepreneurship, s.employment_status) = 'off_post'
        ORDER BY s.company_id""")]
    rows = spinoffs.spinoff_rows(demo, financed)
    totals = dict(_sql(demo, """SELECT company_id, sum(amount) FROM company_milestone
        WHERE kind = 'financing' GROUP BY company_id"""))
    assert {r.id: r.financing_total for r in rows} == {
        k: Decimal(v).scaleb(-2).quantize(Decimal("0.01")) for k, v in totals.items()
        if k in financed}
    assert spinoffs.count_spinoffs(demo, SpinoffFilter(zjtx_year=YEAR)) == \
        action_plan.action_plan(demo, YEAR).tile("zjtx").actual


def test_the_workload_equals_sql(demo: AppContext) -> None:
    rows = {r.person_id: r for r in workload.manager_workload(demo, YEAR)}
    people = [r[0] for r in _sql(demo, "SELECT id FROM person ORDER BY id LIMIT 3")]
    assert set(people) <= set(rows)
    open_codes = tuple(s.value for s in AchievementStatus
                       if s not in (AchievementStatus.ARCHIVED, AchievementStatus.RELEASED))
    marks = ",".join(f"'{c}'" for c in open_codes)
    for pid in people:
        r = rows[pid]
        assert r.open_cases == _one(demo, f"""SELECT count(*) FROM achievement
            WHERE manager_id = :p AND status IN ({marks})""", p=pid)
        n, value = _sql(demo, """SELECT count(*), coalesce(sum(price), 0) FROM deal
            WHERE manager_id = :p AND signing_date >= :lo AND signing_date < :hi""",
                        p=pid, **Y)[0]
        assert (r.deals_signed, r.deals_value) == (n, Decimal(value).scaleb(-2))
        received = _one(demo, """SELECT coalesce(sum(CASE WHEN r.reverses_id IS NULL
            THEN r.amount ELSE -r.amount END), 0) FROM receipt r JOIN deal d ON d.id = r.deal_id
            WHERE d.manager_id = :p AND r.received_on >= :lo AND r.received_on < :hi""",
                        p=pid, **Y)
        assert r.income_received == Decimal(received).scaleb(-2)
        assert r.overdue_tasks == _one(demo, """SELECT count(*) FROM deadline t
            WHERE NOT t.done AND t.due_date < :today
              AND (t.snoozed_until IS NULL OR t.snoozed_until <= :today)
              AND (t.subject_ref IN (SELECT case_no FROM achievement WHERE manager_id = :p)
                OR t.subject_ref IN (SELECT deal_no FROM deal WHERE manager_id = :p))""",
                                       p=pid, today=TODAY.isoformat())
    assert sum(r.deals_signed for r in rows.values()) > 0
    assert sum(r.income_received for r in rows.values()) > 0
