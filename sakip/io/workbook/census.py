"""How large a sheet's grid will be, read from the sheet XML before python-calamine reads it.

python-calamine allocates a sheet's cells as one dense block from its first to its farthest
cell, and Sakip then asks for the grid from A1 (``to_python(skip_empty_area=False)``): a 100 KB
file holding a value in A1 and another in XFD1048576 asks for 17 billion cells, and the
process aborts. So the importer first bounds the grid here, in passes over the XML with
regular expressions whose matches never overlap (each pass linear), and refuses the file when it
is too large.

The bound is rows × columns from A1 to the farthest ``<c>`` element, wherever it sits: cells
named by their ``r`` attribute, and cells and rows without one placed as python-calamine places
them (after the previous one), never nearer. Cells without a value count too, and so does
anything that looks like a cell inside a comment: the bound may be larger than calamine's grid,
never smaller.

Most sheets are written the plain way: every cell tag is ``<c r="B7" s="3" t="n">``, its
reference first, upper case, in double quotes, and no second ``r``. For such a sheet every cell
is placed by its own ``r`` alone, so the bound is the farthest row times the farthest column,
found by one ``findall`` of a pattern that begins with a literal (the regular expression engine
skips to it) and matches every cell start tag, giving the parts of a plain one (empty parts
prove some tag is not plain), and a look at each distinct rest of a tag (a handful) for a
second ``r`` (:func:`_plain`). The distinct rests also tell whether any cell holds an error
value (:func:`bound`, for :func:`sakip.io.workbook.formulas.needs_scan`).
Any other sheet, or one whose plain bound passes the limit (where counting stops matters), is
counted by the general pass, tag by tag.
"""

from __future__ import annotations

import re
from operator import itemgetter

