"""Master data: `department|person|company add|edit|list|merge|deactivate|activate|delete`.

The same services as the app's 基础数据 screens, so the same refusals (exit 2 with the rule
and the field): a duplicate staff no. or credit code names the existing record, a wrong
credit code names the expected check character, a referenced record is not deleted.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json, print_table

_KINDS = ("department", "person", "company")


def _flag(p: argparse.ArgumentParser, name: str, help_text: str) -> None:
    p.add_argument(f"--{name.replace('_', '-')}", dest=name, action=argparse.BooleanOptionalAction,
                   default=None, help=help_text)


def _department_fields(p: argparse.ArgumentParser, adding: bool) -> None:
    if adding:
        p.add_argument("code", help="department code / 单位代码")
        p.add_argument("name", help="name / 名称")
    else:
        p.add_argument("--code", help="new code")
        p.add_argument("--name", help="new name")
    p.add_argument("--kind", help="college|institute|hospital|subsidiary|other")
    p.add_argument("--name-en", dest="name_en")


def _person_fields(p: argparse.ArgumentParser, adding: bool) -> None:
    if adding:
        p.add_argument("name", help="name / 姓名")
        p.add_argument("--staff-no", dest="staff_no",
                       help="staff no. (external people without one get EXT-nnnnn)")
    else:
        p.add_argument("--staff-no", dest="new_staff_no", help="new staff no.")
        p.add_argument("--name")
    p.add_argument("--department", help="department code or name")
    for name in ("title", "phone", "email", "id_number"):
        p.add_argument(f"--{name.replace('_', '-')}", dest=name)
    p.add_argument("--entrepreneurship", help="on_post|off_post|none (在岗/离岗创业)")
    _flag(p, "is_student", "a student")
    _flag(p, "is_external", "an external co-inventor")
    p.add_argument("--tech-manager-level", dest="tech_manager_level",
                   help="junior|intermediate|senior|none (技术经理人 初级/中级/高级)")
    p.add_argument("--tech-manager-cert-no", dest="tech_manager_cert_no",
                   help="technology manager certificate no. / 技术经理人证书编号")
    p.add_argument("--leader-level", dest="leader_level",
                   help="none|principal|other (R10: a principal leader takes no equity; "
                        "another leader only with an approval record)")


def _company_fields(p: argparse.ArgumentParser, adding: bool) -> None:
    if adding:
        p.add_argument("credit_code", help="unified social credit code (18 characters)")
        p.add_argument("name")
    else:
        p.add_argument("--credit-code", dest="new_credit_code", help="corrected credit code")
        p.add_argument("--name")
    p.add_argument("--registration-date", dest="registration_date",
                   help="YYYY-MM-DD")
    p.add_argument("--registered-capital", dest="registered_capital", help="CNY")
    p.add_argument("--legal-representative", dest="legal_representative")
    p.add_argument("--address")
    p.add_argument("--park", help="park / incubator")
    p.add_argument("--abroad", dest="region", action="store_const", const="abroad",
                   help="a company abroad (otherwise the region comes from the credit code)")
    _flag(p, "is_spinoff", "a spin-off (转化创办企业)")
    _flag(p, "is_high_tech", "high-tech enterprise (高新技术企业)")
    _flag(p, "is_zjtx", "专精特新")


_FIELDS = {"department": _department_fields, "person": _person_fields,
           "company": _company_fields}
_KEY_HELP = {"department": "CODE_OR_NAME", "person": "STAFF_NO", "company": "CREDIT_CODE"}


def register(sub: argparse._SubParsersAction) -> None:
    register_institution(sub)
    for kind in _KINDS:
        top = sub.add_parser(kind, help=f"{kind} master data / 基础数据")
        acts = top.add_subparsers(dest="action", required=True, metavar="ACTION")
        add = acts.add_parser("add", help=f"add a {kind}")
        _FIELDS[kind](add, True)
        add.set_defaults(handler=run_add, entity=kind)
        edit = acts.add_parser("edit", help=f"change a {kind}")
        edit.add_argument("key", metavar=_KEY_HELP[kind])
        _FIELDS[kind](edit, False)
        edit.set_defaults(handler=run_edit, entity=kind)
        lst = acts.add_parser("list", help=f"list {kind}s (search by name, pinyin initials, "
                                            "key)")
        lst.add_argument("--search", default="")
        lst.add_argument("--all", action="store_true", help="include deactivated / merged")
        lst.add_argument("--limit", type=int, default=500)
        add_json_flag(lst)
        lst.set_defaults(handler=run_list, entity=kind)
        merge = acts.add_parser("merge", help="merge a duplicate into the record kept")
        merge.add_argument("duplicate", metavar="DUPLICATE")
        merge.add_argument("kept", metavar="KEPT")
        merge.set_defaults(handler=run_merge, entity=kind)
        for action, help_text in (("deactivate", "keep for history, leave out of pickers"),
                                  ("activate", "use again"),
                                  ("delete", "delete one nothing refers to")):
            a = acts.add_parser(action, help=help_text)
            a.add_argument("key", metavar=_KEY_HELP[kind])
            a.set_defaults(handler=run_state, entity=kind, state=action)


def _module(kind: str) -> Any:
    if kind == "department":
        from ttdesk.core.people import departments as mod
    elif kind == "person":
        from ttdesk.core.people import persons as mod
    else:
        from ttdesk.core.companies import companies as mod
    return mod


def _changes(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    mod = _module(kind)
    renames = {"new_staff_no": "staff_no", "new_credit_code": "credit_code"}
    out: dict[str, Any] = {}
    for name, value in vars(args).items():
        target = renames.get(name, name)
        if value is None or target not in mod.EDITABLE:
            continue
        if target == "registration_date":
            value = _iso_date(value)
        out[target] = value
    if kind == "person" and out.get("entrepreneurship") == "none":
        out["entrepreneurship"] = None
    return out


def _iso_date(text: str) -> Any:
    from datetime import date

    from ttdesk.core.base.errors import RuleViolation

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RuleViolation("INPUT", f"日期格式应为 YYYY-MM-DD：“{text}”",
                            f"dates are YYYY-MM-DD: {text!r}", field="date") from None


def run_add(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    kind, mod = args.entity, _module(args.entity)
    values = _changes(args, kind)
    if kind == "department":
        key = mod.create(ctx, mod.DepartmentIn(**values))
    elif kind == "person":
        key = mod.create(ctx, mod.PersonIn(**values))
    else:
        key = mod.create(ctx, mod.CompanyIn(**values))
    print(key)
    ctx.db.dispose()
    return EXIT_OK


def run_edit(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    key = _module(args.entity).edit(ctx, args.key, _changes(args, args.entity))
    print(key)
    ctx.db.dispose()
    return EXIT_OK


def run_merge(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    moved = _module(args.entity).merge(ctx, args.duplicate, args.kept)
    print(f"{args.duplicate} → {args.kept}: {moved}")
    ctx.db.dispose()
    return EXIT_OK


def run_state(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    mod = _module(args.entity)
    if args.state == "delete":
        mod.delete(ctx, args.key)
    else:
        mod.set_active(ctx, args.key, args.state == "activate")
    ctx.db.dispose()
    return EXIT_OK


_COLUMNS = {
    "department": ["code", "name", "kind", "people", "is_active"],
    "person": ["staff_no", "name", "department", "title", "leader_level", "is_active"],
    "company": ["credit_code", "name", "region", "legal_representative", "is_active"],
}


def run_list(args: argparse.Namespace) -> int:
    from ttdesk.core.views import master_data

    ctx = open_ctx(args)
    reader = {"department": master_data.departments, "person": master_data.people,
              "company": master_data.companies}[args.entity]
    rows = [asdict(r) for r in reader(ctx, args.search, include_inactive=args.all,
                                      limit=args.limit)]
    ctx.db.dispose()
    if args.json:
        print_json(rows)
    else:
        print_table(rows, _COLUMNS[args.entity])
    return EXIT_OK


def register_institution(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("institution", help="the institution profile filings print / 单位信息")
    p.add_argument("--name", help="institution name (required the first time)")
    p.add_argument("--name-en", dest="name_en")
    p.add_argument("--tto-name", dest="tto_name")
    p.add_argument("--address")
    p.add_argument("--asset-company", dest="asset_company")
    add_json_flag(p)
    p.set_defaults(handler=run_institution)


def run_institution(args: argparse.Namespace) -> int:
    from ttdesk.core.office import institution

    ctx = open_ctx(args)
    current = institution.get_profile(ctx)
    values = asdict(current) if current else {"name": ""}
    for name in ("name", "name_en", "tto_name", "address", "asset_company"):
        if getattr(args, name) is not None:
            values[name] = getattr(args, name)
    if any(getattr(args, n) is not None for n in values):
        current = institution.save_profile(ctx, institution.InstitutionProfile(**values))
    ctx.db.dispose()
    if args.json:
        print_json(asdict(current) if current else None)
    elif current:
        print_table([asdict(current)], ["name", "tto_name", "address", "asset_company"])
    return EXIT_OK
