"""The interchange format v1, table by table: which JSON field fills which column.

One declaration serves the exporter, the importer's validation and writing, and the JSON
Schema in docs/, so the three cannot drift apart. Database ids never appear in a document:
records point at each other by natural keys (case_no, deal_no, staff_no, credit_code,
department code, username, IP application number, filing serial number) or, for records
that have none (rights grants, receipts, distributions, demands, matchmaking activities), by
a `key` that only lives inside the document.

Left out on purpose: `audit_event` (the importing database records the import itself in its
own hash chain), the automatic `created_at` / `updated_at` stamps and the optimistic-locking
`version` counters (they describe the database copy, not the business data).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from ttdesk import codes as E
from ttdesk.core.exchange.fields import Field, Kind
from ttdesk.db import models as M

FORMAT = "ttdesk-exchange"
VERSION = 1


@dataclass(frozen=True)
class Space:
    """A key space: where a reference of that kind points. `column` None = document-local."""

    table: Table
    column: str | None
    prefix: str = ""


SPACES: dict[str, Space] = {
    "department": Space(M.Department.__table__, "code"),
    "person": Space(M.Person.__table__, "staff_no"),
    "app_user": Space(M.User.__table__, "username"),
    "company": Space(M.Company.__table__, "credit_code"),
    "achievement": Space(M.Achievement.__table__, "case_no"),
    "deal": Space(M.Deal.__table__, "deal_no"),
    "ip_asset": Space(M.IPAsset.__table__, "application_no"),
    "filing": Space(M.Filing.__table__, "serial_no"),
    "rights_grant": Space(M.RightsGrant.__table__, None, "G"),
    "receipt": Space(M.Receipt.__table__, None, "R"),
    "cost": Space(M.Cost.__table__, None, "C"),
    "payment_milestone": Space(M.PaymentMilestone.__table__, None, "M"),
    "royalty_report": Space(M.RoyaltyReport.__table__, None, "Y"),
    "distribution": Space(M.Distribution.__table__, None, "X"),
    "demand": Space(M.Demand.__table__, None, "D"),
    "match_activity": Space(M.MatchActivity.__table__, None, "A"),
    "publicity": Space(M.Publicity.__table__, None, "P"),
}

# Values of deadline.subject_type / attachment.entity_type naming a key space.
ENTITY_ALIASES = {"case": "achievement", "user": "app_user", "activity": "match_activity"}


def entity_space(entity_type: str | None) -> str | None:
    """The key space a deadline's subject_type / attachment's entity_type names, if any
    (other subject types, such as "year", carry a plain value instead of a record id)."""
    if not entity_type:
        return None
    name = ENTITY_ALIASES.get(entity_type, entity_type)
    return name if name in SPACES else None


SUBJECT = "{subject}"


def template_rule_key(rule_key: str, subject_id: int) -> str:
    """A generated deadline's rule key embeds its subject's database id in the second place
    ("deal:<id>:registration"); the document writes "{subject}" there instead, and the
    import puts back the subject's id in the importing database (`fill_rule_key`)."""
    head, sep, rest = rule_key.partition(":")
    old = str(subject_id)
    if sep and (rest == old or rest.startswith(old + ":")):
        return f"{head}:{SUBJECT}{rest[len(old):]}"
    return rule_key


def fill_rule_key(rule_key: str, subject_id: int) -> str:
    return rule_key.replace(SUBJECT, str(subject_id))


@dataclass(frozen=True)
class Link:
    """A many-to-many list written as a list of keys (e.g. a deal's case numbers)."""

    name: str
    table: Table
    owner_col: str
    target_col: str
    space: str


@dataclass(frozen=True)
class Section:
    """A list of records of one table, top level or nested in its parent record."""

    name: str
    table: Table
    fields: tuple[Field, ...]
    key: str | None = None          # field holding this record's key (natural or document)
    space: str | None = None        # key space the key lives in
    parent_col: str | None = None   # nested: column pointing at the parent record
    fixed: dict[str, Any] = field(default_factory=dict)  # columns implied by the nesting
    children: tuple[Section, ...] = ()
    links: tuple[Link, ...] = ()
    reusable: bool = False  # an identical record already in the database is reused

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def s(name: str, n: int, required: bool = False, **kw: Any) -> Field:
    return Field(name, Kind.STR, required=required, max_len=n, **kw)


