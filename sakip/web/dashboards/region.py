"""The region's dashboard: all agencies of the region side by side."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from sakip.web.access import Action, membership, requires
from sakip.web.dashboards import charts, figures
from sakip.web.measuring import measured_many
from sakip.web.monitoring import completeness
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear


@requires(Action.READ_REGION)
def region_dashboard(request: HttpRequest, year: int) -> HttpResponse:
    member = membership(request.user)
    assert member is not None  # requires() let a member through
    region = member.region
    agencies = list(Agency.objects.filter(region=region).select_related("strategic_plan"))
    inside = [a for a in agencies if a.strategic_plan.start <= year <= a.strategic_plan.end]
    states = {s.agency_id: s for s in AgencyYear.objects.filter(agency__in=inside, year=year)}
    missing = [AgencyYear(agency=a, year=year) for a in inside if a.pk not in states]
    if missing:  # a year nobody has opened yet: its draft row, as the agency's own page makes
        AgencyYear.objects.bulk_create(missing, ignore_conflicts=True)
        states.update({s.agency_id: s for s in AgencyYear.objects.filter(
            agency__in=[s.agency for s in missing], year=year)})
    results = measured_many(inside, year)  # queries do not grow with the number of agencies
    lines = []
    for agency in agencies:
        if agency.pk not in results:
            lines.append({"agency": agency, "outside": True})
            continue
        plan, m = results[agency.pk]
        group = m.group(plan.agency.code)
        lines.append({
            "agency": agency, "group": group, "state": states[agency.pk],
            "color": figures.category_color(plan, None, group.achievement),
            "budget": m.budget_line(plan.agency.code), "counts": m.category_counts,
            "low": len(m.low_absorption), "missing": len(m.uncounted),
        })
    periods = completeness.shown_periods(region.pk, year)
    counts = completeness.compute([line["agency"].pk for line in lines if not line.get("outside")],
                                  year, periods)
    for line in lines:
        if not line.get("outside"):
            line["completeness"] = [counts[(line["agency"].pk, p)] for p in periods]
    bars = [charts.Bar(str(line["agency"]), line["group"].achievement, line["color"])
            for line in lines if not line.get("outside")]
    context = {"region": region, "year": year, "lines": lines,
               "period_labels": [completeness.label(p) for p in periods],
               "chart": charts.bars(bars, None, "Rata-rata capaian IKU per perangkat daerah"),
               "years": sorted({y for a in agencies for y in a.strategic_plan.years})}
    return TemplateResponse(request, "dashboards/region.html", context)
