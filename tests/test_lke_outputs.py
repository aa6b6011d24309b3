"""The LKE's outputs: the worksheet as XLSX (sakip.forms.lke), the Laporan Hasil Evaluasi
(sakip.report.lhe), the answers file (sakip.io.lke_answers) and ``sakip lke`` (docs/lke.md)."""

import io
import textwrap
from decimal import Decimal

import docx
import openpyxl
import pypdf
import pytest

from sakip.cli.main import main
from sakip.core.lke import Answer, Evaluation, Recommendation, Sheet, score, score_evaluation
from sakip.core.lke_evidence import as_sheet, suggest
from sakip.forms.lke import lke_workbook
from sakip.io.idnum import format_id
from sakip.io.lke_answers import parse_answers
from sakip.io.lke_file import load_lke
from sakip.io.problems import InputError
from sakip.report.lhe import lhe_bytes, lhe_document
from sakip.report.model import BLANK, SignatureBlock, blocks_of, tables_of
from tests.conftest import EXAMPLE

LKE = load_lke("permenpanrb-88-2021")
AGENCY = "Dinas Contoh Kabupaten Contoh"
REGION = "Kabupaten Contoh"


def evaluation() -> Evaluation:
    """Every criterion answered by the agency (most Y, a few T); the evaluator disagrees on
    two, and says "no report" (3.a.1 = T), which caps the report's other criteria."""
    own = {c.code: Answer("Y", f"bukti {c.code}") for c in LKE.criteria}
    for code in ("1.a.1", "2.a.2", "4.c.1"):
        own[code] = Answer("T", "belum ada")
    other = {"1.b.1": Answer("T", "PK belum ditandatangani"), "3.a.1": Answer("T", "tidak ada")}
    return Evaluation(Sheet(own, {"1.c": Answer("A", "terjaga 1 tahun")}), Sheet(other))


RECOMMENDATIONS = (
    Recommendation("1", "Menetapkan pedoman teknis perencanaan kinerja.", 2020),
    Recommendation("2", "Melengkapi definisi operasional IKU.", 2019, True, "SK Kadis 2020"),
    Recommendation("4", "Menindaklanjuti rekomendasi evaluasi internal.", 2019, False),
)


@pytest.fixture(scope="module")
def workbook():
    data = lke_workbook(LKE, evaluation(), agency=AGENCY, year=2020)
    return openpyxl.load_workbook(io.BytesIO(data))


def _rows(sheet):
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_workbook_holds_every_criterion_and_the_total_of_the_core(workbook):
    assert workbook.sheetnames == ["LKE", "Ringkasan", "Perbedaan"]
    rows = _rows(workbook["LKE"])
    by_code = {row[0]: row for row in rows if isinstance(row[0], str)}
    for criterion in LKE.criteria:
        assert by_code[criterion.code][1] == criterion.text
    own, other, final = score_evaluation(LKE, evaluation())
    total = next(row for row in rows if row[1] == "Nilai Akuntabilitas Kinerja")
    assert Decimal(str(total[4])) == own.total
    assert Decimal(str(total[7])) == other.total
    assert Decimal(str(total[10])) == final.total == score(LKE, evaluation().final()).total
    predicate = next(row for row in rows if row[1] == "Predikat")
    assert predicate[10].startswith(final.predicate.code + " (")
    for component in final.components:  # component and sub-component rows carry their scores
        assert Decimal(str(by_code[component.component.code][10])) == component.score
        for sub in component.subscores:
            assert Decimal(str(by_code[sub.subcomponent.code][10])) == sub.score
            assert by_code[sub.subcomponent.code][9] == sub.grade.code
    # the agency's answer and evidence note beside the evaluator's
    assert by_code["1.b.1"][3:10] == ("Y", 1, "bukti 1.b.1", "T", 0, "PK belum ditandatangani",
                                      "T")
    cell = workbook["LKE"].cell(rows.index(total) + 1, 11)
    assert cell.number_format == "#,##0.00"


def test_the_summary_and_the_disagreements(workbook):
    own, other, final = score_evaluation(LKE, evaluation())
    rows = _rows(workbook["Ringkasan"])
    for component, o, e, f in zip(LKE.components, own.components, other.components,
                                  final.components, strict=True):
        row = next(r for r in rows if r[0] == component.code)
        assert [Decimal(str(v)) for v in row[2:6]] == [component.weight, o.score, e.score,
                                                       f.score]
    assert next(r for r in rows if r[1] == "Predikat")[5] == \
        f"{final.predicate.code} ({final.predicate.label})"
    differences = [r[0] for r in _rows(workbook["Perbedaan"])[7:] if r[0]]
    assert differences == ["1.b.1", "3.a.1"]


