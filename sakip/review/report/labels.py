"""Names of indicators, goals and budget lines as printed, and when two of them are the same.

Reports spell one indicator several ways ("Persentase PMKS yang tertangani", "Persentase
penanganan PMKS yang tertangani", "Sasaran: Persentase penanganan PMKS %"). Two names are the
same when their content words overlap enough (Jaccard ≥ 0.7) and nothing tells them apart: a
negation, a different acronym in parentheses, different numbers.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script: "à" is a word
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9-]{1,7})\)")
_LEADING_MARKER = re.compile(
    r"^\s*(?:[-•*]\s*)*(?:\(?\d+(?:\.\d+)*\)?\.?\s+|[a-z]\.\s+|\d+(?:\.\d+)+\.?\s*)*", re.I
)
_STOP = frozenset({
    "yang", "dan", "di", "ke", "dari", "per", "terhadap", "dalam", "untuk", "pada", "tahun",
    "tujuan", "sasaran", "strategis", "indikator", "kinerja", "atau", "dengan", "oleh", "serta",
    "ini", "itu",
})
_NEGATION = frozenset({"tidak", "non", "bukan", "belum"})
THRESHOLD = 0.7

# Lower-is-better cues: what is counted is a harm, and nothing says it is the response to it.
_HARM = re.compile(
    r"\b(kekerasan|kematian|kemiskinan|pengangguran|stunting|gizi buruk|kecelakaan|"
    r"putus sekolah|pernikahan (?:anak|dini)|perkawinan anak|penyalahgunaan|kriminalitas|"
    r"kebakaran|buta huruf|penderita|prevalensi)\b"
)
_RESPONSE = re.compile(
    r"\b(penanganan|tertangani|ditangani|terlayani|pelayanan|layanan|penurunan|menurunnya|"
    r"berkurangnya|pencegahan|penanggulangan|perlindungan|bantuan|pemenuhan|terpenuhi|"
    r"rehabilitasi|pendampingan|cakupan)\b"
)


def strip_marker(text: str) -> str:
    """``"1. Persentase …"`` → ``"Persentase …"``; ``"Tujuan: X"`` keeps its words."""
    return _LEADING_MARKER.sub("", text).strip()


def display(text: str, limit: int = 90) -> str:
    flat = " ".join(strip_marker(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _stem(word: str) -> str:
    return word[:-3] if word.endswith("nya") and len(word) > 6 else word


@lru_cache(maxsize=65536)
def tokens(text: str) -> frozenset[str]:
    words = [_stem(w) for w in _WORD.findall(strip_marker(text).casefold())]
    content = frozenset(w for w in words if w not in _STOP)
    return content if len(content) >= 2 else frozenset(words)


def acronyms(text: str) -> frozenset[str]:
    return frozenset(_ACRONYM.findall(text))


@dataclass(frozen=True)
class Name:
    """A printed name, tokenised once: what :func:`same` compares."""

    text: str
    tokens: frozenset[str]
    acronyms: frozenset[str]
    numbers: frozenset[str]
    negations: frozenset[str]


@lru_cache(maxsize=65536)
def name(text: str) -> Name:
    words = tokens(text)
    return Name(text, words, acronyms(text), frozenset(t for t in words if t.isdigit()),
                words & _NEGATION)


def same(a: str, b: str) -> bool:
    """Whether two printed names denote the same thing (see the module docstring)."""
    return same_names(name(a), name(b))


def same_names(a: Name, b: Name) -> bool:
    ta, tb = a.tokens, b.tokens
    if not ta or not tb:
        return False
    if a.negations != b.negations:
        return False
    if a.acronyms and b.acronyms and not a.acronyms & b.acronyms:
        return False
    if a.numbers != b.numbers:
        return False
    return len(ta & tb) / len(ta | tb) >= THRESHOLD


def _key(item: Name, token: str) -> tuple[frozenset[str], frozenset[str], str]:
    return item.numbers, item.negations, token


class NameIndex:
    """Names indexed by their rarest tokens, so that the names :func:`same` could accept for a
    given one are found without comparing it with every name (prefix filtering: two token sets
    with Jaccard ≥ t share a token among the first ``|x| − ⌈t·|x|⌉ + 1`` of each, in a fixed
    order of tokens). Built in one pass; a look-up costs the candidates it returns."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = [name(n) for n in dict.fromkeys(n for n in names if n)]
        frequency: Counter[str] = Counter(t for n in self.names for t in n.tokens)
        self._rank = {t: (c, t) for t, c in frequency.items()}
        # names that differ in their numbers or negations are never the same: posted apart
        self._postings: dict[tuple[frozenset[str], frozenset[str], str], list[int]] = {}
        for index, item in enumerate(self.names):
            for token in self._prefix(item.tokens):
                self._postings.setdefault(_key(item, token), []).append(index)

    def _order(self, words: frozenset[str]) -> list[str]:
        return sorted(words, key=lambda t: self._rank.get(t, (0, t)))

    @staticmethod
    def _prefix_length(size: int) -> int:
        return size - math.ceil(THRESHOLD * size - 1e-9) + 1

    def _prefix(self, words: frozenset[str]) -> list[str]:
        return self._order(words)[: self._prefix_length(len(words))]

    def candidates(self, text: str) -> list[int]:
        """Indexes of the names that may be the same as ``text`` (a superset of the matches)."""
        found: dict[int, None] = {}
        item = name(text)
        for token in self._prefix(item.tokens):
            for index in self._postings.get(_key(item, token), ()):
                found[index] = None
        return list(found)

    def contained_in(self, words: frozenset[str]) -> list[str]:
        """The names whose every token is among ``words`` (candidates by their rarest token)."""
        if not hasattr(self, "_rarest"):
            self._rarest: dict[str, list[int]] = {}
            for index, item in enumerate(self.names):
                if item.tokens:
                    self._rarest.setdefault(self._order(item.tokens)[0], []).append(index)
        return [self.names[i].text for word in words for i in self._rarest.get(word, ())
                if self.names[i].tokens <= words]

    def matches(self, text: str) -> list[str]:
        target = name(text)
        return [self.names[i].text for i in self.candidates(text)
                if same_names(self.names[i], target)]


def cluster(names: Iterable[str], levels: Mapping[str, str | None] | None = None
            ) -> dict[str, int]:
    """Group names that are the same (transitively); returns name → group number.

    ``levels`` (name → "program" / "activity" / None) keeps a programme and an activity apart
    even when their words are the same: two groups of different levels are never merged.
    Linear in the names, save for the candidates that share a rare token."""
    index = NameIndex(names)
    unique = index.names
    parent = list(range(len(unique)))
    level = [(levels or {}).get(n.text) for n in unique]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, item in enumerate(unique):
        for j in index.candidates(item.text):
            if j <= i:
                continue
            a, b = find(i), find(j)
            if a == b or (level[a] and level[b] and level[a] != level[b]):
                continue
            if same_names(item, unique[j]):
                parent[b] = a
                level[a] = level[a] or level[b]
    return {n.text: find(i) for i, n in enumerate(unique)}


def lower_is_better(name: str) -> bool:
    """Whether the name itself says a lower value is better (a harm counted, no response)."""
    text = strip_marker(name).casefold()
    return bool(_HARM.search(text)) and not _RESPONSE.search(text)


def mentions(sentence_tokens: frozenset[str], name: str) -> bool:
    """Whether a sentence names this indicator: all its content words occur (at least 3)."""
    words = tokens(name)
    return len(words) >= 3 and words <= sentence_tokens
