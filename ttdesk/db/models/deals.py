"""Rights grants (赋权), deals (转化项目/合同), valuations and publicity notices (公示)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ttdesk.codes import (
    DayKind,
    DealMode,
    DealStatus,
    GrantForm,
    GrantStatus,
    PricingMethod,
    PublicityResult,
    PublicitySubject,
    RegistrationEventKind,
    ValuationApproach,
)
from ttdesk.db.models.achievements import (
    Achievement,
    IPAsset,
    deal_achievement,
    deal_ip_asset,
)
from ttdesk.db.models.base import Base, Timestamped, code_enum
from ttdesk.db.models.org import Person
from ttdesk.db.types import Money, Percent


class RightsGrant(Timestamped, Base):
    """赋权: co-ownership share or long-term use right granted to the inventors' team."""

    __tablename__ = "rights_grant"

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), index=True
    )
    form: Mapped[GrantForm] = mapped_column(code_enum(GrantForm))
    team_share: Mapped[Decimal | None] = mapped_column(Percent)
    term_years: Mapped[int | None]
    representative_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    application_date: Mapped[date]
    plan_attached: Mapped[bool] = mapped_column(default=False)
    plan_summary: Mapped[str | None] = mapped_column(Text)
    consent_recorded: Mapped[bool] = mapped_column(default=False)
    college_review_date: Mapped[date | None]
    college_opinion: Mapped[str | None] = mapped_column(Text)
    tto_review_date: Mapped[date | None]
    tto_opinion: Mapped[str | None] = mapped_column(Text)
    decision_body: Mapped[str | None] = mapped_column(String(100))
    decision_date: Mapped[date | None]
    minutes_no: Mapped[str | None] = mapped_column(String(60))
    agreement_no: Mapped[str | None] = mapped_column(String(60))
    agreement_date: Mapped[date | None]
    title_change_date: Mapped[date | None]
    status: Mapped[GrantStatus] = mapped_column(
        code_enum(GrantStatus), default=GrantStatus.APPLIED, index=True
    )
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    policy_number: Mapped[int | None]
    is_imported: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    achievement: Mapped[Achievement] = relationship()
    representative: Mapped[Person | None] = relationship()


class Deal(Timestamped, Base):
    """A conversion (transfer, license, equity...) or cooperation contract."""

    __tablename__ = "deal"
    __table_args__ = (
        Index("ix_deal_status_id", "status", "id"),
        Index("ix_deal_signing", "signing_date", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_no: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    mode: Mapped[DealMode] = mapped_column(code_enum(DealMode), index=True)
    counterparty_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"), index=True)
    pricing_method: Mapped[PricingMethod | None] = mapped_column(code_enum(PricingMethod))
    price: Mapped[Decimal | None] = mapped_column(Money)
    exchange_reference: Mapped[str | None] = mapped_column(String(100))
    deferred_payment: Mapped[bool] = mapped_column(default=False)
    deferred_trigger: Mapped[str | None] = mapped_column(String(200))
    deferred_review_date: Mapped[date | None]
    upfront_amount: Mapped[Decimal | None] = mapped_column(Money)
    royalty_rate: Mapped[Decimal | None] = mapped_column(Percent)
    royalty_base: Mapped[str | None] = mapped_column(String(100))
    minimum_annual_royalty: Mapped[Decimal | None] = mapped_column(Money)
    royalty_period_months: Mapped[int | None]
    payment_terms: Mapped[str | None] = mapped_column(Text)
    rights_grant_id: Mapped[int | None] = mapped_column(ForeignKey("rights_grant.id"))
    related_party_declared: Mapped[bool] = mapped_column(default=False)
    related_party_declaration: Mapped[str | None] = mapped_column(Text)
    related_party_approval_date: Mapped[date | None]
    due_diligence: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    approval_tier: Mapped[str | None] = mapped_column(String(60))
    approval_body: Mapped[str | None] = mapped_column(String(100))
    approval_date: Mapped[date | None]
    approval_minutes_no: Mapped[str | None] = mapped_column(String(60))
    supervising_approval_ref: Mapped[str | None] = mapped_column(String(100))
    supervising_approval_date: Mapped[date | None]
    signing_date: Mapped[date | None]
    registration_no: Mapped[str | None] = mapped_column(String(60))
    registration_date: Mapped[date | None]
    # -- contract registration (domain.md §6, measures of 2026) and licence term (law2) --
    registration_submitted_on: Mapped[date | None]
    registration_disputed: Mapped[bool] = mapped_column(default=False)
    registration_contract_amount: Mapped[Decimal | None] = mapped_column(Money)
    registration_tech_amount: Mapped[Decimal | None] = mapped_column(Money)
    term_end: Mapped[date | None]
    terminated_on: Mapped[date | None]
    completion_date: Mapped[date | None]
    production_start_date: Mapped[date | None]  # self / joint: the profit reward years count
    status: Mapped[DealStatus] = mapped_column(code_enum(DealStatus), default=DealStatus.DRAFT)
    termination_reason: Mapped[str | None] = mapped_column(Text)
    policy_number: Mapped[int | None]
    is_imported: Mapped[bool] = mapped_column(default=False)
    # the technology manager (技术经理人) carrying the deal
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    achievements: Mapped[list[Achievement]] = relationship(
        secondary=deal_achievement, order_by="Achievement.id"
    )
    ip_assets: Mapped[list[IPAsset]] = relationship(
        secondary=deal_ip_asset, order_by="IPAsset.id"
    )
    rights_grant: Mapped[RightsGrant | None] = relationship()
    valuations: Mapped[list[Valuation]] = relationship(
        cascade="all, delete-orphan", order_by="Valuation.id"
    )


class RegistrationEvent(Base):
    """技术合同认定登记: submission, certificate, change (re-registration), deregistration."""

    __tablename__ = "registration_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"), index=True)
    kind: Mapped[RegistrationEventKind] = mapped_column(code_enum(RegistrationEventKind))
    event_date: Mapped[date]
    certificate_no: Mapped[str | None] = mapped_column(String(60))
    contract_amount: Mapped[Decimal | None] = mapped_column(Money)
    tech_amount: Mapped[Decimal | None] = mapped_column(Money)
    note: Mapped[str | None] = mapped_column(Text)


