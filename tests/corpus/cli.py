"""Misuses of the command line: unknown options and values, and outputs that cannot or must not
be written (a missing or unwritable folder, an existing file without --force, a wrong
extension, /proc). Every one is refused before the work, and leaves nothing behind."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.corpus.case import Case, case
from tests.corpus.plans import VALID
from tests.corpus.xlsx import EXAMPLE

PLAN = "rencana.yaml"
BOOK = "buku.xlsx"
USAGE = "CLI_USAGE"
EXISTS = "OUTPUT_EXISTS"
MISSING = "OUTPUT_FOLDER_MISSING"
UNWRITABLE = "OUTPUT_FOLDER_NOT_WRITABLE"
EXTENSION = "OUTPUT_WRONG_EXTENSION"


def cli(name: str, argv: list[str], codes: str | tuple[str, ...] = (), existing: tuple[str, ...] = (),
        folders: tuple[str, ...] = (), **options: object) -> Case:
    """``argv`` run in a folder holding a valid plan, a valid workbook, the files ``existing``
    (each a few bytes) and the folders ``folders``."""

    def make(folder: Path) -> list[str]:
        (folder / PLAN).write_text(VALID, encoding="utf-8")
        shutil.copyfile(EXAMPLE, folder / BOOK)
        for name in folders:
            (folder / name).mkdir()
        for name in existing:
            (folder / name).write_bytes(b"lama")
        return argv

    return case("cli", name, codes, **options)(make)


CASES: list[Case] = [
    cli("no command", [], USAGE, exits=frozenset({2})),
    cli("unknown command", ["frob"], USAGE, exits=frozenset({2})),
    cli("unknown option", ["measure", PLAN, "--bogus"], USAGE, exits=frozenset({2})),
    cli("--year abc", ["measure", PLAN, "--year", "abc"], USAGE, exits=frozenset({2})),
    cli("--year 2020.5", ["measure", PLAN, "--year", "2020.5"], USAGE, exits=frozenset({2})),
    cli("--year -5", ["measure", PLAN, "--year", "-5"], "MEASURE_YEAR_OUTSIDE_PERIOD"),
    cli("--lang xx", ["--lang", "xx", "measure", PLAN], USAGE, exits=frozenset({2})),
    cli("--max-size -5", ["import", BOOK, "-o", "baru.yaml", "--max-size", "-5"], USAGE,
        exits=frozenset({2})),
    cli("--max-size 0", ["import", BOOK, "-o", "baru.yaml", "--max-size", "0"], USAGE,
        exits=frozenset({2})),
    cli("--max-cells abc", ["import", BOOK, "-o", "baru.yaml", "--max-cells", "abc"], USAGE,
        exits=frozenset({2})),
    cli("--max-cells -1 in English", ["--lang", "en", "import", BOOK, "-o", "baru.yaml",
                                      "--max-cells", "-1"], USAGE, exits=frozenset({2})),
    cli("measure without PATH", ["measure"], USAGE, exits=frozenset({2})),
    cli("export without -o", ["export", PLAN], USAGE, exits=frozenset({2})),
    cli("demo --port abc", ["demo", "--port", "abc"], USAGE, exits=frozenset({2})),
    cli("template into a missing folder", ["template", "-o", "tidak-ada/t.xlsx"], MISSING),
    cli("template into /proc", ["template", "-o", "/proc/t.xlsx"], UNWRITABLE),
    cli("template into /sys", ["template", "-o", "/sys/t.xlsx"], UNWRITABLE),
    cli("template over an existing file", ["template", "-o", "ada.xlsx"], EXISTS,
        existing=("ada.xlsx",)),
    cli("template as .yaml", ["template", "-o", "t.yaml"], EXTENSION),
    cli("template without extension", ["template", "-o", "templat"], EXTENSION),
    cli("template onto a folder", ["template", "-o", "map.xlsx", "--force"],
        "OUTPUT_IS_DIRECTORY", folders=("map.xlsx",)),
    cli("template under a file", ["template", "-o", "ada.xlsx/t.xlsx"],
        "OUTPUT_FOLDER_NOT_A_FOLDER", existing=("ada.xlsx",)),
    cli("template with an upper-case extension", ["template", "-o", "T.XLSX"],
        exits=frozenset({0}), writes=("T.XLSX",)),
    cli("template over a file with --force", ["template", "-o", "ada.xlsx", "--force"],
        exits=frozenset({0}), existing=("ada.xlsx",)),
    cli("export into a missing folder", ["export", PLAN, "-o", "tidak-ada/b.xlsx"], MISSING),
    cli("export as .yaml", ["export", PLAN, "-o", "b.yaml"], EXTENSION),
    cli("export over an existing file", ["export", PLAN, "-o", "ada.xlsx"], EXISTS,
        existing=("ada.xlsx",)),
    cli("export into /proc", ["export", PLAN, "-o", "/proc/b.xlsx"], UNWRITABLE),
    cli("export of a missing plan", ["export", "tidak-ada.yaml", "-o", "b.xlsx"],
        "PLAN_FILE_NOT_FOUND"),
    cli("import as .xlsx", ["import", BOOK, "-o", "baru.xlsx"], EXTENSION),
    cli("import over an existing plan", ["import", BOOK, "-o", PLAN], EXISTS),
    cli("import into a missing folder", ["import", BOOK, "-o", "tidak-ada/p.yaml"], MISSING),
    cli("import into /proc", ["import", BOOK, "-o", "/proc/p.yaml"], UNWRITABLE),
    cli("import of a YAML plan", ["import", PLAN, "-o", "baru.yaml"], "XLSX_NOT_XLSX"),
    cli("report over an existing file", ["report", PLAN, "-o", "ada.html"], EXISTS,
        existing=("ada.html",)),
    cli("report into a missing folder", ["report", PLAN, "-o", "tidak-ada/x.pdf"], MISSING),
    cli("report into /proc", ["report", PLAN, "-o", "/proc/x.docx"], UNWRITABLE),
    cli("review papers over existing papers", ["review", PLAN, "--papers", "kkr"], EXISTS,
        existing=("kkr/kertas-kerja-reviu.xlsx",), folders=("kkr",), exits=frozenset({2})),
    cli("verify a missing data folder", ["verify", "--data", "tidak-ada"], "VERIFY_NO_DATA_FOLDER",
        exits=frozenset({2})),
    cli("verify an empty data folder", ["verify", "--data", "kosong"], "VERIFY_NO_DATABASE",
        folders=("kosong",)),
]
