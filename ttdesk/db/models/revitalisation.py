"""存量专利盘活: the inventory record of a valid, not yet converted patent (schema 0013)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ttdesk.codes import PatentDecision, PatentGrade
from ttdesk.db.models.achievements import IPAsset
from ttdesk.db.models.base import Base, Timestamped, code_enum


class PatentReview(Timestamped, Base):
    """A patent's self-grade (A/B/C) and decision (keep, promote, open licence, drop), who
    reviewed it and when; one per IP asset, updated as the review is redone."""

    __tablename__ = "patent_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    ip_asset_id: Mapped[int] = mapped_column(
        ForeignKey("ip_asset.id", ondelete="CASCADE"), unique=True)
    grade: Mapped[PatentGrade | None] = mapped_column(code_enum(PatentGrade))
    decision: Mapped[PatentDecision | None] = mapped_column(code_enum(PatentDecision),
                                                            index=True)
    reviewer: Mapped[str | None] = mapped_column(String(100))
    reviewed_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)

    ip_asset: Mapped[IPAsset] = relationship()
