"""The four big lists as `ListSpec`s: columns (headings from `ttdesk.core.base.labels`), the SQL
sort each column maps to, the filters, and the core query functions behind them.

The case list is the start-up page: its spec is built from the light terms of the read side
(`views.light`, no SQLAlchemy) and reaches the queries only when they run. The other three
are built on first use (module `__getattr__`), because naming their sorts imports the views.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ttdesk.codes import AchievementStatus, DeadlineKind, DealMode, DealStatus, Region
from ttdesk.core import views as q
from ttdesk.core.base.labels import choices, yes_no
from ttdesk.core.views.light import CaseFilter, CaseSort
from ttdesk.ui.kit import bus
from ttdesk.ui.lists.model import Column, FilterDef, ListSpec

if TYPE_CHECKING:
    from ttdesk.core.views.dashboard import FilterChoices

Choices = list[tuple[Any, str]]


def _enum(enum_cls: type[StrEnum]) -> Any:
    def make(_fc: FilterChoices, lang: str) -> Choices:
        return [(enum_cls(code), text) for code, text in choices(enum_cls, lang)]
    return make


def _departments(fc: FilterChoices, _lang: str) -> Choices:
    return list(fc.departments)


def _fields(fc: FilterChoices, _lang: str) -> Choices:
    return [(f, f) for f in fc.fields]


def _officers(fc: FilterChoices, _lang: str) -> Choices:
    return list(fc.officers)


def _case_years(fc: FilterChoices, _lang: str) -> Choices:
    return [(y, str(y)) for y in fc.case_years]


def _recent_years(_fc: FilterChoices, _lang: str) -> Choices:
    this = date.today().year
    return [(y, str(y)) for y in range(this, this - 15, -1)]


def _yes_no(_fc: FilterChoices, lang: str) -> Choices:
    return [(True, yes_no(True, lang)), (False, yes_no(False, lang))]


STATUS = QT_TRANSLATE_NOOP("ListPage", "状态")
YEAR = QT_TRANSLATE_NOOP("ListPage", "年份")

CASES = ListSpec(
    key="cases",
    bus_kind=bus.ACHIEVEMENTS,
    columns=(
        Column("case_no", lambda r: r.case_no, CaseSort.CASE_NO, width=120),
        Column("title", lambda r: r.title, CaseSort.TITLE, width=320),
        Column("title_en", lambda r: r.title_en, hidden=True, width=240),
        Column("kind", lambda r: r.kind, CaseSort.KIND, width=100),
        Column("field", lambda r: r.field, CaseSort.FIELD, width=110),
        Column("department", lambda r: r.department, CaseSort.DEPARTMENT, width=140),
        Column("disclosure_date", lambda r: r.disclosure_date, CaseSort.DISCLOSURE_DATE,
               width=95),
        Column("status", lambda r: r.status, CaseSort.STATUS, width=75),
        Column("officer", lambda r: r.officer, CaseSort.OFFICER, width=75),
        Column("lead_inventor", lambda r: r.lead_inventor, width=75),
        Column("deal_count", lambda r: r.deal_count, numeric=True, width=60),
    ),
    default_filter=CaseFilter,
    ids=lambda ctx, f: q.case_ids(ctx, f),
    rows=lambda ctx, ids: q.case_rows(ctx, ids),
    count=lambda ctx, f: q.count_cases(ctx, f),
    first_rows=lambda ctx, f, n: q.list_cases(ctx, f, limit=n),
    filters=(
        FilterDef("status", STATUS, _enum(AchievementStatus)),
        FilterDef("department_id", QT_TRANSLATE_NOOP("ListPage", "院系"), _departments),
        FilterDef("field", QT_TRANSLATE_NOOP("ListPage", "技术领域"), _fields),
        FilterDef("year", QT_TRANSLATE_NOOP("ListPage", "披露年份"), _case_years),
        FilterDef("officer_id", QT_TRANSLATE_NOOP("ListPage", "经办人"), _officers),
    ),
)

def _deals() -> ListSpec:
    return ListSpec(
        key="deals",
        bus_kind=bus.DEALS,
        columns=(
            Column("deal_no", lambda r: r.deal_no, q.DealSort.DEAL_NO, width=115),
            Column("title", lambda r: r.title, q.DealSort.TITLE, width=300),
            Column("mode", lambda r: r.mode, q.DealSort.MODE, width=90),
            Column("counterparty", lambda r: r.counterparty, q.DealSort.COUNTERPARTY, width=220),
            Column("credit_code", lambda r: r.counterparty_credit_code, hidden=True, width=160),
            Column("price", lambda r: r.price, q.DealSort.PRICE, numeric=True, width=120),
            Column("pricing_method", lambda r: r.pricing_method, q.DealSort.PRICING_METHOD,
                   width=80),
            Column("status", lambda r: r.status, q.DealSort.STATUS,
                   width=75),
            Column("signing_date", lambda r: r.signing_date, q.DealSort.SIGNING_DATE, width=95),
            Column("deferred_payment", lambda r: r.deferred_payment, hidden=True, width=80),
            Column("case_nos", lambda r: r.case_nos, width=140),
        ),
        default_filter=q.DealFilter,
        ids=q.deal_ids,
        rows=q.deal_rows,
        count=q.count_deals,
        first_rows=lambda ctx, f, n: q.list_deals(ctx, f, limit=n),
        filters=(
            FilterDef("status", STATUS, _enum(DealStatus)),
            FilterDef("mode", QT_TRANSLATE_NOOP("ListPage", "转化方式"), _enum(DealMode)),
            FilterDef("year", QT_TRANSLATE_NOOP("ListPage", "签约年份"), _recent_years),
        ),
    )

def _companies() -> ListSpec:
    return ListSpec(
        key="companies",
        bus_kind=bus.COMPANIES,
        columns=(
            Column("name", lambda r: r.name, q.CompanySort.NAME, width=260),
            Column("credit_code", lambda r: r.credit_code, q.CompanySort.CREDIT_CODE, width=170),
            Column("region", lambda r: r.region, q.CompanySort.REGION, width=70),
            Column("is_spinoff", lambda r: r.is_spinoff, q.CompanySort.IS_SPINOFF, width=70),
            Column("registration_date", lambda r: r.registration_date,
                   q.CompanySort.REGISTRATION_DATE, width=95),
            Column("registered_capital", lambda r: r.registered_capital,
                   q.CompanySort.REGISTERED_CAPITAL, numeric=True, width=130),
            Column("legal_representative", lambda r: r.legal_representative, width=80),
            Column("park", lambda r: r.park, hidden=True, width=160),
            Column("is_high_tech", lambda r: r.is_high_tech, width=70),
            Column("is_zjtx", lambda r: r.is_zjtx, width=70),
            Column("deal_count", lambda r: r.deal_count, numeric=True, width=60),
        ),
        default_filter=q.CompanyFilter,
        ids=q.company_ids,
        rows=q.company_rows,
        count=q.count_companies,
        first_rows=lambda ctx, f, n: q.list_companies(ctx, f, limit=n),
        filters=(
            FilterDef("region", QT_TRANSLATE_NOOP("ListPage", "地区"), _enum(Region)),
            FilterDef("is_spinoff", QT_TRANSLATE_NOOP("ListPage", "衍生企业"), _yes_no),
            FilterDef("year", QT_TRANSLATE_NOOP("ListPage", "成立年份"), _recent_years),
        ),
    )

def _deadlines() -> ListSpec:
    return ListSpec(
        key="deadlines",
        bus_kind=bus.DEADLINES,
        columns=(
            Column("due_date", lambda r: r.due_date, q.DeadlineSort.DUE_DATE, width=95),
            Column("days_left", lambda r: r.days_left, numeric=True, width=70),
            Column("state", lambda r: r.state, title=STATUS, width=75),
            Column("kind", lambda r: r.kind, q.DeadlineSort.KIND, width=120),
            Column("title", lambda r: r.title, q.DeadlineSort.TITLE, width=360),
            Column("subject_ref", lambda r: r.subject_ref, q.DeadlineSort.SUBJECT_REF, width=120),
            Column("done_on", lambda r: r.done_on, hidden=True, width=95),
        ),
        default_filter=lambda: q.DeadlineFilter(state=q.DeadlineState.OPEN),
        # called, not named: the dashboard builds this spec before the ORM is imported
        ids=lambda ctx, f: q.deadline_ids(ctx, f),
        rows=lambda ctx, ids: q.deadline_rows(ctx, ids),
        count=lambda ctx, f: q.count_deadlines(ctx, f),
        first_rows=lambda ctx, f, n: q.list_deadlines(ctx, f, limit=n),
        filters=(
            FilterDef("state", STATUS, _enum(q.DeadlineState)),
            FilterDef("kind", QT_TRANSLATE_NOOP("ListPage", "类型"), _enum(DeadlineKind)),
            # "my tasks": the responsible officer of the case or deal
            FilterDef("officer_id", QT_TRANSLATE_NOOP("ListPage", "经办人"), _officers),
        ),
    )


def _spinoffs() -> ListSpec:
    """转化创办企业: the spin-offs with their follow-up (issue 17 §2)."""
    from ttdesk.codes import EmploymentStatus, MilestoneKind
    from ttdesk.core.views import spinoffs as so

    return ListSpec(
        key="spinoffs",
        bus_kind=bus.COMPANIES,
        columns=(
            Column("name", lambda r: r.name, so.SpinoffSort.NAME, width=250),
            Column("credit_code", lambda r: r.credit_code, so.SpinoffSort.CREDIT_CODE,
                   hidden=True, width=170),
            Column("registration_date", lambda r: r.registration_date,
                   so.SpinoffSort.REGISTRATION_DATE, width=95),
            Column("age_years", lambda r: r.age_years, numeric=True, width=60),
            Column("park", lambda r: r.park, width=150),
            Column("first_order_on", lambda r: r.first_order_on, width=95),
            Column("financing_total", lambda r: r.financing_total, numeric=True, width=130),
            Column("government_fund", lambda r: r.government_fund, width=80),
            Column("is_high_tech", lambda r: r.is_high_tech, width=70),
            Column("is_zjtx", lambda r: r.is_zjtx, width=70),
            Column("founders_on_post", lambda r: r.founders_on_post, numeric=True, width=70),
            Column("founders_off_post", lambda r: r.founders_off_post, numeric=True, width=70),
            Column("milestone_count", lambda r: r.milestones, numeric=True, width=60),
        ),
        default_filter=so.SpinoffFilter,
        ids=so.spinoff_ids,
        rows=so.spinoff_rows,
        count=so.count_spinoffs,
        first_rows=lambda ctx, f, n: so.list_spinoffs(ctx, f, limit=n),
        filters=(
            FilterDef("milestone", QT_TRANSLATE_NOOP("ListPage", "里程碑"),
                      _enum(MilestoneKind)),
            FilterDef("government_fund", QT_TRANSLATE_NOOP("ListPage", "政府基金参投"),
                      _yes_no),
            FilterDef("founders", QT_TRANSLATE_NOOP("ListPage", "创始人创业方式"),
                      _enum(EmploymentStatus)),
            FilterDef("age", QT_TRANSLATE_NOOP("ListPage", "企业年龄"), _enum(so.AgeBand)),
            FilterDef("year", QT_TRANSLATE_NOOP("ListPage", "成立年份"), _recent_years),
            FilterDef("zjtx_year", QT_TRANSLATE_NOOP("ListPage", "专精特新认定年份"),
                      _recent_years),
        ),
    )


_LAZY = {"DEALS": _deals, "COMPANIES": _companies, "DEADLINES": _deadlines,
         "SPINOFFS": _spinoffs}


def __getattr__(name: str) -> Any:
    if name == "ALL_SPECS":
        value: Any = (CASES, *(__getattr__(n) for n in _LAZY))
    elif name in _LAZY:
        value = _LAZY[name]()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
