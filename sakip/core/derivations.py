"""The derivation of every figure a measurement produces, by its figure key.

A figure key is ``kind:year:code`` — the key a report cell carries:

==========================  ====================================================================
``achievement``             an indicator's achievement (capaian): its rule, T and R, rounding
``actual``                  its realisation: the formula over data series, or the record entered
                            (or its quarters/months composed)
``target``, ``pk``          a target of the Renstra, of the Perjanjian Kinerja in force
``group``, ``own``          a goal's, objective's or the agency's mean achievement (``own``: a
                            goal over its own indicators)
``ceiling``, ``spent``      a budget line's ceiling and spending: a record, or the sum below it
``absorption``              spending / ceiling × 100
``efficiency``              a goal's achievement − its absorption
``change``, ``final``       the change on the year before; the achievement of the final target
``predicate_count``,        how many key indicators have a predicate / category (code: the label)
``category_count``
``spending_ceiling``,       the spending composition (code: ``indirect``, ``direct``,
``spending_spent``,         ``other``, ``total``)
``spending_absorption``
==========================  ====================================================================

Each derivation reuses the core's own functions (:func:`sakip.core.achievement.score`,
:func:`sakip.core.numbers.mean`, :func:`~sakip.core.numbers.percent`, the formula evaluator) for
the value before rounding and takes its result from the measurement, so it cannot say otherwise
than the figure printed. Nothing here is computed by :func:`sakip.core.measure.measure`: a
derivation is asked for (:func:`derive`, :func:`derive_all`) when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal

from sakip.core import records as K
from sakip.core.achievement import WHY_WORDS, score
from sakip.core.budget import UNLINKED, BudgetLine, absorption_places, year_budgets
from sakip.core.enums import ActualStatus, Aggregation, Polarity
from sakip.core.formula import FormulaError, parse
from sakip.core.formula_words import formula_words, series_names
from sakip.core.measure import IndicatorResult, Measurement, range_inner
from sakip.core.model import Budget, Indicator, Plan, Settings
from sakip.core.numbers import RoundingMode, mean, percent
from sakip.core.periods import Period, finest
from sakip.core.provenance import NO_SOURCES, Derivation, Input, Sources, Words
from sakip.core.scales import BandLabels

KINDS = ("achievement", "actual", "target", "pk", "group", "own", "ceiling", "spent",
         "absorption", "efficiency", "change", "final", "predicate_count", "category_count",
         "spending_ceiling", "spending_spent", "spending_absorption")


def figure_key(kind: str, year: int, code: str) -> str:
    return f"{kind}:{year}:{code}"


def rounding_words(places: int, mode: RoundingMode) -> Words:
    """The rounding rule in words, as :func:`sakip.core.numbers.quantize` applies it."""
    if mode is RoundingMode.TRUNCATE:
        return (f"dipotong (tanpa pembulatan) ke {places} desimal",
                f"truncated to {places} decimal places")
    return (f"dibulatkan setengah ke atas ke {places} desimal",
            f"rounded half up to {places} decimal places")


_RULES: dict[str, tuple[Words, str]] = {
    "R/T×100": (("Realisasi ÷ Target × 100 (indikator positif: makin tinggi makin baik)",
                 "Actual ÷ Target × 100 (positive indicator: higher is better)"), "R / T × 100"),
    "(2T−R)/T×100": (("(2 × Target − Realisasi) ÷ Target × 100 (indikator negatif: makin rendah "
                      "makin baik)", "(2 × Target − Actual) ÷ Target × 100 (negative indicator: "
                      "lower is better)"), "(2T − R) / T × 100"),
    "T/R×100": (("Target ÷ Realisasi × 100 (indikator negatif: makin rendah makin baik)",
                 "Target ÷ Actual × 100 (negative indicator: lower is better)"), "T / R × 100"),
    "band": (("100 di dalam rentang target; di luar: (1 − jarak ke batas terdekat ÷ batas) × 100",
              "100 inside the target band; outside: (1 − distance to the nearest edge ÷ edge) × 100"),
             "band"),
    "level": (("tingkatan kualitatif: tercapai bila realisasi mencapai tingkatan target",
               "qualitative levels: met when the actual reaches the target's level"), "level"),
}


def _rule(rule: str) -> tuple[Words, str]:
    inner = range_inner(rule)
    if inner is None:
        return _RULES.get(rule, ((rule, rule), rule))
    words, code = _RULES[inner]
    return ((f"100 di dalam rentang target; di luar: {words[0]}, T batas yang dilewati",
             f"100 inside the target range; outside: {words[1]}, T the bound crossed"),
            f"range {code}")


class _Deriver:
    def __init__(self, plan: Plan, m: Measurement, sources: Sources,
                 history: dict[int, Measurement] | None) -> None:
        self.plan, self.m, self.sources = plan, m, sources
        self.settings: Settings = m.settings
        self.history = history or {}
        self.lines: dict[str, BudgetLine] = {}
        self.below: dict[tuple[str, str | None], list[BudgetLine]] = {}  # (level, parent) → lines
        for line in m.budget:
            self.lines.setdefault(line.code, line)
            self.below.setdefault((line.level, line.parent), []).append(line)
        self._budgets: dict[str, Budget] | None = None
        self._own_budgets: dict[str, Budget] = {}
        self.groups = {g.code: g for g in reversed(m.groups)}  # the first of a code
        self.own_groups = {g.code: g for g in m.own_groups}

    # ----------------------------------------------------------------- inputs

    def entered(self, symbol: str, label: Words, kind: str, key: K.Key, field: str,
                value: Decimal | None, text: str | None = None, money: bool = False) -> Input:
        return Input(symbol, label, value, text, record=_record(kind, key),
                     source=self.sources.of(kind, key, field), money=money)

    # ----------------------------------------------------------------- indicators

    def result(self, year: int, code: str) -> IndicatorResult | None:
        m = self.m if year == self.m.year else self.history.get(year)
        if m is None:
            return None
        try:
            return m.result(code)
        except KeyError:
            return None

    def target_input(self, indicator: Indicator, year: int, symbol: str = "T") -> Input:
        target = indicator.target(year)
        label = (f"target {year}", f"target {year}")
        if target is None:
            return Input(symbol, label, text="–")
        text = target.text if target.value is None else None
        if target.upper is not None and target.upper != target.value:
            text = f"{target.value}–{target.upper}"
        return self.entered(symbol, label, K.TARGET, (indicator.code, year, None, None),
                            "text" if target.value is None else "value", target.value, text)

    def actual_input(self, r: IndicatorResult, symbol: str = "R") -> Input:
        label = (f"realisasi {r.year}", f"actual {r.year}")
        key = figure_key("actual", r.year, r.code)
        if r.derived is not None:
            return Input(symbol, (f"realisasi {r.year} dihitung dengan rumus",
                                  f"actual {r.year} derived by the formula"),
                         r.actual, figure=key)
        if r.actual is None and r.actual_text is None:
            return Input(symbol, label, text="–", figure=key)
        own = _own_actual(r.indicator, r.year)
        if own:
            return self.entered(symbol, label, K.ACTUAL, (r.code, r.year, None, None),
                                "value" if r.actual is not None else "text", r.actual,
                                r.actual_text)
        return Input(symbol, (f"realisasi {r.year} dari periode-periodenya",
                              f"actual {r.year} from its periods"), r.actual, figure=key)

    def achievement(self, year: int, code: str) -> Derivation | None:
        r = self.result(year, code)
        if r is None:
            return None
        i = r.indicator
        words, code_text = _rule(r.rule)
        title = (f"Capaian {code} {year} — {i.name}", f"Achievement {code} {year} — {i.name}")
        inputs = (self.target_input(i, year), self.actual_input(r))
        unrounded = None
        target = r.target
        negative = i.negative_formula or self.settings.negative_formula
        if target is not None and target.value is not None and r.actual is not None:
            unrounded = score(target.value, r.actual, i.polarity, negative, target.upper).value
        note: Words | None = None
        if r.uncapped is not None:
            note = (f"dibatasi {i.cap} (sebelum batas {r.uncapped})",
                    f"capped at {i.cap} (before the cap {r.uncapped})")
        elif r.achievement is None:
            code_why = r.why.value if r.why is not None else "unknown"
            why = WHY_WORDS[r.why].short if r.why is not None else (code_why, code_why)
            met = None if r.met is None else (("target tercapai", "target met") if r.met
                                              else ("target tidak tercapai", "target not met"))
            note = (f"tanpa persentase: {why[0]} [{code_why}]" + (f"; {met[0]}" if met else ""),
                    f"no percentage: {why[1]} [{code_why}]" + (f"; {met[1]}" if met else ""))
        label = " / ".join(x for x in (r.predicate, r.category) if x) or None
        return Derivation(
            figure_key("achievement", year, code), title, words, code_text, inputs,
            unrounded=unrounded if r.achievement is not None else None,
            rounding=rounding_words(self.settings.achievement_places, self.settings.rounding)
            if unrounded is not None else None,
            result=r.achievement, result_text=label, note=note)

    def actual(self, year: int, code: str) -> Derivation | None:
        r = self.result(year, code)
        if r is None:
            return None
        i = r.indicator
        title = (f"Realisasi {code} {year} — {i.name}", f"Actual {code} {year} — {i.name}")
        if i.formula is not None and r.derived is not None:
            return self._derived(r, title)
        note = None
        if i.formula is not None:
            note = ("rumus tidak dapat dihitung (data dasar belum lengkap); realisasi yang diisi "
                    "dipakai", "the formula cannot be computed (its data series are incomplete); "
                    "the actual entered is used")
        own = _own_actual(i, year)
        if own or (r.actual is None and r.actual_text is None):
            inputs: tuple[Input, ...] = (self.entered("R", (f"realisasi {year}", f"actual {year}"), K.ACTUAL,
                                   (code, year, None, None),
                                   "value" if r.actual is not None else "text",
                                   r.actual, r.actual_text or (None if r.actual else "–")),)
            reason = (r.reason, r.reason) if r.reason else None
            return Derivation(figure_key("actual", year, code), title,
                              ("nilai yang diisi", "the value entered"), None, inputs,
                              result=r.actual, result_text=r.actual_text,
                              note=note or reason)
        periods = finest(a for a in i.actuals_of(year) if a.value is not None)
        inputs = tuple(
            self.entered(_period(a.quarter, a.month), (f"realisasi {year} {_period(a.quarter, a.month)}",
                                                       f"actual {year} {_period(a.quarter, a.month)}"),
                         K.ACTUAL, (code, year, a.quarter, a.month), "value", a.value)
            for a in periods)
        rule = _AGGREGATION[i.aggregation]
        status = r.status.value if r.status is not None else ""
        return Derivation(figure_key("actual", year, code), title, rule, i.aggregation.value,
                          inputs, result=r.actual,
                          note=note or ((f"status {status}: {r.reason}", f"status {status}: {r.reason}")
                                        if r.status is ActualStatus.PROVISIONAL else None))

    def _derived(self, r: IndicatorResult, title: Words) -> Derivation:
        i = r.indicator
        try:
            formula = parse(i.formula or "")
        except FormulaError:  # pragma: no cover - a plan with a bad formula is refused on load
            return Derivation(figure_key("actual", r.year, r.code), title,
                              (i.formula or "", i.formula or ""))
        names = series_names(self.plan)
        series = self.plan.series_by_code
        inputs = []
        for ref in formula.references:
            at = r.year + ref.offset
            found = series.get(ref.key)  # key: the series, or an IKU Pemda's agency:indicator
            value = found.value(at) if found is not None else None
            offset = "" if ref.offset == 0 else f"{ref.offset:+d}"
            inputs.append(self.entered(
                f"{ref.key}[n{offset}]", (f"{names.get(ref.key, ref.key)} {at}",
                                           f"{names.get(ref.key, ref.key)} {at}"),
                K.SERIES_VALUE, (ref.key, at), "value", value))
        series_data = self.plan.series_by_code

        def value_of(code: str, at: int) -> Decimal | None:
            found = series_data.get(code)
            return found.value(at) if found is not None else None

        unrounded = formula.evaluate(r.year, value_of).value
        words = (formula_words(formula, names, "id", year=r.year),
                 formula_words(formula, names, "en", year=r.year))
        note = None
        if r.reported is not None and r.reported != r.derived:
            note = (f"realisasi yang diisi {r.reported} berbeda; yang dihitung dipakai",
                    f"the actual entered, {r.reported}, differs; the derived one is used")
        return Derivation(figure_key("actual", r.year, r.code), title, words, i.formula,
                          tuple(inputs), unrounded=unrounded,
                          rounding=rounding_words(i.precision, self.settings.rounding),
                          result=r.derived, note=note)

    def target(self, year: int, code: str) -> Derivation | None:
        i = self.plan.indicator_by_code.get(code)
        if i is None or i.target(year) is None:
            return None
        item = self.target_input(i, year)
        return Derivation(figure_key("target", year, code),
                          (f"Target {code} {year} — {i.name}", f"Target {code} {year} — {i.name}"),
                          ("nilai yang diisi dalam Renstra", "the value entered in the Renstra"),
                          None, (item,), result=item.value, result_text=item.text)

    def pk(self, year: int, code: str) -> Derivation | None:
        version = self.plan.agreement(year)
        if version is None:
            return None
        item = next((x for x in version.items if x.indicator == code), None)
        if item is None:
            return None
        name = self.plan.indicator_by_code[code].name if code in self.plan.indicator_by_code else ""
        entered = self.entered("T", (f"target PK {year} (versi {version.number})",
                                     f"PK target {year} (version {version.number})"),
                               K.AGREEMENT_ITEM, (year, version.number, code),
                               "target" if item.target is not None else "target_text",
                               item.target, item.target_text if item.target is None else None)
        return Derivation(figure_key("pk", year, code),
                          (f"Target PK {code} {year} — {name}", f"PK target {code} {year} — {name}"),
                          ("target Perjanjian Kinerja yang berlaku (perubahan terakhir)",
                           "the target of the agreement in force (its latest amendment)"),
                          None, (entered,), result=item.target, result_text=item.target_text)

    # ----------------------------------------------------------------- groups

    def group(self, kind: str, year: int, code: str) -> Derivation | None:
        g = (self.own_groups if kind == "own" else self.groups).get(code)
        if year != self.m.year or g is None:
            return None
        cap = self.settings.cap
        inputs = []
        values = []
        for member in g.indicators:
            r = self.m.result(member)
            if r.achievement is not None:
                value = min(r.achievement, cap) if cap is not None else r.achievement
                values.append(value)
            inputs.append(Input(member, (f"capaian {r.indicator.name}",
                                         f"achievement of {r.indicator.name}"),
                                r.achievement, None if r.achievement is not None else "–",
                                figure=figure_key("achievement", year, member)))
        level = {"goal": ("tujuan", "goal"), "goal_own": ("tujuan", "goal"),
                 "objective": ("sasaran", "objective"), "agency": ("perangkat daerah", "agency")}
        what = level.get(g.level, (g.level, g.level))
        rule: Words = ("rata-rata capaian indikator yang tersedia (indikator tanpa capaian tidak "
                       "dihitung)", "the mean of the achievements available (indicators without "
                       "one are left out)")
        if cap is not None:
            rule = (rule[0] + f"; tiap capaian dibatasi {cap}", rule[1] + f"; each capped at {cap}")
        note = None
        if g.missing:
            note = (f"tanpa capaian: {', '.join(g.missing)}", f"without achievement: {', '.join(g.missing)}")
        return Derivation(
            figure_key(kind, year, code),
            (f"Rata-rata capaian {what[0]} {code} {year} — {g.name}",
             f"Mean achievement of {what[1]} {code} {year} — {g.name}"),
            rule, "mean(" + ", ".join(m for m in g.indicators if self.m.result(m).achievement
                                      is not None) + ")",
            tuple(inputs), unrounded=mean(values) if values else None,
            rounding=rounding_words(self.settings.achievement_places, self.settings.rounding)
            if values else None,
            result=g.achievement, result_text=g.category, note=note)

    # ----------------------------------------------------------------- budget

    def budget_amount(self, kind: str, year: int, code: str) -> Derivation | None:
        line = self.lines.get(code)
        if year != self.m.year or line is None:
            return None
        field = "ceiling" if kind == "ceiling" else "spent"
        value = line.ceiling if field == "ceiling" else line.spent
        words = ("pagu", "ceiling") if field == "ceiling" else ("realisasi anggaran", "spending")
        title = (f"{words[0].capitalize()} {line.name or code} {year}",
                 f"{words[1].capitalize()} of {line.name or code} {year}")
        children = self.children(line)
        if children:
            inputs = tuple(Input(c.code or "–", (c.name, c.name),
                                 c.ceiling if field == "ceiling" else c.spent,
                                 None if (c.ceiling if field == "ceiling" else c.spent) is not None
                                 else "–", figure=figure_key(kind, year, c.code), money=True)
                           for c in children)
            return Derivation(figure_key(kind, year, code), title,
                              (f"jumlah {words[0]} di bawahnya", f"the sum of the {words[1]} below"),
                              "Σ", inputs, result=value, money=True,
                              note=_missing(line.missing))
        if self._budgets is None:
            self._budgets = year_budgets(self.plan, year)
            self._own_budgets = {b.activity: b for b in self.plan.budgets_of(year)}
        budgets = self._budgets
        own = self._own_budgets.get(code)
        inputs_list: list[Input] = []
        rule: Words = ("nilai yang diisi", "the value entered")
        if own is not None and getattr(own, field) is not None:
            inputs_list.append(self.entered(words[0], words, K.BUDGET, (code, year, None, None),
                                            field, getattr(own, field), money=True))
        elif field == "spent" and budgets.get(code) is not None:
            periods = finest(self.plan.budget_periods(code, year))
            rule = ("jumlah realisasi per periode", "the sum of the spending of its periods")
            inputs_list += [self.entered(_period(p.quarter, p.month), words, K.BUDGET,
                                         (code, year, p.quarter, p.month), "spent", p.spent,
                                         money=True)
                            for p in periods if p.spent is not None]
        if not inputs_list:
            inputs_list.append(Input(words[0], words, text="–"))
        return Derivation(figure_key(kind, year, code), title, rule, None, tuple(inputs_list),
                          result=value, money=True, note=_missing(line.missing))

    def children(self, line: BudgetLine) -> list[BudgetLine]:
        below = {"agency": "program", "program": "activity", "objective": "program",
                 "goal": "objective", "activity": "activity"}
        if line.level == "agency":
            return [x for x in self.m.budget if x.level == "program"]
        if line.level == UNLINKED:
            under = {x.code for x in self.m.budget if x.level == "program"
                     and self.lines.get(x.parent or "") is not None
                     and self.lines[x.parent or ""].level == "objective"
                     and self.lines[x.parent or ""].parent is not None}
            return [x for x in self.m.budget if x.level == "program" and x.code not in under]
        level = below.get(line.level, "")
        found = [x for x in self.below.get((level, line.code), []) if x is not line]
        # sub-activities carry an activity's budget only when any of them has data
        if line.level == "activity" and not any(not x.missing for x in found):
            return []
        return found

    def absorption(self, year: int, code: str) -> Derivation | None:
        line = self.lines.get(code)
        if year != self.m.year or line is None:
            return None
        inputs = (Input("Realisasi", ("realisasi anggaran", "spending"), line.spent,
                        None if line.spent is not None else "–",
                        figure=figure_key("spent", year, code), money=True),
                  Input("Pagu", ("pagu", "ceiling"), line.ceiling,
                        None if line.ceiling is not None else "–",
                        figure=figure_key("ceiling", year, code), money=True))
        return self._absorption(figure_key("absorption", year, code),
                                (f"Serapan anggaran {line.name or code} {year}",
                                 f"Budget absorption of {line.name or code} {year}"),
                                line.spent, line.ceiling, line.absorption, inputs)

    def _absorption(self, key: str, title: Words, spent: Decimal | None,
                    ceiling: Decimal | None, result: Decimal | None,
                    inputs: tuple[Input, ...]) -> Derivation:
        unrounded = percent(spent, ceiling) if spent is not None and ceiling else None
        note = None
        if result is None:
            note = ("tanpa pagu atau realisasi (atau pagu nol): serapan tidak dihitung",
                    "no ceiling or spending (or a zero ceiling): no absorption")
        return Derivation(key, title, ("realisasi anggaran ÷ pagu × 100 (jumlah, bukan rata-rata "
                                       "persentase)", "spending ÷ ceiling × 100 (totals, not a mean "
                                       "of percentages)"), "Realisasi / Pagu × 100", inputs,
                          unrounded=unrounded,
                          rounding=rounding_words(absorption_places(self.settings),
                                                  self.settings.rounding)
                          if unrounded is not None else None, result=result, note=note)

    def spending(self, kind: str, year: int, code: str) -> Derivation | None:
        if year != self.m.year:
            return None
        found = next((s for s in self.m.spending
                      if (s.kind.value if s.kind is not None else "total") == code), None)
        if found is None:
            return None
        lines = [(index, s) for index, s in enumerate(self.plan.spending) if s.year == year]
        title = (f"{found.label} {year}", f"{found.label} {year}")
        if kind == "spending_absorption":
            inputs = (Input("Realisasi", ("realisasi", "spent"), found.spent,
                            figure=figure_key("spending_spent", year, code), money=True),
                      Input("Pagu", ("anggaran", "budget"), found.ceiling,
                            figure=figure_key("spending_ceiling", year, code), money=True))
            return self._absorption(figure_key(kind, year, code), title, found.spent,
                                    found.ceiling, found.absorption, inputs)
        field = "ceiling" if kind == "spending_ceiling" else "spent"
        value = found.ceiling if field == "ceiling" else found.spent
        chosen = [(i, s) for i, s in lines if code == "total" or (s.kind.value == code)]
        inputs2 = tuple(self.entered(s.label, (s.label, s.label), K.SPENDING, (i,), field,
                                     getattr(s, field), money=True) for i, s in chosen)
        rule: Words = (("jumlah semua baris belanja", "the sum of every spending line")
                       if code == "total" else ("nilai yang diisi", "the value entered"))
        return Derivation(figure_key(kind, year, code), title, rule, None, inputs2,
                          result=value, money=True)

    def efficiency(self, year: int, code: str) -> Derivation | None:
        found = next((e for e in self.m.efficiency if e.code == code), None)
        if year != self.m.year or found is None:
            return None
        inputs = (Input("Capaian", ("rata-rata capaian", "mean achievement"), found.achievement,
                        figure=figure_key("group", year, code)),
                  Input("Serapan", ("serapan anggaran", "absorption"), found.absorption,
                        figure=figure_key("absorption", year, code)))
        return Derivation(figure_key("efficiency", year, code),
                          (f"Efisiensi {code} {year} — {found.name}",
                           f"Efficiency {code} {year} — {found.name}"),
                          ("capaian − serapan (bila capaian ≥ 100)",
                           "achievement − absorption (where the achievement is at least 100)"),
                          "Capaian − Serapan", inputs, result=found.efficiency)

    # ----------------------------------------------------------------- comparisons, counts

    def change(self, year: int, code: str) -> Derivation | None:
        found = next((c for c in self.m.changes if c.indicator == code), None)
        r = self.result(year, code)
        if year != self.m.year or found is None or r is None:
            return None
        previous = self.result(year - 1, code)
        before = (self.actual_input(previous, f"R{year - 1}") if previous is not None else
                  Input(f"R{year - 1}", (f"realisasi {year - 1}", f"actual {year - 1}"),
                        found.previous, None if found.previous is not None else "–"))
        inputs = (self.actual_input(r, f"R{year}"), before)
        direction = {"better": ("lebih baik", "better"), "worse": ("lebih buruk", "worse"),
                     "same": ("sama", "the same"), "changed": ("berubah", "changed")}
        return Derivation(figure_key("change", year, code),
                          (f"Perubahan realisasi {code} {year - 1}–{year}",
                           f"Change of the actual of {code} {year - 1}–{year}"),
                          ("realisasi tahun ini − realisasi tahun sebelumnya, dinilai menurut "
                           "polaritas", "this year's actual − last year's, judged by polarity"),
                          f"R{year} − R{year - 1}", inputs, result=found.difference,
                          result_text=pick_direction(direction, found.direction))

    def final(self, year: int, code: str) -> Derivation | None:
        found = next((f for f in self.m.final_targets if f.indicator == code), None)
        r = self.result(year, code)
        if year != self.m.year or found is None or r is None:
            return None
        i = r.indicator
        negative = i.negative_formula or self.settings.negative_formula
        rule = "R/T×100" if i.polarity is Polarity.POSITIVE else (
            "band" if i.polarity is Polarity.STABILISE else
            ("(2T−R)/T×100" if negative.value == "2t-r" else "T/R×100"))
        words, code_text = _rule(rule)
        unrounded = None
        final_target = i.target(found.final_year)
        if found.target is not None and found.actual is not None:
            unrounded = score(found.target, found.actual, i.polarity, negative,
                              final_target.upper if final_target is not None else None).value
        return Derivation(figure_key("final", year, code),
                          (f"Capaian {code} {year} terhadap target akhir Renstra {found.final_year}",
                           f"Achievement of {code} {year} against the Renstra's final target "
                           f"{found.final_year}"), words, code_text,
                          (self.target_input(i, found.final_year), self.actual_input(r)),
                          unrounded=unrounded if found.achievement is not None else None,
                          rounding=rounding_words(self.settings.achievement_places,
                                                  self.settings.rounding)
                          if found.achievement is not None else None,
                          result=found.achievement)

    def count(self, kind: str, year: int, band: str) -> Derivation | None:
        counts = self.m.predicate_counts if kind == "predicate_count" else self.m.category_counts
        found = next((n for label, n in counts if label == band), None)
        if year != self.m.year or found is None:
            return None
        attribute = "predicate" if kind == "predicate_count" else "category"
        members = [self.m.result(code) for code in self.m.key]
        inputs = tuple(Input(r.code, (r.indicator.name, r.indicator.name), r.achievement,
                             None if r.achievement is not None else "–",
                             figure=figure_key("achievement", year, r.code))
                       for r in members if getattr(r, attribute) == band)
        scale = self.settings.predicate_scale if attribute == "predicate" \
            else self.settings.category_scale
        has = "berpredikat" if attribute == "predicate" else "berkategori"
        return Derivation(figure_key(kind, year, band),
                          (f"Jumlah indikator utama {has} «{band}» {year}",
                           f"Key indicators with the {attribute} «{band}» {year}"),
                          (f"banyaknya indikator utama yang capaiannya jatuh pada pita «{band}» skala "
                           f"{scale}", f"the number of key indicators whose achievement falls in "
                           f"the band «{band}» of the scale {scale}"),
                          "count", inputs, result=Decimal(found))


_LABELLED = frozenset({"achievement", "group", "own"})  # result_text: "predicate / category"
_COUNTS = frozenset({"predicate_count", "category_count"})  # the key's last part: a band label


def in_language(d: Derivation, labels: BandLabels) -> Derivation:
    """``d`` as a reader of ``labels.lang`` reads it: the predicate and category labels it
    prints in that language (:class:`~sakip.core.scales.BandLabels`: its result, and the English
    title and rule of a count, «Baik» → «Good»), a change's direction in that language only; its
    key keeps the measurement's label. The one rule of every output that prints derivations
    (the report's Sumber angka, ``sakip explain``, the web's sources page)."""
    if d.kind == "change" and d.result_text and _BOTH in d.result_text:
        indonesian, english = d.result_text.split(_BOTH, 1)
        return replace(d, result_text=english if labels.lang == "en" else indonesian)
    if labels.lang != "en":
        return d
    if d.kind in _LABELLED and d.result_text:
        return replace(d, result_text=" / ".join(labels(part) or part
                                                 for part in d.result_text.split(" / ")))
    if d.kind in _COUNTS:
        band = d.key.split(":", 2)[2]
        old, new = f"«{band}»", f"«{labels(band)}»"
        return replace(d, title=(d.title[0], d.title[1].replace(old, new)),
                       rule=(d.rule[0], d.rule[1].replace(old, new)))
    return d


_BOTH = " / "  # how a change's direction holds its two languages (pick_direction)


def pick_direction(direction: dict[str, Words], value: str | None) -> str | None:
    if value is None:
        return None
    found = direction.get(value)
    return f"{found[0]}{_BOTH}{found[1]}" if found else value


# Why an achievement has no percentage (sakip.core.achievement.Why), in words.
_AGGREGATION: dict[Aggregation, Words] = {
    Aggregation.SUM: ("jumlah nilai periode-periodenya", "the sum of its periods"),
    Aggregation.LAST: ("nilai periode terakhir", "the latest period's value"),
    Aggregation.MEAN: ("rata-rata periode-periodenya", "the mean of its periods"),
    Aggregation.MAXIMUM: ("nilai periode tertinggi", "the highest period"),
    Aggregation.MINIMUM: ("nilai periode terendah", "the lowest period"),
}


def _own_actual(indicator: Indicator, year: int) -> bool:
    return any(a.quarter is None and a.month is None for a in indicator.actuals_of(year))


def _period(quarter: int | None, month: int | None) -> str:
    period = Period.of(quarter, month)
    return period.short() if period is not None else ""


def _record(kind: str, key: K.Key) -> Words:
    parts = [str(part) for part in key if part is not None]
    if kind == K.SPENDING:
        parts = [str(int(str(key[0])) + 1)]  # its number in plan order, from 1
    if kind in (K.TARGET, K.ACTUAL, K.BUDGET) and len(key) == 4:
        parts = [str(key[0]), str(key[1]), *([_period(key[2], key[3])] if key[2] or key[3] else [])]
    names = {K.TARGET: ("target", "target"), K.ACTUAL: ("realisasi", "actual"),
             K.SERIES_VALUE: ("data dasar", "data series"), K.BUDGET: ("anggaran", "budget"),
             K.SPENDING: ("belanja baris", "spending line"), K.AGREEMENT_ITEM: ("PK", "PK")}
    name = names.get(kind, (kind, kind))
    return f"{name[0]} {'/'.join(parts)}", f"{name[1]} {'/'.join(parts)}"


def _missing(missing: tuple[str, ...]) -> Words | None:
    if not missing:
        return None
    shown = ", ".join(missing)
    return f"tanpa data anggaran: {shown}", f"without budget data: {shown}"


def derive(plan: Plan, m: Measurement, key: str, sources: Sources = NO_SOURCES,
           history: dict[int, Measurement] | None = None) -> Derivation | None:
    """The derivation of the figure ``key`` (``achievement:2020:IKU-01``), None when the
    measurement has no such figure. ``history`` holds other years' measurements (an achievement
    of 2019 in a 2020 report); ``sources`` where the plan's values were written."""
    parts = key.split(":", 2)
    if len(parts) != 3 or not parts[1].lstrip("-").isdigit():
        return None
    kind, year, code = parts[0], int(parts[1]), parts[2]
    deriver = _Deriver(plan, m, sources, history)
    return _dispatch(deriver, kind, year, code)


