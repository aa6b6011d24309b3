"""Evidence from the record: the LKE criteria Sakip's own record can answer.

Each function looks at an agency's plan (:class:`~sakip.core.model.Plan`) and the year
evaluated and returns a :class:`Suggestion`: the answer it suggests (Y or T), why, and each
record that is missing (with the record's code), in Indonesian and English. A data file names
the function that answers a criterion under the criterion's ``evidence`` key
(``sakip/data/lke/*.yaml``); :data:`EVIDENCE` is the registry those keys refer to.

Facts that are not in the plan — when the LKjIP was published and submitted, whether the reviu
was done with its statement, how many of last year's recommendations were followed up — are
arguments the caller (the web) supplies; :func:`suggest` runs a function only when its facts
are given.

A suggestion is a suggestion: the agency and the evaluator answer (sakip.core.lke.Sheet).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sakip.core.enums import ActualStatus, Frequency, Level
from sakip.core.lke import Answer, Lke, Sheet
from sakip.core.model import Actual, Indicator, Plan
from sakip.core.periods import ROMAN
from sakip.io.problems import InputError, Problem

YES = "Y"
NO = "T"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Missing:
    """A record the criterion needs and the plan lacks."""

    record: str  # the code of the record concerned ("IKU-03", "PK 2020", "S2" …)
    message: str
    message_en: str


@dataclass(frozen=True)
class Suggestion:
    answer: str  # YES | NO
    why: str
    why_en: str
    missing: tuple[Missing, ...] = ()
    notes: tuple[Missing, ...] = ()  # worth knowing, not required by the criterion

    @property
    def met(self) -> bool:
        return self.answer == YES


def _suggestion(missing: list[Missing], met: tuple[str, str], unmet: tuple[str, str],
                notes: list[Missing] | None = None) -> Suggestion:
    why, why_en = unmet if missing else met
    return Suggestion(NO if missing else YES, why, why_en, tuple(missing), tuple(notes or ()))


# --------------------------------------------------------------------------- from the plan


def renstra(plan: Plan, year: int) -> Suggestion:
    """Renstra present: it covers the year, has goals, each goal objectives, and every goal and
    objective an indicator (criterion 1.a.3, medium-term planning document)."""
    missing: list[Missing] = []
    strategic = plan.strategic_plan
    if not strategic.start <= year <= strategic.end:
        missing.append(Missing(
            "renstra", f"{strategic.title} tidak mencakup tahun {year}.",
            f"{strategic.title} does not cover {year}."))
    if not plan.goals:
        missing.append(Missing("renstra", "Renstra tanpa tujuan.", "The Renstra has no goals."))
    for goal in plan.goals:
        if not plan.objectives_of(goal.code):
            missing.append(Missing(goal.code, f"Tujuan {goal.code} tanpa sasaran.",
                                   f"Goal {goal.code} has no objectives."))
        if not plan.indicators_of(goal.code, Level.GOAL):
            missing.append(Missing(goal.code, f"Tujuan {goal.code} tanpa indikator.",
                                   f"Goal {goal.code} has no indicator."))
    for objective in plan.objectives:
        if not plan.indicators_of(objective.code, Level.OBJECTIVE):
            missing.append(Missing(objective.code, f"Sasaran {objective.code} tanpa indikator.",
                                   f"Objective {objective.code} has no indicator."))
    return _suggestion(
        missing,
        (f"{strategic.title} mencakup tahun {year}, dengan tujuan, sasaran dan indikatornya.",
         f"{strategic.title} covers {year}, with its goals, objectives and indicators."),
        ("Renstra dalam rekaman belum lengkap.", "The Renstra in the record is incomplete."))


def iku(plan: Plan, year: int) -> Suggestion:
    """IKU present: indicators marked key (criterion 1.b.6). Objectives without a key indicator
    and the IKU's revisions in the Renstra period are noted for the evaluator."""
    keys = _key_indicators(plan)
    missing: list[Missing] = []
    if not keys:
        missing.append(Missing("iku", "Tidak ada Indikator Kinerja Utama (IKU) dalam rekaman.",
                               "The record has no key performance indicator (IKU)."))
    notes: list[Missing] = []
    served = {i.owner for i in keys if i.level is Level.OBJECTIVE}
    served_goals = {i.owner for i in keys if i.level is Level.GOAL}
    for objective in plan.objectives:
        if objective.code not in served and objective.goal not in served_goals:
            notes.append(Missing(objective.code,
                                 f"Sasaran {objective.code} (dan tujuannya) tanpa IKU.",
                                 f"Objective {objective.code} (and its goal) has no IKU."))
    revisions = [r for r in plan.strategic_plan.revisions if r.subject == "iku"]
    if len(revisions) > 1:
        notes.append(Missing("iku", f"IKU ditetapkan/diubah {len(revisions)} kali dalam periode "
                             "Renstra.",
                             f"The IKU were set or changed {len(revisions)} times in the "
                             "Renstra period."))
    return _suggestion(
        missing,
        (f"{len(keys)} IKU tercatat: {', '.join(i.code for i in keys)}.",
         f"{len(keys)} key indicators recorded: {', '.join(i.code for i in keys)}."),
        ("IKU belum ditetapkan dalam rekaman.", "No key indicators in the record."), notes)


