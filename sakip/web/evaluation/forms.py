"""The LKE page's forms: one form per criterion (and per sub-component, the grade claimed beyond
BB) for the party answering in the current stage, as a formset; each field posts the value the
page showed beside it (``show_hidden_initial``), so the write path can tell what the page changed
(sakip/web/evaluation/write.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language, gettext_lazy

from sakip.core import lke as core
from sakip.web.evaluation.models import Answer, Response
from sakip.web.evaluation.write import AnswerEdit, Shown


class AnswerForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(label=gettext_lazy("Jawaban"), required=False,
                               show_hidden_initial=True)
    note = forms.CharField(label=gettext_lazy("Bukti dukung / catatan"), required=False,
                           max_length=5000, show_hidden_initial=True,
                           widget=forms.Textarea(attrs={"rows": 2}))
    links = forms.CharField(label=gettext_lazy("Tautan bukti (satu per baris)"), required=False,
                            max_length=5000, show_hidden_initial=True,
                            widget=forms.Textarea(attrs={"rows": 1}))
    evidence = forms.TypedMultipleChoiceField(label=gettext_lazy("Berkas bukti dalam rekaman"),
                                              required=False, coerce=int,
                                              show_hidden_initial=True)

    def __init__(self, *args: Any, options: list[tuple[str, str]] | None = None,
                 files: list[tuple[int, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["answer"].choices = [("", "–"), *(options or [])]
        evidence = self.fields["evidence"]
        evidence.choices = files or []  # type: ignore[attr-defined]
        if not files:
            evidence.widget = forms.MultipleHiddenInput()

    def edit(self) -> AnswerEdit:
        data = self.cleaned_data
        shown = Shown(self._initial("answer"), self._initial("note").strip(),
                      self._initial("links").strip(),
                      tuple(sorted(int(v) for v in self._initial_list("evidence"))))
        return AnswerEdit(data["code"], data["answer"] or "", (data["note"] or "").strip(),
                          (data["links"] or "").strip(), tuple(sorted(data["evidence"] or ())),
                          shown)

    def _initial(self, name: str) -> str:
        value = self.data.get(self.add_initial_prefix(name))
        return str(value) if value is not None else ""

    def _initial_list(self, name: str) -> list[str]:
        key = self.add_initial_prefix(name)
        getlist = getattr(self.data, "getlist", None)
        values = getlist(key) if getlist else self.data.get(key, [])
        return [v for v in values if str(v).strip().isdigit()]


AnswerFormSet = forms.formset_factory(AnswerForm, extra=0, max_num=500, absolute_max=500)


def options(lke: core.Lke, code: str) -> list[tuple[str, str]]:
    """The answers a criterion (or a claimed sub-component: A, AA) may take, labelled."""
    english = (get_language() or "id").startswith("en")
    if code in lke.subcomponent_by_code:
        return [(claim, claim) for claim in lke.claims]
    kind = lke.criterion_by_code[code].type
    return [(o.code, f"{o.code} – {o.label_en if english else o.label}") for o in kind.options]


def formset(lke: core.Lke, stored: dict[str, Answer], files: list[tuple[int, str]],
            data: Any = None) -> Any:
    """The formset of every criterion and claimable sub-component, in worksheet order."""
    codes = [c.code for c in lke.criteria]
    if lke.claims:
        codes += [s.code for s in lke.subcomponents]
    initial = []
    for code in codes:
        row = stored.get(code)
        initial.append({"code": code, "answer": row.answer if row else "",
                        "note": row.note if row else "", "links": row.links if row else "",
                        "evidence": [e.pk for e in row.evidence.all()] if row else []})
    result = AnswerFormSet(data, initial=initial, prefix="lke",
                           form_kwargs={"files": files})
    for form, code in zip(result.forms, codes, strict=False):
        form.fields["answer"].choices = [("", "–"), *options(lke, code)]
        form.code = code
    return result


RESPONSES = [(Response.AGREE, gettext_lazy("Setuju dengan evaluator")),
             (Response.DISAGREE, gettext_lazy("Tidak setuju"))]