def _dispatch(d: _Deriver, kind: str, year: int, code: str) -> Derivation | None:
    simple: dict[str, Callable[[int, str], Derivation | None]] = {
        "achievement": d.achievement, "actual": d.actual, "target": d.target, "pk": d.pk,
        "absorption": d.absorption, "efficiency": d.efficiency, "change": d.change,
        "final": d.final}
    if kind in simple:
        return simple[kind](year, code)
    if kind in ("group", "own"):
        return d.group(kind, year, code)
    if kind in ("ceiling", "spent"):
        return d.budget_amount(kind, year, code)
    if kind in ("predicate_count", "category_count"):
        return d.count(kind, year, code)
    if kind.startswith("spending_"):
        return d.spending(kind, year, code)
    return None


def figure_keys(m: Measurement) -> Iterator[str]:
    """Every figure of the measurement's year, by key."""
    y = m.year
    for r in m.indicators:
        yield figure_key("actual", y, r.code)
        yield figure_key("achievement", y, r.code)
        if r.target is not None:
            yield figure_key("target", y, r.code)
    for g in m.groups:
        yield figure_key("group", y, g.code)
    for g in m.own_groups:
        yield figure_key("own", y, g.code)
    for line in m.budget:
        for kind in ("ceiling", "spent", "absorption"):
            yield figure_key(kind, y, line.code)
    for e in m.efficiency:
        yield figure_key("efficiency", y, e.code)
    for c in m.changes:
        yield figure_key("change", y, c.indicator)
    for f in m.final_targets:
        yield figure_key("final", y, f.indicator)
    for label, _ in m.predicate_counts:
        yield figure_key("predicate_count", y, label)
    for label, _ in m.category_counts:
        yield figure_key("category_count", y, label)
    for s in m.spending:
        code = s.kind.value if s.kind is not None else "total"
        for kind in ("spending_ceiling", "spending_spent", "spending_absorption"):
            yield figure_key(kind, y, code)


