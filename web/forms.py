"""The upload form: paste text, choose one or more files, or give a URL."""

from __future__ import annotations

from django import forms

from ingest.read import UploadRejected
from ingest.upload import upload_items

ACCEPTED_FILES = (
    ".txt,.html,.htm,.pdf,.zip,.jsonl,text/plain,text/html,application/pdf,application/zip"
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that cleans to a list of uploaded files (possibly empty)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPTED_FILES}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_clean(item, initial) for item in data if item]
        return [single_clean(data, initial)] if data else []


class UploadForm(forms.Form):
    text = forms.CharField(
        label="Article text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Optionally start with a dateline such as “date 2024-05-01”.",
    )
    source = forms.CharField(
        label="Source",
        required=False,
        max_length=500,
        help_text="Optional: a URL or publication name for pasted text.",
    )
    files = MultipleFileField(
        label="Files",
        required=False,
        help_text="One or more .txt, .html or .pdf files, each its own article; or a .zip of "
        'them, or a .jsonl file with one {"text", "published", "source", "url"} '
        "object per line.",
    )
    url = forms.URLField(
        label="Page address",
        required=False,
        assume_scheme="https",
        max_length=2000,
    )

    def clean(self):
        """One kind of upload, files within the size limit (``ingest.upload``, as the API
        checks them): ``items`` holds what to submit, one per article."""
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            cleaned["items"] = upload_items(
                text=cleaned.get("text"),
                files=cleaned.get("files") or [],
                url=cleaned.get("url"),
                source=cleaned.get("source") or "",
                archives=True,
            )
        except UploadRejected as exc:
            raise forms.ValidationError(str(exc), code=exc.code) from exc
        return cleaned
