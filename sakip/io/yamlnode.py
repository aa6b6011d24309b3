"""Reading a YAML document as text only, with the line of every value.

PyYAML's BaseLoader keeps every scalar as a string, so no number becomes a float on the way
in; the composed node tree keeps each value's position, so every problem names its line.
:class:`Field` walks that tree and records problems instead of raising, so that a loader
reports all of them at once.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar, cast

import yaml

from sakip.core.enums import FORMER_SPELLINGS
from sakip.core.fields import FIRST_YEAR, LAST_YEAR
from sakip.core.numbers import D, NumberError, canonical_decimal
from sakip.io.idnum import MAX_WHOLE_DIGITS, whole_digits
from sakip.io.limits import CONTROL, DEFAULT_LIMITS, PlanLimits, describe_character, id_number
from sakip.io.problems import InputError, Problem, Severity

E = TypeVar("E", bound=enum.Enum)

# libyaml's composer when PyYAML was built with it (several times faster), else pure Python;
# both keep every scalar as text and record each node's position.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

_NULLS = {"", "~", "null", "Null", "NULL"}
_INTEGERS = tuple(range(LAST_YEAR + 1))  # years, quarters, months: shared, not one per value
_TRUE = {"true", "True", "TRUE", "yes", "ya"}
_FALSE = {"false", "False", "FALSE", "no", "tidak"}


@dataclass
class Collector:
    """Gathers the problems of one document."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        code: str,
        message_id: str,
        message_en: str,
        path: str | None = None,
        line: int | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(
            Problem(code, message_id, message_en, severity, self.file, line, path)
        )

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def raise_if_errors(self) -> None:
        if self.has_errors:
            raise InputError(self.problems)


def compose(text: str, collector: Collector, limits: PlanLimits = DEFAULT_LIMITS) -> Node | None:
    """Compose a YAML document into nodes; a syntax error becomes one problem.

    Refused with a problem each, and ``None``: a raw control character (before parsing), an
    alias, more than ``limits.max_nodes`` values, nesting deeper than ``limits.max_depth``, a
    control character in any text (an escape such as ``"\\x00"`` in a double-quoted scalar).
    """
    if not printable(text, collector):
        return None
    document = Document()
    for _ in stream(text.encode("utf-8"), len(text), collector, limits, document, split=False):
        pass  # nothing is handed out: the whole tree is the document's root
    return None if collector.has_errors else document.root


def printable(text: str, collector: Collector) -> bool:
    """Whether the text holds no raw control character; the first ones are problems, by line
    and column (YAML refuses them without a line)."""
    if CONTROL.search(text) is None:
        return True
    for _, raw in zip(range(_LISTED), CONTROL.finditer(text), strict=False):
        row = text.count("\n", 0, raw.start()) + 1
        column = raw.start() - (text.rfind("\n", 0, raw.start()) + 1) + 1
        _control_problem(collector, raw.group(), None, row, f" (kolom {column})", f" (column {column})")
    return False


class Document:
    """What :func:`stream` found besides its pieces: the root node (a mapping's entries are
    handed out as pieces instead of kept in it when the document is split)."""

    __slots__ = ("root",)

    def __init__(self) -> None:
        self.root: Node | None = None


# A piece of a document split at its top level: (key, value, None) for a top-level entry
# whose value is not a list (handed out once the value is whole) or that is a list (the list's
# node, empty, handed out at its start); (key, item, index) for each item of such a list.
Piece = tuple["Node", "Node", "int | None"]


