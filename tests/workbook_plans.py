"""Plans for the workbook tests: one that fills every field, a large one, and a strategy.

Text in the workbook is stripped and cannot hold control characters or carriage returns, so
generated text avoids them; an empty string is an empty cell, so generated text is never
empty.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from sakip.core.enums import (
    ActualStatus,
    Aggregation,
    AgreementKind,
    Closed,
    Frequency,
    IndicatorKind,
    Level,
    NarrativeKind,
    NegativeFormula,
    Polarity,
    RegionKind,
    ScaleKind,
    SpendingKind,
)
from sakip.core.model import (
    Activity,
    Actual,
    Agency,
    AgreementItem,
    AgreementVersion,
    Band,
    Baseline,
    Budget,
    Contribution,
    Goal,
    Indicator,
    Mission,
    Narrative,
    Objective,
    Official,
    Plan,
    Program,
    Region,
    RegionGoal,
    RegionObjective,
    Revision,
    Scale,
    Series,
    Settings,
    SpendingLine,
    StrategicPlan,
    Strategy,
    SupportingTable,
    Target,
    Unit,
)
from sakip.core.numbers import RoundingMode
from sakip.io.standard_scales import standard_scales

D = Decimal
HEAD = Official("Dra. Hj. Contoh, M.Si", "Kepala Dinas", "Pembina Utama Muda (IV/c)",
                "196512311990031001")
REGENT = Official(None, "Bupati Belitung")


def full_plan() -> Plan:
    """A small plan in which every field of the model holds a value."""
    return Plan(
        region=Region(
            name="Kabupaten Belitung", kind=RegionKind.REGENCY, head_title="Bupati",
            head_name="Sahani Saleh", rpjmd_start=2018, rpjmd_end=2023,
            vision="Belitung yang maju,\nsejahtera dan religius",
            missions=(Mission("M1", "Meningkatkan kualitas SDM"), Mission("M2", "Misi dua")),
            goals=(RegionGoal("TD1", "Meningkatnya kualitas hidup", "M1"),
                   RegionGoal("TD2", "Tujuan daerah dua")),
            objectives=(RegionObjective("SD1", "Menurunnya angka kemiskinan", "TD1"),
                        RegionObjective("SD2", "Sasaran daerah dua", "TD2")),
            indicators=(
                Indicator("IKP-01", "Persentase penduduk miskin", Level.OBJECTIVE, "SD1",
                          unit="%", polarity=Polarity.NEGATIVE, key=True,
                          definition="Penduduk di bawah garis kemiskinan", data_source="BPS",
                          frequency=Frequency.YEARLY, baseline=Baseline(2018, D("8.71")),
                          targets=(Target(2020, D("8.2")), Target(2020, D("8.4"), quarter=2)),
                          actuals=(Actual(2020, D("8.4"), note="BPS Maret"),)),
                Indicator("IKP-02", "Indeks pembangunan manusia", Level.GOAL, "TD1"),
            ),
            contributions=(Contribution("SD1", "1.06.01", ("IKU-01", "IKU-02"), "Penanganan PMKS"),
                           Contribution("SD1", "1.02.01")),
        ),
        agency=Agency(
            code="1.06.01", name="Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
            short_name="DSPPPA", address="Jl. Jend. Sudirman, Tanjungpandan",
            phone="0719-21000", legal_basis_of_organisation="Perbup Belitung 55/2016",
            position="Unsur pelaksana urusan pemerintahan", task="Membantu Bupati",
            functions=("Perumusan kebijakan", "Pelaksanaan kebijakan"),
            head=HEAD,
            units=(
                Unit("sek", "Sekretariat", "Urusan umum", ("Surat-menyurat", "Keuangan")),
                Unit("rehsos", "Bidang Rehabilitasi Sosial",
                     head=Official("Budi, S.Sos", "Kepala Bidang", "Pembina (IV/a)",
                                   "197001011995031002")),
                Unit("lansia", "Seksi Rehabilitasi Lanjut Usia", parent="rehsos"),
            ),
        ),
        strategic_plan=StrategicPlan(
            name="Renstra DSPPPA 2018-2023", start=2019, end=2023, baseline_year=2018,
            revisions=(
                Revision("2020-12-08", "renstra", "Perbup 60/2020", "Renstra Perubahan"),
                Revision("2021-01", "iku"),
            ),
        ),
        goals=(Goal("T1", "Meningkatnya kesejahteraan PMKS", "M1", ("SD1",)),
               Goal("T2", "Tujuan dua")),
        objectives=(Objective("S1", "Meningkatnya penanganan PMKS", "T1", ("SD1", "SD2")),
                    Objective("S2", "Sasaran dua", "T2")),
        strategies=(
            Strategy("ST1", "Strategi satu", ("S1", "S2"), ("Kebijakan a", "Kebijakan b")),
            Strategy("ST2", "Strategi dua"),
        ),
        programs=(Program("P1", "Pelayanan dan Rehabilitasi Kesejahteraan Sosial", "S1",
                          "rehsos"),
                  Program("P2", "Program belum dikaitkan")),
        activities=(
            Activity("K1.1", "Pelayanan Lanjut Usia", "P1", None, "Lansia terlayani",
                     "Terpenuhinya kebutuhan lansia", "rehsos"),
            Activity("K1.1.1", "Sub kegiatan", "P1", "K1.1"),
            Activity("K2.1", "Kegiatan dua", "P2"),
        ),
        indicators=(
            Indicator(
                code="IKU-01", name="Persentase penurunan PMKS", level=Level.GOAL, owner="T1",
                unit="%", precision=2, polarity=Polarity.POSITIVE, aggregation=Aggregation.LAST,
                formula="(pmks[n-1] - pmks[n]) / pmks[n-1] * 100",
                definition="Penurunan jumlah PMKS", data_source="Dinsos", key=True,
                calculation="PMKS tahun lalu dikurangi PMKS tahun ini, dibagi PMKS tahun lalu",
                rationale="Mengukur hasil penanganan", frequency=Frequency.YEARLY,
                responsible="Kepala Bidang Rehabilitasi Sosial",
                kind=IndicatorKind.OUTCOME,
                baseline=Baseline(2018, D("73.85")),
                targets=(Target(2019, D("0.5")),
                         Target(2020, D("0.5"), note="rencana aksi baru triwulan I"),
                         Target(2020, D("0.2"), quarter=1)),
                actuals=(
                    Actual(2019, D("-5.93")),
                    Actual(2020, D("5.01"), note="dari Tabel 3.5"),
                    Actual(2020, D("1.2"), quarter=1, status=ActualStatus.PROVISIONAL,
                           reason="belum final", drivers="Pendataan ulang bersama desa"),
                ),
            ),
            Indicator(
                code="IKU-02", name="Prevalensi kekerasan", level=Level.OBJECTIVE, owner="S1",
                unit="kasus per 10.000", precision=3, polarity=Polarity.NEGATIVE,
                negative_formula=NegativeFormula.T_OVER_R, aggregation=Aggregation.SUM,
                over_years=Aggregation.SUM,
                cap=D("120"),
                targets=(Target(2020, D("12.125")),),
                actuals=(Actual(2020, status=ActualStatus.NOT_AVAILABLE,
                                reason="data belum muncul dari BPS", expected="2021-06"),),
            ),
            Indicator(
                code="KLA", name="Predikat KLA", level=Level.PROGRAM, owner="P1",
                levels=("Pratama", "Madya", "Nindya", "Utama", "KLA"),
                baseline=Baseline(2018, text="Pratama"),
                targets=(Target(2020, text="Madya"),),
                actuals=(Actual(2020, text="Pratama"),),
            ),
            Indicator(
                code="IK-K1", name="Jumlah lansia", level=Level.ACTIVITY, owner="K1.1",
                unit="orang", precision=0, polarity=Polarity.STABILISE,
                aggregation=Aggregation.MEAN, kind=IndicatorKind.OUTPUT,
                targets=(Target(2020, D("10"), upper=D("12")),
                         Target(2020, D("10"), upper=D("12"), month=1)),
                actuals=(Actual(2020, D("11")),
                         Actual(2020, D("4"), month=1, obstacles="Data panti terlambat",
                                follow_up="Jadwal pendataan bulanan")),
                baseline=Baseline(2018),
            ),
        ),
        series=(Series("pmks", "Jumlah PMKS", "jiwa",
                       ((2018, D("13535")), (2019, D("14337"))), "Dinsos"),
                Series("empty", "Seri kosong")),
        budgets=(
            Budget("K1.1", 2020, D("389950000"), D("400000000"), D("347943750"), D("89.23"),
                   "DAU", "Efisiensi"),
            Budget("K1.1", 2020, spent=D("100000000"), physical=D("25.5"), quarter=1),
            Budget("K1.1", 2020, spent=D("247943750"), physical=D("89.23"), quarter=2,
                   explanation="Sisa tender"),
            Budget("K2.1", 2020, ceiling=D("1000.50"), spent=D("999.25")),
            Budget("K2.1", 2020, spent=D("500"), month=1),
            Budget("K2.1", 2020, spent=D("499.25"), month=2),
        ),
        spending=(
            SpendingLine(2020, SpendingKind.INDIRECT, "Belanja Tidak Langsung",
                         D("4463413000"), D("4322884240")),
            SpendingLine(2020, SpendingKind.DIRECT, "Belanja Langsung", D("5054687243"),
                         D("4093568301"), D("5771919940")),
        ),
        agreements=(
            AgreementVersion(2020, 0, AgreementKind.ORIGINAL, "2020-01", None, HEAD, REGENT,
                             (AgreementItem("IKU-01", D("0.5")),
                              AgreementItem("KLA", target_text="Madya"))),
            AgreementVersion(2020, 1, AgreementKind.AMENDMENT, "2020-10-02", "Refocusing",
                             HEAD, REGENT, (AgreementItem("IKU-01", D("0.4")),)),
        ),
        tables=(
            SupportingTable("PMKS", "Jumlah PMKS per jenis", ("No", "Jenis", "2019", "2020"),
                            ((D(1), "Anak balita terlantar", D(12), None),
                             (D(2), "Lanjut usia =terlantar", D("1234567.89"), D(7)),
                             (None, None, None, None)),
                            2020, "IKU-01", "Dinsos", "angka sementara"),
            SupportingTable("EMPTY", "Tabel tanpa baris", ("Kolom",), ()),
        ),
        narratives=(
            Narrative(NarrativeKind.PROBLEMS, "Kendala utama", "T1", 2020,
                      ("Data terlambat", "Anggaran dipotong")),
            Narrative(NarrativeKind.BACKGROUND, "Latar belakang laporan"),
            Narrative(NarrativeKind.IMPROVEMENTS, "", items=("Butir tanpa teks pengantar",)),
        ),
        scales=(
            *standard_scales(),
            Scale("kategori-lokal", "Kategori lokal", ScaleKind.CATEGORY, Closed.RIGHT,
                  (Band("Rendah", upper=D("50"), label_en="Low", color="#c62828"),
                   Band("Tepat", exactly=D("50")),
                   Band("Tinggi", lower=D("50"), upper=D("100"), closed=Closed.BOTH),
                   Band("Melampaui", lower=D("100"))),
                  "Perbup 1/2020"),
        ),
        settings=Settings(RoundingMode.TRUNCATE, 3, NegativeFormula.T_OVER_R, D("120"),
                          D("75.5"), "predikat-permenpan", "kategori-lokal", 1, True,
                          D("75"), D("130")),
    )


def minimal_plan() -> Plan:
    return Plan(
        region=Region("Kabupaten Contoh", RegionKind.REGENCY),
        agency=Agency("X", "Dinas Contoh"),
        strategic_plan=StrategicPlan("Renstra", 2019, 2023),
        scales=standard_scales(),
    )


def scaled_plan(copies: int) -> Plan:
    """``full_plan`` with its records repeated ``copies`` times under distinct codes."""
    base = full_plan()

    def code(text: str, n: int) -> str:
        return text if n == 0 else f"{text}#{n}"

    goals, objectives, programs, activities, indicators = [], [], [], [], []
    budgets, tables, narratives = [], [], []
    for n in range(copies):
        goals += [dataclasses.replace(g, code=code(g.code, n)) for g in base.goals]
        objectives += [dataclasses.replace(o, code=code(o.code, n), goal=code(o.goal, n))
                       for o in base.objectives]
        programs += [dataclasses.replace(p, code=code(p.code, n),
                                         objective=p.objective and code(p.objective, n))
                     for p in base.programs]
        activities += [dataclasses.replace(a, code=code(a.code, n), program=code(a.program, n),
                                           parent=a.parent and code(a.parent, n))
                       for a in base.activities]
        indicators += [dataclasses.replace(i, code=code(i.code, n), owner=code(i.owner, n))
                       for i in base.indicators]
        budgets += [dataclasses.replace(b, activity=code(b.activity, n)) for b in base.budgets]
        tables += [dataclasses.replace(t, code=code(t.code, n), subject=None)
                   for t in base.tables]
        narratives += [dataclasses.replace(x, subject=x.subject and code(x.subject, n))
                       for x in base.narratives]
    return dataclasses.replace(
        base, goals=tuple(goals), objectives=tuple(objectives), programs=tuple(programs),
        activities=tuple(activities), indicators=tuple(indicators), budgets=tuple(budgets),
        tables=tuple(tables), narratives=tuple(narratives), strategies=(), agreements=(),
    )


# --------------------------------------------------------------------------- hypothesis

_ALPHABET = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
    exclude_characters="\ufffe\uffff",
)
_WORD = st.text(_ALPHABET, min_size=1, max_size=12).map(str.strip).filter(bool)
TEXT = st.one_of(
    _WORD,
    st.lists(_WORD, min_size=2, max_size=4).map(" ".join),
    st.lists(_WORD, min_size=2, max_size=3).map("\n".join),
)
CODE = st.from_regex(r"[A-Z][A-Z0-9.\-]{0,6}", fullmatch=True)
LABEL = st.from_regex(r"[A-Za-z][A-Za-z0-9 ]{0,8}[A-Za-z0-9]", fullmatch=True)
DATE = st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)).map(dt.date.isoformat) | \
    st.from_regex(r"20[0-9]{2}-(0[1-9]|1[0-2])", fullmatch=True)
DECIMAL = st.one_of(
    st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False),
    st.decimals(min_value=0, max_value=10**12, places=0, allow_nan=False),
    st.decimals(min_value=-1000, max_value=1000, places=6, allow_nan=False),
    st.sampled_from([D("12345678901234567.89"), D("0.1"), D("1E+3"), D("-0")]),
)
MONEY = st.decimals(min_value=0, max_value=10**13, places=2, allow_nan=False)


def _opt(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Valid plans: references resolve, years sit inside the period, budgets are sane."""
    start = draw(st.integers(2000, 2030))
    end = start + draw(st.integers(0, 5))
    years = list(range(start, end + 1))
    used: set[str] = set()

    def codes(count_max: int) -> list[str]:
        found = draw(st.lists(CODE.filter(lambda c: c not in used), max_size=count_max,
                              unique=True))
        used.update(found)
        return found

    texts = st.lists(TEXT, max_size=3).map(tuple)
    nip = _opt(st.from_regex(r"[0-9]{18}", fullmatch=True))
    official = st.builds(Official, TEXT, _opt(TEXT), _opt(TEXT), nip) | st.builds(
        Official, st.none(), TEXT, _opt(TEXT), nip)
    missions = [Mission(c, draw(TEXT)) for c in codes(2)]
    units = [Unit(c, draw(TEXT), draw(_opt(TEXT)), draw(texts)) for c in codes(2)]
    unit_codes = [u.code for u in units]
    goals = [Goal(c, draw(TEXT), draw(_opt(st.sampled_from([m.code for m in missions])))
                  if missions else None) for c in codes(2)]
    objectives = [Objective(c, draw(TEXT), draw(st.sampled_from([g.code for g in goals])))
                  for c in (codes(3) if goals else [])]
    objective_codes = [o.code for o in objectives]
    strategies = [
        Strategy(c, draw(TEXT),
                 tuple(draw(st.lists(st.sampled_from(objective_codes), unique=True,
                                     max_size=2))) if objective_codes else (),
                 draw(texts))
        for c in codes(2)
    ]
    pick_unit = _opt(st.sampled_from(unit_codes)) if unit_codes else st.none()
    programs = [Program(c, draw(TEXT),
                        draw(_opt(st.sampled_from(objective_codes))) if objective_codes else None,
                        draw(pick_unit)) for c in codes(2)]
    activities: list[Activity] = []
    for program in programs:
        for c in codes(2):
            parents = [a.code for a in activities if a.program == program.code and not a.parent]
            parent = draw(_opt(st.sampled_from(parents))) if parents else None
            activities.append(Activity(c, draw(TEXT), program.code, parent, draw(_opt(TEXT)),
                                       draw(_opt(TEXT)), draw(pick_unit)))
    owners = ([(Level.GOAL, g.code) for g in goals] + [(Level.OBJECTIVE, c)
              for c in objective_codes] + [(Level.PROGRAM, p.code) for p in programs]
              + [(Level.ACTIVITY, a.code) for a in activities])
    series_codes = dict.fromkeys(s.lower().replace(".", "_").replace("-", "_")
                                 for s in codes(2))
    series = [Series(c, draw(TEXT), draw(_opt(TEXT)),
                     tuple(sorted(draw(st.dictionaries(st.integers(1990, 2040), DECIMAL,
                                                       max_size=3)).items())),
                     draw(_opt(TEXT)))
              for c in series_codes]
    indicators = [draw(_indicator(c, owners, years, [s.code for s in series]))
                  for c in (codes(4) if owners else [])]
    indicator_codes = [i.code for i in indicators]
    budgets = [draw(_budget(a.code, year)) for a in activities
               for year in draw(st.lists(st.sampled_from(years), unique=True, max_size=2))]
    spending = draw(st.lists(st.builds(
        SpendingLine, st.sampled_from(years), st.sampled_from(SpendingKind), TEXT,
        _opt(MONEY), st.just(None), _opt(MONEY)), max_size=2))
    agreements = []
    for year in draw(st.lists(st.sampled_from(years), unique=True, max_size=2)):
        for number in range(draw(st.integers(1, 2))):
            items = tuple(
                AgreementItem(code, draw(_opt(DECIMAL)), None) if draw(st.booleans())
                else AgreementItem(code, None, draw(TEXT))
                for code in draw(st.lists(st.sampled_from(indicator_codes), unique=True,
                                          max_size=2))
            ) if indicator_codes else ()
            items = tuple(i if i.target is not None or i.target_text is not None
                          else dataclasses.replace(i, target=D(1)) for i in items)
            agreements.append(AgreementVersion(
                year, number, AgreementKind.ORIGINAL if number == 0 else AgreementKind.AMENDMENT,
                draw(_opt(DATE)), draw(_opt(TEXT)), draw(_opt(official)),
                draw(_opt(official)), items))
    subjects = [g.code for g in goals] + objective_codes + [p.code for p in programs]
    pick_subject = _opt(st.sampled_from(subjects)) if subjects else st.none()
    tables = [draw(_table(c, pick_subject)) for c in codes(2)]
    narratives = draw(st.lists(st.builds(
        Narrative, st.sampled_from(NarrativeKind), TEXT, pick_subject,
        _opt(st.integers(1990, 2040)), texts) | st.builds(
        Narrative, st.sampled_from(NarrativeKind), st.just(""), pick_subject,
        st.none(), st.lists(TEXT, min_size=1, max_size=2).map(tuple)), max_size=3))
    scales = [Scale(c, draw(TEXT), draw(st.sampled_from(ScaleKind)),
                    draw(st.sampled_from(Closed)),
                    tuple(draw(st.lists(_band(), min_size=1, max_size=3))), draw(_opt(TEXT)))
              for c in codes(1)]
    return Plan(
        region=Region(draw(TEXT), draw(st.sampled_from(RegionKind)), draw(TEXT),
                      draw(_opt(TEXT)), start - 1, end, draw(_opt(TEXT)), tuple(missions)),
        agency=Agency(draw(CODE), draw(TEXT), draw(_opt(TEXT)), draw(_opt(TEXT)),
                      draw(_opt(st.from_regex(r"0[0-9]{6,11}", fullmatch=True))),
                      draw(_opt(TEXT)), draw(_opt(TEXT)), draw(_opt(TEXT)), draw(texts),
                      draw(_opt(official)), tuple(units)),
        strategic_plan=StrategicPlan(draw(TEXT), start, end, draw(_opt(st.just(start - 1))),
                                     tuple(draw(st.lists(st.builds(
                                         Revision, DATE, st.sampled_from(["renstra", "iku"]),
                                         _opt(TEXT), _opt(TEXT)), max_size=2)))),
        goals=tuple(goals), objectives=tuple(objectives), strategies=tuple(strategies),
        programs=tuple(programs), activities=tuple(activities), indicators=tuple(indicators),
        series=tuple(series), budgets=tuple(budgets), spending=tuple(spending),
        agreements=tuple(agreements), tables=tuple(tables), narratives=tuple(narratives),
        scales=standard_scales() + tuple(scales),
        settings=Settings(draw(st.sampled_from(RoundingMode)), draw(st.integers(0, 4)),
                          draw(st.sampled_from(NegativeFormula)), draw(_opt(DECIMAL)),
                          draw(DECIMAL), "predikat-permenpan",
                          draw(st.sampled_from(["kategori-permendagri-54-2010",
                                                *[s.code for s in scales]])),
                          draw(_opt(st.integers(0, 6))), draw(st.booleans())),
    )


