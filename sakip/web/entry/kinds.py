"""The kinds of plan records the structure editor knows: model, fields, forms, labels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django import forms
from django.db import models

from sakip.core import records as r
from sakip.core.model import Plan, Series
from sakip.web.entry.cells import CellError, lines, number, shown
from sakip.web.plans import models as m
from sakip.web.plans.models.choices import Level
from sakip.web.plans.rows import record_of


class AgencyForm(forms.ModelForm):
    """A model form bound to one agency: its choices list only the agency's own records."""

    def __init__(self, *args: Any, agency: m.Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency = agency
        limits = {"goal": m.Goal, "objective": m.Objective, "program": m.Program,
                  "parent": m.Activity}
        for name, model in limits.items():
            if name in self.fields:
                self.fields[name].queryset = model.objects.filter(agency=agency)  # type: ignore[attr-defined]
        if "code" in self.fields:
            self.fields["code"].help_text = "unik di perangkat daerah ini"

    def clean_code(self) -> str:
        # a code used twice is the plan checks' to find (PLAN_DUPLICATE_CODE, shown here)
        return str(self.cleaned_data["code"]).strip()


def _owners(agency: m.Agency) -> list[tuple[str, str]]:
    choices = []
    for level, model in ((Level.GOAL, m.Goal), (Level.OBJECTIVE, m.Objective),
                         (Level.PROGRAM, m.Program), (Level.ACTIVITY, m.Activity)):
        for row in model.objects.filter(agency=agency):
            choices.append((f"{level.value}:{row.code}", f"{level.label} {row.code} — {row.name[:60]}"))
    return choices


class IndicatorForm(AgencyForm):
    pemilik = forms.ChoiceField(label="Tujuan / sasaran / program / kegiatan")

    def __init__(self, *args: Any, agency: m.Agency, **kwargs: Any) -> None:
        super().__init__(*args, agency=agency, **kwargs)
        self.fields["pemilik"].choices = _owners(agency)
        if self.instance.pk:
            self.fields["pemilik"].initial = f"{self.instance.level}:{self.instance.owner}"
        self.order_fields(["code", "name", "pemilik"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        owner = data.get("pemilik")
        if owner:
            level, code = str(owner).split(":", 1)
            self.instance.level, self.instance.owner = level, code
        return data


class SeriesForm(AgencyForm):
    nilai = forms.CharField(label="Nilai per tahun", required=False,
                            widget=forms.Textarea(attrs={"rows": 6}),
                            help_text="satu tahun per baris, mis. “2020: 13.619”")

    def __init__(self, *args: Any, agency: m.Agency, **kwargs: Any) -> None:
        super().__init__(*args, agency=agency, **kwargs)
        if self.instance.pk:
            self.fields["nilai"].initial = "\n".join(
                f"{v.year}: {shown(v.value)}" for v in self.instance.values.all())

    def clean_nilai(self) -> list[tuple[int, Any]]:
        result = []
        for line in lines(self.cleaned_data.get("nilai")):
            year_text, _, value_text = line.partition(":")
            try:
                year = int(year_text.strip())
                value = number(value_text)
            except (ValueError, CellError):
                raise forms.ValidationError(f"Baris “{line}” tidak terbaca: tulis “2020: 13.619”.") from None
            if value is None:
                raise forms.ValidationError(f"Baris “{line}” tanpa nilai.")
            result.append((year, value))
        if len({y for y, _ in result}) != len(result):
            raise forms.ValidationError("Ada tahun yang ditulis dua kali.")
        return result


def _series_values(plan: Plan, series: Series, form: forms.ModelForm) -> list[r.Edit]:
    """The values typed on the series form, as edits of the series' value records."""
    typed = dict(form.cleaned_data.get("nilai") or [])
    stored = plan.series_by_code.get(series.code)
    gone = [year for year, _ in (stored.values if stored else ()) if year not in typed]
    return ([r.Put(r.SERIES_VALUE, (series.code, year), (year, value))
             for year, value in sorted(typed.items())]
            + [r.Remove(r.SERIES_VALUE, (series.code, year)) for year in gone])


def _nothing_more(plan: Plan, record: Any, form: forms.ModelForm) -> list[r.Edit]:
    return []


@dataclass(frozen=True)
class Kind:
    """A kind of plan record the structure editor edits: the form shows the ``fields`` of its
    row; ``record`` turns the (unsaved) row the form filled into the core record (``convert``),
    ``more`` gives the edits of what the form holds beside the row (a series' values)."""

    slug: str
    label: str
    model: type[models.Model]
    fields: tuple[str, ...]
    kind: str  # the core record kind (sakip.core.records)
    record: Callable[[Any], Any]
    base_form: type[forms.ModelForm] = AgencyForm
    more: Callable[[Plan, Any, forms.ModelForm], list[r.Edit]] = _nothing_more
    listed: bool = True


KINDS: dict[str, Kind] = {k.slug: k for k in (
    Kind("unit", "Unit kerja", m.Unit, ("code", "name", "task", "functions", "parent",
                                        "head_name", "head_title", "head_rank", "head_nip"),
         r.UNIT,
         partial(record_of, r.UNIT)),
    Kind("tujuan", "Tujuan", m.Goal, ("code", "name", "mission", "serves"), r.GOAL,
         partial(record_of, r.GOAL)),
    Kind("sasaran", "Sasaran", m.Objective, ("code", "name", "goal", "serves"), r.OBJECTIVE,
         partial(record_of, r.OBJECTIVE)),
    Kind("strategi", "Strategi", m.Strategy, ("code", "text", "objectives", "policies"),
         r.STRATEGY, partial(record_of, r.STRATEGY)),
    Kind("program", "Program", m.Program, ("code", "name", "objective", "unit"), r.PROGRAM,
         partial(record_of, r.PROGRAM)),
    Kind("kegiatan", "Kegiatan", m.Activity,
         ("code", "name", "program", "parent", "output", "outcome", "unit"), r.ACTIVITY,
         partial(record_of, r.ACTIVITY)),
    Kind("indikator", "Indikator", m.Indicator,
         ("code", "name", "unit", "precision", "polarity", "negative_formula", "aggregation",
          "over_years", "cap",
          "formula", "definition", "calculation", "data_source", "frequency", "responsible",
          "rationale", "key", "kind", "levels", "baseline_year",
          "baseline_value", "baseline_text"), r.INDICATOR, partial(record_of, r.INDICATOR),
         base_form=IndicatorForm),
    Kind("data-dasar", "Data dasar", m.Series, ("code", "name", "unit", "source"), r.SERIES,
         partial(record_of, r.SERIES), base_form=SeriesForm, more=_series_values),
    Kind("profil", "Profil perangkat daerah", m.Agency,
         ("name", "short_name", "address", "phone", "legal_basis_of_organisation",
          "position_text", "task", "functions", "head_name", "head_title", "head_rank",
          "head_nip"), r.AGENCY, partial(record_of, r.AGENCY), listed=False),
)}
