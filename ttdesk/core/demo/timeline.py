"""Planning of deals and rights grants: which mode, pricing and status each one has, and the
dated path it took to get there (ending at the demo's fixed "today" at the latest).

A status that is in progress (a deal in publicity, a grant under review) is anchored near
today; a finished one (completed, title changed) is placed anywhere after the disclosure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ttdesk.codes import COOPERATION_MODES, DealMode, DealStatus
from ttdesk.codes import AchievementStatus as A
from ttdesk.core.cases.follow import followed_status
from ttdesk.core.demo.cases import EARLIEST, Case
from ttdesk.core.demo.common import Gen, days

MODES = [m.value for m in DealMode]
MODE_WEIGHTS = [33, 9, 5, 10, 2, 5, 2, 1, 1, 17, 8, 9]
COOP = {m.value for m in COOPERATION_MODES}
NOT_COOP_MODES = [m for m in MODES if m not in COOP]
LICENSES = {"license_exclusive", "license_sole", "license_nonexclusive", "license_open"}

NEG = ["draft", "due_diligence", "approval", "in_publicity", "objection", "signed",
       "registered", "performing", "completed"]
EXCH = ["draft", "due_diligence", "approval", "signed", "registered", "performing",
        "completed"]
COOP_PATH = ["draft", "approval", "signed", "registered", "performing", "completed"]
SIGNED = ("signed", "registered", "performing", "completed")
ACTIVE_W = {"draft": 10, "due_diligence": 12, "approval": 14, "in_publicity": 8,
            "objection": 2, "signed": 6, "registered": 6, "performing": 10}
DONE_W = {"signed": 8, "registered": 12, "performing": 45, "completed": 35}
TERM_W = {"draft": 3, "due_diligence": 3, "approval": 3, "objection": 3, "signed": 1}
NEG_ONLY = {"in_publicity", "objection"}  # only a negotiated price is publicised
NOT_COOP = {"due_diligence", "in_publicity", "objection"}  # cooperation contracts skip these
# (earliest, latest) days before today at which the current stage began
WINDOW = {"draft": (0, 60), "due_diligence": (0, 75), "approval": (0, 45),
          "in_publicity": (0, 13), "objection": (2, 40), "signed": (0, 35),
          "registered": (0, 120)}
MEAN_PRICE = {"transfer": 460_000, "license_exclusive": 640_000, "license_sole": 640_000,
              "license_nonexclusive": 640_000, "license_open": 120_000, "equity": 9_500_000,
              "joint": 800_000,
              "self": 300_000, "other": 200_000, "development": 500_000,
              "consulting": 120_000, "service": 200_000}

GRANT_STATUSES = ["applied", "college_reviewed", "tto_reviewed", "in_publicity", "objection",
                  "approved", "agreement_signed", "title_changed", "rejected"]
GRANT_WEIGHTS = [8, 6, 6, 5, 2, 6, 25, 35, 7]
GRANT_WINDOW = {"applied": (0, 60), "college_reviewed": (0, 45), "tto_reviewed": (0, 30),
                "in_publicity": (0, 13), "objection": (2, 40), "approved": (0, 60)}


@dataclass(slots=True)
class DealPlan:
    case: Case
    mode: str
    pricing: str | None
    status: str
    reached: str
    t0: date = EARLIEST
    dates: dict[str, date] = field(default_factory=dict)
    price_fen: int | None = None
    republicised: bool = False
    counterparty: dict[str, Any] | None = None
    grant: Any = None
    appraisal_fen: int = 0
    appraisal_on: date | None = None
    equity: dict[str, Any] = field(default_factory=dict)
    extra_receipts: list[tuple[date, int, str]] = field(default_factory=list)
    id: int = 0
    deal_no: str = ""
    row: dict[str, Any] = field(default_factory=dict)

    @property
    def coop(self) -> bool:
        return self.mode in COOP

    @property
    def path(self) -> list[str]:
        if self.coop:
            return COOP_PATH
        return NEG if self.pricing == "negotiated" else EXCH

    def at_or_after(self, stage: str) -> bool:
        path = self.path
        return stage in path and path.index(self.reached) >= path.index(stage)

    @property
    def approved(self) -> bool:
        """Past the approval decision (R6 then applies)."""
        return "approved" in self.dates


@dataclass(slots=True)
class GrantPlan:
    case: Case
    status: str
    reached: str
    form: str
    dates: dict[str, date] = field(default_factory=dict)
    id: int = 0


def _offsets(g: Gen, plan: DealPlan) -> dict[str, int]:
    r = g.ri
    o = {"draft": 0}
    cur = 0
    if not plan.coop:
        cur += r(7, 30)
        o["due_diligence"] = cur
    cur += r(15, 60) if not plan.coop else r(7, 30)
    o["approval"] = cur
    cur += r(5, 25)
    o["approved"] = cur
    if plan.pricing == "negotiated" and not plan.coop:
        if plan.republicised:
            o["pub1_start"] = cur + r(1, 5)
            o["objection1"] = o["pub1_start"] + r(2, 10)
            o["resolved1"] = o["objection1"] + r(5, 20)
            cur = o["resolved1"] + r(3, 15)
            o["approved"] = cur
        cur += r(1, 7)
        o["in_publicity"] = cur
        o["objection"] = cur + r(1, 12)
        cur += _publicity_span(g) + r(1, 20)
    else:
        cur += r(20, 60) if not plan.coop else r(1, 15)
    o["signed"] = cur
    cur += r(3, 25)
    o["registered"] = cur
    cur += r(1, 30)
    o["performing"] = cur
    long = plan.mode in LICENSES or plan.mode in ("equity", "joint", "self")
    cur += r(180, 1500) if long else r(60, 500)
    o["completed"] = cur
    return o


def _publicity_span(g: Gen) -> int:
    """Calendar days certainly covering a publicity of the policy's length."""
    n = g.policy.publicity_days
    return n if g.policy.publicity_day_kind == "calendar" else 2 * n + 12


