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

Most plain sheets are also written the common way, checked first and without reading each tag's
parts (:func:`_sampled`): a few cells near the start and the end of the sheet give a farthest
row and column, and one search, which gathers nothing, looks for a cell tag that is not a plain
tag inside them with only the usual attributes (``s``, ``t`` of a type other than an error,
``cm``, ``vm``, ``ph``). When there is none, that row and column are the sheet's farthest (a cell
read has them), and no cell holds an error value. Else the sheet goes the way above.
"""

from __future__ import annotations

import re
from functools import lru_cache
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
# An error value's type in a cell tag's rest (more than cells may match: it only costs a scan).
_ERROR_TYPE = re.compile(rb"""\st\s*=\s*["']e["']""")
# Where a prefixed cell or row may be: a search that skips to each colon (a byte search for a
# pair of bytes is slower than the pattern engine's search for one).
_COLON_C = re.compile(rb":c")
_COLON_ROW = re.compile(rb":row")
_PIECE = 2**20
_SAMPLE = 8192  # a sheet of at most twice this goes the plain path (the samples cost as much)
_HEAD, _TAIL = 4096, 1024  # bytes read for cells after the first cell, around the last
_EXACT_FROM = 2**18  # a sheet from this size is searched with a pattern for its farthest row
_LETTERS, _DIGITS, _REST = itemgetter(0), itemgetter(1), itemgetter(2)


def grid_cells(xml: bytes, limit: int) -> int:
    """Rows × columns of the sheet's grid from A1 (0: no cell); counting stops above ``limit``."""
    return bound(xml, limit)[0]


def bound(xml: bytes, limit: int) -> tuple[int, bool | None]:
    """:func:`grid_cells`, and whether some cell tag may give a cell an error value (what
    :func:`sakip.io.workbook.formulas.needs_scan` would otherwise search the XML for): False
    or True for a plain sheet, whose every cell tag was looked at, None for any other."""
    colon_c = _COLON_C.search(xml) is not None
    if not colon_c:  # no prefixed cell: a plain cell is placed by its r, whatever its row
        sampled = _sampled(xml)
        if sampled is not None and sampled <= limit:
            return sampled, False
        plain = _plain(xml)
        if plain is not None and plain[0] <= limit:
            cells, rests = plain
            return cells, any(_ERROR_TYPE.search(rest) is not None for rest in rests)
    prefixed = ((colon_c or _COLON_ROW.search(xml) is not None)
                and _PREFIX.search(xml) is not None)
    if colon_c and not prefixed:  # ``:c`` somewhere, but in no prefixed cell tag
        plain = _plain(xml)
        if plain is not None and plain[0] <= limit:
            cells, rests = plain
            return cells, any(_ERROR_TYPE.search(rest) is not None for rest in rests)
    return _general_grid(xml, limit, _PREFIXED_TAG if prefixed else _TAG), None


def _sampled(xml: bytes) -> int | None:
    """The bound of a sheet whose cells all lie within the farthest row and column of the plain
    cells read near its start and its end, each tag plain with only the usual attributes
    (None: some cell is not, no cell was read, or the sheet is small: the plain path reads
    all of it at the cost of the samples).

    In a sheet below ``_EXACT_FROM`` the search is made for rows up to the farthest row's first
    two digits followed by nines (16206: 16999), so that one compiled pattern serves many such
    sheets (compiling one costs as much as searching a sheet of a thousand rows), and the cells
    of rows from 16000 are then read in a second search; a larger sheet has its own pattern,
    which costs less than that second search."""
    if len(xml) <= 2 * _SAMPLE:
        return None
    first = xml.find(b'<c r="')
    if first < 0:
        return None
    last = xml.rfind(b'<c r="')
    found = [*_CELL_START.findall(xml, first, first + _HEAD),  # the header row, usually
             *_CELL_START.findall(xml, max(first, last - _TAIL), last + _TAIL)]
    digits = set(map(_DIGITS, found))
    digits.discard(b"")  # a tag that is not plain, or cut at the sample's end: the search sees
    if not digits:
        return None
    rows = max(map(int, digits))
    columns = max(map(_column, set(map(_LETTERS, found)) - {b""})) + 1
    farthest = str(rows)
    top = farthest if len(xml) >= _EXACT_FROM else farthest[:2] + "9" * (len(farthest) - 2)
    if _outside(columns, int(top)).search(xml) is not None:
        return None
    if top != farthest:  # the farthest row is from ``rows`` to ``top``: read those
        rows = max(map(int, _rows_from(farthest[:2].encode(), len(farthest)).findall(xml)))
    return rows * columns


@lru_cache(maxsize=256)
def _rows_from(start: bytes, length: int) -> re.Pattern[bytes]:
    """The row of every plain cell tag whose row has ``length`` digits beginning ``start``."""
    return re.compile(rb'<c r="[A-Z]{1,5}+(' + start + rb"[0-9]{%d})" % (length - len(start))
                      + rb'"')


@lru_cache(maxsize=256)
def _outside(columns: int, rows: int) -> re.Pattern[bytes]:
    """A cell start tag that is not plain with only the usual attributes, inside the first
    ``columns`` columns and ``rows`` rows. (Possessive quantifiers: a part that matched is not
    tried again shorter, so a usual tag is looked at once.)"""
    return re.compile(  # a usual tag fails the first lookahead: the second is not tried
        rb'<c(?! r="' + _at_most(_column_name(columns - 1), b"A", b"Z", b"A")
        + _at_most(str(rows).encode() + b'"', b"0", b"9", b"1")
        + rb'(?: s="[0-9]{1,9}+")?+(?: t="(?:s|n|str|inlineStr|b|d)")?+(?: cm="[0-9]{1,9}+")?+'
        rb'(?: vm="[0-9]{1,9}+")?+(?: ph="[01]")?+/?+>)(?=[\s/>])')


def _at_most(top: bytes, low: bytes, high: bytes, first: bytes) -> bytes:
    """A pattern for the strings of ``low``…``high`` (``first``…``high`` for the first
    character) that are not after ``top`` in the order of a number written with them: shorter,
    or as long and not after it character by character (column letters, row digits). A last
    character of ``top`` outside ``low``…``high`` (a quote) ends every string."""
    end = top[-1:] if not low[0] <= top[-1] <= high[0] else b""
    top = top[:len(top) - len(end)]
    every, start = b"[" + low + b"-" + high + b"]", b"[" + first + b"-" + high + b"]"
    parts = [start + every + b"{0,%d}+" % (len(top) - 2) + end] if len(top) > 1 else []
    for index in range(len(top)):
        below = (first if index == 0 else low)[0]
        if top[index] > below:
            after = len(top) - index - 1
            parts.append(top[:index] + b"[" + bytes([below]) + b"-" + bytes([top[index] - 1])
                         + b"]" + (every + b"{%d}" % after if after else b"") + end)
    parts.append(top + end)
    return b"(?:" + b"|".join(parts) + b")"


def _column_name(index: int) -> bytes:
    """The letters of a 0-based column."""
    name = b""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = bytes([65 + rest]) + name
    return name


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
