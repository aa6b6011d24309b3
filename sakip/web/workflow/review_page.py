"""The review page's forms and what each posted action does: the inspectorate confirms or
dismisses a finding, adds its own, names the team; the agency answers a finding and records its
follow-up. The rules and the audit are in sakip/web/workflow/review_state.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext, gettext_lazy

from sakip.review.findings import Severity
from sakip.web.plans.models import Agency
from sakip.web.workflow import review_state
from sakip.web.workflow.models import AgencyYear, FollowUpStatus, ReviewTeam
from sakip.web.workflow.review_state import Entry, Refused

SEVERITIES = [(Severity.ERROR.value, gettext_lazy("kesalahan")),
              (Severity.WARNING.value, gettext_lazy("peringatan")),
              (Severity.INFO.value, gettext_lazy("catatan"))]


class OwnFindingForm(forms.Form):
    kondisi = forms.CharField(label=gettext_lazy("Kondisi"), max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    kriteria = forms.CharField(label=gettext_lazy("Kriteria (aturan dan sumbernya)"),
                               max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    rekomendasi = forms.CharField(label=gettext_lazy("Rekomendasi"), max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    lokasi = forms.CharField(label=gettext_lazy("Lokasi (halaman, tabel, bab)"), max_length=300,
                             required=False)
    tingkat = forms.ChoiceField(label=gettext_lazy("Tingkat"), choices=SEVERITIES,
                                initial=Severity.WARNING.value)


class TeamForm(forms.ModelForm):
    class Meta:
        model = ReviewTeam
        fields = ["number", "members", "lead", "supervisor", "inspector", "inspector_nip", "place"]
        labels = {"number": gettext_lazy("Nomor KKR"),
                  "members": gettext_lazy("Anggota tim (satu per baris)"),
                  "lead": gettext_lazy("Ketua tim"), "supervisor": gettext_lazy("Pengendali teknis"),
                  "inspector": gettext_lazy("Inspektur"),
                  "inspector_nip": gettext_lazy("NIP Inspektur"), "place": gettext_lazy("Tempat")}
        widgets = {"members": forms.Textarea(attrs={"rows": 3})}


FOLLOW_UP_CHOICES = [(FollowUpStatus.IN_PROGRESS, gettext_lazy("Dalam proses")),
                     (FollowUpStatus.CLOSED, gettext_lazy("Selesai"))]

# action posted (field "aksi") → who may take it
DECIDE = ("konfirmasi", "tolak", "temuan", "tim")
RESPOND = ("tanggapan", "tindak-lanjut", "balas")


def allowed(action: str, user: Any, agency: Agency, state: AgencyYear) -> bool:
    if action in DECIDE:
        return review_state.may_decide(user, agency, state)
    if action in RESPOND:
        return review_state.may_respond(user, agency, state)
    return False


def take(request: HttpRequest, action: str, state: AgencyYear, found: list[Entry]) -> str:
    """Do the posted action; returns the message to show, raises :class:`Refused`."""
    post, user = request.POST, request.user
    key = post.get("kunci", "")
    if action in ("konfirmasi", "tolak"):
        review_state.decide(user, state, key, found, action == "konfirmasi", post.get("alasan", ""))
        return gettext("Temuan dikonfirmasi.") if action == "konfirmasi" else gettext("Temuan ditolak.")
    if action == "temuan":
        form = OwnFindingForm(post)
        if not form.is_valid():
            raise Refused(gettext("Temuan tim belum lengkap: %(errors)s")
                          % {"errors": _errors(form)})
        data = form.cleaned_data
        review_state.add_own(user, state, {
            "kondisi": data["kondisi"].strip(), "kriteria": data["kriteria"].strip(),
            "rekomendasi": data["rekomendasi"].strip(), "location": data["lokasi"].strip(),
            "severity": data["tingkat"]})
        return gettext("Temuan tim ditambahkan.")
    if action == "tim":
        instance = ReviewTeam.objects.filter(agency_year=state).first() or ReviewTeam(agency_year=state)
        team = TeamForm(post, instance=instance)
        if not team.is_valid():
            raise Refused(gettext("Data tim reviu tidak sah: %(errors)s") % {"errors": _errors(team)})
        review_state.save_team(user, state, {name: (team.cleaned_data[name] or "").strip()
                                             for name in TeamForm.Meta.fields})
        return gettext("Tim reviu disimpan.")
    if action == "tanggapan":
        review_state.answer(user, state, key, found, post.get("tanggapan", ""))
        return gettext("Tanggapan disimpan.")
    if action == "tindak-lanjut":
        review_state.follow_up(user, state, key, found, post.get("status", ""),
                               post.get("uraian", ""))
        return gettext("Tindak lanjut dicatat.")
    if action == "balas":
        review_state.reply(user, state, post.get("nomor", ""), post.get("balasan", ""))
        return gettext("Balasan disimpan.")
    raise Refused(gettext("Aksi tidak dikenal."))


def _errors(form: forms.Form) -> str:
    return "; ".join(f"{form.fields[name].label if name in form.fields else name}: {' '.join(errors)}"
                     for name, errors in form.errors.items())
