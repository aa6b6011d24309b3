"""What the report's sentences state: budget figures, indicator figures, averages, labels.

Paragraphs cut by a page break ("… dikali" / "10.000. Realisasi …") are joined first.
Each reader below recognises one common phrasing of Indonesian LKjIP prose and nothing else;
a sentence it does not recognise is left alone rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sakip.io.idnum import MalformedNumber, parse_id_number
from sakip.review.report import cells as C
from sakip.review.report.document import Document, Paragraph

_AMOUNT = re.compile(
    r"\b(?P<cur>Rp|Ro)\s*\.?\s*(?P<num>\d(?:[\d.,]*\d)?)(?P<suffix>,--|,-|\.-)?", re.I)
_PERCENT = re.compile(r"(?<![\d.,])(?P<num>-?\d[\d.,]*?)\s*%")
_REALISASI = re.compile(r"\brealisasi", re.I)
_PROGRAM = re.compile(r"alokasi\s+anggaran\s+program\b", re.I)
_LIST_MARKER = re.compile(r"^\s*(?:[-•*]\s*)?(?:\(?\d+\)|\d+[.)])\s+")
_ACTIVITY_WORD = re.compile(r"^\s*(?:[-•*]\s*)?(?:\(?\d+\)\s*|\d+[.)]\s*)?kegiatan\b", re.I)
_HEADING = re.compile(
    r"^\s*(?:(?:\d+|[IVX]+)\.\s+program\b|tujuan\s*/\s*sasaran\s+strategis|\d+\.\d+\.?\s+[A-Z]{3,}|"
    r"bab\s+[ivx]+\b)", re.I)
_BECAUSE = re.compile(r"\b(dikarenakan|karena|disebabkan|akibat)\b", re.I)
_TERMINAL = (".", ":", ";", "!", "?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


@dataclass(frozen=True)
class Passage:
    text: str
    line: int
    block: int  # index of its first paragraph in Document.blocks


@dataclass(frozen=True)
class Amount:
    text: str
    value: Decimal | None  # None when malformed
    start: int
    end: int


@dataclass(frozen=True)
class Percent:
    number: C.Number
    start: int


@dataclass(frozen=True)
class BudgetStatement:
    kind: str  # program | activity | agency
    name: str
    ceiling: Amount
    spent: Amount
    percent: Percent | None
    passage: Passage
    ceiling_original: Amount | None = None
    explained: bool = False


def passages(document: Document) -> list[Passage]:
    result: list[Passage] = []
    for index, block in enumerate(document.blocks):
        if not isinstance(block, Paragraph):
            continue
        text = block.text
        if result and _continues(result[-1], text, index):
            last = result[-1]
            result[-1] = Passage(last.text + " " + text, last.line, last.block)
            continue
        result.append(Passage(text, block.line, index))
    return result


def _continues(previous: Passage, text: str, index: int) -> bool:
    ending = previous.text.rstrip()
    if not ending or ending.endswith(_TERMINAL) or previous.block < index - 3:
        return False
    first = text.lstrip()[:1]
    return first.islower() or (first.isdigit() and not _LIST_MARKER.match(text))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def amounts(text: str) -> list[Amount]:
    found = []
    for match in _AMOUNT.finditer(text):
        printed = match.group("num") + (match.group("suffix") or "")
        try:
            value: Decimal | None = parse_id_number(printed)
        except MalformedNumber:
            value = None
        found.append(Amount(match.group(0).strip(), value, match.start(), match.end()))
    return found


def percents(text: str) -> list[Percent]:
    found = []
    for match in _PERCENT.finditer(text):
        number = C.read_number(match.group("num") + "%")
        if number is not None:
            found.append(Percent(number, match.start()))
    return found


def budget_statement(passage: Passage) -> BudgetStatement | None:
    """``… alokasi anggaran sebesar Rp A … realisasi sebesar Rp B … setara dengan P%``."""
    text = passage.text
    found = amounts(text)
    said = _REALISASI.search(text)
    if len(found) < 2 or said is None:
        return None
    before = [a for a in found if a.end <= said.start()]
    after = [a for a in found if a.start >= said.start()]
    if not before or not after:
        return None
    ceiling, spent = before[-1], after[0]
    original = before[0] if len(before) > 1 and "perubahan" in text.casefold() else None
    percent = next((p for p in percents(text) if p.start >= spent.end), None)
    head = text[: before[0].start]
    if _PROGRAM.search(head):
        kind = "program"
    elif _LIST_MARKER.match(text) or _ACTIVITY_WORD.match(text):
        kind = "activity"
    else:
        kind = "agency"
    rest = text[percent.start:] if percent is not None else ""
    return BudgetStatement(kind, _name(kind, head), ceiling, spent, percent, passage, original,
                           bool(_BECAUSE.search(rest)))


def _name(kind: str, head: str) -> str:
    text = _LIST_MARKER.sub("", head).strip()
    if kind == "program":
        match = re.search(r"program\s+(.*?)(?:\s+adalah|\s+sebesar|\s+dengan|$)", text, re.I)
        return ("Program " + match.group(1)).strip() if match else text
    if kind == "activity":
        text = re.sub(r"^kegiatan\s+", "", text, flags=re.I)
        match = re.match(r"(.*?)(?:\s+yang\s+dilaksanakan|\s+dengan\s+alokasi|\s+sebesar|$)", text,
                         re.I)
        return match.group(1).strip() if match else text
    return " ".join(text.split()[:12])


@dataclass(frozen=True)
class ProgramGroup:
    program: BudgetStatement
    activities: tuple[BudgetStatement, ...]


def budget_statements(items: list[Passage]) -> list[BudgetStatement]:
    """Every budget statement, activities marked explained when a reason follows them."""
    result: list[BudgetStatement] = []
    for index, passage in enumerate(items):
        statement = budget_statement(passage)
        if statement is None:
            continue
        if statement.kind == "activity" and not statement.explained:
            for following in items[index + 1: index + 4]:
                if budget_statement(following) is not None or _HEADING.match(following.text):
                    break
                if _BECAUSE.search(following.text):
                    statement = BudgetStatement(**{**vars(statement), "explained": True})
                    break
        result.append(statement)
    return result


def program_groups(items: list[Passage]) -> list[ProgramGroup]:
    groups: list[ProgramGroup] = []
    current: BudgetStatement | None = None
    members: list[BudgetStatement] = []

    def close() -> None:
        if current is not None:
            groups.append(ProgramGroup(current, tuple(members)))

    statements = {s.passage.block: s for s in budget_statements(items)}
    for passage in items:
        statement = statements.get(passage.block)
        if statement is None:
            if _HEADING.match(passage.text) and current is not None:
                close()
                current, members = None, []
            continue
        if statement.kind == "program":
            close()
            current, members = statement, []
        elif statement.kind == "activity" and current is not None:
            members.append(statement)
        elif statement.kind == "agency":
            close()
            current, members = None, []
    close()
    return groups


# --------------------------------------------------------------------------- figures in prose

_FIGURE = re.compile(
    r"(?P<name>[A-Za-z(][^:;]{6,260}?)\s+sebesar\s+(?P<num>-?\d[\d.,]*\d|\d)\s*(?P<pct>%)?",
)
_MONEYISH = re.compile(r"\b(rp|ro|anggaran|alokasi|realisasi|pagu|dana)\b", re.I)


@dataclass(frozen=True)
class FigureStatement:
    name: str
    number: C.Number
    passage: Passage


def figure_statements(items: list[Passage]) -> list[FigureStatement]:
    """``<indicator> sebesar <value>`` in a list item or a short paragraph."""
    result = []
    for passage in items:
        for sentence in sentences(passage.text):
            for match in _FIGURE.finditer(sentence):
                name = match.group("name").split(":")[-1].strip()
                name = _LIST_MARKER.sub("", name).strip()
                if _MONEYISH.search(name) or len(name.split()) < 2:
                    continue
                number = C.read_number(match.group("num") + (match.group("pct") or ""))
                if number is not None:
                    result.append(FigureStatement(name, number, passage))
    return result


_COUNT = re.compile(r"(?P<n>\d+)\s*\(\s*[a-z]+\s*\)\s*indikator", re.I)
_AVERAGE_VALUE = re.compile(r"rata\s*-?\s*rata[^%]{0,80}?(?P<num>\d[\d.,]*)\s*%", re.I)


@dataclass(frozen=True)
class AverageClaim:
    count: int
    number: C.Number
    passage: Passage
    sentence: str


def average_claims(items: list[Passage]) -> list[AverageClaim]:
    """``dengan 3 (tiga) indikator … rata-rata nilai capaian 77,26%``."""
    result = []
    for passage in items:
        for sentence in sentences(passage.text):
            value = _AVERAGE_VALUE.search(sentence)
            count = _COUNT.search(sentence)
            if value is None or count is None:
                continue
            number = C.read_number(value.group("num") + "%")
            if number is not None:
                result.append(AverageClaim(int(count.group("n")), number, passage, sentence))
    return result


_LABEL_CLAIM = re.compile(
    r"(?P<num>\d[\d.,]*)\s*%[^.%]{0,80}?\b(?:kategori|katagori|predikat)\s+\W*"
    r"(?P<label>[A-Za-z]+(?:\s+[A-Za-z]+){0,2})", re.I)


@dataclass(frozen=True)
class LabelClaim:
    number: C.Number
    label: str
    passage: Passage


def label_claims(items: list[Passage]) -> list[LabelClaim]:
    """``… 77,26% dan termasuk kategori baik``."""
    result = []
    for passage in items:
        for match in _LABEL_CLAIM.finditer(passage.text):
            number = C.read_number(match.group("num") + "%")
            if number is not None:
                result.append(LabelClaim(number, match.group("label"), passage))
    return result


_NEGATIVE = re.compile(
    r"indikator\s+negatif|semakin\s+(?:sedikit|kecil|rendah)\b[^.]*semakin\s+baik", re.I)


def negative_sentences(items: list[Passage]) -> list[tuple[str, Passage]]:
    """Sentences that call an indicator lower-is-better."""
    return [(s, p) for p in items for s in sentences(p.text) if _NEGATIVE.search(s)]
