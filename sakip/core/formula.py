"""Formulas that derive a realisation from raw data series.

A formula is arithmetic over series indexed by year relative to the measured year ``n``::

    (pmks[n-1] - pmks[n]) / pmks[n-1] * 100
    cases_women[n] / women_18plus[n] * 10000

Only ``+ - * /``, unary minus, parentheses, decimal numbers and ``code[n±k]`` references are
allowed; it is parsed here, in Decimal, never handed to ``eval``.

An IKU Pemda's formula may also read agencies' indicators (docs/region.md)::

    agency("dinkes", "IKU-01")                 the agency's realisation of the measured year
    agency("dinkes", "IKU-01")[n-1]            … of the year before
    mean(agency("a", "X"), agency("b", "Y"))   mean (or ``sum``) of its arguments

An agency reference is a :class:`Ref` with ``agency`` set; its :attr:`Ref.key` is
``agency:code``, the name under which the evaluator is asked for its value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[-+*/()\[\],])"
    r"|(?P<string>\"[^\"]*\"))"
)


class FormulaError(ValueError):
    """A formula that cannot be parsed; the message says where."""


@dataclass(frozen=True)
class Ref:
    series: str  # a series code; for an agency reference, the agency's indicator code
    offset: int  # 0 for [n], -1 for [n-1]
    agency: str | None = None  # Agency.code of ``agency("code", "indicator")``

    @property
    def key(self) -> str:
        """The name the evaluator is asked for: the series, or ``agency:indicator``."""
        return self.series if self.agency is None else f"{self.agency}:{self.series}"


FUNCTIONS = ("sum", "mean")  # functions of one or more arguments
AGENCY = "agency"  # agency("agency code", "indicator code")


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


@dataclass(frozen=True)
class _Call:
    name: str  # one of FUNCTIONS
    arguments: tuple[Node, ...]


Node = Ref | _Num | _Neg | _Bin | _Call


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
            (ref.key, year + ref.offset)
            for ref in self.references
            if value_of(ref.key, year + ref.offset) is None
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
    elif isinstance(node, _Call):
        for argument in node.arguments:
            _collect(argument, found)


def _eval(node: Node, year: int, value_of: Callable[[str, int], Decimal | None]) -> Decimal:
    if isinstance(node, _Num):
        return node.value
    if isinstance(node, Ref):
        value = value_of(node.key, year + node.offset)
        if value is None:  # checked before evaluation; kept for type narrowing
            raise FormulaError(f"no value for {node.key}[{year + node.offset}]")
        return value
    if isinstance(node, _Neg):
        return -_eval(node.operand, year, value_of)
    if isinstance(node, _Call):
        values = [_eval(argument, year, value_of) for argument in node.arguments]
        total = sum(values, Decimal(0))
        return total if node.name == "sum" else total / len(values)
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
        if kind == "name" and self._peek() == "(" and value == AGENCY:
            return self._agency()
        if kind == "name" and self._peek() == "(" and value in FUNCTIONS:
            return self._call(value)
        if kind == "name":
            return self._reference(value)
        raise FormulaError(f"unexpected '{value}' in formula {self.text!r}")

    def _agency(self) -> Ref:
        """``agency("code", "indicator")``, optionally followed by ``[n±k]``."""
        self._take("(")
        agency = self._string("agency")
        self._take(",")
        indicator = self._string("agency")
        self._take(")")
        offset = self._offset("agency(…)") if self._peek() == "[" else 0
        return Ref(indicator, offset, agency)

    def _string(self, within: str) -> str:
        kind, value = self._take()
        if kind != "string" or not value.strip('"').strip():
            raise FormulaError(f"{within}(…) takes two codes in quotes, "
                               f"as agency(\"dinkes\", \"IKU-01\"), in {self.text!r}")
        return value.strip('"').strip()

    def _call(self, name: str) -> _Call:
        self._take("(")
        arguments = [self.expression()]
        while self._peek() == ",":
            self._take(",")
            arguments.append(self.expression())
        self._take(")")
        return _Call(name, tuple(arguments))

    def _reference(self, name: str) -> Ref:
        return Ref(name, self._offset(name))

    def _offset(self, name: str) -> int:
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
        return offset
