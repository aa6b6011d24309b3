"""Every field of every kind of plan record, declared once: what it holds, its bounds, its default.

The record classes of :mod:`sakip.core.model` give each field its name, its Python type and its
default; this module adds the little a type cannot say (a year is an ``int`` but not any ``int``;
a code is a ``str`` but not free text; a rupiah amount is a ``Decimal`` shown without decimals)
and derives the rest. Every mapper reads this one declaration: the plan file's reader and writer
(``sakip.io.plan_file``, ``sakip.io.plan_dump``), the workbook's columns
(``sakip.io.workbook.sheets``), the plan checks' bounds (``sakip.io.plan_checks``) and the
database mapping (``sakip.web.plans.rows``).

Fields are named as :func:`sakip.core.records.values` names them: a nested record's fields
under a dotted name (``head.name``); the children of a record (an indicator's targets) are
records of their own kind, not fields.
"""

from __future__ import annotations

import builtins
import enum
import types
import typing
from dataclasses import MISSING, dataclass
from dataclasses import fields as dataclass_fields
from decimal import Decimal
from functools import cache
from typing import Any

from sakip.core import records as r
from sakip.core.enums import RevisionSubject


class Type(enum.Enum):
    """What a field holds; decides how it is read, written, shown and checked."""

    TEXT = "text"  # free text
    CODE = "code"  # an identifier, or a reference to another record by its code
    LIST = "list"  # several texts or codes, in order
    DECIMAL = "decimal"  # a measure
    MONEY = "money"  # rupiah
    INTEGER = "integer"  # a whole number with bounds (precision, quarter, version number)
    YEAR = "year"  # a four-digit year
    BOOLEAN = "boolean"
    CHOICE = "choice"  # one member of an enumeration
    DATE = "date"  # ISO text: 2020, 2020-12 or 2020-12-08
    RECORD = "record"  # a nested record (an official, a baseline): its fields are dotted
    CELLS = "cells"  # the body of a supporting table: rows of numbers, texts or nothing


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()  # the default of a field that must be given


@dataclass(frozen=True)
class Field:
    name: str  # dotted for a nested record's field: head.name
    type: Type
    default: Any = REQUIRED
    choices: builtins.type[enum.Enum] | None = None  # for CHOICE
    minimum: int | None = None  # for INTEGER and YEAR
    maximum: int | None = None
    record: builtins.type | None = None  # for RECORD: the nested class
    text: bool = False  # for CHOICE: the record holds the member's value as text

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


FIRST_YEAR, LAST_YEAR = 1900, 2200  # what a four-digit year of a plan may be

# What the Python type does not say, by kind and field (a kind of None: every kind).
_CODES = ("code", "owner", "mission", "goal", "objective", "program", "parent", "activity", "indicator",
          "predicate_scale", "category_scale", "phone", "nip", "color")
_PERIODIC = (r.TARGET, r.ACTUAL, r.BUDGET, r.REGION_TARGET, r.REGION_ACTUAL)
_SEMANTICS: dict[tuple[str | None, str], dict[str, Any]] = {
    **{(None, name): {"type": Type.CODE} for name in _CODES},
    **{(None, name): {"type": Type.YEAR} for name in ("year", "start", "end", "baseline_year",
                                                      "rpjmd_start", "rpjmd_end")},
    **{(None, name): {"type": Type.DATE} for name in ("date", "signed", "expected")},
    **{(kind, "unit"): {"type": Type.CODE} for kind in (r.PROGRAM, r.ACTIVITY)},
    **{(kind, "subject"): {"type": Type.CODE} for kind in (r.TABLE, r.NARRATIVE)},
    **{(kind, name): {"type": Type.MONEY} for kind in (r.BUDGET, r.SPENDING)
       for name in ("ceiling", "ceiling_original", "spent")},
    (r.REVISION, "subject"): {"type": Type.CHOICE, "choices": RevisionSubject, "text": True},
    **{(kind, "precision"): {"minimum": 0, "maximum": 6} for kind in (r.INDICATOR, r.REGION_INDICATOR)},
    (r.CONTRIBUTION, "agency"): {"type": Type.CODE},
    (r.UNIT, "parent"): {"type": Type.CODE},
    (r.SETTINGS, "achievement_places"): {"minimum": 0, "maximum": 6},
    (r.SETTINGS, "absorption_places"): {"minimum": 0, "maximum": 6},
    (r.AGREEMENT, "number"): {"minimum": 0, "maximum": 99},
    **{(kind, "quarter"): {"minimum": 1, "maximum": 4} for kind in _PERIODIC},
    **{(kind, "month"): {"minimum": 1, "maximum": 12} for kind in _PERIODIC},
    (r.TABLE, "rows"): {"type": Type.CELLS},
    (r.STRATEGIC_PLAN, "name"): {"default": ""},  # a plan made only to be measured needs none
}


