"""What a person reads on a screen, and the code names hiding in it.

`visible_texts(widget)` gathers the text of every visible label, button, group box, tab title,
combo item, line-edit text, and table / list / tree header and cell (first rows only) under a
widget; `walk(widget)` does the same for every page of every tab widget in it (nested tabs
included), switching tabs as a person would. `code_names(text)` finds what an officer should
never read on a Chinese screen: snake_case identifiers, code values of `ttdesk.codes`, Python
literals and raw JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTreeView,
    QWidget,
)

from ttdesk import codes
from ttdesk.core.base.labels import label, labelled_enums

MAX_ROWS = 60

_SNAKE = re.compile(r"(?<![\w./\\:@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/\\@-])")
_WORD = re.compile(r"(?<![\w./\\:@#-])[a-z]+(?![\w/\\@-])")
_LITERALS = re.compile(r"\b(None|True|False|null|true|false)\b|\{\"|\":|\[\"|\bdict\(")
_TAGS = re.compile(r"<[^>]*>")
# Addresses, paths and file names may hold anything: they are data, not words.
_DATA = re.compile(r"\S+[/\\]\S*|\S+@\S+|\S+\.(?:db|pdf|xlsx|csv|json|png|qm|ts|ini|log|zip)\b"
                   r"|https?://\S+")


def _code_values() -> frozenset[str]:
    values: set[str] = set()
    for obj in vars(codes).values():
        if isinstance(obj, type) and issubclass(obj, StrEnum) and obj is not StrEnum:
            values.update(m.value for m in obj)
    return frozenset(v for v in values if v.isascii())


CODE_VALUES = _code_values()


def _english_labels() -> frozenset[str]:
    """The English labels of the codes ("Due diligence"): one of them on a Chinese screen means
    a widget picked the wrong half. Acronyms (TRL, FTO) are left out: Chinese labels use them."""
    out = {label(m, "en") for enum_cls in labelled_enums() for m in enum_cls}
    return frozenset(w for w in out if not w.isupper() and len(w) >= 4)


ENGLISH_LABELS = _english_labels()
_CJK = re.compile(r"[\u4e00-\u9fff]")
# An English word inside Chinese text ("冲销 / reversal: …"); units and names are not lowercase.
_ENGLISH = re.compile(r"(?<![\w./\\:@#-])[a-z]{3,}(?![\w/\\@-])")


def code_names(text: str) -> list[str]:
    """The code-name-looking words of `text` (empty when it reads as Chinese / plain data)."""
    plain = _DATA.sub(" ", _TAGS.sub(" ", text))
    found = [m.group(0) for m in _SNAKE.finditer(plain)]
    found += [w for w in _WORD.findall(plain) if w in CODE_VALUES]
    found += [m.group(0) for m in _LITERALS.finditer(plain)]
    if _CJK.search(plain):
        found += [w for w in _ENGLISH.findall(plain) if w not in found]
        found += [w for w in ENGLISH_LABELS if w in plain]
    return found


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None,
                 depth: int = 0, tree: bool = False) -> Iterator[str]:
    parent = parent or QModelIndex()
    display = Qt.ItemDataRole.DisplayRole
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    if depth == 0:
        for c in range(columns):
            yield str(model.headerData(c, Qt.Orientation.Horizontal, display) or "")
    for r in range(min(model.rowCount(parent), MAX_ROWS)):
        for c in range(columns):
            index = model.index(r, c, parent)
            value = model.data(index, display)
            if value is not None:
                yield str(value)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if tip:
                yield str(tip)
        child = model.index(r, 0, parent)
        if tree and depth < 2 and model.rowCount(child) > 0:
            yield from _model_texts(model, child, depth + 1, tree)


def widget_texts(w: QWidget) -> Iterator[str]:
    """The texts a person reads on `w` itself (not its children)."""
    if isinstance(w, QLabel | QAbstractButton):
        yield w.text()
    elif isinstance(w, QGroupBox):
        yield w.title()
    elif isinstance(w, QComboBox):
        yield from (w.itemText(i) for i in range(w.count()))
    elif isinstance(w, QLineEdit):
        yield w.text()
        yield w.placeholderText()
    elif isinstance(w, QTabWidget):
        yield from (w.tabText(i) for i in range(w.count()))
    elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) \
            and w.model() is not None:
        yield from _model_texts(w.model(), tree=isinstance(w, QTreeView))
    if w.isWindow():
        yield w.windowTitle()
    tip = w.toolTip()
    if tip:
        yield tip


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every visible widget under `top` (itself included)."""
    out = []
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if w.property("typed_names"):  # user names (login names an admin typed): data
            continue
        where = f"{type(w).__name__}:{w.objectName() or '?'}"
        out.extend((where, t) for t in widget_texts(w) if t)
    return out


def settle(ms: int = 0) -> None:
    QCoreApplication.processEvents()


def walk(top: QWidget, path: str = "") -> list[tuple[str, str]]:
    """`visible_texts` of every tab page of every tab widget under `top` (nested too)."""
    settle()
    out = [(f"{path}/{w}", t) for w, t in visible_texts(top)]
    own = [top] if isinstance(top, QTabWidget) else []
    for tabs in [*own, *top.findChildren(QTabWidget)]:
        if not tabs.isVisible() or tabs.property("_walked"):
            continue
        tabs.setProperty("_walked", True)
        start = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle()
            out.extend(walk(tabs.widget(i), f"{path}/{tabs.tabText(i)}"))
        tabs.setCurrentIndex(start)
    return out


def offenders(texts: list[tuple[str, str]]) -> list[str]:
    """One line per text holding a code name: where, the words, the text."""
    seen: set[str] = set()
    out = []
    for where, text in texts:
        words = code_names(text)
        if words and text not in seen:
            seen.add(text)
            out.append(f"{where}: {sorted(set(words))} in {text[:120]!r}")
    return out
