"""The create / edit forms of master data: a department, a person, a company.

Each calls its core service in one unit of work; a refusal (a duplicate staff no. naming its
owner, a wrong credit-code check character) shows under its field and nothing is written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from ttdesk.codes import DepartmentKind, EmploymentStatus, LeaderLevel, TechManagerLevel
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.privacy import sees_personal
from ttdesk.core.companies import companies
from ttdesk.core.people import departments, persons
from ttdesk.core.views import choices, master_data
from ttdesk.ui.case.choices import forget as forget_form_choices
from ttdesk.ui.kit.bus import SETTINGS
from ttdesk.ui.kit.fields import enum_combo, fill, pairs_combo, set_combo
from ttdesk.ui.kit.forms import FormDialog


def _text(value: Any = None) -> QLineEdit:
    edit = QLineEdit("" if value is None else str(value))
    return edit


def _combo_value(w: QWidget) -> Any:
    return w.currentData() if isinstance(w, QComboBox) else None


def department_dialog(ctx: AppContext, parent: QWidget | None, code: str | None = None,
                      name_hint: str = "") -> FormDialog:
    rows = [r for r in master_data.departments(ctx, include_inactive=True) if r.code == code]
    row = rows[0] if rows else None

    def submit(d: FormDialog) -> str:
        values = {"code": d.value("code"), "name": d.value("name"),
                  "kind": _combo_value(d.field("kind")), "name_en": d.value("name_en")}
        code = (departments.create(ctx, departments.DepartmentIn(**values)) if row is None
                else departments.edit(ctx, row.code, values))
        forget_form_choices(SETTINGS)  # the disclosure form's department list is cached
        return code

    dlg = FormDialog(dlg_title(parent, "新建单位" if row is None else "编辑单位"), ctx.lang,
                     submit, parent)
    dlg.setObjectName("department_dialog")
    dlg.add("code", dlg.tr("单位代码"), _text(row.code if row else ""))
    dlg.add("name", dlg.tr("名称"), _text(row.name if row else name_hint))
    kind = dlg.add("kind", dlg.tr("类型"), enum_combo(DepartmentKind, ctx.lang))
    if row is not None:
        set_combo(kind, row.kind.value)  # type: ignore[arg-type]
    dlg.add("name_en", dlg.tr("英文名称"), _text(row.name_en if row else ""))
    return dlg


def person_dialog(ctx: AppContext, parent: QWidget | None, staff_no: str | None = None,
                  name_hint: str = "") -> FormDialog:
    current = master_data.person_values(ctx, staff_no) if staff_no else {}

    def submit(d: FormDialog) -> str:
        values = {name: d.value(name) for name in (
            "staff_no", "name", "title", "phone", "email", "id_number", "is_student",
            "is_external")}
        values["leader_level"] = _combo_value(d.field("leader_level")) or "none"
        values["department"] = _combo_value(d.field("department"))
        values["entrepreneurship"] = _combo_value(d.field("entrepreneurship"))
        values["tech_manager_level"] = _combo_value(d.field("tech_manager_level"))
        values["tech_manager_cert_no"] = d.value("tech_manager_cert_no")
        if not staff_no:
            return persons.create(ctx, persons.PersonIn(**values))
        return persons.edit(ctx, staff_no, values)

    dlg = FormDialog(dlg_title(parent, "新建人员" if not staff_no else "编辑人员"), ctx.lang,
                     submit, parent)
    dlg.setObjectName("person_dialog")
    dlg.add("name", dlg.tr("姓名"), _text(name_hint))
    dlg.add("staff_no", dlg.tr("工号"), _text()).setPlaceholderText(
        dlg.tr("校外人员可留空，自动编号"))
    dlg.add("department", dlg.tr("单位"), pairs_combo(choices.departments(ctx), blank=True))
    dlg.add("title", dlg.tr("职称/职务"), _text())
    dlg.add("phone", dlg.tr("电话"), _text())
    dlg.add("email", dlg.tr("电子邮箱"), _text())
    dlg.add("id_number", dlg.tr("身份证号"), _text()).setEchoMode(
        QLineEdit.EchoMode.PasswordEchoOnEdit)
    dlg.add("is_student", dlg.tr("学生"), QCheckBox())
    dlg.add("is_external", dlg.tr("校外人员"), QCheckBox())
    dlg.add("leader_level", dlg.tr("领导职务"), enum_combo(LeaderLevel, ctx.lang))
    dlg.add("entrepreneurship", dlg.tr("创业状态"),
            enum_combo(EmploymentStatus, ctx.lang, blank=True))
    # a technology manager (技术经理人): staff or external, with level and certificate
    dlg.add("tech_manager_level", dlg.tr("技术经理人等级"),
            enum_combo(TechManagerLevel, ctx.lang, blank=True))
    dlg.add("tech_manager_cert_no", dlg.tr("技术经理人证书编号"), _text())
    if current:
        set_combo(dlg.field("tech_manager_level"),  # type: ignore[arg-type]
                  current.get("tech_manager_level"))
        fill(dlg.form, {k: v for k, v in current.items()
                        if k not in ("department", "entrepreneurship", "tech_manager_level",
                                      "leader_level")})
        set_combo(dlg.field("leader_level"), current.get("leader_level"))  # type: ignore[arg-type]
        set_combo(dlg.field("department"), current.get("department"))  # type: ignore[arg-type]
    if not sees_personal(ctx):  # a viewer reads them masked, and a mask is never data
        for name in ("phone", "email", "id_number"):
            line = dlg.field(name)
            assert isinstance(line, QLineEdit)
            line.setReadOnly(True)
            line.setEchoMode(QLineEdit.EchoMode.Normal)
            line.setToolTip(dlg.tr("个人信息已遮盖（只读角色）"))
        set_combo(dlg.field("entrepreneurship"),  # type: ignore[arg-type]
                  current.get("entrepreneurship"))
    return dlg


def company_dialog(ctx: AppContext, parent: QWidget | None, credit_code: str | None = None,
                   name_hint: str = "") -> FormDialog:
    current = master_data.company_values(ctx, credit_code) if credit_code else {}

    def submit(d: FormDialog) -> str:
        values = {name: d.value(name) for name in (
            "name", "credit_code", "registered_capital", "legal_representative", "address",
            "park", "is_spinoff", "is_high_tech", "is_zjtx")}
        values["region"] = "abroad" if d.value("abroad") else None
        if not credit_code:
            return companies.create(ctx, companies.CompanyIn(**values))
        return companies.edit(ctx, credit_code, values)

    dlg = FormDialog(dlg_title(parent, "新建企业" if not credit_code else "编辑企业"), ctx.lang,
                     submit, parent)
    dlg.setObjectName("company_dialog")
    dlg.add("name", dlg.tr("企业名称"), _text(name_hint))
    dlg.add("credit_code", dlg.tr("统一社会信用代码"), _text()).setPlaceholderText(
        dlg.tr("18 位，地区由代码第 3–8 位确定"))
    dlg.add("legal_representative", dlg.tr("法定代表人"), _text())
    dlg.add("registered_capital", dlg.tr("注册资本（元）"), _text())
    dlg.add("address", dlg.tr("地址"), _text())
    dlg.add("park", dlg.tr("园区/孵化器"), _text())
    dlg.add("is_spinoff", dlg.tr("转化创办企业"), QCheckBox())
    dlg.add("is_high_tech", dlg.tr("高新技术企业"), QCheckBox())
    dlg.add("is_zjtx", dlg.tr("专精特新"), QCheckBox())
    dlg.add("abroad", dlg.tr("境外企业"), QCheckBox())
    if current:
        fill(dlg.form, {k: v for k, v in current.items() if k in dlg.form.inputs})
        dlg.field("abroad").setChecked(current.get("region") == "abroad")  # type: ignore
    return dlg


def dlg_title(parent: QWidget | None, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MasterData", text)


DIALOGS = {"department": department_dialog, "person": person_dialog,
           "company": company_dialog, "manager": person_dialog}
