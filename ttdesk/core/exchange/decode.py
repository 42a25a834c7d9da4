"""Document records → checked Python values, with every problem located.

`decode` is used twice by an import: once to validate the whole document (collecting every
problem) and once, record by record, to write it. Nothing decoded is kept between the two,
so a document of 100,000 cases does not sit in memory twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ttdesk.core.base.errors import Problem
from ttdesk.core.exchange.fields import BadValue, Kind, decode_value
from ttdesk.core.exchange.sections import Section, entity_space


@dataclass(slots=True)
class Ref:
    space: str
    key: Any
    where: str


@dataclass(slots=True)
class Record:
    where: str
    key: Any = None
    values: dict[str, Any] = field(default_factory=dict)   # column -> value
    refs: dict[str, Ref] = field(default_factory=dict)     # column -> reference
    children: dict[str, list[Record]] = field(default_factory=dict)
    links: dict[str, list[Ref]] = field(default_factory=dict)

    def canonical(self) -> tuple[Any, ...]:
        """Comparable form (locations left out): equal records mean the same data."""
        return (
            self.key,
            tuple(sorted((k, repr(v)) for k, v in self.values.items())),
            tuple(sorted((k, r.space, str(r.key)) for k, r in self.refs.items())),
            tuple(sorted((name, tuple(sorted(repr(c.canonical()) for c in recs)))
                         for name, recs in self.children.items())),
            tuple(sorted((name, tuple(sorted(str(r.key) for r in refs)))
                         for name, refs in self.links.items())),
        )


def problem(rule: str, where: str, zh: str, en: str) -> Problem:
    return Problem(rule=rule, zh=zh, en=en, where=where)


def not_object(where: str, raw: Any) -> Problem:
    return problem("FORMAT", where, f"应为 JSON 对象，实为 {type(raw).__name__}",
                   f"expected a JSON object, got {type(raw).__name__}")


def not_list(where: str, raw: Any) -> Problem:
    return problem("FORMAT", where, f"应为 JSON 数组，实为 {type(raw).__name__}",
                   f"expected a JSON array, got {type(raw).__name__}")


def _field(sec: Section, rec: Record, raw: dict[str, Any], f: Any,
           problems: list[Problem]) -> None:
    value = raw.get(f.name)
    if value is None:
        if f.required:
            problems.append(problem("FORMAT", f"{rec.where}.{f.name}", "缺少必填项",
                                    "required field missing"))
        elif f.kind not in (Kind.KEY, Kind.REF, Kind.ENTITY):
            rec.values[f.col] = f.default
        return
    if f.kind is Kind.ENTITY:
        _entity(rec, raw, f, value, f"{rec.where}.{f.name}", problems)
        return
    try:
        decoded = decode_value(f, value)
    except BadValue as exc:
        problems.append(exc.problem(f"{rec.where}.{f.name}"))
        return
    if f.kind is Kind.KEY:
        rec.key = decoded
    elif f.kind is Kind.REF:
        rec.refs[f.col] = Ref(f.space or "", decoded, f"{rec.where}.{f.name}")
    else:
        rec.values[f.col] = decoded
    if sec.key == f.name and f.kind is not Kind.KEY:
        rec.key = decoded


def _entity(rec: Record, raw: dict[str, Any], f: Any, value: Any, where: str,
            problems: list[Problem]) -> None:
    """A record of the type another field names (by its key), or a plain integer value
    for subject types that are not records (e.g. the year of an annual report)."""
    type_value = raw.get(f.space or "")
    space = entity_space(type_value if isinstance(type_value, str) else None)
    if space is None:
        if isinstance(value, int) and not isinstance(value, bool):
            rec.values[f.col] = value
        else:
            problems.append(problem("REF", where, f"“{type_value}”类对象须以整数值表示",
                                    f"a subject of type {type_value!r} is an integer value"))
        return
    try:
        rec.refs[f.col] = Ref(space, decode_value(f, value), where)
    except BadValue as exc:
        problems.append(exc.problem(where))


def _links(sec: Section, rec: Record, raw: dict[str, Any], problems: list[Problem]) -> None:
    for link in sec.links:
        where = f"{rec.where}.{link.name}"
        value = raw.get(link.name)
        if value is None:
            rec.links[link.name] = []
            continue
        if not isinstance(value, list):
            problems.append(not_list(where, value))
            continue
        refs: list[Ref] = []
        seen: set[str] = set()
        for j, item in enumerate(value):
            at = f"{where}[{j}]"
            if not isinstance(item, str) or not item:
                problems.append(problem("FORMAT", at, "应为非空文本",
                                        "expected a non-empty string"))
            elif item in seen:
                problems.append(problem("DUP", at, f"重复引用“{item}”", f"{item!r} listed twice"))
            else:
                seen.add(item)
                refs.append(Ref(link.space, item, at))
        rec.links[link.name] = refs


def _legacy(sec: Section, raw: dict[str, Any]) -> dict[str, Any]:
    """Documents written before schema 0009 flag a unit head (`is_unit_head`); the migration's
    rule carries it across: a unit head is a principal leader (domain.md §6)."""
    if sec.name == "people" and "is_unit_head" in raw and "leader_level" not in raw:
        out = {k: v for k, v in raw.items() if k != "is_unit_head"}
        out["leader_level"] = "principal" if raw["is_unit_head"] is True else "none"
        return out
    return raw


def decode(sec: Section, raw: Any, where: str, problems: list[Problem]) -> Record | None:
    """The record at `where`, or None when it is not even an object; problems are appended."""
    if not isinstance(raw, dict):
        problems.append(not_object(where, raw))
        return None
    raw = _legacy(sec, raw)
    rec = Record(where)
    known = {f.name for f in sec.fields} | {c.name for c in sec.children}
    known |= {lk.name for lk in sec.links}
    for name in raw:
        if name not in known:
            problems.append(problem("FORMAT", f"{where}.{name}", "未知字段（拼写错误？）",
                                    "unknown field (a typo?)"))
    for f in sec.fields:
        _field(sec, rec, raw, f, problems)
    _links(sec, rec, raw, problems)
    for child in sec.children:
        rec.children[child.name] = decode_list(child, raw.get(child.name),
                                               f"{where}.{child.name}", problems)
    return rec


def decode_list(sec: Section, raw: Any, where: str, problems: list[Problem]) -> list[Record]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(not_list(where, raw))
        return []
    out = []
    for j, item in enumerate(raw):
        rec = decode(sec, item, f"{where}[{j}]", problems)
        if rec is not None:
            out.append(rec)
    return out
