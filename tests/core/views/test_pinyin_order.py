"""Chinese text columns sort in pinyin order, not by code point (issue 12 §6)."""

from __future__ import annotations

from tests.builders import make_achievement, make_company, make_deal, make_department
from ttdesk.core.base.context import AppContext
from ttdesk.core.views.cases import CaseFilter, CaseSort, list_cases
from ttdesk.core.views.companies import CompanyFilter, CompanySort, list_companies
from ttdesk.db.collation import pinyin_key

WORDS = ["张", "安", "成", "北"]
PINYIN = ["安", "北", "成", "张"]


def test_key_orders_like_a_dictionary() -> None:
    assert sorted(WORDS) != PINYIN  # code-point order is not the officer's order
    assert sorted(WORDS, key=pinyin_key) == PINYIN
    assert sorted(["重庆", "长城", "北京"], key=pinyin_key) == ["北京", "长城", "重庆"]


def test_case_list_by_title_department_and_companies(any_ctx: AppContext) -> None:
    """On SQLite (the pinyin_key function) and PostgreSQL (the ttdesk_pinyin collation)."""
    ctx = any_ctx
    for w in WORDS:
        dept = make_department(ctx, name=f"{w}学院")
        make_achievement(ctx, title=f"{w}字头成果", department_id=dept.id)
        make_company(ctx, name=f"{w}氏科技有限公司")
    by_title = list_cases(ctx, CaseFilter(sort=CaseSort.TITLE, descending=False))
    assert [r.title[0] for r in by_title] == PINYIN
    down = list_cases(ctx, CaseFilter(sort=CaseSort.TITLE, descending=True))
    assert [r.title[0] for r in down] == PINYIN[::-1]
    by_dept = list_cases(ctx, CaseFilter(sort=CaseSort.DEPARTMENT, descending=False))
    assert [r.title[0] for r in by_dept] == PINYIN
    found = list_cases(ctx, CaseFilter(sort=CaseSort.TITLE, descending=False, search="字头"))
    assert [r.title[0] for r in found] == PINYIN  # filtered lists too
    names = [r.name[0] for r in list_companies(
        ctx, CompanyFilter(sort=CompanySort.NAME, descending=False))]
    assert names == PINYIN


def test_deal_list_by_title_and_counterparty(any_ctx: AppContext) -> None:
    from ttdesk.core.views.deals import DealFilter, DealSort, list_deals

    for w in WORDS:
        company = make_company(any_ctx, name=f"{w}氏科技有限公司")
        make_deal(any_ctx, title=f"{w}字头许可合同", counterparty=company)
    by_title = list_deals(any_ctx, DealFilter(sort=DealSort.TITLE, descending=False))
    assert [r.title[0] for r in by_title] == PINYIN
    by_party = list_deals(any_ctx, DealFilter(sort=DealSort.COUNTERPARTY, descending=True))
    assert [r.title[0] for r in by_party] == PINYIN[::-1]
