import textwrap
from pathlib import Path

import pytest

from sakip.io.plan_file import parse_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "belitung-2020.yaml"

BASE = """\
format: sakip-plan/2
region: {name: Kabupaten Contoh, kind: regency, missions: [{code: M1, text: Misi}]}
agency: {code: dinas, name: Dinas Contoh}
strategic_plan: {name: Renstra 2019-2023, start: 2019, end: 2023, baseline_year: 2018}
"""


def plan_from(body: str, base: str = BASE):
    """A plan from a small inline document: the shared header plus ``body``."""
    return parse_plan(base + textwrap.dedent(body), "<test>")


@pytest.fixture(scope="session")
def belitung():
    from sakip.io.plan_file import load_plan

    return load_plan(EXAMPLE)
