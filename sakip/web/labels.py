"""Indonesian labels of core values shown on the pages."""

from __future__ import annotations

WHY = {
    "no_target": "tanpa target", "no_actual": "belum ada realisasi",
    "not_available": "data belum tersedia", "zero_target": "target nol",
    "zero_actual": "realisasi nol (rumus T/R)", "negative_actual": "nilai negatif (rumus T/R)",
    "zero_edge": "batas rentang nol", "qualitative": "kualitatif",
    "unknown_level": "tingkatan tidak dikenal",
}
LEVELS = {"goal": "Tujuan", "objective": "Sasaran", "program": "Program", "activity": "Kegiatan",
          "agency": "Perangkat Daerah"}
RULES = {"R/T×100": "R / T × 100", "(2T−R)/T×100": "(2T − R) / T × 100", "T/R×100": "T / R × 100",
         "band": "rentang target", "level": "tingkatan kualitatif"}