def txt(name: str, required: bool = False) -> Field:
    return Field(name, Kind.TEXT, required=required)


def d(name: str, required: bool = False) -> Field:
    return Field(name, Kind.DATE, required=required)


def b(name: str, default: bool | None = False) -> Field:
    return Field(name, Kind.BOOL, default=default)


def i(name: str, required: bool = False, lo: int | None = None, hi: int | None = None) -> Field:
    return Field(name, Kind.INT, required=required, minimum=lo, maximum=hi)


def m(name: str, required: bool = False) -> Field:
    return Field(name, Kind.MONEY, required=required)


def p(name: str, required: bool = False) -> Field:
    return Field(name, Kind.PERCENT, required=required)


def e(name: str, enum: type, default: Any = None) -> Field:
    return Field(name, Kind.ENUM, required=default is None, enum=enum, default=default)


def eo(name: str, enum: type) -> Field:
    """An optional (nullable) enum."""
    return Field(name, Kind.ENUM, enum=enum)


def ref(name: str, space: str, column: str, required: bool = False) -> Field:
    return Field(name, Kind.REF, column=column, required=required, space=space, max_len=60)


def key() -> Field:
    return Field("key", Kind.KEY, max_len=60)


POLICY_NO = i("policy_number", lo=0)

OBJECTIONS = Section("objections", M.Objection.__table__, (
    s("raised_by", 100, True), d("raised_on", True), txt("content", True), txt("resolution"),
    d("resolved_on"), b("upheld", default=None),
), parent_col="publicity_id")


def publicities(subject: E.PublicitySubject, parent_col: str) -> Section:
    return Section("publicities", M.Publicity.__table__, (
        key(), s("channel", 200, True), d("start_date", True), i("days", True, lo=1),
        e("day_kind", E.DayKind), d("end_date", True), eo("result", E.PublicityResult),
        d("closed_on"), POLICY_NO,
    ), key="key", space="publicity", parent_col=parent_col, fixed={"subject": subject},
        children=(OBJECTIONS,))


INSTITUTION = Section("institution", M.Institution.__table__, (
    s("name", 200, True), s("name_en", 200), s("tto_name", 200), s("address", 300),
    Field("logo", Kind.BYTES), s("asset_company", 200),
))

POLICY_VERSIONS = Section("versions", M.PolicyVersion.__table__, (
    i("number", True, lo=1), Field("effective_at", Kind.DATETIME, required=True),
    s("created_by", 100, True), txt("note"), Field("values", Kind.JSON, required=True),
), key="number")

CALENDAR = Section("calendar", M.CalendarDay.__table__, (
    d("day", True), b("is_workday"), s("note", 100),
), key="day")

DEPARTMENTS = Section("departments", M.Department.__table__, (
    s("code", 20, True), s("name", 100, True), s("name_en", 200),
    e("kind", E.DepartmentKind, E.DepartmentKind.COLLEGE), b("is_active", True),
    ref("merged_into", "department", "merged_into_id"),
), key="code", space="department", reusable=True)

USERS = Section("users", M.User.__table__, (
    s("username", 60, True), s("display_name", 100, True),
    e("role", E.UserRole, E.UserRole.OFFICER), s("password_hash", 200), b("is_active", True),
    # logins (issue 13): failures and lock, the person this user is, a hashed API key
    Field("failed_logins", Kind.INT, default=0, minimum=0), Field("locked_until", Kind.DATETIME),
    ref("person", "person", "person_id"), s("api_key_hash", 200),
), key="username", space="app_user", reusable=True)

