"""Formula cells that carry no cached value, found in the sheet XML.

python-calamine reads the value a spreadsheet stored with a formula and shows a formula without
one as an empty cell, so the importer looks for such cells itself. A sheet without a formula
element costs one byte search; a sheet with one is parsed by expat in a single call, the whole
XML at once. (Fed in pieces, as ``iterparse`` does, expat scans an unfinished token again with
every piece, so a large comment or attribute made the scan quadratic in its size.)
"""

from __future__ import annotations

import re
from xml.parsers import expat

_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CELL, _FORMULA, _VALUE = f"{_MAIN} c", f"{_MAIN} f", f"{_MAIN} v"
_CELL_REF = re.compile(r"^([A-Z]{1,5})(\d{1,9})$")

ParseError = expat.ExpatError


def has_formula(xml: bytes) -> bool:
    return _FORMULA_TAG.search(xml) is not None


def without_value(xml: bytes) -> set[tuple[int, int]]:
    """The (row, column), 0-based, of formula cells with no cached value; ParseError when the
    XML is broken."""
    scan = _Scan()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.text
    parser.Parse(xml, True)
    return scan.missing


class _Scan:
    """The state of one pass: the cell being read, whether it has a formula and a value."""

    def __init__(self) -> None:
        self.missing: set[tuple[int, int]] = set()
        self.reference: str | None = None
        self.formula = self.value = self.in_value = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == _CELL:
            self.reference = attributes.get("r", "")
            self.formula = self.value = False
        elif name == _FORMULA:
            self.formula = True
        elif name == _VALUE:
            self.in_value = True

    def text(self, data: str) -> None:
        if self.in_value and data.strip():
            self.value = True

    def end(self, name: str) -> None:
        if name == _VALUE:
            self.in_value = False
        elif name == _CELL:
            if self.formula and not self.value and self.reference is not None:
                position = _position(self.reference)
                if position is not None:
                    self.missing.add(position)
            self.reference = None


def _position(reference: str) -> tuple[int, int] | None:
    match = _CELL_REF.match(reference)
    if not match:
        return None
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, column - 1
