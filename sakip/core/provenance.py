"""Provenance: where each figure of a measurement comes from (issue 15, point 3).

Every figure the measurement produces is named by a *figure key*, the key its report cell
carries (``achievement:2020:IKU-01``, ``absorption:2020:P01``, ``group:2020:S1`` …;
:mod:`sakip.core.derivations` lists them). Its :class:`Derivation` says how it was found: the
rule, in words and as code; each :class:`Input` with its value and its :class:`Source` (or the
figure it comes from); the rounding applied (:func:`sakip.core.numbers.quantize`); the result.

Sources are not part of the plan model: a plan is the same whatever it was read from. They are a
side map, :class:`Sources`, keyed by the plan's record keys (:mod:`sakip.core.records`: kind,
key and field) and filled by the reader that read the plan — the plan file gives file, line and
path, the workbook sheet, row and column, the web the user and time of the audit entry that
wrote the value. The measurement neither reads nor builds it, so it is as fast without it.

Texts are Indonesian and English pairs (:data:`Words`); :func:`lines` prints a derivation in
either language for the command line, the report's annex and the web page alike.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from sakip.core.formula_words import number_words

Key = tuple[object, ...]
Words = tuple[str, str]  # (Indonesian, English)


def pick(words: Words | None, lang: str) -> str:
    """The text of ``words`` in ``lang`` (English for "en", else Indonesian)."""
    if words is None:
        return ""
    return words[1] if lang == "en" else words[0]


class SourceKind(enum.Enum):
    PLAN_FILE = "plan_file"  # a plan file: file, line, path
    WORKBOOK = "workbook"  # a workbook: sheet, row, column
    WEB = "web"  # the web: the user and time of the audit entry that wrote it
    RECORD = "record"  # a plan from no file (built in code, a snapshot): the record in words


@dataclass(frozen=True)
class Source:
    """Where one value was written."""

    kind: SourceKind
    file: str | None = None
    line: int | None = None
    path: str | None = None  # the value's place in the plan file, or the record in words
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    user: str | None = None
    at: str | None = None  # ISO date and time of the audit entry
    entry: str | None = None  # the audit key (``realisasi:IKU-01:2020:0``)

    def words(self, brief: bool = False) -> Words:
        """The source in words: ``belitung.yaml baris 272 (goals[0]…)``; ``lembar Realisasi,
        baris 12, kolom E``; ``diisi oleh budi, 2026-03-01 10:15``. ``brief``: a plan file's
        name without its folder and the line without the path inside the file."""
        if self.kind is SourceKind.PLAN_FILE:
            where = f" ({self.path})" if self.path and not brief else ""
            file = self.file or ""
            if brief:
                file = file.replace("\\", "/").rsplit("/", 1)[-1]
            if self.line is None:
                return f"{file}{where}", f"{file}{where}"
            return (f"{file} baris {self.line}{where}", f"{file} line {self.line}{where}")
        if self.kind is SourceKind.WORKBOOK:
            parts_id = [f"{self.file}: " if self.file else "", f"lembar {self.sheet}"]
            parts_en = [f"{self.file}: " if self.file else "", f"sheet {self.sheet}"]
            if self.row is not None:
                parts_id.append(f", baris {self.row}")
                parts_en.append(f", row {self.row}")
            if self.column:
                parts_id.append(f", kolom {self.column}")
                parts_en.append(f", column {self.column}")
            return "".join(parts_id), "".join(parts_en)
        if self.kind is SourceKind.WEB:
            who = self.user or "?"
            when = (self.at or "").replace("T", " ")[:16]
            entry = f" [{self.entry}]" if self.entry else ""
            return f"diisi oleh {who}, {when}{entry}", f"entered by {who}, {when}{entry}"
        return f"rekaman {self.path}", f"record {self.path}"


Locate = Callable[[str, Key, "str | None"], "Source | None"]


class Sources:
    """The sources of a plan's values by record (kind, key) and field, filled by its reader.

    ``locate`` answers for one record and field (None: not known); answers are kept, so a reader
    whose places are found lazily (the workbook's) finds each once."""

    def __init__(self, locate: Locate | None = None) -> None:
        self._locate = locate
        self._found: dict[tuple[str, Key, str | None], Source | None] = {}

    def of(self, kind: str, key: Key, field: str | None = None) -> Source | None:
        asked = (kind, key, field)
        if asked not in self._found:
            self._found[asked] = self._locate(kind, key, field) if self._locate else None
        return self._found[asked]


NO_SOURCES = Sources()


@dataclass(frozen=True)
class Input:
    """One input of a derivation: a value as entered (with its source) or another figure."""

    symbol: str  # "T", "R", "pmks[n-1]", "Pagu" …
    label: Words
    value: Decimal | None = None
    text: str | None = None  # a qualitative value, or a value given in words
    record: Words | None = None  # the record it was read from, in words
    source: Source | None = None
    figure: str | None = None  # the key of the figure it comes from (its own derivation)
    money: bool = False


@dataclass(frozen=True)
class Derivation:
    """How one figure was found."""

    key: str  # the figure key: "achievement:2020:IKU-01"
    title: Words
    rule: Words  # the rule in words
    code: str | None = None  # the rule as code: "R/T×100", "pmks_handled[n] / pmks[n] * 100"
    inputs: tuple[Input, ...] = ()
    unrounded: Decimal | None = None
    rounding: Words | None = None  # the rounding rule applied, None when none was
    result: Decimal | None = None
    result_text: str | None = None  # a label, a level: a figure that is no number
    note: Words | None = None  # why there is no value, a cap, a difference …
    money: bool = False  # an amount in rupiah

    @property
    def kind(self) -> str:
        return self.key.split(":", 1)[0]


UNROUNDED_PLACES = 8  # the places a value before rounding is shown with, at most


def number(value: Decimal | None, lang: str = "id", money: bool = False) -> str:
    """A value of a derivation as its readers write it, with the places it carries (10.000,5;
    1.002,00; Rp 1.234); – when missing. A value with more than :data:`UNROUNDED_PLACES` places
    (one before rounding) is cut there and ends in "…"."""
    if value is None:
        return "–"
    exponent = value.as_tuple().exponent
    cut = isinstance(exponent, int) and -exponent > UNROUNDED_PLACES
    if cut:
        value = value.quantize(Decimal(1).scaleb(-UNROUNDED_PLACES), rounding=ROUND_DOWN)
    text = number_words(value, lang, keep_places=True) + ("…" if cut else "")
    return f"Rp {text}" if money else text


_LABELS: dict[str, Words] = {
    "rule": ("Aturan", "Rule"),
    "code": ("Rumus (kode)", "Formula (code)"),
    "inputs": ("Masukan", "Inputs"),
    "unrounded": ("Hasil sebelum pembulatan", "Result before rounding"),
    "rounding": ("Pembulatan", "Rounding"),
    "result": ("Hasil", "Result"),
    "note": ("Catatan", "Note"),
    "source": ("sumber", "source"),
    "from": ("dari", "from"),
    "see": ("lihat", "see"),
}


def label(name: str, lang: str) -> str:
    return pick(_LABELS[name], lang)


def input_line(item: Input, lang: str, brief: bool = False) -> str:
    """One input in words: ``R = 13.619 — realisasi IKU-01/2020, sumber: x.yaml baris 272``."""
    shown = item.text if item.text is not None and item.value is None else number(
        item.value, lang, item.money)
    line = f"{item.symbol} = {shown} — {pick(item.label, lang)}"
    if item.record is not None:
        line += f" ({pick(item.record, lang)})"
    if item.source is not None:
        line += f"; {label('source', lang)}: {pick(item.source.words(brief), lang)}"
    if item.figure is not None:
        line += f"; {label('see', lang)} {item.figure}"
    return line


def result_text(derivation: Derivation, lang: str) -> str:
    if derivation.result is None:
        return derivation.result_text or "–"
    text = number(derivation.result, lang, derivation.money)
    return f"{text} ({derivation.result_text})" if derivation.result_text else text


def lines(derivation: Derivation, lang: str = "id") -> list[str]:
    """The derivation as lines of text, in ``lang``."""
    out = [pick(derivation.title, lang), f"  {label('rule', lang)}: {pick(derivation.rule, lang)}"]
    if derivation.code:
        out.append(f"  {label('code', lang)}: {derivation.code}")
    if derivation.inputs:
        out.append(f"  {label('inputs', lang)}:")
        out += [f"    {input_line(item, lang)}" for item in derivation.inputs]
    if derivation.rounding is not None:
        if derivation.unrounded is not None:
            out.append(f"  {label('unrounded', lang)}: {number(derivation.unrounded, lang)}")
        out.append(f"  {label('rounding', lang)}: {pick(derivation.rounding, lang)}")
    out.append(f"  {label('result', lang)}: {result_text(derivation, lang)}")
    if derivation.note is not None:
        out.append(f"  {label('note', lang)}: {pick(derivation.note, lang)}")
    return out
