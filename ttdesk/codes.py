"""Code names of domain.md, as string enums. The values are what the database, the JSON
interchange and the CLI use; Chinese/English labels live in `ttdesk.core.base.labels`."""

from __future__ import annotations

from enum import StrEnum


class AchievementKind(StrEnum):
    INVENTION_PATENT = "invention_patent"
    UTILITY_MODEL = "utility_model"
    DESIGN = "design"
    SOFTWARE_COPYRIGHT = "software_copyright"
    IC_LAYOUT = "ic_layout"
    PLANT_VARIETY = "plant_variety"
    BIOMEDICAL_VARIETY = "biomedical_variety"
    TECHNICAL_SECRET = "technical_secret"
    OTHER = "other"


class ResearchStage(StrEnum):
    RESEARCH = "research"
    DEVELOPMENT = "development"


class Secrecy(StrEnum):
    NONE = "none"
    SENSITIVE = "sensitive"
    SECRET_OR_SECURITY = "secret_or_security"


class AchievementSource(StrEnum):
    OWN_DISCLOSURE = "own_disclosure"
    REGIONAL_CENTRE = "regional_centre"
    ENTERPRISE_CHALLENGE = "enterprise_challenge"
    JOINT_LAB = "joint_lab"


class AchievementStatus(StrEnum):
    DISCLOSED = "disclosed"
    ASSESSING = "assessing"
    PROTECTING = "protecting"
    MARKETING = "marketing"
    CONVERTING = "converting"
    CONVERTED = "converted"
    ARCHIVED = "archived"
    RELEASED = "released"


class ContributorRole(StrEnum):
    LEAD = "lead"
    MEMBER = "member"


class FunderType(StrEnum):
    NATIONAL = "national"
    MUNICIPAL = "municipal"
    ENTERPRISE = "enterprise"
    INTERNAL = "internal"
    OTHER = "other"


class IPKind(StrEnum):
    INVENTION_PATENT = "invention_patent"
    UTILITY_MODEL = "utility_model"
    DESIGN = "design"
    SOFTWARE_COPYRIGHT = "software_copyright"
    IC_LAYOUT = "ic_layout"
    PLANT_VARIETY = "plant_variety"
    TRADEMARK = "trademark"
    OTHER = "other"


