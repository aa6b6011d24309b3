"""Reviu: the mechanical part of the inspectorate's review, over a plan or over a report.

``sakip.review.plan`` checks a plan (and its measurement); ``sakip.review.report`` reads a
report that Sakip did not make and checks what can be checked from the report alone;
``sakip.review.papers`` writes the working papers (Kertas Kerja Reviu, Pernyataan Telah
Direviu). Every check returns :class:`~sakip.review.findings.Finding` values.
"""
