"""The yearly SAKIP evaluation: the Lembar Kerja Evaluasi (LKE) as data, and its scoring.

The worksheet is data (``sakip/data/lke/<version>.yaml``, one file per regulation version,
docs/lke.md): components with their weights, each split into sub-components (pemenuhan,
kualitas, pemanfaatan) holding criteria with an answer type, the rule that turns criteria into
a sub-component's score, logic checks between criteria and the predicate scale of the total.
:func:`sakip.io.lke_file.load_lke` reads and checks a version; a broken file is refused with
every problem at once (:class:`~sakip.io.problems.InputError`, stable codes ``LKE_*``).

Scoring, for one party's answers (a :class:`Sheet`: the agency's self-assessment or the
evaluator's):

1. each criterion's answer gives its value (0–1) from its answer type (Y = 1, T = 0 …);
   an unanswered criterion is worth 0 and is listed;
2. the file's rules cap criteria whose answers contradict another answer ("no report made →
   it cannot have been reviewed"); every cap that changed a value is reported;
3. a sub-component's score follows the file's method: ``graded`` (PermenPAN-RB 88/2021) places
   the share of its criteria fulfilled on a grade (E 0 … BB 80, A 90 / AA 100 when the
   dimension's further condition is claimed) and scores weight × grade / 100; ``mean`` scores
   weight × the mean of its criteria's values;
4. a component is the sum of its sub-components, the total the sum of the components (0–100).
   Figures are kept exact and rounded once, half up, to the file's places
   (:func:`sakip.core.numbers.quantize`); the predicate is read from the rounded total, the
   figure printed.

:func:`simulate` says which criteria, raised to their best answer one at a time, would raise
the total most; :func:`next_grades` says, for the graded method, how many criteria of each
sub-component must still be met to reach its next grade.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from sakip.core.numbers import HUNDRED, ZERO, mean, quantize
from sakip.io.problems import InputError, Problem

KINDS = ("pemenuhan", "kualitas", "pemanfaatan")
METHODS = ("graded", "mean")
TOTAL = HUNDRED


# --------------------------------------------------------------------------- the worksheet


@dataclass(frozen=True)
class Interval:
    """A range of percentages or scores: "(90, 100]" excludes 90 and includes 100."""

    lower: Decimal
    upper: Decimal
    lower_closed: bool
    upper_closed: bool

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, Decimal):
            return False
        above = value > self.lower or (self.lower_closed and value == self.lower)
        below = value < self.upper or (self.upper_closed and value == self.upper)
        return above and below

    @property
    def text(self) -> str:
        return (("[" if self.lower_closed else "(") + f"{self.lower}, {self.upper}"
                + ("]" if self.upper_closed else ")"))


@dataclass(frozen=True)
class Option:
    code: str  # "Y", "T", "A" …
    value: Decimal  # the fraction of the criterion it earns, 0–1
    label: str
    label_en: str


@dataclass(frozen=True)
class AnswerType:
    code: str
    name: str
    name_en: str
    options: tuple[Option, ...]

    @cached_property
    def by_code(self) -> dict[str, Option]:
        return {option.code: option for option in self.options}

    @cached_property
    def best(self) -> Option:
        """The option worth most (the first of equals)."""
        return max(self.options, key=lambda option: option.value)


@dataclass(frozen=True)
class Criterion:
    code: str  # "1.a.1"
    text: str  # the regulation's words (Indonesian)
    type: AnswerType
    subcomponent: str  # SubComponent.code
    evidence: str | None = None  # key of sakip.core.lke_evidence.EVIDENCE


@dataclass(frozen=True)
class SubComponent:
    code: str  # "1.a"
    name: str
    kind: str  # pemenuhan | kualitas | pemanfaatan
    weight: Decimal
    criteria: tuple[Criterion, ...]
    component: str  # Component.code


@dataclass(frozen=True)
class Component:
    code: str
    name: str
    name_en: str
    weight: Decimal
    subcomponents: tuple[SubComponent, ...]


@dataclass(frozen=True)
class Grade:
    """A sub-component's grade under the ``graded`` method: the share of criteria fulfilled
    (``range``, %) gives it; ``claim`` grades (A, AA) need their condition affirmed too."""

    code: str
    value: Decimal  # % of the sub-component's weight it earns
    range: Interval
    claim: str | None = None


@dataclass(frozen=True)
class Predicate:
    code: str  # AA … D
    range: Interval
    label: str  # Sangat Memuaskan …
    label_en: str


@dataclass(frozen=True)
class Rule:
    """When ``criterion`` is answered with one of ``answers``, ``criteria`` earn at most
    ``max`` (a value 0–1)."""

    code: str
    criterion: str
    answers: tuple[str, ...]
    criteria: tuple[str, ...]
    max: Decimal
    note: str
    note_en: str


@dataclass(frozen=True)
class Lke:
    """One regulation version of the worksheet."""

    version: str
    title: str
    title_en: str
    source: tuple[tuple[str, str], ...]  # (regulation | lampiran | criteria_from, text)
    method: str  # graded | mean
    places: int
    answer_types: tuple[AnswerType, ...]
    components: tuple[Component, ...]
    grades: tuple[Grade, ...]
    wording: tuple[tuple[str, str, str], ...]  # (dimension or "common", grade, text)
    predicates: tuple[Predicate, ...]
    rules: tuple[Rule, ...]
    gaps: tuple[str, ...]

    @property
    def subcomponents(self) -> Iterator[SubComponent]:
        for component in self.components:
            yield from component.subcomponents

    @property
    def criteria(self) -> Iterator[Criterion]:
        for subcomponent in self.subcomponents:
            yield from subcomponent.criteria

    @cached_property
    def criterion_by_code(self) -> dict[str, Criterion]:
        return {criterion.code: criterion for criterion in self.criteria}

    @cached_property
    def subcomponent_by_code(self) -> dict[str, SubComponent]:
        return {sub.code: sub for sub in self.subcomponents}

    @cached_property
    def claims(self) -> dict[str, Grade]:
        return {grade.claim: grade for grade in self.grades if grade.claim is not None}

    def grade_wording(self, kind: str, grade: str) -> str | None:
        """The regulation's words for a grade of a sub-component of ``kind``."""
        for dimension in (kind, "common"):
            for owner, code, text in self.wording:
                if owner == dimension and code == grade:
                    return text
        return None

    def predicate(self, total: Decimal | None) -> Predicate | None:
        """The predicate of a total; None outside the scale."""
        if total is None:
            return None
        for predicate in self.predicates:
            if total in predicate.range:
                return predicate
        return None


