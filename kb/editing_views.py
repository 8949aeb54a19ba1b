"""Editors' pages: correct, confirm, reject, add and merge facts, correct, confirm,
reject and merge leaders, revert a change, undo a merge, re-extract or delete an
article, and the review queue.

Views stay thin: forms turn a POST into plain values and ``kb.curation`` does the work.
Every page needs ``kb.roles.can_edit``: anonymous visitors are sent to log in and
logged-in non-editors get 403. Every write is a POST (CSRF-checked by the middleware).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import TemplateView

from ingest.services import article_requeue
from kb import curation, offices
from kb.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    Country,
    Gift,
    Leader,
    Meeting,
    MeetingKind,
    MergeKind,
    MergeRecord,
    Office,
    OfficeKind,
)
from kb.roles import can_edit
from kb.services import article_delete, article_delete_plan

FACT_MODELS = {"meeting": Meeting, "gift": Gift, "agreement": Agreement}


class EditorRequiredMixin(UserPassesTestMixin):
    """Anonymous: redirect to log in. Logged in but not an editor: 403."""

    def test_func(self) -> bool:
        return can_edit(self.request.user)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _next_url(request, default: str) -> str:
    url = request.POST.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


def _error_text(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(
            f"{name.replace('_', ' ')}: {' '.join(msgs)}" if name != "__all__" else " ".join(msgs)
            for name, msgs in exc.message_dict.items()
        )
    return " ".join(exc.messages)


# ---- forms ------------------------------------------------------------------------------


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


def _initial(fact) -> dict:
    initial = {}
    for name in curation.EDITABLE_FIELDS[type(fact)]:
        if name in curation.M2M_FIELDS:
            initial[name] = list(getattr(fact, name).all())
        else:
            initial[name] = getattr(fact, name)
    return initial


def _make_form(model, data=None, *, fact=None, initial=None):
    form_class = FORMS[model]
    kwargs = {"data": data, "initial": initial}
    if form_class is GiftForm:
        kwargs["gift"] = fact
    return form_class(**kwargs)


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, msgs in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, msgs)
    else:
        form.add_error(None, exc.messages)


# ---- editing a fact ---------------------------------------------------------------------


class FactEditView(EditorRequiredMixin, TemplateView):
    """GET: the correction form. POST: save what changed via ``fact_update``."""

    model = None
    template_name = "kb/edit/fact_form.html"

    def get_fact(self):
        return get_object_or_404(self.model, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            fact=self.fact,
            kind=self.model._meta.model_name,
            section=f"{self.model._meta.model_name}s",
        )
        return context

    def make_form(self, data=None):
        return _make_form(self.model, data, fact=self.fact, initial=_initial(self.fact))

    def save(self, changes: dict) -> None:
        curation.fact_update(fact=self.fact, user=self.request.user, changes=changes)

    def get(self, request, *args, **kwargs):
        self.fact = self.get_fact()
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        self.fact = self.get_fact()
        form = self.make_form(request.POST)
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            try:
                self.save(changes)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                if changes:
                    messages.success(request, "Saved your correction.")
                else:
                    messages.info(request, "Nothing changed.")
                return redirect(self.fact)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class LeaderEditView(FactEditView):
    """GET: the correction form for a leader. POST: save what changed via
    ``leader_update`` (a replaced name stays findable among the other names)."""

    model = Leader

    def make_form(self, data=None):
        leader = self.fact
        initial = {name: getattr(leader, name) for name in curation.LEADER_EDITABLE_FIELDS}
        return LeaderForm(data, initial=initial)

    def save(self, changes: dict) -> None:
        curation.leader_update(leader=self.fact, user=self.request.user, changes=changes)


class OfficeEditView(FactEditView):
    """GET: the correction form for a term in office. POST: save what changed via
    ``office_update`` (the fields changed are kept against later registry loads); the
    page also offers reject/confirm and shows the term's history."""

    model = Office
    template_name = "kb/edit/office_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(section="leaders", leader=self.fact.leader, adding=False)
        return context

    def make_form(self, data=None):
        office = self.fact
        initial = {name: getattr(office, name) for name in offices.OFFICE_EDITABLE_FIELDS}
        return OfficeForm(data, initial=initial)

    def save(self, changes: dict) -> None:
        offices.office_update(office=self.fact, user=self.request.user, changes=changes)


