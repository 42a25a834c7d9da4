"""Companies (counterparties and spin-offs), their milestones, cap tables and equity events;
enterprise demands and matchmaking."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ttdesk.codes import (
    ActivityKind,
    DemandSource,
    EmploymentStatus,
    EquityEventKind,
    HolderType,
    MatchOutcome,
    MilestoneKind,
    Region,
)
from ttdesk.db.models.base import Base, Timestamped, code_enum
from ttdesk.db.types import Money, Percent

if TYPE_CHECKING:  # market (schema 0008): an activity's achievements shown
    from ttdesk.db.models.achievements import Achievement


class Company(Timestamped, Base):
    __tablename__ = "company"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    registration_date: Mapped[date | None]
    registered_capital: Mapped[Decimal | None] = mapped_column(Money)
    legal_representative: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    region: Mapped[Region] = mapped_column(code_enum(Region), default=Region.BEIJING)
    province_code: Mapped[str | None] = mapped_column(String(6))
    is_spinoff: Mapped[bool] = mapped_column(default=False, index=True)
    park: Mapped[str | None] = mapped_column(String(200))
    is_high_tech: Mapped[bool] = mapped_column(default=False)
    is_zjtx: Mapped[bool] = mapped_column(default=False)
    is_imported: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    search_key: Mapped[str | None] = mapped_column(String(400), index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    milestones: Mapped[list[CompanyMilestone]] = relationship(
        cascade="all, delete-orphan", order_by="CompanyMilestone.id"
    )


class CompanyMilestone(Base):
    """转化创办企业跟踪: first order, high-tech certification, 专精特新, financing..."""

    __tablename__ = "company_milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MilestoneKind] = mapped_column(code_enum(MilestoneKind))
    happened_on: Mapped[date]
    amount: Mapped[Decimal | None] = mapped_column(Money)
    note: Mapped[str | None] = mapped_column(String(300))
    # financing rounds: who invested, and whether a government fund took part (拨投联动)
    investors: Mapped[str | None] = mapped_column(String(300))
    government_fund: Mapped[bool] = mapped_column(default=False)


class Shareholding(Base):
    """One holder's stake in a company (cap-table row); percentages sum to ≤ 100 (R11)."""

    __tablename__ = "shareholding"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), index=True
    )
    holder_type: Mapped[HolderType] = mapped_column(code_enum(HolderType))
    holder_name: Mapped[str] = mapped_column(String(200))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    employment_status: Mapped[EmploymentStatus | None] = mapped_column(
        code_enum(EmploymentStatus)
    )
    subscribed_capital: Mapped[Decimal] = mapped_column(Money)
    paid_in_capital: Mapped[Decimal] = mapped_column(Money)
    percentage: Mapped[Decimal] = mapped_column(Percent)
    is_state_owned: Mapped[bool] = mapped_column(default=False)
    # an "other" leader's equity needs its approval / filing record (R10, domain.md §6)
    leader_approval_date: Mapped[date | None]
    leader_approval_body: Mapped[str | None] = mapped_column(String(100))
    leader_approval_doc: Mapped[str | None] = mapped_column(String(60))


class EquityEvent(Base):
    """An event of a company's equity. `positions` keep the cap table as it stood right after
    the event, so ownership can be shown as of any date (and charted over time)."""

    __tablename__ = "equity_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), index=True
    )
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id"), index=True)
    kind: Mapped[EquityEventKind] = mapped_column(code_enum(EquityEventKind))
    happened_on: Mapped[date]
    amount: Mapped[Decimal | None] = mapped_column(Money)
    percentage: Mapped[Decimal | None] = mapped_column(Percent)
    note: Mapped[str | None] = mapped_column(Text)
    holder_name: Mapped[str | None] = mapped_column(String(200))
    counterparty_name: Mapped[str | None] = mapped_column(String(200))
    capital_after: Mapped[Decimal | None] = mapped_column(Money)
    receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipt.id"), index=True)

    positions: Mapped[list[EquityPosition]] = relationship(
        cascade="all, delete-orphan", order_by="EquityPosition.id")


class EquityPosition(Base):
    """One holder's stake right after an equity event (a cap-table row as of that date)."""

    __tablename__ = "equity_position"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("equity_event.id", ondelete="CASCADE"), index=True
    )
    holder_type: Mapped[HolderType] = mapped_column(code_enum(HolderType))
    holder_name: Mapped[str] = mapped_column(String(200))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    subscribed_capital: Mapped[Decimal] = mapped_column(Money)
    paid_in_capital: Mapped[Decimal] = mapped_column(Money)
    percentage: Mapped[Decimal] = mapped_column(Percent)
    is_state_owned: Mapped[bool] = mapped_column(default=False)


class Demand(Base):
    """供需对接台账: an enterprise's technology demand."""

    __tablename__ = "demand"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"), index=True)
    need: Mapped[str] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String(60))
    raised_on: Mapped[date]
    source: Mapped[DemandSource] = mapped_column(code_enum(DemandSource))
    # market (schema 0008): the park whose list carried it, and a free note
    park: Mapped[str | None] = mapped_column(String(200), index=True)
    note: Mapped[str | None] = mapped_column(Text)


class MatchActivity(Base):
    __tablename__ = "match_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ActivityKind] = mapped_column(code_enum(ActivityKind))
    held_on: Mapped[date]
    title: Mapped[str] = mapped_column(String(200))
    participants: Mapped[int | None]
    # market (schema 0008): where, and what was shown to whom (tables in models/market.py)
    place: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    shown: Mapped[list[Achievement]] = relationship(
        secondary="activity_achievement", order_by="Achievement.id")
    met: Mapped[list[Company]] = relationship(
        secondary="activity_company", order_by="Company.id")


class Match(Base):
    """A prospect matched to an achievement, with its outcome."""

    __tablename__ = "match"

    id: Mapped[int] = mapped_column(primary_key=True)
    demand_id: Mapped[int | None] = mapped_column(ForeignKey("demand.id"), index=True)
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), index=True
    )
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("match_activity.id"))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"))
    outcome: Mapped[MatchOutcome] = mapped_column(code_enum(MatchOutcome))
    updated_on: Mapped[date]
    # the technology manager (技术经理人) carrying the match
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    # market (schema 0008): the officer, the date each stage was reached, the deal it became
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    contacted_on: Mapped[date | None]
    nda_on: Mapped[date | None]
    negotiating_on: Mapped[date | None]
    deal_on: Mapped[date | None]
    declined_on: Mapped[date | None]
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id"))
    note: Mapped[str | None] = mapped_column(Text)
