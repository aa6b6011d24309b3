"""Lampiran: Manual Indikator Kinerja — the definition sheet of every goal and objective indicator
and of every key indicator (sakip.core.definitions), one block of rows each.

Programme and activity indicators are left to the web's *Manual indikator* page unless they are
the plan's key indicators (a unit whose highest level is programmes): the LKjIP accounts for the
sasaran strategis, the Pengukuran Kinerja Kegiatan annex already lists the programmes' and
activities' indicators, and their sixty-odd sheets in a real agency would outweigh the report.
"""

from __future__ import annotations

from sakip.core.definitions import Sheet, sheet
from sakip.core.enums import Level, Polarity
from sakip.core.formula_words import indicator_formula_words
from sakip.report.chapters.common import head
from sakip.report.context import Context
from sakip.report.model import Align, Block, Cell, Column, Paragraph, Row, RowKind, Table, spans, table

SHOWN = (Level.GOAL, Level.OBJECTIVE)


def definitions(ctx: Context) -> list[Block]:
    key = set(ctx.m.key)
    chosen = [i for i in ctx.plan.indicators if i.level in SHOWN or i.code in key]
    if not chosen:
        return [Paragraph(spans(ctx.t("annex.definitions_none")))]
    sheets = [sheet(ctx.plan, i) for i in chosen]
    return [Paragraph(spans(ctx.t("annex.definitions_intro"))), _table(ctx, sheets)]


def _table(ctx: Context, sheets: list[Sheet]) -> Table:
    t = ctx.t
    rows: list[Row] = []
    for number, found in enumerate(sheets, start=1):
        i = found.indicator
        rows.append(Row((Cell(f"{number}.", bold=True, align=Align.CENTER),
                         Cell(f"{i.code} {i.name}", bold=True, colspan=2)), RowKind.GROUP))
        rows += [Row((Cell(""), Cell(t(f"annex.def_{name}")), Cell(text or "–")))
                 for name, text in _fields(ctx, found)]
    header = (head(t("word.no"), t("word.item"), t("annex.def_content")),)
    return table(ctx.id("tabel-manual-indikator"), t("annex.definitions"),
                 (Column(1, Align.CENTER), Column(4), Column(11)), header, rows)


def _fields(ctx: Context, found: Sheet) -> list[tuple[str, str | None]]:
    t, i = ctx.t, found.indicator
    owner = t(f"word.{i.level.value}")
    if found.owner_name:
        owner = f"{owner} {i.owner}: {found.owner_name}"
    if ctx.is_key(i):
        owner = f"{owner} ({t('annex.def_key')})"
    formula = None
    if i.formula:
        words = indicator_formula_words(ctx.plan, i, t.lang)  # the series' names, not codes
        units = [f"{s.name or s.code}: {s.unit}" for s in found.series if s.unit]
        unknown = [f"{s.code} {t('annex.def_unknown_series')}" for s in found.series if not s.name]
        formula = "\n".join([words or i.formula, *units, *unknown])
    polarity = t(f"polarity.{i.polarity.value}")
    if i.polarity is Polarity.NEGATIVE:
        polarity = f"{polarity}; {ctx.f.rule(ctx.m.result(i.code))}"
    missing = (t("annex.def_complete") if found.complete else
               t("annex.def_missing", fields=", ".join(t(f"annex.def_{f.value}").lower()
                                                      for f in found.missing)))
    unit = i.unit or (t("annex.def_levels", levels=", ".join(i.levels)) if i.levels else None)
    return [
        ("level", owner), ("definition", _text(i.definition)), ("formula", formula),
        ("calculation", _text(i.calculation)), ("unit", unit), ("polarity", polarity),
        ("data_source", _text(i.data_source)),
        ("frequency", t(f"frequency.{i.frequency.value}") if i.frequency else None),
        ("responsible", _text(i.responsible)), ("rationale", _text(i.rationale)),
        ("completeness", missing),
    ]


def _text(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None

