"""F10 open-licence offer (专利开放许可声明) for publication."""

from __future__ import annotations

from typing import Any

from ttdesk import codes as e
from ttdesk.filings import blocks as b
from ttdesk.filings.forms.common import Words, new_document, signatures


def _fee_lines(w: Words, d: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    if d.get("price"):
        out.append((w.tr("许可使用费", "Licence fee"), w.money_caps(d["price"])))
    if d.get("upfront_amount"):
        out.append((w.field("upfront_amount"), w.money(d["upfront_amount"])))
    if d.get("royalty_rate"):
        out.append((w.field("royalty_rate"), w.pct(d["royalty_rate"])))
        out.append((w.field("royalty_base"), w.text(d.get("royalty_base"))))
    if d.get("minimum_annual_royalty"):
        out.append((w.field("minimum_annual_royalty"), w.money(d["minimum_annual_royalty"])))
    out.append((w.tr("支付方式与标准", "Payment method and standard"),
                w.text(d.get("payment_terms"))))
    return out


def f10(snap: dict[str, Any], lang: str) -> b.Document:
    w = Words(lang)
    d, inst = snap["deal"], snap["institution"]
    doc = new_document(snap, "专利开放许可声明", "Open Licence Offer", d["deal_no"], lang)
    holder = inst.get("name") or ""
    doc.add(b.Para(w.tr(
        f"根据《中华人民共和国专利法》第五十条，专利权人{holder}自愿声明，愿意许可任何单位或者"
        "个人实施下列专利，并明确许可使用费支付方式和标准如下。任何单位或者个人有意愿实施的，"
        "以书面方式通知专利权人，并依照本声明支付许可使用费后，即获得专利实施许可。",
        f"Under Article 50 of the Patent Law, the patentee {holder} declares that it is "
        "willing to license anyone to exploit the patents below, on the fee terms stated. "
        "Whoever wishes to exploit them notifies the patentee in writing and pays the fee as "
        "stated, and thereby obtains the licence.")))
    doc.add(b.Heading(w.tr("一、开放许可的专利", "1. Patents offered")),
            b.Grid([w.field("kind"), w.field("application_no"), w.field("grant_no"),
                    w.field("status")],
                   [[w.code(e.IPKind, a["kind"]), a["application_no"],
                     w.text(a.get("grant_no")), w.code(e.IPStatus, a["status"])]
                    for a in snap["ip_assets"]], widths=[1.2, 2.2, 1.8, 1]))
    if snap["achievements"]:
        doc.add(b.Fields([(w.tr("涉及成果", "Achievements"),
                           "；".join(f"{a['case_no']} {a['title']}"
                                    for a in snap["achievements"]))], columns=1))
    doc.add(b.Heading(w.tr("二、许可使用费", "2. Fee terms")),
            b.Fields(_fee_lines(w, d), columns=1))
    doc.add(b.Heading(w.tr("三、许可期限", "3. Term")), b.Fields([
        (w.tr("自", "From"), w.date(snap.get("term_start"))),
        (w.tr("至", "To"), w.date(d.get("term_end"))),
        (w.tr("学校决定", "Decided by"),
         f"{w.text(d.get('approval_body'))} {w.date(d.get('approval_date'))}"),
        (w.field("deal_no"), d["deal_no"]),
    ], columns=2))
    doc.add(b.Note(w.tr(
        "开放许可实施期间，对本专利不得另行授予独占许可或者排他许可。联系地址："
        f"{w.text(inst.get('address'))}（{w.text(inst.get('tto_name'))}）。",
        "While the open licence runs, no exclusive or sole licence is granted on these "
        f"patents. Contact: {w.text(inst.get('tto_name'))}, {w.text(inst.get('address'))}.")))
    doc.add(signatures(snap, lang))
    return doc