def derive_all(plan: Plan, m: Measurement, sources: Sources = NO_SOURCES,
               keys: Iterator[str] | list[str] | None = None,
               history: dict[int, Measurement] | None = None) -> dict[str, Derivation]:
    """The derivations of ``keys`` (every figure of the measurement when None), by key."""
    deriver = _Deriver(plan, m, sources, history)
    result: dict[str, Derivation] = {}
    for key in figure_keys(m) if keys is None else keys:
        if key in result:
            continue
        parts = key.split(":", 2)
        if len(parts) != 3 or not parts[1].lstrip("-").isdigit():
            continue
        found = _dispatch(deriver, parts[0], int(parts[1]), parts[2])
        if found is not None:
            result[key] = found
    return result


def indicator_keys(m: Measurement, code: str) -> list[str]:
    """The figures of one indicator in the measured year, the order ``explain`` prints them."""
    y = m.year
    keys = [figure_key("target", y, code), figure_key("actual", y, code),
            figure_key("achievement", y, code)]
    if any(c.indicator == code for c in m.changes):
        keys.append(figure_key("change", y, code))
    if any(f.indicator == code for f in m.final_targets):
        keys.append(figure_key("final", y, code))
    return keys


def budget_keys(m: Measurement, code: str) -> list[str]:
    """The figures of one budget line (a programme, an activity …) in the measured year."""
    y = m.year
    return [figure_key(kind, y, code) for kind in ("ceiling", "spent", "absorption")]


def group_keys(m: Measurement, code: str) -> list[str]:
    y = m.year
    keys = []
    if any(g.code == code for g in m.groups):
        keys.append(figure_key("group", y, code))
    if any(g.code == code for g in m.own_groups):
        keys.append(figure_key("own", y, code))
    if any(e.code == code for e in m.efficiency):
        keys.append(figure_key("efficiency", y, code))
    return keys