def pk_signed(plan: Plan, year: int) -> Suggestion:
    """PK signed and dated for the year: the version in force (the latest amendment) has a
    signing date in the year or the one before, its first party and its indicators
    (criterion 1.b.1, planning document formalised)."""
    agreement = plan.agreement(year)
    record = f"PK {year}"
    missing: list[Missing] = []
    if agreement is None:
        missing.append(Missing(record, f"Perjanjian Kinerja tahun {year} tidak ada dalam rekaman.",
                               f"The record has no performance agreement for {year}."))
    else:
        label = "perjanjian awal" if agreement.number == 0 else f"perubahan ke-{agreement.number}"
        label_en = "original" if agreement.number == 0 else f"amendment {agreement.number}"
        signed = _year_of(agreement.signed)
        if agreement.signed is None:
            missing.append(Missing(record, f"PK tahun {year} ({label}) tanpa tanggal tanda tangan.",
                                   f"The {year} agreement ({label_en}) has no signing date."))
        elif signed is None or not year - 1 <= signed <= year:
            missing.append(Missing(
                record, f"PK tahun {year} ({label}) bertanggal {agreement.signed}, di luar "
                f"tahun {year - 1}–{year}.",
                f"The {year} agreement ({label_en}) is dated {agreement.signed}, outside "
                f"{year - 1}–{year}."))
        if agreement.first_party is None:
            missing.append(Missing(record, f"PK tahun {year} ({label}) tanpa pihak pertama.",
                                   f"The {year} agreement ({label_en}) has no first party."))
        if not agreement.items:
            missing.append(Missing(record, f"PK tahun {year} ({label}) tanpa indikator dan target.",
                                   f"The {year} agreement ({label_en}) lists no indicators."))
    signed_text = agreement.signed if agreement is not None else ""
    return _suggestion(
        missing,
        (f"Perjanjian Kinerja tahun {year} ditandatangani {signed_text}.",
         f"The {year} performance agreement was signed {signed_text}."),
        (f"Perjanjian Kinerja tahun {year} belum lengkap dalam rekaman.",
         f"The {year} performance agreement is incomplete in the record."))


def definitions(plan: Plan, year: int) -> Suggestion:
    """Indicator definitions complete: every key indicator has its definition, a formula or a
    description of its calculation, and its data source (criterion 2.a.2). Frequency and the
    official responsible, when absent, are noted."""
    keys = _key_indicators(plan)
    missing: list[Missing] = []
    notes: list[Missing] = []
    if not keys:
        missing.append(Missing("iku", "Tidak ada IKU yang definisinya dapat diperiksa.",
                               "There is no key indicator whose definition could be checked."))
    for indicator in keys:
        lacks = [(id_, en) for present, id_, en in (
            (indicator.definition, "definisi operasional", "operational definition"),
            (indicator.formula or indicator.calculation, "rumus/cara menghitung",
             "formula or calculation"),
            (indicator.data_source, "sumber data", "data source")) if not present]
        if lacks:
            missing.append(Missing(
                indicator.code, f"{indicator.code}: tanpa {', '.join(i for i, _ in lacks)}.",
                f"{indicator.code}: no {', '.join(e for _, e in lacks)}."))
        extras = [(id_, en) for present, id_, en in (
            (indicator.frequency, "frekuensi pengukuran", "measurement frequency"),
            (indicator.responsible, "penanggung jawab", "official responsible")) if not present]
        if extras:
            notes.append(Missing(
                indicator.code, f"{indicator.code}: tanpa {', '.join(i for i, _ in extras)}.",
                f"{indicator.code}: no {', '.join(e for _, e in extras)}."))
    return _suggestion(
        missing,
        ("Setiap IKU memiliki definisi operasional, cara menghitung dan sumber data.",
         "Every key indicator has its definition, calculation and data source."),
        ("Definisi operasional IKU belum lengkap.", "Key indicator definitions are incomplete."),
        notes)


