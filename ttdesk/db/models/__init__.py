"""All ORM models; importing this package registers every table on `Base.metadata`."""

from ttdesk.db.models.achievements import (
    Achievement,
    Assessment,
    Contribution,
    FundingSource,
    IPAsset,
    SupportReceived,
    deal_achievement,
    deal_ip_asset,
)
from ttdesk.db.models.base import Base
from ttdesk.db.models.companies import (
    Company,
    CompanyMilestone,
    Demand,
    EquityEvent,
    EquityPosition,
    Match,
    MatchActivity,
    Shareholding,
)
from ttdesk.db.models.deals import (
    Deal,
    Objection,
    Publicity,
    RegistrationEvent,
    RightsGrant,
    Valuation,
)
from ttdesk.db.models.market import (  # market (schema 0008)
    Promotion,
    activity_achievement,
    activity_company,
)
from ttdesk.db.models.money import (
    Allocation,
    Cost,
    Distribution,
    OperatingProfit,
    PaymentMilestone,
    Receipt,
    RoyaltyReport,
    distribution_receipt,
)
from ttdesk.db.models.org import (
    CalendarDay,
    Department,
    Institution,
    LoginSetting,
    Person,
    PersonInterest,
    PolicyVersion,
    User,
)
from ttdesk.db.models.revitalisation import PatentReview  # schema 0013
from ttdesk.db.models.system import (
    AUDIT_LOCATOR,
    AUDIT_SEGMENT,
    AUDIT_TABLES,
    AnnualReportSubmission,  # law2 (schema 0009)
    Attachment,
    AuditEvent,
    Deadline,
    Filing,
    Note,
)

__all__ = [
    "AUDIT_LOCATOR",
    "AUDIT_SEGMENT",
    "AUDIT_TABLES",
    "Achievement",
    "Allocation",
    "Assessment",
    "Attachment",
    "AuditEvent",
    "Base",
    "CalendarDay",
    "Company",
    "CompanyMilestone",
    "Contribution",
    "Cost",
    "Deadline",
    "Deal",
    "Demand",
    "Department",
    "Distribution",
    "EquityEvent",
    "EquityPosition",
    "Filing",
    "FundingSource",
    "IPAsset",
    "Institution",
    "Match",
    "MatchActivity",
    "Note",
    "Objection",
    "OperatingProfit",
    "PatentReview",
    "PaymentMilestone",
    "Person",
    "PersonInterest",
    "PolicyVersion",
    "Publicity",
    "Receipt",
    "RightsGrant",
    "RoyaltyReport",
    "Shareholding",
    "SupportReceived",
    "User",
    "Valuation",
    "deal_achievement",
    "deal_ip_asset",
    "distribution_receipt",
]
__all__ += ["Promotion", "activity_achievement", "activity_company"]  # market (schema 0008)
__all__ += ["AnnualReportSubmission", "RegistrationEvent"]  # law2 (schema 0009)
__all__ += ["LoginSetting"]  # logins (issue 13)