COMPANIES = Section("companies", M.Company.__table__, (
    Field("credit_code", Kind.CREDIT_CODE, required=True, max_len=18), s("name", 200, True),
    d("registration_date"), m("registered_capital"), s("legal_representative", 100),
    s("address", 300), e("region", E.Region, E.Region.BEIJING), s("province_code", 6),
    b("is_spinoff"), s("park", 200), b("is_high_tech"), b("is_zjtx"), b("is_imported"),
    b("is_active", True), ref("merged_into", "company", "merged_into_id"),
), key="credit_code", space="company", reusable=True)

PEOPLE = Section("people", M.Person.__table__, (
    s("staff_no", 40, True), s("name", 100, True), ref("department", "department", "department_id"),
    s("title", 60), s("phone", 40), s("email", 120), s("id_number", 40),
    e("leader_level", E.LeaderLevel, E.LeaderLevel.NONE), b("is_student"), b("is_external"),
    eo("entrepreneurship", E.EmploymentStatus), b("is_active", True),
    ref("merged_into", "person", "merged_into_id"),
    eo("tech_manager_level", E.TechManagerLevel), s("tech_manager_cert_no", 60),
), key="staff_no", space="person", reusable=True, children=(
    Section("interests", M.PersonInterest.__table__, (
        ref("credit_code", "company", "company_id", True), s("nature", 100, True),
    ), parent_col="person_id"),
))

RIGHTS_GRANTS = Section("rights_grants", M.RightsGrant.__table__, (
    key(), e("form", E.GrantForm), p("team_share"), i("term_years", lo=0),
    ref("representative", "person", "representative_id"), d("application_date", True),
    b("plan_attached"), txt("plan_summary"), b("consent_recorded"),
    d("college_review_date"), txt("college_opinion"), d("tto_review_date"), txt("tto_opinion"),
    s("decision_body", 100), d("decision_date"), s("minutes_no", 60), s("agreement_no", 60),
    d("agreement_date"), d("title_change_date"), e("status", E.GrantStatus, E.GrantStatus.APPLIED),
    txt("rejection_reason"), POLICY_NO, b("is_imported"),
), key="key", space="rights_grant", parent_col="achievement_id",
    children=(publicities(E.PublicitySubject.RIGHTS_GRANT, "rights_grant_id"),))

ACHIEVEMENTS = Section("achievements", M.Achievement.__table__, (
    s("case_no", 40, True), s("title", 300, True), s("title_en", 400),
    e("kind", E.AchievementKind), s("field", 60), ref("department", "department", "department_id"),
    d("disclosure_date", True), txt("abstract"), i("trl", lo=1, hi=9),
    e("research_stage", E.ResearchStage, E.ResearchStage.RESEARCH),
    e("secrecy", E.Secrecy, E.Secrecy.NONE), b("public_interest"),
    ref("officer", "app_user", "officer_id"),
    s("intended_mode", 32), e("source", E.AchievementSource, E.AchievementSource.OWN_DISCLOSURE),
    e("status", E.AchievementStatus, E.AchievementStatus.DISCLOSED), txt("release_reason"),
    b("no_funding"), s("tags", 300), b("is_imported"),
    ref("manager", "person", "manager_id"),
), key="case_no", space="achievement", children=(
    Section("contributors", M.Contribution.__table__, (
        ref("staff_no", "person", "person_id", True), Field("share", Kind.SHARE, required=True),
        e("role", E.ContributorRole, E.ContributorRole.MEMBER),
    ), parent_col="achievement_id"),
    Section("funding_sources", M.FundingSource.__table__, (
        s("programme", 200, True), e("funder_type", E.FunderType), s("project_no", 60),
        txt("ip_terms_note"),
    ), parent_col="achievement_id"),
    Section("ip_assets", M.IPAsset.__table__, (
        e("kind", E.IPKind), s("jurisdiction", 8, default="CN"), s("application_no", 60, True),
        d("filing_date"), s("publication_no", 60), d("publication_date"), s("grant_no", 60),
        d("grant_date"), e("status", E.IPStatus, E.IPStatus.PENDING), s("owners", 300),
    ), key="application_no", space="ip_asset", parent_col="achievement_id", children=(
        # 存量专利盘活 (schema 0013): the patent's review, at most one
        Section("reviews", M.PatentReview.__table__, (
            e("grade", E.PatentGrade), e("decision", E.PatentDecision), s("reviewer", 100),
            d("reviewed_on"), txt("note"),
        ), parent_col="ip_asset_id"),
    )),
    Section("assessments", M.Assessment.__table__, (
        d("assessed_on", True), s("assessor", 100, True), i("technical_score"),
        i("market_score"), e("recommendation", E.Recommendation), txt("notes"),
    ), parent_col="achievement_id"),
    Section("supports", M.SupportReceived.__table__, (
        e("kind", E.SupportKind), s("provider", 200, True), d("received_on", True),
        m("amount"),
    ), parent_col="achievement_id"),
    RIGHTS_GRANTS,
    # market (schema 0008): its entry on the promotion list (at most one)
    Section("promotions", M.Promotion.__table__, (
        d("listed_on", True), txt("public_summary", True), s("park", 200), d("delisted_on"),
    ), parent_col="achievement_id"),
))

