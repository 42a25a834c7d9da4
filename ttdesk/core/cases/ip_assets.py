"""IP assets (知识产权) of an achievement: filing, publication, grant; annuity deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ttdesk.codes import IPKind, IPStatus
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation, ValidationFailed
from ttdesk.core.cases import follow
from ttdesk.core.cases.achievements import enum_value
from ttdesk.core.office import deadlines
from ttdesk.core.rules.checks import P, dates_in_order
from ttdesk.db.models import IPAsset


@dataclass
class IPAssetIn:
    kind: str
    application_no: str
    filing_date: date | None = None
    jurisdiction: str = "CN"
    publication_no: str | None = None
    publication_date: date | None = None
    grant_no: str | None = None
    grant_date: date | None = None
    status: str = "pending"
    owners: str | None = None


@requires(Act.CASE_WORK)
def add(ctx: AppContext, case_no: str, ip: IPAssetIn) -> int:
    """Record an IP filing for a case (R12: filing ≤ publication ≤ grant)."""
    if not ip.application_no.strip():
        raise RuleViolation("INPUT", "须填写申请号", "the application number is required",
                            "application_no")
    problems = dates_in_order([
        ("申请日 / filing date", ip.filing_date, "公开日 / publication date",
         ip.publication_date),
        ("公开日 / publication date", ip.publication_date, "授权日 / grant date", ip.grant_date),
        ("申请日 / filing date", ip.filing_date, "授权日 / grant date", ip.grant_date),
    ], case_no)
    status = enum_value(IPStatus, ip.status, "status")
    if status == IPStatus.GRANTED and ip.grant_date is None:
        problems.append(P("R12", "已授权须填写授权日", "a granted right needs its grant date",
                          "grant_date", case_no))
    if problems:
        raise ValidationFailed(problems)
    with ctx.write() as s:
        a = lookup.achievement(s, case_no)
        follow.require_open(a)
        asset = IPAsset(
            kind=enum_value(IPKind, ip.kind, "kind"), application_no=ip.application_no.strip(),
            filing_date=ip.filing_date, jurisdiction=ip.jurisdiction.upper(),
            publication_no=ip.publication_no, publication_date=ip.publication_date,
            grant_no=ip.grant_no, grant_date=ip.grant_date, status=status, owners=ip.owners)
        a.ip_assets.append(asset)
        s.flush()
        deadlines.for_ip_asset(s, asset, ctx.today(), case_no)
        return asset.id

