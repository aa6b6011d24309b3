"""The shape of the workbook: what a sheet and a column are.

Every sheet and column is declared once, in :mod:`sakip.io.workbook.sheets`, with these
types. The template writer, the exporter, the importer and the "Petunjuk" sheet all read
that one declaration, so a column cannot be described twice or drift between them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace


class Kind(enum.Enum):
    """What a column holds; decides parsing, writing, number format and help text."""

    TEXT = "text"  # free text
    CODE = "code"  # an identifier (T1, K1.1, IKU-01)
    LIST = "list"  # several codes or labels in one cell, separated by ";"
    DECIMAL = "decimal"  # a measure: Decimal, shown as 1.234,56
    MONEY = "money"  # rupiah: Decimal, shown as 1.234.567
    INTEGER = "integer"  # a whole number (precision, quarter, number)
    YEAR = "year"  # a four-digit year
    BOOLEAN = "boolean"  # Ya / Tidak
    CHOICE = "choice"  # one of an enumeration, shown by its Indonesian label
    DATE = "date"  # ISO text: 2020, 2020-12 or 2020-12-08
    CELL = "cell"  # a supporting-table cell: a number, a text or empty


class Layout(enum.Enum):
    TABLE = "table"  # a header row, then one record per row
    FORM = "form"  # one record: a row per field (Isian | Nilai | Keterangan)


@dataclass(frozen=True)
class Column:
    key: str  # the field it fills, as named in the model (or a row key such as "indicator")
    header: str  # Indonesian header, exactly as the template writes it
    kind: Kind
    help: str  # Indonesian explanation for the Petunjuk sheet
    required: bool = False
    choices: type[enum.Enum] | None = None  # for Kind.CHOICE
    width: int = 14
    minimum: int | None = None  # for INTEGER: smallest allowed value
    maximum: int | None = None


@dataclass(frozen=True, eq=False)  # a sheet is one declaration: compared (and hashed) by identity
class Sheet:
    name: str  # the sheet's name in the workbook (at most 31 characters)
    help: str  # what one row of it is, for the Petunjuk sheet
    columns: tuple[Column, ...]
    layout: Layout = Layout.TABLE
    open_columns: str | None = None  # header stem of trailing free columns ("Kolom")
    record: str | None = None  # the kind of record a row holds (sakip.core.records)
    optional: bool = False  # a form sheet left wholly empty gives no record (a plan's region)
    # Added after workbooks were in use (the RPJMD's sheets): a workbook made before it has no
    # such sheet and is read as if the sheet were empty.
    added_later: bool = False
    by_key: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.record is not None:
            object.__setattr__(self, "columns", tuple(_from_field(self.record, column)
                                                      for column in self.columns))
        object.__setattr__(self, "by_key", {column.key: column for column in self.columns})

    def column(self, key: str) -> Column:
        return self.by_key[key]


def field_name(kind: str, key: str) -> str | None:
    """The (dotted) field of a record of ``kind`` a column key names: ``head_name`` is
    ``head.name``; None for a row key that is no field (``indicator`` on the Target sheet)."""
    from sakip.core.fields import fields_of

    names = {f.name for f in fields_of(kind)}
    if key in names:
        return key
    for index, char in enumerate(key):
        if char == "_" and f"{key[:index]}.{key[index + 1:]}" in names:
            return f"{key[:index]}.{key[index + 1:]}"
    return None


def _from_field(kind: str, column: Column) -> Column:
    """The column with the choices and bounds of the field it fills (sakip.core.fields);
    a column that declares another type, choices or bounds than its field is refused."""
    from sakip.core.fields import Type, field_of

    name = field_name(kind, column.key)
    if name is None:
        return column
    spec = field_of(kind, name)
    same_type = column.kind.name == spec.type.name or (
        column.kind is Kind.DECIMAL and spec.type is Type.MONEY)
    derived = replace(column, choices=spec.choices, minimum=spec.minimum, maximum=spec.maximum)
    if column.kind is Kind.YEAR:
        derived = replace(derived, minimum=None, maximum=None)  # a year's cell reader bounds it
    given = (column.choices, column.minimum, column.maximum)
    if not same_type or any(x is not None and x != y for x, y in zip(
            given, (derived.choices, derived.minimum, derived.maximum), strict=True)):
        raise ValueError(f"column {column.key} of {kind} disagrees with sakip.core.fields: "
                         f"{column.kind} vs {spec.type}")
    return derived


FORM_HEADERS = ("Isian", "Nilai", "Keterangan")
"""Header row of a form sheet: the field's label, its value, its help text."""

OPEN_COLUMNS_IN_TEMPLATE = 20
"""How many free columns ("Kolom 1" …) an empty template offers for table contents."""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def normal_header(text: str) -> str:
    """Headers match ignoring letter case, repeated spaces and a trailing '*'."""
    return " ".join(text.replace("*", " ").split()).casefold()