@st.composite
def _indicator(draw: st.DrawFn, code: str, owners: list[tuple[Level, str]], years: list[int],
               series: list[str]) -> Indicator:
    level, owner = draw(st.sampled_from(owners))
    levels = tuple(draw(st.lists(LABEL, unique=True, max_size=3)))
    label = st.sampled_from(levels) if levels else LABEL  # a qualitative value is one of its levels
    target_years = draw(st.lists(st.sampled_from(years), unique=True, max_size=3))
    targets = []
    for year in target_years:
        value = draw(_opt(DECIMAL))
        text = draw(_opt(label)) if value is not None else draw(label)
        upper = draw(_opt(st.just(value + 1))) if isinstance(value, Decimal) else None
        targets.append(Target(year, value, text, upper))
    actuals = []
    for year, quarter in draw(st.lists(st.tuples(st.sampled_from(years),
                                                 _opt(st.integers(1, 4))),
                                       unique=True, max_size=3)):
        status = draw(st.sampled_from(ActualStatus))
        reason = draw(TEXT) if status is ActualStatus.NOT_AVAILABLE else draw(_opt(TEXT))
        available = status is not ActualStatus.NOT_AVAILABLE
        value = draw(_opt(DECIMAL)) if available else None
        actuals.append(Actual(year, value, quarter, draw(_opt(label)) if available else None, status,
                              reason, draw(_opt(DATE)), draw(_opt(TEXT))))
    formula = None
    if series and draw(st.booleans()):
        formula = f"({series[0]}[n-1] - {series[0]}[n]) / {series[0]}[n-1] * 100"
    baseline = draw(_opt(st.builds(Baseline, st.integers(1990, 2040), _opt(DECIMAL),
                                   _opt(LABEL))))
    return Indicator(
        code, draw(TEXT), level, owner, draw(_opt(TEXT)), draw(st.integers(0, 6)),
        draw(st.sampled_from(Polarity)), draw(_opt(st.sampled_from(NegativeFormula))),
        draw(st.sampled_from(Aggregation)), formula, draw(_opt(TEXT)), draw(_opt(TEXT)),
        draw(st.booleans()), draw(_opt(st.sampled_from(IndicatorKind))), levels, baseline,
        tuple(targets),
        tuple(actuals),
        draw(_opt(DECIMAL)),
    )


