"""The settings area (设置): institution, policy, holiday calendar, language, database.

Institution and policy changes are business configuration stored in the database (a policy
change makes a new version; records keep the version they were decided under). Language is a
per-user preference (QSettings) that takes effect at the next start.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation, TTDeskError, ValidationFailed
from ttdesk.core.base.labels import pick
from ttdesk.core.office import institution
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import write_op
from ttdesk.ui.kit.problems import show_problem
from ttdesk.ui.settings.forms import PolicyForm, ProfileForm


def _with_button(form: QWidget, button: QPushButton, note: QLabel | None = None) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    form.setMaximumWidth(720)
    layout.addWidget(form)
    if note is not None:
        note.setMaximumWidth(720)
        layout.addWidget(note)
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(1)
    return page


class CalendarEditor(QWidget):
    """One year's official days off and make-up workdays, edited as a list and saved whole."""

    def __init__(self, ctx: AppContext, bus: DataBus | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._bus = ctx, bus
        self.year = QComboBox()
        self.year.setObjectName("calendar_year")
        this = ctx.today().year
        for y in sorted({*institution.calendar_years(ctx), this, this + 1}):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(self.year.findData(this))
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("calendar_table")
        self.table.setHorizontalHeaderLabels([self.tr("日期 (YYYY-MM-DD)"), self.tr("类型")])
        self.table.setColumnWidth(0, 180)
        self.table.setColumnWidth(1, 160)
        self.table.setMaximumWidth(420)
        add = QPushButton(self.tr("添加一天"))
        add.clicked.connect(lambda: self.add_day(None, False))
        remove = QPushButton(self.tr("删除所选"))
        remove.clicked.connect(self._remove_selected)
        self.save_button = QPushButton(self.tr("保存本年安排"))
        self.save_button.setObjectName("calendar_save")
        self.save_button.clicked.connect(self.save)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份")))
        top.addWidget(self.year)
        top.addStretch(1)
        for b in (add, remove, self.save_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "列出国务院办公厅公布的放假日期与调休上班日期；其余周一至周五为工作日。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setMaximumWidth(720)
        self.year.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def _kind_box(self, is_workday: bool) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("放假"), False)
        box.addItem(self.tr("调休上班"), True)
        box.setCurrentIndex(1 if is_workday else 0)
        return box

    def add_day(self, day: date | None, is_workday: bool) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(day.isoformat() if day else ""))
        self.table.setCellWidget(row, 1, self._kind_box(is_workday))

    def _remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def load(self) -> None:
        self.table.setRowCount(0)
        for entry in institution.calendar_year(self._ctx, int(self.year.currentData())):
            self.add_day(entry.day, entry.is_workday)

    def entries(self) -> tuple[list[date], list[date]]:
        off: list[date] = []
        work: list[date] = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            text = item.text().strip() if item is not None else ""
            if not text:
                continue
            try:
                day = date.fromisoformat(text)
            except ValueError as exc:
                raise RuleViolation("CAL", f"第 {row + 1} 行日期无效：{text}",
                                    f"row {row + 1}: not a date: {text}") from exc
            box: Any = self.table.cellWidget(row, 1)
            (work if box.currentData() else off).append(day)
        return off, work

    def save(self) -> bool:
        try:
            off, work = self.entries()
            year = int(self.year.currentData())
            if self._bus is None:
                institution.set_calendar_year(self._ctx, year, off, work)
            else:  # due dates counted in working days may move: the core says what did
                write_op(self._ctx, self._bus, institution.set_calendar_year, self._ctx, year,
                         off, work)
        except TTDeskError as exc:
            show_problem(self, exc, self._ctx.lang)
            return False
        self.load()
        return True


