"""`list cases|deals|companies|deadlines` and `show CASE_NO|DEAL_NO`.

Text output is tab-separated with a heading line and labels in the chosen language
(`ttdesk-cli --lang en list cases`); `--json` prints code names, money as decimal strings
and ISO dates. An unknown status, sort key or department is refused with exit code 2 and the
list of valid values.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json, print_table
from ttdesk.codes import AchievementKind, AchievementStatus, DealMode, DealStatus, Region
from ttdesk.core import views as q
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.base.labels import choices, field_label, label, parse, yes_no

ENTITIES = ("cases", "deals", "companies", "deadlines")

COLUMNS = {
    "cases": ["case_no", "title", "kind", "field", "department", "disclosure_date", "status",
              "officer", "lead_inventor", "deal_count"],
    "deals": ["deal_no", "title", "mode", "counterparty", "price", "pricing_method", "status",
              "signing_date", "case_nos"],
    "companies": ["credit_code", "name", "region", "is_spinoff", "registration_date",
                  "registered_capital", "legal_representative", "deal_count"],
    "deadlines": ["due_date", "kind", "title", "subject_ref", "status"],
}
STATUS_ENUM: dict[str, type[StrEnum] | None] = {
    "cases": AchievementStatus, "deals": DealStatus, "companies": None,
    "deadlines": q.DeadlineState,
}
SORT_ENUM: dict[str, type[StrEnum]] = {
    "cases": q.CaseSort, "deals": q.DealSort, "companies": q.CompanySort,
    "deadlines": q.DeadlineSort,
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list cases, deals, companies or deadlines / 列表查询")
    p.add_argument("entity", choices=ENTITIES)
    p.add_argument("--status", help="status code (or label); several separated by commas")
    p.add_argument("--search", help="substring of title, number or name / 关键词")
    p.add_argument("--limit", type=int, help="at most N rows (default: all)")
    p.add_argument("--offset", type=int, default=0, help="skip the first N rows")
    p.add_argument("--sort", help="sort key, e.g. case_no, disclosure_date, status")
    order = p.add_mutually_exclusive_group()
    order.add_argument("--desc", action="store_true", default=None, help="descending")
    order.add_argument("--asc", dest="desc", action="store_false", help="ascending")
    p.add_argument("--year", type=int, help="disclosure / signing / registration year")
    p.add_argument("--kind", help="cases: achievement kind")
    p.add_argument("--mode", help="deals: mode")
    p.add_argument("--department", help="cases: department code or name")
    p.add_argument("--region", help="companies: region")
    p.add_argument("--today", type=date.fromisoformat,
                   help="deadlines: the day overdue / upcoming count from (YYYY-MM-DD)")
    add_json_flag(p)
    p.set_defaults(handler=run_list)

    s = sub.add_parser("show", help="one case or deal with its history / 查看成果或项目")
    s.add_argument("key", metavar="CASE_NO|DEAL_NO")
    add_json_flag(s)
    s.set_defaults(handler=run_show)


# ---- parsing options ----------------------------------------------------------------------

def _refuse(option: str, value: str, enum_cls: type[StrEnum], what_zh: str,
            what_en: str) -> RuleViolation:
    valid_zh = ", ".join(f"{c} ({text})" for c, text in choices(enum_cls, "zh"))
    valid_en = ", ".join(f"{c} ({text})" for c, text in choices(enum_cls, "en"))
    return RuleViolation("ARG", f"无效的{what_zh}“{value}”。可选：{valid_zh}",
                         f"invalid {what_en} {value!r}. Valid: {valid_en}", field=option)


def _codes(option: str, raw: str | None, enum_cls: type[StrEnum] | None, zh: str,
           en: str) -> Any:
    """One code, a tuple for "a,b", or None; accepts Chinese / English labels too."""
    if raw is None:
        return None
    if enum_cls is None:
        raise RuleViolation("ARG", "企业没有状态，请用 --region 或 --search 筛选",
                            "companies have no status; filter with --region or --search",
                            field=option)
    try:
        found = tuple(parse(enum_cls, part) for part in raw.split(",") if part.strip())
    except ValueError:
        raise _refuse(option, raw, enum_cls, zh, en) from None
    if not found:
        raise _refuse(option, raw, enum_cls, zh, en)
    return found[0] if len(found) == 1 else found


def _only_for(args: argparse.Namespace, allowed: dict[str, Sequence[str]]) -> None:
    for option, entities in allowed.items():
        if getattr(args, option) is not None and args.entity not in entities:
            raise RuleViolation(
                "ARG", f"--{option} 不适用于 {args.entity}（仅用于 {', '.join(entities)}）",
                f"--{option} does not apply to {args.entity} (only {', '.join(entities)})",
                field=f"--{option}")


def _sort_options(args: argparse.Namespace) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if args.sort is not None:
        enum_cls = SORT_ENUM[args.entity]
        if args.sort not in {m.value for m in enum_cls}:
            valid = ", ".join(m.value for m in enum_cls)
            raise RuleViolation("ARG", f"无效的排序字段“{args.sort}”。可选：{valid}",
                                f"invalid sort key {args.sort!r}. Valid: {valid}",
                                field="--sort")
        found["sort"] = args.sort
        found["descending"] = bool(args.desc)  # a chosen key sorts ascending unless --desc
    elif args.desc is not None:
        found["descending"] = args.desc
    return found


def _department_id(ctx: Any, key: str) -> int:
    from ttdesk.core.base import lookup

    with ctx.read() as session:
        return lookup.department(session, key).id


def _filter(ctx: Any, args: argparse.Namespace) -> Any:
    _only_for(args, {"kind": ["cases", "deadlines"], "mode": ["deals"],
                     "department": ["cases"], "region": ["companies"], "today": ["deadlines"],
                     "year": ["cases", "deals", "companies"]})
    status = _codes("--status", args.status, STATUS_ENUM[args.entity], "状态", "status")
    common = {"search": args.search, **_sort_options(args)}
    if args.entity == "cases":
        kind = _codes("--kind", args.kind, AchievementKind, "成果类型", "kind")
        dept = None if args.department is None else _department_id(ctx, args.department)
        return q.CaseFilter(status=status, kind=kind, department_id=dept, year=args.year,
                            **common)
    if args.entity == "deals":
        mode = _codes("--mode", args.mode, DealMode, "转化方式", "mode")
        return q.DealFilter(status=status, mode=mode, year=args.year, **common)
    if args.entity == "companies":
        region = _codes("--region", args.region, Region, "地区", "region")
        return q.CompanyFilter(region=region, year=args.year, **common)
    from ttdesk.codes import DeadlineKind

    kind = _codes("--kind", args.kind, DeadlineKind, "待办类型", "kind")
    return q.DeadlineFilter(state=status, kind=kind, today=args.today, **common)


# ---- list ---------------------------------------------------------------------------------

LISTERS: dict[str, tuple[Callable[..., list[Any]], Callable[..., int]]] = {
    "cases": (q.list_cases, q.count_cases),
    "deals": (q.list_deals, q.count_deals),
    "companies": (q.list_companies, q.count_companies),
    "deadlines": (q.list_deadlines, q.count_deadlines),
}


def _json_row(row: Any) -> dict[str, Any]:
    data = dataclasses.asdict(row)
    if isinstance(row, q.DeadlineRow):
        data["status"] = row.state.value
    return data


def _cell(value: Any, lang: str) -> Any:
    if isinstance(value, StrEnum):
        return label(value, lang)
    if isinstance(value, bool):
        return yes_no(value, lang)
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value)
    return value


def _text_row(row: Any, columns: list[str], lang: str) -> dict[str, Any]:
    data = {c: getattr(row, c, None) for c in columns}
    if isinstance(row, q.DeadlineRow):
        data["status"] = row.state
    return {c: _cell(v, lang) for c, v in data.items()}


def run_list(args: argparse.Namespace) -> int:
    if (args.limit is not None and args.limit < 0) or args.offset < 0:
        raise RuleViolation("ARG", "--limit 与 --offset 不能为负数",
                            "--limit and --offset must not be negative", field="--limit")
    ctx = open_ctx(args)
    try:
        f = _filter(ctx, args)
        lister, counter = LISTERS[args.entity]
        rows = lister(ctx, f, limit=args.limit, offset=args.offset)
        if args.json:
            print_json([_json_row(r) for r in rows])
            return EXIT_OK
        columns = COLUMNS[args.entity]
        print("\t".join(field_label(c, args.lang) for c in columns))
        print_table((_text_row(r, columns, args.lang) for r in rows), columns)
        if args.limit is not None or args.offset:
            total = counter(ctx, f)
            print(f"显示 {len(rows)} 条，共 {total} 条 / showing {len(rows)} of {total}",
                  file=sys.stderr)
        return EXIT_OK
    finally:
        ctx.db.dispose()


# ---- show ---------------------------------------------------------------------------------

def _find(ctx: Any, key: str) -> tuple[str, Any]:
    try:
        return "case", q.case_detail(ctx, key)
    except NotFound:
        pass
    try:
        return "deal", q.deal_detail(ctx, key)
    except NotFound:
        raise NotFound("成果或转化项目 / case or deal", key) from None


def _value(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return label(value, lang)
    if isinstance(value, bool):
        return yes_no(value, lang)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _scalars(obj: Any) -> list[tuple[str, Any]]:
    """Plain fields of a DTO, without ids (internal) and nested rows (shown as sections)."""
    return [
        (f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj)
        if f.name not in ("id", "version") and not f.name.endswith("_id")
        and not isinstance(getattr(obj, f.name), tuple | dict)
        and not dataclasses.is_dataclass(getattr(obj, f.name))
    ]


def _print_rows(rows: Sequence[Any], lang: str, out: Any, indent: str = "") -> None:
    for i, row in enumerate(rows):
        fields = _scalars(row)
        if i == 0:
            print(indent + "\t".join(field_label(k, lang) for k, _ in fields), file=out)
        print(indent + "\t".join(_value(v, lang) for _, v in fields), file=out)
        for nested in ("publicities", "objections", "allocations"):
            _print_rows(getattr(row, nested, ()), lang, out, indent + "  ")


def _print_section(name: str, rows: Sequence[Any], lang: str, out: Any) -> None:
    if rows:
        print(f"\n[{field_label(name, lang)}]", file=out)
        _print_rows(rows, lang, out)


def _change_text(event: q.HistoryEvent) -> str:
    if event.action != "update":
        return event.entity_ref or ""
    parts = []
    for key, change in event.changes.items():
        if isinstance(change, dict) and "before" in change:
            parts.append(f"{key}: {change['before']} → {change['after']}")
        else:
            parts.append(f"{key}: {change}")
    return "; ".join(parts)


def _print_detail(record: str, detail: Any, lang: str, out: Any = None) -> None:
    out = out or sys.stdout
    renamed = {"registration_date": "contract_registration_date"} if record == "deal" else {}
    for name, value in _scalars(detail):
        if name == "intended_mode" and value in {m.value for m in DealMode}:
            value = DealMode(value)
        if value is not None:
            heading = field_label(renamed.get(name, name), lang)
            print(f"{heading}\t{_value(value, lang)}", file=out)
    company = getattr(detail, "counterparty", None)
    if company is not None:
        print(f"{field_label('counterparty', lang)}\t{company.name}\t{company.credit_code}",
              file=out)
    sections = ["contributors", "funding", "ip_assets", "assessments", "supports",
                "rights_grants", "deals"] if record == "case" else [
        "achievements", "ip_assets", "valuations", "publicities", "receipts", "distributions",
        "equity_events"]
    for name in [*sections, "costs"]:
        _print_section(name, getattr(detail, name, ()), lang, out)
    grant = getattr(detail, "rights_grant", None)
    if grant is not None:
        _print_section("rights_grants", [grant], lang, out)
    if detail.history:
        print(f"\n[{field_label('history', lang)}]", file=out)
    for ev in detail.history:
        print(f"{ev.at.isoformat(timespec='seconds')}\t{ev.actor}\t{label(ev.action, lang)}\t"
              f"{ev.entity}#{ev.entity_id}\t{_change_text(ev)}", file=out)


def run_show(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    try:
        record, detail = _find(ctx, args.key.strip())
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({"record": record, **dataclasses.asdict(detail)})
    else:
        _print_detail(record, detail, args.lang)
    return EXIT_OK
