"""Targets stated in the text against the tables' targets (TEXT_TARGET)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip.review.findings import Finding, Severity
from sakip.review.report import review_text

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_bb86155ac535db3a.txt"

TABLE = """
Tabel 3.22
Capaian Kinerja Tujuan/Sasaran Strategis 3 Tahun 2020

| No | Indikator Kinerja | Target | Realisasi | % Capaian |
| 1 | Kabupaten Layak Anak (KLA) | 75 | 60,9 | 81,20 |
| 2 | Prevalensi kekerasan terhadap anak | 5,0 | 2,84 | 143,20 |
"""


def findings(text: str) -> list[Finding]:
    return [f for f in review_text(text, 2020)[1] if f.code == "TEXT_TARGET"]


@pytest.mark.parametrize("sentence", [
    "1. **Kabupaten Layak Anak (KLA)**, yang targetnya pada tahun 2020 adalah {v} di Kabupaten Belitung.",
    "Target Kabupaten Layak Anak (KLA) tahun 2020 sebesar {v}.",
])
def test_a_target_in_the_text_that_the_table_prints_differently(sentence):
    [finding] = findings(TABLE + "\n" + sentence.format(v="80%") + "\n")
    assert finding.severity is Severity.ERROR
    assert finding.found == "80%" and finding.expected == "75"
    assert "Tabel 3.22" in finding.message_id and "tahun 2020" in finding.message_id
    assert finding.related[0].table == "Tabel 3.22"
    assert not findings(TABLE + "\n" + sentence.format(v="75%") + "\n")


def test_a_target_of_another_year_is_not_compared_with_this_years():
    text = TABLE + "\nKabupaten Layak Anak (KLA), yang targetnya pada tahun 2023 adalah 85%.\n"
    assert not findings(text)


def test_a_name_no_table_holds_is_left_alone():
    text = TABLE + "\nIndeks Kepuasan Masyarakat, yang targetnya pada tahun 2020 adalah 80.\n"
    assert not findings(text)


@pytest.mark.skipif(not SEED.exists(), reason="the seed report is not beside the repo")
def test_the_seeds_targets_agree_and_a_changed_one_is_found():
    text = SEED.read_text(encoding="utf-8")
    assert not findings(text)
    changed = text.replace("yang targetnya pada tahun 2020 adalah 75%",
                           "yang targetnya pada tahun 2020 adalah 80%")
    [finding] = findings(changed)
    assert finding.found == "80%" and "Kabupaten Layak Anak" in finding.message_id
