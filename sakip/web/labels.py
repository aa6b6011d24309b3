"""Indonesian labels of core values shown on the pages (translated lazily)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def language() -> str:
    """``"en"`` or ``"id"``: the language the request is answered in (Django's active one), for
    the core's and the readers' texts that carry both (problems, periods, labels)."""
    from django.utils.translation import get_language

    return "en" if (get_language() or "id").startswith("en") else "id"


def why(code: str | None) -> str:
    """Why an achievement has no percentage, in the page's language (the core's one table)."""
    from sakip.core.achievement import WHY_WORDS, Why

    try:
        words = WHY_WORDS[Why(code)].short
    except ValueError:
        return code or ""
    return words[1] if language() == "en" else words[0]


LEVELS = {"goal": _("Tujuan"), "objective": _("Sasaran"), "program": _("Program"),
          "activity": _("Kegiatan"), "agency": _("Perangkat Daerah"),
          "unlinked": _("Program belum dikaitkan dengan tujuan")}
RULES = {"R/T×100": "R / T × 100", "(2T−R)/T×100": "(2T − R) / T × 100", "T/R×100": "T / R × 100",
         "band": _("rentang target"), "level": _("tingkatan kualitatif"),
         "range R/T×100": _("100 di dalam rentang target; di luar: R / T × 100, T batas yang dilewati"),
         "range (2T−R)/T×100": _("100 di dalam rentang target; di luar: (2T − R) / T × 100, "
                                 "T batas yang dilewati"),
         "range T/R×100": _("100 di dalam rentang target; di luar: T / R × 100, T batas yang dilewati")}
# The fields of plan records (sakip.core.records) as a conflict names them.
FIELDS = {
    "value": _("nilai"), "text": _("teks"), "upper": _("batas atas"), "status": _("status"),
    "reason": _("alasan"), "expected": _("perkiraan tersedia"), "note": _("catatan"),
    "name": _("nama"), "code": _("kode"), "ceiling": _("pagu"), "ceiling_original": _("pagu induk"),
    "spent": _("realisasi anggaran"), "physical": _("realisasi fisik"),
    "source_of_funds": _("sumber dana"), "explanation": _("penjelasan"), "label": _("uraian"),
    "kind": _("jenis"), "subject": _("kode terkait"), "items": _("butir"), "rows": _("isi tabel"),
    "target": _("target"), "target_text": _("target kualitatif"), "signed": _("ditandatangani"),
    "title": _("judul"), "source": _("sumber"), "polarity": _("polaritas"), "formula": _("rumus"),
    "definition": _("definisi"), "head.name": _("nama kepala"), "": _("keberadaan"),
}
