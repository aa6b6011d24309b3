"""A report as read: paragraphs and raw tables, in order, with where each came from."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

_TAGS = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"\*\*|(?<!_)__(?!_)")  # not a longer run: a line to write on


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int  # 1-based line of a text file; paragraph number of a DOCX; page×PAGE+n of a PDF


@dataclass(frozen=True)
class RawTable:
    rows: tuple[tuple[str, ...], ...]
    line: int  # position of the first row
    row_lines: tuple[int, ...] = ()


Block = Paragraph | RawTable


@dataclass(frozen=True)
class Document:
    path: str
    kind: str  # "text" | "docx" | "pdf" | "html"
    blocks: tuple[Block, ...]
    unread: tuple[str, ...] = field(default=())  # what could not be read, in Indonesian
    # (position, text) of the section headings, in order: what a location names
    headings: tuple[tuple[int, str], ...] = field(default=())

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def position_word(self) -> str:
        return {"text": "baris", "docx": "paragraf", "pdf": "posisi", "html": "blok"}.get(
            self.kind, "baris")

    def heading_before(self, line: int) -> str | None:
        """The section heading under which position ``line`` stands."""
        at = bisect.bisect_right(self._heading_lines, line)
        return self.headings[at - 1][1] if at else None

    @cached_property
    def _heading_lines(self) -> list[int]:
        return [line for line, _ in self.headings]


def clean(text: str) -> str:
    """Plain text of a cell or paragraph: markup dropped, spaces collapsed (newlines kept)."""
    text = _TAGS.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    text = text.replace("\u00a0", " ")
    lines = [" ".join(part.split()) for part in text.split("\n")]
    return "\n".join(line for line in lines if line)
