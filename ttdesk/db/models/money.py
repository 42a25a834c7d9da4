"""Receipts, costs and income distributions (收益分配) with per-person allocations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ttdesk.codes import CostCategory, DistributionStatus, ReceiptKind
from ttdesk.db.models.base import Base, Timestamped, code_enum
from ttdesk.db.types import Money, Percent


class PaymentMilestone(Timestamped, Base):
    """One milestone payment a contract schedules (e.g. "pilot run passed": ¥200,000 due
    2027-06-30); its due date raises a deadline, receipts point at it when it is paid."""

    __tablename__ = "payment_milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(Money)
    due_date: Mapped[date | None]
    trigger: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class RoyaltyReport(Timestamped, Base):
    """A licensee's royalty report (提成报告): the sales base of one period, which the
    royalty audit compares with the contract terms and the royalties received."""

    __tablename__ = "royalty_report"
    __table_args__ = (UniqueConstraint("deal_id", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"), index=True)
    period_start: Mapped[date]
    period_end: Mapped[date]
    reported_on: Mapped[date | None]
    sales_base: Mapped[Decimal] = mapped_column(Money)
    reported_royalty: Mapped[Decimal | None] = mapped_column(Money)
    note: Mapped[str | None] = mapped_column(Text)


class Receipt(Timestamped, Base):
    """收款. Never deleted: a mistake is undone by a reversing receipt (`reverses_id`)."""

    __tablename__ = "receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id"), index=True)
    received_on: Mapped[date] = mapped_column(index=True)
    amount: Mapped[Decimal] = mapped_column(Money)
    kind: Mapped[ReceiptKind] = mapped_column(code_enum(ReceiptKind))
    invoice_no: Mapped[str | None] = mapped_column(String(60))
    sales_base: Mapped[Decimal | None] = mapped_column(Money)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("receipt.id"))
    note: Mapped[str | None] = mapped_column(Text)
    milestone_id: Mapped[int | None] = mapped_column(
        ForeignKey("payment_milestone.id"), index=True)
    royalty_report_id: Mapped[int | None] = mapped_column(
        ForeignKey("royalty_report.id"), index=True)


class Cost(Timestamped, Base):
    __tablename__ = "cost"

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int | None] = mapped_column(ForeignKey("achievement.id"), index=True)
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id"), index=True)
    incurred_on: Mapped[date]
    amount: Mapped[Decimal] = mapped_column(Money)
    category: Mapped[CostCategory] = mapped_column(code_enum(CostCategory))
    deductible: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str | None] = mapped_column(Text)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("cost.id"))


distribution_receipt = Table(
    "distribution_receipt",
    Base.metadata,
    Column("distribution_id", ForeignKey("distribution.id", ondelete="CASCADE"), primary_key=True),
    Column("receipt_id", ForeignKey("receipt.id"), primary_key=True, index=True),
)


class Distribution(Timestamped, Base):
    __tablename__ = "distribution"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id"), index=True)
    status: Mapped[DistributionStatus] = mapped_column(
        code_enum(DistributionStatus), default=DistributionStatus.DRAFT
    )
    gross_income: Mapped[Decimal] = mapped_column(Money)
    deductible_costs: Mapped[Decimal] = mapped_column(Money)
    net_income: Mapped[Decimal] = mapped_column(Money)
    team_share_pct: Mapped[Decimal] = mapped_column(Percent)
    team_amount: Mapped[Decimal] = mapped_column(Money)
    department_amount: Mapped[Decimal] = mapped_column(Money)
    tto_amount: Mapped[Decimal] = mapped_column(Money)
    university_amount: Mapped[Decimal] = mapped_column(Money)
    is_equity: Mapped[bool] = mapped_column(default=False)
    approval_date: Mapped[date | None]
    approval_body: Mapped[str | None] = mapped_column(String(100))
    payment_date: Mapped[date | None]
    policy_number: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)
    # a self / joint deal's reward: the operating profit of this year is the base
    profit_year: Mapped[int | None]

    __mapper_args__ = {"version_id_col": version}

    allocations: Mapped[list[Allocation]] = relationship(
        cascade="all, delete-orphan", order_by="Allocation.id"
    )


class Allocation(Base):
    __tablename__ = "allocation"

    id: Mapped[int] = mapped_column(primary_key=True)
    distribution_id: Mapped[int] = mapped_column(
        ForeignKey("distribution.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    contribution_pct: Mapped[Decimal] = mapped_column(Percent)
    amount: Mapped[Decimal] = mapped_column(Money)
    taxable_amount: Mapped[Decimal] = mapped_column(Money)
    equity_pct: Mapped[Decimal | None] = mapped_column(Percent)
    adjustment_reason: Mapped[str | None] = mapped_column(Text)
    # an "other" leader's equity needs its approval / filing record (R10, domain.md §6)
    leader_approval_date: Mapped[date | None]
    leader_approval_body: Mapped[str | None] = mapped_column(String(100))
    leader_approval_doc: Mapped[str | None] = mapped_column(String(60))


class OperatingProfit(Timestamped, Base):
    """The operating profit one year of a self / joint implementation made (实施转化), with the
    document it comes from (e.g. the audited accounts): the base of that year's reward."""

    __tablename__ = "operating_profit"
    __table_args__ = (UniqueConstraint("deal_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"), index=True)
    year: Mapped[int]
    amount: Mapped[Decimal] = mapped_column(Money)
    source_document: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
