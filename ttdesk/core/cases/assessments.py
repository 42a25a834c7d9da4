"""Assessments of an achievement's technical and market potential."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ttdesk.codes import Recommendation
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.cases import follow
from ttdesk.core.cases.achievements import enum_value
from ttdesk.db.models import Assessment


@dataclass
class AssessmentIn:
    assessed_on: date
    assessor: str
    recommendation: str
    technical_score: int | None = None
    market_score: int | None = None
    notes: str | None = None


@requires(Act.CASE_WORK)
def add(ctx: AppContext, case_no: str, a: AssessmentIn) -> None:
    for name, score in (("technical_score", a.technical_score),
                        ("market_score", a.market_score)):
        if score is not None and not 0 <= score <= 100:
            raise RuleViolation("INPUT", "评分须在 0–100 之间", "scores are 0-100", name)
    if not a.assessor.strip():
        raise RuleViolation("INPUT", "须填写评估人", "the assessor is required", "assessor")
    with ctx.write() as s:
        case = lookup.achievement(s, case_no)
        follow.require_open(case)
        if a.assessed_on < case.disclosure_date:
            raise RuleViolation("R12", "评估日期早于披露日期", "assessed before disclosure",
                                "assessed_on")
        case.assessments.append(Assessment(
            assessed_on=a.assessed_on, assessor=a.assessor.strip(),
            recommendation=enum_value(Recommendation, a.recommendation, "recommendation"),
            technical_score=a.technical_score, market_score=a.market_score, notes=a.notes))
