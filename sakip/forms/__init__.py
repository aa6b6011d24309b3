"""The Permendagri 86/2017 evaluation forms and the quarterly monitoring report (docs/forms.md).

- E.81 *Evaluasi terhadap Hasil Renja Perangkat Daerah* (:mod:`.e81`), for a year or up to a
  quarter of it;
- E.80 *Evaluasi terhadap Hasil Renstra Perangkat Daerah* (:mod:`.e80`), up to a year;
- the *Laporan Monev triwulan* (:mod:`.monev`), for a quarter.

Each is built from a :class:`~sakip.core.model.Plan` into its figures (computed once, in
Decimal, rounded by the plan's settings) and laid out (:mod:`.layout`); the writers
(:mod:`.xlsx`, :mod:`.pdf`) only place what the layout holds.
"""

from __future__ import annotations

from sakip.core.model import Plan
from sakip.forms.layout import Form

FORMS = ("e81", "e80", "monev")
FORMATS = (".xlsx", ".pdf")


def build(plan: Plan, name: str, year: int, quarter: int | None = None) -> Form:
    """The laid-out form ``name`` (``e81``, ``e80`` or ``monev``) of ``year`` (and quarter:
    E.81 up to it, Monev of it — the fourth when none is given; E.80 ignores it)."""
    if name == "e81":
        from sakip.forms import e81

        return e81.layout(e81.build(plan, year, quarter))
    if name == "e80":
        from sakip.forms import e80

        return e80.layout(e80.build(plan, year))
    if name == "monev":
        from sakip.forms import monev

        return monev.layout(monev.build(plan, year, quarter or 4))
    raise ValueError(f"unknown form {name!r}")


def render(form: Form, fmt: str) -> bytes:
    """``fmt`` is ".xlsx" or ".pdf"."""
    if fmt == ".xlsx":
        from sakip.forms import xlsx

        return xlsx.write(form)
    if fmt == ".pdf":
        from sakip.forms import pdf

        return pdf.write(form)
    raise ValueError(f"unknown format {fmt!r}")
