"""The forms editors correct and add facts, leaders and terms in office with."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from kb.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Country,
    Gift,
    Leader,
    Meeting,
    MeetingKind,
    OfficeKind,
)
from kb.services.values import EDITABLE_FIELDS, M2M_FIELDS


class LeaderChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, leader):
        return f"{leader.name} ({leader.country.name})" if leader.country else leader.name


class LeaderChoice(forms.ModelChoiceField):
    def label_from_instance(self, leader):
        return f"{leader.name} ({leader.country.name})" if leader.country else leader.name


def _leaders():
    return Leader.objects.active().select_related("country").order_by("name", "id")


class TopicsField(forms.CharField):
    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        return [t.strip() for t in (value or "").split(",") if t.strip()]


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(choices=MeetingKind.choices)
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(required=False, max_length=200)
    host_country = forms.ModelChoiceField(Country.objects.order_by("name"), required=False)
    participants = LeaderChoices(_leaders(), widget=forms.SelectMultiple(attrs={"size": 10}))
    topics = TopicsField(required=False, help_text="Separate topics with commas.")


class GiftForm(forms.Form):
    giver = LeaderChoice(_leaders())
    recipient = LeaderChoice(_leaders())
    item = forms.CharField(max_length=300)
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    meeting = forms.ModelChoiceField(Meeting.objects.none(), required=False)

    def __init__(self, *args, gift: Gift | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Meetings of the people involved (not every meeting in the database).
        people = [p for p in (gift.giver_id, gift.recipient_id) if p] if gift else []
        data = self.data if self.is_bound else {}
        people += [p for p in (data.get("giver"), data.get("recipient")) if p and p.isdigit()]
        queryset = Meeting.objects.visible().filter(
            Q(participants__in=people) | Q(pk=getattr(gift, "meeting_id", None) or 0)
        )
        self.fields["meeting"].queryset = queryset.distinct().order_by("-date", "-id")
        self.fields["meeting"].label_from_instance = lambda m: (
            f"#{m.pk} {m.get_kind_display()}"
            + (f", {m.date:%d %b %Y}" if m.date else "")
            + (f", {m.place}" if m.place else "")
        )


class AgreementForm(forms.Form):
    kind = forms.ChoiceField(choices=AgreementKind.choices)
    status = forms.ChoiceField(choices=AgreementStatus.choices)
    summary = forms.CharField(
        required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    leader_parties = LeaderChoices(
        _leaders(), required=False, widget=forms.SelectMultiple(attrs={"size": 10})
    )
    country_parties = forms.ModelMultipleChoiceField(
        Country.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )


class LeaderForm(forms.Form):
    name = forms.CharField(label="Full name", max_length=200)
    title = forms.CharField(label="Title or office", required=False, max_length=120)
    country = forms.ModelChoiceField(Country.objects.order_by("name"), required=False)


class OfficeForm(forms.Form):
    country = forms.ModelChoiceField(Country.objects.order_by("name"), to_field_name="code")
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
            initial[name] = list(getattr(fact, name).all())
        else:
            initial[name] = getattr(fact, name)
    return initial


def make_form(model, data=None, *, fact=None, initial=None):
    form_class = FORMS[model]
    kwargs = {"data": data, "initial": initial}
    if form_class is GiftForm:
        kwargs["gift"] = fact
    return form_class(**kwargs)


def add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, msgs in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, msgs)
    else:
        form.add_error(None, exc.messages)
