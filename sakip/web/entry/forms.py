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
