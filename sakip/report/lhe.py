"""The *Laporan Hasil Evaluasi* (LHE): the yearly SAKIP evaluation's report, as a document of
the report's model (:mod:`sakip.report.model`), rendered to DOCX, PDF or HTML like the LKjIP.

Cover; Bab I the legal basis, scope and method; Bab II the total and its predicate (with the
worksheet's predicate scale), the component scores of the self-assessment, the evaluator and the
final answers, and per component its sub-components and a paragraph drafted from the scores
(the weakest sub-component, the criteria not met); Bab III the recommendations per component —
those given, or, when a component has none, a draft from its unmet criteria marked as a draft —
and how last year's recommendations were followed up; Bab IV the closing and the inspector's
signature block.

Every figure comes from :func:`sakip.core.lke.score_evaluation` and is only formatted here
(:func:`sakip.io.idnum.format_id`, the worksheet's places); the sentences are in
:mod:`sakip.report.text` (``lhe.*``), Indonesian and English.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sakip.core.lke import (
    TOTAL,
    ComponentScore,
    CriterionScore,
    Evaluation,
    Lke,
    Recommendation,
    Score,
    SubScore,
    score_evaluation,
)
from sakip.io.idnum import format_id
from sakip.report.model import (
    BLANK,
    Align,
    Block,
    Cell,
    Chapter,
    ChapterKind,
    Column,
    Cover,
    Document,
    ListBlock,
    ListItem,
    Marker,
    Paragraph,
    Row,
    RowKind,
    Section,
    Signatory,
    SignatureBlock,
    Span,
    Style,
    finalize,
    spans,
    table,
)
from sakip.report.text import Text

FORMATS = (".docx", ".pdf", ".html")


class _Lhe:
    """The pieces of one report: the worksheet, the three scores, the words."""

    def __init__(self, lke: Lke, evaluation: Evaluation, recommendations: Sequence[Recommendation],
                 agency: str, region: str, year: int, evaluator: str | None, lang: str,
                 place: str | None) -> None:
        self.lke, self.evaluation = lke, evaluation
        self.own, self.other, self.final = score_evaluation(lke, evaluation)
        self.recommendations = tuple(recommendations)
        self.agency, self.region, self.year = agency, region, year
        self.evaluator, self.place = evaluator, place
        self.t = Text(lang)
        self.en = lang == "en"

    # ----------------------------------------------------------------- words and numbers

    def n(self, value: Decimal) -> str:
        return format_id(value, self.lke.places)

    def w(self, value: Decimal) -> str:
        """A weight as the worksheet writes it (6; 4,5)."""
        return format_id(value, None)

    @property
    def agency_in_region(self) -> str:
        """The agency, and its region unless its name ends with it."""
        if self.agency.lower().endswith(self.region.lower()):
            return self.agency
        return f"{self.agency}, {self.region}"

    def component_name(self, component: ComponentScore) -> str:
        return component.component.name_en if self.en else component.component.name

    def predicate(self, result: Score) -> tuple[str, str]:
        predicate = result.predicate
        if predicate is None:
            return "–", self.t("lhe.no_predicate")
        return predicate.code, predicate.label_en if self.en else predicate.label

    # ----------------------------------------------------------------- chapters

    def document(self) -> Document:
        t = self.t
        chapters = (self.cover(), self.introduction(), self.results(), self.advice(),
                    self.closing())
        document = Document(t("lhe.document", agency=self.agency, year=self.year), self.agency,
                            self.year, self.t.lang, chapters,
                            labels={"table": t("label.table"), "figure": t("label.figure")})
        return finalize(document)

    def cover(self) -> Chapter:
        t = self.t
        shown_region = "" if self.agency.lower().endswith(self.region.lower()) \
            else self.region.upper()
        block = Cover(t("lhe.title"), t("lhe.subtitle", year=self.year), self.agency.upper(),
                      shown_region)
        return Chapter("lhe-cover", ChapterKind.COVER, t("lhe.title"), blocks=(block,))

    def introduction(self) -> Chapter:
        t, lke = self.t, self.lke
        regulation = dict(lke.source).get("regulation", lke.title)
        basis: list[Block] = [
            Paragraph(spans(t("lhe.basis_p"))),
            ListBlock((ListItem(spans(t("lhe.basis_perpres"))),
                       ListItem(spans(t("lhe.basis_regulation", regulation=regulation)))),
                      Marker.DECIMAL)]
        names = [f"{c.code}. {c.name_en if self.en else c.name} ({self.w(c.weight)})"
                 for c in lke.components]
        scope: list[Block] = [
            Paragraph(spans(t("lhe.scope_p1", agency=self.agency_in_region,
                              year=self.year, count=len(names), components="; ".join(names)))),
            Paragraph(spans(t("lhe.scope_p2", title=lke.title_en if self.en else lke.title,
                              criteria=len(lke.criterion_by_code))))]
        differences = self.evaluation.differences()
        if differences:
            scope.append(Paragraph(spans(t("lhe.scope_differences", count=len(differences),
                                           codes=", ".join(differences)))))
        elif self.evaluation.evaluator.answers:
            scope.append(Paragraph(spans(t("lhe.scope_no_differences"))))
        return Chapter("lhe-bab-1", ChapterKind.BODY, t("lhe.intro"), t("chapter.label", n="I"),
                       sections=(Section("lhe-dasar-hukum", t("lhe.basis"), tuple(basis)),
                                 Section("lhe-ruang-lingkup", t("lhe.scope"), tuple(scope))))

    def results(self) -> Chapter:
        t = self.t
        code, label = self.predicate(self.final)
        own_code, _ = self.predicate(self.own)
        score_blocks: list[Block] = [
            Paragraph((Span(t("lhe.score_p", agency=self.agency, total=self.n(self.final.total),
                              predicate=code, label=label)),)),
            Paragraph(spans(t("lhe.score_self", total=self.n(self.own.total),
                              predicate=own_code))),
            self.scale()]
        components: list[Block] = [
            Paragraph((Span(t("lhe.components_intro")), Span("", ref="lhe-komponen"),
                       Span("."))),
            self.component_table()]
        sections = [Section("lhe-nilai", t("lhe.score"), tuple(score_blocks)),
                    Section("lhe-nilai-komponen", t("lhe.components"), tuple(components))]
        for component in self.final.components:
            sections.append(Section(
                f"lhe-komponen-{component.component.code}",
                t("lhe.component_title", code=component.component.code,
                  name=self.component_name(component)),
                tuple(self.component_blocks(component))))
        return Chapter("lhe-bab-2", ChapterKind.BODY, t("lhe.results"),
                       t("chapter.label", n="II"), sections=tuple(sections))

    def scale(self) -> Block:
        t = self.t
        rows = [Row((Cell(p.code, align=Align.CENTER), Cell(_range(p.range.lower, p.range.upper,
                                                                   p.range.lower_closed,
                                                                   p.range.upper_closed)),
                     Cell(p.label_en if self.en else p.label),
                     ), RowKind.BODY) for p in self.lke.predicates]
        return table("lhe-skala", t("lhe.scale_caption"),
                     (Column(1, Align.CENTER), Column(2, Align.CENTER), Column(3)),
                     ((Cell(t("word.predicate")), Cell(t("lhe.range")), Cell(t("lhe.meaning"))),),
                     rows)

    def component_table(self) -> Block:
        t = self.t
        header = ((Cell(t("word.no")), Cell(t("lke.component")), Cell(t("lke.weight")),
                   Cell(t("lke.self")), Cell(t("lke.evaluator")), Cell(t("lke.final"))),)
        rows: list[Row] = []
        for own, other, final in zip(self.own.components, self.other.components,
                                     self.final.components, strict=True):
            key = f"lke:component:{final.component.code}"
            rows.append(Row((
                Cell(final.component.code), Cell(self.component_name(final)),
                Cell(self.w(final.component.weight), final.component.weight),
                Cell(self.n(own.score), own.score, f"{key}:self"),
                Cell(self.n(other.score), other.score, f"{key}:evaluator"),
                Cell(self.n(final.score), final.score, f"{key}:final"))))
        rows.append(Row((
            Cell(""), Cell(t("lke.total"), bold=True), Cell(self.w(TOTAL), TOTAL),
            Cell(self.n(self.own.total), self.own.total, "lke:total:self", bold=True),
            Cell(self.n(self.other.total), self.other.total, "lke:total:evaluator", bold=True),
            Cell(self.n(self.final.total), self.final.total, "lke:total:final", bold=True)),
            RowKind.TOTAL))
        predicates = [self.predicate(s)[0] for s in (self.own, self.other, self.final)]
        rows.append(Row((Cell(""), Cell(t("lke.predicate"), bold=True), Cell(""),
                         *(Cell(p, bold=True, align=Align.CENTER) for p in predicates)),
                        RowKind.TOTAL))
        return table("lhe-komponen", t("lhe.components_caption", year=self.year),
                     (Column(1, Align.CENTER), Column(6), Column(2, Align.RIGHT),
                      Column(3, Align.RIGHT), Column(3, Align.RIGHT), Column(3, Align.RIGHT)),
                     header, rows)

    def component_blocks(self, component: ComponentScore) -> list[Block]:
        t = self.t
        blocks: list[Block] = [self.sub_table(component)]
        said = [t("lhe.say_component", name=self.component_name(component),
                  weight=self.w(component.component.weight), score=self.n(component.score))]
        unmet = [c for s in component.subscores for c in s.criteria if not _met(c)]
        if not unmet:
            count = sum(len(s.criteria) for s in component.subscores)
            said.append(t("lhe.say_all_met", count=count))
            blocks.append(Paragraph(spans(" ".join(said))))
            return blocks
        weakest = min(component.subscores, key=lambda s: (s.fulfilment, -s.subcomponent.weight))
        said.append(t("lhe.say_weakest", sub=weakest.subcomponent.name,
                      code=weakest.subcomponent.code, met=_count_met(weakest),
                      count=len(weakest.criteria), grade=_grade(weakest),
                      score=self.n(weakest.score), weight=self.w(weakest.subcomponent.weight)))
        blocks.append(Paragraph(spans(" ".join(said))))
        answered = [c for c in unmet if c.answer is not None]
        if answered:
            blocks.append(Paragraph(spans(t("lhe.say_unmet"))))
            blocks.append(ListBlock(tuple(ListItem(spans(self.unmet_text(c))) for c in answered),
                                    Marker.BULLET))
        blank = [c.criterion.code for c in unmet if c.answer is None]
        if blank:
            blocks.append(Paragraph(spans(t("lhe.say_unanswered", count=len(blank),
                                            codes=", ".join(blank)))))
        return blocks

    def unmet_text(self, item: CriterionScore) -> str:
        t = self.t
        extra = ""
        if item.capped_by:
            extra = t("lhe.say_capped", rule=", ".join(item.capped_by))
        return f"{item.criterion.code} {item.criterion.text.rstrip('.')}{extra}"

    def sub_table(self, component: ComponentScore) -> Block:
        t = self.t
        header = ((Cell(t("word.no")), Cell(t("lhe.sub")), Cell(t("lke.weight")),
                   Cell(t("lhe.met")), Cell(t("lhe.grade")), Cell(t("lke.value"))),)
        rows = [Row((Cell(s.subcomponent.code), Cell(s.subcomponent.name),
                     Cell(self.w(s.subcomponent.weight), s.subcomponent.weight),
                     Cell(t("lhe.met_of", met=_count_met(s), count=len(s.criteria))),
                     Cell(_grade(s)),
                     Cell(self.n(s.score), s.score, f"lke:sub:{s.subcomponent.code}:final")))
                for s in component.subscores]
        rows.append(Row((Cell(""), Cell(t("word.total"), bold=True),
                         Cell(self.w(component.component.weight), component.component.weight),
                         Cell(""), Cell(""),
                         Cell(self.n(component.score), component.score, bold=True)),
                        RowKind.TOTAL))
        return table(f"lhe-sub-{component.component.code}",
                     t("lhe.sub_caption", name=self.component_name(component)),
                     (Column(1, Align.CENTER), Column(8), Column(2, Align.RIGHT),
                      Column(2, Align.CENTER), Column(2, Align.CENTER), Column(2, Align.RIGHT)),
                     header, rows)

    def advice(self) -> Chapter:
        t = self.t
        given = [r for r in self.recommendations if r.year == self.year]
        sections: list[Section] = []
        intro = Paragraph(spans(t("lhe.rec_intro", agency=self.agency)))
        drafted = False
        for component in self.final.components:
            code = component.component.code
            items = [spans(r.text) for r in given if r.component == code]
            if not items:
                draft = self.draft(component)
                if draft is not None:
                    items, drafted = [draft], True
            blocks: list[Block] = [
                ListBlock(tuple(ListItem(item) for item in items), Marker.DECIMAL)
                if items else Paragraph(spans(t("lhe.rec_none")))]
            sections.append(Section(f"lhe-rekomendasi-{code}", t(
                "lhe.component_title", code=code, name=self.component_name(component)),
                tuple(blocks)))
        sections.append(Section("lhe-tindak-lanjut", t("lhe.previous"),
                                tuple(self.previous())))
        lead: tuple[Block, ...] = (intro,)
        if drafted:
            lead += (Paragraph((Span(t("lhe.rec_draft_note"), italic=True),), Style.NOTE),)
        return Chapter("lhe-bab-3", ChapterKind.BODY, t("lhe.recommendations"),
                       t("chapter.label", n="III"), blocks=lead, sections=tuple(sections))

    def draft(self, component: ComponentScore) -> tuple[Span, ...] | None:
        """A draft recommendation from a component's unmet criteria (their codes, and a
        reference to where Bab II lists them), or None when all are met."""
        unmet = {s.subcomponent.code: sum(1 for c in s.criteria if not _met(c))
                 for s in component.subscores}
        count = sum(unmet.values())
        if not count:
            return None
        subs = ", ".join(f"{code} ({n})" for code, n in unmet.items() if n)
        return (Span(self.t("lhe.rec_draft", count=count, subs=subs,
                            name=self.component_name(component))),
                Span("", ref=f"lhe-komponen-{component.component.code}"),
                Span(self.t("lhe.rec_draft_end")))

    def previous(self) -> list[Block]:
        t = self.t
        earlier = [r for r in self.recommendations if r.year < self.year]
        if not earlier:
            return [Paragraph(spans(t("lhe.previous_none")))]
        followed = sum(1 for r in earlier if r.followed is True)
        not_followed = sum(1 for r in earlier if r.followed is False)
        summary = Paragraph(spans(t("lhe.previous_summary", count=len(earlier),
                                    followed=followed, open=not_followed,
                                    unknown=len(earlier) - followed - not_followed)))
        state = {True: t("lhe.followed_yes"), False: t("lhe.followed_no"),
                 None: t("lhe.followed_unknown")}
        rows = [Row((Cell(str(i)), Cell(r.component), Cell(r.text),
                     Cell(state[r.followed], align=Align.CENTER), Cell(r.note or "")))
                for i, r in enumerate(earlier, 1)]
        years = sorted({r.year for r in earlier})
        shown = ", ".join(str(y) for y in years)
        caption = t("lhe.previous_caption", year=shown)
        header = ((Cell(t("word.no")), Cell(t("lke.component")), Cell(t("lhe.recommendation")),
                   Cell(t("lhe.followed")), Cell(t("lke.note"))),)
        return [summary, table("lhe-tindak-lanjut-tabel", caption,
                               (Column(1, Align.CENTER), Column(3, Align.CENTER), Column(8),
                                Column(2, Align.CENTER), Column(5)), header, rows)]

    def closing(self) -> Chapter:
        t = self.t
        signer = Signatory(t("lhe.inspector", region=self.region), None,
                           self.evaluator or BLANK)
        place = self.place or "……………"
        signature = SignatureBlock((signer,), f"{place}, ……………… {self.year + 1}")
        return Chapter("lhe-bab-4", ChapterKind.BODY, t("lhe.closing"),
                       t("chapter.label", n="IV"), blocks=(
                           Paragraph(spans(t("lhe.closing_p", agency=self.agency,
                                             year=self.year))), signature))


def _met(item: CriterionScore) -> bool:
    return item.value >= item.criterion.type.best.value


def _count_met(sub: SubScore) -> int:
    return sum(1 for c in sub.criteria if _met(c))


def _grade(sub: SubScore) -> str:
    return sub.grade.code if sub.grade is not None else "–"


def _range(lower: Decimal, upper: Decimal, lower_closed: bool, upper_closed: bool) -> str:
    """"> 90 – 100" for (90, 100]; "0 – 30" for [0, 30]."""
    low = format_id(lower, None)
    high = format_id(upper, None)
    start = low if lower_closed else f"> {low}"
    end = high if upper_closed else f"< {high}"
    return f"{start} – {end}"


def lhe_document(lke: Lke, evaluation: Evaluation, recommendations: Sequence[Recommendation] = (),
                 *, agency: str, region: str, year: int, evaluator: str | None = None,
                 lang: str = "id", place: str | None = None) -> Document:
    """The Laporan Hasil Evaluasi of ``evaluation`` as a numbered document.

    ``recommendations`` holds this year's (``year`` equal to the year evaluated; a component
    without any gets a draft from its unmet criteria) and earlier years' with whether they were
    followed up. ``evaluator`` is the inspector who signs; ``place`` where (left blank without).
    """
    return _Lhe(lke, evaluation, recommendations, agency, region, year, evaluator, lang,
                place).document()


def lhe_bytes(lke: Lke, evaluation: Evaluation, recommendations: Sequence[Recommendation] = (),
              *, agency: str, region: str, year: int, evaluator: str | None = None,
              lang: str = "id", place: str | None = None, fmt: str = ".docx") -> bytes:
    """The LHE rendered: ``fmt`` is ".docx", ".pdf" or ".html" (the dot optional)."""
    from sakip.report.api import render

    shown = fmt if fmt.startswith(".") else f".{fmt}"
    if shown not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    return render(lhe_document(lke, evaluation, recommendations, agency=agency, region=region,
                               year=year, evaluator=evaluator, lang=lang, place=place), shown)
