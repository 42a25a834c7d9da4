"""The institution, its policy versions, departments, people, users and the holiday calendar."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ttdesk.codes import DepartmentKind, EmploymentStatus, LeaderLevel, TechManagerLevel, UserRole
from ttdesk.db.models.base import Base, Timestamped, code_enum
from ttdesk.db.types import UTCDateTime, utcnow


class Institution(Timestamped, Base):
    """The one institution profile of a database."""

    __tablename__ = "institution"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    tto_name: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    asset_company: Mapped[str | None] = mapped_column(String(200))


class PolicyVersion(Base):
    """One version of the configurable policy; the highest number is in force."""

    __tablename__ = "policy_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    effective_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    values: Mapped[dict[str, Any]] = mapped_column(JSON)


class CalendarDay(Base):
    """Holiday calendar: official days off and make-up workdays (调休上班); editable."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(primary_key=True)
    is_workday: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(String(100))


class Department(Base):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[DepartmentKind] = mapped_column(
        code_enum(DepartmentKind), default=DepartmentKind.COLLEGE)
    is_active: Mapped[bool] = mapped_column(default=True)
    search_key: Mapped[str | None] = mapped_column(String(400), index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))


class Person(Timestamped, Base):
    """Staff, students and external co-inventors. `staff_no` is the interchange key."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    title: Mapped[str | None] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    id_number: Mapped[str | None] = mapped_column(String(40))
    leader_level: Mapped[LeaderLevel] = mapped_column(
        code_enum(LeaderLevel), default=LeaderLevel.NONE)
    is_student: Mapped[bool] = mapped_column(default=False)
    is_external: Mapped[bool] = mapped_column(default=False)
    entrepreneurship: Mapped[EmploymentStatus | None] = mapped_column(
        code_enum(EmploymentStatus))
    # technology manager (技术经理人): level and certificate; None: not a manager
    tech_manager_level: Mapped[TechManagerLevel | None] = mapped_column(
        code_enum(TechManagerLevel))
    tech_manager_cert_no: Mapped[str | None] = mapped_column(String(60))
    is_active: Mapped[bool] = mapped_column(default=True)
    search_key: Mapped[str | None] = mapped_column(String(400), index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))

    department: Mapped[Department | None] = relationship()


class PersonInterest(Base):
    """A person's interest in a company (shareholder, director, relative...): drives R7."""

    __tablename__ = "person_interest"
    __table_args__ = (UniqueConstraint("person_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), index=True
    )
    nature: Mapped[str] = mapped_column(String(100))


class User(Timestamped, Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[UserRole] = mapped_column(code_enum(UserRole), default=UserRole.OFFICER)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)
    # logins (issue 13): failures since the last good login, the lock they caused, the
    # person this user is (optional), an admin-made API key for scripts (argon2id, like the
    # password)
    failed_logins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    api_key_hash: Mapped[str | None] = mapped_column(String(200))


class LoginSetting(Base):
    """The database's one login setting: logins required, or off with one single user (local
    SQLite only; server mode always requires them)."""

    __tablename__ = "login_setting"

    id: Mapped[int] = mapped_column(primary_key=True)
    logins_required: Mapped[bool] = mapped_column(default=False)
    single_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
