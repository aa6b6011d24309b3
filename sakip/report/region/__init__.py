"""The LKjIP Pemda: the region's performance report on the IKU Pemda, built as the same document
model as an agency's LKjIP (:mod:`sakip.report.model`) and rendered by the same renderers.

    from sakip.report.region import build_region_report
    document = build_region_report(region, plans, 2020)   # then sakip.report.render(document, ".pdf")
"""

from __future__ import annotations

from sakip.report.region.build import build_region_report

__all__ = ["build_region_report"]
