"""The DOCX as Word lays it out: the contents with page numbers; no word (and no number) wider
than the cell it sits in, so none is broken inside ("Hono|rer", "JUML|AH"), measured with the
glyph widths of DejaVu Sans, wider than the Arial the file asks for."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.oxml.ns import qn

from sakip.report import render
from sakip.report.tree_svg import Font, text_width

pytest_plugins = ["tests.report_fixtures"]

MARGINS_PT = 8.5  # the tables' left and right cell margins (85 twentieths of a point each)
BREAKS = re.compile(r"\s+|(?<=[-/])(?=[^\d\s])")  # spaces; after a hyphen or slash before a letter


@pytest.fixture(scope="module")
def word(document):
    return docx.Document(io.BytesIO(render(document, ".docx")))


def _too_narrow(word) -> list[str]:
    problems = []
    for table in word.tables:
        for tc in table._tbl.iter(qn("w:tc")):
            width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if width is None or width.get(qn("w:type")) != "dxa":
                continue
            room = int(width.get(qn("w:w"))) / 20 - MARGINS_PT
            for r in tc.iter(qn("w:r")):
                text = "".join(t.text or "" for t in r.iter(qn("w:t")))
                bold = r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
                sz = r.find(f"{qn('w:rPr')}/{qn('w:sz')}")
                size = (int(sz.get(qn("w:val"))) / 2 if sz is not None
                        else 8.5 if tc.find(f".//{qn('w:pStyle')}") is not None else 11.0)
                for w in BREAKS.split(text):
                    if text_width(w, Font(size, bold)) > room:
                        problems.append(f"{w!r} in {room:.1f} pt")
    return problems


def test_no_word_of_the_example_is_wider_than_its_table_cell(word):
    assert _too_narrow(word) == []


def test_the_contents_carry_page_numbers_in_order(word):
    body = word.element.body
    entries = [p for p in body.iter(qn("w:p"))
               if (p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
                   and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")).startswith("toc"))]
    assert len(entries) > 30
    pages = []
    for p in entries:
        runs = list(p.iter(qn("w:r")))
        last = runs[-1] if runs[-1].find(qn("w:fldChar")) is None else runs[-2]
        assert last.find(qn("w:tab")) is not None, "a tab before the page number"
        text = "".join("\t" if e.tag == qn("w:tab") else e.text or "" for e in last
                       if e.tag in (qn("w:t"), qn("w:tab")))
        pages.append(int(text.rsplit("\t", 1)[-1]))
    assert pages == sorted(pages) and pages[0] >= 1 and pages[-1] > 60


def test_word_is_asked_to_update_the_fields_on_opening(word):
    update = word.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_a_tables_lead_in_stays_with_its_caption(word):
    body = list(word.element.body)
    captions = [i for i, e in enumerate(body) if e.tag == qn("w:p")
                and (e.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None)
                and e.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "Caption"
                and "".join(e.itertext()).startswith("Tabel")]
    assert len(captions) > 40
    for index in captions:
        before = body[index - 1]
        if before.tag != qn("w:p") or not "".join(before.itertext()).strip():
            continue
        if before.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            continue  # a new page of another orientation starts with the caption
        assert before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, "".join(before.itertext())
