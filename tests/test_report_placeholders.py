"""No placeholder printed as content in the example's report: a name or a date not known is a
line left blank to write on (and the plan review names what is missing), never text such as
"(nama belum tersedia)" or "……… Maret 2021"; no note points at the source report's table
numbers, no "(laporan asli)" source, no "n/a" cell; a negative number has a minus sign."""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterator

import pytest

from sakip.report import Options, build_report
from sakip.report.model import BLANK, Signatory, SignatureBlock, blocks_of, tables_of
from tests.report_helpers import YEAR, by_caption
from tests.report_helpers import texts as walk

pytest_plugins = ["tests.report_fixtures"]

PLACEHOLDERS = re.compile(
    # an ellipsis for something to fill in ("……… Maret 2021"), not a decimal that goes on (100,306…)
    r"\(nama belum tersedia\)|\(name not yet available\)|\(tanggal belum tersedia\)|(?<!\d)(…|\.\.\.)|"
    r"laporan asli|(?<![\w/])n/a(?![\w/])|\bTBD\b|\bxxx\b|Lorem", re.IGNORECASE)
# "Tabel 3.17" of the source report in a note of ours would point at another table here
TABLE_MENTION = re.compile(r"\bTabel (\d+|L)\.(\d+)\b")


def texts(value: object) -> Iterator[str]:
    """Every string of the document a reader sees, but the figures' images."""
    return walk(value, frozenset({"id", "key", "ref", "png", "svg", "marker"}))


def test_no_placeholder_text_anywhere_in_the_example(document):
    found = [(m[0], text) for text in texts(document.chapters) for m in PLACEHOLDERS.finditer(text)]
    assert found == []


def test_a_table_named_in_a_text_is_that_table_of_this_report(document):
    numbers = {t.number for t in tables_of(document) if t.number}
    captions = {f"Tabel {t.number}" for t in tables_of(document)}
    wrong = [text for text in texts(document.chapters) if text not in captions
             for m in TABLE_MENTION.finditer(text) if f"{m[1]}.{m[2]}" not in numbers]
    assert wrong == []


def test_negative_numbers_print_a_minus_sign_not_a_hyphen(document):
    cells = [c.text for t in tables_of(document) for c in t.cells() if c.value is not None]
    negative = [c for t in tables_of(document) for c in t.cells()
                if c.value is not None and c.value < 0]
    assert negative, "the example has negative figures (the change in PMKS in 2019)"
    assert all(c.text.startswith("\u2212") for c in negative)
    assert not [text for text in cells if re.match(r"^-\d", text)]


def test_unknown_names_and_dates_are_lines_to_write_on(belitung):
    document = build_report(belitung, YEAR, Options(charts=False))
    blocks = [b for _, b in blocks_of(document) if isinstance(b, SignatureBlock)]
    names = [s.name for b in blocks for s in b.signatories]
    assert BLANK in names  # the example has no regent's name: a line for it
    foreword = blocks[0]
    assert foreword.place_date == f"Tanjungpandan, {BLANK}"
    dated = build_report(belitung, YEAR, Options(charts=False, date=datetime.date(2021, 3, 15)))
    first = next(b for _, b in blocks_of(dated) if isinstance(b, SignatureBlock))
    assert first.place_date == "Tanjungpandan, 15 Maret 2021"
    assert isinstance(first.signatories[0], Signatory)


@pytest.mark.parametrize("name", ["Sahani Saleh"])
def test_a_known_name_is_printed(belitung, name):
    region = dataclasses.replace(belitung.region, head_name=name)
    plan = dataclasses.replace(belitung, region=region)
    document = build_report(plan, YEAR, Options(charts=False))
    names = [s.name for _, b in blocks_of(document) if isinstance(b, SignatureBlock)
             for s in b.signatories]
    assert name in names


def test_formulas_are_printed_as_a_person_writes_them(document):
    definitions = by_caption(document, "Definisi Operasional dan Rumus Indikator Kinerja Utama")
    formulas = [line for row in definitions.rows for line in row.cells[2].text.split("\n")
                if line.startswith("Rumus:")]
    assert "Rumus: Jumlah PMKS yang memperoleh bantuan sosial ÷ Jumlah PMKS × 100" in formulas
    assert any("× 10.000" in f for f in formulas)
    assert not [f for f in formulas if re.search(r"\[n|\*|_", f)]


def test_the_annex_forms_are_signed_by_the_head(document):
    annex = next(c for c in document.chapters if c.id == "lampiran")
    sections = {s.id: s for s in annex.sections}
    for id in ("lampiran-pk", "lampiran-rkt", "lampiran-pkk", "lampiran-pps"):
        signed = [b for b in sections[id].blocks if isinstance(b, SignatureBlock)]
        assert signed, id
        assert "H. NURMAN SUNANDA, SE., MM" in [s.name for s in signed[-1].signatories]
    assert sections["lampiran-pkk"].landscape and sections["lampiran-pps"].landscape
