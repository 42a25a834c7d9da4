"""Validation of a whole interchange document before anything is written.

Three passes: (1) the keys every record declares, so that duplicates and references can be
checked whatever the order of the document; (2) every record decoded and checked against the
data rules (R1 shares, R8 credit codes, R11 money and percentages, R12 date order) and its
references resolved inside the document; (3) the database: keys that already exist,
references to records that live only there (dbcheck). Every problem is collected with its
location (`achievements[12].contributors[1].share`); the import refuses if there is any.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

from ttdesk.core.base.errors import Problem, RuleViolation, ValidationFailed
from ttdesk.core.exchange.decode import Record, Ref, decode, decode_list, not_list, problem
from ttdesk.core.exchange.fields import BadValue, decode_value
from ttdesk.core.exchange.sections import (
    CALENDAR,
    DOCUMENT_KEYS,
    FORMAT,
    INSTITUTION,
    POLICY_VERSIONS,
    SPACES,
    SUBJECT,
    TOP,
    VERSION,
    Section,
)
from ttdesk.core.rules import policy
from ttdesk.core.rules.money import HUNDRED, check_shares_sum

MAX_PROBLEMS = 1000


@dataclass
class KeyInfo:
    where: str
    order: int   # position among the records of its key space (for "earlier" checks)
    index: int   # index in its top-level list


@dataclass
class Plan:
    """What validation learned, handed to the writer."""

    fresh: bool = False
    db_ids: dict[str, dict[Any, int]] = field(default_factory=lambda: defaultdict(dict))
    reused: dict[str, set[Any]] = field(default_factory=lambda: defaultdict(set))
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    notes: list[str] = field(default_factory=list)
    institution: Record | None = None
    policy: list[Record] = field(default_factory=list)
    calendar: list[Record] = field(default_factory=list)
    replace_deadlines: list[int] = field(default_factory=list)  # seeded ones, fresh database
    # masked personal values taken out of the document: (section, index) -> field names
    masked: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)


@dataclass
class State:
    """Pass results that the database checks need."""

    keys: dict[str, dict[Any, KeyInfo]] = field(default_factory=lambda: defaultdict(dict))
    pending: dict[str, list[Ref]] = field(default_factory=lambda: defaultdict(list))
    deal_signing: dict[str, date | None] = field(default_factory=dict)
    receipts_db_deal: list[tuple[str, date, str]] = field(default_factory=list)
    cap: dict[str, list[tuple[Decimal, str]]] = field(default_factory=lambda: defaultdict(list))
    dept_names: dict[str, str] = field(default_factory=dict)
    rule_keys: dict[tuple[Any, ...], str] = field(default_factory=dict)


def fail(problems: list[Problem]) -> ValidationFailed:
    if len(problems) > MAX_PROBLEMS:
        rest = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], Problem(
            "FORMAT", f"……另有 {rest} 个问题未列出", f"... and {rest} more problems not listed")]
    return ValidationFailed(problems)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_lone_surrogate(doc: Any) -> bool:
    """True when a string of the parsed document cannot be written as UTF-8 (a surrogate
    escape not part of a pair). Only run when the raw text holds such an escape."""
    try:
        json.dumps(doc, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def load_document(path: str | Path) -> dict[str, Any]:
    """Parse the file; refuse with a located message if it is not a JSON object."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise fail([problem("FORMAT", str(path), f"无法读取文件：{exc.strerror}",
                            f"cannot read the file: {exc.strerror}")]) from None
    except UnicodeDecodeError as exc:
        raise fail([problem("FORMAT", f"byte {exc.start}", "文件不是 UTF-8 编码",
                            "the file is not UTF-8 text")]) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail([problem("FORMAT", f"line {exc.lineno} column {exc.colno}",
                            f"不是有效的 JSON：{exc.msg}", f"not valid JSON: {exc.msg}")]) from None
    except RecursionError:
        raise fail([problem("FORMAT", "$", "文档嵌套过深，无法读取",
                            "the document is nested too deeply to read")]) from None
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(doc):
        raise fail([problem("FORMAT", "$", "文档含有孤立的 Unicode 代理字符（\\ud800 一类），"
                            "不是有效文本", "the document holds a lone Unicode surrogate "
                            "(\\ud800 and the like), which is not valid text")])
    if not isinstance(doc, dict):
        raise fail([problem("FORMAT", "$", "文档应为 JSON 对象",
                            "the document must be a JSON object")])
    return doc


