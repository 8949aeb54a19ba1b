"""Merging duplicate leaders and meetings, the list of merges, and undoing one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from kb.models import (
    Leader,
    Meeting,
    MergeKind,
    MergeRecord,
)
from kb.services.merges import leader_merge, meeting_merge, merge_undo
from web.editing.base import EditorRequiredMixin, error_text, next_url
from web.editing.pickers import LeaderPick, MeetingPick


class MergePickForm(forms.Form):
    """The duplicate, picked by typing (a name or a number without the script)."""

    def __init__(self, *args, model, **kwargs):
        super().__init__(*args, **kwargs)
        field = LeaderPick if model is Leader else MeetingPick
        self.fields["merge"] = field(label="Or type the duplicate")


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

    def moving(self, merge) -> list[tuple[str, int]]:
        """What the merge moves from the duplicate, counted (a handful of COUNT queries)."""
        if self.model is Leader:
            rows = [
                ("meetings", merge.meetings.count()),
                ("gifts given", merge.gifts_given.count()),
                ("gifts received", merge.gifts_received.count()),
                ("agreements", merge.agreements.count()),
                ("offices", merge.offices.count()),
                ("other names", merge.aliases.count()),
            ]
        else:
            rows = [
                ("participants", merge.participants.count()),
                ("sources", merge.evidence.values("article").distinct().count()),
                ("gifts", merge.gifts.count()),
                ("agreements", merge.agreements.count()),
            ]
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        keep = kwargs.get("keep") or self.get_keep()
        context.update(
            keep=keep,
            kind=self.model._meta.model_name,
            candidates=self.candidates(keep),
            query=self.request.GET.get("q", ""),
            section=f"{self.model._meta.model_name}s",
            pick_form=kwargs.get("pick_form") or MergePickForm(model=self.model),
        )
        return context

    def post(self, request, *args, **kwargs):
        keep = self.get_keep()
        merge_id = request.POST.get("merge", "").strip()
        if merge_id.isdigit():
            merge = self.model.objects.filter(pk=int(merge_id)).first()
        elif merge_id:  # typed without the picker's script: a name, or a label with #12
            pick_form = MergePickForm(request.POST, model=self.model)
            if not pick_form.is_valid():
                context = self.get_context_data(keep=keep, pick_form=pick_form)
                return self.render_to_response(context, status=400)
            merge = pick_form.cleaned_data["merge"]
        else:
            merge = None
        if merge is None:
            messages.error(request, "Choose the duplicate record to merge.")
            return redirect(request.path)
        if request.POST.get("confirm") != "1" and merge.pk != keep.pk:
            # First say what will move, and merge only once the editor confirms.
            return self.render_to_response(
                self.get_context_data(keep=keep, confirm=merge, moving=self.moving(merge))
            )
        service = leader_merge if self.model is Leader else meeting_merge
        try:
            record = service(keep=keep, merge=merge, user=request.user)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
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
            merge_undo(record=record, user=request.user)
        except ValidationError as exc:
            messages.error(request, f"Could not undo the merge: {error_text(exc)}")
            return redirect(next_url(request, "/merges/"))
        messages.success(request, "Undid the merge.")
        target = record.model.objects.get(pk=record.merged_id)
        return redirect(next_url(request, target.get_absolute_url()))
