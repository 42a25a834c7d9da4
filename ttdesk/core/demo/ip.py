"""IP filings of a case: Chinese patents with valid application-number check digits, PCT and
US filings, software copyrights, layout designs, plant varieties, trademarks."""

from __future__ import annotations

from datetime import date

from ttdesk.codes import AchievementKind as K
from ttdesk.codes import AchievementStatus as A
from ttdesk.core.demo.cases import PAST_ASSESSING, Case
from ttdesk.core.demo.common import Gen, days, stamp, yuan
from ttdesk.core.office.deadlines import add_months

_CN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
IP_KIND = {K.INVENTION_PATENT: "invention_patent", K.UTILITY_MODEL: "utility_model",
           K.DESIGN: "design", K.SOFTWARE_COPYRIGHT: "software_copyright",
           K.IC_LAYOUT: "ic_layout", K.PLANT_VARIETY: "plant_variety",
           K.BIOMEDICAL_VARIETY: "other", K.OTHER: "trademark"}
_CN_TYPE = {"invention_patent": "1", "utility_model": "2", "design": "3"}


def cn_application_no(year: int, kind: str, serial: int) -> str:
    """CNIPA application number: year, type digit, 7-digit serial, '.', check digit."""
    digits = f"{year}{_CN_TYPE[kind]}{serial % 10**7:07d}"
    check = sum(int(d) * w for d, w in zip(digits, _CN_WEIGHTS, strict=True)) % 11
    return f"CN{digits}.{'X' if check == 10 else check}"


def needs_ip(case: Case) -> bool:
    if case.kind == K.TECHNICAL_SECRET:
        return False
    return case.status in PAST_ASSESSING or case.status == A.RELEASED


def _final_status(g: Gen, case: Case, granted: bool, published: bool) -> str:
    converted = case.converted_on is not None
    if case.status == A.RELEASED:
        return "abandoned" if granted or g.rng.random() < 0.6 else "rejected"
    if case.status == A.ARCHIVED and not converted:
        return "lapsed" if granted else "abandoned"
    if granted:
        return "lapsed" if case.status == A.ARCHIVED and g.rng.random() < 0.3 else "granted"
    if published and case.status == A.MARKETING and (
            g.cover.needs("ip_rejected") or g.rng.random() < 0.08):
        g.cover.mark("ip_rejected")
        return "rejected"
    return "pending"


def _dates(g: Gen, kind: str, filed: date) -> tuple[date | None, date | None]:
    """Publication and grant dates as they would be if time went on (clipped later)."""
    r = g.ri
    if kind == "invention_patent" or kind == "other":
        pub = add_months(filed, 18) - days(r(0, 200))
        grant = max(pub + days(r(30, 200)), add_months(filed, r(20, 40)))
        return pub, grant if g.rng.random() < 0.8 else None
    if kind in ("utility_model", "design"):
        grant = filed + days(r(120, 330))
        return grant, grant
    if kind == "software_copyright":
        return None, filed + days(r(20, 70))
    if kind == "ic_layout":
        return None, filed + days(r(90, 180))
    if kind == "plant_variety":
        pub = filed + days(r(90, 200))
        return pub, pub + days(r(360, 800))
    return None, filed + days(r(270, 420))  # trademark


def _numbers(kind: str, filed: date, ip_id: int) -> tuple[str, str, str]:
    serial = (ip_id * 7919 + 1_234_567) % 10**7
    seq = (ip_id * 104_729) % 10**6
    y = filed.year
    if kind in _CN_TYPE:
        app = cn_application_no(y, kind, serial)
        letter = {"invention_patent": "1", "utility_model": "2", "design": "3"}[kind]
        base = f"CN{letter}{(y - 2000) % 10}{serial:07d}"
        grant_suffix = {"invention_patent": "B", "utility_model": "U", "design": "S"}[kind]
        pub_suffix = "A" if kind == "invention_patent" else grant_suffix
        return app, base + pub_suffix, base + grant_suffix
    if kind == "software_copyright":
        return f"{y}R11L{seq:06d}", "", f"{y}SR{serial:07d}"
    if kind == "ic_layout":
        return f"BS.{y % 100:02d}5{serial:07d}", "", f"BS.{y % 100:02d}5{serial:07d}"
    if kind == "plant_variety":
        return f"CNA{y}{seq % 100000:05d}.{serial % 10}", f"CNA{y}{seq % 100000:05d}", \
            f"CNA{y}{seq % 100000:05d}"
    if kind == "other":
        return f"CXHL{y % 100:02d}{seq % 100000:05d}", f"CXHL{y % 100:02d}{seq % 100000:05d}", \
            f"{y}LP{seq % 100000:05d}"
    return f"{serial + 10_000_000:08d}", "", f"第{serial + 10_000_000:08d}号"


