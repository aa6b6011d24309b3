"""The report's own scales (its predicate and category tables) and reading printed labels.

A report that prints its scale ("<100 Tidak tercapai; = 100 Tercapai; >100 Melebihi target",
"75 - 89,99 Baik") is judged by that scale, turned into a :class:`sakip.core.model.Scale` and
applied with :func:`sakip.core.scales.band_for`. Without one, the standard scales are used.
A printed label ("Tercapai melebihi target", "Belum tercapai") is matched to a band by its
words; a label that matches no band well is not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sakip.core.enums import Closed, ScaleKind
from sakip.core.model import Band, Scale
from sakip.review.report import cells as C
from sakip.review.report.tables import Role, Table

_WORD = re.compile(r"[a-z]+")
_NEGATIONS = frozenset({"tidak", "belum", "bukan"})
_SYNONYMS = {"belum": "tidak", "katagori": "kategori"}
_REMARK = re.compile(r"\([^)]*\)")
_FILLER = frozenset({"dan", "atau", "yang", "capaian", "kinerja"})


@dataclass(frozen=True)
class ReportScale:
    scale: Scale
    table: str | None  # the table it was read from; None for a standard scale


def _words(text: str) -> frozenset[str]:
    found = (_SYNONYMS.get(w, w) for w in _WORD.findall(text.casefold()))
    return frozenset(w for w in found if w not in _FILLER)


def scale_from_table(table: Table, code: str) -> Scale | None:
    """A scale from a table with a column of ranges and a column of labels."""
    ranges = table.find(Role.RANGE)
    verdict = table.find(Role.VERDICT)
    if ranges is None or verdict is None:
        return None
    bands: list[Band] = []
    for row in table.data:
        bound = C.parse_range(row.text(ranges))
        name = row.text(verdict).strip()
        if bound is None or not name:
            continue
        op, low, high = bound
        if op == "=":
            bands.append(Band(name, exactly=low))
        elif op in ("<", "<="):
            bands.append(Band(name, upper=low))
        elif op in (">", ">="):
            bands.append(Band(name, lower=low))
        elif high is not None:
            bands.append(Band(name, lower=low, upper=_open_end(high)))
    if len(bands) < 2:
        return None
    header = verdict.header.casefold()
    kind = ScaleKind.PREDICATE if "predikat" in header else ScaleKind.CATEGORY
    return Scale(code, table.name, kind, Closed.LEFT, tuple(bands), source=table.name)


def _open_end(high: Decimal) -> Decimal:
    """``89,99`` printed as the top of a band means the band ends before ``90``."""
    exponent = high.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    digits = str(high).split(".")[-1] if places else ""
    if places and set(digits) == {"9"}:
        return high + Decimal(1).scaleb(-places)
    return high + Decimal(1).scaleb(-places) if places else high + 1


def match_band(scale: Scale, text: str) -> Band | None:
    """The band a printed label names, or None when it names none clearly.

    Remarks in parentheses are ignored; a negation ("tidak", "belum") must agree; a band is
    named by a word only it has, or by all its words; the best covered band wins.
    """
    said = _words(_REMARK.sub(" ", text))
    if not said:
        return None
    vocab = [(band, _words(band.label)) for band in scale.bands]
    vocab = [(b, w) for b, w in vocab if w and (w & _NEGATIONS) == (said & _NEGATIONS)]
    frequency: dict[str, int] = {}
    for _, words in vocab:
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    best: tuple[float, float, Band] | None = None
    for band, words in vocab:
        hit = words & said
        distinctive = [w for w in hit if frequency[w] == 1 and w not in _NEGATIONS]
        if not hit or (not distinctive and hit != words):
            continue
        candidate = (len(hit) / len(words), sum(1 / frequency[w] for w in hit), band)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best is not None else None


def find_label(scales: list[ReportScale], text: str) -> tuple[ReportScale, Band] | None:
    """The scale and band a printed label belongs to (the best covered one)."""
    for scale in scales:
        band = match_band(scale.scale, text)
        if band is not None:
            return scale, band
    return None
