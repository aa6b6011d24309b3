"""Figures the text derives in words: "27 kasus per 87.296 penduduk dikali 10.000 didapat hasil
3,09"; "dari 10.090 menjadi 11.463 atau meningkat 11,98%"."""

from __future__ import annotations

import re
from decimal import Decimal

from sakip.core.numbers import HUNDRED, ZERO
from sakip.review.findings import Finding, Location, Severity
from sakip.review.report import cells as C
from sakip.review.report.arithmetic import n
from sakip.review.report.context import Report

_NUM = r"\d[\d.,]*\d|\d"
_RATIO = re.compile(
    rf"(?P<a>{_NUM})\s[^\d.!?]{{0,80}}?\b(?:per|dibagi(?:\s+dengan)?)\s[^\d.!?]{{0,80}}?"
    rf"(?P<b>{_NUM})\s[^\d!?]{{0,60}}?(?:dikali|×)\s*(?P<c>{_NUM})\s*%?")
_RESULT = re.compile(rf"(?:didapat hasil|diperoleh hasil|adalah sebesar|adalah|sebesar)\s+"
                     rf"(?P<r>-?(?:{_NUM}))\s*(?P<pct>%)?")
_CHANGE = re.compile(
    rf"dari\s+(?P<a>{_NUM})\s+menjadi\s+(?P<b>{_NUM})[^.%]{{0,40}}?"
    rf"(?P<dir>meningkat|menurun|naik|turun|bertambah|berkurang)\s+(?:sebesar\s+)?(?P<p>{_NUM})\s*%")
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def _number(text: str) -> Decimal | None:
    found = C.read_number(text)
    return found.value if found is not None else None


def _english(text: str) -> Decimal | None:
    """``54,248`` read as an English-locale thousands figure (54.248)."""
    return Decimal(text.replace(",", "")) if _COMMA_THOUSANDS.match(text) else None


def derivations(report: Report) -> list[Finding]:
    """TEXT_DERIVATION: a ratio or a change the text computes in words, recomputed.
    NUMBER_NOTATION: a figure that only reads right with a comma as thousands separator."""
    found = []
    for passage in report.passages:
        for match in _RATIO.finditer(passage.text):
            result = _RESULT.search(passage.text, match.end(), match.end() + 160)
            if result is None:
                continue
            finding = _ratio(match, result, passage.line)
            if finding is not None:
                found.append(finding)
        for match in _CHANGE.finditer(passage.text):
            finding = _change(match, passage.line)
            if finding is not None:
                found.append(finding)
    return found


def _ratio(match: re.Match[str], result: re.Match[str], line: int) -> Finding | None:
    texts = [match.group(k) for k in ("a", "b", "c")]
    values = [_number(t) for t in texts]
    printed = C.read_number(result.group("r") + (result.group("pct") or ""))
    if printed is None or any(v is None for v in values) or values[1] == ZERO:
        return None
    a, b, c = (v for v in values if v is not None)
    computed = a / b * c
    if C.agrees(printed, computed):
        return None
    formula = f"{texts[0]} / {texts[1]} × {texts[2]}"
    for index, text in enumerate(texts):
        english = _english(text)
        if english is None:
            continue
        trial = [v for v in (a, b, c)]
        trial[index] = english
        if trial[1] != ZERO and C.agrees(printed, trial[0] / trial[1] * trial[2]):
            return Finding(
                "NUMBER_NOTATION", Severity.INFO, Location(line=line),
                f"'{text}' memakai koma sebagai pemisah ribuan; hasil {printed.text} hanya "
                f"benar bila dibaca {C.fmt(english, 0)}. Tulis {C.fmt(english, 0)}.",
                f"'{text}' uses a comma as thousands separator.",
                expected=C.fmt(english, 0), found=text)
    return Finding(
        "TEXT_DERIVATION", Severity.ERROR, Location(line=line),
        f"Teks menyebut hasil {printed.text} untuk {formula}, padahal hasilnya {n(computed)}.",
        f"The text gives {printed.text} for {formula}, which is {n(computed)}.",
        expected=n(computed), found=printed.text)


def _change(match: re.Match[str], line: int) -> Finding | None:
    a, b = _number(match.group("a")), _number(match.group("b"))
    printed = C.read_number(match.group("p") + "%")
    if a is None or b is None or printed is None or a == ZERO:
        return None
    computed = (b - a).copy_abs() / a * HUNDRED
    if C.agrees(printed, computed):
        return None
    hint = ""
    if b != ZERO and C.agrees(printed, (b - a).copy_abs() / b * HUNDRED):
        hint = f" {printed.text} adalah perubahan dibagi nilai akhir ({match.group('b')}), " \
               "bukan dibagi nilai awal."
    return Finding(
        "TEXT_DERIVATION", Severity.ERROR, Location(line=line),
        f"Teks menyebut perubahan dari {match.group('a')} menjadi {match.group('b')} sebesar "
        f"{printed.text}, padahal perubahannya {n(computed)}%.{hint}",
        f"A change from {match.group('a')} to {match.group('b')} is {n(computed)}%, not "
        f"{printed.text}.",
        expected=f"{n(computed)}%", found=printed.text)
