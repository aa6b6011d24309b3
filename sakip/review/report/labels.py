"""Names of indicators, goals and budget lines as printed, and when two of them are the same.

Reports spell one indicator several ways ("Persentase PMKS yang tertangani", "Persentase
penanganan PMKS yang tertangani", "Sasaran: Persentase penanganan PMKS %"). Two names are the
same when their content words overlap enough (Jaccard ≥ 0.7) and nothing tells them apart: a
negation, a different acronym in parentheses, different numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[a-z0-9]+")
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


def tokens(text: str) -> frozenset[str]:
    words = [_stem(w) for w in _WORD.findall(strip_marker(text).casefold())]
    content = frozenset(w for w in words if w not in _STOP)
    return content if len(content) >= 2 else frozenset(words)


def acronyms(text: str) -> frozenset[str]:
    return frozenset(_ACRONYM.findall(text))


def same(a: str, b: str) -> bool:
    """Whether two printed names denote the same thing (see the module docstring)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    if (ta & _NEGATION) != (tb & _NEGATION):
        return False
    aa, ab = acronyms(a), acronyms(b)
    if aa and ab and not aa & ab:
        return False
    na = {t for t in ta if t.isdigit()}
    nb = {t for t in tb if t.isdigit()}
    if na != nb:
        return False
    return len(ta & tb) / len(ta | tb) >= THRESHOLD


def cluster(names: Iterable[str]) -> dict[str, int]:
    """Group names that are the same (transitively); returns name → group number."""
    unique = list(dict.fromkeys(n for n in names if n))
    parent = list(range(len(unique)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(unique)):
        for j in range(i + 1, len(unique)):
            if find(i) != find(j) and same(unique[i], unique[j]):
                parent[find(j)] = find(i)
    return {name: find(i) for i, name in enumerate(unique)}


def lower_is_better(name: str) -> bool:
    """Whether the name itself says a lower value is better (a harm counted, no response)."""
    text = strip_marker(name).casefold()
    return bool(_HARM.search(text)) and not _RESPONSE.search(text)


def mentions(sentence_tokens: frozenset[str], name: str) -> bool:
    """Whether a sentence names this indicator: all its content words occur (at least 3)."""
    words = tokens(name)
    return len(words) >= 3 and words <= sentence_tokens
