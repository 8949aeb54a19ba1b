"""The feeds page: editors subscribe to RSS and Atom feeds and see each one's last run,
its error if it failed, and what it queued; they can poll one now, pause, resume or
remove it. Every write is a POST; readers who are not editors get 403."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import ListView

from ingest.feeds import FeedError, feed_poll, feed_set_active, feed_subscribe
from ingest.models import Feed
from kb.roles import can_edit


class FeedForm(forms.Form):
    url = forms.CharField(label="Feed address", max_length=2000)
    title = forms.CharField(label="Name (optional)", max_length=300, required=False)


class EditorsOnly(UserPassesTestMixin):
    def test_func(self) -> bool:
        return can_edit(self.request.user)


class FeedListView(EditorsOnly, ListView):
    template_name = "kb/feed_list.html"
    context_object_name = "feeds"
    paginate_by = 50

    def get_queryset(self):
        return Feed.objects.select_related("added_by").order_by("-active", "title", "url")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", FeedForm())
        context["section"] = "feeds"
        return context

    def post(self, request, *args, **kwargs):
        form = FeedForm(request.POST)
        if form.is_valid():
            try:
                feed, created = feed_subscribe(
                    form.cleaned_data["url"], title=form.cleaned_data["title"], user=request.user
                )
            except FeedError as exc:
                form.add_error("url", str(exc))
            else:
                if created:
                    messages.success(request, f"Subscribed to {feed}: it is polled within minutes.")
                else:
                    messages.info(request, f"Already subscribed to {feed}.")
                return redirect("feed-list")
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form), status=400)


class FeedActionView(EditorsOnly, View):
    """POST poll | pause | resume | remove on one feed."""

    http_method_names = ["post"]

    def post(self, request, pk: int, action: str):
        feed = get_object_or_404(Feed, pk=pk)
        if action == "poll":
            result = feed_poll(feed)
            if result.error:
                messages.error(request, f"{feed}: {result.error}")
            else:
                messages.success(
                    request,
                    f"{feed}: {result.items} item(s), {result.added} new article(s) queued, "
                    f"{result.known} already stored.",
                )
        elif action in ("pause", "resume"):
            feed_set_active(feed, action == "resume")
            messages.success(request, f"{feed}: {'resumed' if action == 'resume' else 'paused'}.")
        elif action == "remove":
            name = str(feed)
            feed.delete()
            messages.success(request, f"Unsubscribed from {name}; its articles stay.")
        else:
            return redirect("feed-list")
        return redirect("feed-list")
