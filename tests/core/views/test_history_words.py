"""The history tab in words: field labels and value labels, never column names or raw values."""

from __future__ import annotations

from datetime import datetime

from ttdesk.codes import AuditAction
from ttdesk.core.base.labels import entity_label, field_label
from ttdesk.core.views.history import describe_changes, lines
from ttdesk.core.views.parts import HistoryEvent
from ttdesk.db.models import Base

# Kept out of history rows (ids, optimistic-lock counters) or never audited (the trail itself).
NOT_SHOWN = {"id", "version", "password_hash", "hash", "prev_hash", "snapshot", "sha256",
             "snapshot_sha256", "search_key"}


def event(entity: str, action: AuditAction, changes: dict) -> HistoryEvent:
    return HistoryEvent(1, datetime(2026, 5, 1, 9, 0), "王老师", action, entity, 7, None, changes)


def test_every_column_and_table_has_words() -> None:
    missing = sorted(f"{m.local_table.name}.{c.name}" for m in Base.registry.mappers
                     for c in m.local_table.columns
                     if c.name not in NOT_SHOWN and field_label(c.name) == c.name
                     and m.local_table.name != "audit_event")
    assert missing == []
    tables = sorted(m.local_table.name for m in Base.registry.mappers
                    if entity_label(m.local_table.name) == m.local_table.name
                    and m.local_table.name != "audit_event")
    assert tables == []


def test_an_update_shows_labels_of_fields_and_values() -> None:
    e = event("deal", AuditAction.UPDATE, {
        "status": {"before": "draft", "after": "due_diligence"},
        "due_diligence": {"before": None, "after": {"ownership": True,
                                                    "freedom_to_operate": False,
                                                    "started": "2026-05-01"}},
        "related_party_declared": {"before": False, "after": True},
        "signing_date": {"before": None, "after": "2026-06-01"},
    })
    text = describe_changes(e, "zh")
    assert "状态: 草拟 → 尽职调查" in text
    assert "尽职调查: — → 权属清晰: 是；自由实施（FTO）: 否；调查开始日期: 2026-05-01" in text
    assert "关联关系已申报: 否 → 是" in text
    assert "签约日期: — → 2026-06-01" in text
    for code in ("due_diligence", "signing_date", "True", "False", "{", "ownership"):
        assert code not in text
    en = describe_changes(e, "en")
    assert "Status: Draft → Due diligence" in en and "Clear ownership: yes" in en


def test_an_insert_shows_coded_values_by_their_label() -> None:
    pub = event("publicity", AuditAction.INSERT, {"after": {
        "subject": "deal", "day_kind": "calendar", "days": 15, "result": "no_objection"}})
    case = event("achievement", AuditAction.INSERT, {"after": {
        "intended_mode": "joint", "tags": ["电池", "储能"]}})
    assert describe_changes(pub) == "公示事项: 转化定价; 计日方式: 自然日; 天数: 15; 结果: 无异议"
    assert describe_changes(case) == "拟转化方式: 合作实施; 标签: 电池、储能"


def test_lines_name_the_record_kind() -> None:
    rows = lines([event("receipt", AuditAction.DELETE, {"before": {"amount": "10.00"}})])
    assert (rows[0].action, rows[0].what, rows[0].changes) == ("删除", "收款", "金额（元）: ¥10.00")


def test_money_shows_as_money() -> None:
    e = event("deal", AuditAction.UPDATE, {"price": {"before": "161000.00", "after": "1200"}})
    assert describe_changes(e) == "金额（元）: ¥161,000.00 → ¥1,200.00"


def test_foreign_keys_show_the_names_they_point_at() -> None:
    e = event("achievement", AuditAction.UPDATE, {
        "officer_id": {"before": 3, "after": 5}, "department_id": {"before": 1, "after": 2}})
    names = {("app_user", 3): "王老师", ("department", 2): "计算机学院"}
    assert describe_changes(e, "zh", names) == "经办人: 王老师 → #5; 院系: #1 → 计算机学院"


def test_every_audit_action_has_words() -> None:
    for action in AuditAction:
        row = lines([event("achievement", action, {})])[0]
        assert row.action != action.value
