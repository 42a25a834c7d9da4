"""The 数据库连接 tab: this installation's local file or the office server.

The choice is saved per user in `connection.json` (core/office/connection.py: the app and
the CLI read it; the password is kept there, in a file only its owner may read). A
connection test reports in words what the server said; the new choice takes effect when the
app opens the database again (保存并重新打开)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.office import connection
from ttdesk.ui.kit.ops import read_op
from ttdesk.ui.kit.problems import show_problem


def restart_app() -> None:
    """Start this program again with the same arguments, and quit this one."""
    import sys

    from PySide6.QtCore import QCoreApplication, QProcess

    frozen = getattr(sys, "frozen", False)  # the bundle's executable is the app itself
    args = sys.argv[1:] if frozen else ["-m", "ttdesk", *sys.argv[1:]]
    QProcess.startDetached(sys.executable, args)
    QCoreApplication.quit()


class ConnectionPanel(QWidget):
    """Local file or office server, the server's address, a test and a reopen."""

    def __init__(self, lang: str = "zh", restart: Callable[[], None] = restart_app,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connection_panel")
        self._lang, self._restart = lang, restart
        self.local = QRadioButton(self.tr("本机数据库文件（单人使用）"))
        self.server = QRadioButton(self.tr("办公室服务器（PostgreSQL，多人共用）"))
        self.local.setObjectName("mode_local")
        self.server.setObjectName("mode_server")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.host, self.database, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.password, self.pg_dump = QLineEdit(), QLineEdit()
        for name in ("host", "database", "user", "password", "pg_dump"):
            getattr(self, name).setObjectName(name)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.host.setPlaceholderText(self.tr("例如 10.20.1.5 或 tto-db.example.edu.cn"))
        self.pg_dump.setPlaceholderText(self.tr("留空：自动查找"))
        self.user.setPlaceholderText(self.tr("程序账号（…_app）"))
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.lock_timeout, self.statement_timeout = QDoubleSpinBox(), QDoubleSpinBox()
        for box, name, top in ((self.lock_timeout, "lock_timeout", 600),
                               (self.statement_timeout, "statement_timeout", 3600)):
            box.setObjectName(name)
            box.setRange(0, top)
            box.setDecimals(0)
            box.setSuffix(self.tr(" 秒"))
        self.result = QLabel()
        self.result.setObjectName("probe_result")
        self.result.setWordWrap(True)
        self._build()
        self.server.toggled.connect(self._enable)
        self.show_choice(connection.load())

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("主机"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库名"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("锁等待超时"), self.lock_timeout)
        form.addRow(self.tr("单条语句超时"), self.statement_timeout)
        form.addRow(self.tr("数据库备份程序路径"), self.pg_dump)
        self.server_fields = QWidget()
        self.server_fields.setLayout(form)
        note = QLabel(self.tr(
            "密码保存在本人的设置文件 connection.json 中（仅本人可读）。请使用管理员建立服务器"
            "时给出的程序账号（…_app），不要使用数据库所有者账号。升级程序时会先备份服务器"
            "数据库。"))
        note.setWordWrap(True)
        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save_connection")
        self.save_button.clicked.connect(self.save)
        self.reopen_button = QPushButton(self.tr("保存并重新打开"))
        self.reopen_button.setObjectName("reopen")
        self.reopen_button.clicked.connect(self.save_and_reopen)
        buttons = QHBoxLayout()
        for b in (self.test_button, self.save_button, self.reopen_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("本机使用的数据库")))
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        layout.addWidget(self.server_fields)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.setMaximumWidth(720)

    def _enable(self) -> None:
        self.server_fields.setEnabled(self.server.isChecked())
        self.test_button.setEnabled(self.server.isChecked())

    def show_choice(self, choice: connection.Connection) -> None:
        (self.server if choice.uses_server else self.local).setChecked(True)
        self.host.setText(choice.host)
        self.port.setValue(int(choice.port))
        self.database.setText(choice.database)
        self.user.setText(choice.user)
        self.password.setText(choice.password)
        timeouts = choice.timeouts()
        self.lock_timeout.setValue(timeouts.lock)
        self.statement_timeout.setValue(timeouts.statement)
        self.pg_dump.setText(choice.pg_dump)
        self._enable()

    def choice(self) -> connection.Connection:
        return connection.Connection(
            mode=connection.SERVER if self.server.isChecked() else connection.LOCAL,
            host=self.host.text().strip(), port=self.port.value(),
            database=self.database.text().strip(), user=self.user.text().strip(),
            password=self.password.text(), lock_timeout=self.lock_timeout.value(),
            statement_timeout=self.statement_timeout.value(),
            pg_dump=self.pg_dump.text().strip())

    def test_connection(self) -> None:
        choice = replace(self.choice(), mode=connection.SERVER)
        self.result.setText(self.tr("正在连接…"))
        self.test_button.setEnabled(False)
        read_op(self, lambda: connection.probe(choice), self._show_probe, self._probe_failed)

    def _show_probe(self, found: connection.Probe) -> None:
        self.test_button.setEnabled(True)
        self.result.setProperty("ok", found.ok)
        self.result.setText(("✔ " if found.ok else "✘ ") + found.text(self._lang))

    def _probe_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.result.setText("✘ " + self.tr("连接测试失败：") + type(exc).__name__)

    def save(self) -> bool:
        try:
            connection.save(self.choice())
        except TTDeskError as exc:
            show_problem(self, exc, self._lang)
            return False
        self.result.setText(self.tr("已保存；重新打开程序后生效。"))
        return True

    def save_and_reopen(self) -> None:
        if self.save():
            self._restart()