def check_header(doc: dict[str, Any]) -> None:
    """Format name and version first: nothing else is worth reading if they are wrong."""
    problems = []
    if doc.get("format") != FORMAT:
        problems.append(problem("FORMAT", "format", f"不是 TT Desk 交换文件（应为“{FORMAT}”）",
                                f"not a TT Desk exchange document (expected {FORMAT!r})"))
    elif doc.get("version") != VERSION:
        problems.append(problem("FORMAT", "version",
                                f"不支持的格式版本 {doc.get('version')!r}（支持 {VERSION}）",
                                f"unsupported format version {doc.get('version')!r} "
                                f"(this TT Desk reads {VERSION})"))
    if problems:
        raise fail(problems)


class Checker:
    """Passes 1 and 2 over one document."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.state = State()
        self.plan = Plan()

    # -- pass 1: keys -------------------------------------------------------------------
    def _domain(self, sec: Section, path: str) -> str:
        return sec.space or path

    def _add_key(self, domain: str, key: Any, where: str, index: int) -> None:
        known = self.state.keys[domain]
        if key in known:
            self.problems.append(problem("DUP", where, f"与 {known[key].where} 重复：“{key}”",
                                         f"duplicate of {known[key].where}: {key!r}"))
        else:
            known[key] = KeyInfo(where, len(known), index)

    def _collect(self, sec: Section, items: Any, path: str, where: str, index: int) -> None:
        if not isinstance(items, list):
            return
        for j, raw in enumerate(items):
            at = f"{where}[{j}]"
            top = j if index < 0 else index
            if not isinstance(raw, dict):
                continue
            if sec.key and raw.get(sec.key) is not None:
                try:
                    k = decode_value(sec.field(sec.key), raw[sec.key])
                except BadValue:
                    k = None
                if k is not None:
                    self._add_key(self._domain(sec, path), k, f"{at}.{sec.key}", top)
            for child in sec.children:
                self._collect(child, raw.get(child.name), f"{path}.{child.name}",
                              f"{at}.{child.name}", top)

    # -- pass 2: records ------------------------------------------------------------------
    def _ref(self, ref: Ref, own_space: str | None, own_order: int | None) -> None:
        found = self.state.keys[ref.space].get(ref.key)
        if found is not None:
            if ref.space == own_space and own_order is not None and found.order >= own_order:
                self.problems.append(problem("REF", ref.where, "只能引用文件中靠前的记录",
                                             "must refer to a record earlier in the document"))
            return
        if SPACES[ref.space].column is None:
            self.problems.append(problem("REF", ref.where, f"文件中没有键为“{ref.key}”的记录",
                                         f"no record with key {ref.key!r} in the document"))
        else:
            self.state.pending[ref.space].append(ref)

    def _record(self, sec: Section, rec: Record, path: str) -> None:
        self.plan.counts[path] += 1
        own = None
        if sec.space and rec.key is not None:
            info = self.state.keys[sec.space].get(rec.key)
            own = info.order if info else None
        for ref in rec.refs.values():
            self._ref(ref, sec.space, own)
        for refs in rec.links.values():
            for ref in refs:
                self._ref(ref, None, None)
        rule = RULES.get(path) or (check_publicity if path.endswith("publicities") else None)
        if rule is not None:
            rule(self, rec)
        for child in sec.children:
            for c in rec.children.get(child.name, []):
                self._record(child, c, f"{path}.{child.name}")

    def _policy_values(self, rec: Record) -> None:
        """An imported policy version passes the settings page's validation (a team-share
        floor of -50 or publicity_days "fifteen" is refused, located)."""
        values = rec.values.get("values")
        where = f"{rec.where}.values"
        if not isinstance(values, dict):
            self.problems.append(problem("POLICY", where, "政策取值应为 JSON 对象",
                                         "the policy values must be a JSON object"))
            return
        unknown = sorted(set(values) - set(policy.DEFAULT_POLICY))
        if unknown:
            self.problems.append(problem("POLICY", where, f"未知的政策项：{unknown}",
                                         f"unknown policy keys: {unknown}"))
        try:
            policy.validate_values(dict(policy.DEFAULT_POLICY, **values))
        except ValidationFailed as exc:
            self.problems.extend(replace(p, where=where) for p in exc.problems)

    def _special(self) -> None:
        doc = self.doc
        if doc.get("institution") is not None:
            self.plan.institution = decode(INSTITUTION, doc["institution"], "institution",
                                           self.problems)
        pol = doc.get("policy")
        if pol is not None:
            if not isinstance(pol, dict) or set(pol) - {"versions"}:
                self.problems.append(problem("FORMAT", "policy", "应为 {\"versions\": [...]}",
                                             "expected {\"versions\": [...]}"))
            else:
                self.plan.policy = decode_list(POLICY_VERSIONS, pol.get("versions"),
                                               "policy.versions", self.problems)
                for rec in self.plan.policy:
                    self._policy_values(rec)
                self._collect(POLICY_VERSIONS, pol.get("versions"), "policy.versions",
                              "policy.versions", -1)
        self.plan.calendar = decode_list(CALENDAR, doc.get("calendar"), "calendar", self.problems)
        self._collect(CALENDAR, doc.get("calendar"), "calendar", "calendar", -1)

    def run(self) -> tuple[Plan, State]:
        for name in self.doc:
            if name not in DOCUMENT_KEYS:
                self.problems.append(problem("FORMAT", name, "未知的顶层字段",
                                             "unknown top-level field"))
        self._special()
        for sec in TOP:
            items = self.doc.get(sec.name)
            if items is not None and not isinstance(items, list):
                self.problems.append(not_list(sec.name, items))
                self.doc[sec.name] = None
            self._collect(sec, items, sec.name, sec.name, -1)
        for sec in TOP:
            for j, raw in enumerate(self.doc.get(sec.name) or []):
                rec = decode(sec, raw, f"{sec.name}[{j}]", self.problems)
                if rec is not None:
                    self._record(sec, rec, sec.name)
        return self.plan, self.state


# -- data rules -------------------------------------------------------------------------
def _rule_problem(exc: RuleViolation, where: str) -> Problem:
    p = exc.problems[0]
    return Problem(rule=p.rule, zh=p.zh, en=p.en, where=where)


def check_shares(ch: Checker, rec: Record) -> None:
    """R1: contributors' shares sum to exactly 100; one person appears once."""
    contributors = rec.children.get("contributors", [])
    seen: set[Any] = set()
    for c in contributors:
        ref = c.refs.get("person_id")
        if ref is not None and ref.key in seen:
            ch.problems.append(problem("DUP", ref.where, f"完成人“{ref.key}”重复",
                                       f"contributor {ref.key!r} listed twice"))
        elif ref is not None:
            seen.add(ref.key)
    shares = [c.values.get("share") for c in contributors]
    if contributors and all(s is not None for s in shares):
        try:
            check_shares_sum(shares)  # type: ignore[arg-type]
        except RuleViolation as exc:
            ch.problems.append(_rule_problem(exc, f"{rec.where}.contributors"))