def _base(annotation: Any) -> Any:
    """``X | None`` → ``X``."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return inner[0]
    return annotation


def _type_of(annotation: Any) -> tuple[Type, dict[str, Any]]:
    base = _base(annotation)
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return Type.CHOICE, {"choices": base}
    if typing.get_origin(base) is tuple:
        return Type.LIST, {}
    simple = {str: Type.TEXT, Decimal: Type.DECIMAL, bool: Type.BOOLEAN, int: Type.INTEGER}
    if base in simple:
        return simple[base], {}
    return Type.RECORD, {"record": base}


def _declare(kind: str, cls: type, prefix: str = "", skip: tuple[str, ...] = ()) -> list[Field]:
    hints = typing.get_type_hints(cls)
    found: list[Field] = []
    for item in dataclass_fields(cls):
        if item.name in skip:
            continue
        type_, extra = _type_of(hints[item.name])
        extra |= _SEMANTICS.get((None, item.name), {}) | _SEMANTICS.get((kind, item.name), {})
        type_ = extra.pop("type", type_)
        if type_ is Type.YEAR:
            extra = {"minimum": FIRST_YEAR, "maximum": LAST_YEAR} | extra
        default = REQUIRED if item.default is MISSING else item.default
        if item.default_factory is not MISSING:
            default = item.default_factory()
        default = extra.pop("default", default)
        if type_ is Type.RECORD:
            found.append(Field(prefix + item.name, type_, default, **extra))
            found.extend(_declare(kind, extra["record"], f"{prefix}{item.name}."))
        else:
            found.append(Field(prefix + item.name, type_, default, **extra))
    return found


@cache
def fields_of(kind: str) -> tuple[Field, ...]:
    """The fields of a kind of record, in the record class's order: a nested record first as
    one RECORD field, then its own fields dotted. Children (other kinds) are not fields."""
    spec = r.SPECS[kind]
    if kind == r.SERIES_VALUE:
        return (Field("year", Type.YEAR, minimum=FIRST_YEAR, maximum=LAST_YEAR),
                Field("value", Type.DECIMAL))
    children = tuple(child.attribute for child in r.CHILDREN.get(kind, ()))
    return tuple(_declare(kind, spec.cls, skip=children))


@cache
def field_of(kind: str, name: str) -> Field:
    """One field of a kind of record by its (dotted) name; KeyError when it has none."""
    for item in fields_of(kind):
        if item.name == name:
            return item
    raise KeyError(f"{kind} has no field {name}")


def default_of(kind: str, name: str) -> Any:
    """The field's default (None for a required field)."""
    default = field_of(kind, name).default
    return None if default is REQUIRED else default


def _bounded() -> dict[str, tuple[Field, ...]]:
    found: dict[str, tuple[Field, ...]] = {}
    for kind in r.SPECS:
        bounded = tuple(f for f in fields_of(kind)
                        if f.type is Type.INTEGER and f.minimum is not None and f.maximum is not None)
        if bounded:
            found[kind] = bounded
    return found


BOUNDED = _bounded()  # kind → its whole-number fields with bounds (a year is checked by period)
