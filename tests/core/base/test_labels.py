"""Every code name has a Chinese and an English label; the statuses read as in domain.md §3."""

from __future__ import annotations

import inspect
from enum import StrEnum

import pytest

from ttdesk import codes as enums
from ttdesk.codes import (
    AchievementKind,
    AchievementStatus,
    DealMode,
    DealStatus,
    GrantStatus,
)
from ttdesk.core.base.labels import choices, field_label, label, labelled_enums, parse

ALL_ENUMS = [
    cls for _, cls in inspect.getmembers(enums, inspect.isclass)
    if issubclass(cls, StrEnum) and cls is not StrEnum
]


@pytest.mark.parametrize("enum_cls", ALL_ENUMS, ids=lambda c: c.__name__)
def test_every_code_has_distinct_labels_in_both_languages(enum_cls):
    assert enum_cls in labelled_enums()
    for lang in ("zh", "en"):
        texts = [label(m, lang) for m in enum_cls]
        assert all(t and t != m.value for t, m in zip(texts, enum_cls, strict=True))
        assert len(set(texts)) == len(texts), f"{enum_cls.__name__} {lang}: duplicate label"


def test_status_labels_are_those_of_the_domain():
    assert [label(m) for m in AchievementStatus] == [
        "已披露", "评估中", "保护中", "推广中", "转化中", "已转化", "已归档", "已放弃"]
    assert [label(m) for m in GrantStatus] == [
        "已申请", "院系审核", "转移机构审核", "公示中", "异议处理", "已批准", "已签协议",
        "已变更登记", "未通过"]
    assert [label(m) for m in DealStatus] == [
        "草拟", "尽职调查", "审批中", "公示中", "异议处理", "已签约", "已登记", "履约中",
        "已完成", "已终止"]
    assert [label(m) for m in DealMode] == [
        "转让", "独占许可", "排他许可", "普通许可", "开放许可", "作价投资", "合作实施", "自行实施",
        "其他", "技术开发", "技术咨询", "技术服务"]
    assert [label(m) for m in AchievementKind] == [
        "发明专利", "实用新型", "外观设计", "软件著作权", "集成电路布图设计", "植物新品种",
        "生物医药新品种", "技术秘密", "其他"]


def test_english_labels_and_choices():
    assert label(DealMode.EQUITY, "en") == "Equity investment"
    assert label(None) == ""
    assert choices(DealStatus, "zh")[0] == ("draft", "草拟")
    assert [c for c, _ in choices(AchievementStatus, "en")] == [m.value for m in AchievementStatus]


def test_parse_accepts_code_and_labels():
    assert parse(AchievementStatus, "assessing") is AchievementStatus.ASSESSING
    assert parse(AchievementStatus, "评估中") is AchievementStatus.ASSESSING
    assert parse(AchievementStatus, " Assessing ") is AchievementStatus.ASSESSING
    assert parse(DealStatus, "公示中") is DealStatus.IN_PUBLICITY
    with pytest.raises(ValueError, match="disclosed"):
        parse(AchievementStatus, "nonsense")


def test_field_labels():
    assert field_label("case_no") == "成果编号"
    assert field_label("case_no", "en") == "Case no."
    assert field_label("no_such_column") == "no_such_column"