class OfficeAddView(EditorRequiredMixin, TemplateView):
    """GET: a blank term form for a leader. POST: ``office_create``."""

    template_name = "kb/edit/office_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.leader = get_object_or_404(Leader, pk=kwargs["pk"], merged_into__isnull=True)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(section="leaders", leader=self.leader, adding=True)
        return context

    def get(self, request, *args, **kwargs):
        initial = {"country": self.leader.country, "title": self.leader.title}
        return self.render_to_response(self.get_context_data(form=OfficeForm(initial=initial)))

    def post(self, request, *args, **kwargs):
        form = OfficeForm(request.POST)
        if form.is_valid():
            try:
                offices.office_create(user=request.user, leader=self.leader, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, "Added the term.")
                return redirect(self.leader)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class FactActionView(EditorRequiredMixin, View):
    """POST-only: confirm or reject a fact (JSON answer for the review page's script)."""

    model = None
    action = ""
    http_method_names = ["post"]

    def decide(self, fact, *, user) -> None:
        service = {"confirm": curation.fact_confirm, "reject": curation.fact_reject}[self.action]
        service(fact=fact, user=user)

    def post(self, request, pk):
        fact = get_object_or_404(self.model, pk=pk)
        try:
            self.decide(fact, user=request.user)
        except ValidationError as exc:
            if _wants_json(request):
                return JsonResponse({"id": fact.pk, "error": _error_text(exc)}, status=400)
            messages.error(request, _error_text(exc))
            return redirect(_next_url(request, fact.get_absolute_url()))
        if _wants_json(request):
            return JsonResponse({"id": fact.pk, "review_state": fact.review_state})
        label = {"confirm": "Confirmed", "reject": "Rejected"}[self.action]
        messages.success(request, f"{label}: {fact}")
        return redirect(_next_url(request, fact.get_absolute_url()))


class LeaderActionView(FactActionView):
    """POST-only: confirm or reject a leader (``leader_confirm``, ``leader_reject``)."""

    model = Leader

    def decide(self, leader, *, user) -> None:
        service = {"confirm": curation.leader_confirm, "reject": curation.leader_reject}
        service[self.action](leader=leader, user=user)


class OfficeActionView(FactActionView):
    """POST-only: confirm or reject a term in office."""

    model = Office

    def decide(self, office, *, user) -> None:
        service = {"confirm": offices.office_confirm, "reject": offices.office_reject}
        service[self.action](office=office, user=user)


class GiftSwapView(EditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        gift = get_object_or_404(Gift, pk=pk)
        try:
            curation.gift_swap_direction(gift=gift, user=request.user)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, "Swapped giver and recipient.")
        return redirect(gift)


class FactRevertView(EditorRequiredMixin, View):
    model = None
    http_method_names = ["post"]

    def post(self, request, pk, history_id):
        fact = get_object_or_404(self.model, pk=pk)
        try:
            curation.fact_revert(fact=fact, history_id=history_id, user=request.user)
        except ValidationError as exc:
            messages.error(request, f"Could not restore that version: {_error_text(exc)}")
        else:
            messages.success(request, "Restored the earlier version.")
        return redirect(fact)


# ---- adding a fact by hand --------------------------------------------------------------