def annual_targets(plan: Plan, year: int) -> Suggestion:
    """Targets present for the year: every key indicator has the year's target (criterion
    1.a.4, short-term planning document)."""
    keys = _key_indicators(plan)
    missing: list[Missing] = []
    if not keys:
        missing.append(Missing("iku", "Tidak ada IKU yang dapat diberi target.",
                               "There is no key indicator to carry a target."))
    for indicator in keys:
        target = indicator.target(year)
        if target is None or (target.value is None and target.text is None):
            missing.append(Missing(indicator.code, f"{indicator.code}: tanpa target tahun {year}.",
                                   f"{indicator.code}: no target for {year}."))
    return _suggestion(
        missing,
        (f"Setiap IKU memiliki target tahun {year}.", f"Every key indicator has a {year} target."),
        (f"Target tahun {year} belum lengkap.", f"The {year} targets are incomplete."))


def realisations(plan: Plan, year: int) -> Suggestion:
    """Realisations recorded through the year: every key indicator has a realisation for each
    of its periods — the four quarters (a quarter's own record or a month in it), the two
    semesters (quarters II and IV) when measured by semester, the year when measured yearly
    (criteria 1.c.4 and 2.b.4, performance monitored regularly)."""
    keys = _key_indicators(plan)
    missing: list[Missing] = []
    if not keys:
        missing.append(Missing("iku", "Tidak ada IKU yang realisasinya dapat diperiksa.",
                               "There is no key indicator whose realisations could be checked."))
    for indicator in keys:
        missing.extend(_periods_missing(indicator, year))
    return _suggestion(
        missing,
        (f"Realisasi setiap IKU tercatat sepanjang tahun {year}.",
         f"Every key indicator's realisations are recorded through {year}."),
        (f"Realisasi tahun {year} belum tercatat lengkap.",
         f"The {year} realisations are not all recorded."))


def cascade(plan: Plan, year: int) -> Suggestion:
    """The Renstra's cascade: every goal has objectives, every objective programmes, every
    programme serves a known objective and has activities (criterion 1.b.8, cascading)."""
    missing: list[Missing] = []
    for goal in plan.goals:
        if not plan.objectives_of(goal.code):
            missing.append(Missing(goal.code, f"Tujuan {goal.code} tanpa sasaran.",
                                   f"Goal {goal.code} has no objectives."))
    for objective in plan.objectives:
        if not plan.programs_of(objective.code):
            missing.append(Missing(objective.code, f"Sasaran {objective.code} tanpa program.",
                                   f"Objective {objective.code} has no programme."))
    for program in plan.programs:
        if program.objective is None or program.objective not in plan.objective_by_code:
            missing.append(Missing(program.code,
                                   f"Program {program.code} tidak terhubung ke sasaran.",
                                   f"Programme {program.code} is not linked to an objective."))
        if not plan.activities_of(program.code):
            missing.append(Missing(program.code, f"Program {program.code} tanpa kegiatan.",
                                   f"Programme {program.code} has no activities."))
    if not plan.programs:
        missing.append(Missing("renstra", "Renstra tanpa program.", "The Renstra has no programmes."))
    return _suggestion(
        missing,
        ("Tujuan, sasaran, program dan kegiatan Renstra saling terhubung.",
         "The Renstra's goals, objectives, programmes and activities are linked."),
        ("Keterkaitan (cascading) Renstra belum lengkap.", "The Renstra's cascade is incomplete."))


def budget(plan: Plan, year: int) -> Suggestion:
    """A budget planned for the year: the year's budget lines carry a ceiling (criterion 1.a.6,
    budget planning document supporting performance)."""
    lines = [b for b in plan.budgets_of(year) if b.ceiling is not None]
    missing: list[Missing] = []
    if not lines:
        missing.append(Missing(f"anggaran {year}", f"Tidak ada pagu anggaran tahun {year}.",
                               f"No budget ceiling for {year}."))
    funded = {b.activity for b in lines}
    return _suggestion(
        missing,
        (f"Pagu anggaran tahun {year} tercatat untuk {len(funded)} kegiatan.",
         f"A {year} budget ceiling is recorded for {len(funded)} activities."),
        (f"Anggaran tahun {year} belum tercatat.", f"The {year} budget is not recorded."))


# --------------------------------------------------------------------------- facts from outside


