"""A report of a plan with little data: every gap is said, nothing crashes, nothing is invented."""

from sakip.report import Options, build_report, render
from sakip.report.model import BLANK, Paragraph, blocks_of, tables_of
from tests.conftest import plan_from
from tests.test_measure import DOC


def texts(document) -> str:
    return "\n".join(b.text for _, b in blocks_of(document) if isinstance(b, Paragraph))


def test_a_thin_plan_still_makes_a_whole_report():
    plan = plan_from(DOC)
    document = build_report(plan, 2020)
    said = texts(document)
    assert "Perjanjian Kinerja Tahun 2020 belum diisi (data belum tersedia)." in said
    assert "Komposisi belanja tahun 2020 belum diisi (data belum tersedia)." in said
    assert BLANK in "\n".join(
        s.name for _, b in blocks_of(document) if hasattr(b, "signatories") for s in b.signatories)
    assert "Isu-isu strategis belum diisi (data belum tersedia)." in said
    assert any("penjelasannya belum diisi" in c.text for t in tables_of(document) for c in t.cells()) \
        or "penjelasannya belum diisi" in "\n".join(
            i.text for _, b in blocks_of(document) if hasattr(b, "items") for i in b.items)
    for fmt in (".html", ".docx"):
        assert render(document, fmt)


def test_a_report_without_charts_has_no_figures():
    document = build_report(plan_from(DOC), 2020, Options(charts=False))
    assert "Grafik" not in render(document, ".html").decode("utf-8").split("<body", 1)[1]
