"""Both languages in the command line's help and usage errors (issue 10 item 4)."""

import argparse

import pytest

from sakip.cli.english import ENGLISH
from sakip.cli.main import EPILOG, build_parser, main
from sakip.cli.options import Parser


def _texts(parser: argparse.ArgumentParser) -> list[str]:
    found = [t for t in (parser.description, parser.epilog) if t]
    found += [g.title for g in parser._action_groups if g.title not in ("argumen", "opsi")]
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            found.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            found += [choice.help for choice in action._choices_actions if choice.help]
            for sub in action.choices.values():
                found += _texts(sub)
    return found


def test_every_help_text_of_every_command_has_its_english():
    Parser.language = "id"
    texts = _texts(build_parser())
    missing = sorted({t for t in texts if t not in ENGLISH}
                     - {"show this help message and exit", "tampilkan bantuan ini lalu keluar",
                        "positional arguments", "options"})
    assert not missing, missing
    assert EPILOG in ENGLISH


@pytest.mark.parametrize("command", ["measure", "report", "review", "import", "export", "template",
                                     "verify", "demo"])
def test_help_is_printed_in_the_language_asked_for(command, capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", command, "--help"])
    english = capsys.readouterr().out
    with pytest.raises(SystemExit):
        main([command, "--help"])
    indonesian = capsys.readouterr().out
    assert english.startswith("usage: ") and "show this help message" in english
    assert indonesian.startswith("pemakaian: ") and "tampilkan bantuan ini" in indonesian
    assert "opsi:" in indonesian and "options:" in english
    assert not any(text in english for text in ENGLISH if len(text) > 30), command


def _usage_error(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    return capsys.readouterr().err


def test_usage_errors_speak_the_language_asked_for(capsys):
    assert "nilai int tidak sah: 'abc'" in _usage_error(["measure", "--year", "abc", "x.yaml"], capsys)
    assert "invalid int value: 'abc'" in _usage_error(
        ["--lang", "en", "measure", "--year", "abc", "x.yaml"], capsys)
    assert "argumen berikut wajib diberikan: -o/--output [CLI_USAGE]" in _usage_error(
        ["report", "contoh.yaml"], capsys)


def _names(parser: argparse.ArgumentParser) -> set[str]:
    """Every value name (metavar) of a parser and its sub-commands."""
    found = set()
    for action in parser._actions:
        if isinstance(action.metavar, str):
            found.add(action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _names(sub)
    return found


def _help(argv, capsys) -> str:
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    return capsys.readouterr().out


def test_the_names_of_values_are_in_the_language_asked_for(capsys):
    """"RENCANA.yaml", "TAHUN", "PERINTAH" in Indonesian; their English in English — in the help,
    the usage line and argparse's own messages, for every command."""
    Parser.language = "id"
    parser = build_parser()
    words = {name for name in _names(parser) if name in ENGLISH}
    assert {"PERINTAH", "RENCANA.yaml", "BERKAS.xlsx"} <= words
    commands = [name for action in parser._actions
                if isinstance(action, argparse._SubParsersAction) for name in action.choices]
    seen = ""
    for command in commands:
        english = _help(["--lang", "en", command], capsys)
        assert not {w for w in words if w in english.split("\n\n")[0]}, (command, english[:300])
        seen += english
    assert "--into PLAN.yaml" in seen and "FILE.xlsx" in seen
    assert "FILE.xlsx" in _usage_error(["--lang", "en", "import"], capsys)
    assert "BERKAS.xlsx" in _usage_error(["import"], capsys)


def test_a_workbook_problem_is_located_in_the_language_asked_for(tmp_path, capsys):
    """"lembar 'Target', baris 8, kolom D" in Indonesian, "sheet 'Target', row 8, column D" in
    English — the location as well as the message."""
    import shutil

    import openpyxl

    from sakip.io.problems import Problem
    from tests.conftest import ROOT

    problem = Problem("XLSX_BAD_INTEGER", "bukan bilangan bulat", "not a whole number",
                      sheet="Target", row=8, column="D")
    assert problem.render("id") == "lembar 'Target', baris 8, kolom D: bukan bilangan bulat " \
                                   "[XLSX_BAD_INTEGER]"
    assert problem.render("en") == "sheet 'Target', row 8, column D: not a whole number " \
                                   "[XLSX_BAD_INTEGER]"
    book = tmp_path / "rusak.xlsx"
    shutil.copy(ROOT / "examples" / "belitung-2020.xlsx", book)
    workbook = openpyxl.load_workbook(book)
    workbook["Target"]["D8"] = "abc"
    workbook.save(book)
    assert main(["--lang", "en", "import", str(book), "-o", str(tmp_path / "a.yaml")]) == 1
    english = capsys.readouterr()
    assert "sheet 'Target', row 8, column D" in english.out + english.err
    assert main(["import", str(book), "-o", str(tmp_path / "b.yaml")]) == 1
    indonesian = capsys.readouterr()
    assert "lembar 'Target', baris 8, kolom D" in indonesian.out + indonesian.err
