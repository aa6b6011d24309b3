"""The kinds of plan records the structure editor knows: model, fields, forms, labels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db import models

from sakip.web.entry.cells import CellError, lines, number, shown
from sakip.web.plans import models as m
from sakip.web.plans.models.choices import Level


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
        code = str(self.cleaned_data["code"]).strip()
        model = self._meta.model
        if model is m.Agency:
            return code
        clash = model.objects.filter(agency=self.agency, code=code)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"Kode “{code}” sudah dipakai.")
        return code


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


def _save_series(obj: models.Model, form: forms.ModelForm) -> None:
    values = form.cleaned_data.get("nilai") or []
    obj.values.all().delete()  # type: ignore[attr-defined]
    m.SeriesValue.objects.bulk_create(m.SeriesValue(series=obj, year=y, value=v) for y, v in values)


def _nothing(obj: models.Model, form: forms.ModelForm) -> None:
    return None


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str
    model: type[models.Model]
    fields: tuple[str, ...]
    level: str | None = None  # the indicator level of records of this kind
    base_form: type[forms.ModelForm] = AgencyForm
    after_save: Callable[[models.Model, forms.ModelForm], None] = _nothing
    listed: bool = True
    extra: tuple[str, ...] = field(default=())

    def snapshot(self, obj: models.Model) -> dict[str, Any]:
        values = {name: getattr(obj, name) for name in self.fields}
        if isinstance(obj, m.Indicator):
            values["level"], values["owner"] = obj.level, obj.owner
        if isinstance(obj, m.Series) and obj.pk:
            values["nilai"] = [f"{v.year}: {shown(v.value)}" for v in obj.values.all()]
        return values


KINDS: dict[str, Kind] = {k.slug: k for k in (
    Kind("unit", "Unit kerja", m.Unit, ("code", "name", "task", "functions")),
    Kind("tujuan", "Tujuan", m.Goal, ("code", "name", "mission"), Level.GOAL),
    Kind("sasaran", "Sasaran", m.Objective, ("code", "name", "goal"), Level.OBJECTIVE),
    Kind("strategi", "Strategi", m.Strategy, ("code", "text", "objectives", "policies")),
    Kind("program", "Program", m.Program, ("code", "name", "objective", "unit"), Level.PROGRAM),
    Kind("kegiatan", "Kegiatan", m.Activity,
         ("code", "name", "program", "parent", "output", "outcome", "unit"), Level.ACTIVITY),
    Kind("indikator", "Indikator", m.Indicator,
         ("code", "name", "unit", "precision", "polarity", "negative_formula", "aggregation",
          "formula", "definition", "data_source", "key", "kind", "levels", "baseline_year",
          "baseline_value", "baseline_text"), base_form=IndicatorForm),
    Kind("data-dasar", "Data dasar", m.Series, ("code", "name", "unit", "source"),
         base_form=SeriesForm, after_save=_save_series),
    Kind("profil", "Profil perangkat daerah", m.Agency,
         ("name", "short_name", "address", "phone", "legal_basis_of_organisation",
          "position_text", "task", "functions", "head_name", "head_title", "head_rank",
          "head_nip"), listed=False),
)}
