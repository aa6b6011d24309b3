"""The ``sakip`` command: a thin shell over the library.

Each sub-command lives in its own module listed in :data:`COMMANDS`, exposing ``NAME``,
``HELP``, ``register(parser)`` and ``run(args) -> int``. The modules import only what their
arguments need; everything else is imported inside ``run``, so ``sakip --help`` and a light
command start without the report, workbook or web stacks. Every file is written through
:mod:`sakip.cli.output`. Input problems are printed, all of them, in Indonesian (``--lang en``
for English) and give exit status 1; nothing prints a traceback unless ``--debug`` is given.
Exit statuses: :data:`EPILOG`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from sakip.cli.english import speak, translated
from sakip.cli.options import USAGE_CODE, Parser
from sakip.cli.output import Terminated
from sakip.io.problems import InputError, Severity

COMMANDS: tuple[str, ...] = (
    "sakip.cli.measure_cmd",
    "sakip.cli.demo_cmd",
    "sakip.cli.template_cmd",
    "sakip.cli.export_cmd",
    "sakip.cli.import_cmd",
    "sakip.cli.review_cmd",
    "sakip.cli.report_cmd",
    "sakip.cli.form_cmd",
    "sakip.cli.verify_cmd",
    "sakip.cli.tree_cmd",
    "sakip.cli.lke_cmd",
    "sakip.cli.explain_cmd",
    "sakip.cli.backup_cmd",
    "sakip.cli.restore_cmd",
    "sakip.cli.serve_cmd",
    "sakip.cli.sipd_cmd",
    "sakip.cli.region_cmd",
)


def _commands() -> list[ModuleType]:
    return [importlib.import_module(name) for name in COMMANDS]


EPILOG = """status keluar (exit status):
  0  selesai
  1  masalah pada masukan (juga keluaran yang tidak dapat ditulis); reviu: ada kesalahan
  2  salah pemakaian atau masukan tidak dapat dibaca; reviu: juga keluaran tidak dapat ditulis
  3  kesalahan program (bug): jalankan lagi dengan --debug dan laporkan
  130/143  dihentikan (Ctrl+C / SIGTERM); tidak ada berkas setengah jadi"""


def _language(argv: Sequence[str]) -> str:
    """The ``--lang`` asked for, before the arguments are parsed (for the usage errors)."""
    for index, item in enumerate(argv):
        if item == "--lang=en" or (item == "--lang" and argv[index + 1:index + 2] == ["en"]):
            return "en"
    return "id"


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="sakip",
        description="Sakip — akuntabilitas kinerja (SAKIP/LKjIP) untuk perangkat daerah.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--lang", choices=("id", "en"), default="id", help="bahasa pesan (id/en), bawaan id"
    )
    parser.add_argument("--debug", action="store_true", help="tampilkan traceback bila gagal")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for module in _commands():
        command = sub.add_parser(module.NAME, help=translated(module.HELP, Parser.language),
                                 description=module.HELP)
        module.register(command)
        command.set_defaults(_run=module.run)
    return parser


def print_problems(error: InputError, language: str) -> None:
    errors = [p for p in error.problems if p.severity is Severity.ERROR]
    warnings = [p for p in error.problems if p.severity is Severity.WARNING]
    if language == "id":
        head = f"Masukan tidak valid: {len(errors)} kesalahan"
        head += f", {len(warnings)} peringatan." if warnings else "."
    else:
        head = f"Invalid input: {len(errors)} error(s)"
        head += f", {len(warnings)} warning(s)." if warnings else "."
    print(head, file=sys.stderr)
    for problem in error.problems:
        print("  " + problem.render(language), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    Parser.language = _language(sys.argv[1:] if argv is None else argv)
    speak(Parser.language)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        print("sakip: " + ("salah pemakaian: pilih sebuah PERINTAH" if args.lang == "id"
                           else "usage error: choose a command") + f" [{USAGE_CODE}]",
              file=sys.stderr)
        return 2
    try:
        return int(args._run(args))
    except InputError as error:
        print_problems(error, args.lang)
        return 1
    except KeyboardInterrupt:
        return 130
    except Terminated:
        return 143
    except Exception as error:  # the last guard: a bug, reported without a traceback
        if args.debug:
            raise
        message = (
            f"Terjadi kesalahan internal: {error!r}. Jalankan lagi dengan --debug dan laporkan."
            if args.lang == "id"
            else f"Internal error: {error!r}. Run again with --debug and report it."
        )
        print(message, file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