def _free(g: Gen, case: Case, latest: date) -> date:
    """A start date between 30 days after the disclosure and `latest`; moves the disclosure
    earlier when there is no room (a case found its buyer later than first thought)."""
    lo = case.disclosure + days(30)
    t0 = g.between(lo, latest) if latest > lo else latest
    if t0 < lo:
        case.disclosure = max(EARLIEST, t0 - days(g.ri(30, 200)))
    return t0


def _place(g: Gen, case: Case, offsets: dict[str, int], stage: str) -> date:
    """t0 of a deal or grant whose `stage` is current (anchored) or done (free)."""
    window = WINDOW.get(stage) or GRANT_WINDOW.get(stage)
    if window is None:
        return _free(g, case, g.today - days(offsets[stage]))
    t0 = g.today - days(g.ri(*window) + offsets[stage])
    if t0 < case.disclosure + days(30):
        case.disclosure = max(EARLIEST, t0 - days(g.ri(30, 200)))
    return t0


def _stage(g: Gen, status: str) -> str:
    """The stage a planned deal has reached ("active", "done", "terminated" are drawn so
    that every status appears early)."""
    if status == "active":
        return g.cover.pick("deal_active", list(ACTIVE_W), list(ACTIVE_W.values()))
    if status == "done":
        return g.cover.pick("deal_done", list(DONE_W), list(DONE_W.values()))
    if status == "terminated":
        return g.cover.pick("deal_terminated", list(TERM_W), list(TERM_W.values()))
    return status


def _mode(g: Gen, stage: str) -> str:
    mode = g.cover.pick("mode", MODES, MODE_WEIGHTS)
    if stage in NOT_COOP and mode in COOP:
        g.cover.put_back("mode", mode)  # keep it for the next deal
        mode = g.cover.pick("mode_not_coop", NOT_COOP_MODES,
                            [w for m, w in zip(MODES, MODE_WEIGHTS, strict=True)
                             if m not in COOP])
    return mode


def plan_deal(g: Gen, case: Case, status: str, mode: str | None = None) -> DealPlan:
    stage = _stage(g, status)
    if mode is None and status == "done" and g.cover.needs("signed_equity"):
        mode = "equity"  # even a small demo shows a spin-off with its cap table and events
        g.cover.mark("signed_equity")
    if mode is None:
        mode = _mode(g, stage)
    elif mode in COOP and stage in NOT_COOP:
        g.cover.put_back(f"deal_{status}", stage)  # keep it for the next deal
        stage = "approval"
    pricing = None
    if mode not in COOP:
        pricing = "negotiated" if mode == "equity" or stage in NEG_ONLY else g.cover.pick(
            "pricing", ["negotiated", "listing", "auction"], [78, 15, 7])
    plan = DealPlan(case=case, mode=mode, pricing=pricing,
                    status="terminated" if status == "terminated" else stage, reached=stage)
    plan.republicised = (pricing == "negotiated" and not plan.coop and plan.at_or_after(
        "signed") and (g.cover.needs("republicised") or g.rng.random() < 0.05))
    if plan.republicised:
        g.cover.mark("republicised")  # an objection dismissed, re-approved, publicised again
    _date_plan(g, plan)
    if plan.at_or_after("approval") or g.rng.random() < 0.5:
        plan.price_fen = g.lognormal_fen(MEAN_PRICE[mode], 2.1,
                                         300_000 if mode == "equity" else 5_000, 5e8)
    return plan


def _date_plan(g: Gen, plan: DealPlan) -> None:
    o = _offsets(g, plan)
    stage = plan.reached
    if plan.status == "terminated":
        t0 = _free(g, plan.case, g.today - days(o[stage] + g.ri(20, 200)))
    else:
        t0 = _place(g, plan.case, o, stage)
    plan.t0 = t0
    path = plan.path
    keys = set(path[:path.index(stage) + 1])
    if stage != "objection":
        keys.discard("objection")  # an objection is a detour, not a step every deal takes
    if stage not in ("draft", "due_diligence", "approval"):
        keys.add("approved")
    if plan.republicised:
        keys.update(("pub1_start", "objection1", "resolved1"))
    plan.dates = {key: t0 + days(off) for key, off in o.items() if key in keys}
    if plan.status == "terminated":
        end = max(plan.dates.values()) + days(g.ri(10, 60))
        plan.dates["terminated"] = min(end, g.today)
    plan.case.touch(max(plan.dates.values()))


