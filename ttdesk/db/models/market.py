"""The matchmaking ledger's own tables (schema 0008): the promotion (supply) list, and what a
matchmaking activity showed to whom. Demands, activities and matches are in `companies.py`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from ttdesk.db.models.base import Base
from ttdesk.db.models.companies import Demand, Match, MatchActivity

# achievements shown at an activity
activity_achievement = Table(
    "activity_achievement", Base.metadata,
    Column("activity_id", ForeignKey("match_activity.id", ondelete="CASCADE"), primary_key=True),
    Column("achievement_id", ForeignKey("achievement.id", ondelete="CASCADE"), primary_key=True),
)

# companies met at an activity
activity_company = Table(
    "activity_company", Base.metadata,
    Column("activity_id", ForeignKey("match_activity.id", ondelete="CASCADE"), primary_key=True),
    Column("company_id", ForeignKey("company.id", ondelete="CASCADE"), primary_key=True),
)


class Promotion(Base):
    """列入推广清单: an achievement on the supply list, with the summary the public may read.

    At most one row per achievement; `delisted_on` takes it off the list (the row stays, so
    the ledger keeps when it was promoted)."""

    __tablename__ = "promotion"

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), unique=True)
    listed_on: Mapped[date]
    public_summary: Mapped[str] = mapped_column(Text)
    park: Mapped[str | None] = mapped_column(String(200), index=True)  # the park it targets
    delisted_on: Mapped[date | None]


# the market lists' orders (newest first), walked by index at the 100k scale
Index("ix_match_updated", Match.updated_on, Match.id)
Index("ix_demand_raised", Demand.raised_on, Demand.id)
Index("ix_match_activity_held", MatchActivity.held_on, MatchActivity.id)
