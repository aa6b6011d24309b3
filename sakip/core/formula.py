"""Formulas that derive a realisation from raw data series.

A formula is arithmetic over series indexed by year relative to the measured year ``n``::

    (pmks[n-1] - pmks[n]) / pmks[n-1] * 100
    cases_women[n] / women_18plus[n] * 10000

Only ``+ - * /``, unary minus, parentheses, decimal numbers and ``code[n±k]`` references are
allowed; it is parsed here, in Decimal, never handed to ``eval``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[-+*/()\[\]]))"
)


class FormulaError(ValueError):
    """A formula that cannot be parsed; the message says where."""


@dataclass(frozen=True)
class Ref:
    series: str
    offset: int  # 0 for [n], -1 for [n-1]


@dataclass(frozen=True)
class _Num:
    value: Decimal


@dataclass(frozen=True)
class _Neg:
    operand: Node


@dataclass(frozen=True)
class _Bin:
    op: str
    left: Node
    right: Node


Node = Ref | _Num | _Neg | _Bin


@dataclass(frozen=True)
class Evaluation:
    value: Decimal | None
    missing: tuple[tuple[str, int], ...] = ()  # (series, year) with no value
    division_by_zero: bool = False


@dataclass(frozen=True)
class Formula:
    text: str
    root: Node

    @property
    def references(self) -> tuple[Ref, ...]:
        found: list[Ref] = []
        _collect(self.root, found)
        return tuple(dict.fromkeys(found))

    def evaluate(self, year: int, value_of: Callable[[str, int], Decimal | None]) -> Evaluation:
        missing = tuple(
            (ref.series, year + ref.offset)
            for ref in self.references
            if value_of(ref.series, year + ref.offset) is None
        )
        if missing:
            return Evaluation(None, missing)
        try:
            return Evaluation(_eval(self.root, year, value_of))
        except ZeroDivisionError:
            return Evaluation(None, division_by_zero=True)


def _collect(node: Node, found: list[Ref]) -> None:
    if isinstance(node, Ref):
        found.append(node)
    elif isinstance(node, _Neg):
        _collect(node.operand, found)
    elif isinstance(node, _Bin):
        _collect(node.left, found)
        _collect(node.right, found)


def _eval(node: Node, year: int, value_of: Callable[[str, int], Decimal | None]) -> Decimal:
    if isinstance(node, _Num):
        return node.value
    if isinstance(node, Ref):
        value = value_of(node.series, year + node.offset)
        if value is None:  # checked before evaluation; kept for type narrowing
            raise FormulaError(f"no value for {node.series}[{year + node.offset}]")
        return value
    if isinstance(node, _Neg):
        return -_eval(node.operand, year, value_of)
    left = _eval(node.left, year, value_of)
    right = _eval(node.right, year, value_of)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if right == 0:
        raise ZeroDivisionError
    return left / right


def parse(text: str) -> Formula:
    """Parse a formula; raises :class:`FormulaError` naming the offending position."""
    tokens = _tokenize(text)
    parser = _Parser(text, tokens)
    root = parser.expression()
    if parser.position < len(tokens):
        raise FormulaError(f"unexpected '{tokens[parser.position][1]}' in formula {text!r}")
    return Formula(text, root)


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    stripped = text.rstrip()
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if match is None or match.end() == position:
            raise FormulaError(f"unexpected character at position {position + 1} in {text!r}")
        kind = match.lastgroup or "op"
        tokens.append((kind, match.group(kind)))
        position = match.end()
    if not tokens:
        raise FormulaError("empty formula")
    return tokens


class _Parser:
    def __init__(self, text: str, tokens: list[tuple[str, str]]) -> None:
        self.text = text
        self.tokens = tokens
        self.position = 0

    def _peek(self) -> str | None:
        return self.tokens[self.position][1] if self.position < len(self.tokens) else None

    def _take(self, expected: str | None = None) -> tuple[str, str]:
        if self.position >= len(self.tokens):
            raise FormulaError(f"formula {self.text!r} ends too early")
        token = self.tokens[self.position]
        if expected is not None and token[1] != expected:
            raise FormulaError(f"expected '{expected}' but found '{token[1]}' in {self.text!r}")
        self.position += 1
        return token

    def expression(self) -> Node:
        node = self.term()
        while self._peek() in ("+", "-"):
            op = self._take()[1]
            node = _Bin(op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while self._peek() in ("*", "/"):
            op = self._take()[1]
            node = _Bin(op, node, self.factor())
        return node

    def factor(self) -> Node:
        kind, value = self._take()
        if value == "-":
            return _Neg(self.factor())
        if value == "+":
            return self.factor()
        if value == "(":
            node = self.expression()
            self._take(")")
            return node
        if kind == "number":
            return _Num(Decimal(value))
        if kind == "name":
            return self._reference(value)
        raise FormulaError(f"unexpected '{value}' in formula {self.text!r}")

    def _reference(self, name: str) -> Ref:
        self._take("[")
        kind, value = self._take()
        if value != "n":
            raise FormulaError(f"{name}[…] must be indexed by n, n-1, n+1 … in {self.text!r}")
        offset = 0
        if self._peek() in ("+", "-"):
            sign = self._take()[1]
            kind, digits = self._take()
            if kind != "number" or not digits.isdigit():
                raise FormulaError(f"{name}[n{sign}…] needs a whole number in {self.text!r}")
            offset = int(digits) if sign == "+" else -int(digits)
        self._take("]")
        return Ref(name, offset)