def _ordered(ch: Checker, rec: Record, names: tuple[str, ...]) -> None:
    """R12: the dates in `names` that are present do not go backwards."""
    present = [(n, rec.values.get(n)) for n in names if rec.values.get(n) is not None]
    for (n1, d1), (n2, d2) in pairwise(present):
        if d2 < d1:
            ch.problems.append(problem(
                "R12", f"{rec.where}.{n2}", f"{n2}（{d2}）早于 {n1}（{d1}）",
                f"{n2} ({d2}) is before {n1} ({d1})"))


def check_ip_dates(ch: Checker, rec: Record) -> None:
    _ordered(ch, rec, ("filing_date", "publication_date", "grant_date"))


def check_deal(ch: Checker, rec: Record) -> None:
    _ordered(ch, rec, ("approval_date", "signing_date"))
    if rec.key is not None:
        ch.state.deal_signing[rec.key] = rec.values.get("signing_date")


def check_receipt(ch: Checker, rec: Record) -> None:
    """R12: money is received on or after the contract is signed."""
    ref, received = rec.refs.get("deal_id"), rec.values.get("received_on")
    if ref is None or received is None:
        return
    if ref.key not in ch.state.deal_signing:
        ch.state.receipts_db_deal.append((ref.key, received, f"{rec.where}.received_on"))
        return
    signed = ch.state.deal_signing[ref.key]
    if signed is not None and received < signed:
        ch.problems.append(receipt_too_early(f"{rec.where}.received_on", received, signed))


