"""What a ledger's sheets and columns may be called, in Chinese and English.

Each sheet kind (achievements, contributors, deals, receipts, companies) has fields; each
field has a value kind (how its cells are parsed) and header aliases. A header is compared
after normalisation (full-width folded, spaces and '*' removed, case-folded, units in
brackets taken off); the unit 万元 in a header makes the column's amounts ten-thousands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ttdesk.core.ledger.cells import WAN, norm

ACHIEVEMENTS, CONTRIBUTORS, DEALS, RECEIPTS, COMPANIES = (
    "achievements", "contributors", "deals", "receipts", "companies")
SHEET_KINDS = (ACHIEVEMENTS, CONTRIBUTORS, DEALS, RECEIPTS, COMPANIES)

SHEET_NAMES: dict[str, tuple[str, ...]] = {
    ACHIEVEMENTS: ("成果", "科技成果", "成果台账", "科技成果台账", "成果清单", "成果登记",
                   "职务科技成果", "台账", "achievements", "achievement", "cases", "ledger"),
    CONTRIBUTORS: ("完成人", "发明人", "成果完成人", "完成人名单", "contributors", "inventors"),
    DEALS: ("转化项目", "合同", "转化合同", "交易", "转化台账", "合同台账", "deals", "contracts"),
    RECEIPTS: ("到账", "收款", "到账记录", "收入", "到账台账", "receipts", "income", "payments"),
    COMPANIES: ("企业", "企业名录", "公司", "受让方", "衍生企业", "companies", "company"),
}

SHEET_LABELS: dict[str, tuple[str, str]] = {
    ACHIEVEMENTS: ("成果", "Achievements"), CONTRIBUTORS: ("完成人", "Contributors"),
    DEALS: ("转化项目", "Deals"), RECEIPTS: ("到账", "Receipts"),
    COMPANIES: ("企业", "Companies"),
}

# Value kinds
TEXT, DATE, MONEY, PCT, NAMES, INT, BOOL = "text", "date", "money", "pct", "names", "int", "bool"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    zh: str  # the header export writes
    en: str
    aliases: tuple[str, ...] = ()


def _f(name: str, kind: str, zh: str, en: str, *aliases: str) -> Field:
    return Field(name, kind, zh, en, aliases)


_CASE_NO = _f("case_no", TEXT, "成果编号", "Case No.", "成果编号", "案卷号", "案件号", "档案号",
              "成果登记号", "编号", "caseno", "casenumber", "case", "ref", "reference")
_DEAL_NO = _f("deal_no", TEXT, "合同编号", "Deal No.", "合同编号", "合同号", "项目合同编号",
              "转化项目编号", "dealno", "contractno", "contractnumber")
_CREDIT = _f("credit_code", TEXT, "统一社会信用代码", "Credit code", "统一社会信用代码",
             "社会信用代码", "信用代码", "企业信用代码", "creditcode", "uscc",
             "unifiedsocialcreditcode")
_COUNTERPARTY = _f("counterparty", TEXT, "受让方", "Counterparty", "受让方", "被许可方",
                   "受让方/被许可方", "受让单位", "受让企业", "合作方", "合作企业", "企业名称",
                   "交易对方", "counterparty", "licensee", "buyer", "company", "assignee")
_MODE = _f("mode", TEXT, "转化方式", "Mode", "转化方式", "转化形式", "交易方式", "转化类型",
           "mode", "conversionmode", "type of conversion")
_PRICE = _f("price", MONEY, "合同金额", "Contract amount", "合同金额", "成交金额", "交易金额",
            "转化金额", "合同额", "合同总额", "合同价款", "作价金额", "金额", "price",
            "contractamount", "contractvalue", "amount")
_SIGNING = _f("signing_date", DATE, "签约日期", "Signed", "签约日期", "签订日期", "合同签订日期",
              "签约时间", "签订时间", "signingdate", "signed", "datesigned")
_STATUS = _f("status", TEXT, "状态", "Status", "状态", "status")
_EQUITY = _f("equity", PCT, "持股比例", "Equity (%)", "持股比例", "股权比例", "占股比例",
             "学校持股比例", "equity", "equitypct", "shareholding")
_DEPARTMENT = _f("department", TEXT, "所属学院", "Department", "所属学院", "院系", "学院",
                 "所属院系", "所属单位", "单位", "部门", "二级单位", "department", "school",
                 "college", "dept", "faculty")

FIELDS: dict[str, tuple[Field, ...]] = {
    ACHIEVEMENTS: (
        _CASE_NO,
        _f("title", TEXT, "成果名称", "Title", "成果名称", "项目名称", "名称", "成果", "专利名称",
           "技术名称", "title", "achievement", "name", "projecttitle"),
        _f("title_en", TEXT, "英文名称", "English title", "英文名称", "titleen", "englishtitle"),
        _f("kind", TEXT, "成果类型", "Kind", "成果类型", "类型", "成果类别", "类别", "知识产权类型",
           "kind", "type"),
        _DEPARTMENT,
        _f("disclosure_date", DATE, "披露日期", "Disclosed", "披露日期", "申报日期", "披露时间",
           "申报时间", "登记日期", "disclosuredate", "disclosed", "datedisclosed"),
        _f("contributors", NAMES, "完成人", "Contributors", "完成人", "发明人", "成果完成人",
           "完成人及贡献比例", "发明人及贡献比例", "团队成员", "contributors", "inventors"),
        _f("field", TEXT, "技术领域", "Field", "技术领域", "领域", "所属领域", "field"),
        _f("research_stage", TEXT, "研究阶段", "Stage", "研究阶段", "阶段", "stage",
           "researchstage"),
        _f("secrecy", TEXT, "密级", "Secrecy", "密级", "secrecy"),
        _f("trl", INT, "成熟度", "TRL", "成熟度", "技术成熟度", "trl"),
        _f("abstract", TEXT, "摘要", "Abstract", "摘要", "简介", "成果简介", "abstract"),
        _STATUS,
        _f("release_reason", TEXT, "放弃理由", "Release reason", "放弃理由", "放弃原因",
           "releasereason"),
        _f("application_nos", TEXT, "申请号", "Application No.", "申请号", "专利申请号", "专利号",
           "知识产权申请号", "申请号/登记号", "applicationno", "patentno", "applicationnumber"),
        _MODE, _DEAL_NO, _PRICE, _SIGNING, _COUNTERPARTY, _CREDIT,
        _f("income", MONEY, "到账金额", "Income", "到账金额", "已到账金额", "到账", "实际到账",
           "收入", "income", "received", "amountreceived"),
        _f("received_on", DATE, "到账日期", "Received on", "到账日期", "到账时间", "receivedon",
           "datereceived"),
        _EQUITY,
    ),
    CONTRIBUTORS: (
        _CASE_NO,
        _f("title", TEXT, "成果名称", "Title", "成果名称", "项目名称", "title"),
        _f("staff_no", TEXT, "工号", "Staff No.", "工号", "职工号", "人员编号", "学号",
           "staffno", "staffnumber", "employeeno"),
        _f("name", TEXT, "姓名", "Name", "姓名", "完成人", "发明人", "name", "contributor"),
        _DEPARTMENT,
        _f("share", PCT, "贡献比例", "Share (%)", "贡献比例", "贡献份额", "份额", "比例",
           "贡献度", "share", "contribution"),
        _f("role", TEXT, "角色", "Role", "角色", "排名", "role"),
    ),
    DEALS: (
        _DEAL_NO,
        _f("case_nos", TEXT, "成果编号", "Case No.", "成果编号", "案卷号", "关联成果", "caseno",
           "cases", "caseno."),
        _f("title", TEXT, "项目名称", "Title", "项目名称", "合同名称", "名称", "title"),
        _MODE, _COUNTERPARTY, _CREDIT,
        _f("pricing_method", TEXT, "定价方式", "Pricing", "定价方式", "pricing",
           "pricingmethod"),
        _PRICE, _SIGNING, _STATUS,
        _f("registration_no", TEXT, "技术合同登记号", "Registration No.", "技术合同登记号",
           "合同登记号", "登记号", "registrationno"),
        _f("registration_date", DATE, "登记日期", "Registered", "登记日期", "合同登记日期",
           "registrationdate"),
        _EQUITY,
    ),
    RECEIPTS: (
        _DEAL_NO,
        _f("case_no", TEXT, "成果编号", "Case No.", "成果编号", "案卷号", "caseno"),
        _f("received_on", DATE, "到账日期", "Received on", "到账日期", "到账时间", "日期",
           "receivedon", "date"),
        _f("amount", MONEY, "到账金额", "Amount", "到账金额", "金额", "收款金额", "amount"),
        _f("kind", TEXT, "款项类型", "Kind", "款项类型", "类型", "收款类型", "kind", "type"),
        _f("invoice_no", TEXT, "发票号", "Invoice No.", "发票号", "发票号码", "invoiceno"),
    ),
    COMPANIES: (
        _f("name", TEXT, "企业名称", "Name", "企业名称", "公司名称", "名称", "name", "company"),
        _CREDIT,
        _f("registration_date", DATE, "成立日期", "Registered", "成立日期", "注册日期",
           "registrationdate", "founded"),
        _f("registered_capital", MONEY, "注册资本", "Registered capital", "注册资本",
           "registeredcapital"),
        _f("legal_representative", TEXT, "法定代表人", "Legal representative", "法定代表人",
           "法人", "legalrepresentative"),
        _f("region", TEXT, "地区", "Region", "地区", "所在地区", "region"),
        _f("is_spinoff", BOOL, "衍生企业", "Spin-off", "衍生企业", "是否衍生企业", "spinoff",
           "isspinoff"),
        _f("address", TEXT, "地址", "Address", "地址", "注册地址", "address"),
    ),
}

REQUIRED: dict[str, tuple[str, ...]] = {
    ACHIEVEMENTS: ("title",), CONTRIBUTORS: ("name",), DEALS: ("case_nos",),
    RECEIPTS: ("amount",), COMPANIES: ("name", "credit_code"),
}

# market: a park's list of enterprise demands (企业需求清单), read by `ledger.market` with the
# same reader; not one of the ledger's SHEET_KINDS (the ledger import never looks for it).
DEMANDS = "demands"
FIELDS[DEMANDS] = (
    _f("company", TEXT, "企业名称", "Company", "企业名称", "公司名称", "单位名称", "需求企业",
       "需求单位", "企业", "company", "companyname", "enterprise"),
    _CREDIT,
    _f("need", TEXT, "需求内容", "Need", "需求内容", "技术需求", "需求描述", "需求名称", "需求",
       "需求简介", "need", "demand", "requirement"),
    _f("field", TEXT, "技术领域", "Field", "技术领域", "所属领域", "领域", "行业领域", "field"),
    _f("raised_on", DATE, "提出日期", "Raised on", "提出日期", "发布日期", "征集日期", "日期",
       "raisedon", "date"),
    _f("source", TEXT, "需求来源", "Source", "需求来源", "来源", "source"),
    _f("note", TEXT, "备注", "Note", "备注", "说明", "联系人", "note", "remarks"),
)
REQUIRED[DEMANDS] = ("need",)
SHEET_LABELS[DEMANDS] = ("企业需求", "Demands")

_BRACKETS = re.compile(r"[(\[][^)\]]*[)\]]")


def header_key(header: str) -> tuple[str, Decimal | None]:
    """Normalised header and the unit it states (万元 → 10000, 元 → 1, none → None)."""
    raw = norm(header).replace("【", "[").replace("】", "]")
    unit: Decimal | None = None
    if "万元" in raw:
        unit = WAN
    elif re.search(r"[(\[]\s*元\s*[)\]]|元$", raw):
        unit = Decimal(1)
    base = _BRACKETS.sub("", raw)
    if unit is not None and base.endswith("万元"):
        base = base[:-2]
    elif unit is not None and base.endswith("元") and not base.endswith("万元"):
        base = base[:-1]
    base = re.sub(r"[\s*_:.#№]+", "", base).casefold()
    return base, unit


def _alias_index() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for sheet, fields in FIELDS.items():
        table: dict[str, str] = {}
        for f in fields:
            for alias in (f.name, *f.aliases):
                table.setdefault(header_key(alias)[0], f.name)
        out[sheet] = table
    return out


ALIASES = _alias_index()
FIELD_BY_NAME = {sheet: {f.name: f for f in fields} for sheet, fields in FIELDS.items()}


def recognise(sheet: str, header: object) -> tuple[str | None, Decimal | None]:
    """(field name or None, stated unit) for a header cell of a sheet kind."""
    if header is None or not str(header).strip():
        return None, None
    base, unit = header_key(str(header))
    return ALIASES[sheet].get(base), unit


def sheet_kind(name: str) -> str | None:
    key = re.sub(r"\s+", "", norm(name)).casefold()
    for kind, names in SHEET_NAMES.items():
        if key in (n.casefold() for n in names):
            return kind
    return None
