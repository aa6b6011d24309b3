"""Reading an LKE data file (``sakip/data/lke/<version>.yaml``) into the model of
:mod:`sakip.core.lke`, every problem of a broken file reported at once with a stable ``LKE_*``
code and its place in the file (docs/lke.md)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import yaml

from sakip.core.lke import (
    KINDS,
    METHODS,
    TOTAL,
    AnswerType,
    Component,
    Criterion,
    Grade,
    Interval,
    Lke,
    Option,
    Predicate,
    Rule,
    SubComponent,
)
from sakip.core.numbers import HUNDRED, ZERO, D, NumberError
from sakip.io.problems import InputError, Problem

MAX_FILE_CHARACTERS = 1_000_000
_VERSION = re.compile(r"^[a-z0-9][a-z0-9.-]{0,80}$")
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
RANGE = re.compile(  # an interval of a scale as the file writes it: (70, 80]
    r"^\s*([\[(])\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*([\])])\s*$")


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
        match = RANGE.match(raw) if raw else None
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
