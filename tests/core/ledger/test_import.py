"""import-ledger on a clean ledger: what it creates, the statuses rows imply, re-import."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from builders import make_company, make_department, make_person
from sqlalchemy import select

from core.ledger.conftest import counts
from core.ledger.fixtures import CODE_A, clean_ledger, clean_rows, merged_header_ledger, write_book
from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.ledger import (
    LedgerCancelled,
    check_ledger,
    import_ledger,
    load_mapping,
)
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db import models as M


def _case(ctx: AppContext, case_no: str) -> M.Achievement:
    with ctx.read() as s:
        a = s.execute(select(M.Achievement).where(M.Achievement.case_no == case_no)).scalar_one()
        s.expunge(a)
        return a


def test_clean_ledger_into_an_empty_database(ctx: AppContext, tmp_path: Path) -> None:
    path = clean_ledger(tmp_path / "台账2024.xlsx")
    report = import_ledger(ctx, path)
    assert report.ok
    assert report.counts["achievements"] == 5
    assert report.counts["deals"] == 2 and report.counts["receipts"] == 1
    assert report.counts["people"] == 8 and report.counts["companies"] == 2
    with ctx.read() as s:
        cases = {a.title: a for a in s.execute(select(M.Achievement)).scalars()}
        assert set(cases) == {"固态电池电解质材料", "脑胶质瘤靶向递送药物", "3D打印颅骨植入物",
                              "心理健康数字疗法", "纳米发电机"}
        assert all(a.is_imported for a in cases.values())
        battery = cases["固态电池电解质材料"]
        assert battery.status == E.AchievementStatus.CONVERTED
        assert battery.department.name == "材料科学与工程学院"
        assert battery.disclosure_date == date(2024, 3, 5)
        shares = sorted((c.person.name, c.share, c.role) for c in battery.contributions)
        assert shares == [("张伟", Decimal(60), E.ContributorRole.LEAD),
                          ("李娜", Decimal(40), E.ContributorRole.MEMBER)]
        assert cases["脑胶质瘤靶向递送药物"].status == E.AchievementStatus.DISCLOSED
        therapy = cases["心理健康数字疗法"]
        assert therapy.case_no == "CG-2024-0006"  # numbered after the ledger's own numbers
        assert therapy.disclosure_date == date(2024, 4, 18)  # Excel serial 45400
        assert sorted(c.share for c in cases["3D打印颅骨植入物"].contributions) == [50, 50]
        deals = {d.title: d for d in s.execute(select(M.Deal)).scalars()}
        sale = deals["固态电池电解质材料"]
        assert sale.is_imported and sale.mode == E.DealMode.TRANSFER
        assert sale.price == Decimal("460000.00")  # 46 万元
        assert sale.status == E.DealStatus.PERFORMING  # signed, money received
        assert sale.signing_date == date(2024, 6, 1)
        assert s.get(M.Company, sale.counterparty_id).credit_code == CODE_A
        lic = deals["3D打印颅骨植入物"]
        assert lic.mode == E.DealMode.LICENSE_EXCLUSIVE and lic.price == Decimal("125000.00")
        assert lic.status == E.DealStatus.SIGNED
        receipt = s.execute(select(M.Receipt)).scalar_one()
        assert receipt.amount == Decimal("200000.00") and receipt.received_on == date(2024, 6, 1)


def test_reimporting_the_same_file_changes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    path = clean_ledger(tmp_path / "a.xlsx")
    import_ledger(ctx, path)
    before = counts(ctx)
    report = import_ledger(ctx, path)
    assert counts(ctx) == before
    assert report.counts == {}
    assert report.reused["achievements"] == 5 and report.reused["deals"] == 2


def test_dry_run_lists_new_records_and_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    dept = make_department(ctx, name="材料科学与工程学院", code="MSE")
    make_person(ctx, dept, name="张伟", staff_no="T001")
    make_person(ctx, make_department(ctx, name="化学学院"), name="李娜", staff_no="T002")
    make_department(ctx, name="医学 部", code="MED")
    before = counts(ctx)
    report = check_ledger(ctx, clean_ledger(tmp_path / "a.xlsx"))
    assert counts(ctx) == before and report.ok and report.dry_run
    new = {(r.kind, r.name): r for r in report.new_records}
    assert ("person", "张伟") not in new  # same name, same department: the known person
    assert "化学学院" in new[("person", "李娜")].near_zh  # same name, another department
    assert "another department" in new[("person", "李娜")].near_en
    assert new[("department", "医学部")].near_zh  # differs by a space only
    assert ("department", "材料科学与工程学院") not in new
    assert report.counts["achievements"] == 5


def test_known_people_are_linked_not_duplicated(ctx: AppContext, tmp_path: Path) -> None:
    dept = make_department(ctx, name="材料科学与工程学院", code="MSE")
    known = make_person(ctx, dept, name="张伟", staff_no="T001")
    import_ledger(ctx, clean_ledger(tmp_path / "a.xlsx"))
    a = _case(ctx, "CG-2024-0001")
    with ctx.read() as s:
        ids = {c.person_id for c in s.get(M.Achievement, a.id).contributions}
    assert known.id in ids


def test_merged_two_row_header(ctx: AppContext, tmp_path: Path) -> None:
    path = merged_header_ledger(tmp_path / "m.xlsx")
    report = check_ledger(ctx, path)
    m = report.mapping.sheets["achievements"]
    assert m.header_row == 2
    assert {c.letter: c.field for c in m.columns if c.field} == {
        "A": "case_no", "B": "title", "C": "disclosure_date", "D": "contributors",
        "E": "price", "F": "signing_date", "G": "counterparty"}
    # the amount cell holds text: located under the merged header
    assert [(p.where, p.rule) for p in report.problems if p.field == "price"] == [
        ("成果!E3", "R11")]


def test_mapping_saved_and_reused_for_odd_headers(ctx: AppContext, tmp_path: Path) -> None:
    rows = [["登记号", "项目", "日期", "人员"],
            ["X-1", "面向大模型的推理芯片", "2024-01-09", "钱进"]]
    path = write_book(tmp_path / "odd.xlsx", {"成果": rows})
    first = check_ledger(ctx, path)
    assert not first.ok  # no header it knows: 项目 is not a title alias
    mapping_file = tmp_path / "map.json"
    mapping_file.write_text(
        '{"format": "ttdesk-ledger-mapping", "version": 1, "sheets": {"achievements": '
        '{"sheet": "成果", "header_row": 1, "columns": {"A": "case_no", "B": "title", '
        '"C": "disclosure_date", "D": "contributors"}}}}', encoding="utf-8")
    mapping = load_mapping(mapping_file)
    report = import_ledger(ctx, path, mapping=mapping)
    assert report.counts["achievements"] == 1
    assert _case(ctx, "X-1").title == "面向大模型的推理芯片"
    saved = tmp_path / "again.json"
    report.mapping.save(saved)
    assert load_mapping(saved).sheets["achievements"].fields()["title"].letter == "B"


def test_mapping_file_errors_are_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "ttdesk-ledger-mapping", "sheets": {"achievements": '
                   '{"sheet": "成果", "columns": {"A": "colour"}}}}', encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_mapping(bad)
    assert exc.value.problems[0].where == "bad.json:achievements!A"


def test_cancel_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    before = counts(ctx)
    seen: list[float] = []
    with pytest.raises(LedgerCancelled):
        import_ledger(ctx, clean_ledger(tmp_path / "a.xlsx"),
                      progress=lambda f, _m: seen.append(f), cancel=lambda: len(seen) > 0)
    assert counts(ctx) == before


def test_progress_reaches_the_end(ctx: AppContext, tmp_path: Path) -> None:
    seen: list[float] = []
    import_ledger(ctx, clean_ledger(tmp_path / "a.xlsx"), progress=lambda f, _m: seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_contributor_sheet_overrides_row_names(ctx: AppContext, tmp_path: Path) -> None:
    rows = clean_rows()[:2]
    people = [["成果编号", "工号", "姓名", "贡献比例"],
              ["CG-2024-0001", "W9", "张伟", 0.25], ["CG-2024-0001", "W8", "周强", "75%"]]
    import_ledger(ctx, write_book(tmp_path / "p.xlsx", {"成果": rows, "完成人": people}))
    with ctx.read() as s:
        got = sorted((c.person.staff_no, c.person.name, c.share) for c in s.execute(
            select(M.Contribution)).scalars())
    assert got == [("W8", "周强", Decimal(75)), ("W9", "张伟", Decimal(25))]


def test_application_numbers_and_release_reason(ctx: AppContext, tmp_path: Path) -> None:
    rows = [["成果编号", "成果名称", "成果类型", "披露日期", "完成人", "状态", "放弃理由",
             "专利申请号"],
            ["C-1", "氢能催化剂", "发明专利", "2023-1-1", "甲", "保护中", None,
             "202410001234.5、PCT/CN2024/000123"],
            ["C-2", "旧材料", "技术秘密", "2020-1-1", "乙", "已放弃", "市场前景有限", None]]
    import_ledger(ctx, write_book(tmp_path / "ip.xlsx", {"成果": rows}))
    with ctx.read() as s:
        ips = sorted((i.application_no, i.jurisdiction, i.kind, i.status)
                     for i in s.execute(select(M.IPAsset)).scalars())
        released = s.execute(select(M.Achievement).where(M.Achievement.case_no == "C-2")
                             ).scalar_one()
        assert released.status == E.AchievementStatus.RELEASED
        assert released.release_reason == "市场前景有限"
    assert ips == [("202410001234.5", "CN", E.IPKind.INVENTION_PATENT, E.IPStatus.PENDING),
                   ("PCT/CN2024/000123", "PCT", E.IPKind.INVENTION_PATENT, E.IPStatus.PENDING)]
    assert _case(ctx, "C-1").status == E.AchievementStatus.PROTECTING


def test_staff_number_wins_over_a_differently_written_name(ctx: AppContext,
                                                          tmp_path: Path) -> None:
    known = make_person(ctx, name="张伟", staff_no="T001")
    people = [["成果编号", "工号", "姓名", "贡献比例"], ["CG-2024-0001", "T001", "张 伟", "100%"]]
    report = import_ledger(ctx, write_book(tmp_path / "p.xlsx", {"成果": clean_rows()[:2],
                                                                 "完成人": people}))
    assert [(p.where, p.rule) for p in report.notes] == [("完成人!C2", "DUP")]
    assert "T001" in report.notes[0].zh
    assert all(r.kind != "person" for r in report.new_records)
    with ctx.read() as s:
        assert [c.person_id for c in s.execute(select(M.Contribution)).scalars()] == [known.id]


def test_person_differing_by_spaces_or_full_width_is_pointed_out(ctx: AppContext,
                                                                  tmp_path: Path) -> None:
    make_person(ctx, name="张伟", staff_no="T001")
    make_person(ctx, name="Li Na", staff_no="T002")
    people = [["成果编号", "姓名", "贡献比例"], ["CG-2024-0001", "张 伟", "50%"],
              ["CG-2024-0001", "Ｌｉ Ｎａ", "50%"]]
    report = check_ledger(ctx, write_book(tmp_path / "p.xlsx", {"成果": clean_rows()[:2],
                                                                "完成人": people}))
    near = {r.name: r for r in report.new_records if r.kind == "person"}
    assert "T001" in near["张 伟"].near_zh and "spaces or full-width" in near["张 伟"].near_en
    assert "T002" in near["Ｌｉ Ｎａ"].near_zh


def test_company_known_under_another_code_is_pointed_out(ctx: AppContext,
                                                         tmp_path: Path) -> None:
    other = make_credit_code(random.Random(999))
    assert other != CODE_A
    make_company(ctx, name="北京清能科技有限公司", credit_code=other)
    report = check_ledger(ctx, clean_ledger(tmp_path / "a.xlsx"))
    new = {r.name: r for r in report.new_records if r.kind == "company"}
    assert "信用代码" in new["北京清能科技有限公司"].near_zh
    assert "credit code" in new["北京清能科技有限公司"].near_en
