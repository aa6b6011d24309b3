"""What the API reads and writes, as pydantic schemas (the OpenAPI schema is generated from
them). Decimals travel as canonical strings ("80", "12.5"), never as JSON floats."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from ninja import Field, Schema

T = TypeVar("T")
DECIMAL = r"^-?[0-9]{1,18}(\.[0-9]{1,6})?$"  # the database's DecimalField(24, 6)


class Page(Schema, Generic[T]):
    count: int = Field(description="all items matching the filters")
    page: int
    per_page: int
    items: list[T]


class YearOut(Schema):
    year: int
    state: str = Field(description="draft, submitted, verified, approved, returned")
    published: bool


class AgencyOut(Schema):
    id: int
    code: str
    name: str
    region: str
    start: int
    end: int
    revision: int | None = Field(description="the plan's revision; null for a reader of "
                                             "published years only")
    years: list[YearOut] = Field(description="the plan's years the caller may read")


class TargetOut(Schema):
    indicator: str
    year: int
    quarter: int | None
    month: int | None
    value: str | None
    upper: str | None
    text: str | None
    note: str | None


class ActualOut(Schema):
    indicator: str
    year: int
    quarter: int | None
    month: int | None
    value: str | None
    text: str | None
    status: str
    reason: str | None
    expected: str | None
    note: str | None
    obstacles: str | None
    follow_up: str | None
    drivers: str | None


class RecordsPage(Schema, Generic[T]):
    revision: int = Field(description="send it back as `seen` when writing")
    count: int
    page: int
    per_page: int
    items: list[T]


class ActualIn(Schema):
    """One realisation. Fields left out keep their stored value; a field sent as null is
    cleared. A realisation left with nothing at all is removed (unless it has evidence files)."""

    indicator: str = Field(min_length=1, max_length=60)
    quarter: int | None = Field(None, ge=1, le=4)
    month: int | None = Field(None, ge=1, le=12)
    value: str | None = Field(None, pattern=DECIMAL,
                              description='a decimal as a string with a point: "12.5"')
    text: str | None = Field(None, max_length=200)
    status: Literal["final", "provisional", "not_available"] | None = None
    reason: str | None = Field(None, max_length=2000)
    expected: str | None = Field(None, max_length=10)
    note: str | None = Field(None, max_length=2000)
    obstacles: str | None = Field(None, max_length=2000)
    follow_up: str | None = Field(None, max_length=2000)
    drivers: str | None = Field(None, max_length=2000)


class WriteIn(Schema):
    seen: int = Field(ge=0, description="the revision the client read (GET …/realisations)")
    reason: str = Field("", max_length=1000, description="why: written to the audit trail")
    items: list[ActualIn] = Field(min_length=1, max_length=2000)


class WriteOut(Schema):
    changes: int = Field(description="values changed (audit entries written)")
    revision: int


class FindingOut(Schema):
    number: int
    key: str
    code: str
    severity: str
    location: str
    message: str
    expected: str | None
    found: str | None
    own: bool = Field(description="a finding of the review team, not of the automated review")
    decision: str
    answer: str
    follow_up: str


class StepOut(Schema):
    at: datetime
    by: str
    field: str
    old: str | None
    new: str | None
    reason: str


class WorkflowOut(Schema):
    year: int
    state: str
    state_label: str
    published: bool
    reviewed_at: datetime | None
    reason: str
    transitions: list[str] = Field(description="steps the caller may take now (on the pages)")
    steps: list[StepOut]


class AuditOut(Schema):
    id: int
    at: datetime
    user: str
    year: int | None
    key: str
    label: str
    field: str
    old: str | None
    new: str | None
    reason: str
    revision: int | None


class PeriodOut(Schema):
    slug: str
    quarter: int | None
    month: int | None
    label: str
    followed: bool = Field(description="a period the region follows (has an entry window)")
    deadline: datetime | None
    open: bool
    indicators: int
    filled: int
    budgets: int
    spent: int
    evidenced: int
    missing_indicators: list[str]
    missing_budgets: list[str]


class TreeIndicatorOut(Schema):
    code: str
    name: str
    achievement: str | None
    category: str | None
    color: str | None


class NodeOut(Schema):
    id: str
    parent: str | None
    depth: int
    kind: str
    code: str | None
    name: str
    achievement: str | None
    category: str | None
    color: str | None
    also_serves: list[str]
    indicators: list[TreeIndicatorOut]


class TreeOut(Schema):
    year: int
    scale: str
    nodes: list[NodeOut] = Field(description="depth first; each node after its parent")


class ScoreOut(Schema):
    total: str
    predicate: str | None
    unanswered: int


class AnswerOut(Schema):
    code: str
    party: str
    claim: bool
    answer: str
    note: str
    links: list[str]


class RecommendationOut(Schema):
    component: str
    text: str


class EvaluationOut(Schema):
    year: int
    version: str
    stage: str
    stage_label: str
    self_assessment: ScoreOut
    evaluator: ScoreOut
    final: ScoreOut
    answers: list[AnswerOut]
    recommendations: list[RecommendationOut]


Document = dict[str, Any]