# --------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class Answer:
    """One answer with its evidence note (bukti dukung: what, where, a link)."""

    answer: str | None = None  # an option code of the criterion's answer type; None: not given
    note: str | None = None


@dataclass(frozen=True)
class Sheet:
    """One party's answers: criterion code → answer; and, under the graded method,
    sub-component code → the grade claimed beyond BB (A, AA) with its evidence."""

    answers: Mapping[str, Answer] = field(default_factory=dict)
    claims: Mapping[str, Answer] = field(default_factory=dict)


@dataclass(frozen=True)
class Evaluation:
    """The agency's self-assessment beside the evaluator's answers."""

    self_assessment: Sheet = field(default_factory=Sheet)
    evaluator: Sheet = field(default_factory=Sheet)

    def final(self) -> Sheet:
        """The evaluator's answer where given, else the agency's."""
        return Sheet(_merged(self.self_assessment.answers, self.evaluator.answers),
                     _merged(self.self_assessment.claims, self.evaluator.claims))

    def differences(self) -> tuple[str, ...]:
        """Criteria (then sub-component claims) both answered, differently: the disagreements."""
        return tuple(
            code for given, other in ((self.self_assessment.answers, self.evaluator.answers),
                                      (self.self_assessment.claims, self.evaluator.claims))
            for code, answer in given.items()
            if code in other and other[code].answer is not None and answer.answer is not None
            and other[code].answer != answer.answer)


@dataclass(frozen=True)
class Recommendation:
    """A recommendation of an evaluation (Laporan Hasil Evaluasi), on one component, and whether
    the next year's evaluation found it followed up (None: not assessed yet)."""

    component: str  # Component.code
    text: str
    year: int  # the year evaluated when it was given
    followed: bool | None = None
    note: str | None = None  # how it was followed up, or why not


def _merged(base: Mapping[str, Answer], over: Mapping[str, Answer]) -> dict[str, Answer]:
    merged = dict(base)
    merged.update((code, answer) for code, answer in over.items() if answer.answer is not None)
    return merged


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class RuleApplication:
    """A logic check that lowered a criterion's value."""

    rule: Rule
    criterion: str
    answer: str | None
    before: Decimal
    after: Decimal


@dataclass(frozen=True)
class CriterionScore:
    criterion: Criterion
    answer: str | None
    value: Decimal  # after the logic checks
    capped_by: tuple[str, ...] = ()  # Rule.code


@dataclass(frozen=True)
class SubScore:
    subcomponent: SubComponent
    criteria: tuple[CriterionScore, ...]
    fulfilment: Decimal  # % of its criteria met (mean of their values × 100), exact
    grade: Grade | None  # graded method only
    claim: str | None  # the claim given (A, AA), honoured or not
    claim_ignored: bool  # a claim given while not every criterion is met
    exact: Decimal
    places: int

    @property
    def score(self) -> Decimal:
        return quantize(self.exact, self.places)


