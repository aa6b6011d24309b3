"""The yearly SAKIP evaluation: the Lembar Kerja Evaluasi (LKE) as data, and its scoring.

The worksheet is data (``sakip/data/lke/<version>.yaml``, one file per regulation version,
docs/lke.md): components with their weights, each split into sub-components (pemenuhan,
kualitas, pemanfaatan) holding criteria with an answer type, the rule that turns criteria into
a sub-component's score, logic checks between criteria and the predicate scale of the total.
:func:`load_lke` reads and checks a version; a broken file is refused with every problem at
once (:class:`~sakip.io.problems.InputError`, stable codes ``LKE_*``).

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

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from sakip.core.numbers import HUNDRED, ZERO, D, NumberError, mean, quantize
from sakip.io.problems import InputError, Problem

KINDS = ("pemenuhan", "kualitas", "pemanfaatan")
METHODS = ("graded", "mean")
TOTAL = HUNDRED
MAX_FILE_CHARACTERS = 1_000_000
_VERSION = re.compile(r"^[a-z0-9][a-z0-9.-]{0,80}$")
_RANGE = re.compile(
    r"^\s*([\[(])\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*([\])])\s*$")
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


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


# --------------------------------------------------------------------------- reading the file


def available_versions() -> tuple[str, ...]:
    """The LKE versions shipped with Sakip (file names under sakip/data/lke)."""
    folder = resources.files("sakip.data").joinpath("lke")
    return tuple(sorted(entry.name[:-5] for entry in folder.iterdir()
                        if entry.name.endswith(".yaml")))


@cache
def load_lke(version: str = "permenpanrb-88-2021") -> Lke:
    """The shipped worksheet of ``version``, checked (InputError with LKE_* problems)."""
    source = f"sakip/data/lke/{version}.yaml"
    if not _VERSION.match(version) or version not in available_versions():
        raise InputError([Problem(
            "LKE_UNKNOWN_VERSION", f"Versi LKE '{version}' tidak tersedia.",
            f"LKE version '{version}' is not available.", file=source)])
    text = resources.files("sakip.data").joinpath("lke", f"{version}.yaml").read_text("utf-8")
    return parse_lke(text, source)


def parse_lke(text: str, source: str = "<lke>") -> Lke:
    """Read and check an LKE data file's text."""
    if len(text) > MAX_FILE_CHARACTERS:
        raise InputError([Problem("LKE_TOO_LARGE", "Berkas LKE terlalu besar.",
                                  "The LKE file is too large.", file=source)])
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        raise InputError([Problem("LKE_SYNTAX", f"Berkas LKE tidak dapat dibaca: {error}",
                                  f"The LKE file cannot be read: {error}", file=source)]) from None
    reader = _Reader(source)
    lke = reader.lke(data)
    if reader.problems or lke is None:
        raise InputError(reader.problems or [Problem(
            "LKE_EMPTY", "Berkas LKE kosong.", "The LKE file is empty.", file=source)])
    return lke


