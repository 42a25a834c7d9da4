"""The institution-profile and policy forms, shared by the first-start dialog and the settings
page. Forms only lay out fields and show a refusal next to the field it concerns; the rules
live in `ttdesk.core.office.institution` / `ttdesk.core.rules.policy`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from ttdesk.codes import DayKind
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.base.labels import choices
from ttdesk.core.office.institution import InstitutionProfile
from ttdesk.core.rules.policy import TARGET_KEYS, Policy
from ttdesk.ui.kit.problems import field_messages


class _Form(QWidget):
    """A QFormLayout whose rows each carry a hidden error label under the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.errors: dict[str, QLabel] = {}

    def _row(self, name: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(name)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.hide()
        self.form.addRow(label, widget)
        self.form.addRow("", error)
        self.errors[name] = error

    def clear_problems(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.hide()

    def show_problems(self, exc: ValidationFailed, lang: str) -> list[str]:
        """Messages next to their fields; returns those without a field of this form."""
        self.clear_problems()
        rest: list[str] = []
        for name, lines in field_messages(exc, lang).items():
            error = self.errors.get(name or "")
            if error is None:
                rest.extend(lines)
                continue
            error.setText("⚠ " + "\n".join(lines))  # an icon and text, not colour alone
            error.show()
        return rest


class ProfileForm(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例如：北京某某大学"))
        self.name_en = QLineEdit()
        self.tto_name = QLineEdit()
        self.tto_name.setPlaceholderText(self.tr("例如：技术转移中心"))
        self.address = QLineEdit()
        self.asset_company = QLineEdit()
        self._row("name", self.tr("单位名称 *"), self.name)
        self._row("name_en", self.tr("英文名称"), self.name_en)
        self._row("tto_name", self.tr("技术转移机构"), self.tto_name)
        self._row("address", self.tr("地址"), self.address)
        self._row("asset_company", self.tr("资产经营公司"), self.asset_company)

    def profile(self) -> InstitutionProfile:
        return InstitutionProfile(
            self.name.text(), self.name_en.text() or None, self.tto_name.text() or None,
            self.address.text() or None, self.asset_company.text() or None)

    def set_profile(self, profile: InstitutionProfile | None) -> None:
        p = profile or InstitutionProfile("")
        self.name.setText(p.name)
        self.name_en.setText(p.name_en or "")
        self.tto_name.setText(p.tto_name or "")
        self.address.setText(p.address or "")
        self.asset_company.setText(p.asset_company or "")


def _percent_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 100)
    box.setDecimals(2)
    box.setSuffix(" %")
    return box


def _int_box(low: int, high: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class TargetsTable(QTableWidget):
    """The institution's own yearly targets toward the Action Plan: a row per year (2025–
    2027 and any other year stored), a whole number per figure."""

    YEARS = (2025, 2026, 2027)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(TARGET_KEYS), parent)
        self.setHorizontalHeaderLabels([
            self.tr("合作平台/联合实验室"), self.tr("技术开发等合同"), self.tr("转化创办企业"),
            self.tr("专精特新")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setMinimumSize(560, 130)
        self.setMaximumHeight(150)
        self.set_targets({})

    def set_targets(self, stored: dict[str, Any]) -> None:
        years = sorted({*self.YEARS, *(int(y) for y in stored if str(y).isdigit())})
        self.setRowCount(len(years))
        self.setVerticalHeaderLabels([str(y) for y in years])
        for row, year in enumerate(years):
            figures = stored.get(str(year)) or {}
            for col, key in enumerate(TARGET_KEYS):
                box = _int_box(0, 1_000_000, "")
                box.setObjectName(f"target_{year}_{key}")
                box.setValue(int(figures.get(key, 0)))
                self.setCellWidget(row, col, box)

    def box(self, year: int, key: str) -> QSpinBox:
        """The input of one year's target (the current one: rows are rebuilt on load)."""
        rows = [r for r in range(self.rowCount()) if self.verticalHeaderItem(r).text() == str(year)]
        return self.cellWidget(rows[0], TARGET_KEYS.index(key))  # type: ignore[return-value]

    def targets(self) -> dict[str, dict[str, int]]:
        out = {}
        for row in range(self.rowCount()):
            year = self.verticalHeaderItem(row).text()
            out[year] = {key: self.cellWidget(row, col).value()  # type: ignore[attr-defined]
                         for col, key in enumerate(TARGET_KEYS)}
        return out


class PolicyForm(_Form):
    """The policy numbers an office is most likely to set differently from Beijing's."""

    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        days, years, months = self.tr(" 天"), self.tr(" 年"), self.tr(" 个月")
        self.team_share_min_income = _percent_box()
        self.team_share_min_equity = _percent_box()
        self.publicity_days = _int_box(1, 90, days)
        self.publicity_day_kind = QComboBox()
        for code, text in choices(DayKind, lang):
            self.publicity_day_kind.addItem(text, code)
        self.long_term_use_min_years = _int_box(1, 50, years)
        self.registration_submit_days = _int_box(1, 365, days)
        self.reward_payment_months = _int_box(1, 120, months)
        self.registration_working_days = _int_box(1, 120, self.tr(" 个工作日"))
        self.registration_working_days_large = _int_box(1, 120, self.tr(" 个工作日"))
        self._row("team_share_min_income", self.tr("团队奖励下限（转让/许可）"),
                  self.team_share_min_income)
        self._row("team_share_min_equity", self.tr("团队奖励下限（作价投资）"),
                  self.team_share_min_equity)
        self._row("publicity_days", self.tr("定价公示期"), self.publicity_days)
        self._row("publicity_day_kind", self.tr("定价公示天数计法"), self.publicity_day_kind)
        self._law_rows(lang, days)
        self._row("long_term_use_min_years", self.tr("长期使用权最短年限"),
                  self.long_term_use_min_years)
        self._row("registration_submit_days", self.tr("合同认定登记期限"),
                  self.registration_submit_days)
        self._row("registration_working_days", self.tr("登记机构答复期限"),
                  self.registration_working_days)
        self._row("registration_working_days_large",
                  self.tr("登记机构答复期限（500万元以上或有争议）"),
                  self.registration_working_days_large)
        self._row("reward_payment_months", self.tr("奖励发放期限"), self.reward_payment_months)
        self.due_diligence_items = QPlainTextEdit()
        self.due_diligence_items.setObjectName("due_diligence_items")
        self.due_diligence_items.setPlaceholderText(self.tr("每行一项：中文名称 | English name"))
        self.due_diligence_items.setMaximumHeight(140)
        self._row("due_diligence_items", self.tr("尽职调查清单"), self.due_diligence_items)
        self._dd_keys: dict[str, str] = {}
        self.action_plan_targets = TargetsTable()
        self._row("action_plan_targets", self.tr("行动计划年度目标（本单位）"),
                  self.action_plan_targets)

    def _law_rows(self, lang: str, days: str) -> None:
        """domain.md §6: the grant's and the cash reward's publicity (the reward's ≥ 15
        working days), the self / joint reward on operating profit."""
        self.law_boxes: dict[str, QWidget] = {}
        for prefix, text in (("grant_", self.tr("赋权公示期")),
                             ("reward_", self.tr("现金奖励公示期（不少于 15 个工作日）"))):
            count = _int_box(1, 90, days)
            kind = QComboBox()
            for code, word in choices(DayKind, lang):
                kind.addItem(word, code)
            self.law_boxes[f"{prefix}publicity_days"] = count
            self.law_boxes[f"{prefix}publicity_day_kind"] = kind
            self._row(f"{prefix}publicity_days", text, count)
            self._row(f"{prefix}publicity_day_kind", self.tr("计法"), kind)
        self.team_share_min_self_profit = _percent_box()
        self.self_reward_years = _int_box(1, 20, self.tr(" 年"))
        self._row("team_share_min_self_profit", self.tr("实施转化奖励下限（占年度营业利润）"),
                  self.team_share_min_self_profit)
        self._row("self_reward_years", self.tr("实施转化奖励年限（投产后）"),
                  self.self_reward_years)

    def set_policy(self, pol: Policy) -> None:
        for key, box in self.law_boxes.items():
            if isinstance(box, QComboBox):
                box.setCurrentIndex(max(0, box.findData(pol.values.get(key))))
            elif isinstance(box, QSpinBox):
                box.setValue(int(pol.values.get(key) or 15))
        self.team_share_min_self_profit.setValue(float(pol.team_share_min_self_profit))
        self.self_reward_years.setValue(pol.self_reward_years)
        self.team_share_min_income.setValue(float(pol.team_share_min_income))
        self.team_share_min_equity.setValue(float(pol.team_share_min_equity))
        self.publicity_days.setValue(pol.publicity_days)
        index = self.publicity_day_kind.findData(pol.publicity_day_kind)
        self.publicity_day_kind.setCurrentIndex(max(0, index))
        self.long_term_use_min_years.setValue(pol.long_term_use_min_years)
        self.registration_submit_days.setValue(int(pol["registration_submit_days"]))
        self.registration_working_days.setValue(int(pol["registration_working_days"]))
        self.registration_working_days_large.setValue(
            int(pol["registration_working_days_large"]))
        self.reward_payment_months.setValue(int(pol["reward_payment_months"]))
        items = pol.values.get("due_diligence_items") or []
        self._dd_keys = {str(i["zh"]): str(i["key"]) for i in items}
        self.due_diligence_items.setPlainText("\n".join(
            f"{i['zh']} | {i.get('en') or i['zh']}" for i in items))
        self.action_plan_targets.set_targets(pol.values.get("action_plan_targets") or {})

    def values(self) -> dict[str, Any]:
        def pct(box: QDoubleSpinBox) -> str:
            return f"{Decimal(str(round(box.value(), 2))).normalize():f}"

        return {
            "team_share_min_income": pct(self.team_share_min_income),
            "team_share_min_equity": pct(self.team_share_min_equity),
            "publicity_days": self.publicity_days.value(),
            "publicity_day_kind": self.publicity_day_kind.currentData(),
            "long_term_use_min_years": self.long_term_use_min_years.value(),
            "registration_submit_days": self.registration_submit_days.value(),
            "registration_working_days": self.registration_working_days.value(),
            "registration_working_days_large": self.registration_working_days_large.value(),
            "reward_payment_months": self.reward_payment_months.value(),
            "due_diligence_items": self.diligence_items(),
            "action_plan_targets": self.action_plan_targets.targets(),
            **{key: box.currentData() if isinstance(box, QComboBox) else box.value()
               for key, box in self.law_boxes.items()},  # type: ignore[attr-defined]
            "team_share_min_self_profit": pct(self.team_share_min_self_profit),
            "self_reward_years": self.self_reward_years.value(),
        }

    def diligence_items(self) -> list[dict[str, str]]:
        """One item per line, "中文 | English"; an item keeps its key while its Chinese name
        stays the same (ticks stored under it remain), a new one is keyed by its name."""
        out = []
        for line in self.due_diligence_items.toPlainText().splitlines():
            zh, _bar, en = (part.strip() for part in line.partition("|"))
            if zh:
                out.append({"key": self._dd_keys.get(zh, zh), "zh": zh, "en": en or zh})
        return out
