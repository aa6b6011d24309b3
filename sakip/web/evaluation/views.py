"""The LKE pages: an agency-year's evaluation (``/opd/<agency>/<year>/lke/``), its steps, and
the region's scores side by side (``/wilayah/lke/<year>/``).

The page shows, per component, sub-component and criterion, what the record suggests
(:func:`sakip.core.lke_evidence.suggest`), each party's answer, the disagreements of the round,
the scores :func:`sakip.core.lke.score_evaluation` computes and the simulation
(:func:`sakip.core.lke.simulate`, :func:`~sakip.core.lke.next_grades`); it computes no figure
of its own. Every change goes through sakip/web/evaluation/write.py.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext

from sakip.core import lke as core
from sakip.core.lke_evidence import EVIDENCE, Suggestion, suggest
from sakip.io.problems import InputError
from sakip.web.access import Action, forbidden, membership, requires
from sakip.web.evaluation import downloads, write
from sakip.web.evaluation.forms import RESPONSES, formset, options
from sakip.web.evaluation.models import Answer, Evaluation, FollowUp, Party, Response, Stage
from sakip.web.labels import language
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear, AuditEntry, Evidence
from sakip.web.workflow.snapshots import plan_for

# the page where the record a criterion's evidence function reads is kept
RECORD_PAGES = {
    "renstra": "structure", "iku": "structure", "cascade": "structure",
    "pk_signed": "agreements", "definitions": "planning_definitions",
    "annual_targets": "targets", "realisations": "actuals", "budget": "budgets",
    "reviu_done": "review", "lkjip_published": "workflow", "lkjip_on_time": "workflow",
}


def _english() -> bool:
    return language() == "en"


def _facts(evaluation: Evaluation, state: AgencyYear) -> dict[str, Any]:
    """The facts outside the plan the record holds: the review mark of the year's report
    (reviewed, with the inspectorate's statement), when it was published (the workflow's audit
    entry), and last year's recommendations with how many this evaluation found followed up."""
    facts: dict[str, Any] = {}
    if state.reviewed_at is not None:
        facts.update(reviewed_on=timezone.localdate(state.reviewed_at), statement=True)
    if state.published:
        entry = (AuditEntry.objects.filter(agency_id=state.agency_id, key=f"status:{state.year}",
                                           field="published", new="ya").order_by("-id").first())
        if entry is not None:
            facts["published_on"] = timezone.localdate(entry.at)
    earlier = write.previous(evaluation)
    if earlier is not None:
        recommendations = list(earlier.recommendations.values_list("pk", flat=True))
        followed = FollowUp.objects.filter(evaluation=evaluation, recommendation__in=recommendations,
                                           followed=True).count()
        facts.update(recommendations=len(recommendations), followed=followed)
    return facts


def _suggestions(lke: core.Lke, agency: Agency, year: int, evaluation: Evaluation,
                 state: AgencyYear) -> dict[str, Suggestion]:
    try:
        return suggest(lke, plan_for(agency, year), year, _facts(evaluation, state))
    except InputError:
        return {}


def _url(name: str, **kwargs: Any) -> str | None:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _suggestion_shown(criterion: core.Criterion, found: Suggestion | None, agency: Agency,
                      year: int) -> dict[str, Any] | None:
    if found is None:
        return None
    english = _english()
    page = RECORD_PAGES.get(criterion.evidence or "")
    if criterion.evidence == "recommendations_followed":
        url = _url("lke", agency=agency.pk, year=year - 1)
    else:
        url = _url(page, agency=agency.pk, year=year) if page else None
    evidence = EVIDENCE[criterion.evidence] if criterion.evidence else None
    return {
        "answer": found.answer, "met": found.met,
        "why": found.why_en if english else found.why,
        "title": (evidence.title_en if english else evidence.title) if evidence else "",
        "missing": [{"record": m.record, "message": m.message_en if english else m.message}
                    for m in found.missing],
        "notes": [m.message_en if english else m.message for m in found.notes],
        "url": url,
    }


