"""The example's HTML report in Chromium at 1280 and 1366 px: tables take the window's width,
no number wraps, and no word of a table is broken inside ("Hono|rer", "-1.18|6,00")."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip.report import Options, build_report, render
from tests.report_helpers import YEAR

pytest_plugins = ["tests.report_fixtures"]

MEASURE = """() => {
  const breaks = /(?<=[-\\/])(?=[^\\d\\s])/;
  const body = document.body.getBoundingClientRect();
  const style = getComputedStyle(document.body);
  const room = body.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const narrow = [], wrapped = [], broken = [];
  for (const table of document.querySelectorAll("div.table > table")) {
    const width = table.getBoundingClientRect().width;
    if (width < room - 1) narrow.push([table.parentElement.id, Math.round(width), Math.round(room)]);
    for (const cell of table.querySelectorAll("td, th")) {
      if (cell.classList.contains("num")) {
        const range = document.createRange();  // the number, without its note's letter
        range.selectNodeContents(cell.firstChild || cell);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1 || cell.scrollWidth > cell.clientWidth + 1) wrapped.push(cell.textContent);
      }
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent;
        const pattern = /\\S+/g;
        let match;
        while ((match = pattern.exec(text)) !== null) {
          let start = match.index;
          for (const piece of match[0].split(breaks)) {
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + piece.length);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (tops.size > 1) broken.push(piece);
            start += piece.length;
          }
        }
      }
    }
  }
  return {tables: document.querySelectorAll("div.table > table").length, narrow, wrapped, broken};
}"""


@pytest.fixture(scope="module")
def report_html(belitung, tmp_path_factory) -> Path:
    document = build_report(belitung, YEAR, Options(charts=False))
    path = tmp_path_factory.mktemp("html") / "lkjip.html"
    path.write_bytes(render(document, ".html"))
    return path


@pytest.mark.parametrize("width", [1280, 1366])
def test_tables_take_the_window_width_and_no_number_or_word_breaks(browser, report_html, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(report_html.as_uri())
        found = page.evaluate(MEASURE)
    finally:
        page.close()
    assert found["tables"] > 40
    assert found["narrow"] == []
    assert found["wrapped"] == []
    assert found["broken"] == []
