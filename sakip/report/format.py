"""The one place where a report's numbers become text.

Indonesian formats through :mod:`sakip.io.idnum` (1.234.567,89; Rp 5.054.687.243). A plan's
figures print with the places of their canonical value (0,5; 94,78; 80), a derived realisation
with those its precision gave it; an indicator's targets print aligned with the most places any
of them has (5,0 beside 4,8), a supporting table's column with the most places in the column;
achievements and averages use the plan's ``achievement_places``, absorptions its
``absorption_places`` (the same unless set). A negative number
prints with the minus sign (−5,93), not a hyphen. A missing figure
prints as "–" and carries its reason as a note, which the table turns into a lettered footnote.
Cells keep the value they print and a key naming the measured figure, so the report can be
checked against the measurement figure by figure. A predicate or category label prints in the
report's language by :class:`~sakip.core.scales.BandLabels` (English: the band's ``label_en``).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from sakip.core.achievement import Why
from sakip.core.budget import BudgetLine, absorption_places
from sakip.core.enums import ActualStatus, Closed, Polarity
from sakip.core.measure import GroupResult, IndicatorResult, range_inner
from sakip.core.model import Band, Indicator, Scale, Settings, Target
from sakip.core.scales import BandLabels
from sakip.io import idnum
from sakip.io.idnum import format_id, format_rupiah
from sakip.report.model import Align, Cell
from sakip.report.text import MONTHS, Text

DASH = "–"
MINUS = "\u2212"  # the minus sign, not a hyphen: "−5,93"
MAX_PLACES = 4


def signed(text: str) -> str:
    """A formatted number with the minus sign in place of the hyphen ``format_id`` writes."""
    return text.replace("-", MINUS)


def places_of(value: Decimal) -> int:
    """The decimal places a value was entered or derived with (0,5 → 1; 80 → 0), at most 4."""
    return idnum.places_of(value, MAX_PLACES)


class Formatter:
    """Numbers and cells of one report: its settings, language and year; ``labels``: how its
    plan's predicate and category labels print (default: every label as it is)."""

    def __init__(self, settings: Settings, text: Text, year: int,
                 labels: BandLabels | None = None) -> None:
        self.settings = settings
        self.t = text
        self.year = year
        self.labels = labels if labels is not None else BandLabels((), text.lang)

    # ----------------------------------------------------------------- plain text

    def number(self, value: Decimal | None, places: int | None = None) -> str:
        if value is None:
            return DASH
        return signed(format_id(value, places_of(value) if places is None else places,
                                self.settings.rounding))

    def percent(self, value: Decimal | None) -> str:
        """An achievement, average or absorption: the plan's places (1.002,00; 83,95)."""
        return self.number(value, self.settings.achievement_places)

    def absorption(self, value: Decimal | None) -> str:
        """An absorption: the plan's places for absorptions (its achievement places unless set)."""
        return self.number(value, absorption_places(self.settings))

    def money(self, value: Decimal | None) -> str:
        """Whole rupiah without the currency sign, for columns headed "(Rp)"."""
        return DASH if value is None else signed(format_id(value, 0))

    def rupiah(self, value: Decimal | None) -> str:
        return DASH if value is None else signed(format_rupiah(value))

    def count(self, n: int) -> str:
        """A count as official prose writes it: "3 (tiga)"."""
        return self.t.count(n)

    def date(self, value: datetime.date | str | None) -> str:
        """"2020-12-08" → "8 Desember 2020"; "2019-08" → "Agustus 2019"; "2020" stays."""
        if value is None:
            return DASH
        if isinstance(value, datetime.date):
            value = value.isoformat()
        months = MONTHS.get(self.t.lang, MONTHS["id"])
        parts = value.split("-")
        if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
            month = months[int(parts[1]) - 1]
            if len(parts) == 3 and parts[2].isdigit():
                return f"{int(parts[2])} {month} {parts[0]}"
            return f"{month} {parts[0]}"
        return value

    def target_number(self, indicator: Indicator, value: Decimal | None) -> str:
        """A target (or PK target) of ``indicator``, aligned with its other targets: 5,0 beside
        4,8 (:meth:`Indicator.target_places`), at most 4 places."""
        if value is None:
            return DASH
        return self.number(value, min(MAX_PLACES, indicator.target_places(value)))

    def target_text(self, indicator: Indicator, target: Target | None) -> str:
        if target is None:
            return DASH
        if target.value is None:
            return target.text or DASH
        low = self.target_number(indicator, target.value)
        if target.upper is not None:
            return f"{low} – {self.target_number(indicator, target.upper)}"
        return low

    def actual_text(self, r: IndicatorResult) -> str:
        if r.actual is not None:
            return self.number(r.actual)
        return r.actual_text or DASH

    # ----------------------------------------------------------------- cells of an indicator

    def name(self, r: IndicatorResult) -> Cell:
        """The indicator's name; a lower-is-better one is marked with a note of its rule."""
        indicator = r.indicator
        note = None
        if indicator.polarity is Polarity.NEGATIVE:
            note = self.t("note.negative", rule=self.rule(r))
        elif indicator.polarity is Polarity.STABILISE:
            note = self.t("note.stabilise")
        return Cell(indicator.name, note=note)

    def target(self, indicator: Indicator, year: int, key: str | None = None) -> Cell:
        target = indicator.target(year)
        if target is None:
            return Cell(DASH, note=self.t("note.no_target", year=year), align=Align.CENTER)
        return Cell(self.target_text(indicator, target), value=target.value, key=key)

    def actual(self, r: IndicatorResult) -> Cell:
        key = f"actual:{r.year}:{r.code}"
        if r.actual is None and r.actual_text is None:
            return Cell(DASH, note=self.missing_reason(r), key=key, align=Align.CENTER)
        notes = []
        if r.status is ActualStatus.PROVISIONAL:
            notes.append(self.t("note.provisional", reason=r.reason or ""))
        if r.derived is not None and r.reported is not None and r.derived != r.reported:
            notes.append(self.t("note.derived_differs", reported=self.number(r.reported)))
        if r.note:
            notes.append(r.note)
        return Cell(self.actual_text(r), value=r.actual, key=key,
                    note="; ".join(notes) if notes else None)

    def achievement(self, r: IndicatorResult) -> Cell:
        key = f"achievement:{r.year}:{r.code}"
        if r.achievement is not None:
            note = None if r.uncapped is None else self.t(
                "note.capped", cap=self.number(r.indicator.cap), uncapped=self.percent(r.uncapped))
            return Cell(self.percent(r.achievement), value=r.achievement, key=key, note=note)
        return Cell(DASH, key=key, note=self.why(r), align=Align.CENTER)

    def missing_reason(self, r: IndicatorResult) -> str:
        if r.status is ActualStatus.NOT_AVAILABLE and r.reason:
            return r.reason
        return self.t("note.no_actual", year=r.year)

    def why(self, r: IndicatorResult) -> str:
        if r.why in (Why.NO_ACTUAL, Why.NOT_AVAILABLE):
            return self.missing_reason(r)
        if r.why is Why.NO_TARGET:
            return self.t("note.no_target", year=r.year)
        if r.why is Why.QUALITATIVE:
            met = self.t("word.met") if r.met else self.t("word.not_met")
            return self.t("note.qualitative", met=met)
        return self.t(f"why.{r.why.value}" if r.why else "why.unknown")

    def rule(self, r: IndicatorResult) -> str:
        """The achievement rule applied to ``r`` in words (a range rule names its inner rule)."""
        inner = range_inner(r.rule)
        return r.rule if inner is None else self.t("rule.range", rule=inner)

    def band(self, label: str | None) -> str:
        """A predicate or category label as printed (English: its ``label_en``); "–" for none."""
        return self.labels(label) or DASH

    def band_word(self, label: str | None) -> str:
        """:meth:`band` inside a sentence: lower case ("predikat melebihi target")."""
        return self.band(label).lower()

    def label(self, value: str | None) -> Cell:
        """A predicate or category cell, its label printed by :meth:`band`."""
        return Cell(self.band(value), align=Align.CENTER if value is None else None)

    # ----------------------------------------------------------------- groups and money

    def group(self, g: GroupResult, year: int) -> Cell:
        key = f"{'own' if g.level == 'goal_own' else 'group'}:{year}:{g.code}"
        if g.achievement is None:
            return Cell(DASH, key=key, note=self.t("note.group_missing"), align=Align.CENTER)
        return Cell(self.percent(g.achievement), value=g.achievement, key=key)

    def money_cell(self, value: Decimal | None, key: str | None = None,
                   note: str | None = None) -> Cell:
        if value is None:
            return Cell(DASH, key=key, note=note or self.t("note.no_budget"), align=Align.CENTER)
        return Cell(self.money(value), value=value, key=key, note=note)

    def percent_cell(self, value: Decimal | None, key: str | None = None,
                     note: str | None = None, *, absorption: bool = False) -> Cell:
        if value is None:
            return Cell(DASH, key=key, note=note or self.t("note.no_budget"), align=Align.CENTER)
        return Cell(self.absorption(value) if absorption else self.percent(value), value=value,
                    key=key)

    def budget(self, line: BudgetLine, year: int) -> tuple[Cell, Cell, Cell]:
        """Ceiling, spending and absorption of a budget line."""
        note = self.t("note.no_budget") if line.ceiling is None else None
        return (self.money_cell(line.ceiling, f"ceiling:{year}:{line.code}", note),
                self.money_cell(line.spent, f"spent:{year}:{line.code}", note),
                self.percent_cell(line.absorption, f"absorption:{year}:{line.code}", note,
                                  absorption=True))

    # ----------------------------------------------------------------- scales

    def band_range(self, scale: Scale, band: Band) -> str:
        """A band's interval in words of its scale's closed side: "≥ 75 s.d. < 90", "= 100"."""
        if band.exactly is not None:
            return f"= {self.number(band.exactly)}"
        closed = band.closed or scale.closed
        low_sign = ">" if closed is Closed.RIGHT else "≥"
        high_sign = "<" if closed is Closed.LEFT else "≤"
        exact = {b.exactly for b in scale.bands if b.exactly is not None}
        if band.lower in exact:
            low_sign = ">"  # the exact band takes the bound itself
        if band.upper in exact:
            high_sign = "<"
        low = f"{low_sign} {self.number(band.lower)}" if band.lower is not None else None
        high = f"{high_sign} {self.number(band.upper)}" if band.upper is not None else None
        if low and high:
            return f"{low} {self.t('word.to')} {high}"
        return low or high or DASH