def test_the_workbook_in_english():
    book = openpyxl.load_workbook(io.BytesIO(lke_workbook(LKE, evaluation(), agency=AGENCY,
                                                          year=2020, lang="en")))
    assert book.sheetnames == ["LKE", "Summary", "Differences"]
    assert any(r[1] == "Performance planning" for r in _rows(book["Summary"]))


def test_the_lhe_document_holds_the_scores_the_predicate_and_the_recommendations():
    document = lhe_document(LKE, evaluation(), RECOMMENDATIONS, agency=AGENCY, region=REGION,
                            year=2020, evaluator="Drs. Penilai")
    final = score_evaluation(LKE, evaluation())[2]
    keys = {c.key: c for t in tables_of(document) for c in t.cells() if c.key}
    assert keys["lke:total:final"].value == final.total
    for component in final.components:
        assert keys[f"lke:component:{component.component.code}:final"].value == component.score
    texts = " ".join(getattr(b, "text", "") for _, b in blocks_of(document))
    assert f"predikat {final.predicate.code} ({final.predicate.label})" in texts


@pytest.fixture(scope="module")
def lhe_docx():
    data = lhe_bytes(LKE, evaluation(), RECOMMENDATIONS, agency=AGENCY, region=REGION,
                     year=2020, evaluator="Drs. Penilai", fmt="docx")
    return docx.Document(io.BytesIO(data))


def _docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_lhe_docx(lhe_docx):
    text = _docx_text(lhe_docx)
    final = score_evaluation(LKE, evaluation())[2]
    assert f"{final.predicate.code} ({final.predicate.label})" in text
    for component in final.components:
        assert format_id(component.score, 2) in text
    assert format_id(final.total, 2) in text
    assert "Menetapkan pedoman teknis perencanaan kinerja." in text  # this year's, component 1
    assert "[Draf]" in text  # components 2–4 have none: drafted from their unmet criteria
    assert "Melengkapi definisi operasional IKU." in text and "Sudah" in text  # last year's
    assert "Drs. Penilai" in text and "Inspektur Kabupaten Contoh," in text
    assert "Peraturan Menteri Pendayagunaan Aparatur Negara" in text


def test_a_component_with_every_criterion_met_gets_no_draft():
    all_yes = Evaluation(Sheet({c.code: Answer("Y") for c in LKE.criteria}))
    document = lhe_document(LKE, all_yes, (), agency=AGENCY, region=REGION, year=2020,
                            evaluator=None, lang="en")
    texts = " ".join(getattr(b, "text", "") for _, b in blocks_of(document))
    assert "[Draft]" not in texts and "All 25 criteria of this component are met." in texts
    assert "predicate BB (Very good)" in texts  # 80 of 100: every sub-component BB
    # no evaluator named: a line to write the name on, not a placeholder
    [signature] = [b for _, b in blocks_of(document) if isinstance(b, SignatureBlock)]
    assert signature.signatories[0].name == BLANK


