"""The named status sets of `statemachine` agree with the machines, and no module of the app
restates a set of statuses of its own (services, views and widgets ask the named sets)."""

from __future__ import annotations

import ast
from pathlib import Path

from ttdesk.codes import AchievementStatus as A
from ttdesk.codes import DealStatus as D
from ttdesk.codes import DistributionStatus as M
from ttdesk.codes import GrantStatus as G
from ttdesk.core.rules import statemachine as sm

ROOT = Path(__file__).resolve().parents[3] / "ttdesk"
# the machines themselves, and generators / vocabularies that list statuses as data
EXEMPT = {"core/rules/statemachine.py", "codes.py", "core/base/labels/code_words.py"}
EXEMPT_DIRS = ("core/demo/", "db/")
STATUS_CLASSES = {"AchievementStatus", "DealStatus", "GrantStatus", "DistributionStatus"}


def _reachable(table: sm.Table, start: object) -> set[object]:
    seen, todo = set(), [start]
    while todo:
        s = todo.pop()
        for t in table.get(s, frozenset()):  # type: ignore[call-overload]
            if t not in seen:
                seen.add(t)
                todo.append(t)
    return seen


def test_the_sets_follow_the_machines() -> None:
    signed_on = _reachable(sm.DEAL, D.SIGNED) | {D.SIGNED}
    assert signed_on - {D.TERMINATED} == sm.DEAL_SIGNED_OR_LATER
    assert {s for s in D if not sm.DEAL.get(s)} == sm.DEAL_CLOSED
    assert set(D) - sm.DEAL_CLOSED == sm.DEAL_ACTIVE
    assert sm.DEAL_SIGNED_OR_LATER | {D.TERMINATED} == sm.DEAL_TAKES_RECEIPTS
    assert set(sm.DEAL_ORDER[:sm.DEAL_ORDER.index(D.IN_PUBLICITY)]) == sm.DEAL_BEFORE_APPROVAL
    assert set(D) - sm.DEAL_BEFORE_APPROVAL - {D.TERMINATED} == sm.DEAL_APPROVED_OR_LATER
    assert _reachable(sm.GRANT, G.APPROVED) == sm.GRANT_EXERCISABLE
    assert {G.IN_PUBLICITY, *sm.GRANT[G.IN_PUBLICITY]} - {G.APPROVED} == sm.GRANT_IN_PUBLICITY
    decided = (_reachable(sm.DISTRIBUTION, M.APPROVED) | {M.APPROVED}) - {M.DRAFT}
    assert decided == sm.DISTRIBUTION_DECIDED
    assert {s for s in A if sm.ACHIEVEMENT.get(s)} == sm.CASE_OPEN


def _status_names(tree: ast.Module) -> set[str]:
    """Names a module binds to a status enum (`DealStatus`, `DealStatus as D`, `E`...)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "ttdesk.codes":
            names |= {a.asname or a.name for a in node.names if a.name in STATUS_CLASSES}
    return names


def _is_status(node: ast.expr, names: set[str]) -> bool:
    if not isinstance(node, ast.Attribute) or not node.attr.isupper():
        return False
    owner = node.value
    if isinstance(owner, ast.Name):
        return owner.id in names
    return isinstance(owner, ast.Attribute) and owner.attr in STATUS_CLASSES


def _set_call(func: ast.expr) -> bool:
    """set(...), frozenset(...), or SQLAlchemy's column.in_(...) / not_in(...)."""
    if isinstance(func, ast.Name):
        return func.id in ("set", "frozenset")
    return isinstance(func, ast.Attribute) and func.attr in ("in_", "not_in")


def _set_like(tree: ast.Module) -> list[ast.expr]:
    """Collections used as sets: set literals, the right side of `in` / `not in`, and the
    argument of set() / frozenset(). A list of statuses as a path or an order is not one."""
    out: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Set):
            out.append(node)
        elif isinstance(node, ast.Compare):
            out += [c for op, c in zip(node.ops, node.comparators, strict=True)
                    if isinstance(op, ast.In | ast.NotIn)]
        elif isinstance(node, ast.Call) and node.args and _set_call(node.func):
            out.append(node.args[0])
    return out


def _restated(path: Path, name: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _status_names(tree)
    found = []
    for node in _set_like(tree):
        if isinstance(node, ast.Tuple | ast.Set | ast.List):
            members = [e for e in node.elts if _is_status(e, names)]
            if len(members) >= 2 and len(members) == len(node.elts):
                found.append(f"{name}:{node.lineno}")
    return sorted(set(found), key=lambda f: int(f.rsplit(":", 1)[1]))


def test_no_module_restates_a_status_set() -> None:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in EXEMPT or rel.startswith(EXEMPT_DIRS):
            continue
        found += _restated(path, rel)
    assert found == [], "ask a named set of ttdesk.core.rules.statemachine instead"


def test_the_scan_sees_a_restated_set(tmp_path: Path) -> None:
    sample = tmp_path / "widget.py"
    sample.write_text("from ttdesk import codes as E\n"
                      "from ttdesk.codes import DealStatus as D\n"
                      "OPEN = frozenset((D.DRAFT, D.APPROVAL))\n"
                      "DONE = {E.DealStatus.COMPLETED, E.DealStatus.TERMINATED}\n"
                      "ok = d.status in (D.DRAFT, D.SIGNED)\n"
                      "q = Deal.status.in_([D.DRAFT, D.SIGNED])\n"
                      "PATH = [D.DRAFT, D.APPROVAL]\n"
                      "MIXED = {D.DRAFT, 'x'}\n", encoding="utf-8")
    assert _restated(sample, "widget.py") == [
        "widget.py:3", "widget.py:4", "widget.py:5", "widget.py:6"]