def plan_case_deals(g: Gen, case: Case) -> None:
    """Deals of a case, consistent with its status (about 0.3 per case overall)."""
    rng = g.rng
    if case.status == A.CONVERTING and case.secrecy == "secret_or_security" and g.cover.needs(
            "secret_signed"):
        g.cover.mark("secret_signed")  # recently signed: shows the R9 approval and MOF filing
        case.deals.append(plan_deal(g, case, "signed"))
    elif case.status == A.CONVERTING:
        case.deals.append(plan_deal(g, case, "active"))
        if rng.random() < 0.05:
            case.deals.append(plan_deal(g, case, "terminated"))
    elif case.status == A.CONVERTED:
        case.deals.append(plan_deal(g, case, "done"))
        if rng.random() < 0.12:
            case.deals.append(plan_deal(g, case, g.one(["done", "active"]),
                                        g.one(["license_nonexclusive", "development",
                                                      "service", "consulting"])))
    elif case.status == A.ARCHIVED and rng.random() < 0.6:
        case.deals.append(plan_deal(g, case, "completed"))
    elif case.status == A.MARKETING and rng.random() < 0.07:
        case.deals.append(plan_deal(g, case, "terminated"))
    # the case follows its deals (domain.md §6): e.g. converting with its only deal signed
    # is converted
    goal = followed_status(case.status, [DealStatus(d.status) for d in case.deals])
    if goal is not None:
        case.status = goal
    signed = [d.dates["signed"] for d in case.deals if "signed" in d.dates
              and d.status != "terminated"]
    case.converted_on = min(signed) if signed else None
    case.equity_team = any(d.mode == "equity" for d in case.deals)


# -- rights grants ------------------------------------------------------------------------

def _grant_offsets(g: Gen) -> dict[str, int]:
    r = g.ri
    o = {"applied": 0}
    o["college_reviewed"] = r(7, 30)
    o["tto_reviewed"] = o["college_reviewed"] + r(7, 30)
    o["in_publicity"] = o["tto_reviewed"] + r(1, 10)
    o["objection"] = o["in_publicity"] + r(1, 10)
    o["approved"] = o["in_publicity"] + _publicity_span(g) + r(1, 10)
    o["agreement_signed"] = o["approved"] + r(5, 30)
    o["title_changed"] = o["agreement_signed"] + r(20, 90)
    return o


def plan_grant(g: Gen, case: Case) -> GrantPlan | None:
    """A rights grant (赋权) for about 3% of cases; never for secret/security ones (R3)."""
    rate = 0.25 if g.cover.remaining("grant_status") else 0.06  # every status, even if small
    if case.secrecy == "secret_or_security" or case.status not in (
            A.MARKETING, A.CONVERTING, A.CONVERTED) or g.rng.random() > rate:
        return None
    status = g.cover.pick("grant_status", GRANT_STATUSES, GRANT_WEIGHTS)
    reached = status
    if status == "rejected":
        reached = g.cover.pick("grant_rejected_at", ["applied", "college_reviewed",
                                                     "tto_reviewed", "objection"], [1, 1, 1, 1])
    form = g.cover.pick("grant_form", ["co_ownership", "long_term_use"], [60, 40])
    plan = GrantPlan(case=case, status=status, reached=reached, form=form)
    o = _grant_offsets(g)
    deal = next((d for d in case.deals if "approved" in d.dates or "approval" in d.dates),
                None)
    if status in GRANT_WINDOW:
        t0 = _place(g, case, o, status)
    else:
        latest = g.today - days(o[reached] + (g.ri(10, 90) if status == "rejected"
                                              else 0))
        if deal is not None and status in ("agreement_signed", "title_changed"):
            latest = min(latest, deal.t0 - days(o["agreement_signed"] + g.ri(1, 30)))
        t0 = _free(g, case, latest)
        if deal is not None and status in ("agreement_signed", "title_changed") \
                and t0 + days(o["agreement_signed"]) < deal.t0:
            deal.grant = plan
    order = GRANT_STATUSES[:8]
    top = order.index(reached)
    for stage in order[:top + 1]:
        if stage == "objection" and reached != "objection":
            continue
        plan.dates[stage] = t0 + days(o[stage])
    if status == "rejected":
        plan.dates["rejected"] = min(g.today, max(plan.dates.values())
                                     + days(g.ri(5, 40)))
    if "title_changed" in plan.dates and plan.dates["title_changed"] > g.today:
        plan.dates["title_changed"] = g.today
    case.touch(max(plan.dates.values()))
    return plan
