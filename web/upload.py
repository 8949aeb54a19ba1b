"""The upload page: editors paste text, upload files or give a URL."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.shortcuts import redirect
from django.views.generic import FormView

from ingest import bulk, services
from ingest.read import UploadRejected
from kb.roles import can_edit
from web.forms import UploadForm


class UploadView(UserPassesTestMixin, FormView):
    """Anonymous visitors are sent to log in; logged-in non-editors get 403."""

    template_name = "ingest/upload.html"
    results_template_name = "ingest/upload_results.html"
    form_class = UploadForm

    def test_func(self) -> bool:
        return can_edit(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section"] = "upload"
        return context

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        files, items = form.cleaned_data["files"], form.cleaned_data["items"]
        if len(files) > 1 or any(isinstance(i, dict) and "archive" in i for i in items):
            return self.many_files(files, items)
        try:
            if isinstance(items[0], UploadRejected):
                raise items[0]
            article, created = services.article_submit(**items[0])
        except UploadRejected as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        if created:
            messages.success(self.request, uploaded_message(article))
        else:
            messages.info(self.request, "This article had already been uploaded; here it is.")
        return redirect(article)

    def many_files(self, files, items):
        """One article per file; show what became of each."""
        results = []
        for upload, item in zip(files, items, strict=True):
            if isinstance(item, dict) and "archive" in item:
                results.append(archive_result(upload))
                continue
            try:
                if isinstance(item, UploadRejected):
                    raise item
                article, created = services.article_submit(**item)
            except UploadRejected as exc:
                results.append({"name": upload.name, "error": str(exc)})
            else:
                results.append({"name": upload.name, "article": article, "created": created})
        accepted = sum(1 for r in results if "article" in r or r.get("stored"))
        context = {"results": results, "accepted": accepted, "section": "upload"}
        return self.response_class(
            request=self.request,
            template=[self.results_template_name],
            context=context,
            status=200 if accepted else 400,
            using=self.template_engine,
        )


def archive_result(upload) -> dict:
    """A .zip or .jsonl file from the page: its articles stored one by one (at most
    ``UPLOAD_ARCHIVE_MAX_ITEMS``, so a request stays bounded), PDF and HTML members left
    for the workers to read; what became of them, with the reasons for refusals."""
    summary = bulk.Summary()
    cap = settings.UPLOAD_ARCHIVE_MAX_ITEMS
    over = False
    for n, item in enumerate(bulk.upload_items(upload.name, upload.file)):
        if n >= cap:
            over = True
            break
        bulk.submit(item, summary, read_now=False)
    return {
        "name": upload.name,
        "archive": summary,
        "stored": summary.stored,
        "reasons": summary.reasons.most_common(10),
        "over": cap if over else 0,
    }


def uploaded_message(article) -> str:
    """What the page says after an upload: true now and after the status panel below it
    has moved on (it never says "queued" of an article that is done)."""
    article.refresh_from_db(fields=["status"])
    if article.status == "done":
        return "Article uploaded and read: its facts are below."
    if article.status == "failed":
        return "Article uploaded, but extraction failed: the reason is below."
    return "Article uploaded. The status below follows its extraction as it goes."
