"""Findings are values: ordered, rendered in Indonesian or English, serialised for machines."""

from __future__ import annotations

from sakip.review.findings import Finding, Location, Severity, counts, has_errors, ordered


def make(code: str, severity: Severity, line: int | None) -> Finding:
    return Finding(code, severity, Location(table="Tabel 3.3", row="A", line=line),
                   "pesan", "message", expected="1", found="2")


def test_errors_come_first_then_by_line_and_duplicates_are_dropped():
    a, b, c = make("B", Severity.WARNING, 1), make("A", Severity.ERROR, 9), make("C", Severity.ERROR, 3)
    assert [f.code for f in ordered([a, b, c, c])] == ["C", "A", "B"]


def test_a_finding_renders_its_place_and_serialises_without_empty_fields():
    finding = make("ROW_ACHIEVEMENT", Severity.ERROR, 12)
    assert finding.render() == ("[kesalahan] ROW_ACHIEVEMENT — Tabel 3.3, baris 'A', "
                                "baris teks 12: pesan")
    assert finding.render("en").startswith("[error] ROW_ACHIEVEMENT")
    assert finding.to_dict()["location"] == {"table": "Tabel 3.3", "row": "A", "line": 12}


def test_counts_and_errors():
    findings = [make("A", Severity.ERROR, 1), make("B", Severity.INFO, 2)]
    assert counts(findings) == {"error": 1, "warning": 0, "info": 1}
    assert has_errors(findings) and not has_errors(findings[1:])