def stream(source: bytes, characters: int, collector: Collector, limits: PlanLimits,
           document: Document, split: bool = True) -> Iterator[Piece]:
    """The document's top-level entries, and each item of a top-level list, as soon as each is
    composed (``split``): a reader that builds from each piece and drops it holds one item's
    nodes at a time instead of the whole tree. Otherwise the whole tree is in ``document.root``.

    ``source`` is the text in UTF-8 (``characters`` long, checked by :func:`printable`); the
    problems are :func:`compose`'s, in ``collector``, and when it has errors afterwards the
    pieces handed out do not make a valid document (the reader's own problems are moot).
    """
    try:
        if characters * _NODES_PER_CHARACTER > limits.max_nodes \
                and not _few_enough(source, collector, limits):
            return
        yield from _compose(source, collector, limits, document, split)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        if "nesting depth" in str(error.problem):  # libyaml's own bound (1000 levels)
            _too_deep(collector, limits, None, line)
            return
        collector.add(
            "PLAN_YAML_SYNTAX",
            f"berkas bukan YAML yang sah: {error.problem}",
            f"not valid YAML: {error.problem}",
            line=line,
        )
    except yaml.YAMLError as error:
        # the parser reads the UTF-8 bytes: name the input as it names a str (it encodes one)
        shown = str(error).replace('"<byte string>"', '"<unicode string>"')
        collector.add("PLAN_YAML_SYNTAX", f"berkas bukan YAML yang sah: {shown}", f"not valid YAML: {shown}")


class Node:
    """A value of the document: its text (a scalar), its (key, value) pairs (a mapping) or its
    items (a list), the line it starts on, and a scalar's quoting style. Slotted, so a plan's
    tree takes a fraction of the memory of PyYAML's nodes (two marks with a dictionary each)."""

    __slots__ = ("line", "style", "value")

    def __init__(self, value: Any, line: int, style: str | None = None) -> None:
        self.value = value
        self.line = line
        self.style = style


class ScalarNode(Node):
    __slots__ = ()


class MappingNode(Node):
    __slots__ = ()


class SequenceNode(Node):
    __slots__ = ()


def _compose(source: bytes, collector: Collector, limits: PlanLimits, document: Document,
             split: bool) -> Iterator[Piece]:
    """The document's nodes, built from libyaml's events in one pass, in memory proportional to
    the text (or, ``split``, to its largest top-level item); counted, bounded in depth and
    checked for aliases and escaped control characters on the way. Problems are recorded; the
    document's root is left None when refused or empty."""
    root: Node | None = None
    open_: list[tuple[Node, _Place]] = []  # the mappings and lists being filled, innermost last
    pending: list[Node | None] = []  # per open mapping: the key waiting for its value
    aliases: list[tuple[_Place, str, int]] = []
    alias_count = count = documents = 0
    max_nodes, max_depth = limits.max_nodes, limits.max_depth
    # split: the root mapping's entries and the items of its lists are handed out, not kept
    top_key: Node | None = None  # the key of the top-level entry being composed
    top_value: Node | None = None  # its value, while it is being composed (a list: its node)
    top_index = 0  # the next item's index in a top-level list
    loader = _LOADER(source)
    try:
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                node: Node = ScalarNode(event.value, event.start_mark.line + 1, event.style)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                closed, _ = open_.pop()
                if kind is yaml.MappingEndEvent:
                    pending.pop()
                if split and top_key is not None:
                    depth = len(open_)
                    if depth == 1 and closed is top_value:
                        if kind is yaml.MappingEndEvent:  # a list was handed out at its start
                            yield top_key, closed, None
                        top_key = top_value = None
                    elif depth == 2 and type(top_value) is SequenceNode and open_[1][0] is top_value:
                        yield top_key, closed, top_index - 1
                continue
            elif kind is yaml.MappingStartEvent:
                node = MappingNode([], event.start_mark.line + 1)
            elif kind is yaml.SequenceStartEvent:
                node = SequenceNode([], event.start_mark.line + 1)
            elif kind is yaml.AliasEvent:  # the document is refused; a stand-in keeps its place
                node = ScalarNode("", event.start_mark.line + 1)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    collector.add("PLAN_YAML_SYNTAX",
                                  "berkas bukan YAML yang sah: berkas rencana hanya satu dokumen",
                                  "not valid YAML: a plan file is one document",
                                  line=event.start_mark.line + 1)
                    return
                continue
            else:
                continue
            place: _Place = None
            handed = False  # handed out when whole instead of kept in its parent
            if open_:
                parent, parent_place = open_[-1]
                if type(parent) is SequenceNode:
                    if split and parent is top_value and len(open_) == 2:
                        place = (parent_place, top_index)
                        top_index += 1
                        handed = True
                    else:
                        place = (parent_place, len(parent.value))
                        parent.value.append(node)
                elif pending[-1] is None:
                    place = (parent_place, node)
                    pending[-1] = node
                else:
                    key = pending[-1]
                    place = (parent_place, key)
                    if split and parent is root:
                        top_key, top_value, top_index = key, node, 0
                        handed = True
                    else:
                        parent.value.append((key, node))
                    pending[-1] = None
            else:
                root = document.root = node
                split = split and kind is yaml.MappingStartEvent
            count += 1
            if count > max_nodes:
                _too_many(collector, limits, _path(place), node.line)
                return
            if len(open_) >= max_depth:
                _too_deep(collector, limits, _path(place), node.line)
                return
            if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                if kind is yaml.AliasEvent:
                    alias_count += 1
                    if len(aliases) < _LISTED:
                        aliases.append((place, event.anchor or "…", node.line))
                elif node.style == '"' and (bad := CONTROL.search(node.value)) is not None:
                    # raw control characters were refused before parsing: only an escape of a
                    # double-quoted scalar can make one
                    _control_problem(collector, bad.group(), _path(place), node.line, "", "")
                if handed:
                    assert top_key is not None
                    if node is top_value:
                        yield top_key, node, None
                        top_key = top_value = None
                    else:
                        yield top_key, node, top_index - 1
            else:
                open_.append((node, place))
                if kind is yaml.MappingStartEvent:
                    pending.append(None)
                if handed and node is top_value and kind is yaml.SequenceStartEvent:
                    assert top_key is not None
                    yield top_key, node, None
    finally:
        loader.dispose()
    if alias_count:
        _alias_problems(collector, aliases, alias_count)


