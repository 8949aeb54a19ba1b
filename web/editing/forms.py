"""The forms editors correct and add facts, leaders and terms in office with."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from kb.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Gift,
    Leader,
    Meeting,
    MeetingKind,
    OfficeKind,
)
from kb.services.values import EDITABLE_FIELDS, M2M_FIELDS
from web.editing.pickers import CountryPick, LeaderPick, MeetingPick


def _date_input():
    # ISO, as <input type="date"> reads it: the locale's 07/01/2025 would show an empty box
    # and saving the form would then clear the date.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TopicsField(forms.CharField):
    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        return [t.strip() for t in (value or "").split(",") if t.strip()]


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(choices=MeetingKind.choices)
    date = forms.DateField(required=False, widget=_date_input())
    place = forms.CharField(required=False, max_length=200)
    host_country = CountryPick(required=False)
    participants = LeaderPick(multiple=True)
    topics = TopicsField(required=False, help_text="Separate topics with commas.")


class GiftForm(forms.Form):
    giver = LeaderPick()
    recipient = LeaderPick()
    item = forms.CharField(max_length=300)
    date = forms.DateField(required=False, widget=_date_input())
    # Suggestions come from the meetings of the giver and recipient chosen above.
    meeting = MeetingPick(required=False, near=("giver", "recipient"))


class AgreementForm(forms.Form):
    kind = forms.ChoiceField(choices=AgreementKind.choices)
    status = forms.ChoiceField(choices=AgreementStatus.choices)
    summary = forms.CharField(
        required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    date = forms.DateField(required=False, widget=_date_input())
    leader_parties = LeaderPick(multiple=True, required=False)
    country_parties = CountryPick(multiple=True, required=False)


class LeaderForm(forms.Form):
    name = forms.CharField(label="Full name", max_length=200)
    title = forms.CharField(label="Title or office", required=False, max_length=120)
    country = CountryPick(required=False)


class OfficeForm(forms.Form):
    country = CountryPick()
    kind = forms.ChoiceField(label="Office", choices=OfficeKind.choices)
    title = forms.CharField(label="Title, as news writes it", max_length=120)
    start = forms.DateField(label="From (YYYY-MM-DD)")
    end = forms.DateField(label="To (YYYY-MM-DD; empty while in office)", required=False)
    source = forms.URLField(label="Source", required=False, max_length=500, assume_scheme="https")


FORMS = {Meeting: MeetingForm, Gift: GiftForm, Agreement: AgreementForm}


def fact_initial(fact) -> dict:
    initial = {}
    for name in EDITABLE_FIELDS[type(fact)]:
        if name in M2M_FIELDS:
            related = getattr(fact, name).all()
            if related.model is Leader:  # the pickers label leaders with their country
                related = related.select_related("country")
            initial[name] = list(related)
        else:
            initial[name] = getattr(fact, name)
    return initial


def make_form(model, data=None, *, fact=None, initial=None):
    return FORMS[model](data=data, initial=initial)


def add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, msgs in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, msgs)
    else:
        form.add_error(None, exc.messages)
