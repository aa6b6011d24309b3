"""The names the report's signature blocks need: the Perjanjian Kinerja's two parties and the
head of the agency who signs the foreword.

Without one the report prints a line to write the name on (never a placeholder); the report
check ``SIGNATURE_NAME_MISSING`` finds such a line in any report, this check finds the missing
name at its source, the plan.
"""

from __future__ import annotations

from sakip.review.findings import Finding, Location, Severity
from sakip.review.plan.context import PlanReview

CODE = "PLAN_SIGNATORY_NAME"


def names(review: PlanReview) -> list[Finding]:
    """PLAN_SIGNATORY_NAME (warning, as a missing PK is): the PK of the year lacks a party's
    name, or the agency's head, who signs the report, has none."""
    plan, year = review.plan, review.year
    if not plan.region.given:
        return []  # a plan made only to be measured makes no report (as ``printed``)
    head = plan.agency.head
    found: list[Finding] = []
    version = plan.agreement(year)
    first_named = False
    if version is not None:
        where = Location(record=f"perjanjian kinerja {year}")
        first = version.first_party or head
        first_named = first is not None and bool(first.name)
        if not first_named:
            found.append(Finding(
                "PLAN_SIGNATORY_NAME", Severity.WARNING, where,
                f"Nama Pihak Pertama (kepala perangkat daerah) Perjanjian Kinerja {year} tidak "
                "diisi: perjanjian mencetak baris kosong di tempat namanya. Isi nama kepala "
                "perangkat daerah (agency.head.name) atau pihak pertama PK.",
                f"The name of the first party (the head of the agency) of the {year} performance "
                "agreement is not given: the agreement prints a blank line where it goes. Fill in "
                "the head's name (agency.head.name) or the PK's first party.",
                expected="nama pihak pertama", found="tidak diisi"))
        second = version.second_party
        if not ((second is not None and second.name) or plan.region.head_name):
            title = plan.region.head_title
            found.append(Finding(
                "PLAN_SIGNATORY_NAME", Severity.WARNING, where,
                f"Nama Pihak Kedua ({title}) Perjanjian Kinerja {year} tidak diisi: perjanjian "
                f"mencetak baris kosong di tempat namanya. Isi nama {title} "
                "(region.head_name) atau pihak kedua PK.",
                f"The name of the second party (the {title}) of the {year} performance agreement "
                "is not given: the agreement prints a blank line where it goes. Fill in the "
                "regent's name (region.head_name) or the PK's second party.",
                expected="nama pihak kedua", found="tidak diisi"))
    if not (head is not None and head.name) and not (
            version is not None and not first_named and version.first_party is None):
        found.append(Finding(
            "PLAN_SIGNATORY_NAME", Severity.WARNING,
            Location(record="kepala perangkat daerah"),
            "Nama kepala perangkat daerah tidak diisi: Kata Pengantar dan lampiran laporan "
            "mencetak baris kosong di tempat tanda tangannya (agency.head.name).",
            "The head of the agency has no name: the report's foreword and annexes print a "
            "blank line where the head signs (agency.head.name).",
            expected="nama kepala perangkat daerah", found="tidak diisi"))
    return found
