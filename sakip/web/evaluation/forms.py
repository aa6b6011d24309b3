"""The LKE page's forms: one form per criterion (and per sub-component, the grade claimed beyond
BB) for the party answering in the current stage, as a formset; each form posts the digest of
the values the page showed (``<prefix>-shown``, :func:`sakip.web.evaluation.write.digest`), so the
write path can tell what the page changed (sakip/web/evaluation/write.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from sakip.core import lke as core
from sakip.web.evaluation.models import Answer, Response
from sakip.web.evaluation.write import AnswerEdit, Shown, digest
from sakip.web.labels import language


class AnswerForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(label=gettext_lazy("Jawaban"), required=False)
    note = forms.CharField(label=gettext_lazy("Bukti dukung / catatan"), required=False,
                           max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    links = forms.CharField(label=gettext_lazy("Tautan bukti (satu per baris)"), required=False,
                            max_length=5000, widget=forms.Textarea(attrs={"rows": 1}))
    evidence = forms.TypedMultipleChoiceField(label=gettext_lazy("Berkas bukti dalam rekaman"),
                                              required=False, coerce=int)

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
        shown = str(self.data.get(f"{self.prefix}-shown") or "").strip() or None
        return AnswerEdit(data["code"], data["answer"] or "", (data["note"] or "").strip(),
                          (data["links"] or "").strip(), tuple(sorted(data["evidence"] or ())),
                          shown)


AnswerFormSet = forms.formset_factory(AnswerForm, extra=0, max_num=500, absolute_max=500)


def options(lke: core.Lke, code: str) -> list[tuple[str, str]]:
    """The answers a criterion (or a claimed sub-component: A, AA) may take, labelled."""
    english = language() == "en"
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
    shown = []
    for code in codes:
        row = stored.get(code)
        evidence = sorted(e.pk for e in row.evidence.all()) if row else []
        initial.append({"code": code, "answer": row.answer if row else "",
                        "note": row.note if row else "", "links": row.links if row else "",
                        "evidence": evidence})
        shown.append(digest(Shown(row.answer, row.note, row.links, tuple(evidence)) if row
                            else Shown()))
    result = AnswerFormSet(data, initial=initial, prefix="lke",
                           form_kwargs={"files": files})
    for form, code, fingerprint in zip(result.forms, codes, shown, strict=False):
        form.fields["answer"].choices = [("", "–"), *options(lke, code)]
        form.code = code
        # a page shown again with its errors keeps what it was first shown from
        form.shown = (str(data.get(f"{form.prefix}-shown") or "") if data is not None
                      else "") or fingerprint
    return result


RESPONSES = [(Response.AGREE, gettext_lazy("Setuju dengan evaluator")),
             (Response.DISAGREE, gettext_lazy("Tidak setuju"))]