class _Reader:
    """Builds an :class:`Lke` from the file's text values, recording every problem."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, code: str, message_id: str, message_en: str, path: str) -> None:
        self.problems.append(Problem(code, message_id, message_en, file=self.source, path=path))

    # -- plain values

    def mapping(self, node: Any, path: str) -> dict[str, Any]:
        if isinstance(node, dict):
            return node
        self.add("LKE_BAD_SHAPE", "Harus berupa pasangan kunci: nilai.",
                 "Must be a mapping of keys to values.", path)
        return {}

    def items(self, node: Any, path: str) -> list[Any]:
        if node is None or node == "":
            return []
        if isinstance(node, list):
            return node
        self.add("LKE_BAD_SHAPE", "Harus berupa daftar.", "Must be a list.", path)
        return []

    def text(self, node: dict[str, Any], key: str, path: str, required: bool = True) -> str:
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
        if required:
            self.add("LKE_MISSING_FIELD", f"'{key}' wajib diisi.", f"'{key}' is required.",
                     f"{path}.{key}" if path else key)
        return ""

    def number(self, node: dict[str, Any], key: str, path: str) -> Decimal | None:
        raw = self.text(node, key, path)
        if not raw:
            return None
        try:
            return D(raw)
        except NumberError:
            self.add("LKE_BAD_NUMBER", f"'{raw}' bukan angka.", f"'{raw}' is not a number.",
                     f"{path}.{key}")
            return None

    def interval(self, node: dict[str, Any], path: str) -> Interval | None:
        raw = self.text(node, "range", path)
        match = _RANGE.match(raw) if raw else None
        if match is None:
            if raw:
                self.add("LKE_BAD_RANGE",
                         f"Rentang '{raw}' tidak dikenali; tulis seperti \"(90, 100]\".",
                         f"Range '{raw}' is not understood; write it as \"(90, 100]\".",
                         f"{path}.range")
            return None
        interval = Interval(D(match[2]), D(match[3]), match[1] == "[", match[4] == "]")
        if (interval.lower > interval.upper or interval.lower < ZERO or interval.upper > HUNDRED
                or (interval.lower == interval.upper
                    and not (interval.lower_closed and interval.upper_closed))):
            self.add("LKE_BAD_RANGE", f"Rentang '{raw}' kosong atau di luar 0–100.",
                     f"Range '{raw}' is empty or outside 0–100.", f"{path}.range")
            return None
        return interval

    # -- the file

    def lke(self, data: Any) -> Lke | None:
        if data is None:
            return None
        root = self.mapping(data, "")
        version = self.text(root, "version", "")
        scoring = self.mapping(root.get("scoring", {}), "scoring")
        method = self.text(scoring, "method", "scoring")
        if method and method not in METHODS:
            self.add("LKE_UNKNOWN_METHOD", f"Metode penilaian '{method}' tidak dikenal "
                     f"(pilihan: {', '.join(METHODS)}).",
                     f"Scoring method '{method}' is unknown (choices: {', '.join(METHODS)}).",
                     "scoring.method")
        places_text = self.text(scoring, "places", "scoring", required=False) or "2"
        places = int(places_text) if places_text.isdigit() and int(places_text) <= 6 else 2
        if places_text and not (places_text.isdigit() and int(places_text) <= 6):
            self.add("LKE_BAD_NUMBER", "'places' harus bilangan bulat 0–6.",
                     "'places' must be a whole number 0–6.", "scoring.places")
        answer_types = self.answer_types(root.get("answer_types"))
        types = {t.code: t for t in answer_types}
        components = self.components(root.get("components"), types)
        grades = self.grades(scoring.get("grades"), method) if method == "graded" else ()
        predicates = self.predicates(root.get("predicates"))
        criteria = {c.code: c for comp in components for sub in comp.subcomponents
                    for c in sub.criteria}
        rules = self.rules(root.get("rules"), criteria)
        source = self.mapping(root.get("source", {}), "source")
        for key in ("regulation", "criteria_from"):
            self.text(source, key, "source")
        return Lke(
            version=version,
            title=self.text(root, "title", ""),
            title_en=self.text(root, "title_en", "", required=False),
            source=tuple((key, " ".join(str(value).split())) for key, value in source.items()),
            method=method,
            places=places,
            answer_types=answer_types,
            components=components,
            grades=grades,
            wording=self.wording(scoring.get("wording")),
            predicates=predicates,
            rules=rules,
            gaps=tuple(" ".join(str(gap).split())
                       for gap in self.items(root.get("gaps"), "gaps")),
        )

    def answer_types(self, node: Any) -> tuple[AnswerType, ...]:
        found: list[AnswerType] = []
        seen: set[str] = set()
        for i, item in enumerate(self.items(node, "answer_types")):
            path = f"answer_types[{i}]"
            entry = self.mapping(item, path)
            code = self.text(entry, "code", path)
            if code in seen:
                self.duplicate(code, path)
            seen.add(code)
            options: list[Option] = []
            codes: set[str] = set()
            for j, raw in enumerate(self.items(entry.get("options"), f"{path}.options")):
                where = f"{path}.options[{j}]"
                option = self.mapping(raw, where)
                option_code = self.text(option, "code", where)
                value = self.number(option, "value", where)
                if option_code in codes:
                    self.duplicate(option_code, where)
                codes.add(option_code)
                if value is not None and not ZERO <= value <= 1:
                    self.add("LKE_BAD_OPTION_VALUE",
                             f"Nilai pilihan '{option_code}' harus antara 0 dan 1.",
                             f"The value of option '{option_code}' must be between 0 and 1.",
                             f"{where}.value")
                options.append(Option(option_code, value if value is not None else ZERO,
                                      self.text(option, "label", where),
                                      self.text(option, "label_en", where, required=False)))
            if not options:
                self.add("LKE_NO_OPTIONS", f"Jenis jawaban '{code}' tanpa pilihan.",
                         f"Answer type '{code}' has no options.", f"{path}.options")
            found.append(AnswerType(code, self.text(entry, "name", path),
                                    self.text(entry, "name_en", path, required=False),
                                    tuple(options)))
        if not found:
            self.add("LKE_MISSING_FIELD", "'answer_types' wajib diisi.",
                     "'answer_types' is required.", "answer_types")
        return tuple(found)

    def components(self, node: Any, types: dict[str, AnswerType]) -> tuple[Component, ...]:
        components: list[Component] = []
        codes: set[str] = set()
        for i, item in enumerate(self.items(node, "components")):
            path = f"components[{i}]"
            entry = self.mapping(item, path)
            code = self.text(entry, "code", path)
            self.unique(code, codes, path)
            weight = self.number(entry, "weight", path)
            subs = tuple(self.subcomponent(raw, f"{path}.subcomponents[{j}]", code, types, codes)
                         for j, raw in enumerate(self.items(entry.get("subcomponents"),
                                                            f"{path}.subcomponents")))
            if not subs:
                self.add("LKE_EMPTY_COMPONENT", f"Komponen {code} tanpa sub-komponen.",
                         f"Component {code} has no sub-components.", f"{path}.subcomponents")
            total = sum((s.weight for s in subs), ZERO)
            if weight is not None and subs and total != weight:
                self.add("LKE_WEIGHT_SUM",
                         f"Bobot sub-komponen {code} berjumlah {total}, bukan {weight}.",
                         f"The sub-components of {code} weigh {total}, not {weight}.",
                         f"{path}.subcomponents")
            components.append(Component(code, self.text(entry, "name", path),
                                        self.text(entry, "name_en", path, required=False),
                                        weight if weight is not None else ZERO, subs))
        if not components:
            self.add("LKE_MISSING_FIELD", "'components' wajib diisi.",
                     "'components' is required.", "components")
        total = sum((c.weight for c in components), ZERO)
        if components and total != TOTAL:
            self.add("LKE_WEIGHT_SUM", f"Bobot komponen berjumlah {total}, bukan {TOTAL}.",
                     f"The components weigh {total}, not {TOTAL}.", "components")
        return tuple(components)

    def subcomponent(self, item: Any, path: str, component: str, types: dict[str, AnswerType],
                     codes: set[str]) -> SubComponent:
        entry = self.mapping(item, path)
        code = self.text(entry, "code", path)
        self.unique(code, codes, path)
        if code and component and not code.startswith(f"{component}."):
            self.add("LKE_BAD_CODE", f"Kode '{code}' tidak berawal dengan '{component}.'.",
                     f"Code '{code}' does not start with '{component}.'.", f"{path}.code")
        kind = self.text(entry, "kind", path)
        if kind and kind not in KINDS:
            self.add("LKE_BAD_KIND", f"Dimensi '{kind}' tidak dikenal (pilihan: "
                     f"{', '.join(KINDS)}).",
                     f"Dimension '{kind}' is unknown (choices: {', '.join(KINDS)}).",
                     f"{path}.kind")
        weight = self.number(entry, "weight", path)
        if weight is not None and weight < ZERO:
            self.add("LKE_BAD_NUMBER", "Bobot tidak boleh negatif.", "A weight cannot be negative.",
                     f"{path}.weight")
        criteria = tuple(self.criterion(raw, f"{path}.criteria[{k}]", code, types, codes)
                         for k, raw in enumerate(self.items(entry.get("criteria"),
                                                            f"{path}.criteria")))
        if not criteria:
            self.add("LKE_EMPTY_SUBCOMPONENT", f"Sub-komponen {code} tanpa kriteria.",
                     f"Sub-component {code} has no criteria.", f"{path}.criteria")
        return SubComponent(code, self.text(entry, "name", path), kind,
                            weight if weight is not None else ZERO, criteria, component)

    def criterion(self, item: Any, path: str, subcomponent: str, types: dict[str, AnswerType],
                  codes: set[str]) -> Criterion:
        entry = self.mapping(item, path)
        code = self.text(entry, "code", path)
        self.unique(code, codes, path)
        if code and subcomponent and not code.startswith(f"{subcomponent}."):
            self.add("LKE_BAD_CODE", f"Kode '{code}' tidak berawal dengan '{subcomponent}.'.",
                     f"Code '{code}' does not start with '{subcomponent}.'.", f"{path}.code")
        type_code = self.text(entry, "type", path)
        answer_type = types.get(type_code)
        if type_code and answer_type is None:
            self.add("LKE_UNKNOWN_ANSWER_TYPE",
                     f"Jenis jawaban '{type_code}' tidak dikenal (pilihan: {', '.join(types)}).",
                     f"Answer type '{type_code}' is unknown (choices: {', '.join(types)}).",
                     f"{path}.type")
        evidence = self.text(entry, "evidence", path, required=False) or None
        if evidence is not None:
            from sakip.core.lke_evidence import EVIDENCE  # the registry imports this module

            if evidence not in EVIDENCE:
                self.add("LKE_UNKNOWN_EVIDENCE",
                         f"Bukti dari rekaman '{evidence}' tidak dikenal "
                         f"(pilihan: {', '.join(EVIDENCE)}).",
                         f"Evidence '{evidence}' is unknown (choices: {', '.join(EVIDENCE)}).",
                         f"{path}.evidence")
            elif answer_type is not None and not {"Y", "T"} <= set(answer_type.by_code):
                self.add("LKE_EVIDENCE_TYPE",
                         f"Kriteria {code} dengan bukti dari rekaman harus berjawaban Y/T.",
                         f"Criterion {code} answered from the record must take Y/T.",
                         f"{path}.type")
        placeholder = AnswerType(type_code, "", "", ())
        return Criterion(code, self.text(entry, "text", path), answer_type or placeholder,
                         subcomponent, evidence)

    def grades(self, node: Any, method: str) -> tuple[Grade, ...]:
        grades: list[Grade] = []
        seen: set[str] = set()
        for i, item in enumerate(self.items(node, "scoring.grades")):
            path = f"scoring.grades[{i}]"
            entry = self.mapping(item, path)
            code = self.text(entry, "grade", path)
            if code in seen:
                self.duplicate(code, path)
            seen.add(code)
            value = self.number(entry, "value", path)
            interval = self.interval(entry, path)
            if value is not None and not ZERO <= value <= HUNDRED:
                self.add("LKE_BAD_NUMBER", "Nilai nilai-huruf harus 0–100.",
                         "A grade's value must be 0–100.", f"{path}.value")
            claim = self.text(entry, "claim", path, required=False) or None
            if value is not None and interval is not None:
                grades.append(Grade(code, value, interval, claim))
        if not grades:
            self.add("LKE_MISSING_FIELD", "Metode 'graded' memerlukan 'scoring.grades'.",
                     "The graded method needs 'scoring.grades'.", "scoring.grades")
        else:
            self.cover([g.range for g in grades if g.claim is None], "LKE_GRADES_GAP",
                       "scoring.grades")
        return tuple(grades)

    def wording(self, node: Any) -> tuple[tuple[str, str, str], ...]:
        found: list[tuple[str, str, str]] = []
        for owner, texts in self.mapping(node or {}, "scoring.wording").items():
            for grade, text in self.mapping(texts, f"scoring.wording.{owner}").items():
                found.append((owner, grade, " ".join(str(text).split())))
        return tuple(found)

    def predicates(self, node: Any) -> tuple[Predicate, ...]:
        predicates: list[Predicate] = []
        seen: set[str] = set()
        for i, item in enumerate(self.items(node, "predicates")):
            path = f"predicates[{i}]"
            entry = self.mapping(item, path)
            code = self.text(entry, "code", path)
            if code in seen:
                self.duplicate(code, path)
            seen.add(code)
            interval = self.interval(entry, path)
            if interval is not None:
                predicates.append(Predicate(code, interval, self.text(entry, "label", path),
                                            self.text(entry, "label_en", path, required=False)))
        if not predicates:
            self.add("LKE_MISSING_FIELD", "'predicates' wajib diisi.",
                     "'predicates' is required.", "predicates")
        else:
            self.cover([p.range for p in predicates], "LKE_PREDICATES_GAP", "predicates")
        return tuple(predicates)

    def rules(self, node: Any, criteria: dict[str, Criterion]) -> tuple[Rule, ...]:
        rules: list[Rule] = []
        seen: set[str] = set()
        for i, item in enumerate(self.items(node, "rules")):
            path = f"rules[{i}]"
            entry = self.mapping(item, path)
            code = self.text(entry, "code", path)
            if code in seen:
                self.duplicate(code, path)
            seen.add(code)
            condition = self.mapping(entry.get("if", {}), f"{path}.if")
            outcome = self.mapping(entry.get("then", {}), f"{path}.then")
            subject = self.text(condition, "criterion", f"{path}.if")
            answers = tuple(self.items(condition.get("answers"), f"{path}.if.answers")) or (
                (self.text(condition, "answer", f"{path}.if"),))
            targets = tuple(str(c) for c in self.items(outcome.get("criteria"),
                                                        f"{path}.then.criteria"))
            cap = self.number(outcome, "max", f"{path}.then")
            named = [(subject, f"{path}.if.criterion")]
            named += [(target, f"{path}.then.criteria") for target in targets]
            for name, where in named:
                if name and name not in criteria:
                    self.add("LKE_RULE_UNKNOWN_CRITERION",
                             f"Aturan '{code}' menyebut kriteria '{name}' yang tidak ada.",
                             f"Rule '{code}' names criterion '{name}', which does not exist.",
                             where)
            known = criteria.get(subject)
            for answer in answers:
                if known is not None and answer not in known.type.by_code:
                    self.add("LKE_RULE_BAD_ANSWER",
                             f"Aturan '{code}': '{answer}' bukan jawaban kriteria {subject}.",
                             f"Rule '{code}': '{answer}' is not an answer to {subject}.",
                             f"{path}.if")
            if cap is not None and not ZERO <= cap <= 1:
                self.add("LKE_BAD_NUMBER", "'max' harus antara 0 dan 1.",
                         "'max' must be between 0 and 1.", f"{path}.then.max")
            if not targets:
                self.add("LKE_MISSING_FIELD", "'then.criteria' wajib diisi.",
                         "'then.criteria' is required.", f"{path}.then.criteria")
            rules.append(Rule(code, subject, answers, targets, cap if cap is not None else ZERO,
                              self.text(entry, "note", path),
                              self.text(entry, "note_en", path, required=False)))
        return tuple(rules)

    # -- checks

    def unique(self, code: str, codes: set[str], path: str) -> None:
        if code and code in codes:
            self.duplicate(code, path)
        codes.add(code)

    def duplicate(self, code: str, path: str) -> None:
        self.add("LKE_DUPLICATE_CODE", f"Kode '{code}' dipakai lebih dari sekali.",
                 f"Code '{code}' is used more than once.", path)

    def cover(self, intervals: list[Interval], code: str, path: str) -> None:
        """Every value 0–100 must lie in exactly one interval. Checking each bound and each
        midpoint between consecutive bounds decides it for any union of intervals."""
        for point in _probe_points(intervals):
            holders = [i for i in intervals if point in i]
            if len(holders) != 1:
                what = "tidak tercakup" if not holders else "tercakup lebih dari sekali"
                what_en = "is not covered" if not holders else "is covered more than once"
                self.add(code, f"Nilai {point} {what} oleh rentang skala.",
                         f"The value {point} {what_en} by the scale's ranges.", path)
                return


def _probe_points(intervals: Iterable[Interval]) -> list[Decimal]:
    bounds = sorted({ZERO, HUNDRED} | {b for i in intervals for b in (i.lower, i.upper)
                                       if ZERO <= b <= HUNDRED})
    midpoints = [(a + b) / 2 for a, b in itertools.pairwise(bounds)]
    return sorted(bounds + midpoints)
