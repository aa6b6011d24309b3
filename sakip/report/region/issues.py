"""Bab I of the LKjIP Pemda, *Isu Strategis dan Permasalahan Utama*: drafted from what the data
say, as an officer would — the tujuan and sasaran daerah whose IKU Pemda fall short of the
year's target, the IKU Pemda without a realisation (and, for a derived one, the agency values it
waits for), and the strategic issues the agencies' own plans hold, attributed to each agency.
The region model holds no strategic issues of the RPJMD itself; the section says so, and invents
none."""

from __future__ import annotations

from sakip.core.enums import NarrativeKind
from sakip.core.measure import IndicatorResult
from sakip.core.model import Narrative, Plan
from sakip.report.chapters.common import numbered
from sakip.report.context import narratives_of
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Column,
    ListBlock,
    ListItem,
    Marker,
    Paragraph,
    Row,
    Span,
    Style,
    spans,
    table,
)
from sakip.report.region.planning import owners
from sakip.report.region.scope import Scope, head


def strategic_issues(scope: Scope) -> list[Block]:
    """The section's blocks: an introduction, then each part the data hold; one plain sentence
    when they hold none."""
    short, missing, agencies = _short(scope), _missing(scope), _agencies(scope)
    t, region, year = scope.ctx.t, scope.region.name, scope.ctx.year
    if not (short or missing or agencies):
        key = "region.issues_none" if scope.rm.indicators else "region.issues_none_no_iku"
        return [Paragraph(spans(t(key, region=region, year=year)))]
    return [Paragraph(spans(t("region.issues_intro", region=region, year=year))),
            *short, *missing, *agencies]


def short_of_target(scope: Scope) -> list[tuple[str, tuple[IndicatorResult, ...]]]:
    """Tujuan and sasaran daerah in RPJMD order — ("Sasaran 1.1 name", results) — with their
    IKU Pemda that fall short of the year's target (``met`` False); owners without any left out."""
    found = []
    for label, name, indicators, _level in owners(scope):
        results = tuple(r for r in (scope.rm.result(i.code) for i in indicators) if r.met is False)
        if results:
            found.append((f"{label} {name}", results))
    return found


def without_actual(scope: Scope) -> list[IndicatorResult]:
    """The IKU Pemda without a realisation in the year, in RPJMD order."""
    return [r for r in scope.rm.indicators if r.actual is None and r.actual_text is None]


def agency_issues(plan: Plan, year: int) -> list[Narrative]:
    """An agency plan's strategic issues as its own report's Bab I reads them: about the agency
    (no subject), for the year or undated."""
    return narratives_of(plan, NarrativeKind.STRATEGIC_ISSUES, year)


def _lead(text: str) -> Paragraph:
    return Paragraph((Span(text, bold=True),), Style.LEAD)


def _short(scope: Scope) -> list[Block]:
    ctx = scope.ctx
    t, f = ctx.t, ctx.f
    found = short_of_target(scope)
    if not found:
        return []
    items = []
    for owner, results in found:
        parts = [t("region.issue_short_iku", name=r.indicator.name,
                   target=f.target_text(r.indicator, r.target), actual=f.actual_text(r),
                   achievement=_achievement(scope, r)) for r in results]
        items.append(ListItem(spans(f"{owner}: {'; '.join(parts)}.")))
    count = sum(len(results) for _owner, results in found)
    return [_lead(t("region.issues_short")),
            Paragraph(spans(t("region.issues_short_intro", year=ctx.year, count=f.count(count),
                              owners=f.count(len(found))))),
            ListBlock(tuple(items), Marker.DECIMAL)]


def _achievement(scope: Scope, r: IndicatorResult) -> str:
    f = scope.ctx.f
    return f"{f.percent(r.achievement)}%" if r.achievement is not None else f.why(r)


def _missing(scope: Scope) -> list[Block]:
    ctx, rm = scope.ctx, scope.rm
    t, f = ctx.t, ctx.f
    found = without_actual(scope)
    if not found:
        return []
    labels = {i.code: label for label, _name, indicators, _level in owners(scope)
              for i in indicators}
    items = []
    for r in found:
        reason = f.missing_reason(r).rstrip(".")
        if reason[1:2].islower():  # "Realisasi tahun …" inside a sentence; an acronym kept
            reason = reason[:1].lower() + reason[1:]
        text = t("region.issue_missing_iku", name=r.indicator.name,
                 owner=labels.get(r.code, r.indicator.owner), reason=reason)
        derived = rm.derivation(r.code)
        if derived is not None and derived.missing:
            text += " " + t("region.issue_missing_inputs", inputs=", ".join(
                _input(scope, item.agency, item.indicator, item.year) for item in derived.missing))
        items.append(ListItem(spans(text)))
    return [_lead(t("region.issues_missing")),
            Paragraph(spans(t("region.issues_missing_intro", year=ctx.year,
                              count=f.count(len(found))))),
            ListBlock(tuple(items), Marker.DECIMAL)]


def _input(scope: Scope, agency: str, indicator: str, year: int) -> str:
    """"Dinas Sosial: Persentase PMKS tertangani (2020)" — an agency value a formula waits for."""
    plan = scope.plan_of(agency)
    if plan is None:
        return f"{agency}: {indicator} ({year})"
    source = plan.indicator_by_code.get(indicator)
    return (f"{plan.agency.short_name or plan.agency.name}: "
            f"{source.name if source is not None else indicator} ({year})")


def _agencies(scope: Scope) -> list[Block]:
    ctx = scope.ctx
    t, f = ctx.t, ctx.f
    rows: list[Row] = []
    for plan in scope.plans:
        points = _points(agency_issues(plan, ctx.year))
        if points:
            rows.append(Row((Cell(str(len(rows) + 1), align=Align.CENTER), Cell(plan.agency.name),
                             Cell(numbered(points)))))
    if not rows:
        return []
    return [_lead(t("region.issues_agencies")),
            Paragraph(spans(t("region.issues_agencies_intro", count=f.count(len(rows)),
                              total=f.count(len(scope.plans))))),
            table(ctx.id("tabel-isu-perangkat-daerah"),
                  t("region.issues_agencies_caption", region=scope.region.name),
                  (Column(1, Align.CENTER), Column(6), Column(12)),
                  (head(t("word.no"), t("region.agency"), t("region.issues_column")),), rows)]


def _points(narratives: list[Narrative]) -> list[str]:
    """The issues themselves: a narrative's points where it has them (the text before them is
    the Renstra's preamble), else its paragraphs as entered."""
    points: list[str] = []
    for narrative in narratives:
        if narrative.items:
            points += [" ".join(item.split()) for item in narrative.items if item.strip()]
        else:
            points += [" ".join(p.split()) for p in narrative.text.split("\n\n") if p.strip()]
    return points


