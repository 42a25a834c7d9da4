"""The case (achievement) and what hangs off it: contributors, funding, IP, assessments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ttdesk.codes import (
    AchievementKind,
    AchievementSource,
    AchievementStatus,
    ContributorRole,
    FunderType,
    IPKind,
    IPStatus,
    Recommendation,
    ResearchStage,
    Secrecy,
    SupportKind,
)
from ttdesk.db.models.base import Base, Timestamped, code_enum
from ttdesk.db.models.org import Department, Person, User
from ttdesk.db.types import Money, Percent


class Achievement(Timestamped, Base):
    """职务科技成果: the case an officer follows from disclosure to conversion."""

    __tablename__ = "achievement"
    __table_args__ = (
        Index("ix_achievement_status_id", "status", "id"),
        Index("ix_achievement_disclosure", "disclosure_date", "id"),
        Index("ix_achievement_title_date", "title", "disclosure_date"),  # ledger matching
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str | None] = mapped_column(String(400))
    kind: Mapped[AchievementKind] = mapped_column(code_enum(AchievementKind))
    field: Mapped[str | None] = mapped_column(String(60), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    disclosure_date: Mapped[date]
    abstract: Mapped[str | None] = mapped_column(Text)
    trl: Mapped[int | None]
    research_stage: Mapped[ResearchStage] = mapped_column(
        code_enum(ResearchStage), default=ResearchStage.RESEARCH
    )
    secrecy: Mapped[Secrecy] = mapped_column(code_enum(Secrecy), default=Secrecy.NONE)
    # 关系国计民生和重大公共利益: on the rights-grant negative list with secret ones (R3)
    public_interest: Mapped[bool] = mapped_column(default=False)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    # the technology manager (技术经理人) carrying the case
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    intended_mode: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[AchievementSource] = mapped_column(
        code_enum(AchievementSource), default=AchievementSource.OWN_DISCLOSURE
    )
    status: Mapped[AchievementStatus] = mapped_column(
        code_enum(AchievementStatus), default=AchievementStatus.DISCLOSED
    )
    release_reason: Mapped[str | None] = mapped_column(Text)
    no_funding: Mapped[bool] = mapped_column(default=False)
    tags: Mapped[str | None] = mapped_column(String(300))
    is_imported: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    department: Mapped[Department | None] = relationship()
    officer: Mapped[User | None] = relationship()
    contributions: Mapped[list[Contribution]] = relationship(
        back_populates="achievement", cascade="all, delete-orphan", order_by="Contribution.id"
    )
    funding_sources: Mapped[list[FundingSource]] = relationship(
        cascade="all, delete-orphan", order_by="FundingSource.id"
    )
    ip_assets: Mapped[list[IPAsset]] = relationship(
        back_populates="achievement", cascade="all, delete-orphan", order_by="IPAsset.id"
    )
    assessments: Mapped[list[Assessment]] = relationship(
        cascade="all, delete-orphan", order_by="Assessment.id"
    )
    supports: Mapped[list[SupportReceived]] = relationship(
        cascade="all, delete-orphan", order_by="SupportReceived.id"
    )


class Contribution(Base):
    """完成人: a person's share (%) of an achievement; shares sum to exactly 100 (R1)."""

    __tablename__ = "contribution"
    __table_args__ = (UniqueConstraint("achievement_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    share: Mapped[Decimal] = mapped_column(Percent)
    role: Mapped[ContributorRole] = mapped_column(
        code_enum(ContributorRole), default=ContributorRole.MEMBER
    )

    achievement: Mapped[Achievement] = relationship(back_populates="contributions")
    person: Mapped[Person] = relationship()


class FundingSource(Base):
    __tablename__ = "funding_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), index=True
    )
    programme: Mapped[str] = mapped_column(String(200))
    funder_type: Mapped[FunderType] = mapped_column(code_enum(FunderType))
    project_no: Mapped[str | None] = mapped_column(String(60))
    ip_terms_note: Mapped[str | None] = mapped_column(Text)


class IPAsset(Base):
    """知识产权: a patent, copyright... filed for an achievement; drives annuity deadlines."""

    __tablename__ = "ip_asset"

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[IPKind] = mapped_column(code_enum(IPKind))
    jurisdiction: Mapped[str] = mapped_column(String(8), default="CN")
    application_no: Mapped[str] = mapped_column(String(60), index=True)
    filing_date: Mapped[date | None]
    publication_no: Mapped[str | None] = mapped_column(String(60))
    publication_date: Mapped[date | None]
    grant_no: Mapped[str | None] = mapped_column(String(60))
    grant_date: Mapped[date | None]
    status: Mapped[IPStatus] = mapped_column(code_enum(IPStatus), default=IPStatus.PENDING)
    owners: Mapped[str | None] = mapped_column(String(300))

    achievement: Mapped[Achievement] = relationship(back_populates="ip_assets")


class Assessment(Base):
    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), index=True
    )
    assessed_on: Mapped[date]
    assessor: Mapped[str] = mapped_column(String(100))
    technical_score: Mapped[int | None]
    market_score: Mapped[int | None]
    recommendation: Mapped[Recommendation] = mapped_column(code_enum(Recommendation))
    notes: Mapped[str | None] = mapped_column(Text)


class SupportReceived(Base):
    """Concept verification, pilot test, innovation voucher or incubator service received."""

    __tablename__ = "support_received"

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[SupportKind] = mapped_column(code_enum(SupportKind))
    provider: Mapped[str] = mapped_column(String(200))
    received_on: Mapped[date]
    amount: Mapped[Decimal | None] = mapped_column(Money)


deal_achievement = Table(
    "deal_achievement",
    Base.metadata,
    Column("deal_id", ForeignKey("deal.id", ondelete="CASCADE"), primary_key=True),
    Column("achievement_id", ForeignKey("achievement.id"), primary_key=True, index=True),
)

deal_ip_asset = Table(
    "deal_ip_asset",
    Base.metadata,
    Column("deal_id", ForeignKey("deal.id", ondelete="CASCADE"), primary_key=True),
    Column("ip_asset_id", ForeignKey("ip_asset.id"), primary_key=True, index=True),
)