DEALS = Section("deals", M.Deal.__table__, (
    s("deal_no", 40, True), s("title", 300, True), e("mode", E.DealMode),
    ref("counterparty", "company", "counterparty_id"), eo("pricing_method", E.PricingMethod),
    m("price"), s("exchange_reference", 100), b("deferred_payment"), s("deferred_trigger", 200),
    d("deferred_review_date"), m("upfront_amount"), p("royalty_rate"), s("royalty_base", 100),
    m("minimum_annual_royalty"), i("royalty_period_months", lo=1, hi=12), txt("payment_terms"),
    ref("rights_grant", "rights_grant", "rights_grant_id"), b("related_party_declared"),
    txt("related_party_declaration"), d("related_party_approval_date"),
    Field("due_diligence", Kind.JSON), s("approval_tier", 60), s("approval_body", 100),
    d("approval_date"), s("approval_minutes_no", 60), s("supervising_approval_ref", 100),
    d("supervising_approval_date"), d("signing_date"), s("registration_no", 60),
    d("registration_date"), d("completion_date"), e("status", E.DealStatus, E.DealStatus.DRAFT),
    txt("termination_reason"), POLICY_NO, b("is_imported"), d("production_start_date"),
    ref("manager", "person", "manager_id"),
    # law2 (schema 0009): contract registration of 2026 and a licence's term
    d("registration_submitted_on"), b("registration_disputed"),
    m("registration_contract_amount"), m("registration_tech_amount"), d("term_end"),
    d("terminated_on"),
), key="deal_no", space="deal", links=(
    Link("achievements", M.deal_achievement, "deal_id", "achievement_id", "achievement"),
    Link("ip_assets", M.deal_ip_asset, "deal_id", "ip_asset_id", "ip_asset"),
), children=(
    Section("valuations", M.Valuation.__table__, (
        Field("appraised", Kind.BOOL, required=True), txt("no_appraisal_reason"),
        s("firm", 200), s("report_no", 60), d("base_date"), eo("approach", E.ValuationApproach),
        m("appraised_value"), m("agreed_value"), d("filing_date"),
    ), parent_col="deal_id"),
    # law2 (schema 0009): submitted / certified / changed / deregistered
    Section("registration_events", M.RegistrationEvent.__table__, (
        e("kind", E.RegistrationEventKind), d("event_date", True), s("certificate_no", 60),
        m("contract_amount"), m("tech_amount"), txt("note"),
    ), parent_col="deal_id"),
    publicities(E.PublicitySubject.DEAL, "deal_id"),
    Section("payment_milestones", M.PaymentMilestone.__table__, (
        key(), i("seq", True, lo=1), s("title", 200, True), m("amount", True), d("due_date"),
        s("trigger", 200), txt("note"),
    ), key="key", space="payment_milestone", parent_col="deal_id"),
    Section("royalty_reports", M.RoyaltyReport.__table__, (
        key(), d("period_start", True), d("period_end", True), d("reported_on"),
        m("sales_base", True), m("reported_royalty"), txt("note"),
    ), key="key", space="royalty_report", parent_col="deal_id"),
    Section("operating_profits", M.OperatingProfit.__table__, (
        i("year", True, lo=1900, hi=9999), m("amount", True), s("source_document", 200, True),
        txt("note"),
    ), parent_col="deal_id"),
))

