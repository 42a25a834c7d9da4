"""Finding records by their natural keys, with a clear NotFound when they do not exist."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ttdesk.core.base.errors import NotFound
from ttdesk.db.models import Achievement, Company, Deal, Department, Person, RightsGrant, User


def achievement(session: Session, case_no: str) -> Achievement:
    found = session.execute(
        select(Achievement).where(Achievement.case_no == case_no)
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("成果 / achievement", case_no)
    return found


def deal(session: Session, deal_no: str) -> Deal:
    found = session.execute(select(Deal).where(Deal.deal_no == deal_no)).scalar_one_or_none()
    if found is None:
        raise NotFound("转化项目 / deal", deal_no)
    return found


def grant(session: Session, grant_id: int) -> RightsGrant:
    found = session.get(RightsGrant, grant_id)
    if found is None:
        raise NotFound("赋权申请 / rights grant", grant_id)
    return found


def person(session: Session, staff_no: str) -> Person:
    found = session.execute(select(Person).where(Person.staff_no == staff_no)).scalar_one_or_none()
    if found is None:
        raise NotFound("人员 / person (staff no.)", staff_no)
    return found


def company(session: Session, credit_code: str) -> Company:
    found = session.execute(
        select(Company).where(Company.credit_code == credit_code.strip().upper())
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("企业 / company (credit code)", credit_code)
    return found


def department(session: Session, key: str) -> Department:
    found = session.execute(
        select(Department).where(or_(Department.code == key, Department.name == key))
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("单位 / department", key)
    return found


def user(session: Session, username: str) -> User:
    found = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if found is None:
        raise NotFound("用户 / user", username)
    return found