def _predicate(result: core.Score) -> str:
    found = result.predicate
    if found is None:
        return "–"
    return f"{found.code} ({found.label_en if _english() else found.label})"


def _page_context(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
                  evaluation: Evaluation, forms: Any = None) -> dict[str, Any]:
    lke = write.worksheet(evaluation)
    party = write.party_of(request.user, agency, state)
    sheets = write.sheets(evaluation)
    own, evaluator, final = core.score_evaluation(lke, sheets)
    stored: dict[str, dict[str, Answer]] = {Party.AGENCY: {}, Party.EVALUATOR: {}}
    for row in evaluation.answers.prefetch_related("evidence"):
        stored[row.party][row.code] = row
    editing = party if party in write.EDITS and evaluation.stage == write.EDITS[party] else None
    if editing and forms is None:
        forms = formset(lke, stored[editing], _files(agency, year))
    by_code = {form.code: form for form in forms.forms} if forms is not None else {}
    found = _suggestions(lke, agency, year, evaluation, state)
    disagreements = {d.code: d for d in evaluation.disagreements.all()}
    components = []
    for component, sc_self, sc_eval, sc_final in zip(lke.components, own.components,
                                                     evaluator.components, final.components,
                                                     strict=True):
        subs = []
        for sub, s_self, s_eval, s_final in zip(component.subcomponents, sc_self.subscores,
                                                sc_eval.subscores, sc_final.subscores,
                                                strict=True):
            rows = [{
                "criterion": c, "suggestion": _suggestion_shown(c, found.get(c.code), agency, year),
                "agency": stored[Party.AGENCY].get(c.code),
                "evaluator": stored[Party.EVALUATOR].get(c.code),
                "form": by_code.get(c.code), "disagreement": disagreements.get(c.code),
                "capped": s_final.criteria[i].capped_by,
            } for i, c in enumerate(sub.criteria)]
            subs.append({"sub": sub, "rows": rows, "self": s_self, "evaluator": s_eval,
                         "final": s_final, "claim_form": by_code.get(sub.code),
                         "claim_agency": stored[Party.AGENCY].get(sub.code),
                         "claim_evaluator": stored[Party.EVALUATOR].get(sub.code),
                         "disagreement": disagreements.get(sub.code)})
        components.append({"component": component, "subs": subs, "self": sc_self,
                           "evaluator": sc_eval, "final": sc_final,
                           "name": component.name_en if _english() and component.name_en
                           else component.name})
    simulated = core.simulate(lke, sheets.final() if evaluation.stage != Stage.SELF
                              else sheets.self_assessment)[:10]
    earlier = write.previous(evaluation)
    follow_ups = {f.recommendation_id: f for f in evaluation.follow_ups.all()}
    may_follow = editing is not None
    return {
        "agency": agency, "state": state, "year": year, "evaluation": evaluation, "lke": lke,
        "party": party, "editing": editing, "formset": forms, "components": components,
        "scores": {"self": own, "evaluator": evaluator, "final": final},
        "predicates": {"self": _predicate(own), "evaluator": _predicate(evaluator),
                       "final": _predicate(final)},
        "simulated": simulated, "next_grades": core.next_grades(
            lke, sheets.final() if evaluation.stage != Stage.SELF else sheets.self_assessment),
        "disagreements": [
            {"d": d, "text": _text_of(lke, d.code), "options": options(lke, d.code),
             "response_label": str(Response(d.response).label) if d.response else ""}
            for d in disagreements.values()],
        "responses": RESPONSES,
        "recommendations": list(evaluation.recommendations.all()),
        "component_choices": [(c.code, f"{c.code} {c.name}") for c in lke.components],
        "previous": [{"r": r, "follow_up": follow_ups.get(r.pk)}
                     for r in (earlier.recommendations.all() if earlier else [])],
        "may_follow": may_follow,
        "version": write.version(evaluation),
        "steps": _steps(party, evaluation),
        "unanswered": len(own.unanswered),
        "downloads": downloads.links(agency, year),
    }


