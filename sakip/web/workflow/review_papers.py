"""The working papers of an agency-year's review, printed from the review's state: the team's
decisions, its own findings, the agency's answers and follow-up (sakip/web/workflow/review_state.py)
over the latest run of the automated review, by the same writers as ``sakip review --papers``."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from sakip.review import papers
from sakip.web.exchange.capabilities import Unavailable, year_findings
from sakip.web.plans.models import Agency
from sakip.web.workflow import review_state
from sakip.web.workflow.models import AgencyYear
from sakip.web.workflow.snapshots import plan_for

# which (the URL's last part) → the paper's file name and its writer
PAPERS = {"xlsx": papers.WRITERS[0], "docx": papers.WRITERS[1], "chr": papers.WRITERS[2],
          "pernyataan": papers.WRITERS[3]}


def paper_bytes(agency: Agency, year: int, state: AgencyYear, which: str) -> tuple[bytes, str]:
    """One working paper as bytes, and its file name; :class:`Unavailable` without the review."""
    plan = plan_for(agency, year)
    found = year_findings(agency, year, state)
    if found is None or which not in PAPERS:
        raise Unavailable(which)
    name, writer = PAPERS[which]
    subject = papers.Subject(source=f"{plan.agency.code}.yaml", kind="rencana",
                             agency=plan.agency.name, region=plan.region.name, year=year,
                             reviewed_on=dt.date.today())
    items = review_state.items(review_state.entries(state, found))
    with tempfile.TemporaryDirectory(prefix="sakip-papers-") as folder:
        path = Path(folder) / name
        writer(path, subject, items, review_state.team(state))
        return path.read_bytes(), name
