"""One upload request, checked the same way for the upload page and the API.

A request gives exactly one kind of upload: pasted text, one or more files, or a URL
(blank text counts as none), and optionally a source. Each file must be within
``UPLOAD_MAX_BYTES``. ``upload_items`` turns a request into the keyword arguments of
``ingest.services.article_submit``, one dict per article to submit: several files are one
article each, and a file that cannot be taken (too large) stands in its place as the
``UploadRejected`` that says why, so the other files still go ahead. A request unusable
as a whole (nothing, or two kinds at once) raises ``UploadRejected``. Reading the
content (type, encoding, an empty text, the length of pasted text) stays with
``article_submit``, which applies to every path in.
"""

from __future__ import annotations

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from ingest.bulk import is_archive
from ingest.read import UploadRejected

NOTHING = "Nothing was uploaded: paste some text, choose a file or give a URL."
AMBIGUOUS = "Give one kind of upload at a time: pasted text, files or a URL."

Item = dict | UploadRejected


def upload_items(
    *, text=None, files=(), url=None, source: str = "", archives: bool = False
) -> list[Item]:
    """The articles a request asks for, as ``article_submit`` keyword arguments (or, for
    a file that cannot be taken, the reason). Raises ``UploadRejected`` ("empty",
    "ambiguous") when the request as a whole is unusable."""
    files = [upload for upload in files if upload is not None]
    given = {
        "text": bool(text and text.strip()),
        "files": bool(files),
        "url": bool(url),
    }
    chosen = [name for name, present in given.items() if present]
    if not chosen:
        raise UploadRejected("empty", NOTHING)
    if len(chosen) > 1:
        raise UploadRejected("ambiguous", AMBIGUOUS)
    extra = {"source": source} if source else {}
    if given["text"]:
        return [{"text": text, **extra}]
    if given["url"]:
        return [{"url": url, **extra}]
    return [file_item(upload, archives=archives, **extra) for upload in files]


def upload_item(*, text=None, file=None, url=None, source: str = "") -> Item:
    """One article (an API batch item): exactly one of text, a file or a URL; never
    raises, the reason it is unusable is returned instead."""
    try:
        [item] = upload_items(text=text, files=[file], url=url, source=source)
    except UploadRejected as exc:
        return exc
    return item


def file_item(upload, *, source: str = "", archives: bool = False) -> Item:
    """An uploaded file as ``article_submit`` takes it, or why it is refused. With
    ``archives`` (the upload page), a .zip or .jsonl file is ``{"archive": upload}``: many
    articles, read by ``ingest.bulk``."""
    limit = settings.UPLOAD_MAX_BYTES
    if archives and is_archive(upload.name or ""):
        if upload.size > limit:
            return UploadRejected(
                "too_large",
                f"“{upload.name}” is {filesizeformat(upload.size)}; the limit for an "
                f"archive is {filesizeformat(limit)}. Use `manage.py ingest` for larger ones.",
            )
        return {"archive": upload}
    if upload.size > limit:
        return UploadRejected(
            "too_large",
            f"“{upload.name}” is {filesizeformat(upload.size)}; "
            f"the limit is {filesizeformat(limit)}.",
        )
    item = {"data": upload.read(), "filename": upload.name or ""}
    return {**item, "source": source} if source else item