# A cell or row start tag: its name, and the letters and digits of ``r`` when it is the first
# attribute (as every spreadsheet writes it) and the only one (calamine reads the last of
# duplicates). ``[^<>]`` keeps every match inside one tag, so matches never overlap. A
# namespace prefix (``<x:c>``) is rare and slows every match down: that pattern is used only for
# a sheet that has one.
_FIRST_R = rb'(?:\s+r="\$?([A-Za-z]*)\$?([0-9]*)"(?![^<>]*\sr\s*=))?[^<>]*>'
_TAG = re.compile(rb"<(c|row)(?=[\s/>])" + _FIRST_R)
_PREFIXED_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(c|row)(?=[\s/>])" + _FIRST_R)
_PREFIX = re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|row)[\s/>]")
_R_ATTRIBUTE = re.compile(rb"""\sr\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")
_REFERENCE = re.compile(rb"\s*([A-Za-z]*)([0-9]+)\s*")
_FAR = 10**9  # a row or column number too long to matter: beyond any limit
# A plain cell start tag: ``r`` first, upper-case letters, then digits without a leading
# zero, then the rest of the tag (the general pattern reads ``r`` when the rest holds no other).
# Every cell start tag (``<c`` then a space, a slash or ``>``), with the parts of a plain one;
# any other start tag gives empty parts.
_CELL_START = re.compile(rb'<c(?=[\s/>])(?: r="([A-Z]{1,5})([1-9][0-9]{0,8})"([^<>]*)>)?')
_OTHER_R = re.compile(rb"\sr\s*=")
_PIECE = 2**20
_LETTERS, _DIGITS, _REST = itemgetter(0), itemgetter(1), itemgetter(2)


def grid_cells(xml: bytes, limit: int) -> int:
    """Rows × columns of the sheet's grid from A1 (0: no cell); counting stops above ``limit``."""
    return bound(xml, limit)[0]


def bound(xml: bytes, limit: int) -> tuple[int, set[bytes] | None]:
    """:func:`grid_cells`, and for a plain sheet the distinct rests of its cell tags (every
    attribute of every cell but ``r``: what :func:`sakip.io.workbook.formulas.needs_scan`
    looks at for an error value); None for the rests of any other sheet."""
    prefixed = (b":c" in xml or b":row" in xml) and _PREFIX.search(xml) is not None
    if not prefixed:
        plain = _plain(xml)
        if plain is not None and plain[0] <= limit:
            return plain
    return _general_grid(xml, limit, _PREFIXED_TAG if prefixed else _TAG), None


def _plain_grid(xml: bytes) -> int | None:
    """The bound of a sheet whose every cell tag is plain (None: some is not)."""
    plain = _plain(xml)
    return None if plain is None else plain[0]


def _plain(xml: bytes) -> tuple[int, set[bytes]] | None:
    """The bound of a sheet whose every cell tag is plain, and the distinct rests of its tags
    (None: some tag is not plain). Every cell tag starts with ``<c`` and a space, a slash or
    ``>`` (a prefixed one was ruled out before); when each such start begins a plain tag, the
    plain tags are all the cells the general pass would see, each placed by its ``r``."""
    rows = columns = 0
    rests: set[bytes] = set()
    start = 0
    while start < len(xml):  # in pieces, so the list of matches stays small
        end = xml.find(b"<", start + _PIECE)
        end = len(xml) if end < 0 else end  # a piece ends before a tag: no tag is cut
        found = _CELL_START.findall(xml, start, end)
        if found:  # the distinct parts of the tags, gathered by loops in C
            digits = set(map(_DIGITS, found))
            if b"" in digits:
                return None  # a cell tag that is not plain
            new = set(map(_REST, found)) - rests
            if any(_OTHER_R.search(rest) for rest in new):
                return None  # a second r: calamine reads that one
            rests |= new
            rows = max(rows, max(map(int, digits)))
            columns = max(columns, max(map(_column, set(map(_LETTERS, found)))) + 1)
        start = end
    return rows * columns, rests


def _general_grid(xml: bytes, limit: int, tags: re.Pattern[bytes]) -> int:
    """The bound counted tag by tag, in order, stopping above ``limit``."""
    last_row = last_column = -1  # 0-based, the farthest seen
    row = -1  # the current row
    next_column = 0  # where a cell without ``r`` goes in the current row, at the farthest
    columns: dict[bytes, int] = {}
    for match in tags.finditer(xml):
        name, letters, digits = match.groups()
        if name == b"row":
            if letters == b"" and digits:
                row = (int(digits) if len(digits) < 10 else _FAR) - 1
            else:  # none, or not plain: after the last row, or farther when it says so
                row = max([max(row, last_row) + 1, *_references(match.group(), rows=True)[0]])
            next_column = 0
            continue
        if letters and digits:
            column = columns.get(letters)
            if column is None:
                column = columns[letters] = _column(letters)
            cell_row = (int(digits) if len(digits) < 10 else _FAR) - 1
        else:  # placed after the previous cell, or farther when an ``r`` somewhere says so
            rows, found = _references(match.group(), rows=False)
            column, cell_row = max([next_column, *found]), max([row, 0, *rows])
        if column >= next_column:
            next_column = column + 1
        if cell_row > last_row or column > last_column:
            last_row, last_column = max(last_row, cell_row), max(last_column, column)
            if (last_row + 1) * (last_column + 1) > limit:
                break
    return (last_row + 1) * (last_column + 1)


def _references(tag: bytes, rows: bool) -> tuple[list[int], list[int]]:
    """The rows and columns, 0-based, named by every ``r`` in a start tag (a row's ``r`` has no
    letters); a value calamine cannot read names nothing."""
    found_rows: list[int] = []
    found_columns: list[int] = []
    for match in _R_ATTRIBUTE.finditer(tag):
        value = match.group(1) if match.group(1) is not None else match.group(2)
        parts = _REFERENCE.fullmatch(value)
        if parts is None or bool(parts.group(1)) == rows:
            continue
        digits = parts.group(2)
        found_rows.append((int(digits) if len(digits) < 10 else _FAR) - 1)
        if not rows:
            found_columns.append(_column(parts.group(1)))
    return found_rows, found_columns


def _column(letters: bytes) -> int:
    if len(letters) > 5:
        return _FAR
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number - 1
