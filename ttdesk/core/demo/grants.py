"""Rights grants (赋权) with their reviews, publicity, decision, agreement and title change."""

from __future__ import annotations

from decimal import Decimal

from ttdesk.core.demo import vocab
from ttdesk.core.demo.common import Gen, stamp
from ttdesk.core.demo.notices import add_publicity, objection_closed, objection_open
from ttdesk.core.demo.timeline import GrantPlan


def emit_grant(g: Gen, plan: GrantPlan, seq: int) -> None:
    case, d, rng = plan.case, plan.dates, g.rng
    plan.id = g.store.new_id("rights_grant")
    co = plan.form == "co_ownership"
    applied = d["applied"]
    past_applied = plan.reached != "applied" or plan.status == "rejected"
    row = {
        "id": plan.id, "achievement_id": case.id, "form": plan.form,
        "team_share": Decimal(g.one([70, 75, 80])) if co else None,
        "term_years": None if co else g.one([10, 12, 15, 20]),
        "representative_id": case.contributors[0][0], "application_date": applied,
        "plan_attached": past_applied or rng.random() < 0.7,
        "plan_summary": f"团队拟以{'共有' if co else '长期使用'}方式实施“{case.title}”，"
                        "计划两年内完成中试并实现产业化。",
        "consent_recorded": past_applied or rng.random() < 0.5,
        "college_review_date": d.get("college_reviewed"),
        "college_opinion": "同意，报技术转移中心审核" if "college_reviewed" in d else None,
        "tto_review_date": d.get("tto_reviewed"),
        "tto_opinion": "材料齐全，同意公示" if "tto_reviewed" in d else None,
        "decision_body": None, "decision_date": None, "minutes_no": None,
        "agreement_no": None, "agreement_date": None, "title_change_date": None,
        "status": plan.status, "rejection_reason": None,
        "policy_number": g.policy.number or None, "is_imported": False, "version": 1,
        "created_at": stamp(applied, plan.id),
        "updated_at": stamp(max(d.values()), plan.id),
    }
    if plan.status == "rejected":
        row["consent_recorded"] = True
        row["rejection_reason"] = ("公示期内异议成立" if plan.reached == "objection"
                                   else "商业化方案不成熟，暂不赋权")
    _publicity(g, plan)
    if "approved" in d:
        row.update(decision_body=vocab.GRANT_BODY, decision_date=d["approved"],
                   minutes_no=f"转化领导小组〔{d['approved'].year}〕{seq % 40 + 1}号")
    if "agreement_signed" in d:
        row.update(agreement_no=f"FQ-{d['agreement_signed'].year}-{seq:04d}",
                   agreement_date=d["agreement_signed"])
    if "title_changed" in d:
        row["title_change_date"] = d["title_changed"]
    g.store.add("rights_grant", row)


def _publicity(g: Gen, plan: GrantPlan) -> None:
    d, ref = plan.dates, plan.case.case_no
    if "in_publicity" not in d:
        return
    start = d["in_publicity"]
    if plan.reached == "objection":
        raised = d["objection"]
        if plan.status == "rejected":
            obj = objection_closed(g, raised, upheld=True)
            add_publicity(g, "rights_grant", plan.id, start, ref,
                          result="terminated_by_objection", closed_on=obj["resolved_on"],
                          objection=obj)
        else:
            add_publicity(g, "rights_grant", plan.id, start, ref,
                          objection=objection_open(g, raised))
    elif plan.reached == "in_publicity":
        add_publicity(g, "rights_grant", plan.id, start, ref)
    else:
        add_publicity(g, "rights_grant", plan.id, start, ref, result="no_objection",
                      closed_on=d["approved"])

