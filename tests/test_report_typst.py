"""The Typst source of the PDF: any text stays text, long row spans split at page breaks, the
pages of headings."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pypdf
import typst
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.report.model import (
    Cell,
    Chapter,
    ChapterKind,
    Column,
    Contents,
    Document,
    Paragraph,
    Row,
    Section,
    Span,
    finalize,
    table,
)
from sakip.report.render_typst import (
    KEPT_SPAN,
    heading_pages,
    inline,
    render_pdf,
    span_splits,
    string,
    typst_source,
)

# any character a string can hold in UTF-8 (no lone surrogates)
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
NASTY = ('#set text(red) *bold* _it_ $x^2$ @ref <label> \\ // comment /* x */ [a] {b} ~ '
         '"quoted" \'single\' `raw` = heading - item + item 1. enum https://x.id #"str"')


def query_value(markup: str) -> Any:
    compiler = typst.Compiler(markup.encode("utf-8"))
    return json.loads(compiler.query("<x>", field="value", one=True))


def flatten(content: Any) -> str:
    if isinstance(content, str):
        return content
    kind = content.get("func")
    if kind == "text":
        return str(content["text"])
    if kind == "linebreak":
        return "\n"
    if kind == "space":
        return " "
    if kind == "sequence":
        return "".join(flatten(c) for c in content["children"])
    if kind in ("strong", "emph"):
        return flatten(content["body"])
    raise AssertionError(content)


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_any_string_is_read_back_as_itself(text: str) -> None:
    assert query_value(f"#metadata({string(text)})<x>") == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXT, st.booleans(), st.booleans()), min_size=1, max_size=4))
def test_any_text_prints_as_text(parts: list[tuple[str, bool, bool]]) -> None:
    spans = [Span(text, bold=bold, italic=italic) for text, bold, italic in parts]
    assert flatten(query_value(f"#metadata([{inline(spans)}])<x>")) == "".join(t for t, _, _ in parts)


def small_document(text: str = NASTY, rows: int = 3) -> Document:
    cells = [Row((Cell(f"Kelompok {text}", rowspan=rows), Cell(f"baris {n}"))) for n in range(1)]
    cells += [Row((Cell(f"baris {n}"),)) for n in range(1, rows)]
    grid = table("t1", f"Tabel {text}", (Column(1), Column(2)), ((Cell("Kelompok"), Cell("Isi")),), cells)
    chapters = (
        Chapter("isi", ChapterKind.FRONT, "DAFTAR ISI", blocks=(Contents("DAFTAR ISI"),)),
        Chapter("bab-1", ChapterKind.BODY, "PENDAHULUAN", label="BAB I", sections=(
            Section("satu", f"Bagian {text}", blocks=(Paragraph((Span(text), Span(text, bold=True))),
                                                      Paragraph((Span("Tabel berikut."),)), grid)),)),
    )
    return finalize(Document(f"Judul {text}", "Dinas Contoh", 2020, "id", chapters))


def test_markup_in_every_kind_of_text_prints_as_written() -> None:
    data = render_pdf(small_document())
    reader = pypdf.PdfReader(io.BytesIO(data))
    printed = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in (NASTY, f"Bagian {NASTY}", f"Tabel {NASTY}"):
        assert " ".join(expected.split()) in printed, expected
    words = set(printed.split())  # the table's cell wraps in its narrow column
    assert {w for w in NASTY.split() if not w.startswith("https")} <= words
    assert reader.metadata is not None and reader.metadata.title == f"Judul {NASTY}"


def test_heading_pages() -> None:
    pages = heading_pages(small_document())
    assert pages == {"isi": 1, "bab-1": 2, "satu": 2}


def test_a_long_span_is_split_where_a_page_begins() -> None:
    document = small_document("x", rows=KEPT_SPAN + 6)
    # rows 0–3 on page 2, rows 4–9 on page 3: the span starting at row 0 splits at its 5th row
    pages = {"t1": {n: 2 if n < 4 else 3 for n in range(1, KEPT_SPAN + 6)}}
    assert span_splits(document, pages) == {"t1/0/0": [4]}
    assert span_splits(document, {"t1": dict.fromkeys(range(1, KEPT_SPAN + 6), 2)}) == {}
    source, _ = typst_source(document)
    assert 'sk-span("t1/0/0", 0, 1, 10,' in source  # placed by its column and row, to be split


def test_a_long_span_splits_in_the_pdf() -> None:
    document = small_document("x", rows=120)  # more rows than a page holds
    data = render_pdf(document)
    reader = pypdf.PdfReader(io.BytesIO(data))
    continued = [page.extract_text() for page in reader.pages[2:]]
    assert len(continued) >= 2 and all("Kelompok x" in text for text in continued)


def test_a_row_is_never_split_across_pages() -> None:
    # cells are breakable (so Typst lays their text out once) but their text is an unbreakable
    # block: a row that does not fit at the foot of a page moves whole to the next page
    rows = [Row((Cell(f"baris {n}\nkedua {n}\nketiga {n}\nkeempat {n}\nkelima {n}"), Cell(f"isi {n}")))
            for n in range(70)]
    grid = table("t1", "Tabel panjang", (Column(1), Column(2)), ((Cell("Kelompok"), Cell("Isi")),), rows)
    chapter = Chapter("bab-1", ChapterKind.BODY, "PENDAHULUAN", label="BAB I", sections=(
        Section("satu", "Bagian", blocks=(Paragraph((Span("Tabel berikut."),)), grid)),))
    document = finalize(Document("Judul", "Dinas Contoh", 2020, "id", (chapter,)))
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document)))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) >= 3
    for n in range(70):
        lines = [re.compile(rf"\b{word} {n}\b") for word in ("baris", "kedua", "ketiga", "keempat",
                                                            "kelima", "isi")]
        holding = [page for page in pages if any(line.search(page) for line in lines)]
        assert len(holding) == 1 and all(line.search(holding[0]) for line in lines), n
