"""The Lembar Kerja Evaluasi (LKE, PermenPAN-RB 88/2021) as the Excel workbook evaluators know.

Three sheets:

- **LKE**: the worksheet itself — a row per component, sub-component and criterion (No/code,
  text, weight of component and sub-component), the agency's answer with its value and evidence
  note, the evaluator's answer with its value and note, the final answer and value; a
  sub-component's row carries its grade and score for each party, a component's its score; the
  total and the predicate at the bottom, the logic checks that capped a final value under it;
- **Ringkasan**: the component scores of the self-assessment, the evaluator and the final
  answers, the total and the predicate;
- **Perbedaan**: the criteria both parties answered differently (the disagreement round).

Every figure comes from :func:`sakip.core.lke.score_evaluation`; nothing is computed here. The
cells are laid out with :mod:`sakip.forms.layout` and written by :mod:`sakip.forms.xlsx`'s table
writer (numbers as Decimal with their places; Excel shows them in the reader's locale, 76,40
in Indonesian).
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sakip.core.lke import (
    TOTAL,
    Answer,
    ComponentScore,
    CriterionScore,
    Evaluation,
    Lke,
    Score,
    SubScore,
    score_evaluation,
)
from sakip.forms.layout import EMPTY, Cell, Head, Row, Table, number, text
from sakip.forms.xlsx import CENTER
from sakip.forms.xlsx import _page as page_setup
from sakip.forms.xlsx import _table as write_table
from sakip.report.text import Text

WIDTHS = (7, 60, 8, 9, 7, 32, 9, 7, 32, 9, 8)


def lke_workbook(lke: Lke, evaluation: Evaluation, *, agency: str, year: int,
                 lang: str = "id") -> bytes:
    """The worksheet of ``evaluation`` as XLSX bytes (sheets LKE, Ringkasan, Perbedaan)."""
    t = Text(lang)
    scores = score_evaluation(lke, evaluation)
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    heading = (t("lke.agency", agency=agency), t("lke.year", year=year),
               t("lke.version", title=lke.title if lang == "id" else lke.title_en,
                 version=lke.version))
    _sheet(book.create_sheet(t("lke.sheet")), t("lke.title"), heading,
           worksheet_table(lke, evaluation, scores, t), notes(lke, scores[2], t))
    _sheet(book.create_sheet(t("lke.sheet_summary")), t("lke.summary_title"), heading,
           summary_table(lke, scores, t), ())
    _sheet(book.create_sheet(t("lke.sheet_differences")), t("lke.differences_title"), heading,
           differences_table(lke, evaluation, t), ())
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- layout


def _criterion_cells(item: CriterionScore, given: Answer | None, note: bool) -> tuple[Cell, ...]:
    cells = (text(item.answer), number(item.value) if item.answer is not None or item.capped_by
             else EMPTY)
    if note:
        return (*cells, text(given.note if given is not None else None))
    return cells


def _sub_cells(sub: SubScore, note: bool) -> tuple[Cell, ...]:
    grade = sub.grade.code if sub.grade is not None else None
    cells = (text(grade), number(sub.score))
    return (*cells, EMPTY) if note else cells


def worksheet_table(lke: Lke, evaluation: Evaluation, scores: tuple[Score, Score, Score],
                    t: Text) -> Table:
    """The LKE sheet's table: components, sub-components and criteria with every party's
    answers and scores, the total and the predicate."""
    own, evaluator, final = scores
    head = (Head(t("lke.no"), 0, 0, rows=2), Head(t("lke.item"), 0, 1, rows=2),
            Head(t("lke.weight"), 0, 2, rows=2),
            Head(t("lke.self"), 0, 3, cols=3), Head(t("lke.answer"), 1, 3),
            Head(t("lke.value"), 1, 4), Head(t("lke.evidence"), 1, 5),
            Head(t("lke.evaluator"), 0, 6, cols=3), Head(t("lke.answer"), 1, 6),
            Head(t("lke.value"), 1, 7), Head(t("lke.note"), 1, 8),
            Head(t("lke.final"), 0, 9, cols=2), Head(t("lke.answer"), 1, 9),
            Head(t("lke.value"), 1, 10))
    rows: list[Row] = []
    self_answers = dict(evaluation.self_assessment.answers)
    evaluator_answers = dict(evaluation.evaluator.answers)
    for c_own, c_eval, c_final in zip(own.components, evaluator.components, final.components,
                                      strict=True):
        component = c_own.component
        name = component.name if t.lang == "id" else component.name_en
        rows.append(Row((text(component.code), text(name), number(component.weight),
                         EMPTY, number(c_own.score), EMPTY, EMPTY, number(c_eval.score), EMPTY,
                         EMPTY, number(c_final.score)), "group"))
        for s_own, s_eval, s_final in zip(c_own.subscores, c_eval.subscores, c_final.subscores,
                                          strict=True):
            sub = s_own.subcomponent
            rows.append(Row((text(sub.code), text(sub.name), number(sub.weight),
                             *_sub_cells(s_own, True), *_sub_cells(s_eval, True),
                             *_sub_cells(s_final, False)), "program"))
            for i_own, i_eval, i_final in zip(s_own.criteria, s_eval.criteria, s_final.criteria,
                                              strict=True):
                code = i_own.criterion.code
                rows.append(Row((
                    text(code), text(i_own.criterion.text), EMPTY,
                    *_criterion_cells(i_own, self_answers.get(code), True),
                    *_criterion_cells(i_eval, evaluator_answers.get(code), True),
                    *_criterion_cells(i_final, None, False)), "indicator"))
    rows.append(Row((EMPTY, text(t("lke.total")), number(TOTAL), EMPTY,
                     number(own.total), EMPTY, EMPTY, number(evaluator.total), EMPTY, EMPTY,
                     number(final.total)), "total"))
    rows.append(Row((EMPTY, text(t("lke.predicate")), EMPTY, EMPTY, _predicate(own, t), EMPTY,
                     EMPTY, _predicate(evaluator, t), EMPTY, EMPTY, _predicate(final, t)),
                    "total"))
    numbers = tuple(str(n) for n in range(1, len(WIDTHS) + 1))
    return Table(WIDTHS, head, 2, tuple(rows), numbers)


def _predicate(result: Score, t: Text) -> Cell:
    predicate = result.predicate
    if predicate is None:
        return EMPTY
    return text(f"{predicate.code} ({predicate.label if t.lang == 'id' else predicate.label_en})")


def notes(lke: Lke, final: Score, t: Text) -> tuple[str, ...]:
    """Under the worksheet: how to read it, and each logic check that capped a final value."""
    grades = ", ".join(f"{g.code} {g.value}" for g in lke.grades)
    found = [t("lke.grade_note", grades=grades)] if lke.method == "graded" else []
    for application in final.applications:
        rule = application.rule
        found.append(t("lke.capped", rule=rule.code, criterion=application.criterion,
                       after=application.after,
                       note=rule.note if t.lang == "id" else rule.note_en))
    for sub in final.subscore_by_code.values():
        if sub.claim_ignored:
            found.append(t("lke.claim_ignored", code=sub.subcomponent.code, claim=sub.claim))
    return tuple(found)


def summary_table(lke: Lke, scores: tuple[Score, Score, Score], t: Text) -> Table:
    """Each component's score for the self-assessment, the evaluator and the final answers."""
    own, evaluator, final = scores
    head = (Head(t("lke.no"), 0, 0), Head(t("lke.component"), 0, 1), Head(t("lke.weight"), 0, 2),
            Head(t("lke.self"), 0, 3), Head(t("lke.evaluator"), 0, 4), Head(t("lke.final"), 0, 5))
    rows: list[Row] = []
    for c_own, c_eval, c_final in zip(own.components, evaluator.components, final.components,
                                      strict=True):
        rows.append(_component_row(c_own, c_eval, c_final, t))
    rows.append(Row((EMPTY, text(t("lke.total")), number(TOTAL), number(own.total),
                     number(evaluator.total), number(final.total)), "total"))
    rows.append(Row((EMPTY, text(t("lke.predicate")), EMPTY, _predicate(own, t),
                     _predicate(evaluator, t), _predicate(final, t)), "total"))
    return Table((6, 48, 9, 18, 18, 18), head, 1, tuple(rows))


