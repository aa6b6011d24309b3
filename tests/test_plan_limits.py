"""The plan reader's limits: size, aliases, values, depth, control characters (docs/plan-format.md).

Every pathological input is built here, small; no timing is asserted.
"""

import os
import pathlib
import threading

import pytest
import yaml

from benchmarks.generate import generate_plan
from sakip.cli.main import main
from sakip.io.limits import DEFAULT_LIMITS, PlanLimits
from sakip.io.plan_dump import dump_plan
from sakip.io.plan_file import load_plan, parse_plan
from sakip.io.problems import InputError
from tests.conftest import BASE, EXAMPLE, plan_from


def refused(text: str, limits: PlanLimits = DEFAULT_LIMITS, source: str = "<test>"):
    with pytest.raises(InputError) as caught:
        parse_plan(text, source, limits)
    return caught.value.problems


def alias_bomb(levels: int = 10, width: int = 10) -> str:
    """Narratives whose items are lists of aliases to the previous list: width**levels items."""
    lines = ["narratives:", "  - kind: other", "    items: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines += ["  - kind: other",
                  f"    items: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]"]
    return BASE + "\n".join(lines) + "\n"


# ---------------------------------------------------------------------- aliases


def test_an_alias_bomb_is_refused_naming_the_first_aliases_and_counting_the_rest():
    text = alias_bomb()  # 10**10 items once expanded
    problems = refused(text)
    assert {p.code for p in problems} == {"PLAN_YAML_ALIAS"}
    first = problems[0]
    assert (first.file, first.line, first.path) == ("<test>", text.splitlines().index(
        "    items: &a1 [" + ", ".join(["*a0"] * 10) + "]") + 1, "narratives[1].items[0]")
    assert "*a0" in first.message_id and "*a0" in first.message_en
    assert [p.path for p in problems[:10]] == [f"narratives[1].items[{i}]" for i in range(10)]
    assert len(problems) == 11 and "80" in problems[10].message_en  # 90 aliases, 10 named


def test_the_bomb_is_refused_by_the_command_line_with_exit_1(tmp_path, capsys):
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    assert main(["measure", str(path)]) == 1
    err = capsys.readouterr().err
    assert "PLAN_YAML_ALIAS" in err and "Traceback" not in err


@pytest.mark.parametrize("body, path, line", [
    ("narratives: &n\n  - {kind: other, items: *n}\n", "narratives[0].items", 5),  # a cycle
    ("agency: {code: &c dinas, name: *c}\n", "agency.name", 4),
    ("narratives: [{kind: other, text: &t Teks}, {kind: other, text: *t}]\n", "narratives[1].text", 4),
])
def test_every_alias_is_refused_even_a_harmless_one(body, path, line):
    problems = refused(BASE.replace("agency: {code: dinas, name: Dinas Contoh}\n", "") + body)
    assert [(p.code, p.path, p.line) for p in problems] == [("PLAN_YAML_ALIAS", path, line)]


def test_an_anchor_nothing_refers_to_is_harmless():
    plan = plan_from("narratives: [{kind: other, text: &t Teks}]\n")
    assert plan.narratives[0].text == "Teks"


# ---------------------------------------------------------------------- depth and values


@pytest.mark.parametrize("depth", [70, 100_000])
def test_deep_nesting_is_refused(depth):
    text = BASE + "tables: " + "[" * depth + "]" * depth + "\n"
    problems = refused(text)
    assert [p.code for p in problems] == ["PLAN_TOO_DEEP"]
    assert problems[0].line == 5 and "64" in problems[0].message_id
    assert "PlanLimits.max_depth" in problems[0].message_en
    if depth == 70:  # below libyaml's own bound (1000 levels) the path is named too
        assert problems[0].path == "tables" + "[0]" * 63


def test_deep_block_nesting_is_refused():
    text = BASE + "".join("  " * level + f"k{level}:\n" for level in range(80))
    problems = refused(text)
    assert [p.code for p in problems] == ["PLAN_TOO_DEEP"]
    assert problems[0].line == 5 + 63 and problems[0].path.startswith("k0.k1.k2")


def test_the_depth_limit_is_a_setting():
    text = BASE + "tables: " + "[" * 70 + "]" * 70 + "\n"
    assert [p.code for p in refused(text, PlanLimits(max_depth=200))] != ["PLAN_TOO_DEEP"]
    assert [p.code for p in refused(BASE, PlanLimits(max_depth=3))] == ["PLAN_TOO_DEEP"]


def test_too_many_values_are_counted_and_refused_before_the_node_tree_is_built(monkeypatch):
    def no_composing(*args, **kwargs):
        raise AssertionError("the document was composed")

    monkeypatch.setattr(yaml, "compose", no_composing)
    text = BASE + "tables:\n  - [" + ", ".join(["0"] * 100) + "]\n"
    problems = refused(text, PlanLimits(max_nodes=40))
    assert [(p.code, p.line) for p in problems] == [("PLAN_TOO_MANY_NODES", 6)]
    assert "40" in problems[0].message_id and "PlanLimits.max_nodes" in problems[0].message_en


