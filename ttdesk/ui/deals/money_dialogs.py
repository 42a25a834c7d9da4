"""The input dialogs of a deal's money: payment terms, milestones, receipts, costs, reversals,
royalty reports and the distribution's approval / publicity / payment. Each builds a
`FormDialog` whose OK calls one core service (one unit of work)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from ttdesk.codes import CostCategory, ReceiptKind
from ttdesk.core.base.context import AppContext
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import payments, receipts, royalty
from ttdesk.ui.kit.fields import date_edit, set_combo
from ttdesk.ui.kit.forms import FormDialog, choice, money_edit, optional_date, text_edit
from ttdesk.ui.kit.table import money_text

CTX = "DealMoney"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def terms_dialog(ctx: AppContext, t: payments.PaymentTerms,
                 parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> int:
        period = d.field("royalty_period_months")
        assert isinstance(period, QComboBox)
        return payments.set_terms(ctx, t.deal_no, payments.PaymentTermsIn(
            upfront_amount=d.value("upfront_amount"), royalty_rate=d.value("royalty_rate"),
            royalty_base=d.value("royalty_base"),
            minimum_annual_royalty=d.value("minimum_annual_royalty"),
            royalty_period_months=period.currentData(),
            deferred_payment=d.value("deferred_payment"),
            deferred_trigger=d.value("deferred_trigger"),
            deferred_review_date=d.value("deferred_review_date"),
            payment_terms=d.value("payment_terms")), t.version)

    d = FormDialog(tr("付款条款") + f" — {t.deal_no}", ctx.lang, submit, parent)
    d.add("upfront_amount", tr("首付款（入门费）"), money_edit(t.upfront_amount))
    rate = text_edit("" if t.royalty_rate is None else format(t.royalty_rate.normalize(), "f"))
    rate.setPlaceholderText("%")
    d.add("royalty_rate", tr("提成费率 %"), rate)
    d.add("royalty_base", tr("提成基数"), text_edit(t.royalty_base))
    d.add("minimum_annual_royalty", tr("年度最低提成"), money_edit(t.minimum_annual_royalty))
    period = QComboBox()
    period.addItem("", None)
    for months in payments.PERIODS:
        period.addItem(tr("%1 个月").replace("%1", str(months)), months)
    set_combo(period, t.royalty_period_months)
    d.add("royalty_period_months", tr("提成结算周期"), period)
    deferred = QCheckBox(tr("先使用后付费"))
    deferred.setChecked(t.deferred_payment)
    d.add("deferred_payment", tr("付费方式"), deferred)
    d.add("deferred_trigger", tr("付费触发条件"), text_edit(t.deferred_trigger))
    d.add("deferred_review_date", tr("触发条件复核日期"),
          optional_date(t.deferred_review_date, ctx.today()))
    d.add("payment_terms", tr("其他付款约定"), text_edit(t.payment_terms))
    return d


def milestone_dialog(ctx: AppContext, deal_no: str, row: payments.MilestoneRow | None = None,
                     parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> object:
        m = payments.MilestoneIn(d.value("title"), d.value("amount"), d.value("due_date"),
                                 d.value("trigger"), d.value("note"))
        if row is None:
            return payments.add_milestone(ctx, deal_no, m)
        payments.update_milestone(ctx, row.id, m)
        return row.id

    d = FormDialog(tr("付款节点"), ctx.lang, submit, parent)
    d.add("title", tr("节点名称"), text_edit(row.title if row else None))
    d.add("amount", tr("金额"), money_edit(row.amount if row else None))
    d.add("due_date", tr("应付日期"), optional_date(row.due_date if row else None, ctx.today()))
    d.add("trigger", tr("付款条件"), text_edit(row.trigger if row else None))
    d.add("note", tr("备注"), text_edit(row.note if row else None))
    return d


def _pairs_combo(pairs: list[tuple[int, str]], current: int | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem("", None)
    for key, text in pairs:
        combo.addItem(text, key)
    set_combo(combo, current)
    return combo


def receipt_dialog(ctx: AppContext, deal_no: str, terms: payments.PaymentTerms,
                   reports: list[royalty.RoyaltyLine], row: receipts.ReceiptRow | None = None,
                   equity: bool = False, parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> int:
        r = receipts.ReceiptIn(deal_no, d.value("received_on"), d.value("amount"),
                               d.value("kind"), d.value("invoice_no"), d.value("sales_base"),
                               d.value("milestone_id"), d.value("royalty_report_id"),
                               d.value("note"))
        if row is None:
            return receipts.add_receipt(ctx, r)
        receipts.update_receipt(ctx, row.id, r)
        return row.id

    kinds = None if equity else [k for k in ReceiptKind if k not in receipts.EQUITY_KINDS]
    d = FormDialog(tr("收款") if row is None else tr("修改收款") + f" #{row.id}", ctx.lang,
                   submit, parent)
    d.add("received_on", tr("收款日期"), date_edit(row.received_on if row else ctx.today()))
    d.add("amount", tr("金额"), money_edit(row.amount if row else None))
    d.add("kind", tr("类型"), choice(ReceiptKind, ctx.lang, row.kind if row else None, kinds))
    d.add("invoice_no", tr("发票号"), text_edit(row.invoice_no if row else None))
    d.add("milestone_id", tr("付款节点"), _pairs_combo(
        [(m.id, f"{m.seq}. {m.title} {money_text(m.amount)}") for m in terms.milestones],
        row.milestone_id if row else None))
    d.add("royalty_report_id", tr("提成报告"), _pairs_combo(
        [(x.report_id, f"{x.period_start}～{x.period_end}") for x in reports],
        row.royalty_report_id if row else None))
    d.add("sales_base", tr("销售额（提成基数）"), money_edit(row.sales_base if row else None))
    d.add("note", tr("备注"), text_edit(row.note if row else None))
    return d


def cost_dialog(ctx: AppContext, deal_no: str, row: receipts.CostRow | None = None,
                parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> int:
        c = receipts.CostIn(d.value("incurred_on"), d.value("amount"), d.value("category"),
                            deal_no=deal_no, note=d.value("note"))
        if row is None:
            return receipts.add_cost(ctx, c)
        receipts.update_cost(ctx, row.id, c)
        return row.id

    d = FormDialog(tr("费用") if row is None else tr("修改费用") + f" #{row.id}", ctx.lang,
                   submit, parent)
    d.add("incurred_on", tr("日期"), date_edit(row.incurred_on if row else ctx.today()))
    d.add("amount", tr("金额"), money_edit(row.amount if row else None))
    d.add("category", tr("类别"), choice(CostCategory, ctx.lang, row.category if row else None))
    d.add("note", tr("备注"), text_edit(row.note if row else None))
    return d


def reverse_dialog(ctx: AppContext, what: str, row_id: int, amount_text: str,
                   parent: QWidget | None = None) -> FormDialog:
    """Undo a receipt (`what` = "receipt") or a cost with a reversing entry and a reason."""
    def submit(d: FormDialog) -> int:
        undo = receipts.reverse_receipt if what == "receipt" else receipts.reverse_cost
        return undo(ctx, row_id, d.value("on"), d.value("reason"))

    title = tr("冲销收款") if what == "receipt" else tr("冲销费用")
    d = FormDialog(f"{title} #{row_id} {amount_text}", ctx.lang, submit, parent)
    d.add("on", tr("冲销日期"), date_edit(ctx.today()), ("incurred_on", "received_on"))
    d.add("reason", tr("冲销原因"), text_edit())
    return d


def report_dialog(ctx: AppContext, deal_no: str, parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> int:
        return royalty.add_report(ctx, royalty.RoyaltyReportIn(
            deal_no, d.value("period_start"), d.value("period_end"), d.value("sales_base"),
            d.value("reported_on"), d.value("reported_royalty"), d.value("note")))

    d = FormDialog(tr("登记被许可方提成报告"), ctx.lang, submit, parent)
    d.add("period_start", tr("期间开始"), date_edit(ctx.today()))
    d.add("period_end", tr("期间结束"), date_edit(ctx.today()))
    d.add("sales_base", tr("报告销售额"), money_edit())
    d.add("reported_on", tr("报告日期"), optional_date(None, ctx.today()))
    d.add("reported_royalty", tr("报告提成额"), money_edit())
    d.add("note", tr("备注"), text_edit())
    return d


def approve_dialog(ctx: AppContext, s: dist.DistributionSummary,
                   parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> None:
        dist.approve(ctx, s.id, d.value("approval_date"), d.value("approval_body"))

    d = FormDialog(tr("批准收益分配") + f" #{s.id}", ctx.lang, submit, parent)
    d.add("approval_date", tr("批准日期"), date_edit(ctx.today()))
    d.add("approval_body", tr("审批机构"), text_edit(tr("技术转移中心")))
    return d


def publicity_dialog(ctx: AppContext, s: dist.DistributionSummary,
                     parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> date:
        return dist.start_publicity(ctx, s.id, d.value("start_date"), d.value("channel"))

    d = FormDialog(tr("奖励公示") + f" #{s.id}", ctx.lang, submit, parent)
    d.add("start_date", tr("公示开始日期"), date_edit(ctx.today()))
    d.add("channel", tr("公示渠道"), text_edit(tr("学校信息公开网")))
    return d


def payment_dialog(ctx: AppContext, s: dist.DistributionSummary,
                   parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> list:
        return dist.record_payment(ctx, s.id, d.value("payment_date"))

    d = FormDialog(tr("登记奖励发放") + f" #{s.id}", ctx.lang, submit, parent)
    d.add("payment_date", tr("发放日期"), date_edit(ctx.today()), ("publicity",))
    return d


def objection_dialog(ctx: AppContext, s: dist.DistributionSummary,
                     parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> None:
        dist.object_to_publicity(ctx, s.id, d.value("raised_by"), d.value("on"),
                                 d.value("content"))

    d = FormDialog(tr("登记公示异议") + f" #{s.id}", ctx.lang, submit, parent)
    d.add("raised_by", tr("异议人"), text_edit(), ("publicity",))
    d.add("on", tr("提出日期"), date_edit(ctx.today()), ("raised_on",))
    d.add("content", tr("异议内容"), text_edit())
    return d


def resolve_dialog(ctx: AppContext, s: dist.DistributionSummary,
                   parent: QWidget | None = None) -> FormDialog:
    def submit(d: FormDialog) -> None:
        dist.resolve_objection(ctx, s.id, d.value("resolution"), d.value("on"),
                               d.value("upheld"))

    d = FormDialog(tr("处理公示异议") + f" #{s.id}", ctx.lang, submit, parent)
    d.add("resolution", tr("处理结果"), text_edit(), ("publicity",))
    d.add("on", tr("处理日期"), date_edit(ctx.today()), ("resolved_on",))
    d.add("upheld", tr("异议成立"), QCheckBox(tr("成立（公示终止，不能按公示发放）")))
    return d
