"""Which realisations each evidence file supports: its own (``Evidence.actual``) and those it is
linked to (``Evidence.links``, a bulk upload supporting several indicators). Every reader that
asks "has this realisation evidence?" asks here, so a linked file counts wherever an own one does:
the completeness figures, the period entry page, the approved year's snapshot and the write
path's refusal to drop a realisation that has evidence."""

from __future__ import annotations

from django.db.models import QuerySet

from sakip.web.plans.models import Actual
from sakip.web.workflow.models import Evidence

Link = Evidence.links.through


def with_evidence(actuals: QuerySet[Actual]) -> set[int]:
    """The primary keys of the realisations among ``actuals`` that some file supports (two
    queries, whatever their number)."""
    own = Evidence.objects.filter(actual__in=actuals).values_list("actual_id", flat=True)
    linked = Link.objects.filter(actual__in=actuals).values_list("actual_id", flat=True)
    return set(own) | set(linked)


def supports(actuals: QuerySet[Actual]) -> list[tuple[Actual, Evidence]]:
    """Every (realisation, file) pair among ``actuals``, each file's own realisation and the ones
    it is linked to, by file and then by realisation (two queries)."""
    pairs = [(e.actual, e) for e in
             Evidence.objects.filter(actual__in=actuals).select_related("actual__indicator")]
    pairs += [(link.actual, link.evidence) for link in Link.objects.filter(
        actual__in=actuals).select_related("actual__indicator", "evidence")]
    return sorted(pairs, key=lambda pair: (pair[1].pk, pair[0].pk))
