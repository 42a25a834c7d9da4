"""The organisation: institution profile, departments, users, the people pool and the partner
companies that appear as counterparties."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base.search_key import search_key
from ttdesk.core.demo import vocab
from ttdesk.core.demo.common import Gen, days, stamp, yuan
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db.models import Company, Department, Institution, Person, User

ROSTER_DAY = date(2014, 9, 1)  # the personnel roster was loaded when the office opened
PARTNERS_DAY = date(2014, 10, 15)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(g: Gen, region: str = "110108") -> str:
    """A resident ID number (GB 11643) with a valid check character; invented, not real."""
    born = date(1960, 1, 1) + days(g.ri(0, 365 * 42))
    body = f"{region}{born:%Y%m%d}{g.ri(0, 999):03d}"
    total = sum(int(ch) * w for ch, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def build_institution(g: Gen, s: Session) -> None:
    found = s.execute(select(Institution).limit(1)).scalar_one_or_none()
    if found is not None:
        g.institution = {"name": found.name, "asset_company": found.asset_company
                         or f"{found.name}资产经营有限公司"}
        return
    g.institution = dict(vocab.INSTITUTION)
    g.store.add("institution", dict(vocab.INSTITUTION, _at=stamp(ROSTER_DAY)))


def build_departments(g: Gen, s: Session) -> None:
    existing = {d.name: d.id for d in s.execute(select(Department)).scalars()}
    used_codes = set(s.execute(select(Department.code)).scalars())
    for code, name, name_en, fields in vocab.DEPARTMENTS:
        dept_id = existing.get(name)
        if dept_id is None:
            while code in used_codes:
                code += "X"
            dept_id = g.store.add("department", {
                "code": code, "name": name, "name_en": name_en, "_at": stamp(ROSTER_DAY),
                "search_key": search_key(name, code, name_en)})
        g.departments.append({"id": dept_id, "name": name, "fields": fields})


def build_users(g: Gen, s: Session) -> None:
    existing = {u.username: u.id for u in s.execute(select(User)).scalars()}
    for i, (username, display, role) in enumerate(vocab.OFFICERS):
        user_id = existing.get(username)
        if user_id is None:
            user_id = g.store.add("app_user", {
                "username": username, "display_name": display, "role": role,
                "is_active": True, "_at": stamp(ROSTER_DAY, i)})
        if role == "officer":
            g.officers.append(user_id)


def _person_kind(g: Gen, i: int, n_depts: int) -> str:
    if i < 2 * n_depts:
        return "staff"
    if i < 3 * n_depts:
        return "student"
    if i < 3 * n_depts + 3:
        return "external"
    return g.cover.pick("person_kind", ["staff", "student", "external"], [72, 22, 6])


def build_people(g: Gen, s: Session) -> None:
    """About one person per four cases: staff (3% of them unit heads), students, and
    external co-inventors; each department gets staff and students."""
    used = set(s.execute(select(Person.staff_no)).scalars())
    depts = g.departments
    total = max(g.cases // 4, 3 * len(depts) + 10)
    head_every = 25  # with the department heads, ~3% of the pool are unit heads
    for i in range(total):
        kind = _person_kind(g, i, len(depts))
        dept = depts[i % len(depts)] if i < 3 * len(depts) else g.one(depts)
        row: dict[str, Any] = {"name": vocab.person_name(g.rng), "_at": stamp(ROSTER_DAY, i),
                               "phone": f"1{g.one('3589')}{g.ri(0, 10**9 - 1):09d}",
                               "leader_level": "none", "is_student": kind == "student",
                               "is_external": kind == "external"}
        if kind == "staff":
            row["staff_no"] = f"JH{i + 1:06d}"
            # the first staff member of each department heads it; then ~1 in 25 more
            # (deans: other leaders; the very first is a principal leader, e.g. of the
            # asset-management company)
            leads = i < len(depts) or (i >= 3 * len(depts) and i % head_every == 0)
            row["leader_level"] = ("principal" if i == 0 else "other") if leads else "none"
            row["title"] = g.one(vocab.HEAD_TITLES if leads else vocab.STAFF_TITLES)
        elif kind == "student":
            row["staff_no"] = f"S{g.ri(2016, 2025)}{i + 1:06d}"
            row["title"] = g.one(vocab.STUDENT_TITLES)
        else:
            row["staff_no"] = f"W{i + 1:06d}"
            row["title"] = f"合作者（{g.one(vocab.EXTERNAL_ORGS)}）"
        while row["staff_no"] in used:
            row["staff_no"] += "X"
        used.add(row["staff_no"])
        row["search_key"] = search_key(row["name"], row["staff_no"])
        manager = kind == "staff" and row["leader_level"] == "none" and i % 40 == 7
        if manager:  # about one staff member in 40 is a certified technology manager
            row["tech_manager_level"] = ("junior", "intermediate", "senior")[i // 40 % 3]
            row["tech_manager_cert_no"] = f"JSJL-{2021 + i % 5}-{i:05d}"
        if kind != "external":
            row["department_id"] = dept["id"]
            row["email"] = f"{row['staff_no'].lower()}@{vocab.EMAIL_DOMAIN}"
        row["id_number"] = id_number(g)
        pid = g.store.add("person", row)
        g.person_names[pid] = row["name"]
        g.person_staff_no[pid] = row["staff_no"]
        if manager:
            g.managers.append(pid)
        if kind == "staff":
            g.staff_by_dept.setdefault(dept["id"], []).append(pid)
            if row["leader_level"] != "none":
                g.unit_heads.add(pid)
        elif kind == "student":
            g.students_by_dept.setdefault(dept["id"], []).append(pid)
        else:
            g.externals.append(pid)


def credit_code(g: Gen, region_code: str) -> str:
    while True:
        code = make_credit_code(g.rng, region_code)
        if code not in g.used_credit_codes:
            g.used_credit_codes.add(code)
            return code


def company_name(g: Gen, city: str, field: str, suffix: str = "有限公司") -> str:
    while True:
        brand = g.one(vocab.BRANDS)
        if g.rng.random() < 0.5:
            brand += g.one(vocab.BRANDS)[0]
        name = f"{city}{brand}{g.one(vocab.INDUSTRY_BY_FIELD[field])}{suffix}"
        if name not in g.used_company_names:
            g.used_company_names.add(name)
            return name


def build_partners(g: Gen, s: Session) -> None:
    """Counterparty companies (not spin-offs); a few large partners do many deals."""
    g.used_credit_codes |= set(s.execute(select(Company.credit_code)).scalars())
    g.used_company_names |= set(s.execute(select(Company.name)).scalars())
    fields = list(vocab.FIELDS)
    for i in range(g.scaled(0.015, minimum=12)):
        region_code, city, region, province = g.cover.pick("region", vocab.REGIONS,
                                                             vocab.REGION_WEIGHTS)
        field = fields[i % len(fields)] if i < len(fields) else g.one(fields)
        big = g.rng.random() < 0.15
        row = {
            "name": company_name(g, city, field, "股份有限公司" if big else "有限公司"),
            "credit_code": credit_code(g, region_code),
            "registration_date": date(1995, 1, 1) + days(g.ri(0, 7200)),
            "legal_representative": vocab.person_name(g.rng),
            "address": f"{vocab.ADDRESS_BY_REGION[region_code]}{g.ri(1, 300)}号",
            "region": region, "province_code": province, "is_spinoff": False,
            "park": g.one(vocab.PARKS) if region == "beijing" and g.rng.random() < 0.4
            else None,
            "is_high_tech": g.rng.random() < 0.5, "is_zjtx": g.rng.random() < 0.15,
            "_at": stamp(PARTNERS_DAY, i), "_field": field,
        }
        wan = g.one([100, 500, 1000, 2000, 5000, 10000, 50000])  # 万元
        row["registered_capital"] = yuan(wan * 10_000 * 100)
        row["search_key"] = search_key(row["name"], row["credit_code"],
                                       row["legal_representative"])
        g.store.add("company", row)
        g.companies.append(row)
        weight = 1 / (i + 1) ** 0.8  # a few large partners do many deals
        g.company_weights.append((g.company_weights[-1] if g.company_weights else 0) + weight)
        group, cum = g.partners_by_field.setdefault(field, ([], []))
        group.append(row)
        cum.append((cum[-1] if cum else 0) + weight)