def _component_row(own: ComponentScore, evaluator: ComponentScore, final: ComponentScore,
                   t: Text) -> Row:
    component = own.component
    return Row((text(component.code),
                text(component.name if t.lang == "id" else component.name_en),
                number(component.weight), number(own.score), number(evaluator.score),
                number(final.score)), "activity")


def differences_table(lke: Lke, evaluation: Evaluation, t: Text) -> Table:
    """The criteria (and claims) both parties answered differently, with both notes."""
    head = (Head(t("lke.no"), 0, 0, rows=2), Head(t("lke.criterion"), 0, 1, rows=2),
            Head(t("lke.self"), 0, 2, cols=2), Head(t("lke.evaluator"), 0, 4, cols=2),
            Head(t("lke.answer"), 1, 2), Head(t("lke.evidence"), 1, 3),
            Head(t("lke.answer"), 1, 4), Head(t("lke.note"), 1, 5))
    rows: list[Row] = []
    own, other = evaluation.self_assessment, evaluation.evaluator
    for code in evaluation.differences():
        criterion = lke.criterion_by_code.get(code)
        if criterion is not None:
            what = criterion.text
            a, b = own.answers[code], other.answers[code]
        else:  # a sub-component's claim
            what = lke.subcomponent_by_code[code].name
            a, b = own.claims[code], other.claims[code]
        rows.append(Row((text(code), text(what), text(a.answer), text(a.note), text(b.answer),
                         text(b.note))))
    if not rows:
        rows.append(Row((EMPTY, text(t("lke.no_differences")), EMPTY, EMPTY, EMPTY, EMPTY)))
    return Table((8, 60, 9, 32, 9, 32), head, 2, tuple(rows))


# --------------------------------------------------------------------------- writing


def _sheet(sheet: Worksheet, title: str, heading: tuple[str, ...], table: Table,
           notes: tuple[str, ...]) -> None:
    sheet.cell(1, 1, title).font = Font(bold=True, size=12)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=table.columns)
    sheet.cell(1, 1).alignment = CENTER
    row = 2
    for line in heading:
        sheet.cell(row, 1, line)
        row += 1
    row += 1
    top = row
    row = write_table(sheet, table, row)
    for note in notes:
        cell = sheet.cell(row, 1, note)
        cell.font = Font(italic=True, size=9)
        cell.alignment = Alignment(wrap_text=False, vertical="top")
        row += 1
    for index, chars in enumerate(table.widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = chars + 2
    page_setup(sheet, (top, top + table.head_rows - (0 if table.numbers else 1)))
