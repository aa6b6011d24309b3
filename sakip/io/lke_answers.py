"""Reading an LKE answers file: the agency's and the evaluator's answers and the
recommendations, for ``sakip lke`` (docs/lke.md, "Command line and outputs").

```yaml
self:                       # the agency's self-assessment: criterion code → answer
  1.a.1: Y                  # the answer alone
  1.a.2: {answer: T, note: "Belum ada RPJPD yang diacu"}   # with its evidence note
  1.a: {answer: A, note: "…"}                               # a sub-component's claim (A, AA)
evaluator:                  # the evaluator's answers, the same way
  1.a.2: {answer: T, note: "…"}
inspector: "Drs. … "        # who signs the Laporan Hasil Evaluasi (optional)
facts:                      # what the record does not hold, for the criteria answered from it
  published_on: 2021-03-31  # the LKjIP published (3.a.5)
  submitted_on: 2021-02-26  # the LKjIP submitted (3.a.6), with
  deadline: 2021-02-28
  reviewed_on: 2021-02-20   # the reviu (3.a.4), with
  statement: true           # its statement signed
  recommendations: 5        # last evaluation's recommendations (4.c.1), with
  followed: 5               # how many were followed up
recommendations:            # this year's, and earlier years' with their follow-up
  - {component: "1", text: "…"}                 # year: the year evaluated unless given
  - {component: "2", text: "…", year: 2019, followed: true, note: "…"}
```

The text is read as YAML with every scalar kept as text (:mod:`sakip.io.yamlnode`: bounded in
size, values and depth, no aliases, every problem with its line). Every problem is reported at
once with a stable ``LKE_ANSWERS_*`` code; the codes of the shared YAML reader (``PLAN_*``)
are given this prefix instead. Answers are checked against the worksheet (a criterion or
sub-component that exists, an answer its answer type or the claims allow); scoring is
:mod:`sakip.core.lke`'s.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sakip.core.lke import Answer, Lke, Recommendation, Sheet
from sakip.io.limits import PlanLimits
from sakip.io.problems import InputError, Problem
from sakip.io.yamlnode import Collector, Field, compose

if TYPE_CHECKING:
    from typing import Any

LIMITS = PlanLimits(max_bytes=1024 * 1024, max_nodes=50_000, max_depth=8)
PREFIX = "LKE_ANSWERS_"
_TOP = ("self", "evaluator", "inspector", "facts", "recommendations")
_DATES = ("published_on", "submitted_on", "deadline", "reviewed_on")
_COUNTS = ("recommendations", "followed")
_FACTS = (*_DATES, "statement", *_COUNTS)
_RECOMMENDATION = ("component", "text", "year", "followed", "note")


@dataclass(frozen=True)
class Answers:
    """What an answers file holds."""

    self_assessment: Sheet
    evaluator: Sheet
    recommendations: tuple[Recommendation, ...]
    inspector: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # for sakip.core.lke_evidence.suggest


def load_answers(path: str | os.PathLike[str], lke: Lke, year: int) -> Answers:
    """Read and check an answers file (InputError with every problem, ``LKE_ANSWERS_*``)."""
    name = str(path)
    file = Path(path)
    if not file.is_file():
        raise InputError([Problem("LKE_ANSWERS_NOT_FOUND", f"berkas jawaban tidak ditemukan: {name}",
                                  f"answers file not found: {name}", file=name)])
    try:
        with file.open("rb") as handle:  # bounded: a pipe or a growing file has no honest size
            data = handle.read(LIMITS.max_bytes + 1)
        if len(data) > LIMITS.max_bytes:
            raise InputError([_too_large(name)])
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Problem("LKE_ANSWERS_NOT_TEXT", "berkas jawaban bukan teks UTF-8 (YAML)",
                                  "the answers file is not UTF-8 text (YAML)", file=name)]) from None
    except OSError as error:
        raise InputError([Problem(
            "LKE_ANSWERS_UNREADABLE", f"berkas jawaban tidak dapat dibaca: {error.strerror}",
            f"the answers file cannot be read: {error.strerror}", file=name)]) from None
    return parse_answers(text, lke, year, name)


def _too_large(name: str) -> Problem:
    from sakip.io.zipguard import mib

    return Problem("LKE_ANSWERS_TOO_LARGE",
                   f"berkas jawaban lebih besar dari {mib(LIMITS.max_bytes, 'id')}",
                   f"the answers file is larger than {mib(LIMITS.max_bytes)}", file=name)


def parse_answers(text: str, lke: Lke, year: int, source: str = "<answers>") -> Answers:
    """Read and check an answers file's text."""
    if len(text) > LIMITS.max_bytes:
        raise InputError([_too_large(source)])
    collector = Collector(source)
    root = compose(text, collector, LIMITS)
    if collector.has_errors:
        raise InputError(_prefixed(collector.problems))
    if root is None:
        raise InputError([Problem("LKE_ANSWERS_EMPTY", "berkas jawaban kosong",
                                  "the answers file is empty", file=source)])
    top = Field(root, "", collector).mapping(_TOP)
    own = _sheet(top.get("self"), lke, collector)
    other = _sheet(top.get("evaluator"), lke, collector)
    inspector = top["inspector"].text() if "inspector" in top else None
    facts = _facts(top["facts"]) if "facts" in top else {}
    recommendations = tuple(
        r for r in (_recommendation(item, lke, year)
                    for item in (top["recommendations"].items() if "recommendations" in top
                                 else []))
        if r is not None)
    if collector.has_errors:
        raise InputError(_prefixed(collector.problems))
    return Answers(own, other, recommendations, inspector, facts)


