"""The region's dashboard: all agencies of the region side by side, the region's total, and each
agency's trend over its plan's years.

Every figure comes from the agencies' measurements (:func:`sakip.web.measuring.measured_many`,
:func:`sakip.web.measuring.measured_years`), the completeness counts
(:mod:`sakip.web.monitoring.completeness`) and the stored workflow and LKE rows, each read for
all agencies at once: the page's queries do not grow with the number of agencies
(tests/web/test_web_region_queries.py). The table is sorted on the server (``?urut=``), so it
needs no script; the trends are inline SVG sparklines drawn here.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sakip.core import lke as core_lke
from sakip.core.model import Settings
from sakip.core.region_measure import spending_total
from sakip.core.scales import band_labels
from sakip.io.idnum import format_id
from sakip.web.access import Action, membership, requires
from sakip.web.dashboards import charts, figures
from sakip.web.evaluation import write as lke_write
from sakip.web.evaluation.models import Evaluation, Stage
from sakip.web.exchange import capabilities
from sakip.web.labels import language
from sakip.web.measuring import measured_many, measured_years
from sakip.web.monitoring import completeness
from sakip.web.plans.models import Agency
from sakip.web.region.pemda import region_measured
from sakip.web.workflow.models import AgencyYear, State

# The workflow's order, for sorting by state (a returned year is back in the agency's hands).
_STATE_ORDER = {State.DRAFT: 0, State.RETURNED: 1, State.SUBMITTED: 2, State.VERIFIED: 3,
                State.APPROVED: 4}
SORTS = ("nama", "capaian", "serapan", "kelengkapan", "status", "lke", "tanpa")


def sparkline(values: list[Decimal | None], years: list[int], title: str) -> SafeString:
    """A small line of one series over the years: no axis, a dot per year with its value in a
    tooltip, a gap where a year has no value, a dashed line at 100."""
    width, height, pad = 120, 28, 3
    shown = [v for v in values if v is not None]
    parts = [f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{escape(title)}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    if not shown or not years:
        parts.append(f'<text x="2" y="18" class="na">{escape(_("data belum tersedia"))}</text>'
                     "</svg>")
        return mark_safe("".join(parts))
    low = min([*shown, Decimal(0)])
    high = max([*shown, Decimal(100)])
    span = high - low or Decimal(1)
    step = Decimal(width - 2 * pad) / max(len(years) - 1, 1)

    def y_of(v: Decimal) -> int:
        return pad + int((high - v) / span * (height - 2 * pad))

    parts.append(f'<line x1="{pad}" y1="{y_of(Decimal(100))}" x2="{width - pad}" '
                 f'y2="{y_of(Decimal(100))}" stroke="#b0bec5" stroke-dasharray="2,2"/>')
    run: list[str] = []
    for i, v in enumerate([*values, None]):
        if v is None:
            if len(run) > 1:
                parts.append(f'<polyline points="{" ".join(run)}" fill="none" '
                             f'stroke="{charts.ACTUAL}" stroke-width="1.5"/>')
            run = []
            continue
        run.append(f"{pad + int(step * i)},{y_of(v)}")
    for i, (year, v) in enumerate(zip(years, values, strict=True)):
        if v is not None:
            parts.append(f'<circle cx="{pad + int(step * i)}" cy="{y_of(v)}" r="2" '
                         f'fill="{charts.ACTUAL}"><title>{year}: {format_id(v, 2)}</title>'
                         "</circle>")
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _scores(agencies: list[Agency], year: int) -> dict[int, dict[str, Any]]:
    """Each agency's LKE evaluation of the year, when there is one: its stage and the score of
    where it stands (final once final, the evaluator's once evaluated, else the
    self-assessment's), with its predicate. Two queries for any number of agencies."""
    found: dict[int, dict[str, Any]] = {}
    for evaluation in Evaluation.objects.filter(
            agency_year__agency__in=agencies, agency_year__year=year
    ).select_related("agency_year").prefetch_related("answers"):
        own, evaluator, final = core_lke.score_evaluation(lke_write.worksheet(evaluation),
                                                          lke_write.sheets(evaluation))
        chosen, which = ((final, _("final")) if evaluation.stage == Stage.FINAL
                         else (evaluator, _("evaluator")) if evaluation.stage != Stage.SELF
                         else (own, _("mandiri")))
        predicate = chosen.predicate
        found[evaluation.agency_year.agency_id] = {
            "evaluation": evaluation, "score": chosen.total, "which": which,
            "predicate": predicate.code if predicate is not None else None,
        }
    return found


def _year_share(cells: list[completeness.Completeness]) -> Decimal | None:
    """The year's entry so far: realisations and spending filled over those asked, all shown
    periods together."""
    asked = sum(c.indicators + c.budgets for c in cells)
    filled = sum(c.filled + c.spent for c in cells)
    return completeness.share(filled, asked)


def _sort_key(name: str) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    def value(line: dict[str, Any]) -> Any:
        if name == "capaian":
            return line["group"].achievement
        if name == "serapan":
            return line["budget"].absorption
        if name == "kelengkapan":
            return line["year_share"]
        if name == "status":
            return _STATE_ORDER.get(line["state"].state, 0)
        if name == "lke":
            return line["lke"]["score"] if line.get("lke") else None
        if name == "tanpa":
            return line["without"]
        return None

    def key(line: dict[str, Any]) -> tuple[Any, ...]:
        if name == "nama" or line.get("outside"):
            return (line.get("outside", False), 0, line["agency"].name.lower())
        found = value(line)
        return (False, 0 if found is not None else 1, found if found is not None else 0,
                line["agency"].name.lower())

    return key


@requires(Action.READ_REGION)
def region_dashboard(request: HttpRequest, year: int) -> HttpResponse:
    member = membership(request.user)
    assert member is not None  # requires() let a member through
    region = member.region
    agencies = list(Agency.objects.filter(region=region).select_related("strategic_plan")
                    .order_by("name", "id"))
    inside = [a for a in agencies if a.strategic_plan.start <= year <= a.strategic_plan.end]
    states = {s.agency_id: s for s in AgencyYear.objects.filter(agency__in=inside, year=year)}
    missing = [AgencyYear(agency=a, year=year) for a in inside if a.pk not in states]
    if missing:  # a year nobody has opened yet: its draft row, as the agency's own page makes
        AgencyYear.objects.bulk_create(missing, ignore_conflicts=True)
        states.update({s.agency_id: s for s in AgencyYear.objects.filter(
            agency__in=[s.agency for s in missing], year=year)})
    results = measured_many(inside, year)  # queries do not grow with the number of agencies
    periods = completeness.shown_periods(region.pk, year)
    counts = completeness.compute([a.pk for a in inside], year, periods)
    scores = _scores(inside, year)
    years = sorted({y for a in agencies for y in a.strategic_plan.years})
    lines: list[dict[str, Any]] = []
    for agency in agencies:
        if agency.pk not in results:
            lines.append({"agency": agency, "outside": True})
            continue
        plan, m = results[agency.pk]
        code = plan.agency.code
        group = m.group(code)
        cells = [counts[(agency.pk, p)] for p in periods]
        own_years = list(agency.strategic_plan.years)
        over = measured_years(agency, plan, own_years)  # from the plan in hand: no query
        lines.append({
            "agency": agency, "group": group, "state": states[agency.pk],
            "color": figures.category_color(plan, None, group.achievement),
            "budget": m.budget_line(code), "counts": m.category_counts,
            "low": len(m.low_absorption), "missing": len(m.uncounted),
            "without": sum(1 for c in m.key if m.result(c).actual is None
                           and m.result(c).actual_text is None),
            "completeness": cells, "year_share": _year_share(cells),
            "lke": scores.get(agency.pk),
            "trend": [(y, over[y].group(code).achievement if y in over else None,
                       over[y].budget_line(code).absorption if y in over else None)
                      for y in years],
        })
    sort = request.GET.get("urut") if request.GET.get("urut") in SORTS else "nama"
    descending = request.GET.get("arah") == "turun"
    measured_lines = sorted((line for line in lines if not line.get("outside")),
                            key=_sort_key(sort), reverse=descending)
    if descending:  # a missing value stays last either way
        measured_lines.sort(key=lambda line: _sort_key(sort)(line)[1])
    lines = measured_lines + [line for line in lines if line.get("outside")]
    for line in lines:
        if not line.get("outside"):
            line["spark_achievement"] = sparkline(
                [t[1] for t in line["trend"]], years,
                _("Rata-rata capaian IKU %(agency)s per tahun") % {"agency": line["agency"].name})
            line["spark_absorption"] = sparkline(
                [t[2] for t in line["trend"]], years,
                _("Serapan anggaran %(agency)s per tahun") % {"agency": line["agency"].name})
    bars = [charts.Bar(str(line["agency"]), line["group"].achievement, line["color"])
            for line in lines if not line.get("outside")]
    first = next(iter(results.values()), None)
    rm, issues = region_measured(region, year, results)[:2]
    # the LKjIP Pemda's total (core.region_measure.spending_total), with or without IKU Pemda
    total = spending_total([(b.ceiling, b.spent) if b is not None else (None, None)
                            for b in (line["budget"] for line in lines if not line.get("outside"))],
                           first[0].settings if first is not None else Settings())
    context = {"region": region, "year": year, "lines": lines, "total": total,
               "period_labels": [completeness.label(p) for p in periods],
               "chart": charts.bars(bars, None, _("Rata-rata capaian IKU per perangkat daerah")),
               "years": years, "sort": sort, "descending": descending,
               "columns": [(key, label) for key, label in _columns()],
               "pemda": rm, "pemda_issues": issues,
               # predicate and category in the page's language (the agencies' scales)
               "labels": band_labels(first[0], language(), more=[p for p, _ in results.values()])
               if first is not None else None,
               "pemda_rows": _pemda_rows(rm) if rm is not None else [],
               "formats": capabilities.REPORT_FORMATS if capabilities.report() else ()}
    return TemplateResponse(request, "dashboards/region.html", context)


def _columns() -> list[tuple[str, str]]:
    return [("nama", _("Perangkat daerah")), ("capaian", _("Rata-rata capaian IKU") + " %"),
            ("serapan", _("Serapan") + " %"), ("kelengkapan", _("Kelengkapan isian") + " %"),
            ("status", _("Status")), ("lke", _("Nilai LKE")),
            ("tanpa", _("IKU tanpa realisasi"))]


def _pemda_rows(rm: Any) -> list[dict[str, Any]]:
    """The IKU Pemda as the page lists them, each with its category's colour."""
    rows = []
    for result in rm.indicators:
        target = result.target
        rows.append({"result": result, "derived": rm.derivation(result.indicator.code),
                     "target": (target.value if target.value is not None else target.text)
                     if target is not None else None,
                     "actual": result.actual if result.actual is not None else result.actual_text,
                     "color": figures.category_color(rm.plan, result)})
    return rows