def test_the_lhe_pdf_renders_with_its_predicate():
    data = lhe_bytes(LKE, evaluation(), RECOMMENDATIONS, agency=AGENCY, region=REGION,
                     year=2020, evaluator="Drs. Penilai", fmt=".pdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    final = score_evaluation(LKE, evaluation())[2]
    assert len(reader.pages) >= 5
    assert "LAPORAN HASIL" in text and format_id(final.total, 2) in text
    assert f"predikat {final.predicate.code}" in " ".join(text.split())


# --------------------------------------------------------------------------- the answers file


def answers(text: str):
    return parse_answers(textwrap.dedent(text), LKE, 2020, "jawaban.yaml")


def test_an_answers_file_is_read():
    read = answers("""\
        self:
          1.a.1: Y
          1.a.2: {answer: t, note: "Belum ada RPJPD"}
          1.c: {answer: A, note: terjaga}
        evaluator:
          1.a.1: {answer: T, note: "Pedoman belum ditetapkan"}
        inspector: Drs. Penilai
        recommendations:
          - {component: "1", text: "Menetapkan pedoman."}
          - {component: "2", text: "Definisi.", year: 2019, followed: true}
        """)
    assert read.self_assessment.answers["1.a.2"] == Answer("T", "Belum ada RPJPD")
    assert read.self_assessment.claims["1.c"].answer == "A"
    assert read.evaluator.answers["1.a.1"].answer == "T"
    assert read.inspector == "Drs. Penilai"
    assert read.recommendations == (Recommendation("1", "Menetapkan pedoman.", 2020),
                                    Recommendation("2", "Definisi.", 2019, True))


@pytest.mark.parametrize(("text", "code", "line"), [
    ("self:\n  9.z.9: Y\n", "LKE_ANSWERS_UNKNOWN_CRITERION", 2),
    ("self:\n  1.a.1: X\n", "LKE_ANSWERS_BAD_ANSWER", 2),
    ("self:\n  1.a: BB\n", "LKE_ANSWERS_BAD_ANSWER", 2),
    ("self:\n  1.a.1: Y\n  1.a.1: T\n", "LKE_ANSWERS_DUPLICATE", 3),
    ("selfie: {}\n", "LKE_ANSWERS_UNKNOWN_FIELD", 1),
    ("self: [Y]\n", "LKE_ANSWERS_EXPECTED_MAPPING", 1),
    ("self:\n  1.a.1: {answer: Y, evidence: x}\n", "LKE_ANSWERS_UNKNOWN_FIELD", 2),
    ("self:\n  1.a.1: [Y, T]\n", "LKE_ANSWERS_EXPECTED_VALUE", 2),
    ("self: {1.a.1: Y\n", "LKE_ANSWERS_YAML_SYNTAX", None),
    ("a: &x 1\nb: *x\n", "LKE_ANSWERS_YAML_ALIAS", 2),
    ("recommendations:\n  - {component: '9', text: x}\n", "LKE_ANSWERS_UNKNOWN_COMPONENT", 2),
    ("recommendations:\n  - {component: '1'}\n", "LKE_ANSWERS_MISSING_FIELD", 2),
    ("recommendations:\n  - {component: '1', text: x, year: 2030}\n", "LKE_ANSWERS_FUTURE_YEAR",
     2),
    ("recommendations:\n  - {component: '1', text: x, followed: maybe}\n",
     "LKE_ANSWERS_BAD_BOOLEAN", 2),
    ("", "LKE_ANSWERS_EMPTY", None),
    ("facts:\n  published_on: 2021-02-30\n", "LKE_ANSWERS_BAD_DATE", 2),
    ("facts:\n  deadline: 2021-02\n", "LKE_ANSWERS_BAD_DATE", 2),
    ("facts:\n  deadline: besok\n", "LKE_ANSWERS_BAD_DATE", 2),
    ("facts:\n  recommendations: 2\n  followed: 3\n", "LKE_ANSWERS_BAD_FACT", 3),
    ("facts:\n  followed: -1\n", "LKE_ANSWERS_OUT_OF_RANGE", 2),
])
def test_a_broken_answers_file_is_refused_with_its_code_and_line(text, code, line):
    with pytest.raises(InputError) as caught:
        answers(text)
    problem = caught.value.problems[0]
    assert problem.code == code
    assert problem.file == "jawaban.yaml"
    if line is not None:
        assert problem.line == line


def test_every_problem_of_an_answers_file_at_once():
    with pytest.raises(InputError) as caught:
        answers("self:\n  1.a.1: X\n  9.9: Y\nevaluator:\n  1.a.2: Q\n")
    assert [p.code for p in caught.value.problems] == [
        "LKE_ANSWERS_BAD_ANSWER", "LKE_ANSWERS_UNKNOWN_CRITERION", "LKE_ANSWERS_BAD_ANSWER"]


def test_a_large_or_deep_answers_file_is_refused(tmp_path):
    from sakip.io.lke_answers import LIMITS, load_answers

    big = tmp_path / "big.yaml"
    big.write_text("self:\n" + "  # x\n" * (LIMITS.max_bytes // 6 + 10))
    with pytest.raises(InputError) as caught:
        load_answers(big, LKE, 2020)
    assert caught.value.problems[0].code == "LKE_ANSWERS_TOO_LARGE"
    deep = "a: " + "[" * 20 + "]" * 20 + "\n"
    with pytest.raises(InputError) as caught:
        answers(deep)
    assert caught.value.problems[0].code == "LKE_ANSWERS_TOO_DEEP"


# --------------------------------------------------------------------------- sakip lke


def test_the_command_without_answers_scores_what_the_record_answers(capsys, belitung):
    assert main(["lke", str(EXAMPLE), "--year", "2020"]) == 0
    out = capsys.readouterr().out
    expected = score(LKE, as_sheet(suggest(LKE, belitung, 2020)))
    total = next(line for line in out.splitlines() if line.startswith("Jumlah"))
    assert total.split()[-1] == format_id(expected.total, 2)
    assert f"{expected.predicate.code} ({expected.predicate.label})" in out
    assert "2.a.2: Definisi operasional IKU belum lengkap." in out
    assert "IKU-04" in out  # a record missing
    assert "Tidak dapat dijawab dari rekam data (71 kriteria" in out
    assert "  1.a: 1.a.1, 1.a.2, 1.a.5" in out


def test_the_command_with_answers_writes_the_worksheet_and_the_lhe(tmp_path, capsys):
    file = tmp_path / "jawaban.yaml"
    file.write_text(textwrap.dedent("""\
        self:
          1.a.1: Y
          1.a.2: {answer: Y, note: RPJPD 2005-2025}
        evaluator:
          1.a.1: {answer: T, note: "Pedoman belum ditetapkan"}
        inspector: Drs. Penilai
        recommendations:
          - {component: "1", text: "Menetapkan pedoman teknis perencanaan kinerja."}
        """))
    xlsx = tmp_path / "lke.xlsx"
    assert main(["lke", str(EXAMPLE), "--year", "2020", "--answers", str(file),
                 "-o", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "Mandiri" in out and "Evaluator" in out and "Jawaban berbeda (1): 1.a.1" in out
    book = openpyxl.load_workbook(xlsx)
    row = next(r for r in _rows(book["LKE"]) if r[0] == "1.a.1")
    assert row[3:10] == ("Y", 1, None, "T", 0, "Pedoman belum ditetapkan", "T")
    report = tmp_path / "lhe.docx"
    assert main(["lke", str(EXAMPLE), "--year", "2020", "--answers", str(file),
                 "-o", str(report)]) == 0
    text = _docx_text(docx.Document(str(report)))
    assert "Menetapkan pedoman teknis perencanaan kinerja." in text and "Drs. Penilai" in text
    # an existing output is kept without --force
    assert main(["lke", str(EXAMPLE), "--year", "2020", "-o", str(report)]) == 1
    assert "OUTPUT_EXISTS" in capsys.readouterr().err


def test_a_broken_answers_file_gives_its_code_and_exit_1(tmp_path, capsys):
    file = tmp_path / "jawaban.yaml"
    file.write_text("self:\n  1.a.1: Ya\n")
    output = tmp_path / "lke.xlsx"
    assert main(["lke", str(EXAMPLE), "--year", "2020", "--answers", str(file),
                 "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert "LKE_ANSWERS_BAD_ANSWER" in err and f"{file}:2" in err
    assert not output.exists()
    assert main(["lke", str(EXAMPLE), "--year", "2020", "-o", str(tmp_path / "x.txt")]) == 1
    assert "OUTPUT_WRONG_EXTENSION" in capsys.readouterr().err


def test_the_lhe_as_html_and_an_unknown_format():
    html = lhe_bytes(LKE, evaluation(), RECOMMENDATIONS, agency=AGENCY, region=REGION,
                     year=2020, fmt="html").decode("utf-8")
    final = score_evaluation(LKE, evaluation())[2]
    assert "LAPORAN HASIL EVALUASI" in html and f"predikat {final.predicate.code}" in html
    with pytest.raises(ValueError):
        lhe_bytes(LKE, evaluation(), agency=AGENCY, region=REGION, year=2020, fmt="odt")


def test_the_facts_answer_the_criteria_the_record_cannot(belitung):
    from datetime import date

    read = answers("""\
        facts:
          published_on: 2021-03-31
          submitted_on: 2021-03-02
          deadline: 2021-02-28
          reviewed_on: 2021-02-20
          statement: true
          recommendations: 5
          followed: 5
        """)
    assert read.facts["deadline"] == date(2021, 2, 28) and read.facts["statement"] is True
    suggested = suggest(LKE, belitung, 2020, read.facts)
    assert {code: suggested[code].answer for code in ("3.a.4", "3.a.5", "3.a.6", "4.c.1")} == \
        {"3.a.4": "Y", "3.a.5": "Y", "3.a.6": "T", "4.c.1": "Y"}  # submitted after the deadline
