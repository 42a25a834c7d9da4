"""The words for kinds of record (audit events, messages) and for due-diligence items."""

from __future__ import annotations

Pair = tuple[str, str]  # (zh, en)

# The kinds of record an audit event or a message can be about.
RECORD_WORDS: dict[str, Pair] = {
    "achievement": ("成果", "Case"),
    "contribution": ("完成人", "Contributor"),
    "funding_source": ("经费来源", "Funding"),
    "assessment": ("评估", "Assessment"),
    "support_received": ("支持", "Support"),
    "ip_asset": ("知识产权", "IP asset"),
    "patent_review": ("专利盘活评估", "Patent review"),
    "rights_grant": ("赋权", "Rights grant"),
    "publicity": ("公示", "Publicity"),
    "objection": ("异议", "Objection"),
    "cost": ("费用", "Cost"),
    "deal": ("转化项目", "Deal"),
    "valuation": ("评估/定价", "Valuation"),
    "receipt": ("收款", "Receipt"),
    "payment_milestone": ("付款节点", "Payment milestone"),
    "royalty_report": ("提成报告", "Royalty report"),
    "distribution": ("收益分配", "Distribution"),
    "allocation": ("个人分配", "Allocation"),
    "company": ("企业", "Company"),
    "company_milestone": ("企业里程碑", "Company milestone"),
    "equity_event": ("股权事项", "Equity event"),
    "equity_position": ("股权持有", "Equity position"),
    "shareholding": ("持股", "Shareholding"),
    "person": ("人员", "Person"),
    "person_interest": ("关联关系", "Person interest"),
    "department": ("院系", "Department"),
    "deadline": ("待办", "Deadline"),
    "filing": ("文件", "Filing"),
    "attachment": ("附件", "Attachment"),
    "note": ("备注", "Note"),
    "institution": ("单位信息", "Institution"),
    "policy_version": ("政策版本", "Policy version"),
    "calendar_day": ("工作日历", "Calendar day"),
    "app_user": ("用户", "User"),
    "login_setting": ("登录设置", "Login setting"),
    "demand": ("需求", "Demand"),
    "match": ("对接", "Match"),
    "match_activity": ("对接活动", "Matching activity"),
    # market (schema 0008)
    "promotion": ("推广清单", "Promotion list"),
    "activity_achievement": ("活动展示成果", "Achievement shown"),
    "activity_company": ("活动对接企业", "Company met"),
    # -- law2 --
    "registration_event": ("技术合同登记", "Contract registration"),
    "annual_report_submission": ("年度报告报送", "Annual report submission"),
    "operating_profit": ("营业利润", "Operating profit"),  # issue 19 (law)
}

# The items of a deal's due-diligence checklist (the keys of `Deal.due_diligence`).
DUE_DILIGENCE_WORDS: dict[str, Pair] = {
    "ownership": ("权属清晰", "Clear ownership"),
    "encumbrance": ("无权利负担", "No encumbrance"),
    "freedom_to_operate": ("自由实施（FTO）", "Freedom to operate"),
    "counterparty_credit": ("交易对方资信", "Counterparty credit"),
    "credit": ("交易对方资信", "Counterparty credit"),
    "started": ("调查开始日期", "Started"),
    # the default checklist of the policy (due_diligence_items); an office's own items carry
    # their names in the policy
    "related_party": ("关联关系申报", "Related-party declaration"),
    "ip_status": ("知识产权状态与权利负担", "IP status and encumbrances"),
    "funding_terms": ("经费来源约定", "Funding terms"),
    "secrecy_review": ("保密审查", "Secrecy review"),
    "valuation_basis": ("定价与估值依据", "Valuation basis"),

    "notes": ("说明", "Notes"),
}
