"""Matching the ledger's people, departments, companies and cases with the database.

What the database does not know yet becomes a new record (not an error: a first import into
an empty database must work), and names that look like an existing one but are not the same
(another department, spaces or full-width characters) are pointed out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.ledger.cells import norm, same_name_key
from ttdesk.core.ledger.plan import CompanyOut
from ttdesk.db.models import Achievement, Company, Deal, Department, Person

CHUNK = 500


@dataclass
class NewRecord:
    """A record the import will create, with a near-duplicate hint when there is one."""

    kind: str  # department | person | company
    name: str
    key: str  # department code, staff number or credit code
    detail: str = ""
    near_zh: str = ""
    near_en: str = ""


def chunks(items: Sequence[Any], n: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def spellings(names: set[str]) -> set[str]:
    """The ways a name may be stored: as written, NFKC-folded, without spaces."""
    out = set(names)
    for n in names:
        folded = norm(n)
        out |= {folded, folded.replace(" ", ""), same_name_key(n)}
    return out


def _next_seq(values: Iterable[str], prefix: str) -> int:
    pat = re.compile(re.escape(prefix) + r"(\d+)$")
    return max((int(m.group(1)) for v in values if (m := pat.match(v))), default=0) + 1


@dataclass
class Directory:
    """Ids of what exists and the plan for what is new, shared with the writer."""

    session: Session
    new: list[NewRecord] = field(default_factory=list)
    dept_ids: dict[str, int] = field(default_factory=dict)
    new_depts: dict[str, str] = field(default_factory=dict)  # name -> code
    person_ids: dict[str, int] = field(default_factory=dict)  # staff_no -> id
    new_people: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    company_ids: dict[str, int] = field(default_factory=dict)  # credit code -> id
    company_names: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    new_companies: dict[str, CompanyOut] = field(default_factory=dict)
    _people_by_name: dict[str, list[tuple[int, str, int | None]]] = field(default_factory=dict)
    _people_by_key: dict[str, list[tuple[int, str, int | None, str]]] = field(
        default_factory=dict)
    _dept_name_of: dict[int, str] = field(default_factory=dict)
    _new_person_key: dict[tuple[str, str | None], str] = field(default_factory=dict)
    _seq_person: int = 0
    _seq_dept: int = 0
    stored_names: dict[str, str] = field(default_factory=dict)  # staff_no -> stored name

    # -- departments ---------------------------------------------------------------------
    def load_departments(self) -> None:
        rows = self.session.execute(select(Department.id, Department.code, Department.name))
        codes = []
        for dept_id, code, name in rows:
            self.dept_ids[name] = dept_id
            self.dept_ids.setdefault(code, dept_id)
            self._dept_name_of[dept_id] = name
            codes.append(code)
        self._seq_dept = _next_seq(codes, "TZ")

    def department(self, name: str | None) -> None:
        if not name or name in self.dept_ids or name in self.new_depts:
            return
        code = f"TZ{self._seq_dept:03d}"
        self._seq_dept += 1
        self.new_depts[name] = code
        key = same_name_key(name)
        near = [n for n in self._dept_name_of.values() if same_name_key(n) == key]
        self.new.append(NewRecord("department", name, code, near_zh=(
            f"与已有单位“{near[0]}”仅空格或全角字符不同" if near else ""), near_en=(
            f"differs from existing department {near[0]!r} only by spaces or full-width "
            "characters" if near else "")))

    # -- people --------------------------------------------------------------------------
    def load_people(self, staff_nos: set[str], names: set[str]) -> None:
        wanted = sorted(spellings(names))
        cols = (Person.id, Person.staff_no, Person.name, Person.department_id)
        for part in chunks(sorted(staff_nos)):
            for pid, staff_no, name, _dept in self.session.execute(
                    select(*cols).where(Person.staff_no.in_(part))):
                self.person_ids[staff_no] = pid
                self.stored_names[staff_no] = name
        by_name: dict[str, list[tuple[int, str, int | None]]] = defaultdict(list)
        for part in chunks(wanted):
            for pid, staff_no, name, dept in self.session.execute(
                    select(*cols).where(Person.name.in_(part)).order_by(Person.id)):
                by_name[name].append((pid, staff_no, dept))
                self.person_ids[staff_no] = pid
        self._people_by_name = by_name
        for name, found in list(by_name.items()):
            self._people_by_key.setdefault(same_name_key(name), []).extend(
                (pid, staff_no, dept, name) for pid, staff_no, dept in found)
        taken = self.session.execute(select(Person.staff_no).where(
            Person.staff_no.like("TZ%"))).scalars()
        self._seq_person = _next_seq(taken, "TZ")

    def person(self, name: str, staff_no: str | None, department: str | None) -> str:
        """The staff number the contribution will point at (existing or new). A staff
        number wins over the name written next to it (`stored_names` tells the difference)."""
        if staff_no:
            if staff_no not in self.person_ids and staff_no not in self.new_people:
                self.new_people[staff_no] = (name, department)
                self.department(department)
                self.new.append(NewRecord("person", name, staff_no, department or ""))
            return staff_no
        same = self._people_by_name.get(name, [])
        fitting = [p for p in same if department is None or p[2] is None
                   or self._dept_name_of.get(p[2]) == department]
        if fitting:
            return fitting[0][1]
        key = (name, department)
        if key in self._new_person_key:
            return self._new_person_key[key]
        new_no = f"TZ{self._seq_person:06d}"
        self._seq_person += 1
        self._new_person_key[key] = new_no
        self.new_people[new_no] = (name, department)
        self.department(department)
        rec = NewRecord("person", name, new_no, department or "")
        if same:
            other = self._dept_name_of.get(same[0][2] or 0, "")
            rec.near_zh = f"库中已有同名人员（{same[0][1]}，{other}），所属单位不同，将新建"
            rec.near_en = (f"a person of the same name exists ({same[0][1]}, {other}) in "
                           "another department: a new person will be created")
        else:
            near = [p for p in self._people_by_key.get(same_name_key(name), [])
                    if p[3] != name]
            if near:
                rec.near_zh = f"与已有人员“{near[0][3]}”（{near[0][1]}）仅空格或全角不同"
                rec.near_en = (f"differs from existing person {near[0][3]!r} "
                               f"({near[0][1]}) only by spaces or full-width characters")
        self.new.append(rec)
        return new_no

    # -- companies -----------------------------------------------------------------------
    def load_companies(self, codes: set[str], names: set[str]) -> None:
        for part in chunks(sorted(codes)):
            for cid, code, _name in self.session.execute(
                    select(Company.id, Company.credit_code, Company.name)
                    .where(Company.credit_code.in_(part))):
                self.company_ids[code] = cid
        wanted = sorted(spellings(names))
        for part in chunks(wanted):
            for cid, code, name in self.session.execute(
                    select(Company.id, Company.credit_code, Company.name)
                    .where(Company.name.in_(part))):
                self.company_names.setdefault(name, []).append((code, cid))
                self.company_ids[code] = cid

    def company(self, rec: CompanyOut) -> None:
        if rec.credit_code in self.company_ids or rec.credit_code in self.new_companies:
            return
        self.new_companies[rec.credit_code] = rec
        key = same_name_key(rec.name)
        same = self.company_names.get(rec.name) or next(
            (v for k, v in self.company_names.items() if same_name_key(k) == key), None)
        new = NewRecord("company", rec.name, rec.credit_code)
        if same:
            new.near_zh = f"库中已有同名企业，信用代码为 {same[0][0]}"
            new.near_en = f"a company of this name exists with credit code {same[0][0]}"
        self.new.append(new)


def existing_cases(session: Session, case_nos: list[str], titles: list[str],
                   stored_titles: dict[str, str] | None = None,
                   ) -> tuple[dict[str, int], dict[tuple[str, Any], tuple[int, str]]]:
    """Cases already stored: by case number, and by (title, disclosure date).
    `stored_titles`, when given, receives the stored title of each case number found."""
    by_no: dict[str, int] = {}
    by_key: dict[tuple[str, Any], tuple[int, str]] = {}
    for part in chunks(sorted(set(case_nos))):
        for cid, no, title in session.execute(
                select(Achievement.id, Achievement.case_no, Achievement.title)
                .where(Achievement.case_no.in_(part))):
            by_no[no] = cid
            if stored_titles is not None:
                stored_titles[no] = title
    for part in chunks(sorted(set(titles))):
        for cid, no, title, disclosed in session.execute(
                select(Achievement.id, Achievement.case_no, Achievement.title,
                       Achievement.disclosure_date).where(Achievement.title.in_(part))):
            by_key[(title, disclosed)] = (cid, no)
    return by_no, by_key


def existing_deals(session: Session, deal_nos: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in chunks(sorted(set(deal_nos))):
        for did, no in session.execute(select(Deal.id, Deal.deal_no)
                                       .where(Deal.deal_no.in_(part))):
            out[no] = did
    return out


def taken_numbers(session: Session, column: Any, prefix: str) -> list[str]:
    return list(session.execute(select(column).where(column.like(prefix + "%"))).scalars())
