"""The disclosure form (披露): the case's own fields and its contributors, with inline errors.

Shared by the new-disclosure dialog and the case page's 披露 tab. Values go out as the
service's input (`DisclosureIn`, or an `update` change set); refusals come back through
`FieldForm.show_error`, each message under the field it names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ttdesk.codes import (
    AchievementKind,
    AchievementSource,
    DealMode,
    FunderType,
    ResearchStage,
    Secrecy,
)
from ttdesk.core.base.context import AppContext
from ttdesk.core.cases.achievements import DisclosureIn, FundingIn
from ttdesk.core.views.case_detail import CaseDetail
from ttdesk.ui.case.choices import choices
from ttdesk.ui.case.contributors import ContributorsEditor
from ttdesk.ui.kit.fields import (
    FieldForm,
    date_edit,
    enum_combo,
    fill,
    pairs_combo,
    searchable,
    widget_value,
)

# Fields of the case itself, in form order (the names the services use).
CASE_FIELDS = ("title", "title_en", "kind", "department", "disclosure_date", "field", "trl",
               "research_stage", "secrecy", "public_interest", "source", "intended_mode",
               "officer", "tags", "abstract")
OPTIONAL_TEXT = ("title_en", "field", "intended_mode", "officer", "tags", "abstract")


class DisclosureForm(FieldForm):
    """Case fields + contributors (+ funding for a new disclosure)."""

    def __init__(self, ctx: AppContext, with_funding: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        lists = choices(ctx)
        title = self.add("title", self.tr("成果名称"), QLineEdit())
        title.setMaxLength(300)
        self.add("title_en", self.tr("英文名称"), QLineEdit())
        self.add("kind", self.tr("成果类型"), enum_combo(AchievementKind, lang))
        self.add("department", self.tr("所属单位"),
                 pairs_combo([(n, n) for _c, n in lists.departments], blank=True))
        self.add("disclosure_date", self.tr("披露日期"), date_edit(ctx.today()))
        self.add("field", self.tr("技术领域"), QLineEdit())
        trl = QSpinBox()
        trl.setRange(0, 9)
        trl.setSpecialValueText("—")
        self.add("trl", self.tr("技术成熟度（TRL）"), trl)
        self.add("research_stage", self.tr("研究阶段"), enum_combo(ResearchStage, lang))
        self.add("secrecy", self.tr("密级"), enum_combo(Secrecy, lang))
        public = self.add("public_interest", self.tr("关系国计民生和重大公共利益"), QCheckBox())
        public.setToolTip(self.tr("列入赋权负面清单：此类成果不得赋权"))
        self.add("source", self.tr("来源"), enum_combo(AchievementSource, lang))
        self.add("intended_mode", self.tr("拟转化方式"), enum_combo(DealMode, lang, blank=True))
        # the officer picker: type part of a name to find the user
        self.add("officer", self.tr("经办人"),
                 searchable(pairs_combo(lists.officers, blank=True)))
        self.add("tags", self.tr("标签"), QLineEdit())
        abstract = QPlainTextEdit()
        abstract.setTabChangesFocus(True)
        abstract.setFixedHeight(80)
        self.add("abstract", self.tr("摘要"), abstract)
        self.contributors = ContributorsEditor(ctx)
        self.add("contributors", self.tr("完成人"), self.contributors,
                 aliases=("share", "staff_no", "role"))
        self.with_funding = with_funding
        if with_funding:
            self.add("programme", self.tr("经费来源（项目）"), QLineEdit(), aliases=("funding",))
            self.add("funder_type", self.tr("资助类型"), enum_combo(FunderType, lang))
            self.add("project_no", self.tr("项目编号"), QLineEdit())
            self.add("no_funding", self.tr("无经费来源（明确声明）"), QCheckBox())

    # ---- values -------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, w in self.inputs.items():
            if w is self.contributors:
                out[name] = tuple(self.contributors.rows())
            else:
                out[name] = widget_value(w)
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the form; the officer may be given by username or by display name."""
        fill(self, {k: v for k, v in values.items() if k not in ("contributors", "officer")})
        if "officer" in values:
            combo = self.inputs["officer"]
            assert isinstance(combo, QComboBox)
            index = combo.findData(values["officer"])
            if index < 0 and values["officer"]:
                index = combo.findText(str(values["officer"]))
            combo.setCurrentIndex(max(index, 0))
        if "contributors" in values:
            self.contributors.set_rows(values["contributors"], values.get("contributor_names"))

    def case_changes(self) -> dict[str, Any]:
        """The case's fields as `achievements.update` takes them."""
        v = self.values()
        out = {k: v[k] for k in CASE_FIELDS}
        out["trl"] = v["trl"] or None
        for key in OPTIONAL_TEXT:
            out[key] = out[key] or None
        return out

    def disclosure_in(self) -> DisclosureIn:
        """The whole form as a new disclosure."""
        ch = self.case_changes()
        v = self.values()
        funding = []
        if self.with_funding and v.get("programme"):
            funding.append(FundingIn(str(v["programme"]), str(v["funder_type"]),
                                     str(v["project_no"]) or None))
        return DisclosureIn(
            title=ch["title"], kind=ch["kind"], department=ch["department"] or "",
            disclosure_date=ch["disclosure_date"], contributors=self.contributors.items(),
            funding=funding, no_funding=bool(v.get("no_funding")), title_en=ch["title_en"],
            field=ch["field"], abstract=ch["abstract"], trl=ch["trl"],
            research_stage=ch["research_stage"], secrecy=ch["secrecy"], source=ch["source"],
            public_interest=bool(ch["public_interest"]), intended_mode=ch["intended_mode"],
            officer=ch["officer"], tags=ch["tags"])


def detail_values(c: CaseDetail) -> dict[str, Any]:
    """A case's detail as the form's values (department and officer by their shown names)."""
    return {
        "title": c.title, "title_en": c.title_en, "kind": c.kind.value,
        "department": c.department, "disclosure_date": c.disclosure_date, "field": c.field,
        "trl": c.trl or 0, "research_stage": c.research_stage.value,
        "secrecy": c.secrecy.value, "public_interest": c.public_interest,
        "source": c.source.value,
        "intended_mode": c.intended_mode, "officer": c.officer, "tags": c.tags,
        "abstract": c.abstract,
        "contributors": tuple((x.staff_no, format(x.share.normalize(), "f"), x.role.value)
                              for x in c.contributors),
        "contributor_names": tuple(x.name for x in c.contributors),
    }
