"""Cases (achievements) and what hangs off them: contributors with exact shares, funding,
IP filings, assessments and support received."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ttdesk.codes import AchievementKind as K
from ttdesk.codes import AchievementStatus as A
from ttdesk.core.demo import vocab
from ttdesk.core.demo.common import Gen, days, stamp, yuan

EARLIEST = date(2014, 11, 25)

STATUSES = [A.DISCLOSED, A.ASSESSING, A.PROTECTING, A.MARKETING, A.CONVERTING, A.CONVERTED,
            A.ARCHIVED, A.RELEASED]
STATUS_WEIGHTS = [5, 7, 20, 30, 7, 15, 7, 9]
# how long ago a case in this status was disclosed (days): newest first
AGE = {A.DISCLOSED: (0, 80), A.ASSESSING: (15, 200), A.PROTECTING: (60, 1000),
       A.MARKETING: (180, 2900), A.CONVERTING: (400, 2200), A.CONVERTED: (500, 4000),
       A.ARCHIVED: (1400, 4300), A.RELEASED: (150, 4300)}
KINDS = list(K)
KIND_WEIGHTS = [62, 8, 2, 14, 2, 1, 2, 6, 3]
SPECIAL_FIELDS = {K.PLANT_VARIETY: ["agri"], K.BIOMEDICAL_VARIETY: ["glioma", "vaccine"],
                  K.IC_LAYOUT: ["chip"]}
SECRET_STATUSES = (A.ASSESSING, A.PROTECTING, A.MARKETING, A.CONVERTING)
SHARE_TEMPLATES = {
    1: [["100"]],
    2: [["60", "40"], ["70", "30"], ["50", "50"], ["55", "45"], ["80", "20"]],
    3: [["50", "30", "20"], ["40", "35", "25"], ["33.3334", "33.3333", "33.3333"],
        ["60", "25", "15"], ["45", "35", "20"]],
    4: [["40", "30", "20", "10"], ["35", "25", "25", "15"], ["25", "25", "25", "25"],
        ["50", "20", "20", "10"]],
    5: [["30", "25", "20", "15", "10"], ["40", "20", "15", "15", "10"],
        ["20", "20", "20", "20", "20"]],
}
SHARES = {n: [[Decimal(x) for x in t] for t in ts] for n, ts in SHARE_TEMPLATES.items()}
PAST_ASSESSING = {A.PROTECTING, A.MARKETING, A.CONVERTING, A.CONVERTED, A.ARCHIVED}


@dataclass(slots=True)
class Case:
    status: A
    kind: K
    secrecy: str
    dept: dict[str, Any]
    field: str
    disclosure: date
    equity_team: bool = False  # contributors may receive equity: no unit head among them
    contributors: list[tuple[int, Decimal]] = field(default_factory=list)
    deals: list[Any] = field(default_factory=list)
    id: int = 0
    case_no: str = ""
    title: str = ""
    row: dict[str, Any] = field(default_factory=dict)
    ip_ids: list[int] = field(default_factory=list)
    last: date = EARLIEST
    converted_on: date | None = None

    def touch(self, d: date | None) -> None:
        if d is not None and d > self.last:
            self.last = d


def plan_case(g: Gen) -> Case:
    status = g.cover.pick("case_status", STATUSES, STATUS_WEIGHTS)
    secrecy = g.cover.pick("secrecy", ["none", "sensitive", "secret_or_security"], [93, 6, 1])
    if secrecy == "secret_or_security" and (status not in SECRET_STATUSES
                                            or g.cover.needs("secret_converting")):
        status = A.CONVERTING if g.rng.random() < 0.5 or g.cover.needs(
            "secret_converting") else g.one(SECRET_STATUSES)
        g.cover.mark("secret_converting")
    kind = g.cover.pick("kind", KINDS, KIND_WEIGHTS)
    if kind == K.TECHNICAL_SECRET and status == A.PROTECTING:
        status = A.MARKETING  # a technical secret files no IP: it skips `protecting`
    if kind in SPECIAL_FIELDS:
        fld = g.one(SPECIAL_FIELDS[kind])
        dept = g.one([d for d in g.departments if fld in d["fields"]])
    else:
        dept = g.one(g.departments)
        fld = g.one(dept["fields"])
    lo, hi = AGE[status]
    ago = lo + int((hi - lo) * g.rng.random() ** 1.3)
    disclosure = max(EARLIEST, g.today - days(ago))
    return Case(status=status, kind=kind, secrecy=secrecy, dept=dept, field=fld,
                disclosure=disclosure)


def _staff(g: Gen, dept_id: int, no_heads: bool) -> list[int]:
    staff = g.staff_by_dept.get(dept_id, [])
    if no_heads:
        staff = [p for p in staff if p not in g.unit_heads]
    return staff


def pick_contributors(g: Gen, case: Case) -> None:
    """1-5 contributors (2.5 on average) with exact shares summing to 100; a staff lead."""
    n = g.cover.pick("team_size", [1, 2, 3, 4, 5], [20, 30, 30, 12, 8])
    no_heads = case.equity_team
    dept_id = case.dept["id"]
    staff = _staff(g, dept_id, no_heads) or next(
        pool for d in g.departments if (pool := _staff(g, d["id"], no_heads)))
    chosen = [g.one(staff)]
    students = g.students_by_dept.get(dept_id, [])
    tries = 0
    while len(chosen) < n and tries < 30:
        tries += 1
        r = g.rng.random()
        if r < 0.55 and staff:
            p = g.one(staff)
        elif r < 0.85 and students:
            p = g.one(students)
        elif r < 0.92:
            other = g.one(g.departments)["id"]
            pool = _staff(g, other, no_heads)
            p = g.one(pool) if pool else chosen[0]
        else:
            p = g.one(g.externals) if g.externals else chosen[0]
        if p not in chosen:
            chosen.append(p)
    shares = g.one(SHARES[len(chosen)])
    case.contributors = list(zip(chosen, shares, strict=True))


def _trl(g: Gen, status: A) -> int:
    lo, hi = {A.DISCLOSED: (2, 4), A.ASSESSING: (2, 5), A.PROTECTING: (3, 6),
              A.MARKETING: (4, 7), A.CONVERTING: (5, 8), A.CONVERTED: (6, 9),
              A.ARCHIVED: (6, 9), A.RELEASED: (2, 5)}[status]
    return g.ri(lo, hi)


def emit_case(g: Gen, case: Case) -> None:
    """The achievement row and its contributors (ids already assigned)."""
    rng = g.rng
    trl = _trl(g, case.status)
    case.title = vocab.title(rng, case.field, case.kind.value)
    source = g.cover.pick("source", ["own_disclosure", "regional_centre",
                                     "enterprise_challenge", "joint_lab"], [80, 5, 8, 7])
    intended = case.deals[0].mode if case.deals else g.one(
        ["transfer", "license_nonexclusive", "license_exclusive", "equity", "development"])
    at = stamp(case.disclosure, case.id)
    case.row = {
        "id": case.id, "case_no": case.case_no, "title": case.title,
        "kind": case.kind.value, "field": vocab.FIELDS[case.field][0],
        "department_id": case.dept["id"], "disclosure_date": case.disclosure,
        "abstract": vocab.abstract(rng, case.field, case.title) if rng.random() < 0.6 else None,
        "trl": trl, "research_stage": "development" if trl >= 5 else "research",
        "secrecy": case.secrecy, "officer_id": g.one(g.officers),
        "intended_mode": str(intended), "source": source, "status": case.status.value,
        "release_reason": g.one(vocab.RELEASE_REASONS)
        if case.status == A.RELEASED else None,
        "no_funding": False, "tags": f"{vocab.FIELDS[case.field][0]},{case.dept['name']}",
        "is_imported": False, "version": 1, "created_at": at,
        # a manager carries every case past its disclosure (chosen without the random
        # stream, so the rest of the demo stays the same for a seed)
        "manager_id": g.managers[case.id % len(g.managers)]
        if g.managers and case.status != A.DISCLOSED else None,
    }
    g.store.add("achievement", case.row)
    for i, (person, share) in enumerate(case.contributors):
        g.store.add("contribution", {"achievement_id": case.id, "person_id": person,
                                     "share": share, "role": "lead" if i == 0 else "member",
                                     "_at": at})
    emit_funding(g, case, at)


# Project-number layouts of the programmes: {y} year, {yy} two digits, {n} a serial of the
# given width, {a} one of the letters.
PROJECT_NO = {
    "nsfc": ("{d}{yy}{n}", 5, ""), "nkp": ("{y}YF{a}{n}", 7, "ABCDE"),
    "major": ("{y}ZX{n}", 8, ""), "bjnsf": ("{a}{yy}{n}", 4, "LZJ"),
    "bjst": ("Z{yy}1100{n}", 4, ""), "zgc": ("ZGC-{y}-{n}", 4, ""),
    "bjedu": ("KM{y}{n}", 5, ""), "hx": ("HX{y}-{n}", 4, ""), "int": ("JH-{y}-{n}", 3, ""),
    "post": ("{y}M{n}", 6, ""), "intl": ("GJHZ{y}{n}", 4, ""),
}


def _project_no(g: Gen, code: str, year: int) -> str:
    layout, width, letters = PROJECT_NO[code]
    return layout.format(y=year, yy=f"{year % 100:02d}", d=g.ri(5, 8),
                         a=g.one(letters) if letters else "",
                         n=f"{g.ri(1, 10**width - 1):0{width}d}")


def emit_funding(g: Gen, case: Case, at: Any) -> None:
    rng = g.rng
    if rng.random() < 0.05:
        case.row["no_funding"] = True
        return
    n = g.cover.pick("funding_count", [1, 2, 3], [70, 25, 5])
    for _ in range(n):
        funder = g.cover.pick("funder", ["national", "municipal", "enterprise", "internal",
                                         "other"], [40, 25, 20, 10, 5])
        programme, code = g.one(vocab.FUNDING[funder])
        year = max(2008, case.disclosure.year - g.ri(0, 3))
        g.store.add("funding_source", {
            "achievement_id": case.id, "programme": programme, "funder_type": funder,
            "project_no": _project_no(g, code, year),
            "ip_terms_note": "知识产权归学校所有，委托方享有同等条件下优先受让权"
            if funder == "enterprise" else None, "_at": at})


def emit_assessments(g: Gen, case: Case) -> None:
    if case.status == A.DISCLOSED or (case.status == A.ASSESSING and g.rng.random() < 0.5):
        return
    on = min(g.today, case.disclosure + days(g.ri(7, 45)))
    n = 2 if g.rng.random() < 0.1 else 1
    for i in range(n):
        rec = "release" if case.status == A.RELEASED and i == n - 1 else g.cover.pick(
            "recommendation", ["pursue", "hold", "release"], [85, 15, 0])
        if rec == "release" and case.status != A.RELEASED:
            rec = "hold"
        g.store.add("assessment", {
            "achievement_id": case.id, "assessed_on": on,
            "assessor": g.one(vocab.ASSESSORS),
            "technical_score": g.ri(55, 98), "market_score": g.ri(40, 95),
            "recommendation": rec, "notes": None, "_at": stamp(on, case.id + i)})
        case.touch(on)
        on = min(g.today, on + days(g.ri(60, 400)))


def emit_supports(g: Gen, case: Case) -> None:
    if case.status not in (A.MARKETING, A.CONVERTING, A.CONVERTED) or g.rng.random() > 0.07:
        return
    kind = g.cover.pick("support", ["concept_verification", "pilot_test", "innovation_voucher",
                                    "incubator_service"], [40, 25, 25, 10])
    on = g.between(case.disclosure + days(60), g.today)
    amount = g.one([50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000])
    g.store.add("support_received", {
        "achievement_id": case.id, "kind": kind,
        "provider": g.one(vocab.SUPPORT_PROVIDERS[kind]), "received_on": on,
        "amount": yuan(amount * 100) if kind != "incubator_service" else None,
        "_at": stamp(on, case.id)})
    case.touch(on)


def share_ints(case: Case) -> list[int]:
    """Contribution shares as integer ten-thousandths (sum 1,000,000)."""
    return [int(s.scaleb(4)) for _, s in case.contributors]

