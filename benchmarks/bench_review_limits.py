"""How long ``sakip review`` takes to refuse pathological reports (docs/review.md, "Limits on
the input"), and what the largest accepted DOCX costs.

Each input is written to a temporary folder and given to the ``review`` command with the
default limits; the seconds to the exit, the exit status, the code printed and the peak
resident memory of a fresh process are printed.

    python -m benchmarks.bench_review_limits
"""

from __future__ import annotations

import io
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from pypdf import PdfWriter

_RUN = """
import sys
from sakip.cli.main import main
status = main(sys.argv[1:])
with open("/proc/self/status") as handle:  # VmHWM: this process's peak, in kB
    peak = next((line.split()[1] for line in handle if line.startswith("VmHWM")), "0")
print(f"PEAK {peak}", file=sys.stderr)
sys.exit(status)
"""


def _docx(path: Path, body: bytes = b"", zeros: tuple[str, int] | None = None) -> Path:
    """A DOCX with ``body`` after its title paragraph, and a part of ``zeros`` bytes streamed
    into the zip (never held in memory)."""
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("LAPORAN KINERJA TAHUN 2020")
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"]
    start = xml.index(b"<w:body>") + len(b"<w:body>")
    end = xml.index(b"</w:p>", start) + len(b"</w:p>")
    parts["word/document.xml"] = xml[:end] + body + xml[end:]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name, data in parts.items():
            out.writestr(name, data)
        if zeros is not None:
            name, size = zeros
            block = bytes(2**24)
            with out.open(name, "w", force_zip64=True) as part:
                for _ in range(size // len(block)):
                    part.write(block)
    return path


def blank_pdf(path: Path, pages: int, password: str | None = None) -> Path:
    """A PDF of blank pages, optionally encrypted (also the tests' builder)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(password)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def inputs(folder: Path) -> list[tuple[str, Callable[[], Path]]]:
    def write(name: str, data: bytes) -> Callable[[], Path]:
        def make() -> Path:
            path = folder / name
            path.write_bytes(data)
            return path
        return make

    def sparse(name: str, size: int) -> Callable[[], Path]:
        def make() -> Path:
            path = folder / name
            with path.open("wb") as out:
                out.truncate(size)
            return path
        return make

    # under every limit: the most paragraphs of ordinary Word markup the DOCX limits accept
    paragraph = (b'<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:sz w:val="24"/>'
                 b"</w:rPr><w:t>Paragraf %d laporan kinerja.</w:t></w:r></w:p>")
    largest = b"".join(paragraph.replace(b"%d", str(i).encode()) for i in range(95_000))
    return [
        ("DOCX, 10 million empty paragraphs",
         lambda: _docx(folder / "empty-paragraphs.docx", b"<w:p/>" * 10_000_000)),
        ("DOCX, 3 GiB of zeros in one part (zip bomb)",
         lambda: _docx(folder / "bomb.docx", zeros=("word/media/x.bin", 3 * 2**30))),
        ("DOCX, 150,000 paragraphs of text (under the ratio)",
         lambda: _docx(folder / "many.docx", b"".join(
             paragraph.replace(b"%d", str(i).encode()) for i in range(150_000)))),
        ("DOCX, 95,000 paragraphs (accepted: under every limit)",
         lambda: _docx(folder / "largest.docx", largest)),
        ("DOCX, a renamed .doc / encrypted package",
         write("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
               + "EncryptedPackage".encode("utf-16-le"))),
        ("DOCX, 1 GiB sparse file", sparse("huge.docx", 2**30)),
        ("PDF, 100,000 blank pages", lambda: blank_pdf(folder / "pages.pdf", 100_000)),
        ("PDF, password-protected", lambda: blank_pdf(folder / "locked.pdf", 1, "rahasia")),
        ("text, 1 GiB sparse file", sparse("huge.txt", 2**30)),
        ("text, 15 MiB of one-letter lines", write("lines.txt", b"a\n" * (15 * 2**19))),
        ("text, random bytes", write("noise.txt", random.Random(1).randbytes(2**20))),
        ("text, empty", write("empty.txt", b"")),
    ]


def measure(path: Path) -> tuple[float, int, str, int]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _RUN, "review", str(path)],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    code = re.search(r"\[(REPORT_[A-Z_]+)\]", done.stderr) or \
        re.search(r"(\d+ kesalahan)", done.stdout)
    peak = re.search(r"PEAK (\d+)", done.stderr)
    return (seconds, done.returncode, code.group(1) if code else "-",
            int(peak.group(1)) // 1024 if peak else 0)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'input':<60} {'size':>10} {'seconds':>8} {'exit':>4} {'peak MiB':>8}  code")
        for name, make in inputs(Path(folder)):
            path = make()
            size = path.stat().st_size
            seconds, status, code, peak = measure(path)
            print(f"{name:<60} {size / 1024:>8.0f}KB {seconds:>8.2f} {status:>4} {peak:>8}  {code}")
            path.unlink()


if __name__ == "__main__":
    main()
