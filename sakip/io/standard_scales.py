"""The built-in scales (sakip/data/scales.yaml), read with the same reader as a plan's own."""

from __future__ import annotations

from functools import cache
from importlib import resources

from sakip.core.model import Scale
from sakip.io.yamlnode import Collector, Field, compose

_SOURCE = "sakip/data/scales.yaml"


@cache
def standard_scales() -> tuple[Scale, ...]:
    from sakip.io.plan_file import read_scale

    text = resources.files("sakip.data").joinpath("scales.yaml").read_text(encoding="utf-8")
    collector = Collector(_SOURCE)
    root = Field(compose(text, collector), "", collector)
    scales = tuple(s for s in (read_scale(item) for item in root.items()) if s is not None)
    collector.raise_if_errors()
    return scales
