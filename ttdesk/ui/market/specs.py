"""The four lists of the 对接 area as `ListSpec`s: columns (headings from the core's labels),
sorts, filters and the `core.views.market` queries behind them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ttdesk.codes import ActivityKind, DemandSource, MatchOutcome
from ttdesk.core.views import market as v
from ttdesk.ui.kit import bus
from ttdesk.ui.lists.model import Column, FilterDef, ListSpec
from ttdesk.ui.lists.specs import YEAR, _enum, _fields, _officers, _recent_years

DEMANDS = ListSpec(
    key="market_demands",
    bus_kind=bus.MARKET,
    columns=(
        Column("raised_on", lambda r: r.raised_on, v.DemandSort.RAISED_ON, width=95),
        Column("company", lambda r: r.company, width=220),
        Column("need", lambda r: r.need, width=340),
        Column("field", lambda r: r.field, v.DemandSort.FIELD, width=100),
        Column("source", lambda r: r.source, v.DemandSort.SOURCE, width=90),
        Column("park", lambda r: r.park, v.DemandSort.PARK, width=140),
        Column("match_count", lambda r: r.match_count, numeric=True, width=60),
        Column("credit_code", lambda r: r.credit_code, hidden=True, width=160),
        Column("note", lambda r: r.note, hidden=True, width=200),
    ),
    default_filter=v.DemandFilter,
    ids=v.demand_ids,
    rows=v.demand_rows,
    count=lambda ctx, f: v.DEMANDS.count(ctx, f),
    first_rows=lambda ctx, f, n: v.DEMANDS.page(ctx, f, limit=n),
    filters=(
        FilterDef("source", QT_TRANSLATE_NOOP("ListPage", "需求来源"), _enum(DemandSource)),
        FilterDef("year", YEAR, _recent_years),
    ),
)

ALL_PARKS = QT_TRANSLATE_NOOP("ListPage", "全部园区")  # an entry for every park

SUPPLY = ListSpec(
    key="market_supply",
    bus_kind=bus.MARKET,
    columns=(
        Column("case_no", lambda r: r.case_no, v.SupplySort.CASE_NO, width=120),
        Column("title", lambda r: r.title, width=280),
        Column("field", lambda r: r.field, v.SupplySort.FIELD, width=100),
        Column("department", lambda r: r.department, width=130),
        Column("public_summary", lambda r: r.public_summary, width=360),
        Column("park", lambda r: r.park or QCoreApplication.translate("ListPage", ALL_PARKS),
               v.SupplySort.PARK, width=130),
        Column("listed_on", lambda r: r.listed_on, v.SupplySort.LISTED_ON, width=95),
        Column("match_count", lambda r: r.match_count, numeric=True, width=60),
        Column("status", lambda r: r.status, hidden=True, width=75),
    ),
    default_filter=v.SupplyFilter,
    ids=v.supply_ids,
    rows=v.supply_rows,
    count=lambda ctx, f: v.SUPPLY.count(ctx, f),
    first_rows=lambda ctx, f, n: v.SUPPLY.page(ctx, f, limit=n),
    filters=(FilterDef("field", QT_TRANSLATE_NOOP("ListPage", "技术领域"), _fields),),
)

STAGE = QT_TRANSLATE_NOOP("ListPage", "阶段")

MATCHES = ListSpec(
    key="market_matches",
    bus_kind=bus.MARKET,
    columns=(
        Column("updated_on", lambda r: r.updated_on, v.MatchSort.UPDATED_ON, width=95),
        Column("outcome", lambda r: r.outcome, v.MatchSort.OUTCOME, title=STAGE, width=90),
        Column("case_no", lambda r: r.case_no, width=115),
        Column("case_title", lambda r: r.case_title, width=260),
        Column("company", lambda r: r.company, width=200),
        Column("demand_need", lambda r: r.demand_need, width=200),
        Column("officer", lambda r: r.officer, width=75),
        Column("deal_no", lambda r: r.deal_no, width=110),
        Column("activity", lambda r: r.activity, hidden=True, width=200,
               title=QT_TRANSLATE_NOOP("ListPage", "对接活动")),
        Column("contacted_on", lambda r: r.contacted_on, v.MatchSort.CONTACTED_ON,
               hidden=True, width=95),
        Column("nda_on", lambda r: r.nda_on, hidden=True, width=95),
        Column("negotiating_on", lambda r: r.negotiating_on, hidden=True, width=95),
        Column("deal_on", lambda r: r.deal_on, hidden=True, width=95),
        Column("declined_on", lambda r: r.declined_on, hidden=True, width=95),
        Column("note", lambda r: r.note, hidden=True, width=200),
    ),
    default_filter=v.MatchFilter,
    ids=v.match_ids,
    rows=v.match_rows,
    count=lambda ctx, f: v.MATCHES.count(ctx, f),
    first_rows=lambda ctx, f, n: v.MATCHES.page(ctx, f, limit=n),
    filters=(
        FilterDef("outcome", STAGE, _enum(MatchOutcome)),
        FilterDef("officer_id", QT_TRANSLATE_NOOP("ListPage", "经办人"), _officers),
        FilterDef("year", YEAR, _recent_years),
    ),
)

ACTIVITIES = ListSpec(
    key="market_activities",
    bus_kind=bus.MARKET,
    columns=(
        Column("held_on", lambda r: r.held_on, width=95),
        Column("kind", lambda r: r.kind, width=70),
        Column("title", lambda r: r.title, width=300),
        Column("place", lambda r: r.place, width=180),
        Column("participants", lambda r: r.participants, numeric=True, width=70),
        Column("shown_count", lambda r: r.shown_count, numeric=True, width=80),
        Column("met_count", lambda r: r.met_count, numeric=True, width=80),
        Column("match_count", lambda r: r.match_count, numeric=True, width=60),
        Column("note", lambda r: r.note, hidden=True, width=200),
    ),
    default_filter=v.ActivityFilter,
    ids=v.activity_ids,
    rows=v.activity_rows,
    count=lambda ctx, f: v.ACTIVITIES.count(ctx, f),
    first_rows=lambda ctx, f, n: v.ACTIVITIES.page(ctx, f, limit=n),
    filters=(
        FilterDef("kind", QT_TRANSLATE_NOOP("ListPage", "类型"), _enum(ActivityKind)),
        FilterDef("year", YEAR, _recent_years),
    ),
)
