"""Chinese and English labels for every code name of `ttdesk.codes`, and for list columns.

The code names are what the database, the interchange format and the CLI use; the labels are
what an officer reads. The Chinese of the status machines is the one of domain.md §3.
Qt-free: the CLI, the filings and the Qt table models all read the same tables.

    label(AchievementStatus.CONVERTING)            -> "转化中"
    label(DealMode.EQUITY, "en")                   -> "Equity investment"
    choices(DealStatus, "zh")                      -> [("draft", "草拟"), ...]
    parse(AchievementStatus, "评估中")              -> AchievementStatus.ASSESSING
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TypeVar

from ttdesk import codes as e

E = TypeVar("E", bound=StrEnum)
Pair = tuple[str, str]  # (zh, en)

_LABELS: dict[type[StrEnum], dict[str, Pair]] = {
    e.AchievementKind: {
        "invention_patent": ("发明专利", "Invention patent"),
        "utility_model": ("实用新型", "Utility model"),
        "design": ("外观设计", "Design"),
        "software_copyright": ("软件著作权", "Software copyright"),
        "ic_layout": ("集成电路布图设计", "IC layout design"),
        "plant_variety": ("植物新品种", "Plant variety"),
        "biomedical_variety": ("生物医药新品种", "Biomedical variety"),
        "technical_secret": ("技术秘密", "Technical secret"),
        "other": ("其他", "Other"),
    },
    e.ResearchStage: {
        "research": ("研究", "Research"),
        "development": ("开发", "Development"),
    },
    e.Secrecy: {
        "none": ("非涉密", "Not classified"),
        "sensitive": ("敏感", "Sensitive"),
        "secret_or_security": ("涉密或涉及国家安全", "Secret or national security"),
    },
    e.AchievementSource: {
        "own_disclosure": ("自主披露", "Own disclosure"),
        "regional_centre": ("区域高校技术转移中心", "Regional technology-transfer centre"),
        "enterprise_challenge": ("揭榜挂帅", "Enterprise-set problem"),
        "joint_lab": ("联合实验室", "Joint lab"),
    },
    e.AchievementStatus: {
        "disclosed": ("已披露", "Disclosed"),
        "assessing": ("评估中", "Assessing"),
        "protecting": ("保护中", "Protecting"),
        "marketing": ("推广中", "Marketing"),
        "converting": ("转化中", "Converting"),
        "converted": ("已转化", "Converted"),
        "archived": ("已归档", "Archived"),
        "released": ("已放弃", "Released"),
    },
    e.ContributorRole: {
        "lead": ("负责人", "Lead"),
        "member": ("成员", "Member"),
    },
    e.FunderType: {
        "national": ("国家级", "National"),
        "municipal": ("市级", "Municipal"),
        "enterprise": ("企业委托", "Enterprise"),
        "internal": ("校内", "Internal"),
        "other": ("其他", "Other"),
    },
    e.IPKind: {
        "invention_patent": ("发明专利", "Invention patent"),
        "utility_model": ("实用新型", "Utility model"),
        "design": ("外观设计", "Design"),
        "software_copyright": ("软件著作权", "Software copyright"),
        "ic_layout": ("集成电路布图设计", "IC layout design"),
        "plant_variety": ("植物新品种", "Plant variety"),
        "trademark": ("商标", "Trademark"),
        "other": ("其他", "Other"),
    },
    e.IPStatus: {
        "pending": ("审查中", "Pending"),
        "granted": ("已授权", "Granted"),
        "rejected": ("已驳回", "Rejected"),
        "abandoned": ("已放弃", "Abandoned"),
        "lapsed": ("已失效", "Lapsed"),
    },
    e.Recommendation: {
        "pursue": ("推进", "Pursue"),
        "hold": ("暂缓", "Hold"),
        "release": ("放弃", "Release"),
    },
    e.GrantForm: {
        "co_ownership": ("共有所有权", "Co-ownership"),
        "long_term_use": ("长期使用权", "Long-term use right"),
    },
    e.GrantStatus: {
        "applied": ("已申请", "Applied"),
        "college_reviewed": ("院系审核", "College reviewed"),
        "tto_reviewed": ("转移机构审核", "TTO reviewed"),
        "in_publicity": ("公示中", "In publicity"),
        "objection": ("异议处理", "Objection"),
        "approved": ("已批准", "Approved"),
        "agreement_signed": ("已签协议", "Agreement signed"),
        "title_changed": ("已变更登记", "Title changed"),
        "rejected": ("未通过", "Rejected"),
    },
    e.DealMode: {
        "transfer": ("转让", "Transfer"),
        "license_exclusive": ("独占许可", "Exclusive license"),
        "license_sole": ("排他许可", "Sole license"),
        "license_nonexclusive": ("普通许可", "Non-exclusive license"),
        "equity": ("作价投资", "Equity investment"),
        "joint": ("合作实施", "Joint implementation"),
        "self": ("自行实施", "Self implementation"),
        "other": ("其他", "Other"),
        "development": ("技术开发", "Technology development"),
        "consulting": ("技术咨询", "Technology consulting"),
        "service": ("技术服务", "Technology service"),
    },
    e.PricingMethod: {
        "negotiated": ("协议定价", "Negotiated price"),
        "listing": ("挂牌交易", "Listing"),
        "auction": ("拍卖", "Auction"),
    },
    e.DealStatus: {
        "draft": ("草拟", "Draft"),
        "due_diligence": ("尽职调查", "Due diligence"),
        "approval": ("审批中", "In approval"),
        "in_publicity": ("公示中", "In publicity"),
        "objection": ("异议处理", "Objection"),
        "signed": ("已签约", "Signed"),
        "registered": ("已登记", "Registered"),
        "performing": ("履约中", "Performing"),
        "completed": ("已完成", "Completed"),
        "terminated": ("已终止", "Terminated"),
    },
    e.ValuationApproach: {
        "income": ("收益法", "Income approach"),
        "market": ("市场法", "Market approach"),
        "cost": ("成本法", "Cost approach"),
    },
    e.PublicitySubject: {
        "rights_grant": ("赋权", "Rights grant"),
        "deal": ("转化定价", "Deal"),
        "distribution": ("奖励分配", "Reward distribution"),
    },
    e.DayKind: {
        "calendar": ("自然日", "Calendar days"),
        "working": ("工作日", "Working days"),
    },
    e.PublicityResult: {
        "no_objection": ("无异议", "No objection"),
        "terminated_by_objection": ("因异议终止", "Terminated by objection"),
    },
    e.Region: {
        "beijing": ("北京", "Beijing"),
        "tianjin": ("天津", "Tianjin"),
        "hebei": ("河北", "Hebei"),
        "other_province": ("其他省份", "Other province"),
        "abroad": ("境外", "Abroad"),
    },
    e.MilestoneKind: {
        "first_order": ("首单", "First order"),
        "high_tech": ("高新技术企业认定", "High-tech enterprise certified"),
        "zjtx": ("专精特新认定", "Specialized-sophisticated SME"),
        "financing": ("融资", "Financing round"),
        "incubator_entry": ("入驻孵化器", "Incubator entry"),
        "incubator_graduation": ("孵化毕业", "Incubator graduation"),
    },
    e.DemandSource: {
        "park_list": ("园区清单", "Park list"),
        "enterprise_challenge": ("揭榜挂帅", "Enterprise-set problem"),
        "visit": ("走访", "Visit"),
        "other": ("其他", "Other"),
    },
    e.MatchOutcome: {
        "contacted": ("已接洽", "Contacted"),
        "nda": ("已签保密协议", "NDA signed"),
        "negotiating": ("洽谈中", "Negotiating"),
        "deal": ("已成交", "Deal"),
        "declined": ("未成交", "Declined"),
    },
    e.ActivityKind: {
        "roadshow": ("路演", "Roadshow"),
        "exhibition": ("展会", "Exhibition"),
        "salon": ("沙龙", "Salon"),
    },
    e.SupportKind: {
        "concept_verification": ("概念验证", "Concept verification"),
        "pilot_test": ("中试", "Pilot test"),
        "innovation_voucher": ("创新券", "Innovation voucher"),
        "incubator_service": ("孵化服务", "Incubator service"),
    },
    e.HolderType: {
        "institution_amc": ("学校资产公司", "University asset company"),
        "team_member": ("团队成员", "Team member"),
        "investor": ("外部投资人", "Investor"),
        "government_fund": ("政府基金", "Government fund"),
        "incubator": ("孵化器", "Incubator"),
    },
    e.DepartmentKind: {
        "college": ("学院", "College"),
        "institute": ("研究院（所）", "Institute"),
        "hospital": ("附属医院", "Hospital"),
        "subsidiary": ("下属企业", "Subsidiary"),
        "other": ("其他单位", "Other unit"),
    },
    e.EmploymentStatus: {
        "on_post": ("在岗创业", "On-post"),
        "off_post": ("离岗创业", "Off-post"),
    },
    e.EquityEventKind: {
        "formation": ("作价入股", "Formation"),
        "capital_increase": ("增资", "Capital increase"),
        "transfer": ("股权转让", "Transfer"),
        "exit": ("退出", "Exit"),
        "impairment": ("减值", "Impairment"),
        "dividend": ("分红", "Dividend"),
    },
    e.ReceiptKind: {
        "upfront": ("入门费", "Upfront"),
        "milestone": ("里程碑款", "Milestone"),
        "royalty": ("提成费", "Royalty"),
        "equity_proceeds": ("股权收益", "Equity proceeds"),
        "dividend": ("分红", "Dividend"),
        "other": ("其他", "Other"),
    },
    e.CostCategory: {
        "patent_fees": ("专利费用", "Patent fees"),
        "appraisal": ("评估费", "Appraisal"),
        "exchange_fees": ("交易服务费", "Exchange fees"),
        "legal": ("法律费用", "Legal"),
        "taxes": ("税费", "Taxes"),
        "other": ("其他", "Other"),
    },
    e.DistributionStatus: {
        "draft": ("草拟", "Draft"),
        "approved": ("已批准", "Approved"),
        "in_publicity": ("公示中", "In publicity"),
        "paid": ("已发放", "Paid"),
    },
    e.DeadlineKind: {
        "publicity_end": ("公示期满", "Publicity ends"),
        "contract_registration": ("技术合同登记", "Contract registration"),
        "reward_payment": ("奖励发放", "Reward payment"),
        "mof_filing": ("财政部备案", "MOF filing"),
        "patent_annuity": ("专利年费", "Patent annuity"),
        "license_milestone": ("许可里程碑", "License milestone"),
        "royalty_report": ("提成报告", "Royalty report"),
        "deferred_trigger": ("先用后付触发", "Deferred-payment trigger"),
        "annual_report": ("年度报告", "Annual report"),
        "manual": ("手工待办", "Manual"),
    },
    e.UserRole: {
        "officer": ("经办人", "Officer"),
        "reviewer": ("审核人", "Reviewer"),
        "director": ("主任", "Director"),
        "admin": ("管理员", "Administrator"),
        "viewer": ("只读", "Viewer"),
    },
    e.AuditAction: {
        "insert": ("新增", "Created"),
        "update": ("修改", "Changed"),
        "delete": ("删除", "Deleted"),
        "rechain": ("审计链重新计算", "Audit chain re-hashed"),
    },
    e.ChangeKind: {
        "achievements": ("成果", "Achievements"),
        "deals": ("交易", "Deals"),
        "companies": ("企业", "Companies"),
        "money": ("收益", "Money"),
        "deadlines": ("待办", "Deadlines"),
        "filings": ("文件", "Filings"),
        "settings": ("设置", "Settings"),
        "market": ("对接", "Matchmaking"),
        "all": ("全部", "Everything"),
    },
}

# Column and field names shown in lists, detail pages and CLI headers.
_FIELDS: dict[str, Pair] = {
    "id": ("序号", "ID"),
    "case_no": ("成果编号", "Case no."),
    "deal_no": ("项目编号", "Deal no."),
    "title": ("名称", "Title"),
    "title_en": ("英文名称", "English title"),
    "kind": ("类型", "Kind"),
    "field": ("技术领域", "Field"),
    "department": ("院系", "Department"),
    "disclosure_date": ("披露日期", "Disclosed"),
    "status": ("状态", "Status"),
    "officer": ("经办人", "Officer"),
    "lead_inventor": ("负责人", "Lead inventor"),
    "deal_count": ("交易数", "Deals"),
    "mode": ("转化方式", "Mode"),
    "counterparty": ("受让方/合作方", "Counterparty"),
    "price": ("金额（元）", "Price (CNY)"),
    "pricing_method": ("定价方式", "Pricing"),
    "signing_date": ("签约日期", "Signed"),
    "name": ("名称", "Name"),
    "credit_code": ("统一社会信用代码", "Credit code"),
    "region": ("地区", "Region"),
    "is_spinoff": ("衍生企业", "Spin-off"),
    "registration_date": ("成立日期", "Registered"),
    "registered_capital": ("注册资本（元）", "Registered capital (CNY)"),
    "legal_representative": ("法定代表人", "Legal representative"),
    "park": ("园区/孵化器", "Park / incubator"),
    "is_high_tech": ("高新技术企业", "High-tech"),
    "is_zjtx": ("专精特新", "ZJTX SME"),
    "due_date": ("截止日期", "Due"),
    "subject_ref": ("关联编号", "Subject"),
    "done": ("已完成", "Done"),
    "abstract": ("摘要", "Abstract"),
    "trl": ("成熟度", "TRL"),
    "research_stage": ("研究阶段", "Stage"),
    "secrecy": ("密级", "Secrecy"),
    "source": ("来源", "Source"),
    "intended_mode": ("拟转化方式", "Intended mode"),
    "tags": ("标签", "Tags"),
    "contributors": ("完成人", "Contributors"),
    "funding": ("经费来源", "Funding"),
    "ip_assets": ("知识产权", "IP assets"),
    "assessments": ("评估", "Assessments"),
    "rights_grants": ("赋权", "Rights grants"),
    "deals": ("转化项目", "Deals"),
    "achievements": ("科技成果", "Achievements"),
    "valuations": ("评估/定价", "Valuations"),
    "publicities": ("公示", "Publicity notices"),
    "receipts": ("收款", "Receipts"),
    "costs": ("费用", "Costs"),
    "distributions": ("收益分配", "Distributions"),
    "history": ("历史记录", "History"),
    "share": ("贡献比例（%）", "Share (%)"),
    "role": ("角色", "Role"),
    "case_nos": ("关联成果", "Cases"),
    "release_reason": ("放弃理由", "Release reason"),
    "no_funding": ("无经费资助", "No funding"),
    "is_imported": ("历史导入", "Imported history"),
    "created_at": ("创建时间", "Created"),
    "updated_at": ("更新时间", "Updated"),
    "supports": ("获得支持", "Support received"),
    "equity_events": ("股权事项", "Equity events"),
    "rights_grant": ("赋权", "Rights grant"),
    "staff_no": ("工号", "Staff no."),
    "person": ("人员", "Person"),
    "exchange_reference": ("挂牌/拍卖编号", "Exchange reference"),
    "deferred_payment": ("先使用后付费", "Use first, pay later"),
    "deferred_trigger": ("付费触发条件", "Payment trigger"),
    "deferred_review_date": ("触发复核日期", "Trigger review date"),
    "upfront_amount": ("入门费（元）", "Upfront (CNY)"),
    "royalty_rate": ("提成比例（%）", "Royalty rate (%)"),
    "royalty_base": ("提成基数", "Royalty base"),
    "minimum_annual_royalty": ("年度最低提成（元）", "Minimum annual royalty (CNY)"),
    "payment_terms": ("支付条款", "Payment terms"),
    "related_party_declared": ("关联关系已申报", "Related party declared"),
    "related_party_declaration": ("关联关系说明", "Related-party declaration"),
    "related_party_approval_date": ("关联交易审批日期", "Related-party approval date"),
    "due_diligence": ("尽职调查", "Due diligence"),
    "approval_tier": ("审批层级", "Approval tier"),
    "approval_body": ("审批机构", "Approval body"),
    "approval_date": ("审批日期", "Approval date"),
    "approval_minutes_no": ("会议纪要编号", "Minutes no."),
    "supervising_approval_ref": ("主管部门批复文号", "Supervising approval ref."),
    "supervising_approval_date": ("主管部门批复日期", "Supervising approval date"),
    "registration_no": ("技术合同登记号", "Contract registration no."),
    "contract_registration_date": ("合同登记日期", "Contract registered"),
    "completion_date": ("完成日期", "Completed"),
    "termination_reason": ("终止理由", "Termination reason"),
    "is_unit_head": ("单位正职领导", "Unit head"),
    "is_student": ("学生", "Student"),
    "is_external": ("校外人员", "External"),
    "subject": ("公示事项", "Subject"),
    "channel": ("公示渠道", "Channel"),
    "start_date": ("开始日期", "Start"),
    "days": ("天数", "Days"),
    "day_kind": ("计日方式", "Day count"),
    "end_date": ("截止日期", "End"),
    "result": ("结果", "Result"),
    "closed_on": ("结束日期", "Closed"),
    "raised_by": ("异议人", "Raised by"),
    "raised_on": ("提出日期", "Raised on"),
    "content": ("内容", "Content"),
    "resolution": ("处理结果", "Resolution"),
    "resolved_on": ("处理日期", "Resolved on"),
    "upheld": ("异议成立", "Upheld"),
    "programme": ("项目/计划", "Programme"),
    "funder_type": ("资助类型", "Funder type"),
    "project_no": ("项目编号", "Project no."),
    "ip_terms_note": ("知识产权约定", "IP terms"),
    "jurisdiction": ("国家/地区", "Jurisdiction"),
    "application_no": ("申请号", "Application no."),
    "filing_date": ("申请日", "Filed"),
    "publication_no": ("公开号", "Publication no."),
    "publication_date": ("公开日", "Published"),
    "grant_no": ("授权号", "Grant no."),
    "grant_date": ("授权日", "Granted"),
    "owners": ("权利人", "Owners"),
    "assessed_on": ("评估日期", "Assessed"),
    "assessor": ("评估人", "Assessor"),
    "technical_score": ("技术评分", "Technical score"),
    "market_score": ("市场评分", "Market score"),
    "recommendation": ("建议", "Recommendation"),
    "notes": ("备注", "Notes"),
    "note": ("备注", "Note"),
    "by": ("经办人", "By"),  # e.g. who checked a due-diligence item
    "on": ("日期", "Date"),
    "provider": ("提供方", "Provider"),
    "received_on": ("日期", "Date"),
    "amount": ("金额（元）", "Amount (CNY)"),
    "form": ("赋权方式", "Form"),
    "team_share": ("团队份额（%）", "Team share (%)"),
    "term_years": ("期限（年）", "Term (years)"),
    "representative": ("团队代表", "Representative"),
    "application_date": ("申请日期", "Applied"),
    "plan_attached": ("附转化方案", "Plan attached"),
    "consent_recorded": ("全体完成人同意", "All-inventor consent"),
    "college_review_date": ("院系审核日期", "College review"),
    "tto_review_date": ("转移机构审核日期", "TTO review"),
    "decision_body": ("决策机构", "Decision body"),
    "decision_date": ("决策日期", "Decided"),
    "minutes_no": ("纪要编号", "Minutes no."),
    "agreement_no": ("协议编号", "Agreement no."),
    "agreement_date": ("协议日期", "Agreement date"),
    "title_change_date": ("变更登记日期", "Title changed"),
    "rejection_reason": ("未通过理由", "Rejection reason"),
    "appraised": ("已评估", "Appraised"),
    "no_appraisal_reason": ("不评估理由", "Reason for no appraisal"),
    "firm": ("评估机构", "Appraisal firm"),
    "report_no": ("报告编号", "Report no."),
    "base_date": ("评估基准日", "Base date"),
    "approach": ("评估方法", "Approach"),
    "appraised_value": ("评估值（元）", "Appraised value (CNY)"),
    "agreed_value": ("协议价（元）", "Agreed value (CNY)"),
    "invoice_no": ("发票号", "Invoice no."),
    "sales_base": ("销售额基数（元）", "Sales base (CNY)"),
    "incurred_on": ("发生日期", "Incurred"),
    "category": ("类别", "Category"),
    "deductible": ("可扣除", "Deductible"),
    "gross_income": ("总收入（元）", "Gross income (CNY)"),
    "deductible_costs": ("可扣除费用（元）", "Deductible costs (CNY)"),
    "net_income": ("净收入（元）", "Net income (CNY)"),
    "team_share_pct": ("团队比例（%）", "Team share (%)"),
    "team_amount": ("团队金额（元）", "Team amount (CNY)"),
    "department_amount": ("院系金额（元）", "Department amount (CNY)"),
    "tto_amount": ("转移机构金额（元）", "TTO amount (CNY)"),
    "university_amount": ("学校金额（元）", "University amount (CNY)"),
    "is_equity": ("股权奖励", "Equity reward"),
    "payment_date": ("发放日期", "Paid"),
    "contribution_pct": ("贡献比例（%）", "Contribution (%)"),
    "taxable_amount": ("应税金额（元）", "Taxable amount (CNY)"),
    "equity_pct": ("股权比例（%）", "Equity (%)"),
    "company": ("企业", "Company"),
    "happened_on": ("日期", "Date"),
    "percentage": ("比例（%）", "Percentage"),
    "done_on": ("完成日期", "Done on"),
    "snoozed_until": ("暂缓至", "Snoozed until"),
    "days_left": ("剩余天数", "Days left"),
    "royalty_period_months": ("提成结算周期（月）", "Royalty period (months)"),
    "milestone_id": ("付款节点", "Payment milestone"),
    "milestones": ("付款节点", "Payment milestones"),
    "royalty_report_id": ("提成报告", "Royalty report"),
    "reported_royalty": ("报告提成额（元）", "Reported royalty (CNY)"),
    "reported_on": ("报告日期", "Reported"),
    "period_start": ("期间起", "Period from"),
    "period_end": ("期间止", "Period to"),
    "trigger": ("触发条件", "Trigger"),
    "reverses_id": ("冲销对象", "Reverses"),
    "allocations": ("个人分配", "Allocations"),
    "adjustment_reason": ("调整理由", "Adjustment reason"),
    "department_pct": ("院系比例（%）", "Department share (%)"),
    "tto_pct": ("转移机构比例（%）", "TTO share (%)"),
    "holder_type": ("股东类型", "Holder type"),
    "holder_name": ("股东名称", "Holder"),
    "subscribed_capital": ("认缴出资（元）", "Subscribed capital (CNY)"),
    "paid_in_capital": ("实缴出资（元）", "Paid-in capital (CNY)"),
    "capital": ("出资额（元）", "Capital (CNY)"),
    "proceeds": ("退出收益（元）", "Proceeds (CNY)"),
    "capital_after": ("变动后注册资本（元）", "Registered capital after (CNY)"),
    "counterparty_name": ("交易对方", "Counterparty"),
    "employment_status": ("在岗/离岗", "Employment status"),
    "is_state_owned": ("国有股权", "State-owned"),
    "entrepreneurship": ("创业状态", "Entrepreneurship"),
    "merged_into_id": ("已合并至", "Merged into"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "plan_summary": ("转化方案摘要", "Plan summary"),
    "college_opinion": ("院系意见", "College opinion"),
    "tto_opinion": ("转移机构意见", "TTO opinion"),
    "policy_number": ("政策版本", "Policy version"),
    "subject_type": ("关联类型", "Subject type"),
    "rule_key": ("规则标识", "Rule key"),
    "nature": ("关系性质", "Nature"),
    "outcome": ("结果", "Outcome"),
    "updated_on": ("更新日期", "Updated"),
    "need": ("需求", "Need"),
    "held_on": ("举办日期", "Held on"),
    "participants": ("参加人数", "Participants"),
    "name_en": ("英文名称", "English name"),
    "tto_name": ("转移机构名称", "TTO name"),
    "address": ("地址", "Address"),
    "logo": ("标志", "Logo"),
    "asset_company": ("资产经营公司", "Asset company"),
    "province_code": ("省份代码", "Province code"),
    "username": ("用户名", "User name"),
    "display_name": ("显示名称", "Display name"),
    "is_active": ("启用", "Active"),
    "seq": ("顺序", "Order"),
    "serial_no": ("文件编号", "Serial no."),
    "lang": ("语言", "Language"),
    "created_by": ("创建人", "Created by"),
    "filename": ("文件名", "File name"),
    "description": ("说明", "Description"),
    "code": ("代码", "Code"),
    "number": ("版本号", "Number"),
    "effective_at": ("生效时间", "Effective"),
    "values": ("取值", "Values"),
    "phone": ("电话", "Phone"),
    "email": ("电子邮箱", "E-mail"),
    "id_number": ("证件号码", "ID number"),
    "day": ("日期", "Day"),
    "is_workday": ("工作日", "Working day"),
    "counterparty_id": ("受让方/合作方", "Counterparty"),
    "representative_id": ("团队代表", "Representative"),
    "rights_grant_id": ("赋权", "Rights grant"),
    "department_id": ("院系", "Department"),
    "officer_id": ("经办人", "Officer"),
    "person_id": ("人员", "Person"),
    "company_id": ("企业", "Company"),
    "deal_id": ("转化项目", "Deal"),
    "achievement_id": ("科技成果", "Achievement"),
    "receipt_id": ("收款", "Receipt"),
    "distribution_id": ("收益分配", "Distribution"),
    "publicity_id": ("公示", "Publicity"),
    "event_id": ("股权事项", "Equity event"),
    "demand_id": ("需求", "Demand"),
    "activity_id": ("活动", "Activity"),
    "superseded": ("已作废", "Superseded"),
    "entity_type": ("关联类型", "Record type"),
    "entity_id": ("关联记录", "Record"),
    "subject_id": ("关联记录", "Subject record"),
    "size": ("大小（字节）", "Size (bytes)"),
    "author": ("作者", "Author"),
    "body": ("内容", "Text"),
    "written_on": ("记录日期", "Written on"),
}

# The kinds of record an audit event or a message can be about.
_ENTITIES: dict[str, Pair] = {
    "achievement": ("成果", "Case"),
    "contribution": ("完成人", "Contributor"),
    "funding_source": ("经费来源", "Funding"),
    "assessment": ("评估", "Assessment"),
    "support_received": ("支持", "Support"),
    "ip_asset": ("知识产权", "IP asset"),
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
    "demand": ("需求", "Demand"),
    "match": ("对接", "Match"),
    "match_activity": ("对接活动", "Matching activity"),
}

# The items of a deal's due-diligence checklist (the keys of `Deal.due_diligence`).
_DUE_DILIGENCE: dict[str, Pair] = {
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


def register_labels(enum_cls: type[StrEnum], labels: dict[str, Pair]) -> None:
    """Add labels for an enum defined outside `ttdesk.codes` (e.g. a list filter)."""
    missing = {m.value for m in enum_cls} - labels.keys()
    if missing:
        raise ValueError(f"{enum_cls.__name__}: no label for {sorted(missing)}")
    _LABELS[enum_cls] = dict(labels)


def labelled_enums() -> list[type[StrEnum]]:
    return list(_LABELS)


def label(value: StrEnum | None, lang: str = "zh") -> str:
    """The officer-facing label of a code; an unlabelled code shows as itself, None as ''."""
    if value is None:
        return ""
    pair = _LABELS.get(type(value), {}).get(value.value)
    if pair is None:
        return value.value
    return pick(pair, lang)


def choices(enum_cls: type[E], lang: str = "zh") -> list[tuple[str, str]]:
    """(code, label) pairs in declaration order: for combo boxes and CLI help."""
    return [(m.value, label(m, lang)) for m in enum_cls]


def parse(enum_cls: type[E], text: str) -> E:
    """A member from its code name or its Chinese or English label (case-insensitive).

    Raises ValueError naming the accepted codes when nothing matches.
    """
    wanted = text.strip()
    folded = wanted.casefold()
    for member in enum_cls:
        zh, en = _LABELS.get(enum_cls, {}).get(member.value, (member.value, member.value))
        if folded in (member.value, zh.casefold(), en.casefold()) or wanted == zh:
            return member
    valid = ", ".join(f"{code} ({zh})" for code, zh in choices(enum_cls, "zh"))
    raise ValueError(f"unknown {enum_cls.__name__} {text!r}; valid: {valid}")


def field_label(name: str, lang: str = "zh") -> str:
    """Column / field heading; an unknown name shows as itself."""
    pair = _FIELDS.get(name)
    if pair is None:
        return name
    return pick(pair, lang)


def pick(pair: Pair, lang: str = "zh") -> str:
    """The Chinese or English half of a (zh, en) pair: the one place that branches on lang."""
    return pair[0] if lang == "zh" else pair[1]


def entity_label(name: str, lang: str = "zh") -> str:
    """What kind of record `name` (a table name, as in audit events) is, in words."""
    return pick(_ENTITIES.get(name, (name, name)), lang)


def due_diligence_label(item: str, lang: str = "zh") -> str:
    """An item of the due-diligence checklist; an unknown item shows as a field label."""
    pair = _DUE_DILIGENCE.get(item)
    return pick(pair, lang) if pair else field_label(item, lang)


def due_diligence_items() -> dict[str, Pair]:
    return dict(_DUE_DILIGENCE)


_ROW = re.compile(r"([a-z][a-z0-9_]*)\[(\d+)\]")
# A name not followed by "." (a file name's stem stays as it is).
_NAME = re.compile(r"(?<!\w)[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?![\w.])")


def where_words(where: str, lang: str = "zh") -> str:
    """A problem's place in words: "contributors[1]" -> "完成人 第 2 行" / "Contributors row 2";
    other known field names become their labels, data (case numbers, file names) stays."""
    def row(m: re.Match[str]) -> str:
        n = int(m.group(2)) + 1
        return field_label(m.group(1), lang) + (f" 第 {n} 行" if lang == "zh" else f" row {n}")

    def name(m: re.Match[str]) -> str:
        return field_label(m.group(0), lang) if m.group(0) in _FIELDS else m.group(0)

    return _NAME.sub(name, _ROW.sub(row, where))


def half(both: str, lang: str = "zh") -> str:
    """The `lang` half of a "中文 / English" name (as errors name the record they are about)."""
    zh, sep, en = both.partition(" / ")
    return (zh if lang == "zh" else en) if sep else both


def join_words(items: list[str], lang: str = "zh") -> str:
    """A list as a person writes it: "甲、乙" / "a, b"."""
    return ("、" if lang == "zh" else ", ").join(items)


def yes_no(value: bool | None, lang: str = "zh") -> str:
    if value is None:
        return ""
    return field_label("yes" if value else "no", lang)
