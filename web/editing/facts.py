"""Editors' pages for one fact, leader or term: correct, confirm, reject, revert, swap a
gift's direction, add a fact by hand.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from kb.models import (
    Article,
    Gift,
    Leader,
    Meeting,
    Office,
)
from kb.selectors.sentences import article_sentences
from kb.services.facts import (
    fact_confirm,
    fact_create_manual,
    fact_reject,
    fact_update,
    gift_swap_direction,
)
from kb.services.history import fact_revert
from kb.services.leaders import LEADER_EDITABLE_FIELDS, leader_confirm, leader_reject, leader_update
from kb.services.offices import (
    OFFICE_EDITABLE_FIELDS,
    office_confirm,
    office_create,
    office_reject,
    office_update,
)
from web.editing.base import FACT_MODELS, EditorRequiredMixin, error_text, next_url, wants_json
from web.editing.forms import (
    LeaderForm,
    OfficeForm,
    add_errors,
    fact_initial,
    make_form,
)

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
            made_here=self.made_here(),
        )
        return context

    def made_here(self) -> list:
        """A meeting's gifts and agreements that take its date: undated, or dated as the
        meeting is now (the editor may date them with it)."""
        if self.model is not Meeting:
            return []
        date = self.fact.date
        facts = []
        for related in (self.fact.gifts, self.fact.agreements):
            rows = related.visible().filter(
                Q(date__isnull=True) | Q(date=date) if date else Q(date__isnull=True)
            )
            facts += list(rows.order_by("pk")[:50])
        return facts

    def make_form(self, data=None):
        return make_form(self.model, data, fact=self.fact, initial=fact_initial(self.fact))

    def save(self, changes: dict) -> None:
        fact_update(fact=self.fact, user=self.request.user, changes=changes)

    def get(self, request, *args, **kwargs):
        self.fact = self.get_fact()
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        self.fact = self.get_fact()
        form = self.make_form(request.POST)
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            related = self.made_here() if request.POST.get("date_made_here") == "1" else []
            try:
                self.save(changes)
                if "date" in changes and changes["date"]:
                    # "Also date its gifts and agreements": each a correction of its own,
                    # with its own history (so it sticks like any other).
                    for fact in related:
                        fact_update(fact=fact, user=request.user, changes={"date": changes["date"]})
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                if changes and related and "date" in changes:
                    messages.success(
                        request,
                        f"Saved your correction, and dated {len(related)} gift(s) and "
                        "agreement(s) made at this meeting.",
                    )
                elif changes:
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
        initial = {name: getattr(leader, name) for name in LEADER_EDITABLE_FIELDS}
        return LeaderForm(data, initial=initial)

    def save(self, changes: dict) -> None:
        leader_update(leader=self.fact, user=self.request.user, changes=changes)


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
        initial = {name: getattr(office, name) for name in OFFICE_EDITABLE_FIELDS}
        return OfficeForm(data, initial=initial)

    def save(self, changes: dict) -> None:
        office_update(office=self.fact, user=self.request.user, changes=changes)


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
                office_create(user=request.user, leader=self.leader, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
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
        service = {"confirm": fact_confirm, "reject": fact_reject}[self.action]
        service(fact=fact, user=user)

    def post(self, request, pk):
        fact = get_object_or_404(self.model, pk=pk)
        try:
            self.decide(fact, user=request.user)
        except ValidationError as exc:
            if wants_json(request):
                return JsonResponse({"id": fact.pk, "error": error_text(exc)}, status=400)
            messages.error(request, error_text(exc))
            return redirect(next_url(request, fact.get_absolute_url()))
        if wants_json(request):
            return JsonResponse({"id": fact.pk, "review_state": fact.review_state})
        label = {"confirm": "Confirmed", "reject": "Rejected"}[self.action]
        messages.success(request, f"{label}: {fact}")
        return redirect(next_url(request, fact.get_absolute_url()))


class LeaderActionView(FactActionView):
    """POST-only: confirm or reject a leader (``leader_confirm``, ``leader_reject``)."""

    model = Leader

    def decide(self, leader, *, user) -> None:
        service = {"confirm": leader_confirm, "reject": leader_reject}
        service[self.action](leader=leader, user=user)


class OfficeActionView(FactActionView):
    """POST-only: confirm or reject a term in office."""

    model = Office

    def decide(self, office, *, user) -> None:
        service = {"confirm": office_confirm, "reject": office_reject}
        service[self.action](office=office, user=user)


class GiftSwapView(EditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        gift = get_object_or_404(Gift, pk=pk)
        try:
            gift_swap_direction(gift=gift, user=request.user)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, "Swapped giver and recipient.")
        return redirect(gift)


class FactRevertView(EditorRequiredMixin, View):
    model = None
    http_method_names = ["post"]

    def post(self, request, pk, history_id):
        fact = get_object_or_404(self.model, pk=pk)
        try:
            fact_revert(fact=fact, history_id=history_id, user=request.user)
        except ValidationError as exc:
            messages.error(request, f"Could not restore that version: {error_text(exc)}")
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
        return article_sentences(self.article.text)

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
        return self.render_to_response(self.get_context_data(form=make_form(self.model)))

    def post(self, request, *args, **kwargs):
        self.article = get_object_or_404(Article, pk=kwargs["pk"])
        form = make_form(self.model, request.POST)
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
                fact = fact_create_manual(
                    model=self.model,
                    user=request.user,
                    article=self.article,
                    sentence_start=int(start) if start.isdigit() else -1,
                    sentence_end=int(end) if end.isdigit() else -1,
                    **fields,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, "Added the fact; the article is its source.")
                return redirect(fact)
        return self.render_to_response(self.get_context_data(form=form), status=400)
