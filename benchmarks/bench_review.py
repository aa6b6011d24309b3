"""How the review's time grows with the size of a report (docs/review.md, "Speed").

A text report (the seed's form: tab-separated tables under "Tabel N.M" captions, with prose
between) is generated at three sizes; each is reviewed once (``review_text``: reading the
tables, the checks, no file I/O) and the seconds per MB are printed beside a floor: a bare
read and split of the same text into lines and cells. Linear time shows as a steady seconds
per MB and a steady ratio to the floor across the sizes.

Every indicator name is different (a long report is long because it has many indicators), so
the name clustering meets as many names as a real report of that size holds.

    python -m benchmarks.bench_review              # 0.25, 0.5 and 1 MB
    python -m benchmarks.bench_review --mb 1 4 16  # larger
"""

from __future__ import annotations

import argparse
import random
import time

from benchmarks.common import best_of

_WORDS = (
    "persentase", "penanganan", "pelayanan", "cakupan", "jumlah", "indeks", "rasio", "angka",
    "kualitas", "akses", "perempuan", "anak", "lansia", "disabilitas", "keluarga", "miskin",
    "sosial", "desa", "bantuan", "rehabilitasi", "pemberdayaan", "perlindungan",
    "kesejahteraan", "lembaga", "kelembagaan", "penyuluhan", "pelatihan", "usaha", "ekonomi",
    "produktif", "korban", "bencana", "terlantar", "gizi", "sekolah", "kesehatan", "data",
)


def report_text(size: int, seed: int = 7) -> str:
    """A text LKjIP of about ``size`` bytes: chapters of measurement tables and prose."""
    rng = random.Random(seed)
    parts = ["LAPORAN KINERJA", "TAHUN 2020", "DINAS SOSIAL KABUPATEN CONTOH", ""]
    length = sum(len(p) + 1 for p in parts)
    table = 0
    while length < size:
        table += 1
        chapter, number = 3, table
        lines = [f"Tabel {chapter}.{number}", f"Pengukuran Kinerja Sasaran {table} Tahun 2020",
                 "No\tIndikator Kinerja\tSatuan\tTarget\tRealisasi\tCapaian (%)"]
        for row in range(1, 9):
            name = " ".join(rng.sample(_WORDS, 5)).capitalize() + f" {table}-{row}"
            target = rng.randint(50, 100)
            actual = rng.randint(40, 110)
            achievement = f"{actual / target * 100:.2f}".replace(".", ",")
            lines.append(f"{row}.\t{name}\t%\t{target}\t{actual}\t{achievement}")
        lines.append("")
        lines.append(f"Capaian sasaran {table} pada tahun 2020 dijelaskan sebagai berikut. "
                     "Realisasi indikator dibandingkan dengan target yang ditetapkan dalam "
                     "Perjanjian Kinerja, dan kendala yang dihadapi diuraikan di bawah ini.")
        lines.append("")
        block = "\n".join(lines) + "\n"
        parts.append(block)
        length += len(block)
    return "\n".join(parts)


def floor(text: str) -> None:
    """A bare read of the same text: split into lines, and the table lines into cells."""
    for line in text.splitlines():
        if "\t" in line:
            line.split("\t")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    args = parser.parse_args()
    from sakip.review.report import review_text

    print(f"{'size':>8} {'review s':>9} {'s/MB':>7} {'floor s':>8} {'ratio':>7} {'findings':>9}")
    for mb in args.mb:
        text = report_text(int(mb * 1024 * 1024))
        size = len(text.encode("utf-8")) / 1024 / 1024
        started = time.perf_counter()
        _, findings = review_text(text)
        seconds = time.perf_counter() - started
        base = best_of(3, lambda text=text: floor(text))
        print(f"{size:>6.2f}MB {seconds:>9.2f} {seconds / size:>7.2f} {base:>8.3f} "
              f"{seconds / base:>7.0f} {len(findings):>9}")


if __name__ == "__main__":
    main()