@dataclass(frozen=True)
class ComponentScore:
    component: Component
    subscores: tuple[SubScore, ...]
    exact: Decimal
    places: int

    @property
    def score(self) -> Decimal:
        return quantize(self.exact, self.places)


@dataclass(frozen=True)
class Score:
    lke: Lke
    components: tuple[ComponentScore, ...]
    exact: Decimal
    applications: tuple[RuleApplication, ...]
    unanswered: tuple[str, ...]  # criterion codes

    @property
    def total(self) -> Decimal:
        return quantize(self.exact, self.lke.places)

    @property
    def predicate(self) -> Predicate | None:
        return self.lke.predicate(self.total)

    @cached_property
    def subscore_by_code(self) -> dict[str, SubScore]:
        return {s.subcomponent.code: s for c in self.components for s in c.subscores}

    @cached_property
    def criterion_by_code(self) -> dict[str, CriterionScore]:
        return {c.criterion.code: c for s in self.subscore_by_code.values() for c in s.criteria}


def score(lke: Lke, sheet: Sheet) -> Score:
    """Score one party's answers. Unknown criteria, answers outside a criterion's answer type
    and claims the method does not know are refused (InputError, all at once)."""
    _check_sheet(lke, sheet)
    values = {criterion.code: _value(criterion, sheet.answers.get(criterion.code))
              for criterion in lke.criteria}
    capped: dict[str, list[str]] = {}
    applications: list[RuleApplication] = []
    for rule in lke.rules:
        given = sheet.answers.get(rule.criterion)
        if given is None or given.answer not in rule.answers:
            continue
        for code in rule.criteria:
            if values[code] > rule.max:
                applications.append(RuleApplication(rule, code, _answer_of(sheet, code),
                                                    values[code], rule.max))
                values[code] = rule.max
                capped.setdefault(code, []).append(rule.code)
    components = tuple(
        _component_score(lke, component, sheet, values, capped) for component in lke.components)
    unanswered = tuple(c.code for c in lke.criteria if _answer_of(sheet, c.code) is None)
    return Score(lke, components, sum((c.exact for c in components), ZERO), tuple(applications),
                 unanswered)


def score_evaluation(lke: Lke, evaluation: Evaluation) -> tuple[Score, Score, Score]:
    """The self-assessment's score, the evaluator's and the final one (evaluator over agency)."""
    return (score(lke, evaluation.self_assessment), score(lke, evaluation.evaluator),
            score(lke, evaluation.final()))


def _answer_of(sheet: Sheet, code: str) -> str | None:
    given = sheet.answers.get(code)
    return given.answer if given is not None else None


def _value(criterion: Criterion, given: Answer | None) -> Decimal:
    if given is None or given.answer is None:
        return ZERO
    return criterion.type.by_code[given.answer].value


def _component_score(lke: Lke, component: Component, sheet: Sheet, values: dict[str, Decimal],
                     capped: dict[str, list[str]]) -> ComponentScore:
    subscores = tuple(_subscore(lke, sub, sheet, values, capped) for sub in component.subcomponents)
    return ComponentScore(component, subscores, sum((s.exact for s in subscores), ZERO),
                          lke.places)


def _subscore(lke: Lke, sub: SubComponent, sheet: Sheet, values: dict[str, Decimal],
              capped: dict[str, list[str]]) -> SubScore:
    criteria = tuple(
        CriterionScore(c, _answer_of(sheet, c.code), values[c.code], tuple(capped.get(c.code, ())))
        for c in sub.criteria)
    fraction = mean([c.value for c in criteria])
    fulfilment = fraction * HUNDRED
    claim_answer = sheet.claims.get(sub.code)
    claim = claim_answer.answer if claim_answer is not None else None
    if lke.method == "mean":
        return SubScore(sub, criteria, fulfilment, None, claim, False, sub.weight * fraction,
                        lke.places)
    grade = grade_of(lke, fulfilment, claim)
    ignored = claim is not None and (grade is None or grade.claim != claim)
    exact = sub.weight * grade.value / HUNDRED if grade is not None else ZERO
    return SubScore(sub, criteria, fulfilment, grade, claim, ignored, exact, lke.places)


def grade_of(lke: Lke, fulfilment: Decimal, claim: str | None = None) -> Grade | None:
    """The grade of a sub-component whose criteria are ``fulfilment`` % met; a claimed grade
    (A, AA) when its range holds too, else the grade without a claim."""
    if claim is not None:
        claimed = lke.claims.get(claim)
        if claimed is not None and fulfilment in claimed.range:
            return claimed
    for grade in lke.grades:
        if grade.claim is None and fulfilment in grade.range:
            return grade
    return None


