"""Cells python-calamine shows as empty although they are not, found in the sheet XML.

python-calamine reads the value a spreadsheet stored with a formula and shows a formula without
one as an empty cell; it shows an error value (``#DIV/0!``, ``#REF!``, ``#N/A`` …, stored as
``<c t="e"><v>#DIV/0!</v></c>``, with or without a formula) as an empty cell too. So the
importer looks for both itself. A sheet with neither a formula element nor an error cell costs
a few byte searches (a pattern runs only where they find a place for a match); a sheet with
one is parsed by expat in a single call, the whole XML at once. (Fed in pieces, as
``iterparse`` does, expat scans an unfinished token again with every piece, so a large comment
or attribute made the scan quadratic in its size.)
"""

from __future__ import annotations

import re
from xml.parsers import expat

_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_UNPREFIXED_FORMULA = re.compile(rb"<f[\s>/]")  # _FORMULA_TAG without a prefix
_COLON_F = re.compile(rb":f")  # where a prefixed one may be: a search that skips to each colon
_ERROR_TYPE = re.compile(rb"""\st\s*=\s*["']e["']""")  # may match more than cells: only costs
_QUOTED_E = (b'"e"', b"'e'", b'"e\'', b"'e\"")  # what every match of _ERROR_TYPE ends with
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CELL, _FORMULA, _VALUE = f"{_MAIN} c", f"{_MAIN} f", f"{_MAIN} v"
_CELL_REF = re.compile(r"^([A-Z]{1,5})(\d{1,9})$")

NO_VALUE = ""
"""The mark of a formula cell without a stored value; any other mark is an error value."""

Marks = dict[tuple[int, int], str]
"""(row, column), 0-based → :data:`NO_VALUE` or the error value (``#DIV/0!``)."""

ParseError = expat.ExpatError


def needs_scan(xml: bytes, errors: bool | None = None) -> bool:
    """Whether the sheet may hold a formula or an error value (else :func:`scan` finds none).
    ``errors``, when known, says whether some cell tag may give an error value (a plain sheet's,
    from :func:`sakip.io.workbook.census.bound`, which looked at every cell tag)."""
    # Each pattern is searched only where its match can be: a formula tag is ``<f`` then a
    # space, ``/`` or ``>`` (not ``<formula``, a data validation's list), or has a prefix (after
    # a colon); an error type ends with the value e between quotes. A search for a pattern that
    # begins with one or two known bytes is far faster than one that may start at every ``<``.
    if _UNPREFIXED_FORMULA.search(xml) is not None or (
            _COLON_F.search(xml) is not None and _FORMULA_TAG.search(xml) is not None):
        return True
    if errors is not None:
        return errors
    # every quoted e ends ``e"`` or ``e'``: two searches instead of one per quoting
    return ((b'e"' in xml or b"e'" in xml) and any(quoted in xml for quoted in _QUOTED_E)
            and _ERROR_TYPE.search(xml) is not None)


def scan(xml: bytes) -> Marks:
    """The formula cells with no cached value and the cells holding an error value;
    ParseError when the XML is broken."""
    state = _Scan()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = state.start
    parser.EndElementHandler = state.end
    parser.CharacterDataHandler = state.text
    parser.Parse(xml, True)
    return state.marks


class _Scan:
    """The state of one pass: the cell being read, whether it has a formula, its type and
    its value."""

    def __init__(self) -> None:
        self.marks: Marks = {}
        self.reference: str | None = None
        self.formula = self.error = self.in_value = False
        self.value: list[str] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == _CELL:
            self.reference = attributes.get("r", "")
            self.error = attributes.get("t") == "e"
            self.formula = False
            self.value = []
        elif name == _FORMULA:
            self.formula = True
        elif name == _VALUE:
            self.in_value = True

    def text(self, data: str) -> None:
        if self.in_value:
            self.value.append(data)

    def end(self, name: str) -> None:
        if name == _VALUE:
            self.in_value = False
        elif name == _CELL:
            value = "".join(self.value).strip()
            if self.reference is not None and (self.error or (self.formula and not value)):
                position = _position(self.reference)
                if position is not None:
                    self.marks[position] = (value or "#?") if self.error else NO_VALUE
            self.reference = None


def _position(reference: str) -> tuple[int, int] | None:
    match = _CELL_REF.match(reference)
    if not match:
        return None
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, column - 1
