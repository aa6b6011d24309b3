"""The HTML file: one standalone page with the same tables, figures and numbers as the model."""

import re
from html.parser import HTMLParser

import pytest

from sakip.report.model import figures_of, tables_of
from tests.report_helpers import YEAR

pytest_plugins = ["tests.report_fixtures"]


class Cells(HTMLParser):
    """Captions and keyed cells of an HTML report."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: dict[str, list[str]] = {}
        self.captions: list[str] = []
        self._key: str | None = None
        self._caption = False
        self._text: list[str] = []
        self.images: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("td", "th") and attributes.get("data-key"):
            self._key, self._text = attributes["data-key"], []
        if tag in ("p", "figcaption") and ("caption" in (attributes.get("class") or "")
                                           or tag == "figcaption"):
            self._caption, self._text = True, []
        if tag == "br" and self._caption:
            self._text.append(" ")
        if tag == "img":
            self.images.append(attributes.get("src") or "")
        if tag in ("link", "script") or (tag == "img" and not (attributes.get("src") or "").startswith(
                "data:")):
            self.external.append(tag)

    def handle_data(self, data):
        if self._key is not None or self._caption:
            self._text.append(data)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._key is not None:
            self.keys.setdefault(self._key, []).append("".join(self._text))
            self._key = None
        if tag in ("p", "figcaption") and self._caption:
            self.captions.append(" ".join("".join(self._text).split()))
            self._caption = False


@pytest.fixture(scope="module")
def page(rendered) -> str:
    return rendered["html"].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(page) -> Cells:
    cells = Cells()
    cells.feed(page)
    return cells


def test_it_stands_alone(page, parsed):
    assert page.startswith("<!DOCTYPE html>") and '<html lang="id">' in page
    assert "<style>" in page and not parsed.external
    assert parsed.images and all(src.startswith(("data:image/png;base64,", "data:image/svg+xml;base64,"))
                                 for src in parsed.images)


def test_every_table_and_figure_with_its_number(parsed, document):
    expected = [f"Tabel {t.number} {t.caption}" for t in tables_of(document) if not t.borderless]
    assert [c for c in parsed.captions if c.startswith("Tabel")] == expected
    figures = [f"Grafik {f.number} {f.caption}" for f in figures_of(document)]
    assert [c for c in parsed.captions if c.startswith("Grafik")] == figures


def test_key_cells_are_the_models(parsed):
    assert parsed.keys[f"achievement:{YEAR}:IKU-01"][0] == "1.002,00"
    assert parsed.keys[f"achievement:{YEAR}:IKU-05"][0] == "145,79"
    assert parsed.keys[f"achievement:{YEAR}:IKU-04"][0] == "–a"
    assert set(parsed.keys[f"group:{YEAR}:T1"]) == {"560,24"}
    assert set(parsed.keys[f"absorption:{YEAR}:P1"]) == {"83,95"}
    assert parsed.keys[f"efficiency:{YEAR}:T1"] == ["480,77"]


def test_the_same_cells_as_the_model(parsed, document):
    model = {}
    for t in tables_of(document):
        for cell in t.cells():
            if cell.key:
                model.setdefault(cell.key, []).append(cell.text + (cell.marker or ""))
    assert parsed.keys == model


def test_contents_link_to_every_heading(page):
    links = re.findall(r'<li class="level(\d)"><a href="#([^"]+)">', page)
    assert len(links) > 30
    for _, target in links:
        assert f'id="{target}"' in page