MATCH_ACTIVITIES = Section("match_activities", M.MatchActivity.__table__, (
    key(), e("kind", E.ActivityKind), d("held_on", True), s("title", 200, True),
    i("participants", lo=0),
    s("place", 200), txt("note"),  # market (schema 0008)
), key="key", space="match_activity", links=(  # market (schema 0008)
    Link("shown", M.activity_achievement, "activity_id", "achievement_id", "achievement"),
    Link("met", M.activity_company, "activity_id", "company_id", "company"),
))

DEMANDS = Section("demands", M.Demand.__table__, (
    key(), ref("credit_code", "company", "company_id"), txt("need", True), s("field", 60),
    d("raised_on", True), e("source", E.DemandSource),
    s("park", 200), txt("note"),  # market (schema 0008)
), key="key", space="demand")

MATCHES = Section("matches", M.Match.__table__, (
    ref("demand", "demand", "demand_id"), ref("case_no", "achievement", "achievement_id", True),
    ref("activity", "match_activity", "activity_id"), ref("credit_code", "company", "company_id"),
    e("outcome", E.MatchOutcome), d("updated_on", True),
    ref("manager", "person", "manager_id"),
    # market (schema 0008): the officer, each stage's day, the deal it became
    ref("officer", "app_user", "officer_id"), d("contacted_on"), d("nda_on"),
    d("negotiating_on"), d("deal_on"), d("declined_on"), ref("deal_no", "deal", "deal_id"),
    txt("note"),
))

MILESTONES = Section("milestones", M.CompanyMilestone.__table__, (
    ref("credit_code", "company", "company_id", True), e("kind", E.MilestoneKind),
    d("happened_on", True), m("amount"), s("note", 300),
    s("investors", 300), b("government_fund"),
))

SHAREHOLDINGS = Section("shareholdings", M.Shareholding.__table__, (
    ref("credit_code", "company", "company_id", True), e("holder_type", E.HolderType),
    s("holder_name", 200, True), ref("staff_no", "person", "person_id"),
    eo("employment_status", E.EmploymentStatus), m("subscribed_capital", True),
    m("paid_in_capital", True), p("percentage", True), b("is_state_owned"),
    d("leader_approval_date"), s("leader_approval_body", 100), s("leader_approval_doc", 60),
))

EQUITY_EVENTS = Section("equity_events", M.EquityEvent.__table__, (
    ref("credit_code", "company", "company_id", True), ref("deal_no", "deal", "deal_id"),
    e("kind", E.EquityEventKind), d("happened_on", True), m("amount"), p("percentage"),
    txt("note"), s("holder_name", 200), s("counterparty_name", 200), m("capital_after"),
    ref("receipt", "receipt", "receipt_id"),
), children=(
    # the cap table right after the event (ownership over time)
    Section("positions", M.EquityPosition.__table__, (
        e("holder_type", E.HolderType), s("holder_name", 200, True),
        ref("staff_no", "person", "person_id"), m("subscribed_capital", True),
        m("paid_in_capital", True), p("percentage", True), b("is_state_owned"),
    ), parent_col="event_id"),
))

RECEIPTS = Section("receipts", M.Receipt.__table__, (
    key(), ref("deal_no", "deal", "deal_id", True), d("received_on", True), m("amount", True),
    e("kind", E.ReceiptKind), s("invoice_no", 60), m("sales_base"),
    ref("reverses", "receipt", "reverses_id"), txt("note"),
    ref("milestone", "payment_milestone", "milestone_id"),
    ref("royalty_report", "royalty_report", "royalty_report_id"),
), key="key", space="receipt")

COSTS = Section("costs", M.Cost.__table__, (
    key(), ref("case_no", "achievement", "achievement_id"), ref("deal_no", "deal", "deal_id"),
    d("incurred_on", True), m("amount", True), e("category", E.CostCategory),
    b("deductible", True), txt("note"), ref("reverses", "cost", "reverses_id"),
), key="key", space="cost")

