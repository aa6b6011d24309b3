"""Sentences drafted from the results, as a planning officer writes them; the officer edits them.

Every number in a sentence comes from the measurement through :class:`~sakip.report.format.
Formatter`; every fixed phrase comes from the catalogue (:mod:`sakip.report.text`). Reasons
(why data is missing, why an activity spent less than the threshold) are the ones entered as
data, quoted as they were written.
"""

from __future__ import annotations

from sakip.core.budget import BudgetLine, LowAbsorption
from sakip.core.enums import Polarity
from sakip.core.measure import Change, FinalTarget, GroupResult, IndicatorResult
from sakip.core.model import Activity, Narrative, Program
from sakip.report.context import Context
from sakip.report.model import Block, ListBlock, ListItem, Marker, Paragraph, spans


def clause(text: str) -> str:
    """Text entered as a sentence, made to follow "dikarenakan …": first letter lowered unless
    it starts an acronym, one final full stop."""
    text = " ".join(text.split())
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text.rstrip(".;, ") + "."


def program_title(ctx: Context, name: str) -> str:
    """"Program Pelayanan …": the word once, whether or not the name already starts with it."""
    word = ctx.t("word.program")
    return name if name.lower().startswith(word.lower()) else f"{word} {name}"


def indicator(ctx: Context, r: IndicatorResult) -> str:
    """"Capaian indikator … tahun … sebesar …%, kategori …" or why there is none."""
    t, f = ctx.t, ctx.f
    name = r.indicator.name
    if r.target is None:
        return t("say.no_target", name=name, year=r.year)
    if r.actual is None and r.actual_text is None:
        return t("say.missing", name=name, year=r.year, reason=clause(f.missing_reason(r)))
    if r.achievement is None:
        met = t("word.met") if r.met else t("word.not_met") if r.met is False else t("word.undecided")
        return t("say.no_percent", name=name, year=r.year, target=f.target_text(r.indicator, r.target),
                 actual=f.actual_text(r), met=met, why=f.why(r))
    sentence = t("say.indicator", name=name, year=r.year, achievement=f.percent(r.achievement),
                 target=f.target_text(r.indicator, r.target), actual=f.actual_text(r),
                 predicate=f.band_word(r.predicate), category=f.band_word(r.category))
    if r.indicator.polarity is Polarity.NEGATIVE:
        sentence += " " + t("say.negative", rule=f.rule(r))
    if r.note:
        sentence += " " + t("say.remark", note=clause(r.note))
    return sentence


def change(ctx: Context, c: Change) -> str | None:
    if c.difference is None or c.previous is None or c.current is None:
        return None
    name = ctx.m.result(c.indicator).indicator.name
    return ctx.t("say.change", name=name, previous_year=ctx.year - 1, year=ctx.year,
                 previous=ctx.f.number(c.previous), current=ctx.f.number(c.current),
                 direction=ctx.t(f"direction.{c.direction}"),
                 difference=ctx.f.number(abs(c.difference)))


def final_target(ctx: Context, ft: FinalTarget) -> str | None:
    if ft.achievement is None or ft.target is None:
        return None
    indicator = ctx.m.result(ft.indicator).indicator
    return ctx.t("say.final", name=indicator.name, final_year=ft.final_year,
                 target=ctx.f.target_number(indicator, ft.target),
                 year=ctx.year, achievement=ctx.f.percent(ft.achievement))


def group(ctx: Context, g: GroupResult, subject: str) -> str:
    t, f = ctx.t, ctx.f
    if g.achievement is None:
        return t("say.group_none", subject=subject, year=ctx.year)
    text = t("say.group_partial" if g.missing else "say.group", subject=subject,
             count=f.count(len(g.indicators)), measured=f.count(g.count),
             achievement=f.percent(g.achievement), category=f.band_word(g.category))
    if g.missing:
        names = ", ".join(ctx.m.result(code).indicator.name for code in g.missing)
        text += " " + t("say.group_missing", names=names)
    return text


def program_budget(ctx: Context, program: Program, line: BudgetLine) -> str:
    f = ctx.f
    name = program_title(ctx, program.name)
    if line.ceiling is None:
        return ctx.t("say.program_no_budget", name=name)
    return ctx.t("say.program_budget", name=name, ceiling=f.rupiah(line.ceiling),
                 spent=f.rupiah(line.spent), absorption=f.absorption(line.absorption))


def activity(ctx: Context, a: Activity, line: BudgetLine, low: LowAbsorption | None) -> list[str]:
    """The activity's budget sentence, its output and outcome, and the reason it spent little."""
    t, f = ctx.t, ctx.f
    if line.ceiling is None:
        sentences = [t("say.activity_no_budget", name=a.name)]
    else:
        sentences = [t("say.activity", name=a.name, ceiling=f.rupiah(line.ceiling),
                       spent=f.rupiah(line.spent), absorption=f.absorption(line.absorption))]
    if a.output:
        sentences.append(t("say.output", text=clause(a.output)))
    if a.outcome:
        sentences.append(t("say.outcome", text=clause(a.outcome)))
    if low is not None:
        threshold = f.number(ctx.plan.settings.absorption_threshold)
        if low.explanation:
            sentences.append(t("say.low", threshold=threshold, reason=clause(low.explanation)))
        else:
            sentences.append(t("say.low_unexplained", threshold=threshold))
    return sentences


def entered(narratives: list[Narrative]) -> list[Block]:
    """Narratives as entered: their paragraphs, then their points as a numbered list."""
    blocks: list[Block] = []
    for narrative in narratives:
        for paragraph in narrative.text.split("\n\n"):
            if paragraph.strip():
                blocks.append(Paragraph(spans(" ".join(paragraph.split()))))
        if narrative.items:
            blocks.append(ListBlock(tuple(ListItem(spans(" ".join(i.split())))
                                          for i in narrative.items), Marker.PAREN))
    return blocks
