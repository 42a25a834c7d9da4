"""Small dialogs for the equity events of a company: capital increase (dilutes everyone
else), transfer, exit (proceeds of the state-owned share become a receipt), impairment and
dividend. Each OK is one `ttdesk.core.companies.equity` call; a refusal stays inline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ttdesk.codes import EmploymentStatus, HolderType
from ttdesk.core.base.context import AppContext
from ttdesk.core.companies import equity
from ttdesk.core.office import institution
from ttdesk.core.people.leaders import LeaderApproval
from ttdesk.core.views import money as money_views
from ttdesk.ui.kit.fields import date_edit, enum_combo
from ttdesk.ui.kit.forms import FormDialog, choice, money_edit, optional_date, text_edit
from ttdesk.ui.kit.table import money_text
from ttdesk.ui.masterdata.picker import EntityPicker

CTX = "EquityDialogs"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def _holder_fields(ctx: AppContext, d: FormDialog, lang: str, prefix: str = "",
                   default: HolderType =
                   HolderType.INVESTOR) -> None:
    d.add(f"{prefix}holder_type", tr("股东类型"), choice(HolderType, lang, default),
          (f"{prefix}holder_type",))
    d.add(f"{prefix}holder_name", tr("股东名称"), text_edit(), ("holder_name",))
    d.add(f"{prefix}staff_no", tr("团队成员"), EntityPicker(ctx, "person"), ("staff_no",))
    d.add(f"{prefix}employment_status", tr("创业方式"),
          enum_combo(EmploymentStatus, lang, blank=True), ("employment_status",))
    if not prefix:  # a team member holding a leading post: the approval record (R10)
        d.add("leader_approval_date", tr("领导人员持股报批/备案日期"),
              optional_date(None, ctx.today()), ("leader_approval",))
        d.add("leader_approval_body", tr("报批/备案机构"), text_edit())
        d.add("leader_approval_doc", tr("报批/备案文号"), text_edit())


def _approval(d: FormDialog) -> LeaderApproval | None:
    """The approval record typed with the holder, if any (all three are checked by the core)."""
    if "leader_approval_body" not in d.form.inputs:
        return None
    body, doc = d.value("leader_approval_body"), d.value("leader_approval_doc")
    if not (body or doc):
        return None
    return LeaderApproval(d.value("leader_approval_date"), str(body or ""),  # type: ignore[arg-type]
                          str(doc or ""))


def _holder(d: FormDialog, subscribed: object, paid: object = None,
            prefix: str = "") -> equity.HolderIn:
    return equity.HolderIn(
        d.value(f"{prefix}holder_type"), d.value(f"{prefix}holder_name"), subscribed, paid,
        d.value(f"{prefix}staff_no") or None, d.value(f"{prefix}employment_status"),
        d.value("state_owned") if "state_owned" in d.form.inputs else False,
        _approval(d) if not prefix else None)


def capital_increase_dialog(ctx: AppContext, credit_code: str,
                            parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> int:
        return equity.capital_increase(
            ctx, credit_code, d.value("happened_on"),
            [_holder(d, d.value("subscribed_capital"), d.value("paid_in_capital") or None)],
            d.value("amount") or None, d.value("note") or None)

    d = FormDialog(tr("增资扩股"), ctx.lang, submit, parent)
    d.add("happened_on", tr("日期"), date_edit(ctx.today()))
    _holder_fields(ctx, d, ctx.lang)
    d.add("subscribed_capital", tr("新增认缴出资"), money_edit())
    d.add("paid_in_capital", tr("其中实缴（空=全部实缴）"), money_edit())
    d.add("amount", tr("投资金额（含溢价，空=同认缴）"), money_edit())
    state = QCheckBox(tr("国有股权"))
    d.add("state_owned", tr("性质"), state)
    d.add("note", tr("备注"), text_edit(), ("holders",))
    return d


def transfer_dialog(ctx: AppContext, credit_code: str, seller: equity.Holding,
                    parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> int:
        assert seller.shareholding_id is not None
        return equity.transfer(ctx, credit_code, d.value("happened_on"),
                               seller.shareholding_id, d.value("capital"),
                               _holder(d, d.value("capital")), d.value("price") or None,
                               d.value("note") or None)

    d = FormDialog(tr("股权转让：") + seller.holder_name, ctx.lang, submit, parent)
    d.add("happened_on", tr("日期"), date_edit(ctx.today()))
    d.add("capital", tr("转让出资额（持有 %1）").replace(
        "%1", money_text(seller.subscribed_capital)), money_edit(seller.subscribed_capital))
    _holder_fields(ctx, d, ctx.lang)
    d.add("price", tr("转让价格"), money_edit())
    d.add("note", tr("备注"), text_edit())
    return d


def exit_dialog(ctx: AppContext, credit_code: str, seller: equity.Holding,
                parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> equity.ExitResult:
        assert seller.shareholding_id is not None
        return equity.exit_holding(ctx, credit_code, d.value("happened_on"),
                                   seller.shareholding_id, d.value("capital"),
                                   d.value("proceeds"), d.value("buyer_name") or None,
                                   note=d.value("note") or None)

    d = FormDialog(tr("股权退出：") + seller.holder_name, ctx.lang, submit, parent)
    d.add("happened_on", tr("日期"), date_edit(ctx.today()))
    d.add("capital", tr("退出出资额（持有 %1）").replace(
        "%1", money_text(seller.subscribed_capital)), money_edit(seller.subscribed_capital))
    d.add("proceeds", tr("退出所得"), money_edit())
    d.add("buyer_name", tr("受让方（空=公司回购减资）"), text_edit())
    d.add("note", tr("备注"), text_edit())
    return d


def impairment_dialog(ctx: AppContext, credit_code: str,
                      parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> int:
        return equity.impairment(ctx, credit_code, d.value("happened_on"), d.value("amount"),
                                 d.value("note") or None)

    d = FormDialog(tr("国有股权计提减值"), ctx.lang, submit, parent)
    d.add("happened_on", tr("日期"), date_edit(ctx.today()))
    d.add("amount", tr("减值金额"), money_edit())
    d.add("note", tr("备注"), text_edit())
    return d


def dividend_dialog(ctx: AppContext, credit_code: str,
                    parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> equity.ExitResult:
        return equity.dividend(ctx, credit_code, d.value("happened_on"), d.value("amount"),
                               note=d.value("note") or None)

    d = FormDialog(tr("国有股权分红"), ctx.lang, submit, parent)
    d.add("happened_on", tr("日期"), date_edit(ctx.today()))
    d.add("amount", tr("分红金额"), money_edit(), ("deal_no",))
    d.add("note", tr("备注"), text_edit())
    return d


HOLDER_COLUMNS = ("holder_type", "holder_name", "staff_no", "employment_status",
                  "subscribed_capital", "paid_in_capital", "leader_approval")


def _holder_table(ctx: AppContext, team: list[money_views.TeamMember], amc: str) -> QTableWidget:
    """One row per holder: the asset company, each team member, one blank investor row.
    Rows left without subscribed capital are not holders."""
    table = QTableWidget(0, len(HOLDER_COLUMNS))
    table.setObjectName("holders_table")
    table.setHorizontalHeaderLabels([tr("类型"), tr("名称"), tr("工号"), tr("创业方式"),
                                     tr("认缴出资"), tr("实缴（空=全部）"),
                                     tr("领导人员报批/备案（日期 机构 文号）")])
    rows = [(HolderType.INSTITUTION_AMC, amc, None), *(
        (HolderType.TEAM_MEMBER, m.name, m.staff_no) for m in team),
        (HolderType.INVESTOR, "", None)]
    for kind, name, staff_no in rows:
        r = table.rowCount()
        table.insertRow(r)
        table.setCellWidget(r, 0, choice(HolderType, ctx.lang, kind))
        table.setItem(r, 1, QTableWidgetItem(name))
        table.setItem(r, 2, QTableWidgetItem(staff_no or ""))
        status = enum_combo(EmploymentStatus, ctx.lang, blank=True)
        table.setCellWidget(r, 3, status)
        table.setItem(r, 6, QTableWidgetItem(""))
        for col in (4, 5):
            item = QTableWidgetItem("")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, col, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    for col, width in ((4, 120), (5, 120)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(col, width)
    table.setMinimumSize(860, 200)
    return table


def table_holders(table: QTableWidget) -> list[equity.HolderIn]:
    out = []
    for r in range(table.rowCount()):
        def text(col: int, row: int = r) -> str:
            item = table.item(row, col)
            return item.text().strip() if item else ""

        if not text(4):
            continue
        kind, status = table.cellWidget(r, 0), table.cellWidget(r, 3)
        assert isinstance(kind, QComboBox) and isinstance(status, QComboBox)
        out.append(equity.HolderIn(kind.currentData(), text(1), text(4), text(5) or None,
                                   text(2) or None, status.currentData(),
                                   leader_approval=approval_of(text(6))))
    return out


def approval_of(text: str) -> LeaderApproval | None:
    """"2026-03-10 校长办公会 校办发〔2026〕7号" → the record; an unreadable date is left for the
    core to refuse (it names the missing part)."""
    if not text:
        return None
    parts = [*text.split(maxsplit=2), "", ""]
    try:
        on = date.fromisoformat(parts[0])
    except ValueError:
        on = None
    return LeaderApproval(on, parts[1], parts[2])  # type: ignore[arg-type]


def formation_dialog(ctx: AppContext, company_id: int, credit_code: str,
                     parent: QWidget | None = None) -> FormDialog:
    """作价入股: the equity deal's achievements become the university's state-owned stake,
    beside the team's reward shares and investors."""
    deals = money_views.equity_deals_of(ctx, company_id)

    def submit(d: FormDialog) -> int:
        table = d.field("holders")
        assert isinstance(table, QTableWidget)
        return equity.form_company(ctx, d.value("deal_no") or "", credit_code,
                                   d.value("happened_on"), table_holders(table),
                                   d.value("note") or None)

    d = FormDialog(tr("作价入股"), ctx.lang, submit, parent)
    combo = QComboBox()
    for ref in deals:
        combo.addItem(f"{ref.deal_no} {ref.title} {money_text(ref.price)}", ref.deal_no)
    d.add("deal_no", tr("作价投资合同"), combo, ("status",))
    first = deals[0] if deals else None
    d.add("happened_on", tr("入股日期"), date_edit(ctx.today()))
    profile = institution.get_profile(ctx)
    amc = (profile.asset_company if profile else None) or tr("学校资产经营有限公司")
    team = money_views.deal_team(ctx, first.deal_no) if first else []
    d.add("holders", tr("出资人"), _holder_table(ctx, team, amc),
          ("holder_type", "holder_name", "subscribed_capital", "paid_in_capital",
           "staff_no", "employment_status", "allocations", "leader_approval"))
    d.add("note", tr("备注"), text_edit())
    d.setMinimumWidth(1000)
    return d