def _facts(node: Field) -> dict[str, Any]:
    """The facts the evidence functions take beyond the plan (sakip.core.lke_evidence)."""
    fields = node.mapping(_FACTS)
    facts: dict[str, Any] = {}
    for key in _DATES:
        if key in fields and not fields[key].is_null:
            text = fields[key].date()  # a malformed one is a problem already
            if text is None:
                continue
            try:
                facts[key] = date.fromisoformat(text)
            except ValueError:
                fields[key].error("LKE_ANSWERS_BAD_DATE",
                                  f"'{text}' bukan tanggal lengkap (YYYY-MM-DD)",
                                  f"'{text}' is not a full date (YYYY-MM-DD)")
    if "statement" in fields:
        facts["statement"] = fields["statement"].boolean()
    for key in _COUNTS:
        if key in fields:
            count = fields[key].integer(0, 10_000)
            if count is not None:
                facts[key] = count
    if "recommendations" in facts and "followed" in facts \
            and facts["followed"] > facts["recommendations"]:
        fields["followed"].error(
            "LKE_ANSWERS_BAD_FACT", "'followed' lebih besar dari 'recommendations'",
            "'followed' is larger than 'recommendations'")
    return facts


def _prefixed(problems: list[Problem]) -> list[Problem]:
    """The shared YAML reader's ``PLAN_*`` codes as ``LKE_ANSWERS_*``."""
    return [replace(p, code=PREFIX + p.code.removeprefix("PLAN_")) if p.code.startswith("PLAN_")
            else p for p in problems]


def _sheet(field: Field | None, lke: Lke, collector: Collector) -> Sheet:
    answers: dict[str, Answer] = {}
    claims: dict[str, Answer] = {}
    if field is None:
        return Sheet(answers, claims)
    for key, value in field.entries():
        code = (key.text() or "").strip()
        criterion = lke.criterion_by_code.get(code)
        subcomponent = lke.subcomponent_by_code.get(code)
        if criterion is None and subcomponent is None:
            key.error("LKE_ANSWERS_UNKNOWN_CRITERION",
                      f"'{code}' bukan kriteria atau sub-komponen LKE {lke.version}",
                      f"'{code}' is not a criterion or sub-component of LKE {lke.version}")
            continue
        if code in answers or code in claims:
            key.error("LKE_ANSWERS_DUPLICATE", f"'{code}' dijawab dua kali",
                      f"'{code}' is answered twice")
            continue
        given = _answer(value)
        if given is None:
            continue
        if given.answer is not None:
            choices = (tuple(criterion.type.by_code) if criterion is not None
                       else tuple(lke.claims))
            if given.answer not in choices:
                what = "kriteria" if criterion is not None else "klaim sub-komponen"
                what_en = "criterion" if criterion is not None else "sub-component claim"
                value.error("LKE_ANSWERS_BAD_ANSWER",
                            f"jawaban '{given.answer}' untuk {what} {code} tidak dikenal "
                            f"(pilihan: {', '.join(choices) or '-'})",
                            f"answer '{given.answer}' to {what_en} {code} is not one of "
                            f"{', '.join(choices) or '-'}")
                continue
        (answers if criterion is not None else claims)[code] = given
    return Sheet(answers, claims)


def _answer(value: Field) -> Answer | None:
    """``Y`` or ``{answer: Y, note: …}``; None when the value has problems."""
    if value.is_mapping:
        fields = value.mapping(("answer", "note"))
        answer = fields["answer"].text() if "answer" in fields else None
        note = fields["note"].text() if "note" in fields else None
        if answer is None and note is None:
            value.error("LKE_ANSWERS_EMPTY_ANSWER", "jawaban kosong: beri 'answer' atau 'note'",
                        "an empty answer: give 'answer' or 'note'")
            return None
        return Answer(answer.upper() if answer else None, note)
    before = len(value.collector.problems)
    answer = value.text()
    if len(value.collector.problems) > before:
        return None
    return Answer(answer.upper() if answer else None, None)


def _recommendation(item: Field, lke: Lke, year: int) -> Recommendation | None:
    before = len(item.collector.problems)
    fields = item.mapping(_RECOMMENDATION, required=("component", "text"))
    component = fields["component"].text() if "component" in fields else None
    text = fields["text"].text() if "text" in fields else None
    given_year = fields["year"].year() if "year" in fields else None
    followed = fields["followed"].boolean() if "followed" in fields \
        and not fields["followed"].is_null else None
    note = fields["note"].text() if "note" in fields else None
    if component is not None and component not in {c.code for c in lke.components}:
        fields["component"].error(
            "LKE_ANSWERS_UNKNOWN_COMPONENT",
            f"komponen '{component}' tidak ada dalam LKE {lke.version} "
            f"(pilihan: {', '.join(c.code for c in lke.components)})",
            f"component '{component}' is not in LKE {lke.version} "
            f"(choices: {', '.join(c.code for c in lke.components)})")
    if given_year is not None and given_year > year:
        fields["year"].error("LKE_ANSWERS_FUTURE_YEAR",
                             f"rekomendasi tahun {given_year} sesudah tahun yang dievaluasi ({year})",
                             f"a recommendation of {given_year}, after the year evaluated ({year})")
    if len(item.collector.problems) > before or component is None or text is None:
        return None
    return Recommendation(component, text, given_year if given_year is not None else year,
                          followed, note)