def lkjip_published(plan: Plan, year: int, published_on: date | None) -> Suggestion:
    """The LKjIP of the year published (criterion 3.a.5); the date is supplied by the caller."""
    record = f"LKjIP {year}"
    missing: list[Missing] = []
    if published_on is None:
        missing.append(Missing(record, f"LKjIP tahun {year} belum dipublikasikan.",
                               f"The {year} LKjIP has not been published."))
    elif published_on <= date(year, 12, 31):
        missing.append(Missing(record, f"Tanggal publikasi {published_on.isoformat()} sebelum "
                               f"tahun {year} berakhir.",
                               f"Published on {published_on.isoformat()}, before {year} ended."))
    when = published_on.isoformat() if published_on else ""
    return _suggestion(
        missing, (f"LKjIP tahun {year} dipublikasikan {when}.",
                  f"The {year} LKjIP was published on {when}."),
        (f"Publikasi LKjIP tahun {year} belum terbukti.",
         f"The {year} LKjIP's publication is not shown."))


def lkjip_on_time(plan: Plan, year: int, submitted_on: date | None, deadline: date
                  ) -> Suggestion:
    """The LKjIP submitted by its deadline (criterion 3.a.6); the caller supplies both dates
    (the deadline is the region's or the regulation's)."""
    record = f"LKjIP {year}"
    missing: list[Missing] = []
    if submitted_on is None:
        missing.append(Missing(record, f"LKjIP tahun {year} belum disampaikan.",
                               f"The {year} LKjIP has not been submitted."))
    elif submitted_on > deadline:
        late = (submitted_on - deadline).days
        missing.append(Missing(
            record, f"LKjIP disampaikan {submitted_on.isoformat()}, {late} hari setelah batas "
            f"{deadline.isoformat()}.",
            f"The LKjIP was submitted on {submitted_on.isoformat()}, {late} days after the "
            f"{deadline.isoformat()} deadline."))
    when = submitted_on.isoformat() if submitted_on else ""
    return _suggestion(
        missing, (f"LKjIP disampaikan {when}, sebelum batas {deadline.isoformat()}.",
                  f"The LKjIP was submitted on {when}, by the {deadline.isoformat()} deadline."),
        ("LKjIP tidak disampaikan tepat waktu.", "The LKjIP was not submitted on time."))


def reviu_done(plan: Plan, year: int, reviewed_on: date | None, statement: bool) -> Suggestion:
    """The LKjIP reviewed by the APIP, with its statement (Pernyataan Telah Direviu) signed
    (criterion 3.a.4)."""
    record = f"reviu LKjIP {year}"
    missing: list[Missing] = []
    if reviewed_on is None:
        missing.append(Missing(record, f"Reviu LKjIP tahun {year} belum dilakukan.",
                               f"The {year} LKjIP has not been reviewed."))
    if not statement:
        missing.append(Missing(record, "Pernyataan Telah Direviu belum ditandatangani.",
                               "The review statement (Pernyataan Telah Direviu) is not signed."))
    when = reviewed_on.isoformat() if reviewed_on else ""
    return _suggestion(
        missing, (f"LKjIP direviu {when}, dengan Pernyataan Telah Direviu.",
                  f"The LKjIP was reviewed on {when}, with its review statement."),
        ("Reviu LKjIP belum lengkap.", "The LKjIP review is incomplete."))


def recommendations_followed(plan: Plan, year: int, recommendations: int, followed: int
                             ) -> Suggestion:
    """Last evaluation's recommendations followed up, all of them (criterion 4.c.1)."""
    if recommendations < 0 or not 0 <= followed <= recommendations:
        raise InputError([Problem(
            "LKE_BAD_FACT",
            f"Jumlah rekomendasi ({recommendations}) dan yang ditindaklanjuti ({followed}) "
            "tidak sesuai.",
            f"The numbers of recommendations ({recommendations}) and of those followed up "
            f"({followed}) do not fit.")])
    missing: list[Missing] = []
    if followed < recommendations:
        missing.append(Missing(
            f"rekomendasi {year - 1}",
            f"{recommendations - followed} dari {recommendations} rekomendasi belum "
            "ditindaklanjuti.",
            f"{recommendations - followed} of {recommendations} recommendations not followed up."))
    return _suggestion(
        missing, (f"Seluruh {recommendations} rekomendasi telah ditindaklanjuti.",
                  f"All {recommendations} recommendations were followed up."),
        ("Tindak lanjut rekomendasi belum tuntas.", "Recommendations are not all followed up."))


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Evidence:
    key: str
    function: Callable[..., Suggestion]
    facts: tuple[str, ...]  # the arguments beyond (plan, year) the caller must supply
    title: str
    title_en: str