class FactAddView(EditorRequiredMixin, TemplateView):
    """Add a fact the extractor missed, with a sentence of the article as evidence."""

    template_name = "kb/edit/fact_add.html"

    def dispatch(self, request, *args, **kwargs):
        self.model = FACT_MODELS.get(kwargs["kind"])
        if self.model is None:
            raise Http404("No such kind of fact.")
        return super().dispatch(request, *args, **kwargs)

    def sentences(self):
        return curation.article_sentences(self.article.text)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            article=self.article,
            kind=self.kwargs["kind"],
            sentences=[(f"{s}:{e}", text) for s, e, text in self.sentences()],
            chosen=self.request.POST.get("sentence", ""),
            section="articles",
        )
        return context

    def get(self, request, *args, **kwargs):
        self.article = get_object_or_404(Article, pk=kwargs["pk"])
        return self.render_to_response(self.get_context_data(form=_make_form(self.model)))

    def post(self, request, *args, **kwargs):
        self.article = get_object_or_404(Article, pk=kwargs["pk"])
        form = _make_form(self.model, request.POST)
        start, _, end = request.POST.get("sentence", "").partition(":")
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if v not in (None, "", [])}
            if "participants" in fields or "leader_parties" in fields:
                for name in ("participants", "leader_parties"):
                    if name in fields:
                        fields[name] = list(fields[name])
            if "country_parties" in fields:
                fields["country_parties"] = list(fields["country_parties"])
            try:
                fact = curation.fact_create_manual(
                    model=self.model,
                    user=request.user,
                    article=self.article,
                    sentence_start=int(start) if start.isdigit() else -1,
                    sentence_end=int(end) if end.isdigit() else -1,
                    **fields,
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, "Added the fact; the article is its source.")
                return redirect(fact)
        return self.render_to_response(self.get_context_data(form=form), status=400)


# ---- merging ----------------------------------------------------------------------------


class MergeView(EditorRequiredMixin, TemplateView):
    """GET: pick the duplicate to fold into this record. POST: merge it."""

    model = None
    template_name = "kb/edit/merge.html"

    def get_keep(self):
        keep = get_object_or_404(self.model, pk=self.kwargs["pk"])
        if keep.merged_into_id:
            raise Http404("This record was merged into another.")
        return keep

    def candidates(self, keep):
        query = self.request.GET.get("q", "").strip()
        if self.model is Leader:
            leaders = Leader.objects.active().exclude(pk=keep.pk).select_related("country")
            if query:
                found = leaders.filter(Q(name__icontains=query) | Q(aliases__key__icontains=query))
            else:
                surname = keep.name_key.split()[-1] if keep.name_key else ""
                found = leaders.filter(name_key__endswith=surname) if surname else leaders.none()
            return list(found.distinct().order_by("name", "id")[:25])
        meetings = (
            Meeting.objects.visible()
            .filter(merged_into__isnull=True)
            .exclude(pk=keep.pk)
            .select_related("host_country")
            .prefetch_related("participants")
        )
        if query.isdigit():
            found = meetings.filter(pk=int(query))
        else:
            people = keep.participants.values_list("pk", flat=True)
            found = meetings.filter(participants__in=people)
            if query:
                found = found.filter(place__icontains=query)
        return list(found.distinct().order_by("-date", "-id")[:25])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        keep = kwargs.get("keep") or self.get_keep()
        context.update(
            keep=keep,
            kind=self.model._meta.model_name,
            candidates=self.candidates(keep),
            query=self.request.GET.get("q", ""),
            section=f"{self.model._meta.model_name}s",
        )
        return context

    def post(self, request, *args, **kwargs):
        keep = self.get_keep()
        merge_id = request.POST.get("merge", "")
        merge = self.model.objects.filter(pk=int(merge_id)).first() if merge_id.isdigit() else None
        if merge is None:
            messages.error(request, "Choose the duplicate record to merge.")
            return redirect(request.path)
        service = curation.leader_merge if self.model is Leader else curation.meeting_merge
        try:
            record = service(keep=keep, merge=merge, user=request.user)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
            return redirect(request.path)
        messages.success(request, f"Merged #{record.merged_id} into this record.")
        return redirect(keep)