DISTRIBUTIONS = Section("distributions", M.Distribution.__table__, (
    key(), ref("deal_no", "deal", "deal_id", True),
    e("status", E.DistributionStatus, E.DistributionStatus.DRAFT), m("gross_income", True),
    m("deductible_costs", True), m("net_income", True), p("team_share_pct", True),
    m("team_amount", True), m("department_amount", True), m("tto_amount", True),
    m("university_amount", True), b("is_equity"), d("approval_date"), s("approval_body", 100),
    d("payment_date"), POLICY_NO, txt("note"), i("profit_year", lo=1900, hi=9999),
), key="key", space="distribution", links=(
    Link("receipts", M.distribution_receipt, "distribution_id", "receipt_id", "receipt"),
), children=(
    Section("allocations", M.Allocation.__table__, (
        ref("staff_no", "person", "person_id", True), p("contribution_pct", True),
        m("amount", True), m("taxable_amount", True), p("equity_pct"), txt("adjustment_reason"),
        d("leader_approval_date"), s("leader_approval_body", 100), s("leader_approval_doc", 60),
    ), parent_col="distribution_id"),
    publicities(E.PublicitySubject.DISTRIBUTION, "distribution_id"),
))

DEADLINES = Section("deadlines", M.Deadline.__table__, (
    d("due_date", True), e("kind", E.DeadlineKind), s("subject_type", 32),
    Field("subject_key", Kind.ENTITY, column="subject_id", space="subject_type", max_len=60),
    s("subject_ref", 60), s("title", 300, True), s("rule_key", 120), b("done"), d("done_on"),
    d("snoozed_until"),
))

FILINGS = Section("filings", M.Filing.__table__, (
    s("serial_no", 40, True), s("kind", 8, True), s("subject", 60, True), i("version", True),
    s("lang", 5, default="zh"), Field("created_at", Kind.DATETIME, required=True),
    s("created_by", 100, True), s("sha256", 64, True), s("snapshot_sha256", 64, True),
    Field("snapshot", Kind.JSON, required=True), b("superseded"), Field("content", Kind.BYTES),
), key="serial_no", space="filing")

ATTACHMENTS = Section("attachments", M.Attachment.__table__, (
    s("entity_type", 32, True),
    Field("entity_key", Kind.ENTITY, column="entity_id", required=True, space="entity_type",
          max_len=60),
    s("filename", 260, True), s("sha256", 64, True), txt("description"),
    i("size", lo=0), s("created_by", 100), Field("content", Kind.BYTES),
))

NOTES = Section("notes", M.Note.__table__, (
    s("entity_type", 32, True),
    Field("entity_key", Kind.ENTITY, column="entity_id", required=True, space="entity_type",
          max_len=60),
    d("written_on", True), s("author", 100, True), txt("body", True),
))

# Generic top-level sections, in the order they are written (each only points backwards,
# except deadlines and attachments, which may point at anything and therefore come last).
TOP: tuple[Section, ...] = (
    DEPARTMENTS, COMPANIES, PEOPLE, USERS, ACHIEVEMENTS, DEALS, MATCH_ACTIVITIES, DEMANDS,
    MATCHES, MILESTONES, SHAREHOLDINGS, RECEIPTS, COSTS, EQUITY_EVENTS, DISTRIBUTIONS,
    FILINGS, DEADLINES, ATTACHMENTS, NOTES,
)
META_KEYS = ("format", "version", "exported_at", "app_version", "selection", "personal")
SPECIAL_KEYS = ("institution", "policy", "calendar")
DOCUMENT_KEYS = META_KEYS + SPECIAL_KEYS + tuple(sec.name for sec in TOP)


def walk(sections: tuple[Section, ...] = TOP, prefix: str = "") -> list[tuple[str, Section]]:
    """Every section with its dotted path ("achievements.contributors"), parents first."""
    out: list[tuple[str, Section]] = []
    for sec in sections:
        path = f"{prefix}{sec.name}"
        out.append((path, sec))
        out.extend(walk(sec.children, path + "."))
    return out