EVIDENCE: dict[str, Evidence] = {e.key: e for e in (
    Evidence("renstra", renstra, (), "Renstra", "Strategic plan"),
    Evidence("iku", iku, (), "Indikator Kinerja Utama", "Key indicators"),
    Evidence("pk_signed", pk_signed, (), "Perjanjian Kinerja", "Performance agreement"),
    Evidence("definitions", definitions, (), "Definisi operasional IKU",
             "Key indicator definitions"),
    Evidence("annual_targets", annual_targets, (), "Target tahunan", "Annual targets"),
    Evidence("realisations", realisations, (), "Realisasi berkala", "Periodic realisations"),
    Evidence("cascade", cascade, (), "Cascading Renstra", "Strategic plan cascade"),
    Evidence("budget", budget, (), "Anggaran", "Budget"),
    Evidence("lkjip_published", lkjip_published, ("published_on",), "Publikasi LKjIP",
             "LKjIP publication"),
    Evidence("lkjip_on_time", lkjip_on_time, ("submitted_on", "deadline"),
             "Penyampaian LKjIP", "LKjIP submission"),
    Evidence("reviu_done", reviu_done, ("reviewed_on", "statement"), "Reviu LKjIP",
             "LKjIP review"),
    Evidence("recommendations_followed", recommendations_followed,
             ("recommendations", "followed"), "Tindak lanjut rekomendasi",
             "Recommendations followed up"),
)}


def suggest(lke: Lke, plan: Plan, year: int, facts: Mapping[str, Any] | None = None
            ) -> dict[str, Suggestion]:
    """Suggestions for every criterion of ``lke`` answered from the record, by criterion code;
    a criterion whose facts are not all in ``facts`` is left out."""
    given = facts or {}
    found: dict[str, Suggestion] = {}
    for criterion in lke.criteria:
        if criterion.evidence is None:
            continue
        evidence = EVIDENCE[criterion.evidence]
        if all(name in given for name in evidence.facts):
            found[criterion.code] = evidence.function(
                plan, year, **{name: given[name] for name in evidence.facts})
    return found


def as_sheet(suggestions: Mapping[str, Suggestion], base: Sheet | None = None) -> Sheet:
    """A sheet answering each suggested criterion as suggested (the reason as its note), over
    ``base``'s other answers."""
    answers = dict(base.answers) if base is not None else {}
    for code, suggestion in suggestions.items():
        answers[code] = Answer(suggestion.answer, suggestion.why)
    return Sheet(answers, dict(base.claims) if base is not None else {})


# --------------------------------------------------------------------------- helpers


def _key_indicators(plan: Plan) -> list[Indicator]:
    return [indicator for indicator in plan.indicators if indicator.key]


def _year_of(text: str | None) -> int | None:
    match = _DATE.match(text.strip()) if text else None
    return int(match[1]) if match else None


def _recorded(actual: Actual) -> bool:
    return actual.status is not ActualStatus.NOT_AVAILABLE and (
        actual.value is not None or actual.text is not None)


def _periods_missing(indicator: Indicator, year: int) -> list[Missing]:
    actuals = indicator.actuals_of(year)
    code = indicator.code
    if indicator.frequency is Frequency.YEARLY:
        year_actuals = [a for a in actuals if a.quarter is None and a.month is None]
        if any(_recorded(a) for a in year_actuals):
            return []
        return [_missing_period(code, f"tahun {year}", f"year {year}", year_actuals)]
    quarters = (2, 4) if indicator.frequency is Frequency.SEMESTER else (1, 2, 3, 4)
    missing: list[Missing] = []
    for quarter in quarters:
        held = [a for a in actuals if a.quarter == quarter
                or (a.month is not None and (a.month - 1) // 3 + 1 == quarter)
                or (a.quarter is None and a.month is None)]  # the year's: why it is missing
        if not any(_recorded(a) for a in held if a.quarter is not None or a.month is not None):
            missing.append(_missing_period(code, f"triwulan {ROMAN[quarter]} {year}",
                                           f"quarter {quarter} of {year}", held))
    return missing


def _missing_period(code: str, period: str, period_en: str, held: list[Actual]) -> Missing:
    reasons = [a.reason for a in held if a.status is ActualStatus.NOT_AVAILABLE and a.reason]
    if reasons:
        return Missing(code, f"{code}: realisasi {period} belum tersedia ({reasons[0]}).",
                       f"{code}: the {period_en} realisation is not available ({reasons[0]}).")
    return Missing(code, f"{code}: realisasi {period} tidak tercatat.",
                   f"{code}: no realisation recorded for {period_en}.")
