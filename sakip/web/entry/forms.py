"""Form fields in Indonesian: numbers as people type them, lists one item per line."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy

from sakip.web.entry.cells import CellError, lines, number, shown


class IdDecimalField(forms.CharField):
    """A number typed the Indonesian way: ``1.234.567,89``."""

    def __init__(self, *, places: int = 6, negative: bool = True, **kwargs: Any) -> None:
        self.places, self.negative = places, negative
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal",
                                                           "class": "num"}))
        kwargs.pop("max_digits", None)
        kwargs.pop("decimal_places", None)
        kwargs.pop("max_value", None)
        kwargs.pop("min_value", None)
        kwargs.pop("step_size", None)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        return shown(value) if isinstance(value, Decimal) else value

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, Decimal):
            return value
        try:
            return number(str(value) if value is not None else None, negative=self.negative,
                          places=self.places)
        except CellError as error:
            raise forms.ValidationError(error.message) from None


class LinesField(forms.CharField):
    """A list of texts, one per line."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        kwargs.setdefault("help_text", gettext_lazy("satu butir per baris"))
        kwargs["required"] = False
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        return value if isinstance(value, list) else lines(value)


def formfield(field: models.Field, **kwargs: Any) -> forms.Field | None:
    """ModelForm field factory: Indonesian numbers and line lists instead of Django's own."""
    if isinstance(field, models.DecimalField):
        return IdDecimalField(label=field.verbose_name.capitalize(), required=not field.null,
                              help_text=field.help_text, places=field.decimal_places)
    if isinstance(field, models.JSONField):
        return LinesField(label=field.verbose_name.capitalize())
    if isinstance(field, models.TextField) and field.null and not field.choices:
        kwargs.setdefault("empty_value", None)  # an empty text is "not given", as in a plan file
    return field.formfield(**kwargs)


# ---------------------------------------------------------------------- the realisation grid

PERIOD_FIELDS = ("v1", "v2", "v3", "v4", "v0")  # TW I–IV, then the whole year, as the grid shows
PERIOD_OF = {"v1": 1, "v2": 2, "v3": 3, "v4": 4, "v0": 0}


class ActualRowForm(forms.Form):
    """One row of the realisation grid: an indicator's quarters, its year, status and reason.

    Its prefix is ``a-<indicator pk>`` (inputs ``a-12-v0``…), so a page showing some rows (a
    filter) posts and saves only those. ``derived``: the year's realisation comes from the
    indicator's formula; a value typed for it is refused, not ignored — except, for the year, the
    formula's own result (``formula_value``): a stored figure corrected to what the formula gives
    (the review's PLAN_FORMULA finding), or emptied."""

    v1 = IdDecimalField(required=False)
    v2 = IdDecimalField(required=False)
    v3 = IdDecimalField(required=False)
    v4 = IdDecimalField(required=False)
    v0 = IdDecimalField(required=False)
    x = forms.CharField(required=False, max_length=200, strip=True)
    s = forms.ChoiceField(choices=(), required=False)
    r = forms.CharField(required=False, max_length=2000, strip=True)

    def __init__(self, *args: Any, derived: bool = False, statuses: Any = (),
                 formula_value: Decimal | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.derived = derived
        self.formula_value = formula_value
        self.fields["s"].choices = list(statuses)

    DERIVED = gettext_lazy("Realisasi indikator ini dihitung dari data dasarnya; ubah data "
                           "dasarnya, bukan angka ini.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.derived:
            for name in PERIOD_FIELDS:
                value = data.get(name)
                if name in self.changed_data and value is not None and not (
                        name == "v0" and self.formula_value is not None
                        and value == self.formula_value):
                    self.add_error(name, str(self.DERIVED))
        return data


class GridFilter(forms.Form):
    """What the grid shows (GET): a text in the code or name, a level, a category, or only the
    rows with nothing entered yet."""

    q = forms.CharField(required=False, max_length=100, label=gettext_lazy("Cari"))
    tingkat = forms.ChoiceField(required=False, label=gettext_lazy("Tingkat"))
    kategori = forms.ChoiceField(required=False, label=gettext_lazy("Kategori"))
    kosong = forms.BooleanField(required=False, label=gettext_lazy("Belum diisi"))

    def __init__(self, *args: Any, levels: Any = (), categories: Any = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["tingkat"].choices = [("", gettext_lazy("Semua tingkat")), *levels]
        self.fields["kategori"].choices = [("", gettext_lazy("Semua kategori")), *categories]


PASTE_STARTS = (("v1", gettext_lazy("TW I")), ("v2", gettext_lazy("TW II")),
                ("v3", gettext_lazy("TW III")), ("v4", gettext_lazy("TW IV")),
                ("v0", gettext_lazy("Setahun")))


class PasteForm(forms.Form):
    """A block copied from a spreadsheet: one row per indicator, its code in the first column,
    then values from the column ``mulai`` on (tab-separated, as Excel copies)."""

    blok = forms.CharField(widget=forms.Textarea(attrs={"rows": 6, "class": "paste"}),
                           label=gettext_lazy("Tempel dari Excel"), max_length=200_000,
                           strip=False, error_messages={
                               "required": gettext_lazy("Tempelkan blok sel dari Excel.")})
    mulai = forms.ChoiceField(choices=PASTE_STARTS, initial="v1",
                              label=gettext_lazy("Nilai pertama di kolom"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern): a list of uploads."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        one = super().clean
        if isinstance(data, (list, tuple)):
            return [one(d, initial) for d in data] if data else one(None, initial)
        return [one(data, initial)]