class Valuation(Base):
    """评估/定价: an appraisal, or the recorded reason for not appraising."""

    __tablename__ = "valuation"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"), index=True)
    appraised: Mapped[bool]
    no_appraisal_reason: Mapped[str | None] = mapped_column(Text)
    firm: Mapped[str | None] = mapped_column(String(200))
    report_no: Mapped[str | None] = mapped_column(String(60))
    base_date: Mapped[date | None]
    approach: Mapped[ValuationApproach | None] = mapped_column(code_enum(ValuationApproach))
    appraised_value: Mapped[Decimal | None] = mapped_column(Money)
    agreed_value: Mapped[Decimal | None] = mapped_column(Money)
    filing_date: Mapped[date | None]


class Publicity(Timestamped, Base):
    """公示: a notice for a rights grant, a negotiated-price deal or a cash reward."""

    __tablename__ = "publicity"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN rights_grant_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN deal_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN distribution_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_subject",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[PublicitySubject] = mapped_column(code_enum(PublicitySubject))
    rights_grant_id: Mapped[int | None] = mapped_column(
        ForeignKey("rights_grant.id", ondelete="CASCADE"), index=True
    )
    deal_id: Mapped[int | None] = mapped_column(
        ForeignKey("deal.id", ondelete="CASCADE"), index=True
    )
    distribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("distribution.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date]
    days: Mapped[int]
    day_kind: Mapped[DayKind] = mapped_column(code_enum(DayKind))
    end_date: Mapped[date]
    result: Mapped[PublicityResult | None] = mapped_column(code_enum(PublicityResult))
    closed_on: Mapped[date | None]
    policy_number: Mapped[int | None]

    objections: Mapped[list[Objection]] = relationship(
        back_populates="publicity", cascade="all, delete-orphan", order_by="Objection.id"
    )


class Objection(Base):
    """异议: raised during a publicity; an open one suspends the deal or grant."""

    __tablename__ = "objection"

    id: Mapped[int] = mapped_column(primary_key=True)
    publicity_id: Mapped[int] = mapped_column(
        ForeignKey("publicity.id", ondelete="CASCADE"), index=True
    )
    raised_by: Mapped[str] = mapped_column(String(100))
    raised_on: Mapped[date]
    content: Mapped[str] = mapped_column(Text)
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_on: Mapped[date | None]
    upheld: Mapped[bool | None]

    publicity: Mapped[Publicity] = relationship(back_populates="objections")
