"""How large and how complex a plan file the reader accepts (docs/plan-format.md, "Limits").

A plan file is refused, with a stable code and where the problem is, before the plan is built
when it is larger than ``max_bytes`` (checked before the file is read, ``PLAN_FILE_TOO_LARGE``),
holds more than ``max_nodes`` values (``PLAN_TOO_MANY_NODES``), nests deeper than ``max_depth``
(``PLAN_TOO_DEEP``), uses a YAML alias (``PLAN_YAML_ALIAS``: the format never needs one, and
aliases to aliases expand exponentially, the "billion laughs") or holds a control character in
any text (``PLAN_CONTROL_CHARACTER``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class PlanLimits:
    """The reader's limits, with these defaults.

    One agency's plan of the benchmark region (300 indicators over 6 years, with budgets,
    ``benchmarks/generate.py``) is about 175 KB and 18,600 values, 10 levels deep; a whole
    region of 50 such agencies in one file would be about 8.5 MiB and 930,000 values. The
    defaults are about twice that (and libyaml itself stops at 1,000 levels).
    """

    max_bytes: int = 16 * 1024 * 1024
    max_nodes: int = 2_000_000
    max_depth: int = 64


DEFAULT_LIMITS = PlanLimits()

# C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates
# (a str can hold them when a YAML escape or a caller puts them there; UTF-8 cannot).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def describe_character(character: str) -> str:
    """``U+0000`` for a character that cannot be shown."""
    return f"U+{ord(character):04X}"


def visible(text: str) -> str:
    """``text`` fit to print in a message: each control character as ``<U+0000>``."""
    return CONTROL.sub(lambda match: f"<{describe_character(match.group())}>", text)


def id_number(value: int) -> str:
    """An integer the Indonesian way: ``2.000.000``."""
    from sakip.io.idnum import format_id

    return format_id(Decimal(value), 0)