class MergeListView(EditorRequiredMixin, TemplateView):
    template_name = "kb/edit/merge_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = list(MergeRecord.objects.select_related("user", "undone_by")[:100])
        names = {
            MergeKind.LEADER: dict(
                Leader.objects.filter(
                    pk__in={r.keep_id for r in records if r.kind == MergeKind.LEADER}
                    | {r.merged_id for r in records if r.kind == MergeKind.LEADER}
                ).values_list("pk", "name")
            )
        }
        for record in records:
            labels = names.get(record.kind, {})
            record.keep_label = labels.get(record.keep_id, f"#{record.keep_id}")
            record.merged_label = labels.get(record.merged_id, f"#{record.merged_id}")
            url = "leader-detail" if record.kind == MergeKind.LEADER else "meeting-detail"
            record.keep_url_name = url
        context.update(records=records, section="")
        return context


class MergeUndoView(EditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        record = get_object_or_404(MergeRecord, pk=pk)
        try:
            curation.merge_undo(record=record, user=request.user)
        except ValidationError as exc:
            messages.error(request, f"Could not undo the merge: {_error_text(exc)}")
            return redirect(_next_url(request, "/merges/"))
        messages.success(request, "Undid the merge.")
        target = record.model.objects.get(pk=record.merged_id)
        return redirect(_next_url(request, target.get_absolute_url()))


# ---- articles and the review queue ------------------------------------------------------


class ArticleReextractView(EditorRequiredMixin, View):
    """Queue the article's extraction again; editors' decisions stay as they are."""

    http_method_names = ["post"]

    def post(self, request, pk):
        article = get_object_or_404(Article.objects.only("id"), pk=pk)
        article_requeue(article=article)
        messages.success(
            request,
            "Extraction queued again. Facts an editor corrected, confirmed or rejected "
            "will not change.",
        )
        return redirect(article)


class ArticleDeleteView(EditorRequiredMixin, TemplateView):
    """GET: what deleting the article would delete and keep, or why it cannot be
    deleted now, and the confirmation form. POST: delete it (``article_delete``)."""

    template_name = "kb/edit/article_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = article_delete_plan(article=self.article)
        refusal = plan.refusal()
        context.update(
            article=self.article,
            plan=plan,
            refusal=" ".join(refusal.messages) if refusal else "",
            section="articles",
        )
        return context

    def get(self, request, pk):
        self.article = get_object_or_404(Article, pk=pk)
        return self.render_to_response(self.get_context_data())

    def post(self, request, pk):
        self.article = get_object_or_404(Article, pk=pk)
        try:
            plan = article_delete(article=self.article, user=request.user)
        except ValidationError as exc:
            messages.error(request, f"The article was not deleted: {_error_text(exc)}")
            return redirect("article-delete", pk=pk)
        gone = len(plan.deleted)
        messages.success(
            request,
            f"Deleted article {pk}, with {gone} fact{'' if gone == 1 else 's'} only it supported.",
        )
        return redirect("article-list")


class ReviewQueueView(EditorRequiredMixin, TemplateView):
    """Unreviewed facts, lowest confidence first, each with its evidence."""

    template_name = "kb/edit/review.html"
    KINDS = ("meeting", "gift", "agreement")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind = self.request.GET.get("kind", "")
        kinds = (kind,) if kind in self.KINDS else self.KINDS
        items, counts = curation.review_queue(kinds=kinds)
        context.update(
            items=items,
            counts=counts,
            total=sum(counts.values()),
            kind=kind if kind in self.KINDS else "",
            kinds=self.KINDS,
            section="review",
        )
        return context


__all__ = [
    "ArticleDeleteView",
    "ArticleReextractView",
    "FactActionView",
    "FactAddView",
    "FactEditView",
    "FactRevertView",
    "GiftSwapView",
    "LeaderActionView",
    "LeaderEditView",
    "MergeListView",
    "MergeUndoView",
    "MergeView",
    "ReviewQueueView",
]
