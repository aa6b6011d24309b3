"""Lampiran: Sumber angka — the derivation of every figure the report prints (issue 15, point 3).

One row per figure: what it is, the rule (in words and as code), its inputs with their sources
(a plan-file line, a workbook cell, a web entry — when the report was given them,
``Options.sources``) or the figure each comes from, the rounding and the result. The rows are
the core's derivations (sakip.core.derivations); nothing is computed here.

:func:`link_sources` gives each figure's cell elsewhere in the document the id of its row
(``Cell.source``): the HTML report links the figure there. The rows come in the order of the
figure kinds (achievements, realisations, means, budget …), each row's first cell being its
anchor.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sakip.core.derivations import derive_all, figure_key, figure_keys, in_language
from sakip.core.provenance import (
    NO_SOURCES,
    Derivation,
    input_line,
    label,
    number,
    pick,
)
from sakip.report.chapters.common import head
from sakip.report.context import Context
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Chapter,
    Column,
    Document,
    Paragraph,
    Row,
    RowKind,
    Section,
    Table,
    spans,
    table,
)

SOURCES_ID = "lampiran-sumber-angka"

_TEXT: dict[str, dict[str, str]] = {
    "id": {
        "title": "Sumber Angka",
        "intro": "Lampiran ini menguraikan asal setiap angka hasil pengukuran dalam laporan ini: "
                 "aturan dan rumusnya, setiap masukan beserta sumbernya (baris berkas rencana, sel "
                 "buku kerja, atau isian aplikasi beserta pengguna dan waktunya), pembulatan yang "
                 "diterapkan, dan hasilnya. Angka yang berasal dari angka lain merujuk ke kuncinya.",
        "caption": "Sumber angka: {group}",
        "figure": "Uraian angka", "explanation": "Keterangan (aturan, rumus, masukan dan sumbernya)",
        "result": "Hasil",
    },
    "en": {
        "title": "Sources of the Figures",
        "intro": "This annex sets out where every measured figure of this report comes from: its "
                 "rule and formula, each input with its source (a plan-file line, a workbook "
                 "cell, or an entry in the application with its user and time), the rounding "
                 "applied, and the result. A figure computed from others refers to their keys.",
        "caption": "Sources of the figures: {group}",
        "figure": "Figure", "explanation": "Explanation (rule, formula, inputs and their sources)",
        "result": "Result",
    },
}
_GROUP_NAMES: dict[str, dict[str, str]] = {
    "id": {"achievement": "capaian indikator", "actual": "realisasi indikator",
           "target": "target indikator", "pk": "target Perjanjian Kinerja",
           "group": "rata-rata capaian", "budget": "anggaran dan serapan",
           "other": "efisiensi, perubahan, target akhir dan jumlah indikator"},
    "en": {"achievement": "indicator achievements", "actual": "indicator actuals",
           "target": "indicator targets", "pk": "performance agreement targets",
           "group": "mean achievements", "budget": "budget and absorption",
           "other": "efficiency, change, final targets and indicator counts"},
}

_GROUP_OF = {"achievement": "achievement", "actual": "actual", "target": "target", "pk": "pk",
             "group": "group", "own": "group", "ceiling": "budget", "spent": "budget",
             "absorption": "budget", "spending_ceiling": "budget", "spending_spent": "budget",
             "spending_absorption": "budget"}
_GROUPS = ("achievement", "actual", "target", "pk", "group", "budget", "other")


def source_id(key: str) -> str:
    """The id of a figure's row in the annex: ``asal-achievement-2020-iku-01``."""
    return "asal-" + (re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "x")


def report_keys(ctx: Context) -> list[str]:
    """The figures a report prints: every figure of its year, the PK targets in force, and the
    key indicators' targets of the plan's other years, with their realisations and achievements
    in the years before (its tables compare years)."""
    keys = list(figure_keys(ctx.m))
    version = ctx.plan.agreement(ctx.year)
    if version is not None:
        keys += [figure_key("pk", ctx.year, item.indicator) for item in version.items]
    sp = ctx.plan.strategic_plan
    for year in range(sp.start, sp.end + 1):
        if year == ctx.year:
            continue
        for code in ctx.m.key:
            indicator = ctx.plan.indicator_by_code[code]
            if indicator.target(year) is not None:
                keys.append(figure_key("target", year, code))
            if year in ctx.history:
                keys += [figure_key("actual", year, code), figure_key("achievement", year, code)]
    return keys


def derivations(ctx: Context) -> dict[str, Derivation]:
    sources = ctx.options.sources or NO_SOURCES
    found = derive_all(ctx.plan, ctx.m, sources, keys=report_keys(ctx), history=ctx.history)
    return {key: d for key, d in found.items() if computed(d)}