# A bound on the values a text of this many characters can hold (``{a,b}``: four in five);
# a text that could hold more than the limit is counted before its node tree is built.
_NODES_PER_CHARACTER = 2


def _few_enough(source: bytes, collector: Collector, limits: PlanLimits) -> bool:
    """Count the values of a large text as they are parsed, in constant memory; stop at the limit.

    Composing keeps every node in memory (about 300 bytes each): two million values of a 4 MiB
    text are 600 MB and many seconds before any of them could be counted.
    """
    count = 0
    for event in yaml.parse(source, Loader=_LOADER):
        if isinstance(event, yaml.NodeEvent):  # scalar, alias, start of a list or mapping
            count += 1
            if count > limits.max_nodes:
                mark = event.start_mark
                _too_many(collector, limits, None, mark.line + 1 if mark is not None else None)
                return False
    return True


def _too_many(collector: Collector, limits: PlanLimits, path: str | None, line: int | None) -> None:
    collector.add(
        "PLAN_TOO_MANY_NODES",
        f"berkas memuat lebih dari {id_number(limits.max_nodes)} nilai (batas PlanLimits.max_nodes)",
        f"the file holds more than {limits.max_nodes:,} values (limit PlanLimits.max_nodes)",
        path, line,
    )


# (parent place, key node or index): a node's path, built only when a problem names it
_Place = tuple[object, "Node | int"] | None

_LISTED = 10  # aliases or raw control characters named one by one


def _path(place: _Place) -> str:
    labels: list[str] = []
    while place is not None:
        parent, item = place
        labels.append(f"[{item}]" if isinstance(item, int) else _label(item))
        place = parent  # type: ignore[assignment]
    path = "".join(reversed(labels))
    return path[1:] if path.startswith(".") else path


def _label(key: Node) -> str:
    text = str(key.value) if isinstance(key, ScalarNode) else "?"
    return "." + CONTROL.sub(lambda m: f"<{describe_character(m.group())}>", text)


def _alias_problems(collector: Collector, aliases: list[tuple[_Place, str, int]], count: int) -> None:
    """One problem for each of the first aliases, with the alias's name and line."""
    for place, anchor, line in aliases:
        name = f"*{anchor}"
        collector.add(
            "PLAN_YAML_ALIAS",
            f"alias YAML ({name}) tidak boleh dipakai dalam berkas rencana; tuliskan nilainya di sini",
            f"a YAML alias ({name}) is not allowed in a plan file; write the value out here",
            _path(place), line,
        )
    if count > len(aliases):
        collector.add(
            "PLAN_YAML_ALIAS",
            f"dan {id_number(count - len(aliases))} alias lain",
            f"and {count - len(aliases):,} more aliases",
        )