def _check_sheet(lke: Lke, sheet: Sheet) -> None:
    problems: list[Problem] = []
    for code, given in sheet.answers.items():
        criterion = lke.criterion_by_code.get(code)
        if criterion is None:
            problems.append(Problem(
                "LKE_UNKNOWN_CRITERION", f"Kriteria '{code}' tidak ada dalam LKE {lke.version}.",
                f"Criterion '{code}' is not in LKE {lke.version}.", path=code))
        elif given.answer is not None and given.answer not in criterion.type.by_code:
            choices = ", ".join(criterion.type.by_code)
            problems.append(Problem(
                "LKE_BAD_ANSWER",
                f"Jawaban '{given.answer}' untuk kriteria {code} tidak dikenal (pilihan: {choices}).",
                f"Answer '{given.answer}' to criterion {code} is not one of {choices}.", path=code))
    for code, given in sheet.claims.items():
        if code not in lke.subcomponent_by_code:
            problems.append(Problem(
                "LKE_UNKNOWN_SUBCOMPONENT",
                f"Sub-komponen '{code}' tidak ada dalam LKE {lke.version}.",
                f"Sub-component '{code}' is not in LKE {lke.version}.", path=code))
        elif given.answer is not None and given.answer not in lke.claims:
            choices = ", ".join(lke.claims) or "-"
            problems.append(Problem(
                "LKE_BAD_CLAIM",
                f"Nilai '{given.answer}' untuk sub-komponen {code} tidak dapat diklaim "
                f"(pilihan: {choices}).",
                f"Grade '{given.answer}' cannot be claimed for sub-component {code} "
                f"(choices: {choices}).", path=code))
    if problems:
        raise InputError(problems)


# --------------------------------------------------------------------------- what would help


@dataclass(frozen=True)
class Gain:
    """A criterion below its best answer and what raising it alone would add to the total."""

    criterion: Criterion
    answer: str | None  # the answer now
    to: str  # its best answer
    gain: Decimal  # points of the total, exact
    places: int

    @property
    def points(self) -> Decimal:
        return quantize(self.gain, self.places)


def simulate(lke: Lke, sheet: Sheet, with_zero: bool = False) -> tuple[Gain, ...]:
    """Criteria below their best answer, each raised alone to it: the total's gain, largest
    first (then in worksheet order). A criterion whose rise alone changes nothing (a graded
    sub-component that stays on its grade, a cap by a rule) is left out unless ``with_zero``."""
    base = score(lke, sheet)
    gains: list[Gain] = []
    for criterion in lke.criteria:
        best = criterion.type.best
        now = base.criterion_by_code[criterion.code]
        if now.value >= best.value:
            continue
        answers = dict(sheet.answers)
        previous = answers.get(criterion.code)
        answers[criterion.code] = Answer(best.code, previous.note if previous else None)
        raised = score(lke, Sheet(answers, sheet.claims))
        gain = raised.exact - base.exact
        if gain > ZERO or with_zero:
            gains.append(Gain(criterion, now.answer, best.code, gain, lke.places))
    order = {code: i for i, code in enumerate(lke.criterion_by_code)}
    return tuple(sorted(gains, key=lambda g: (-g.gain, order[g.criterion.code])))


@dataclass(frozen=True)
class NextGrade:
    """The fewest criteria of a sub-component still to be met for its next grade."""

    subcomponent: SubComponent
    grade: Grade | None  # now
    next: Grade
    criteria: tuple[str, ...]  # the criteria to raise, lowest first
    gain: Decimal  # points of the total, exact
    places: int

    @property
    def points(self) -> Decimal:
        return quantize(self.gain, self.places)


def next_grades(lke: Lke, sheet: Sheet) -> tuple[NextGrade, ...]:
    """Under the graded method, each sub-component not yet at BB: how many of its criteria
    (the lowest valued first) must reach their best answer for a higher grade, and what that
    adds to the total; largest gain first. Claims (A, AA) are the evaluator's judgement beyond
    the criteria and are not simulated."""
    if lke.method != "graded":
        return ()
    base = score(lke, sheet)
    found: list[NextGrade] = []
    for sub in lke.subcomponents:
        now = base.subscore_by_code[sub.code]
        below = sorted((c for c in now.criteria if c.value < c.criterion.type.best.value),
                       key=lambda c: c.value)
        values = {c.criterion.code: c.value for c in now.criteria}
        raised: list[str] = []
        for item in below:
            values[item.criterion.code] = item.criterion.type.best.value
            raised.append(item.criterion.code)
            grade = grade_of(lke, mean(list(values.values())) * HUNDRED)
            if grade is not None and (now.grade is None or grade.value > now.grade.value):
                gain = sub.weight * grade.value / HUNDRED - now.exact
                found.append(NextGrade(sub, now.grade, grade, tuple(raised), gain, lke.places))
                break
    return tuple(sorted(found, key=lambda n: -n.gain))
