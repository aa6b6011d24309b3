"""What a Kertas Kerja Reviu says about each kind of finding: the review step (langkah reviu) that
produces it, the criterion it is judged by with its source, the usual cause and effect, and the
recommendation — in Indonesian and English, keyed by the finding's stable code.

One table, one place: the working papers (sakip.review.papers), the web's review page and its
papers read it. A code not listed gets :data:`FALLBACK`; the codes that use it on purpose are in
:data:`USES_FALLBACK` (a test fails for any other code a check can emit and this table lacks).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    id: str
    en: str

    def get(self, language: str = "id") -> str:
        return self.id if language == "id" else self.en


@dataclass(frozen=True)
class Step:
    """One langkah reviu: a family of checks, done by the machine or by the team."""

    key: str
    text: Text
    automated: bool = True


@dataclass(frozen=True)
class Criterion:
    step: str  # Step.key
    kriteria: Text  # the rule, with its source
    rekomendasi: Text
    sebab: Text | None = None  # None: the step's usual cause
    akibat: Text | None = None  # None: the step's usual effect


PERMENPAN = "PermenPAN-RB 53/2014 (Juknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu)"
PERMENPAN_EN = "PermenPAN-RB 53/2014 (performance agreement, reporting and review guideline)"

CASCADING = "PermenPAN-RB 89/2021 (penjenjangan kinerja)"
CASCADING_EN = "PermenPAN-RB 89/2021 (performance cascading)"
EVALUATION = "PermenPAN-RB 88/2021 (evaluasi AKIP)"
EVALUATION_EN = "PermenPAN-RB 88/2021 (performance accountability evaluation)"
IKU_GUIDE = "PermenPAN PER/09/M.PAN/5/2007 (pedoman umum penetapan IKU)"
IKU_GUIDE_EN = "PermenPAN PER/09/M.PAN/5/2007 (key indicator guideline)"

STEPS: tuple[Step, ...] = (
    Step("PK", Text("Meneliti kesesuaian Perjanjian Kinerja dengan target Renstra/IKU",
                    "Check the performance agreement against the Renstra/IKU targets")),
    Step("DATA", Text("Meneliti ketersediaan target dan realisasi indikator kinerja",
                      "Check that targets and realisations of the indicators are present")),
    Step("ACHIEVEMENT", Text("Meneliti kesesuaian capaian dengan target dan realisasi",
                             "Check achievements against targets and realisations")),
    Step("DERIVATION", Text("Menghitung ulang realisasi dan angka turunan dari rumus dan data dasar",
                            "Recompute realisations and derived figures from formulas and raw data")),
    Step("ARITHMETIC", Text("Menguji perhitungan serapan, efisiensi, selisih, jumlah dan rata-rata",
                            "Test the arithmetic of absorption, efficiency, differences, totals and "
                            "averages")),
    Step("CONSISTENCY", Text("Membandingkan angka antartabel serta antara tabel dan uraian",
                             "Compare figures between tables, and between tables and text")),
    Step("LABELS", Text("Meneliti predikat/kategori capaian terhadap skala yang berlaku",
                        "Check predicates/categories against the scale in force")),
    Step("CASCADE", Text("Meneliti keselarasan tujuan, sasaran, indikator dan program (cascading)",
                         "Check the cascade of goals, objectives, indicators and programs")),
    Step("BUDGET", Text("Meneliti kelengkapan anggaran, realisasi dan penjelasan serapan",
                        "Check budgets, spending and the explanation of absorption")),
    Step("PRESENTATION", Text("Meneliti keterbacaan, penomoran tabel dan penulisan angka laporan",
                              "Check legibility, table numbering and number notation of the report")),
    Step("OUTLINE", Text("Meneliti kelengkapan sistematika laporan kinerja",
                         "Check that the report follows the required outline")),
    Step("TEAM", Text("Reviu oleh tim atas hal di luar pemeriksaan otomatis",
                      "Review by the team beyond the automated checks"), automated=False),
    Step("OTHER", Text("Pemeriksaan otomatis lainnya", "Other automated checks")),
)
STEP_BY_KEY = {step.key: step for step in STEPS}

_CAUSE = {
    "PK": Text("Perjanjian Kinerja disusun atau diubah tanpa merujuk target Renstra/IKU yang berlaku.",
               "The agreement was drafted or amended without the Renstra/IKU targets in force."),
    "DATA": Text("Pengumpulan data kinerja belum tertib dan belum ada penanggung jawab data.",
                 "Performance data collection is not orderly and has no owner."),
    "ACHIEVEMENT": Text("Capaian dihitung manual tanpa memperhatikan sifat (polaritas) indikator.",
                        "Achievements were computed by hand, ignoring the indicator's polarity."),
    "DERIVATION": Text("Angka turunan dihitung manual dan tidak diuji ulang.",
                       "Derived figures were computed by hand and not re-checked."),
    "ARITHMETIC": Text("Tabel disusun dan dijumlahkan secara manual tanpa pengujian ulang.",
                       "Tables were compiled and summed by hand without re-checking."),
    "CONSISTENCY": Text("Tabel dan uraian disusun dari sumber data yang berbeda atau versi lama.",
                        "Tables and text were compiled from different sources or old versions."),
    "LABELS": Text("Predikat ditetapkan tanpa merujuk skala penilaian yang ditetapkan.",
                   "Labels were given without reference to the adopted scale."),
    "CASCADE": Text("Penyusunan Renstra belum menerapkan cascading kinerja secara utuh.",
                    "The strategic plan does not apply the performance cascade fully."),
    "BUDGET": Text("Data anggaran dan realisasi belum dimutakhirkan dari sistem keuangan.",
                   "Budget and spending data were not updated from the finance system."),
    "PRESENTATION": Text("Penyuntingan laporan kurang cermat.", "The report was edited carelessly."),
    "OUTLINE": Text("Penyusun laporan belum mengikuti format LKjIP yang ditetapkan.",
                    "The report's authors did not follow the prescribed LKjIP format."),
    "TEAM": Text("Sebagaimana diuraikan tim reviu.", "As described by the review team."),
    "OTHER": Text("Perlu ditelusuri oleh tim reviu.", "To be traced by the review team."),
}
_EFFECT = {
    "PK": Text("Kinerja yang diperjanjikan tidak dapat dibandingkan dengan rencana strategis.",
               "Agreed performance cannot be compared with the strategic plan."),
    "DATA": Text("Capaian kinerja tidak dapat diukur dan laporan kinerja tidak lengkap.",
                 "Achievement cannot be measured; the report is incomplete."),
    "ACHIEVEMENT": Text("Informasi capaian kinerja dalam laporan tidak akurat dan dapat menyesatkan.",
                        "The achievement reported is inaccurate and may mislead."),
    "DERIVATION": Text("Realisasi yang dilaporkan tidak dapat ditelusuri ke data dasarnya.",
                       "The reported realisation cannot be traced to its raw data."),
    "ARITHMETIC": Text("Angka dalam laporan tidak andal.", "Figures in the report are unreliable."),
    "CONSISTENCY": Text("Pembaca mendapat dua angka berbeda untuk hal yang sama; keandalan "
                        "laporan berkurang.",
                        "Readers get two different figures for one thing; reliability suffers."),
    "LABELS": Text("Simpulan kinerja yang disajikan tidak sesuai dengan capaian sebenarnya.",
                   "The stated conclusion does not match the actual achievement."),
    "CASCADE": Text("Keterkaitan antara program dan sasaran tidak dapat ditunjukkan.",
                    "The link between programs and objectives cannot be shown."),
    "BUDGET": Text("Efisiensi penggunaan sumber daya tidak dapat dinilai.",
                   "The efficiency of resource use cannot be assessed."),
    "PRESENTATION": Text("Sebagian isi laporan tidak dapat diuji atau mudah disalahpahami.",
                         "Part of the report cannot be tested or is easily misread."),
    "OUTLINE": Text("Informasi yang wajib disajikan tidak tersedia bagi pembaca laporan.",
                    "Information the report must present is not available to its readers."),
    "TEAM": Text("Sebagaimana diuraikan tim reviu.", "As described by the review team."),
    "OTHER": Text("Keandalan informasi kinerja berkurang.", "The reliability of the information suffers."),
}


def _c(step: str, kriteria: tuple[str, str], rekomendasi: tuple[str, str]) -> Criterion:
    return Criterion(step, Text(*kriteria), Text(*rekomendasi))


_FIX_FIGURE = ("Memperbaiki angka pada lokasi yang disebut dan menelusuri tabel/uraian lain yang "
               "memuat angka yang sama.",
               "Correct the figure at the location named and trace every other table or "
               "sentence that prints it.")
_ACHIEVEMENT_RULE = ("Capaian = realisasi/target × 100 (indikator positif); untuk indikator "
                     "negatif (2T − R)/T × 100 — " + PERMENPAN + ", Lampiran II.",
                     "Achievement = realisation/target × 100 (positive indicator); for a "
                     "negative indicator (2T − R)/T × 100 — " + PERMENPAN_EN + ", annex II.")

_SIGNATORY = (
    "Perjanjian Kinerja ditandatangani kedua pihak dengan nama, jabatan dan NIP, dan Kata "
    "Pengantar LKjIP oleh kepala perangkat daerah — " + PERMENPAN + ", Lampiran I dan II.",
    "The performance agreement is signed by both parties with name, position and NIP, and the "
    "LKjIP's foreword by the head of the agency — " + PERMENPAN_EN + ", annexes I and II.")
_SIGNATORY_CAUSE = Text(
    "Nama penanda tangan belum dicatat saat dokumen disusun.",
    "The signatory's name was not recorded when the document was drafted.")
_SIGNATORY_EFFECT = Text(
    "Tidak dapat dipastikan siapa yang memperjanjikan dan mempertanggungjawabkan kinerja.",
    "Who agreed to and answers for the performance cannot be established.")

CRITERIA: dict[str, Criterion] = {
    # plan checks
    "PLAN_PK_TARGET": _c("PK", (
        "Target Perjanjian Kinerja sama dengan target IKU/Renstra tahun berjalan — "
        + PERMENPAN + ", Lampiran I.",
        "The agreement's targets equal the IKU/Renstra targets of the year — "
        + PERMENPAN_EN + ", annex I."), (
        "Menyelaraskan target PK dengan Renstra/IKU atau mendokumentasikan alasan perubahannya.",
        "Align the agreement's targets with the Renstra/IKU or document why they differ.")),
    "PLAN_SIGNATORY_NAME": Criterion("PK", Text(*_SIGNATORY), Text(
        "Mengisi nama pihak pertama dan pihak kedua PK serta kepala perangkat daerah dalam "
        "rencana, lalu menyusun ulang dokumennya.",
        "Fill in the names of the agreement's two parties and of the head of the agency in the "
        "plan, then produce the documents again."), _SIGNATORY_CAUSE, _SIGNATORY_EFFECT),
    "SIGNATURE_NAME_MISSING": Criterion("PK", Text(*_SIGNATORY), Text(
        "Menuliskan nama penanda tangan pada blok tanda tangan yang disebut.",
        "Write the signatory's name in the signature block named."),
        _SIGNATORY_CAUSE, _SIGNATORY_EFFECT),
    "PLAN_PK_MISSING": _c("PK", (
        "Setiap perangkat daerah menyusun Perjanjian Kinerja tahunan yang memuat seluruh IKU — "
        + PERMENPAN + ".",
        "Every agency signs a yearly agreement covering all key indicators — "
        + PERMENPAN_EN + "."), (
        "Menyusun/melengkapi Perjanjian Kinerja dengan seluruh IKU beserta targetnya.",
        "Draft or complete the agreement with every key indicator and its target.")),
    "PLAN_PK_CHANGED": _c("PK", (
        "Perubahan Perjanjian Kinerja disertai alasan yang dapat ditelusuri — " + PERMENPAN + ".",
        "Amendments of the agreement carry a traceable reason — " + PERMENPAN_EN + "."), (
        "Mendokumentasikan target PK awal dan alasan setiap perubahan.",
        "Document the original targets and the reason for each change.")),
    # PK berjenjang (sakip/core/agreement_levels.py, sakip/review/plan/agreement_levels.py)
    "PLAN_PK_PROGRAM_SERVES": _c("PK", (
        "PK pejabat administrator memuat sasaran program yang mendukung sasaran strategis dalam "
        "PK kepala perangkat daerah (PK berjenjang) — " + PERMENPAN + ", Lampiran I.",
        "An administrator's agreement holds programme objectives that serve the strategic "
        "objectives of the head of agency's agreement — " + PERMENPAN_EN + ", annex I."), (
        "Mengaitkan program dengan sasaran strategis yang diperjanjikan kepala perangkat daerah, "
        "atau memasukkan indikator sasaran itu ke dalam PK kepala.",
        "Link the programme to a strategic objective of the head's agreement, or put that "
        "objective's indicator in the head's agreement.")),
    "PLAN_PK_ACTIVITY_SERVES": _c("PK", (
        "PK pejabat pengawas memuat sasaran kegiatan yang mendukung program dalam PK pejabat "
        "administrator atasannya — " + PERMENPAN + ", Lampiran I.",
        "A supervisor's agreement holds activity objectives that serve a programme of their "
        "administrator's agreement — " + PERMENPAN_EN + ", annex I."), (
        "Menugaskan kegiatan kepada unit di bawah bidang yang melaksanakan programnya, atau "
        "memperbaiki unit induk unit itu.",
        "Assign the activity to a unit under the division that runs its programme, or correct "
        "the unit's parent.")),
    "PLAN_PK_TIER": _c("PK", (
        "Program diperjanjikan oleh pejabat administrator, kegiatan oleh pejabat pengawas — "
        + PERMENPAN + ", Lampiran I.",
        "Programmes are agreed by administrators, activities by supervisors — " + PERMENPAN_EN
        + ", annex I."), (
        "Menugaskan program kepada Sekretariat/Bidang dan kegiatan kepada Sub Bagian/Seksi.",
        "Assign programmes to the secretariat or a division and activities to a section.")),
    "PLAN_PK_NO_SIGNATORY": _c("PK", (
        "Perjanjian Kinerja ditandatangani pejabat yang bersangkutan dengan nama, pangkat dan NIP "
        "— " + PERMENPAN + ", Lampiran I.",
        "The agreement is signed by the official named with rank and NIP — " + PERMENPAN_EN
        + ", annex I."), (
        "Mengisi nama, jabatan, pangkat dan NIP kepala unit pada profil unit kerja.",
        "Fill in the unit head's name, position, rank and NIP on the unit's profile.")),
    "PLAN_PK_NO_UNIT": _c("PK", (
        "Setiap program dan kegiatan menjadi tanggung jawab satu unit kerja dan tercantum dalam "
        "PK pejabatnya — " + PERMENPAN + ", Lampiran I.",
        "Every programme and activity is the responsibility of one unit and is in its "
        "official's agreement — " + PERMENPAN_EN + ", annex I."), (
        "Menetapkan unit kerja penanggung jawab setiap program dan kegiatan.",
        "Name the unit responsible for every programme and activity.")),
    "PLAN_PK_NO_TARGET": _c("PK", (
        "Setiap indikator dalam Perjanjian Kinerja memiliki target tahun berjalan — "
        + PERMENPAN + ", Lampiran I.",
        "Every indicator of an agreement has a target for the year — " + PERMENPAN_EN
        + ", annex I."), (
        "Menetapkan target tahunan indikator sesuai Renstra/Renja.",
        "Set the indicator's yearly target as the Renstra/Renja gives it.")),
    "PLAN_IKU_TARGET": _c("DATA", (
        "Setiap IKU memiliki target tahunan — Permendagri 86/2017; " + PERMENPAN + ".",
        "Every key indicator has a yearly target — Permendagri 86/2017; " + PERMENPAN_EN + "."), (
        "Menetapkan target tahunan IKU sesuai Renstra.",
        "Set the key indicator's yearly target per the Renstra.")),
    "PLAN_IKU_ACTUAL": _c("DATA", (
        "Setiap IKU dilaporkan realisasinya; data yang belum tersedia dinyatakan dengan "
        "alasannya — " + PERMENPAN + ", Lampiran II.",
        "Every key indicator reports its realisation; missing data is stated with its reason — "
        + PERMENPAN_EN + ", annex II."), (
        "Melengkapi realisasi atau mencantumkan alasan data belum tersedia.",
        "Fill in the realisation or state why the data is not available.")),
    "PLAN_TARGET_YEARS": _c("DATA", (
        "Indikator tujuan/sasaran memiliki target untuk setiap tahun periode Renstra — "
        "Permendagri 86/2017.",
        "Goal/objective indicators have a target for every year of the Renstra — "
        "Permendagri 86/2017."), (
        "Melengkapi target tahunan indikator pada Renstra (melalui Renstra Perubahan bila perlu).",
        "Complete the yearly targets in the Renstra (through an amendment if needed).")),
    "PLAN_PROGRAM_TARGET": _c("DATA", (
        "Setiap program memiliki indikator dengan target tahunan — Permendagri 86/2017.",
        "Every program has an indicator with a yearly target — Permendagri 86/2017."), (
        "Menetapkan target indikator program untuk tahun berjalan.",
        "Set the program indicators' targets for the year.")),
    "PLAN_FORMULA": _c("DERIVATION", (
        "Realisasi sama dengan hasil rumus indikator atas data dasarnya (definisi operasional "
        "IKU) — " + PERMENPAN + ".",
        "The realisation equals the indicator's formula over its raw data (the key indicator's "
        "definition) — " + PERMENPAN_EN + "."), (
        "Menghitung ulang realisasi dengan rumus yang ditetapkan dan memperbaiki laporan.",
        "Recompute the realisation with the adopted formula and correct the report.")),
    "PLAN_POLARITY": _c("ACHIEVEMENT", _ACHIEVEMENT_RULE, (
        "Menetapkan polaritas indikator sesuai maknanya dan menghitung ulang capaiannya.",
        "Set the indicator's polarity to its meaning and recompute its achievement.")),
    "PLAN_SCALE": _c("LABELS", (
        "Skala predikat/kategori mencakup seluruh nilai capaian tanpa celah atau tumpang "
        "tindih — Permendagri 86/2017 / 54/2010.",
        "The predicate/category scale covers every achievement without gap or overlap — "
        "Permendagri 86/2017 / 54/2010."), (
        "Memperbaiki batas-batas skala yang digunakan.", "Correct the scale's boundaries.")),
    "PLAN_LABEL": _c("LABELS", (
        "Predikat/kategori ditetapkan menurut skala yang berlaku atas capaian — "
        "Permendagri 86/2017 / 54/2010.",
        "The predicate/category follows the scale in force — Permendagri 86/2017 / 54/2010."), (
        "Menyesuaikan predikat/kategori dengan skala yang berlaku.",
        "Set the predicate/category by the scale in force.")),
    "PLAN_GOAL_INDICATOR": _c("CASCADE", (
        "Setiap tujuan memiliki indikator kinerja — Permendagri 86/2017.",
        "Every goal has a performance indicator — Permendagri 86/2017."), (
        "Menetapkan indikator tujuan.", "Define the goal's indicator.")),
    "PLAN_OBJECTIVE_INDICATOR": _c("CASCADE", (
        "Setiap sasaran memiliki indikator kinerja — Permendagri 86/2017.",
        "Every objective has a performance indicator — Permendagri 86/2017."), (
        "Menetapkan indikator sasaran.", "Define the objective's indicator.")),
    "PLAN_OBJECTIVE_PROGRAM": _c("CASCADE", (
        "Setiap sasaran didukung sekurang-kurangnya satu program — Permendagri 86/2017.",
        "Every objective is served by at least one program — Permendagri 86/2017."), (
        "Mengaitkan program yang mendukung sasaran.", "Link the programs serving the objective.")),
    "PLAN_PROGRAM_OBJECTIVE": _c("CASCADE", (
        "Setiap program mendukung sasaran Renstra — Permendagri 86/2017.",
        "Every program serves an objective of the Renstra — Permendagri 86/2017."), (
        "Mengaitkan program dengan sasaran yang didukungnya.",
        "Link the program to the objective it serves.")),
    # kerangka logis (sakip/review/plan/logic.py)
    "PLAN_GOAL_OBJECTIVE": _c("CASCADE", (
        "Setiap tujuan dijabarkan ke dalam sasaran — Permendagri 86/2017; " + CASCADING + ".",
        "Every goal is broken down into objectives — Permendagri 86/2017; " + CASCADING_EN
        + "."), (
        "Menetapkan sasaran yang mewujudkan tujuan.", "Define the objectives that achieve the goal.")),
    "PLAN_PROGRAM_ACTIVITY": _c("CASCADE", (
        "Setiap program dilaksanakan melalui kegiatan — Permendagri 86/2017.",
        "Every programme is carried out through activities — Permendagri 86/2017."), (
        "Menetapkan kegiatan yang melaksanakan program, atau menghapus program yang tidak "
        "dilaksanakan.",
        "Define the activities that carry out the programme, or remove a programme not carried "
        "out.")),
    "PLAN_PROGRAM_INDICATOR": _c("CASCADE", (
        "Setiap program memiliki indikator kinerja (outcome) — Permendagri 86/2017; "
        + CASCADING + ".",
        "Every programme has a performance (outcome) indicator — Permendagri 86/2017; "
        + CASCADING_EN + "."), (
        "Menetapkan indikator program.", "Define the programme's indicator.")),
    "PLAN_BUDGET_INDICATOR": _c("CASCADE", (
        "Setiap anggaran kegiatan dikaitkan dengan indikator kinerja yang diwujudkannya "
        "(keterkaitan kinerja dan anggaran) — " + EVALUATION + ".",
        "Every activity's budget is tied to the performance indicator it delivers (performance "
        "and budget linked) — " + EVALUATION_EN + "."), (
        "Menetapkan indikator kegiatan (output) untuk setiap kegiatan yang berpagu.",
        "Define an activity (output) indicator for every activity with a ceiling.")),
    "PLAN_INDICATOR_DEFINITION": _c("CASCADE", (
        "Setiap indikator memiliki manual indikator: definisi, cara perhitungan (formula) dan "
        "sumber data — " + IKU_GUIDE + "; " + EVALUATION + ".",
        "Every indicator has a definition sheet: definition, way of computing it (formula) and "
        "data source — " + IKU_GUIDE_EN + "; " + EVALUATION_EN + "."), (
        "Melengkapi manual indikator yang belum lengkap.",
        "Complete the indicator's definition sheet.")),
    "PLAN_TARGET_PATH": _c("CASCADE", (
        "Target tahunan bergerak menuju target akhir periode Renstra sesuai polaritas indikator "
        "— Permendagri 86/2017.",
        "Yearly targets move towards the end-of-Renstra target as the indicator's polarity says "
        "— Permendagri 86/2017."), (
        "Menyelaraskan target tahunan dengan target akhir Renstra (melalui Renstra Perubahan "
        "bila perlu), atau mencatat alasannya.",
        "Align the yearly targets with the final target (through an amendment of the Renstra "
        "if needed), or record why they differ.")),
    "PLAN_CONTRIBUTION_INDICATOR": _c("CASCADE", (
        "Kontribusi perangkat daerah pada sasaran daerah diukur dengan indikatornya (crosscutting)"
        " — " + CASCADING + ".",
        "An agency's contribution to a region objective is measured by its indicators "
        "(crosscutting) — " + CASCADING_EN + "."), (
        "Menetapkan indikator perangkat daerah yang mengukur kontribusinya.",
        "Name the agency's indicators that measure its contribution.")),
    "PLAN_CONTRIBUTION_UNREPORTED": _c("CASCADE", (
        "Indikator kontribusi perangkat daerah pada sasaran daerah dilaporkan realisasinya — "
        + PERMENPAN + ", Lampiran II; " + CASCADING + ".",
        "The agency's contributing indicators report their realisation — " + PERMENPAN_EN
        + ", annex II; " + CASCADING_EN + "."), (
        "Melengkapi realisasi indikator kontribusi atau mencatat alasan data belum tersedia.",
        "Fill in the contributing indicators' realisations or record why data is missing.")),
    "PLAN_CONTRIBUTION_UNSERVED": _c("CASCADE", (
        "Sasaran daerah yang didukung perangkat daerah dijabarkan dalam tujuan/sasaran Renstra-nya"
        " — Permendagri 86/2017.",
        "A region objective the agency contributes to is carried by a goal or objective of its "
        "Renstra — Permendagri 86/2017."), (
        "Mengaitkan tujuan/sasaran Renstra dengan sasaran daerah yang didukungnya, atau "
        "menghapus kontribusi yang tidak berdasar.",
        "Link the Renstra's goal or objective to the region objective, or remove the unfounded "
        "contribution.")),
    "PLAN_SERVES_UNCONTRIBUTED": _c("CASCADE", (
        "Setiap perangkat daerah yang mendukung sasaran daerah lintas perangkat daerah tercatat "
        "kontribusi dan indikatornya — " + CASCADING + ".",
        "Every agency serving a crosscutting region objective has its contribution and "
        "indicators recorded — " + CASCADING_EN + "."), (
        "Mencatat kontribusi perangkat daerah beserta indikatornya pada RPJMD (crosscutting).",
        "Record the agency's contribution and its indicators in the RPJMD (crosscutting).")),
    "REGION_CONTRIBUTION_UNREPORTED": _c("CASCADE", (
        "Indikator kontribusi setiap perangkat daerah pada sasaran daerah lintas perangkat "
        "daerah dilaporkan realisasinya — " + CASCADING + ".",
        "Every agency's contributing indicators for a crosscutting region objective report "
        "their realisation — " + CASCADING_EN + "."), (
        "Meminta perangkat daerah melengkapi indikator dan realisasi kontribusinya.",
        "Ask the agency to complete its contributing indicators and their realisations.")),
    "PLAN_BUDGET_MISSING": _c("BUDGET", (
        "Setiap kegiatan memiliki pagu dan realisasi anggaran tahun berjalan — " + PERMENPAN
        + ", Lampiran II (akuntabilitas keuangan).",
        "Every activity has a ceiling and spending for the year — " + PERMENPAN_EN
        + ", annex II (financial accountability)."), (
        "Melengkapi pagu dan realisasi anggaran kegiatan dari DPA dan SP2D.",
        "Fill in the activities' ceilings and spending from the DPA and payment orders.")),
    "PLAN_BUDGET_COMPOSITION": _c("BUDGET", (
        "Jumlah anggaran kegiatan sama dengan belanja langsung pada komposisi belanja (DPA).",
        "The activities' budgets add up to the direct spending line (DPA)."), (
        "Merekonsiliasi anggaran kegiatan dengan komposisi belanja.",
        "Reconcile the activity budgets with the spending composition.")),
    "PLAN_OVERSPENT": _c("BUDGET", (
        "Realisasi belanja tidak melebihi pagu — PP 12/2019 tentang Pengelolaan Keuangan Daerah.",
        "Spending does not exceed the ceiling — PP 12/2019 on regional finance."), (
        "Menelusuri dan memperbaiki data realisasi atau pagu.",
        "Trace and correct the spending or ceiling data.")),
    "PLAN_LOW_ABSORPTION": _c("BUDGET", (
        "Serapan anggaran yang rendah dijelaskan penyebabnya — " + PERMENPAN + ", Lampiran II.",
        "Low absorption is explained — " + PERMENPAN_EN + ", annex II."), (
        "Menambahkan penjelasan penyebab serapan rendah dan langkah perbaikannya.",
        "Add the cause of low absorption and the corrective steps.")),
    # report checks
    "REPORT_UNREADABLE": _c("PRESENTATION", (
        "Laporan kinerja disajikan sehingga setiap angka dapat dibaca dan diuji — " + PERMENPAN
        + ", Lampiran III.",
        "The report is laid out so that every figure can be read and tested — " + PERMENPAN_EN
        + ", annex III."), (
        "Tim reviu menguji bagian ini secara manual; OPD menyajikan tabel tanpa pemenggalan sel.",
        "The team tests this part by hand; the agency lays out tables without wrapped cells.")),
    "TABLE_NUMBER_DUPLICATE": _c("PRESENTATION", (
        "Setiap tabel bernomor unik agar dapat dirujuk.", "Every table has a unique number."), (
        "Memperbaiki penomoran tabel.", "Correct the table numbering.")),
    "TABLE_NUMBER_GAP": _c("PRESENTATION", (
        "Penomoran tabel berurutan.", "Table numbers are consecutive."), (
        "Memperbaiki penomoran tabel.", "Correct the table numbering.")),
    "MALFORMED_AMOUNT": _c("PRESENTATION", (
        "Angka ditulis dengan format Indonesia yang sah (1.234.567,89).",
        "Numbers are written in valid Indonesian notation (1.234.567,89)."), _FIX_FIGURE),
    "NUMBER_NOTATION": _c("PRESENTATION", (
        "Koma adalah pemisah desimal, titik pemisah ribuan (format Indonesia).",
        "The comma is the decimal mark, the dot groups thousands (Indonesian notation)."),
        _FIX_FIGURE),
    "ROW_ACHIEVEMENT": _c("ACHIEVEMENT", _ACHIEVEMENT_RULE, _FIX_FIGURE),
    "ROW_ACHIEVEMENT_CAPPED": _c("ACHIEVEMENT", (
        "Capaian dicetak sebagaimana dihitung; batas capaian (100%/120%) hanya dipakai, bila "
        "ditetapkan dan dinyatakan, saat merata-ratakan — " + PERMENPAN + ", Lampiran II.",
        "An achievement is printed as computed; a cap (100%/120%) applies, when adopted and "
        "stated, only to averages — " + PERMENPAN_EN + ", annex II."), (
        "Mencetak capaian sebenarnya, atau menyatakan batas capaian dan dasarnya.",
        "Print the actual achievement, or state the cap and its basis.")),
    "POLARITY": _c("ACHIEVEMENT", _ACHIEVEMENT_RULE, (
        "Menghitung ulang capaian indikator negatif dengan rumus (2T − R)/T × 100 di semua tabel.",
        "Recompute the negative indicator's achievement as (2T − R)/T × 100 in every table.")),
    "FINAL_TARGET_COPIED": _c("ACHIEVEMENT", (
        "Capaian terhadap target akhir Renstra = realisasi/target akhir × 100 — " + PERMENPAN + ".",
        "Achievement against the final Renstra target = realisation/final target × 100 — "
        + PERMENPAN_EN + "."), _FIX_FIGURE),
    "ACHIEVEMENT_NO_TARGET": _c("ACHIEVEMENT", (
        "Capaian hanya dapat dihitung terhadap target yang ditetapkan — " + PERMENPAN + ".",
        "An achievement needs an adopted target — " + PERMENPAN_EN + "."), (
        "Mencantumkan target tahun tersebut atau menghapus capaian yang tidak berdasar.",
        "Print that year's target or remove the unfounded achievement.")),
    "TRUNCATION": _c("ACHIEVEMENT", (
        "Persentase dibulatkan (setengah ke atas) sesuai presisi indikator.",
        "Percentages are rounded half-up to the indicator's precision."), _FIX_FIGURE),
    "ROW_ABSORPTION": _c("ARITHMETIC", (
        "Serapan = realisasi anggaran/pagu × 100.", "Absorption = spending/ceiling × 100."),
        _FIX_FIGURE),
    "ROW_EFFICIENCY": _c("ARITHMETIC", (
        "Efisiensi = capaian kinerja − persentase serapan anggaran.",
        "Efficiency = achievement − absorption."), _FIX_FIGURE),
    "ROW_DIFFERENCE": _c("ARITHMETIC", (
        "Selisih = realisasi akhir − realisasi awal.", "Difference = later − earlier realisation."),
        _FIX_FIGURE),
    "ROW_RATIO": _c("ARITHMETIC", (
        "Persentase = pembilang/penyebut × 100 sebagaimana kolom lain tabel yang sama.",
        "Percentage = numerator/denominator × 100, as on the table's other rows."), _FIX_FIGURE),
    "TOTAL_SUM": _c("ARITHMETIC", (
        "Baris jumlah sama dengan penjumlahan baris di atasnya.",
        "A total row equals the sum of the rows above it."), _FIX_FIGURE),
    "AVERAGE_ROW": _c("ARITHMETIC", (
        "Rata-rata dihitung dari nilai yang tersedia; data kosong tidak dihitung nol.",
        "An average is the mean of the available values; missing data is not zero."), _FIX_FIGURE),
    "SAME_FIGURE": _c("CONSISTENCY", (
        "Angka yang sama disajikan sama di seluruh laporan (konsistensi) — " + PERMENPAN
        + ", Lampiran III.",
        "One figure is printed the same everywhere in the report — " + PERMENPAN_EN
        + ", annex III."), (
        "Menetapkan angka yang benar dari data dasar dan menyeragamkan semua tabel.",
        "Establish the right figure from the raw data and make every table agree.")),
    "TEXT_FIGURE": _c("CONSISTENCY", (
        "Angka dalam uraian sama dengan angka dalam tabel.",
        "Figures in the text equal those in the tables."), _FIX_FIGURE),
    "TEXT_BUDGET_TOTAL": _c("CONSISTENCY", (
        "Angka anggaran dalam uraian sama dengan baris jumlah tabel anggaran.",
        "Budget figures in the text equal the budget table's total row."), _FIX_FIGURE),
    "TEXT_DERIVATION": _c("DERIVATION", (
        "Hasil perhitungan yang diuraikan sama dengan perhitungan ulang atas angkanya.",
        "A computation described in the text gives the result it states."), _FIX_FIGURE),
    "TEXT_ABSORPTION": _c("BUDGET", (
        "Serapan = realisasi anggaran/pagu × 100.", "Absorption = spending/ceiling × 100."),
        _FIX_FIGURE),
    "PROGRAM_SUM": _c("BUDGET", (
        "Anggaran program sama dengan jumlah anggaran kegiatannya.",
        "A program's budget equals the sum of its activities'."), _FIX_FIGURE),
    "LOW_ABSORPTION_UNEXPLAINED": _c("BUDGET", (
        "Serapan anggaran yang rendah dijelaskan penyebabnya — " + PERMENPAN + ", Lampiran II.",
        "Low absorption is explained — " + PERMENPAN_EN + ", annex II."), (
        "Menambahkan penjelasan penyebab serapan rendah.", "Explain the low absorption.")),
    "VERDICT_LABEL": _c("LABELS", (
        "Predikat/kategori sesuai skala yang dimuat laporan sendiri.",
        "The label follows the report's own scale."), _FIX_FIGURE),
    "BAND_COUNT": _c("LABELS", (
        "Jumlah indikator per predikat/kategori sama dengan hasil penilaian tiap indikator.",
        "The count per band equals the labels of the indicators."), _FIX_FIGURE),
    "TEXT_LABEL": _c("LABELS", (
        "Kategori yang disebut dalam uraian sesuai skala.", "A category named in the text "
        "follows the scale."), _FIX_FIGURE),
    "AVERAGE_COUNT": _c("LABELS", (
        "Rata-rata menyebut jumlah indikator yang benar-benar memiliki nilai; data yang belum "
        "tersedia disebutkan.",
        "An average names how many indicators actually have a value; missing data is named."),
        _FIX_FIGURE),
    "OUTLINE_CHAPTER_MISSING": _c("OUTLINE", (
        "LKjIP memuat Ikhtisar Eksekutif, Bab I–IV dan lampiran sesuai sistematika — "
        + PERMENPAN + ", Lampiran II.",
        "The LKjIP holds the executive summary, chapters I–IV and annexes in order — "
        + PERMENPAN_EN + ", annex II."), (
        "Melengkapi bab yang belum ada sesuai sistematika LKjIP.",
        "Add the missing chapter as the LKjIP outline requires.")),
    "OUTLINE_PART_MISSING": _c("OUTLINE", (
        "Setiap bab memuat bagian yang disyaratkan sistematika LKjIP — " + PERMENPAN
        + ", Lampiran II.",
        "Each chapter holds the parts the LKjIP outline requires — " + PERMENPAN_EN
        + ", annex II."), (
        "Melengkapi bagian bab yang belum ada.", "Add the missing part of the chapter.")),
    "OUTLINE_PK_NOT_ATTACHED": _c("OUTLINE", (
        "Perjanjian Kinerja dilampirkan pada LKjIP — " + PERMENPAN + ", Lampiran II.",
        "The performance agreement is attached to the LKjIP — " + PERMENPAN_EN + ", annex II."), (
        "Melampirkan Perjanjian Kinerja tahun berjalan.", "Attach the year's performance agreement.")),
    "DECIMAL_MARK_MIXED": _c("PRESENTATION", (
        "Satu laporan memakai satu cara penulisan angka: koma sebagai tanda desimal.",
        "One report writes numbers one way: the comma as the decimal mark."), (
        "Menyeragamkan tanda desimal di seluruh tabel dan uraian.",
        "Use one decimal mark in every table and sentence.")),
    "THOUSANDS_SEPARATOR_MIXED": _c("PRESENTATION", (
        "Satu laporan memakai satu cara penulisan angka: titik sebagai pemisah ribuan.",
        "One report writes numbers one way: the dot groups thousands."), (
        "Menyeragamkan pemisah ribuan di seluruh laporan.",
        "Use one thousands separator throughout the report.")),
    "ABSORPTION_PLAIN_MEAN": _c("BUDGET", (
        "Serapan program/perangkat daerah = jumlah realisasi/jumlah pagu × 100, bukan rata-rata "
        "persentase kegiatan.",
        "A program's or agency's absorption = total spending/total ceiling × 100, not the mean "
        "of its parts' percentages."), (
        "Menghitung ulang serapan dari jumlah realisasi dan jumlah pagu.",
        "Recompute the absorption from total spending and total ceiling.")),
    "TEXT_TARGET": _c("CONSISTENCY", (
        "Target yang disebut dalam uraian sama dengan target dalam tabel (Perjanjian Kinerja).",
        "A target stated in the text equals the target in the tables (the agreement)."),
        _FIX_FIGURE),
    # the team's own findings (web)
    "REVIEWER_FINDING": Criterion("TEAM", Text("Sebagaimana diuraikan tim reviu.",
                                               "As stated by the review team."),
                                  Text("Sebagaimana diuraikan tim reviu.",
                                       "As stated by the review team.")),
}

FALLBACK = Criterion(
    "OTHER",
    Text("Laporan kinerja menyajikan informasi yang akurat, andal dan valid — " + PERMENPAN
         + ", Lampiran III.",
         "The report presents accurate, reliable and valid information — " + PERMENPAN_EN
         + ", annex III."),
    Text("Menelusuri temuan dan memperbaiki laporan bila perlu.",
         "Trace the finding and correct the report where needed."))

# Codes a check emits that deliberately take the generic text (none at present).
USES_FALLBACK: frozenset[str] = frozenset()


def criterion(code: str) -> Criterion:
    return CRITERIA.get(code, FALLBACK)


def step_of(code: str) -> Step:
    return STEP_BY_KEY[criterion(code).step]


def cause(code: str) -> Text:
    found = criterion(code)
    return found.sebab or _CAUSE[found.step]


def effect(code: str) -> Text:
    found = criterion(code)
    return found.akibat or _EFFECT[found.step]

# The steps each module of checks makes up (sakip.review.plan / sakip.review.report.checks):
# the steps of a review are those of the checks it ran, in their order.
PLAN_MODULE_STEPS: dict[str, tuple[str, ...]] = {
    "agreement": ("PK",), "agreement_levels": ("PK",), "signatories": ("PK",),
    "indicators": ("DATA", "DERIVATION", "ACHIEVEMENT", "LABELS"),
    "structure": ("CASCADE",), "logic": ("CASCADE",), "budget": ("BUDGET",),
    "printed": ("ARITHMETIC", "CONSISTENCY"),  # the report checks over what the plan would print
}
REPORT_MODULE_STEPS: dict[str, tuple[str, ...]] = {
    "structure": ("PRESENTATION",), "outline": ("OUTLINE",), "rows": ("ACHIEVEMENT", "ARITHMETIC"),
    "totals": ("ARITHMETIC",), "consistency": ("CONSISTENCY",), "budget_text": ("BUDGET",),
    "derivations": ("DERIVATION",), "truncation": ("ACHIEVEMENT",), "verdicts": ("LABELS",),
    "separators": ("PRESENTATION",), "text_targets": ("CONSISTENCY",), "signatures": ("PK",),
}


def steps_ran(kind: str) -> tuple[str, ...]:
    """The steps of a review of ``kind`` ("rencana" or "laporan"): those of its checks, in the
    order they run; a check module not listed here is the step OTHER."""
    if kind == "rencana":
        from sakip.review.plan import CHECKS as PLAN_CHECKS

        modules, table = [c.__module__ for c in PLAN_CHECKS], PLAN_MODULE_STEPS
    elif kind == "laporan":
        from sakip.review.report import CHECKS as REPORT_CHECKS

        modules, table = [c.__module__ for c in REPORT_CHECKS], REPORT_MODULE_STEPS
    else:
        return ()
    keys: list[str] = []
    for module in modules:
        for key in table.get(module.rsplit(".", 1)[-1], ("OTHER",)):
            if key not in keys:
                keys.append(key)
    return tuple(keys)