def _text_of(lke: core.Lke, code: str) -> str:
    if code in lke.criterion_by_code:
        return lke.criterion_by_code[code].text
    return lke.subcomponent_by_code[code].name


def _files(agency: Agency, year: int) -> list[tuple[int, str]]:
    rows = (Evidence.objects.filter(actual__indicator__agency=agency, actual__year=year)
            .select_related("actual__indicator").order_by("actual__indicator__code", "id"))
    return [(e.pk, f"{e.actual.indicator.code}: {e.name}") for e in rows]


def _steps(party: str | None, evaluation: Evaluation) -> list[dict[str, str]]:
    labels = {"kirim": gettext("Kirim ke evaluator"),
              "putaran": gettext("Mulai putaran ketidaksepakatan"),
              "final": gettext("Tetapkan hasil akhir")}
    return [{"name": name, "label": labels[name]} for name, (taker, source, _) in write.STEPS.items()
            if taker == party and evaluation.stage == source]


@requires(Action.READ)
def page(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    """The evaluation of the agency-year; a POST is one action (``aksi``) of the party."""
    evaluation = write.evaluation_of(state)
    forms = None
    status = 200
    if request.method == "POST":
        party = write.party_of(request.user, agency, state)
        if party is None:
            return forbidden(request)
        action = request.POST.get("aksi", "jawaban")
        try:
            forms, message = _take(request, action, evaluation, party)
        except write.Refused as refused:
            messages.error(request, f"{refused.message} ({refused.code})")
            status = refused.status
        else:
            if message:
                messages.success(request, message)
                return redirect("lke", agency=agency.pk, year=year)
            status = 400
        evaluation.refresh_from_db()
    context = _page_context(request, agency, year, state, evaluation, forms)
    if forms is not None and request.POST.get("versi", "").isdigit():
        context["version"] = int(request.POST["versi"])  # shown again: the version it came from
    return TemplateResponse(request, "evaluation/lke.html", context, status=status)


def _take(request: HttpRequest, action: str, evaluation: Evaluation, party: str
          ) -> tuple[Any, str]:
    """Do one posted action: the message to show, or (the forms with their errors, "")."""
    post, user = request.POST, request.user
    if action == "jawaban":
        lke = write.worksheet(evaluation)
        if party not in write.EDITS or evaluation.stage != write.EDITS[party]:
            write.save_answers(evaluation, user, party, [])  # refuses with the stage's reason
        stored = {a.code: a for a in evaluation.answers.filter(party=party)
                  .prefetch_related("evidence")}
        forms = formset(lke, stored, _files(evaluation.agency_year.agency,
                                            evaluation.agency_year.year), post)
        if not forms.is_valid():
            messages.error(request, gettext("Isian LKE tidak sah; periksa kolom yang ditandai."))
            return forms, ""
        edits = []
        for form in forms.forms:
            edit = form.edit()
            if edit.code != form.code:
                raise write.Refused("LKE_BAD_FORM", gettext("Formulir LKE tidak sesuai halaman."))
            edits.append(edit)
        seen = post.get("versi", "")
        outcome = write.save_answers(evaluation, user, party, edits,
                                     seen=int(seen) if seen.isdigit() else None)
        return None, gettext("%(count)s perubahan disimpan.") % {"count": outcome.changes}
    if action == "saran":
        count = _adopt(evaluation, user, party)
        return None, gettext("%(count)s perubahan disimpan.") % {"count": count}
    code = post.get("kode", "")
    if action == "tanggapan":
        write.respond(evaluation, user, party, code, post.get("tanggapan", ""),
                      post.get("alasan", ""))
        return None, gettext("Tanggapan disimpan.")
    if action == "keputusan":
        write.decide(evaluation, user, party, code, post.get("keputusan", ""),
                     post.get("catatan", ""))
        return None, gettext("Keputusan disimpan.")
    if action == "rekomendasi":
        write.recommend(evaluation, user, party, post.get("komponen", ""), post.get("teks", ""))
        return None, gettext("Rekomendasi ditambahkan.")
    if action == "hapus-rekomendasi":
        pk = post.get("rekomendasi", "")
        write.withdraw(evaluation, user, party, int(pk) if pk.isdigit() else 0)
        return None, gettext("Rekomendasi dihapus.")
    if action == "tindak-lanjut":
        pk = post.get("rekomendasi", "")
        choice = post.get("ditindaklanjuti", "")
        followed = {"ya": True, "tidak": False}.get(choice)
        write.follow_up(evaluation, user, party, int(pk) if pk.isdigit() else 0, followed,
                        post.get("catatan", ""))
        return None, gettext("Tindak lanjut disimpan.")
    raise write.Refused("LKE_UNKNOWN_ACTION", gettext("Aksi tidak dikenal."))


def _adopt(evaluation: Evaluation, user: Any, party: str) -> int:
    """The agency's criteria not answered yet answered as the record suggests, the reason as
    the note (a note already written is kept)."""
    state = evaluation.agency_year
    lke = write.worksheet(evaluation)
    stored = {a.code: a for a in evaluation.answers.filter(party=party)
              .prefetch_related("evidence")}
    edits = []
    for code, found in _suggestions(lke, state.agency, state.year, evaluation, state).items():
        row = stored.get(code)
        if row is not None and row.answer:
            continue
        edits.append(write.AnswerEdit(
            code, found.answer, (row.note if row and row.note else found.why),
            row.links if row else "",
            tuple(sorted(e.pk for e in row.evidence.all())) if row else ()))
    return write.save_answers(evaluation, user, party if party == Party.AGENCY else None,
                              edits).changes


@requires(Action.READ)
def take_step(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
              step: str) -> HttpResponse:
    """A step of the evaluation (POST); a GET goes back to the page."""
    if request.method != "POST":
        return redirect("lke", agency=agency.pk, year=year)
    party = write.party_of(request.user, agency, state)
    taker = write.STEPS.get(step, (None,))[0]
    if party is None or taker != party:
        return forbidden(request)
    evaluation = write.evaluation_of(state)
    try:
        write.step(evaluation, request.user, party, step)
    except write.Refused as refused:
        messages.error(request, f"{refused.message} ({refused.code})")
    else:
        messages.success(request, gettext("Tahap evaluasi: %(stage)s.")
                         % {"stage": Stage(Evaluation.objects.get(pk=evaluation.pk).stage).label})
    return redirect("lke", agency=agency.pk, year=year)


@requires(Action.READ_REGION)
def region_page(request: HttpRequest, year: int) -> HttpResponse:
    """Every agency of the region: its evaluation's stage and the three scores with their
    predicates, side by side."""
    member = membership(request.user)
    assert member is not None  # requires() let only the region's members in
    region = member.region
    agencies = Agency.objects.filter(region=region).select_related("strategic_plan") \
        .order_by("name", "id")
    stored = {e.agency_year.agency_id: e for e in Evaluation.objects.filter(
        agency_year__agency__region=region, agency_year__year=year)
        .select_related("agency_year").prefetch_related("answers")}
    rows = []
    for agency in agencies:
        evaluation = stored.get(agency.pk)
        row: dict[str, Any] = {"agency": agency, "evaluation": evaluation,
                               "url": _url("lke", agency=agency.pk, year=year)
                               if year in agency.strategic_plan.years else None}
        if evaluation is not None:
            own, evaluator, final = core.score_evaluation(write.worksheet(evaluation),
                                                          write.sheets(evaluation))
            row.update(self=own, evaluator=evaluator, final=final,
                       predicates={"self": _predicate(own), "evaluator": _predicate(evaluator),
                                   "final": _predicate(final)})
        rows.append(row)
    years = sorted({y for a in agencies for y in a.strategic_plan.years})
    return TemplateResponse(request, "evaluation/region.html", {
        "region": region, "year": year, "years": years, "rows": rows})
