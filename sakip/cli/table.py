"""Plain-text tables for the terminal: columns sized to their content, numbers right-aligned."""

from __future__ import annotations

from collections.abc import Sequence


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = (),
           widths: dict[int, int] | None = None) -> str:
    limits = widths or {}
    cells = [[_cut(str(c), limits.get(i)) for i, c in enumerate(row)] for row in rows]
    heads = [_cut(h, limits.get(i)) for i, h in enumerate(headers)]
    size = [max([len(heads[i])] + [len(r[i]) for r in cells]) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        parts = [v.rjust(size[i]) if i in numeric else v.ljust(size[i]) for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    out = [line(heads), "  ".join("-" * s for s in size)]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


def _cut(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"
