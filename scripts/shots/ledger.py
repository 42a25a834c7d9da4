"""Screenshots of the ledger import wizard on a messy ledger (see scripts/screenshots.py):
the mapping page (a two-row merged header, 万元 amounts) and the dry-run page listing the
problems by sheet, row and column and the records the import would create."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db.models import Department, Person
from ttdesk.ui.ledger.wizard import ImportWizard

SIZE = (1100, 760)
# one folder for the run's ledger files, removed by the OS temp cleanup with the others
_FOLDER = Path(tempfile.gettempdir()) / "ttdesk-ledger-shots"
_FOLDER.mkdir(exist_ok=True)


def messy_ledger(ctx: Any) -> Path:
    """A 2024 ledger as offices keep it, with some of the usual mistakes."""
    with ctx.read() as s:
        dept = s.execute(select(Department.name).order_by(Department.id)).scalars().first() \
            or "医学部"
        person, _home = s.execute(select(Person.name, Department.name).join(
            Department, Person.department_id == Department.id).where(
            Department.name != "医学部").order_by(Person.id)).first() or ("张伟", "")
    code = make_credit_code(random.Random(8))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "成果台账"
    ws.append(["序号", "成果编号", "成果名称", "所属学院", "披露日期", "完成人", "合同信息", None,
               None, None, None, "到账金额"])
    ws.append([None, None, None, None, None, None, "转化方式", "金额（万元）", "签约日期",
               "受让方", "统一社会信用代码", "（元）"])
    for cell in ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:K1"):
        ws.merge_cells(cell)
    rows = [
        [1, "CG-2024-0101", "固态电池电解质材料", "材料科学与工程学院", datetime(2024, 3, 5),
         "张伟(60%)、李娜(30%)", "转让", 46, "2024年6月1日", "北京清能科技有限公司", code,
         "200,000"],
        [2, "CG-2024-0102", "脑胶质瘤靶向递送药物", f"{dept} ", "2024.3.18", "王芳", "独占许可",
         "面议", "2024/07/15", "北京脑康医药有限公司", code[:-1] + "0", None],
        [3, "CG-2024-0103", "3D打印颅骨植入物", "医学部", 45400, f"{person}；孙丽", None, None,
         None, None, None, None],
        [4, "CG-2024-0101", "心理健康数字疗法", "心理学院", "2024年13月2日", "陈静(70%)、刘洋(30%)",
         None, None, None, None, None, None],
        [5, "CG-2024-0105", "纳米发电机", "物理学院", "2024-5-6", "周杰", "作价投资", "１２０",
         "2024-8-1", "北京纳能科技有限公司", make_credit_code(random.Random(9)), None],
        [None, "合计", None, None, None, None, None, 166, None, None, None, "200,000"],
    ]
    for row in rows:
        ws.append(row)
    path = _FOLDER / "台账2024（待整理）.xlsx"
    wb.save(path)
    return path


def _wizard(ctx: Any, bus: Any) -> ImportWizard:
    wizard = ImportWizard(ctx, bus)
    wizard.resize(*SIZE)
    wizard.show()
    wizard.file_page.path_edit.setText(str(messy_ledger(ctx)))
    wizard.next()
    return wizard


def mapping_page(ctx: Any, bus: Any) -> QWidget:
    return _wizard(ctx, bus)


def problems_page(ctx: Any, bus: Any) -> QWidget:
    wizard = _wizard(ctx, bus)
    wizard.next()
    app = QApplication.instance()
    end = time.monotonic() + 30
    while wizard.check_page.report is None and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    return wizard


SHOTS = [("wizard_mapping", mapping_page), ("wizard_problems", problems_page)]