def test_the_defaults_hold_fifty_benchmark_agencies_in_one_plan():
    text = dump_plan(generate_plan(0))
    small = PlanLimits(max_bytes=DEFAULT_LIMITS.max_bytes // 50,
                       max_nodes=DEFAULT_LIMITS.max_nodes // 50, max_depth=DEFAULT_LIMITS.max_depth // 4)
    assert parse_plan(text, "<generated>", small) == parse_plan(text, "<generated>")


def test_the_example_is_within_every_limit():
    assert load_plan(EXAMPLE, PlanLimits(max_bytes=200_000, max_nodes=20_000, max_depth=12)) \
        == load_plan(EXAMPLE)


# ---------------------------------------------------------------------- size


def test_a_file_over_the_size_limit_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as out:  # sparse: no disk used
        out.truncate(DEFAULT_LIMITS.max_bytes + 1)

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(pathlib.Path, "open", no_reading)
    monkeypatch.setattr(pathlib.Path, "read_text", no_reading)
    monkeypatch.setattr(pathlib.Path, "read_bytes", no_reading)
    with pytest.raises(InputError) as caught:
        load_plan(path)
    [problem] = caught.value.problems
    assert (problem.code, problem.file) == ("PLAN_FILE_TOO_LARGE", str(path))
    assert "16 MiB" in problem.message_id and "PlanLimits.max_bytes" in problem.message_en


def test_a_file_without_an_honest_size_is_read_only_up_to_the_limit(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    written = [0]

    def endless() -> None:
        chunk = b"# " + b"x" * 1022 + b"\n"
        try:
            with open(path, "wb") as pipe:
                while written[0] < 64 * 2**20:
                    pipe.write(chunk)
                    written[0] += len(chunk)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=endless, daemon=True)
    writer.start()
    with pytest.raises(InputError) as caught:
        load_plan(path, PlanLimits(max_bytes=100_000))
    writer.join(timeout=30)
    assert [p.code for p in caught.value.problems] == ["PLAN_FILE_TOO_LARGE"]
    assert written[0] < 2 * 2**20  # stopped long before the 64 MiB it would write
    assert "0,1 MiB" in caught.value.problems[0].message_id


def test_a_text_over_the_size_limit_is_refused_before_parsing():
    problems = refused(BASE + "#" * 2000 + "\n", PlanLimits(max_bytes=1000), "<snapshot>")
    assert [(p.code, p.file) for p in problems] == [("PLAN_FILE_TOO_LARGE", "<snapshot>")]


# ---------------------------------------------------------------------- control characters


@pytest.mark.parametrize("escape, shown", [
    ("\\x00", "U+0000"), ("\\0", "U+0000"), ("\\x07", "U+0007"), ("\\a", "U+0007"),
    ("\\e", "U+001B"), ("\\v", "U+000B"), ("\\x7f", "U+007F"), ("\\N", "U+0085"),
    ("\\u009f", "U+009F"), ("\\U00000001", "U+0001"),
])
def test_escaped_control_characters_are_refused_with_their_place(escape, shown):
    text = BASE.replace("name: Dinas Contoh", f'name: "Dinas{escape}Contoh"')
    problems = refused(text)
    assert [(p.code, p.line, p.path) for p in problems] == [("PLAN_CONTROL_CHARACTER", 3, "agency.name")]
    assert shown in problems[0].message_id and shown in problems[0].message_en


def test_tab_and_line_breaks_are_text():
    plan = plan_from('narratives: [{kind: other, text: "satu\\tdua\\r\\ntiga"}]\n')
    assert plan.narratives[0].text == "satu\tdua\r\ntiga"


def test_control_characters_anywhere_are_refused_keys_and_cells_too():
    text = BASE + ('tables:\n  - code: X\n    title: T\n    columns: [a]\n'
                   '    rows: [[1], ["a\\x1fb"]]\n"x\\0y": 1\n')
    problems = refused(text)
    assert [(p.code, p.line, p.path) for p in problems] == [
        ("PLAN_CONTROL_CHARACTER", 9, "tables[0].rows[1][0]"),
        ("PLAN_CONTROL_CHARACTER", 10, "x<U+0000>y"),
    ]


def test_raw_control_characters_are_refused_with_line_and_column(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(BASE.replace("Dinas Contoh", "Dinas\x00Contoh") + "# \x1b\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_plan(path)
    problems = caught.value.problems
    assert [(p.code, p.file, p.line) for p in problems] == [
        ("PLAN_CONTROL_CHARACTER", str(path), 3), ("PLAN_CONTROL_CHARACTER", str(path), 5)]
    assert "U+0000 (kolom 34)" in problems[0].message_id


def test_a_lone_surrogate_in_a_text_is_refused():
    problems = refused(BASE.replace("Dinas Contoh", "Dinas \ud800"))
    assert [(p.code, p.line) for p in problems] == [("PLAN_CONTROL_CHARACTER", 3)]
    assert "U+D800" in problems[0].message_en


def test_a_nul_in_a_name_never_reaches_measure(tmp_path, capsys):
    path = tmp_path / "plan.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "name: Meningkatnya kesejahteraan PMKS", 'name: "Meningkatnya\\x00kesejahteraan PMKS"', 1),
        encoding="utf-8")
    assert main(["measure", str(path)]) == 1
    captured = capsys.readouterr()
    assert "PLAN_CONTROL_CHARACTER" in captured.err and "goals[0].name" in captured.err
    assert "\x00" not in captured.out + captured.err