def receipt_too_early(where: str, received: date, signed: date) -> Problem:
    return problem("R12", where, f"收款日期 {received} 早于合同签订日期 {signed}",
                   f"received on {received}, before the contract was signed on {signed}")


def check_publicity(ch: Checker, rec: Record) -> None:
    _ordered(ch, rec, ("start_date", "end_date"))


def check_shareholding(ch: Checker, rec: Record) -> None:
    ref, pct = rec.refs.get("company_id"), rec.values.get("percentage")
    if ref is not None and pct is not None:
        ch.state.cap[ref.key].append((pct, f"{rec.where}.percentage"))


def cap_problem(code: str, total: Decimal, where: str) -> Problem:
    return problem("R11", where, f"企业 {code} 的持股比例合计 {total}%，超过 100%",
                   f"the shareholdings of company {code} add up to {total}%, over 100%")


def check_cap_tables(ch: Checker, existing: dict[str, Decimal]) -> None:
    """R11: a company's cap-table percentages sum to at most 100 (with those already stored)."""
    for code, rows in ch.state.cap.items():
        total = existing.get(code, Decimal(0)) + sum((p for p, _ in rows), Decimal(0))
        if total > HUNDRED:
            ch.problems.append(cap_problem(code, total, rows[-1][1]))


def check_equity_event(ch: Checker, rec: Record) -> None:
    """R11: the cap table recorded after an equity event sums to at most 100%."""
    rows = rec.children.get("positions", [])
    total = sum((p.values.get("percentage") or Decimal(0) for p in rows), Decimal(0))
    if total > HUNDRED:
        ch.problems.append(problem("R11", f"{rec.where}.positions",
                                   f"股权事件后的持股比例合计 {total}%，超过 100%",
                                   f"the cap table after the event adds up to {total}%, "
                                   "over 100%"))


def check_person(ch: Checker, rec: Record) -> None:
    seen: set[Any] = set()
    for it in rec.children.get("interests", []):
        ref = it.refs.get("company_id")
        if ref is not None and ref.key in seen:
            ch.problems.append(problem("DUP", ref.where, f"企业“{ref.key}”重复",
                                       f"company {ref.key!r} listed twice"))
        elif ref is not None:
            seen.add(ref.key)


def check_department(ch: Checker, rec: Record) -> None:
    name = rec.values.get("name")
    if name is None:
        return
    first = ch.state.dept_names.setdefault(name, rec.where)
    if first != rec.where:
        ch.problems.append(problem("DUP", f"{rec.where}.name", f"院系名称与 {first} 重复",
                                   f"department name duplicates {first}"))


def check_deadline(ch: Checker, rec: Record) -> None:
    """Rule keys are unique; "{subject}" in one stands for its subject's id."""
    rule_key = rec.values.get("rule_key")
    if not rule_key:
        return
    subject = rec.refs.get("subject_id")
    if SUBJECT in rule_key and subject is None:
        ch.problems.append(problem("REF", f"{rec.where}.rule_key",
                                   "“{subject}”须有对应的 subject_key",
                                   "\"{subject}\" needs a subject_key to stand for"))
    composite = (rule_key, subject.space, subject.key) if subject and SUBJECT in rule_key \
        else (rule_key,)
    first = ch.state.rule_keys.setdefault(composite, rec.where)
    if first != rec.where:
        ch.problems.append(problem("DUP", f"{rec.where}.rule_key", f"与 {first} 重复",
                                   f"duplicate of {first}"))


RULES = {
    "achievements": check_shares,
    "achievements.ip_assets": check_ip_dates,
    "deals": check_deal,
    "receipts": check_receipt,
    "shareholdings": check_shareholding,
    "equity_events": check_equity_event,
    "people": check_person,
    "departments": check_department,
    "deadlines": check_deadline,
}