def emit_ip(g: Gen, case: Case) -> None:
    if not needs_ip(case):
        return
    if case.status == A.RELEASED and g.rng.random() < 0.5:
        return
    kind = IP_KIND[case.kind]
    filed = min(g.today, case.disclosure + days(g.ri(10, 90)))
    owners = g.institution["name"]
    _one(g, case, kind, "CN", filed, owners)
    if kind == "invention_patent" and g.rng.random() < 0.25:
        _one(g, case, "utility_model", "CN", filed, owners)  # 一案双申: same-day filing
    if kind == "invention_patent" and g.rng.random() < 0.15:
        pct_filed = add_months(filed, 12) - days(g.ri(0, 30))
        if pct_filed <= g.today:
            _foreign(g, case, pct_filed, owners)


def _one(g: Gen, case: Case, kind: str, juris: str, filed: date, owners: str) -> None:
    ip_id = g.store.new_id("ip_asset")
    app, pub_no, grant_no = _numbers(kind, filed, ip_id)
    pub, grant = _dates(g, kind, filed)
    if pub is not None and pub > g.today:
        pub = None
    if grant is not None and (grant > g.today or (pub is None and kind == "invention_patent")):
        grant = None
    status = _final_status(g, case, grant is not None, pub is not None)
    if status in ("rejected", "pending"):
        grant = None
    row = {"id": ip_id, "achievement_id": case.id, "kind": kind, "jurisdiction": juris,
           "application_no": app, "filing_date": filed,
           "publication_no": pub_no if pub and pub_no else None,
           "publication_date": pub if pub_no else None,
           "grant_no": grant_no if grant else None, "grant_date": grant,
           "status": status, "owners": owners, "_at": stamp(filed, ip_id)}
    g.store.add("ip_asset", row)
    case.ip_ids.append(ip_id)
    case.touch(grant or pub or filed)
    if grant and kind == "invention_patent" and g.rng.random() < 0.25:
        fee_day = min(g.today, grant + days(g.ri(0, 60)))
        g.store.add("cost", {"achievement_id": case.id, "deal_id": None, "incurred_on": fee_day,
                             "amount": yuan(g.one([90000, 120000, 200000, 400000])),
                             "category": "patent_fees", "deductible": True,
                             "note": f"专利登记费及年费（{app}）", "_at": stamp(fee_day, ip_id)})


def _foreign(g: Gen, case: Case, filed: date, owners: str) -> None:
    ip_id = g.store.new_id("ip_asset")
    seq = (ip_id * 104_729) % 10**6
    pub = add_months(filed, 6)
    us = g.rng.random() < 0.2
    row = {"id": ip_id, "achievement_id": case.id, "kind": "invention_patent",
           "jurisdiction": "US" if us else "PCT",
           "application_no": f"US{17 + (filed.year - 2020) % 3}/{seq // 1000:03d},{seq % 1000:03d}"
           if us else f"PCT/CN{filed.year}/{seq:06d}",
           "filing_date": filed,
           "publication_no": (f"US{pub.year}0{seq:06d}A1" if us else f"WO{pub.year}/{seq:06d}")
           if pub <= g.today else None,
           "publication_date": pub if pub <= g.today else None,
           "grant_no": None, "grant_date": None,
           "status": "abandoned" if case.status in (A.RELEASED, A.ARCHIVED) else "pending",
           "owners": owners, "_at": stamp(filed, ip_id)}
    g.store.add("ip_asset", row)
    case.ip_ids.append(ip_id)
    case.touch(row["publication_date"] or filed)