@st.composite
def _budget(draw: st.DrawFn, activity: str, year: int) -> Budget:
    ceiling = draw(_opt(MONEY))
    spent = draw(_opt(MONEY))
    return Budget(activity, year, ceiling, draw(_opt(MONEY)), spent, draw(_opt(DECIMAL)),
                  draw(_opt(TEXT)), draw(_opt(TEXT)))


@st.composite
def _band(draw: st.DrawFn) -> Band:
    lower = draw(_opt(st.integers(0, 100)))
    upper = draw(_opt(st.integers(lower or 0, 200)))
    return Band(draw(TEXT), None if lower is None else D(lower),
                None if upper is None else D(upper), draw(_opt(DECIMAL)), draw(_opt(TEXT)),
                draw(_opt(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True))),
                draw(_opt(st.sampled_from(Closed))))


@st.composite
def _table(draw: st.DrawFn, code: str, subject: st.SearchStrategy[object]) -> SupportingTable:
    width = draw(st.integers(1, 4))
    columns = tuple(draw(st.lists(TEXT, min_size=width, max_size=width)))
    cell = st.none() | DECIMAL.filter(lambda d: len(d.as_tuple().digits) <= 15) | TEXT
    rows = tuple(tuple(draw(st.lists(cell, min_size=width, max_size=width)))
                 for _ in range(draw(st.integers(0, 3))))
    return SupportingTable(code, draw(TEXT), columns, rows, draw(_opt(st.integers(1990, 2040))),
                           draw(subject), draw(_opt(TEXT)), draw(_opt(TEXT)))