class SettingsPage(QTabWidget):
    def __init__(self, ctx: AppContext, bus: DataBus, settings: UiSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self._ctx = ctx
        self._bus = bus
        self._settings = settings
        self.profile_form = ProfileForm()
        self.profile_form.set_profile(institution.get_profile(ctx))
        save_profile = QPushButton(self.tr("保存单位信息"))
        save_profile.setObjectName("save_profile")
        save_profile.clicked.connect(self.save_profile)
        self.addTab(_with_button(self.profile_form, save_profile), self.tr("单位信息"))
        self.policy_form = PolicyForm(ctx.lang)
        self.policy_note = QLabel()
        save_policy = QPushButton(self.tr("保存为新版本"))
        save_policy.setObjectName("save_policy")
        save_policy.clicked.connect(self.save_policy)
        self._show_policy()
        self.addTab(_with_button(self.policy_form, save_policy, self.policy_note),
                    self.tr("政策参数"))
        self.calendar = CalendarEditor(ctx, bus)
        self.addTab(self.calendar, self.tr("节假日"))
        self._users_tab(ctx, bus)
        self.addTab(self._general_tab(), self.tr("界面与数据库"))
        from ttdesk.ui.settings.connection import ConnectionPanel

        self.connection = ConnectionPanel(ctx.lang)
        self.addTab(self.connection, self.tr("数据库连接"))

    def _users_tab(self, ctx: AppContext, bus: DataBus) -> None:
        """Users and logins, for an admin (the service checks the role again)."""
        from ttdesk.core.base.access import Act, may

        if may(ctx, Act.USERS):
            from ttdesk.ui.settings.users import UsersPanel

            self.users = UsersPanel(ctx, bus)
            self.addTab(self.users, self.tr("用户"))

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(self._settings.language))
        self.language.setMaximumWidth(240)
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("界面语言"), self.language)
        self.language_note = QLabel(self.tr("重新启动后生效。"))
        form.addRow("", self.language_note)
        url = QLabel(self._ctx.db.engine.url.render_as_string(hide_password=True))
        url.setObjectName("database_url")
        url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("数据库"), url)
        form.addRow(self.tr("设置文件"), QLabel(self._settings.file_name()))
        from ttdesk.core.office.setup import backup_dir, data_dir

        form.addRow(self.tr("自动备份"), QLabel(str(backup_dir())))
        form.addRow(self.tr("日志"), QLabel(str(data_dir() / "logs" / "ttdesk.log")))
        return page

    def _language_changed(self, _index: int) -> None:
        self._settings.language = self.language.currentData()
        self._settings.sync()

    def _show_policy(self) -> None:
        pol = institution.current_policy(self._ctx)
        self.policy_form.set_policy(pol)
        tiers = self.tr("；").join(
            (self.tr("≤ {0} 元：").format(f"{t.max_price:,.0f}") if t.max_price is not None
             else self.tr("其余：")) + pick((t.body, t.body_en), self._ctx.lang)
            for t in pol.approval_tiers)
        self.policy_note.setText(self.tr("当前版本：第 %1 版").replace("%1", str(pol.number))
                                 + "　" + self.tr("审批层级：") + tiers)
        self.policy_note.setWordWrap(True)

    def save_profile(self) -> bool:
        try:
            write_op(self._ctx, self._bus, institution.save_profile, self._ctx,
                     self.profile_form.profile())
        except ValidationFailed as exc:
            if self.profile_form.show_problems(exc, self._ctx.lang):
                show_problem(self, exc, self._ctx.lang)
            return False
        self.profile_form.clear_problems()
        return True

    def save_policy(self) -> bool:
        try:
            write_op(self._ctx, self._bus, institution.update_policy, self._ctx,
                     self.policy_form.values(), "设置页修改 / changed in settings")
        except ValidationFailed as exc:
            if self.policy_form.show_problems(exc, self._ctx.lang):
                show_problem(self, exc, self._ctx.lang)
            return False
        except TTDeskError as exc:
            show_problem(self, exc, self._ctx.lang)
            return False
        self.policy_form.clear_problems()
        self._show_policy()
        return True