class IPStatus(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    REJECTED = "rejected"
    ABANDONED = "abandoned"
    LAPSED = "lapsed"


class Recommendation(StrEnum):
    PURSUE = "pursue"
    HOLD = "hold"
    RELEASE = "release"


class GrantForm(StrEnum):
    CO_OWNERSHIP = "co_ownership"
    LONG_TERM_USE = "long_term_use"


class GrantStatus(StrEnum):
    APPLIED = "applied"
    COLLEGE_REVIEWED = "college_reviewed"
    TTO_REVIEWED = "tto_reviewed"
    IN_PUBLICITY = "in_publicity"
    OBJECTION = "objection"
    APPROVED = "approved"
    AGREEMENT_SIGNED = "agreement_signed"
    TITLE_CHANGED = "title_changed"
    REJECTED = "rejected"


class DealMode(StrEnum):
    TRANSFER = "transfer"
    LICENSE_EXCLUSIVE = "license_exclusive"
    LICENSE_SOLE = "license_sole"
    LICENSE_NONEXCLUSIVE = "license_nonexclusive"
    LICENSE_OPEN = "license_open"  # 开放许可 (Patent Law 2020), domain.md §6
    EQUITY = "equity"
    JOINT = "joint"
    SELF = "self"
    OTHER = "other"
    DEVELOPMENT = "development"
    CONSULTING = "consulting"
    SERVICE = "service"


COOPERATION_MODES = frozenset({DealMode.DEVELOPMENT, DealMode.CONSULTING, DealMode.SERVICE})
LICENSE_MODES = frozenset(
    {DealMode.LICENSE_EXCLUSIVE, DealMode.LICENSE_SOLE, DealMode.LICENSE_NONEXCLUSIVE,
     DealMode.LICENSE_OPEN}
)
# Self or joint implementation (实施转化): no sale, so no price, pricing, publicity or signing.
IMPLEMENTATION_MODES = frozenset({DealMode.SELF, DealMode.JOINT})


class RegistrationEventKind(StrEnum):
    """技术合同认定登记 events (measures of 2026)."""

    SUBMITTED = "submitted"
    CERTIFIED = "certified"
    CHANGED = "changed"
    DEREGISTERED = "deregistered"


class PricingMethod(StrEnum):
    NEGOTIATED = "negotiated"
    LISTING = "listing"
    AUCTION = "auction"


class DealStatus(StrEnum):
    DRAFT = "draft"
    DUE_DILIGENCE = "due_diligence"
    APPROVAL = "approval"
    IN_PUBLICITY = "in_publicity"
    OBJECTION = "objection"
    SIGNED = "signed"
    REGISTERED = "registered"
    PERFORMING = "performing"
    COMPLETED = "completed"
    TERMINATED = "terminated"


class ValuationApproach(StrEnum):
    INCOME = "income"
    MARKET = "market"
    COST = "cost"


class PublicitySubject(StrEnum):
    RIGHTS_GRANT = "rights_grant"
    DEAL = "deal"
    DISTRIBUTION = "distribution"


class DayKind(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


class PublicityResult(StrEnum):
    NO_OBJECTION = "no_objection"
    TERMINATED_BY_OBJECTION = "terminated_by_objection"


class DepartmentKind(StrEnum):
    COLLEGE = "college"
    INSTITUTE = "institute"
    HOSPITAL = "hospital"
    SUBSIDIARY = "subsidiary"
    OTHER = "other"


class Region(StrEnum):
    BEIJING = "beijing"
    TIANJIN = "tianjin"
    HEBEI = "hebei"
    OTHER_PROVINCE = "other_province"
    ABROAD = "abroad"


class MilestoneKind(StrEnum):
    FIRST_ORDER = "first_order"
    HIGH_TECH = "high_tech"
    ZJTX = "zjtx"
    FINANCING = "financing"
    INCUBATOR_ENTRY = "incubator_entry"
    INCUBATOR_GRADUATION = "incubator_graduation"
    SCALE_ORDER = "scale_order"
    BRAND_SCENE = "brand_scene"
    LITTLE_GIANT = "little_giant"
    LISTING = "listing"


class DemandSource(StrEnum):
    PARK_LIST = "park_list"
    ENTERPRISE_CHALLENGE = "enterprise_challenge"
    VISIT = "visit"
    OTHER = "other"
    FAIR = "fair"  # market: a technology fair (对接会/交易会)


class MatchOutcome(StrEnum):
    CONTACTED = "contacted"
    NDA = "nda"
    NEGOTIATING = "negotiating"
    DEAL = "deal"
    DECLINED = "declined"


class ActivityKind(StrEnum):
    ROADSHOW = "roadshow"
    EXHIBITION = "exhibition"
    SALON = "salon"


class SupportKind(StrEnum):
    CONCEPT_VERIFICATION = "concept_verification"
    PILOT_TEST = "pilot_test"
    INNOVATION_VOUCHER = "innovation_voucher"
    INCUBATOR_SERVICE = "incubator_service"


class HolderType(StrEnum):
    INSTITUTION_AMC = "institution_amc"
    TEAM_MEMBER = "team_member"
    INVESTOR = "investor"
    GOVERNMENT_FUND = "government_fund"
    INCUBATOR = "incubator"


class EmploymentStatus(StrEnum):
    ON_POST = "on_post"
    OFF_POST = "off_post"


class TechManagerLevel(StrEnum):
    """技术经理人 certificate levels (初级 / 中级 / 高级)."""

    JUNIOR = "junior"
    INTERMEDIATE = "intermediate"
    SENIOR = "senior"


class EquityEventKind(StrEnum):
    FORMATION = "formation"
    CAPITAL_INCREASE = "capital_increase"
    TRANSFER = "transfer"
    EXIT = "exit"
    IMPAIRMENT = "impairment"
    DIVIDEND = "dividend"


class ReceiptKind(StrEnum):
    UPFRONT = "upfront"
    MILESTONE = "milestone"
    ROYALTY = "royalty"
    EQUITY_PROCEEDS = "equity_proceeds"
    DIVIDEND = "dividend"
    OTHER = "other"


class CostCategory(StrEnum):
    PATENT_FEES = "patent_fees"
    APPRAISAL = "appraisal"
    EXCHANGE_FEES = "exchange_fees"
    LEGAL = "legal"
    TAXES = "taxes"
    OTHER = "other"


class DistributionStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    IN_PUBLICITY = "in_publicity"
    PAID = "paid"


class DeadlineKind(StrEnum):
    PUBLICITY_END = "publicity_end"
    CONTRACT_REGISTRATION = "contract_registration"
    REGISTRATION_ANSWER = "registration_answer"  # the office's answer, measures of 2026
    REWARD_PAYMENT = "reward_payment"
    MOF_FILING = "mof_filing"
    PATENT_ANNUITY = "patent_annuity"
    LICENSE_MILESTONE = "license_milestone"
    ROYALTY_REPORT = "royalty_report"
    DEFERRED_TRIGGER = "deferred_trigger"
    ANNUAL_REPORT = "annual_report"
    MANUAL = "manual"
    # issue 19 (law): the reward's tax filing after each payment, the yearly profit reward
    REWARD_TAX_FILING = "reward_tax_filing"
    SELF_REWARD = "self_reward"
    # 存量专利盘活: a patent decided `drop` - let it lapse or offer it first
    PATENT_DROP = "patent_drop"


class PatentGrade(StrEnum):
    """存量专利盘活: the value self-grade of a patent."""

    A = "A"
    B = "B"
    C = "C"


class PatentDecision(StrEnum):
    KEEP = "keep"
    PROMOTE = "promote"
    OPEN_LICENSE = "open_license"
    DROP = "drop"


class UserRole(StrEnum):
    OFFICER = "officer"
    REVIEWER = "reviewer"
    DIRECTOR = "director"
    ADMIN = "admin"
    VIEWER = "viewer"


class AuditAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    RECHAIN = "rechain"  # a migration re-hashed the chain; the event records the old head
    EXPORT_PERSONAL = "export_personal"  # an admin exported personal data in clear text


class ChangeKind(StrEnum):
    """What a unit of work changed, as the UI's bus announces it (`core.base.changes`)."""

    ACHIEVEMENTS = "achievements"
    DEALS = "deals"
    COMPANIES = "companies"
    MONEY = "money"
    DEADLINES = "deadlines"
    FILINGS = "filings"
    SETTINGS = "settings"
    MARKET = "market"
    ALL = "all"  # e.g. after a restore: everything may differ


# ---- issue 19 (law) ------------------------------------------------------------------------

class LeaderLevel(StrEnum):
    """A person's leading post (domain.md §6): a principal leader (正职领导) of the institution
    or of a legal-person subsidiary takes no equity; another leader only with an approval."""

    NONE = "none"
    PRINCIPAL = "principal"
    OTHER = "other"


# Self or joint implementation (实施转化): no sale; rewarded on the yearly operating profit.
IMPLEMENTATION_MODES = frozenset({DealMode.SELF, DealMode.JOINT})
