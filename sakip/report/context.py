"""What every chapter builder reads: the plan, the year's measurement and those of earlier years.

The measurements are the engine's (:func:`sakip.core.measure.measure`), one per year of the
strategic plan up to the report year; chapter builders take figures from them and from the plan
and compute none of their own.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from sakip.core.enums import NarrativeKind
from sakip.core.measure import IndicatorResult, Measurement, measure
from sakip.core.model import Indicator, Narrative, Plan
from sakip.core.provenance import Sources
from sakip.core.scales import band_labels
from sakip.io.problems import InputError, Problem
from sakip.report.format import Formatter
from sakip.report.model import BLANK, Logo
from sakip.report.text import Text


@dataclass(frozen=True)
class Options:
    """Report settings that are not in the plan."""

    lang: str = "id"
    place: str | None = None  # where the foreword is signed; else read from the agency address
    date: datetime.date | None = None  # when it is signed; else a blank line to write it on
    charts: bool = True
    logo: Path | None = None  # the emblem on the cover: a PNG, JPEG or SVG file
    # where each entered value comes from (file line, workbook cell, web user and time), for the
    # annex Sumber angka (sakip.core.provenance); None: each input names its record instead
    sources: Sources | None = None


@dataclass
class Context:
    plan: Plan
    year: int
    m: Measurement
    history: dict[int, Measurement]  # every plan year up to the report year
    options: Options
    t: Text
    f: Formatter
    logo: Logo | None = None  # read from Options.logo
    _ids: set[str] = field(default_factory=set)

    # ----------------------------------------------------------------- look-ups

    def result(self, code: str, year: int | None = None) -> IndicatorResult:
        return (self.m if year is None else self.history[year]).result(code)

    def key_results(self) -> list[IndicatorResult]:
        return [self.m.result(code) for code in self.m.key]

    def is_key(self, indicator: Indicator) -> bool:
        return indicator.code in self.m.key

    def narratives(self, kind: NarrativeKind, subject: str | None = None) -> list[Narrative]:
        """Narratives of a kind about a subject (None: the agency), for the year or undated."""
        return narratives_of(self.plan, kind, self.year, subject)

    def id(self, base: str) -> str:
        """A document-unique id derived from ``base``."""
        slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "x"
        candidate, n = slug, 1
        while candidate in self._ids:
            n += 1
            candidate = f"{slug}-{n}"
        self._ids.add(candidate)
        return candidate

    # ----------------------------------------------------------------- signing

    @property
    def place(self) -> str:
        return self.options.place or place_from(self.plan)

    @property
    def date_text(self) -> str:
        if self.options.date is None:  # a line left blank: the signer writes the date
            return BLANK
        return self.f.date(self.options.date)


def place_from(plan: Plan) -> str:
    """The town in the agency's address: its last word once the region's own name is dropped.

    "Jl. Jend. A. Yani No. 100 Tanjungpandan Belitung" in Kabupaten Belitung → "Tanjungpandan".
    Without an address, the region's name without its kind ("Belitung").
    """
    region = re.sub(r"^(Kabupaten|Kota|Provinsi)\s+", "", plan.region.name).strip()
    address = (plan.agency.address or "").strip().rstrip(".")
    if address:
        if region and address.lower().endswith(region.lower()):
            address = address[: -len(region)].strip(" ,")
        words = [w.strip(",") for w in address.split()]
        if words and words[-1].isalpha() and words[-1][0].isupper():
            return words[-1]
    return region or plan.region.name


def narratives_of(plan: Plan, kind: NarrativeKind, year: int,
                  subject: str | None = None) -> list[Narrative]:
    """A plan's narratives of a kind about a subject (None: the agency), for the year or
    undated: what a report prints of them (an agency's own, or the region's of its agencies)."""
    return [n for n in plan.narratives
            if n.kind is kind and n.subject == subject and n.year in (None, year)]


def make_context(plan: Plan, year: int, options: Options | None = None) -> Context:
    options = options or Options()
    sp = plan.strategic_plan
    if not plan.region.given:
        raise InputError([Problem(
            "REPORT_NEEDS_REGION",
            "laporan kinerja menyebut pemerintah daerahnya: tambahkan 'region' (nama dan jenis) "
            "ke berkas rencana; mengukur saja (sakip measure) tidak memerlukannya",
            "a performance report names its regional government: add 'region' (name and kind) "
            "to the plan file; measuring alone (sakip measure) does not need it")])
    if not sp.start <= year <= sp.end:
        raise InputError([Problem(
            "REPORT_YEAR_OUTSIDE_PERIOD",
            f"tahun {year} di luar periode Renstra {sp.start}–{sp.end}",
            f"year {year} is outside the plan period {sp.start}–{sp.end}")])
    logo = read_logo(options.logo) if options.logo is not None else None
    history = {y: measure(plan, y) for y in range(sp.start, year + 1)}
    text = Text(options.lang)
    return Context(plan, year, history[year], history, options, text,
                   Formatter(plan.settings, text, year, band_labels(plan, options.lang)), logo)


LOGO_LIMIT = 5 * 1024 * 1024  # bytes: an emblem, not a photograph


def read_logo(path: Path) -> Logo:
    """The cover's emblem from a PNG, JPEG or SVG file, told by its first bytes, not its name;
    refused with a located problem when it cannot be read, is another format, or is too large."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(LOGO_LIMIT + 1)
    except OSError as error:
        raise InputError([Problem(
            "REPORT_LOGO_UNREADABLE", f"berkas logo tidak dapat dibaca: {error.strerror or error}",
            f"the logo file cannot be read: {error.strerror or error}", file=name)]) from None
    if len(data) > LOGO_LIMIT:
        raise InputError([Problem(
            "REPORT_LOGO_TOO_LARGE", "berkas logo lebih dari 5 MB",
            "the logo file is larger than 5 MB", file=name)])
    kind = _image_kind(data)
    if kind is None:
        raise InputError([Problem(
            "REPORT_LOGO_FORMAT", "logo harus berupa gambar PNG, JPEG atau SVG",
            "the logo must be a PNG, JPEG or SVG image", file=name)])
    return Logo(data, kind)


def _image_kind(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in data[:65536].lower():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return "svg"
    return None
