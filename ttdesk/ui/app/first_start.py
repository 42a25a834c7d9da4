"""The first-start dialog: the institution profile and the policy defaults, confirmed once.

Shown when the database has no institution profile and the user has not been through it on
this machine. Beijing's defaults are filled in; the officer corrects what differs and the
profile and the policy are saved in one unit of work. Demo data is offered afterwards.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError, ValidationFailed
from ttdesk.core.office.institution import complete_first_start, current_policy, get_profile
from ttdesk.ui.kit.problems import show_problem
from ttdesk.ui.settings.forms import PolicyForm, ProfileForm


class FirstStartDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_start")
        self._ctx = ctx
        self.setWindowTitle(self.tr("欢迎使用 TT Desk"))
        intro = QLabel(self.tr(
            "请填写本单位信息。下列政策参数已按北京市规定预填，如本单位制度不同请修改；"
            "以后可在“设置”中更改。"))
        intro.setWordWrap(True)
        self.profile_form = ProfileForm()
        self.profile_form.set_profile(get_profile(ctx))
        self.policy_form = PolicyForm(ctx.lang)
        self.policy_form.set_policy(current_policy(ctx))
        profile_box = QGroupBox(self.tr("单位信息"))
        QVBoxLayout(profile_box).addWidget(self.profile_form)
        policy_box = QGroupBox(self.tr("政策参数"))
        QVBoxLayout(policy_box).addWidget(self.policy_form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存并开始"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("稍后"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(profile_box)
        layout.addWidget(policy_box)
        layout.addWidget(buttons)
        self.profile_form.name.setFocus()
        self.resize(560, self.sizeHint().height())

    def save(self) -> bool:
        """Save both parts (or nothing); refusals appear next to their field."""
        self.profile_form.clear_problems()
        self.policy_form.clear_problems()
        try:
            complete_first_start(self._ctx, self.profile_form.profile(),
                                 self.policy_form.values())
        except ValidationFailed as exc:
            not_profile = self.profile_form.show_problems(exc, self._ctx.lang)
            not_policy = self.policy_form.show_problems(exc, self._ctx.lang)
            if any(line in not_policy for line in not_profile):  # a field of neither form
                show_problem(self, exc, self._ctx.lang)
            return False
        except TTDeskError as exc:
            show_problem(self, exc, self._ctx.lang)
            return False
        self.accept()
        return True
