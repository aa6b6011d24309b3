"""The English reports are English: the catalogue (sakip/report/text.py) has an English entry for
every Indonesian key, with the same placeholders, and the English LKjIP, LHE and LKjIP Pemda
print none of the Indonesian words that only Indonesian prose has.

How the reports are checked. The example's own data are Indonesian (names of goals, indicators,
programmes, narratives, definitions, remarks, the scales' labels loaded with the plan) and stay
so in the English report, so a search of the English report itself would find them. The check
therefore builds each report from a *masked* copy of its data: every string in the plan (and in
the LKE, the evaluation and the recommendations for the LHE) has each of the words below
replaced by a neutral token, everything else unchanged (codes, numbers, units, dates, the
structure), so the report is built by the same paths. Any of these words left in the English
output was then written by Sakip itself: by the catalogue, or by a fixed string somewhere else
in the code. ``Text.strict`` is on while the reports are built, so a key without an English
entry fails there instead of falling back to Indonesian. Each check also builds the same masked
data in Indonesian and finds the words there, which shows the walk reaches the catalogue's text
and the check can fail."""

from __future__ import annotations

import re
import string

import pytest

from benchmarks.generate_region import generate_full_region
from sakip.io.plan_file import load_plan
from sakip.report import Options, build_report
from sakip.report.lhe import lhe_document
from sakip.report.model import blocks_of, tables_of
from sakip.report.region import build_region_report
from sakip.report.text import EN, ID, Text
from tests.conftest import EXAMPLE
from tests.report_helpers import YEAR, masked, texts
from tests.test_lke_outputs import LKE, RECOMMENDATIONS, evaluation

INDONESIAN = ("yang", "dengan", "dan", "untuk", "tahun", "belum", "tidak", "sebesar", "adalah",
              "dalam", "sebagai")
WORDS = re.compile(r"\b(" + "|".join(INDONESIAN) + r")\b", re.IGNORECASE)
TOKEN = "xx"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def mask(value: object, memo: dict[int, object]) -> object:
    """``value`` with the Indonesian words of every string in it replaced by a token."""
    return masked(value, WORDS, TOKEN, memo=memo)


def indonesian(document: object) -> list[tuple[str, str]]:
    return [(m[0], text[:160]) for text in texts(document) for m in WORDS.finditer(text)]


@pytest.fixture
def strict(monkeypatch):
    monkeypatch.setattr(Text, "strict", True)


# ---------------------------------------------------------------------------- the catalogue


def test_every_indonesian_key_has_an_english_entry_and_no_other():
    assert [key for key in ID if key not in EN] == []
    assert [key for key in EN if key not in ID] == []


def test_each_english_entry_has_the_placeholders_of_its_indonesian_one():
    differ = {key: (sorted(placeholders(ID[key])), sorted(placeholders(EN[key])))
              for key in ID if placeholders(ID[key]) != placeholders(EN.get(key, ID[key]))}
    assert differ == {}


def test_no_english_template_holds_an_indonesian_word_of_its_own():
    own = {key: WORDS.findall(re.sub(r"\{[^{}]*\}", " ", template))
           for key, template in EN.items()}
    assert {key: words for key, words in own.items() if words} == {}
    assert WORDS.findall(re.sub(r"\{[^{}]*\}", " ", ID["foreword.p2"]))  # the check can fail


def test_a_missing_english_entry_falls_back_at_run_time_and_fails_when_strict(monkeypatch):
    monkeypatch.delitem(EN, "ch4.title")
    assert Text("en")("ch4.title") == ID["ch4.title"] == "PENUTUP"  # a report never fails
    monkeypatch.setattr(Text, "strict", True)
    with pytest.raises(KeyError, match=r"ch4\.title"):
        Text("en")("ch4.title")
    assert Text("id")("ch4.title") == "PENUTUP"


# ---------------------------------------------------------------------------- the reports


@pytest.fixture(scope="module")
def masked_plan():
    return mask(load_plan(EXAMPLE), {})


def test_the_english_lkjip_prints_no_indonesian_word_of_its_own(strict, masked_plan):
    document = build_report(masked_plan, YEAR, Options(lang="en", charts=False))
    assert indonesian(document) == []
    assert "FOREWORD" in [chapter.heading for chapter in document.chapters]
    indonesian_report = build_report(masked_plan, YEAR, Options(lang="id", charts=False))
    assert len(indonesian(indonesian_report)) > 100


def test_the_masked_plan_builds_the_same_report_whose_data_words_it_hides(strict, masked_plan,
                                                                          belitung):
    masked = build_report(masked_plan, YEAR, Options(lang="en", charts=False))
    plain = build_report(belitung, YEAR, Options(lang="en", charts=False))
    assert [t.caption for t in tables_of(masked)] == [
        WORDS.sub(TOKEN, t.caption) for t in tables_of(plain)]
    assert [b.__class__ for _, b in blocks_of(masked)] == [b.__class__ for _, b in blocks_of(plain)]
    # the example's own data are Indonesian and stay so in its English report
    assert ("yang", "Persentase PMKS yang tertangani") in indonesian(plain)


def test_the_english_region_report_prints_no_indonesian_word_of_its_own(strict):
    region, plans = generate_full_region(2, with_plan=load_plan(EXAMPLE))
    memo: dict[int, object] = {}
    region, plans = mask(region, memo), [mask(plan, memo) for plan in plans]
    document = build_region_report(region, plans, YEAR, Options(lang="en", charts=False))
    assert indonesian(document) == []
    indonesian_report = build_region_report(region, plans, YEAR, Options(lang="id", charts=False))
    assert len(indonesian(indonesian_report)) > 50


def test_the_english_lhe_prints_no_indonesian_word_of_its_own(strict):
    memo: dict[int, object] = {}
    data = mask(LKE, memo), mask(evaluation(), memo), mask(RECOMMENDATIONS, memo)
    names = {"agency": "Agency A", "region": "Region R", "year": 2020, "evaluator": "Evaluator E"}
    document = lhe_document(*data, **names, lang="en")  # type: ignore[arg-type]
    assert indonesian(document) == []
    assert len(indonesian(lhe_document(*data, **names, lang="id"))) > 10  # type: ignore[arg-type]
