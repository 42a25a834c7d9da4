"""Demo data: realistic, deterministic, complete (every status of every machine), and valid
under every rule that `check` re-validates."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from ttdesk import codes as enums
from ttdesk.cli.main import main as cli_main
from ttdesk.core.base import audit, audit_store
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.demo import Cancelled, DemoSummary, generate
from ttdesk.core.demo.common import REF_DATE, Gen, Store
from ttdesk.core.demo.ip import cn_application_no
from ttdesk.core.office.setup import open_context
from ttdesk.core.records.check import run_check
from ttdesk.core.rules import policy
from ttdesk.core.rules.credit_code import is_valid_credit_code
from ttdesk.core.rules.workdays import publicity_end
from ttdesk.db.types import unpack_json

CASES = 300


def _build(path: Path, cases: int = CASES, seed: int = 1) -> tuple[AppContext, DemoSummary]:
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    return ctx, generate(ctx, cases=cases, seed=seed)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, DemoSummary]]:
    ctx, summary = _build(tmp_path_factory.mktemp("demo") / "demo.db")
    yield ctx, summary
    ctx.db.dispose()


@pytest.fixture(scope="module")
def demo(built: tuple[AppContext, DemoSummary]) -> AppContext:
    return built[0]


def q(ctx: AppContext, sql: str) -> list[tuple]:
    with ctx.read() as s:
        return [tuple(r) for r in s.execute(text(sql)).all()]


def codes(ctx: AppContext, table: str, column: str) -> set[str]:
    return {r[0] for r in q(ctx, f"SELECT DISTINCT {column} FROM {table}")}


# ---- scale and proportions -------------------------------------------------------------

def test_counts_follow_the_scale(built: tuple[AppContext, DemoSummary]) -> None:
    ctx, summary = built
    c = summary.counts
    assert c["achievement"] == CASES
    assert 2.2 * CASES <= c["contribution"] <= 2.9 * CASES  # ~2.5 contributors per case
    assert 0.25 * CASES <= c["deal"] <= 0.38 * CASES  # ~0.3 deals per case
    assert 0.75 * CASES <= c["ip_asset"] <= 1.25 * CASES  # ~1 IP asset per case
    assert c["person"] == max(CASES // 4, 85)  # at least 3 per department and a few more
    assert c["company"] >= 0.02 * CASES
    assert c["receipt"] >= c["deal"]
    assert summary.audit_events >= sum(v for k, v in c.items() if k not in (
        "deal_achievement", "deal_ip_asset", "distribution_receipt"))
    with ctx.read() as s:
        assert audit_store.count(s) >= summary.audit_events


def test_counts_scale_linearly(tmp_path: Path) -> None:
    ctx, small = _build(tmp_path / "small.db", cases=120)
    ctx.db.dispose()
    ctx, large = _build(tmp_path / "large.db", cases=600)
    ctx.db.dispose()
    for table in ("contribution", "deal", "ip_asset", "funding_source"):
        ratio = large.counts[table] / small.counts[table]
        assert 3.5 <= ratio <= 6.5, (table, ratio)


def test_every_person_pool_kind(demo: AppContext) -> None:
    heads, students, externals, total = q(demo, "SELECT SUM(CASE WHEN leader_level != 'none' "
                                                "THEN 1 ELSE 0 END), SUM(is_student), "
                                                "SUM(is_external), COUNT(*) FROM person")[0]
    assert heads >= 1 and students >= 1 and externals >= 1
    assert heads <= 0.05 * total + 25  # one head per department plus ~3%
    assert len(codes(demo, "person", "staff_no")) == total


# ---- determinism --------------------------------------------------------------------------

BUSINESS = [
    "SELECT case_no, title, kind, status, disclosure_date, secrecy FROM achievement ORDER BY id",
    "SELECT achievement_id, person_id, share, role FROM contribution ORDER BY id",
    "SELECT deal_no, mode, pricing_method, price, status, signing_date FROM deal ORDER BY id",
    "SELECT name, credit_code FROM company ORDER BY id",
    "SELECT deal_id, amount, received_on FROM receipt ORDER BY id",
    "SELECT team_amount, net_income, status FROM distribution ORDER BY id",
    "SELECT name, staff_no FROM person ORDER BY id",
]


def test_same_seed_same_database(tmp_path: Path, demo: AppContext) -> None:
    other, _ = _build(tmp_path / "again.db")
    try:
        for sql in BUSINESS:
            assert q(other, sql) == q(demo, sql), sql
        # timestamps come from the seed too, so even the demo's audit events are identical
        events = ("SELECT at, action, entity, entity_id, entity_ref, changes FROM audit_event"
                  " WHERE actor = 'demo' ORDER BY id")
        assert q(other, events) == q(demo, events)
    finally:
        other.db.dispose()


def test_other_seed_other_database(tmp_path: Path, demo: AppContext) -> None:
    other, _ = _build(tmp_path / "seed2.db", seed=2)
    try:
        assert q(other, BUSINESS[0]) != q(demo, BUSINESS[0])
    finally:
        other.db.dispose()


# ---- every code of every machine -----------------------------------------------------------

ALL_CODES = [
    ("achievement", "status", enums.AchievementStatus),
    ("achievement", "kind", enums.AchievementKind),
    ("achievement", "secrecy", enums.Secrecy),
    ("achievement", "source", enums.AchievementSource),
    ("rights_grant", "status", enums.GrantStatus),
    ("rights_grant", "form", enums.GrantForm),
    ("deal", "status", enums.DealStatus),
    ("deal", "mode", enums.DealMode),
    ("distribution", "status", enums.DistributionStatus),
    ("ip_asset", "kind", enums.IPKind),
    ("ip_asset", "status", enums.IPStatus),
    ("funding_source", "funder_type", enums.FunderType),
    ("assessment", "recommendation", enums.Recommendation),
    ("support_received", "kind", enums.SupportKind),
    ("valuation", "approach", enums.ValuationApproach),
    ("publicity", "subject", enums.PublicitySubject),
    ("company_milestone", "kind", enums.MilestoneKind),
    ("shareholding", "holder_type", enums.HolderType),
    ("shareholding", "employment_status", enums.EmploymentStatus),
    ("equity_event", "kind", enums.EquityEventKind),
    ("receipt", "kind", {"upfront", "milestone", "royalty", "equity_proceeds", "dividend",
                         "other"}),
    ("cost", "category", enums.CostCategory),
    ("deadline", "kind", enums.DeadlineKind),
    ("demand", "source", enums.DemandSource),
    ("match", "outcome", enums.MatchOutcome),
    ("match_activity", "kind", enums.ActivityKind),
]


@pytest.mark.parametrize(("table", "column", "enum"), ALL_CODES,
                         ids=[f"{t}.{c}" for t, c, _ in ALL_CODES])
def test_every_code_is_present(demo: AppContext, table: str, column: str, enum: object) -> None:
    wanted = {getattr(m, "value", m) for m in enum}  # type: ignore[attr-defined]
    assert wanted <= codes(demo, table, column)


def test_pricing_methods_and_cooperation_statuses(demo: AppContext) -> None:
    assert codes(demo, "deal", "pricing_method") >= {"negotiated", "listing", "auction", None}
    coop = {r[0] for r in q(demo, "SELECT DISTINCT status FROM deal WHERE mode IN "
                                  "('development', 'consulting', 'service')")}
    assert coop >= {"draft", "approval", "signed", "registered", "performing", "completed"}
    assert q(demo, "SELECT COUNT(*) FROM deal WHERE mode IN ('development', 'consulting', "
                   "'service') AND (pricing_method IS NOT NULL OR id IN "
                   "(SELECT deal_id FROM publicity WHERE deal_id IS NOT NULL))")[0][0] == 0
    assert codes(demo, "publicity", "result") >= {None, "no_objection",
                                                   "terminated_by_objection"}


# ---- the rules -----------------------------------------------------------------------------

def test_check_finds_nothing(demo: AppContext) -> None:
    report = run_check(demo)
    assert report.findings == []


def test_audit_chain_is_intact(demo: AppContext) -> None:
    with demo.read() as s:
        assert audit.verify_chain(s) == []
    with demo.read() as s:
        trail = [(e[1], e[0]) for e in audit_store.events(s) if e[2] == "demo"]
    assert trail[0][0] < trail[-1][0]
    assert trail == sorted(trail)  # sequence follows time


def test_history_starts_at_the_first_status(demo: AppContext) -> None:
    """A case is recorded as disclosed, then moved once to where it stands today."""
    case_id, status = q(demo, "SELECT id, status FROM achievement WHERE status = 'converted' "
                              "LIMIT 1")[0]
    with demo.read() as s:
        events = [(e[3], e[7]) for e in audit_store.history(s, {"achievement": [case_id]})]
        deal_events = audit_store.by_entity(s, ["deal"])["deal"]
    assert [a for a, _ in events] == ["insert", "update"]
    assert unpack_json(events[0][1])["after"]["status"] == "disclosed"
    assert unpack_json(events[1][1])["status"] == {"before": "disclosed", "after": status}
    drafts = sum(1 for e in deal_events if e[2] == "update")
    assert drafts == q(demo, "SELECT COUNT(*) FROM deal WHERE status != 'draft'")[0][0]


def test_shares_sum_to_exactly_100(demo: AppContext) -> None:
    rows = q(demo, "SELECT achievement_id, SUM(share), MIN(share) FROM contribution "
                   "GROUP BY achievement_id")
    assert len(rows) == CASES
    assert all(total == 100 * 10_000 and low > 0 for _, total, low in rows)


def test_credit_codes_are_valid(demo: AppContext) -> None:
    found = codes(demo, "company", "credit_code")
    assert found and all(is_valid_credit_code(c) for c in found)


def test_patent_application_numbers_have_valid_check_digits(demo: AppContext) -> None:
    numbers = codes(demo, "ip_asset", "application_no")
    cn = [n for n in numbers if re.fullmatch(r"CN\d{12}\.[\dX]", n)]
    assert cn
    for n in cn:
        digits = n[2:14]
        assert cn_application_no(int(digits[:4]), {"1": "invention_patent",
                                                    "2": "utility_model",
                                                    "3": "design"}[digits[4]],
                                 int(digits[5:])) == n


def test_money_is_non_negative(demo: AppContext) -> None:
    for table, column in (("deal", "price"), ("receipt", "amount"), ("cost", "amount"),
                          ("distribution", "net_income"), ("allocation", "amount"),
                          ("shareholding", "subscribed_capital"),
                          ("distribution", "university_amount")):
        assert q(demo, f"SELECT COUNT(*) FROM {table} WHERE {column} < 0")[0][0] == 0, column


def test_distributions_add_up(demo: AppContext) -> None:
    floor = int(policy.DEFAULT_POLICY["team_share_min_income"]) * 10_000
    # a self / joint implementation: a share of the year's operating profit (domain.md §6)
    profit_floor = int(policy.DEFAULT_POLICY["team_share_min_self_profit"]) * 10_000
    bad = q(demo, f"""
        SELECT id FROM distribution WHERE
          team_amount + department_amount + tto_amount + university_amount != net_income
          OR net_income != gross_income - deductible_costs OR net_income < 0
          OR (profit_year IS NULL AND team_share_pct < {floor})
          OR (profit_year IS NOT NULL AND team_share_pct < {profit_floor})
          OR team_amount != (SELECT SUM(amount) FROM allocation a
                             WHERE a.distribution_id = distribution.id)""")
    assert bad == []
    assert q(demo, "SELECT COUNT(*) FROM distribution WHERE profit_year IS NOT NULL")[0][0] > 0
    assert q(demo, """
        SELECT COUNT(*) FROM allocation a JOIN distribution d ON d.id = a.distribution_id
        WHERE (NOT d.is_equity AND a.taxable_amount != (a.amount + 1) / 2)
           OR (d.is_equity AND a.taxable_amount != 0)""")[0][0] == 0


def test_no_equity_to_unit_heads(demo: AppContext) -> None:
    assert q(demo, "SELECT COUNT(*) FROM allocation a JOIN person p ON p.id = a.person_id "
                   "WHERE a.equity_pct IS NOT NULL AND p.leader_level != 'none'")[0][0] == 0
    assert q(demo, "SELECT COUNT(*) FROM allocation WHERE equity_pct IS NOT NULL")[0][0] > 0


def test_paid_distributions_were_publicised_first(demo: AppContext) -> None:
    bad = q(demo, """
        SELECT d.id FROM distribution d WHERE d.status = 'paid' AND NOT EXISTS (
          SELECT 1 FROM publicity p WHERE p.distribution_id = d.id
          AND p.result = 'no_objection' AND p.end_date < d.payment_date)""")
    assert bad == []


def test_negotiated_deals_signed_after_publicity(demo: AppContext) -> None:
    bad = q(demo, """
        SELECT d.deal_no FROM deal d
        WHERE d.pricing_method = 'negotiated'
          AND d.status IN ('signed', 'registered', 'performing', 'completed')
          AND NOT EXISTS (SELECT 1 FROM publicity p WHERE p.deal_id = d.id
                          AND p.result = 'no_objection' AND p.end_date < d.signing_date)""")
    assert bad == []
    exchange = q(demo, "SELECT COUNT(*) FROM deal WHERE pricing_method IN ('listing', 'auction')"
                       " AND status IN ('signed', 'registered', 'performing', 'completed')"
                       " AND exchange_reference IS NULL")
    assert exchange[0][0] == 0


def test_open_publicities_for_deals_and_grants_in_publicity_or_objection(
        demo: AppContext) -> None:
    for table, column in (("deal", "deal_id"), ("rights_grant", "rights_grant_id")):
        bad = q(demo, f"""
            SELECT t.id FROM {table} t WHERE t.status IN ('in_publicity', 'objection')
              AND NOT EXISTS (SELECT 1 FROM publicity p WHERE p.{column} = t.id
                              AND p.result IS NULL)""")
        assert bad == [], table
        bad = q(demo, f"""
            SELECT t.id FROM {table} t WHERE t.status = 'objection' AND NOT EXISTS (
              SELECT 1 FROM publicity p JOIN objection o ON o.publicity_id = p.id
              WHERE p.{column} = t.id AND o.resolved_on IS NULL)""")
        assert bad == [], table


def test_publicity_end_dates_follow_r5(demo: AppContext) -> None:
    rows = q(demo, "SELECT start_date, days, day_kind, end_date FROM publicity")
    assert rows
    for start, n, kind, end in rows:
        assert kind == "calendar"
        assert publicity_end(date.fromisoformat(start), n, kind) == date.fromisoformat(end)


def test_approval_tier_and_date_order(demo: AppContext) -> None:
    pol = policy.Policy(1, policy.DEFAULT_POLICY)
    rows = q(demo, "SELECT price, approval_body, approval_date, signing_date, registration_date,"
                   " related_party_declared, related_party_approval_date FROM deal "
                   "WHERE approval_date IS NOT NULL")
    assert rows
    for price, body, approved, signed, registered, related, related_on in rows:
        assert body == pol.tier_for(Decimal(price) / 100).body
        if signed:
            assert approved <= signed
        if registered:
            assert signed <= registered
        if related:
            assert related_on is not None and related_on <= approved
    bodies = {r[1] for r in rows}
    assert len(bodies) >= 2  # heavy-tailed prices reach the upper tiers


def test_rights_grants_follow_r3(demo: AppContext) -> None:
    rows = q(demo, "SELECT g.form, g.team_share, g.term_years, g.status, g.consent_recorded, "
                   "a.secrecy FROM rights_grant g JOIN achievement a ON a.id = g.achievement_id")
    for form, share, term, status, consent, secrecy in rows:
        if form == "co_ownership":
            assert 0 < share < 100 * 10_000 and term is None
        else:
            assert term >= 10 and share is None
        assert secrecy != "secret_or_security"
        if status != "applied":
            assert consent
    late = q(demo, """
        SELECT g.id FROM rights_grant g WHERE g.status IN ('agreement_signed', 'title_changed')
          AND (g.decision_date IS NULL OR g.agreement_date IS NULL OR NOT EXISTS (
            SELECT 1 FROM publicity p WHERE p.rights_grant_id = g.id
            AND p.result = 'no_objection' AND p.end_date < g.agreement_date)
          OR (g.status = 'title_changed' AND g.title_change_date < g.agreement_date))""")
    assert late == []
    r4 = q(demo, "SELECT d.id FROM deal d JOIN rights_grant g ON g.id = d.rights_grant_id "
                 "WHERE g.status NOT IN ('agreement_signed', 'title_changed')")
    assert r4 == []


def test_secret_cases(demo: AppContext) -> None:
    bad = q(demo, """
        SELECT d.deal_no FROM deal d JOIN deal_achievement da ON da.deal_id = d.id
        JOIN achievement a ON a.id = da.achievement_id
        WHERE a.secrecy = 'secret_or_security' AND d.approval_date IS NOT NULL
          AND (d.supervising_approval_ref IS NULL OR d.supervising_approval_date IS NULL)""")
    assert bad == []


def test_equity_deals_have_valuations_and_spinoffs(demo: AppContext) -> None:
    rows = q(demo, """
        SELECT d.deal_no, c.is_spinoff, (SELECT COUNT(*) FROM valuation v WHERE v.deal_id = d.id)
        FROM deal d JOIN company c ON c.id = d.counterparty_id
        WHERE d.mode = 'equity' AND d.approval_date IS NOT NULL""")
    assert rows and all(spinoff and n >= 1 for _, spinoff, n in rows)
    caps = q(demo, "SELECT company_id, SUM(percentage) FROM shareholding GROUP BY company_id")
    assert caps and all(total <= 100 * 10_000 for _, total in caps)
    state = q(demo, "SELECT COUNT(*) FROM shareholding WHERE holder_type = 'institution_amc' "
                    "AND NOT is_state_owned")
    assert state[0][0] == 0


def test_dates_are_coherent(demo: AppContext) -> None:
    today = REF_DATE.isoformat()
    assert q(demo, "SELECT COUNT(*) FROM ip_asset WHERE filing_date > publication_date "
                   "OR publication_date > grant_date OR filing_date > grant_date")[0][0] == 0
    assert q(demo, "SELECT COUNT(*) FROM receipt r JOIN deal d ON d.id = r.deal_id "
                   "WHERE r.received_on < d.signing_date OR d.signing_date IS NULL OR d.status "
                   "NOT IN ('signed', 'registered', 'performing', 'completed')")[0][0] == 0
    assert q(demo, "SELECT COUNT(*) FROM publicity WHERE start_date > end_date")[0][0] == 0
    for table, column in (("ip_asset", "filing_date"), ("deal", "signing_date"),
                          ("receipt", "received_on"), ("distribution", "payment_date"),
                          ("rights_grant", "title_change_date"), ("achievement",
                                                                  "disclosure_date"),
                          ("publicity", "start_date"), ("objection", "raised_on")):
        assert q(demo, f"SELECT COUNT(*) FROM {table} WHERE {column} > '{today}'")[0][0] == 0
    later = q(demo, """
        SELECT COUNT(*) FROM achievement a WHERE EXISTS (
          SELECT 1 FROM ip_asset i WHERE i.achievement_id = a.id
          AND i.filing_date < a.disclosure_date) OR EXISTS (
          SELECT 1 FROM deal_achievement da JOIN deal d ON d.id = da.deal_id
          WHERE da.achievement_id = a.id AND (d.signing_date < a.disclosure_date
          OR d.approval_date < a.disclosure_date))""")
    assert later[0][0] == 0


def test_status_coherence(demo: AppContext) -> None:
    assert q(demo, "SELECT COUNT(*) FROM achievement WHERE status = 'released' "
                   "AND release_reason IS NULL")[0][0] == 0
    missing_ip = q(demo, """
        SELECT COUNT(*) FROM achievement a WHERE a.status IN
          ('protecting', 'marketing', 'converting', 'converted', 'archived')
          AND a.kind != 'technical_secret'
          AND NOT EXISTS (SELECT 1 FROM ip_asset i WHERE i.achievement_id = a.id)""")
    assert missing_ip[0][0] == 0
    converting = q(demo, """
        SELECT COUNT(*) FROM achievement a WHERE a.status = 'converting' AND NOT EXISTS (
          SELECT 1 FROM deal_achievement da JOIN deal d ON d.id = da.deal_id
          WHERE da.achievement_id = a.id AND d.status NOT IN ('completed', 'terminated'))""")
    assert converting[0][0] == 0


def test_deadlines_have_unique_rule_keys_and_cover_open_work(demo: AppContext) -> None:
    keys = q(demo, "SELECT rule_key, COUNT(*) FROM deadline WHERE rule_key IS NOT NULL "
                   "GROUP BY rule_key HAVING COUNT(*) > 1")
    assert keys == []
    open_pubs = q(demo, "SELECT id FROM publicity WHERE result IS NULL")
    raised = codes(demo, "deadline", "rule_key")
    assert all(f"publicity:{pid}:end" in raised for (pid,) in open_pubs)


def test_related_party_deals_exist(demo: AppContext) -> None:
    assert q(demo, "SELECT COUNT(*) FROM deal WHERE related_party_declared "
                   "AND related_party_approval_date IS NOT NULL")[0][0] >= 1


def test_chinese_content(demo: AppContext) -> None:
    titles = [t for (t,) in q(demo, "SELECT title FROM achievement")]
    assert any("电池" in t for t in titles) or any("固态" in t for t in titles)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in titles)
    assert codes(demo, "institution", "name") == {"京华理工大学"}
    assert len(codes(demo, "department", "name")) >= 20


# ---- prices ---------------------------------------------------------------------------------

def test_prices_are_heavy_tailed_around_the_national_averages() -> None:
    g = Gen(rng=__import__("random").Random(7), cases=1, policy=policy.Policy(
        1, policy.DEFAULT_POLICY), store=Store({}))
    samples = [g.lognormal_fen(460_000, 2.1, 5_000, 5e8) / 100 for _ in range(40_000)]
    mean = sum(samples) / len(samples)
    assert 0.75 * 460_000 <= mean <= 1.25 * 460_000
    samples.sort(reverse=True)
    top = sum(samples[:len(samples) // 10]) / sum(samples)
    assert top >= 0.75  # the top 10% of contracts carry most of the value
    assert all(s * 100 == int(s * 100) for s in samples[:100])


# ---- refusals, cancel, progress, CLI --------------------------------------------------------

def test_refuses_a_database_with_achievements(demo: AppContext) -> None:
    with pytest.raises(RuleViolation, match="already has achievements"):
        generate(demo, cases=10)


def test_cancel_writes_nothing(ctx: AppContext) -> None:
    before = q(ctx, "SELECT COUNT(*) FROM audit_event")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(Cancelled):
        generate(ctx, cases=200, cancel=cancel)
    assert q(ctx, "SELECT COUNT(*) FROM achievement")[0][0] == 0
    assert q(ctx, "SELECT COUNT(*) FROM person")[0][0] == 0
    assert q(ctx, "SELECT COUNT(*) FROM audit_event") == before
    generate(ctx, cases=20)  # and the database is still usable
    assert q(ctx, "SELECT COUNT(*) FROM achievement")[0][0] == 20


def test_cancel_in_the_middle_of_the_writes(ctx: AppContext) -> None:
    """Cancelled in the middle of the inserts: everything rolls back, indexes included."""
    tables = ("achievement", "contribution", "deal", "company", "deadline", "audit_event")
    before = {t: q(ctx, f"SELECT COUNT(*) FROM {t}")[0][0] for t in tables}
    reached: list[float] = []
    with pytest.raises(Cancelled):
        generate(ctx, cases=400, progress=lambda f, _m: reached.append(f),
                 cancel=lambda: bool(reached) and reached[-1] > 0.3)
    assert 0.3 < reached[-1] < 1.0
    assert {t: q(ctx, f"SELECT COUNT(*) FROM {t}")[0][0] for t in tables} == before
    indexes = q(ctx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                     "AND name = 'ix_audit_entity'")
    assert indexes[0][0] == 1  # the dropped indexes came back with the rollback


def test_progress_is_monotonic_and_ends_at_one(ctx: AppContext) -> None:
    seen: list[float] = []
    generate(ctx, cases=40, progress=lambda f, _m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)


def test_refuses_zero_cases(ctx: AppContext) -> None:
    with pytest.raises(RuleViolation):
        generate(ctx, cases=0)


def test_cli_demo(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["--db", db_url, "demo", "--cases", "30", "--seed", "3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["cases"] == 30 and out["counts"]["achievement"] == 30
    assert out["audit_events"] > 30
    assert cli_main(["--db", db_url, "demo", "--cases", "30"]) == 2
    assert "已有成果" in capsys.readouterr().err


def test_postgres_build_is_valid(any_ctx: AppContext) -> None:
    """The Core path (PostgreSQL) writes the same kind of data, and check agrees."""
    summary = generate(any_ctx, cases=60, seed=5)
    assert summary.counts["achievement"] == 60
    assert run_check(any_ctx).findings == []
    # sequences moved past the explicit ids: a normal insert still works
    with any_ctx.write() as s:
        s.execute(text("INSERT INTO department (code, name) VALUES ('ZZ', '测试单位')"))




def test_no_record_is_updated_before_it_was_created(demo: AppContext) -> None:
    from sqlalchemy import text

    with demo.read() as s:
        for table in ("achievement", "deal", "rights_grant", "distribution", "publicity"):
            bad = s.execute(text(f"SELECT count(*) FROM {table} "
                                 "WHERE updated_at < created_at")).scalar_one()
            assert bad == 0, table