def _too_deep(collector: Collector, limits: PlanLimits, path: str | None, line: int | None) -> None:
    collector.add(
        "PLAN_TOO_DEEP",
        f"nilai bersarang lebih dari {limits.max_depth} tingkat (batas PlanLimits.max_depth)",
        f"values nested more than {limits.max_depth} levels deep (limit PlanLimits.max_depth)",
        path, line,
    )


def _control_problem(
    collector: Collector, character: str, path: str | None, line: int | None, where_id: str, where_en: str
) -> None:
    shown = describe_character(character)
    collector.add(
        "PLAN_CONTROL_CHARACTER",
        f"karakter kendali {shown}{where_id} tidak boleh ada dalam teks berkas rencana",
        f"control character {shown}{where_en} is not allowed in the text of a plan file",
        path, line,
    )


class Field:
    """A value in the document, with its path and line, and typed readers that record problems."""

    def __init__(self, node: Node | None, path: str, collector: Collector) -> None:
        self.node = node
        self.path = path
        self.collector = collector

    @property
    def line(self) -> int | None:
        return self.node.line if self.node is not None else None

    def error(self, code: str, message_id: str, message_en: str) -> None:
        self.collector.add(code, message_id, message_en, self.path, self.line)

    @property
    def is_null(self) -> bool:
        return self.node is None or (
            isinstance(self.node, ScalarNode)
            and self.node.value in _NULLS
            and not self.node.style  # plain: None from PyYAML, "" from libyaml
        )

    # ------------------------------------------------------------------ structure

    def mapping(self, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict[str, Field]:
        """The fields of a mapping; unknown and missing fields are problems."""
        result: dict[str, Field] = {}
        if self.is_null:
            pass
        elif not isinstance(self.node, MappingNode):
            self.error("PLAN_EXPECTED_MAPPING", "di sini diharapkan pasangan kunci: nilai",
                       "a mapping (key: value) is expected here")
            return {}
        else:
            for key_node, value_node in self.node.value:
                self.entry(key_node, value_node, allowed, result)
        for key in required:
            if key not in result or result[key].is_null:
                self.missing(key)
        return result

    def entry(self, key_node: Node, value_node: Node, allowed: tuple[str, ...],
              result: dict[str, Field]) -> Field | None:
        """One entry of this mapping, added to ``result`` unless its key is unknown or given
        before (a problem each)."""
        key = str(key_node.value)
        child = Field(value_node, f"{self.path}.{key}" if self.path else key, self.collector)
        if key not in allowed:
            child.error(
                "PLAN_UNKNOWN_FIELD",
                f"kolom '{key}' tidak dikenal (yang boleh: {', '.join(allowed)})",
                f"unknown field '{key}' (allowed: {', '.join(allowed)})",
            )
        elif key in result:
            child.error("PLAN_DUPLICATE_FIELD", f"kolom '{key}' ditulis dua kali",
                        f"field '{key}' given twice")
        else:
            result[key] = child
            return child
        return None

    def missing(self, key: str) -> None:
        """The problem of a required key that this mapping lacks or leaves empty."""
        self.error("PLAN_MISSING_FIELD", f"kolom wajib '{key}' tidak ada",
                   f"required field '{key}' is missing")

    def items(self) -> list[Field]:
        if self.is_null:
            return []
        if not isinstance(self.node, SequenceNode):
            self.error("PLAN_EXPECTED_LIST", "di sini diharapkan daftar (- …)", "a list is expected here")
            return []
        return [Field(node, f"{self.path}[{i}]", self.collector) for i, node in enumerate(self.node.value)]

    def entries(self) -> Iterator[tuple[Field, Field]]:
        """Key and value fields of a mapping whose keys are data (years, quarters)."""
        if self.is_null:
            return
        if not isinstance(self.node, MappingNode):
            self.error("PLAN_EXPECTED_MAPPING", "di sini diharapkan pasangan tahun: nilai",
                       "a mapping (year: value) is expected here")
            return
        for key_node, value_node in self.node.value:
            key = str(key_node.value)
            yield (Field(key_node, f"{self.path}.{key}", self.collector),
                   Field(value_node, f"{self.path}.{key}", self.collector))

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.node, MappingNode)

    def child(self, key: str) -> Field | None:
        """The value of ``key`` when this is a mapping holding it; no problem is recorded."""
        if isinstance(self.node, MappingNode):
            for key_node, value_node in self.node.value:
                if str(key_node.value) == key:
                    return Field(value_node, f"{self.path}.{key}" if self.path else key,
                                 self.collector)
        return None

    # ------------------------------------------------------------------ scalars

    def _scalar(self) -> str | None:
        if self.is_null:
            return None
        if not isinstance(self.node, ScalarNode):
            self.error("PLAN_EXPECTED_VALUE", "di sini diharapkan satu nilai, bukan daftar atau peta",
                       "a single value is expected here, not a list or mapping")
            return None
        return str(self.node.value)

    def text(self) -> str | None:
        value = self._scalar()
        if value is None:
            return None
        return value.strip() or None

    def texts(self) -> tuple[str, ...]:
        return tuple(t for t in (item.text() for item in self.items()) if t is not None)

    def decimal(self) -> Decimal | None:
        """A number in its canonical form (``80.0`` is ``Decimal("80")``)."""
        value = self._scalar()
        if value is None:
            return None
        try:
            number = canonical_decimal(D(value))
        except NumberError:
            self.error(
                "PLAN_BAD_NUMBER",
                f"'{value}' bukan angka; tulis dengan titik desimal tanpa pemisah ribuan (mis. 1234.5)",
                f"'{value}' is not a number; write it with a decimal point and no separators (e.g. 1234.5)",
            )
            return None
        if whole_digits(number) > MAX_WHOLE_DIGITS:
            self.error(
                "PLAN_NUMBER_TOO_LARGE",
                f"angka dengan {whole_digits(number)} angka sebelum titik desimal; paling banyak "
                f"{MAX_WHOLE_DIGITS} (salah ketik?)",
                f"a number with {whole_digits(number)} digits before the decimal point; at most "
                f"{MAX_WHOLE_DIGITS} (a typing error?)",
            )
            return None
        return number

    def integer(self, low: int | None = None, high: int | None = None) -> int | None:
        value = self._scalar()
        if value is None:
            return None
        try:
            number = int(value)
        except ValueError:
            self.error("PLAN_BAD_INTEGER", f"'{value}' bukan bilangan bulat",
                       f"'{value}' is not a whole number")
            return None
        if 0 <= number <= LAST_YEAR:
            number = _INTEGERS[number]  # one object for every target or budget of a year
        if (low is not None and number < low) or (high is not None and number > high):
            self.error("PLAN_OUT_OF_RANGE", f"{number} di luar rentang {low}–{high}",
                       f"{number} is outside {low}–{high}")
            return None
        return number

    def year(self) -> int | None:
        return self.integer(FIRST_YEAR, LAST_YEAR)

    def boolean(self, default: bool = False) -> bool:
        value = self._scalar()
        if value is None:
            return default
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        self.error("PLAN_BAD_BOOLEAN", f"'{value}' bukan true/false", f"'{value}' is not true/false")
        return default

    def choice(self, kind: type[E]) -> E | None:
        value = self._scalar()
        if value is None:
            return None
        for member in kind:
            if member.value == value.strip():
                return member
        former = FORMER_SPELLINGS.get(kind, {}).get(value.strip())  # sakip-plan/1's spelling
        if former is not None:
            return cast(E, former)
        allowed = ", ".join(str(m.value) for m in kind)
        self.error("PLAN_BAD_CHOICE", f"'{value}' tidak dikenal; pilihan: {allowed}",
                   f"'{value}' is not one of: {allowed}")
        return None

    def date(self) -> str | None:
        value = self.text()
        if value is None:
            return None
        parts = value.split("-")
        ok = len(parts) in (2, 3) and all(p.isdigit() for p in parts) and len(parts[0]) == 4
        if ok:
            month = int(parts[1])
            day = int(parts[2]) if len(parts) == 3 else 1
            ok = 1 <= month <= 12 and 1 <= day <= 31 and all(len(p) == 2 for p in parts[1:])
        if not ok:
            self.error("PLAN_BAD_DATE", f"'{value}' bukan tanggal (YYYY-MM-DD atau YYYY-MM)",
                       f"'{value}' is not a date (YYYY-MM-DD or YYYY-MM)")
            return None
        return value
