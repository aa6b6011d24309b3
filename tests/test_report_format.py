"""Numbers become text in one place, in Indonesian forms; sentences quote reasons as entered."""

import datetime
from decimal import Decimal

from sakip.core.model import Settings
from sakip.core.numbers import RoundingMode
from sakip.io.standard_scales import standard_scales
from sakip.report.format import Formatter, places_of
from sakip.report.narrative import clause
from sakip.report.text import EN, ID, Text

F = Formatter(Settings(), Text("id"), 2020)


def test_numbers_keep_their_entered_places_and_percentages_the_plans():
    assert places_of(Decimal("0.5")) == 1 and places_of(Decimal("80")) == 0
    assert F.number(Decimal("0.5")) == "0,5" and F.number(Decimal("13619")) == "13.619"
    assert F.number(Decimal("-5.93")) == "\u22125,93"  # a minus sign, not a hyphen
    assert F.percent(Decimal("1002")) == "1.002,00" and F.percent(Decimal("83.9451")) == "83,95"
    assert F.money(Decimal("5054687243")) == "5.054.687.243"
    assert F.rupiah(Decimal("5054687243")) == "Rp 5.054.687.243"
    assert F.number(None) == "–" and F.rupiah(None) == "–"


def test_truncation_is_a_setting():
    legacy = Formatter(Settings(rounding=RoundingMode.TRUNCATE), Text("id"), 2020)
    assert legacy.percent(Decimal("94.5473")) == "94,54"


def test_dates_and_counts():
    assert F.date("2020-12-08") == "8 Desember 2020" and F.date("2019-08") == "Agustus 2019"
    assert F.date(datetime.date(2021, 3, 31)) == "31 Maret 2021" and F.date("2020") == "2020"
    assert F.count(7) == "7 (tujuh)" and F.count(46) == "46"
    assert Formatter(Settings(), Text("en"), 2020).count(7) == "7"


def test_scale_bands_in_words():
    scales = {s.code: s for s in standard_scales()}
    predicate, category = scales["predikat-permenpan"], scales["kategori-permendagri-54-2010"]
    assert [F.band_range(predicate, b) for b in predicate.bands] == ["< 100", "= 100", "> 100"]
    assert F.band_range(category, category.bands[3]) == "≥ 75 s.d. < 90"
    akip = scales["predikat-akip"]
    assert F.band_range(akip, akip.bands[1]) == "> 30 s.d. ≤ 50"


def test_a_reason_follows_dikarenakan():
    assert clause("Belanja makan tidak direalisasikan.") == "belanja makan tidak direalisasikan."
    assert clause("PIPA dilaksanakan  virtual") == "PIPA dilaksanakan virtual."


def test_the_catalogue_is_complete_in_indonesian():
    assert set(EN) <= set(ID)
    for key, template in EN.items():
        fields = {part.split("}")[0] for part in template.split("{")[1:]}
        original = {part.split("}")[0] for part in ID[key].split("{")[1:]}
        assert fields <= original, key


def test_every_key_the_report_uses_is_in_the_catalogue():
    import re
    from pathlib import Path

    import sakip.report

    root = Path(sakip.report.__file__).parent
    used = set()
    for source in root.rglob("*.py"):
        used |= set(re.findall(r'\bt\("([a-z0-9_.]+)"', source.read_text(encoding="utf-8")))
    assert used and not used - set(ID)