def computed(d: Derivation) -> bool:
    """Whether a figure is computed (a rule, a sum, a rounding, another figure as input) rather
    than a value entered as it is printed: an entered target, realisation or ceiling has no row
    of its own — its source is given where a computed figure uses it (the annex stays about half
    as long: the example's 66-page PDF grows by 26 pages, not 37)."""
    return (d.rounding is not None or len(d.inputs) != 1
            or any(i.figure is not None for i in d.inputs) or d.kind not in _ENTERED)


_ENTERED = frozenset({"target", "pk", "actual", "ceiling", "spent", "spending_ceiling",
                      "spending_spent"})


def sources_annex(ctx: Context) -> list[Block]:
    """The blocks of the annex: a short introduction and one table per kind of figure."""
    lang = "en" if ctx.t.lang == "en" else "id"
    text, groups = _TEXT[lang], _GROUP_NAMES[lang]
    grouped: dict[str, list[Derivation]] = {group: [] for group in _GROUPS}
    for derivation in derivations(ctx).values():
        grouped[_GROUP_OF.get(derivation.kind, "other")].append(derivation)
    blocks: list[Block] = [Paragraph(spans(text["intro"]))]
    header = (head(text["figure"], text["explanation"], text["result"]),)
    columns = (Column(5), Column(13), Column(3, Align.RIGHT))
    for group in _GROUPS:
        if grouped[group]:
            blocks.append(table(ctx.id(f"tabel-sumber-angka-{group}"),
                                text["caption"].format(group=groups[group]), columns, header,
                                [_row(in_language(d, ctx.f.labels), lang)
                                 for d in grouped[group]]))
    return blocks


def title(ctx: Context) -> str:
    return _TEXT["en" if ctx.t.lang == "en" else "id"]["title"]


def _row(d: Derivation, lang: str) -> Row:
    """A figure's row: what it is; its rule, formula, rounding, inputs and note; the figure
    alone in the last column (one number a reader, or the review, can read)."""
    rule = pick(d.rule, lang) + (f"\n{d.code}" if d.code and d.code != pick(d.rule, lang) else "")
    if d.rounding is not None:
        if d.unrounded is not None:
            rule += f"\n{label('unrounded', lang)}: {number(d.unrounded, lang)}"
        rule += f"\n{label('rounding', lang)}: {pick(d.rounding, lang)}"
    inputs = "\n".join(input_line(item, lang, brief=True) for item in d.inputs) or "–"
    if d.result_text is not None and d.result is not None:
        inputs += f"\n{label('result', lang)}: {d.result_text}"
    if d.note is not None:
        inputs += f"\n{label('note', lang)}: {pick(d.note, lang)}"
    # the figure alone, as the report's tables print it (rupiah without "Rp": its row says so)
    result = number(d.result, lang) if d.result is not None else (d.result_text or "–")
    return Row((Cell(f"{pick(d.title, lang)}\n[{d.key}]", source=source_id(d.key)),
                Cell(f"{rule}\n{inputs}"), Cell(result)), RowKind.BODY)


def link_sources(document: Document) -> Document:
    """The document with each figure's cell carrying the id of its derivation's row in the
    annex (``Cell.source``), where the annex has one; unchanged without the annex."""
    anchors: set[str] = set()
    for chapter in document.chapters:
        for section in _sections(chapter):
            if section.id == SOURCES_ID:
                for block in section.blocks:
                    if isinstance(block, Table):
                        anchors.update(c.source for c in block.cells() if c.source and not c.key)
    if not anchors:
        return document
    return replace(document, chapters=tuple(_link_chapter(c, anchors) for c in document.chapters))


def _sections(chapter: Chapter) -> list[Section]:
    found: list[Section] = []
    stack = list(chapter.sections)
    while stack:
        section = stack.pop()
        found.append(section)
        stack.extend(section.subsections)
    return found


def _link_chapter(chapter: Chapter, anchors: set[str]) -> Chapter:
    return replace(chapter, blocks=_link_blocks(chapter.blocks, anchors),
                   sections=tuple(_link_section(s, anchors) for s in chapter.sections))


def _link_section(section: Section, anchors: set[str]) -> Section:
    return replace(section, blocks=_link_blocks(section.blocks, anchors),
                   subsections=tuple(_link_section(s, anchors) for s in section.subsections))


def _link_blocks(blocks: tuple[Block, ...], anchors: set[str]) -> tuple[Block, ...]:
    return tuple(_link_table(b, anchors) if isinstance(b, Table) else b for b in blocks)


def _link_table(block: Table, anchors: set[str]) -> Table:
    def link(cell: Cell) -> Cell:
        if cell.key and cell.source is None and source_id(cell.key) in anchors:
            return replace(cell, source=source_id(cell.key))
        return cell

    return replace(block, header=tuple(tuple(link(c) for c in row) for row in block.header),
                   rows=tuple(replace(row, cells=tuple(link(c) for c in row.cells))
                              for row in block.rows))
