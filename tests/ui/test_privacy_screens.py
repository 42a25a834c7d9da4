"""A viewer's screens show personal data masked (issue 13 §3): the people list, and the
person form (read-only there: a mask is never saved); an officer's form shows the values."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from roles import as_role

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.people import persons
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.masterdata.dialogs import person_dialog
from ttdesk.ui.masterdata.page import MasterDataPage

NUMBER = "110101199003071234"
PHONE = "13812345678"
EMAIL = "zhang.wei@pku.edu.cn"


@pytest.fixture
def person(ctx: AppContext) -> str:
    return persons.create(ctx, persons.PersonIn(name="张伟", staff_no="T0001",
                                                id_number=NUMBER, phone=PHONE, email=EMAIL))


def _texts(page: MasterDataPage) -> list[str]:
    table = page.tabs["person"].table
    return [table.item(r, c).text() for r in range(table.rowCount())
            for c in range(table.columnCount()) if table.item(r, c) is not None]


def test_viewer_sees_masks_everywhere(qtbot, ctx: AppContext, data_bus: DataBus,
                                      person: str, tmp_path: Path) -> None:
    viewer = as_role(ctx, "viewer")
    page = MasterDataPage(viewer, data_bus)
    qtbot.addWidget(page)
    cells = _texts(page)
    assert "张伟" in cells and "110***********1234" in cells
    assert not any(NUMBER in c or PHONE in c or EMAIL in c for c in cells)

    dlg = person_dialog(viewer, page, person)
    qtbot.addWidget(dlg)
    shown = {name: dlg.field(name) for name in ("id_number", "phone", "email")}
    assert all(isinstance(w, QLineEdit) and w.isReadOnly() for w in shown.values())
    assert {n: w.text() for n, w in shown.items()} == {  # type: ignore[attr-defined]
        "id_number": "110***********1234", "phone": "138****5678",
        "email": "z***@pku.edu.cn"}
    dlg.resize(520, 480)
    dlg.show()
    dlg.grab().save(str(tmp_path / "viewer_person.png"))


def test_officer_form_shows_the_values(qtbot, ctx: AppContext, person: str) -> None:
    dlg = person_dialog(as_role(ctx, "officer"), None, person)
    qtbot.addWidget(dlg)
    phone = dlg.field("phone")
    assert isinstance(phone, QLineEdit) and not phone.isReadOnly()
    assert phone.text() == PHONE and dlg.field("id_number").text() == NUMBER  # type: ignore


def test_a_mask_is_never_saved(ctx: AppContext, person: str) -> None:
    with pytest.raises(RuleViolation) as err:
        persons.edit(ctx, person, {"phone": "138****5678"})
    assert err.value.problems[0].field == "phone"
    assert persons.edit(ctx, person, {"phone": "13900001111"}) == person
