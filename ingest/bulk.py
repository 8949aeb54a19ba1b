"""Bulk ingest of an archive: a folder tree, a JSONL file or a .zip of articles.

Each source is read as a stream of :class:`Item`, one article at a time, so memory stays
flat whatever the archive's size: a folder is walked, a JSONL file is read line by line,
and a zip's members are opened one by one (each within the upload size limit, read
from the archive without unpacking it). Every item goes through the same
:func:`ingest.services.article_submit` as an upload, so limits, refusals and duplicate
detection are the upload page's.

A second run over the same archive stores nothing new: an item whose text is stored
already (same content hash), or whose JSONL ``url`` is, counts as a duplicate. So an
interrupted run is resumed by running it again.

JSONL lines are objects ``{"text": ..., "published": "YYYY-MM-DD", "source": ...,
"url": ...}``; only ``text`` is required. A line that is not such an object is refused
with its line number and the reason; the run goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from ingest.read import UploadRejected
from ingest.services import article_submit
from kb.models import Article

# What a folder or a zip may hold; anything else is refused by name, not read.
SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".pdf"})
SKIPPED_NAMES = ("__MACOSX/", ".DS_Store", "Thumbs.db")


@dataclass(frozen=True)
class Item:
    """One article of an archive, with what the archive says of it."""

    name: str  # where it is in the archive (a path, a member, "file.jsonl:12")
    data: bytes | None = None  # a file's bytes
    text: str | None = None  # a JSONL line's text
    published: dt.date | None = None
    source: str = ""
    url: str = ""
    refused: str = ""  # set when the item could not even be read: the reason


@dataclass
class Summary:
    stored: int = 0
    duplicates: int = 0
    refused: int = 0
    reasons: Counter = field(default_factory=Counter)
    # The stored articles' ids, to count their failures once extracted: 8 bytes each, the
    # one thing that grows with the archive (a million articles: 8 MB).
    articles: array = field(default_factory=lambda: array("q"))

    @property
    def total(self) -> int:
        return self.stored + self.duplicates + self.refused


def archive_kind(path: Path) -> str:
    if path.is_dir():
        return "folder"
    if path.suffix.lower() == ".jsonl":
        return "jsonl"
    if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
        return "zip"
    return "file"


def count(path: Path) -> int:
    """How many items :func:`items` will yield (a cheap pass: names or lines only)."""
    kind = archive_kind(path)
    if kind == "folder":
        return sum(1 for _ in _walk(path))
    if kind == "jsonl":
        with path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())
    if kind == "zip":
        with zipfile.ZipFile(path) as archive:
            return sum(1 for info in archive.infolist() if _member_wanted(info))
    return 1


def items(path: Path) -> Iterator[Item]:
    kind = archive_kind(path)
    if kind == "folder":
        yield from _folder_items(path)
    elif kind == "jsonl":
        yield from _jsonl_items(path)
    elif kind == "zip":
        yield from _zip_items(path)
    else:
        yield _file_item(path, path.name)


ARCHIVE_SUFFIXES = (".zip", ".jsonl")


def is_archive(filename: str) -> bool:
    return filename.lower().endswith(ARCHIVE_SUFFIXES)


def upload_items(filename: str, fileobj) -> Iterator[Item]:
    """The articles of an uploaded archive (the upload page): a .zip or a .jsonl file,
    read from the open file as a folder or a file on disk would be."""
    if filename.lower().endswith(".zip"):
        try:
            yield from _zip_items(fileobj)
        except zipfile.BadZipFile:
            yield Item(name=filename, refused="not a readable zip file")
    else:
        yield from _jsonl_lines(fileobj, filename)


def submit(item: Item, summary: Summary, *, queue: bool = True, read_now: bool = True) -> str:
    """Store one item; returns "stored", "duplicate" or "refused: <reason>"."""
    if item.refused:
        return _refuse(summary, item.refused)
    if item.url and Article.objects.filter(url=item.url).exists():
        summary.duplicates += 1
        return "duplicate"
    try:
        article, created = article_submit(
            data=item.data,
            text=item.text,
            filename=Path(item.name).name if item.data is not None else "",
            source=item.source or (item.url if item.text is not None else item.name),
            published=item.published,
            page_url=item.url,
            # From the command no request waits, so PDF and HTML files are read at once and
            # a known text stores nothing; the upload page leaves them to the workers.
            read_now=read_now,
            queue=queue,
        )
    except UploadRejected as exc:
        return _refuse(summary, exc.reason)
    if not created:
        summary.duplicates += 1
        return "duplicate"
    summary.stored += 1
    summary.articles.append(article.pk)
    return "stored"


def _refuse(summary: Summary, reason: str) -> str:
    summary.refused += 1
    summary.reasons[reason] += 1
    return f"refused: {reason}"


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name not in SKIPPED_NAMES:
                yield Path(folder) / name


def _folder_items(root: Path) -> Iterator[Item]:
    for path in _walk(root):
        yield _file_item(path, str(path.relative_to(root)))


def _file_item(path: Path, name: str) -> Item:
    if path.suffix.lower() not in SUFFIXES:
        return Item(name=name, refused=f"not an article file ({path.suffix or 'no suffix'})")
    limit = settings.UPLOAD_MAX_BYTES
    if path.stat().st_size > limit:
        return Item(name=name, refused=f"larger than the upload limit of {limit:,} bytes")
    return Item(name=name, data=path.read_bytes())


def _member_wanted(info: zipfile.ZipInfo) -> bool:
    return not info.is_dir() and not any(skip in info.filename for skip in SKIPPED_NAMES)


def _zip_items(path) -> Iterator[Item]:
    """The members of a zip: ``path`` is a path or an open binary file."""
    limit = settings.UPLOAD_MAX_BYTES
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not _member_wanted(info):
                continue
            name = info.filename
            if Path(name).suffix.lower() not in SUFFIXES:
                yield Item(
                    name=name, refused=f"not an article file ({Path(name).suffix or 'no suffix'})"
                )
                continue
            if info.file_size > limit:
                yield Item(name=name, refused=f"larger than the upload limit of {limit:,} bytes")
                continue
            try:
                with archive.open(info) as member:
                    # The header's size can lie: never read more than the limit allows.
                    data = member.read(limit + 1)
            except (zipfile.BadZipFile, RuntimeError, OSError, NotImplementedError) as exc:
                yield Item(name=name, refused=f"unreadable zip member ({type(exc).__name__})")
                continue
            if len(data) > limit:
                yield Item(name=name, refused=f"larger than the upload limit of {limit:,} bytes")
                continue
            yield Item(name=name, data=data)


def _jsonl_items(path: Path) -> Iterator[Item]:
    with path.open("rb") as lines:
        yield from _jsonl_lines(lines, path.name)


def _jsonl_lines(lines, label: str) -> Iterator[Item]:
    # A JSON-escaped text may be longer than the text: twice the upload limit per line.
    cap = 2 * settings.UPLOAD_MAX_BYTES
    for number, raw in enumerate(_bounded_lines(lines, cap), start=1):
        name = f"{label}:{number}"
        if raw is None:
            yield Item(name=name, refused=f"line longer than {cap:,} bytes")
        elif raw.strip():
            yield _jsonl_item(name, raw)


def _bounded_lines(stream, cap: int) -> Iterator[bytes | None]:
    """The stream's lines, each read with at most ``cap`` bytes in memory; a longer line
    is skipped to its end and given as None."""
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        if len(line) <= cap or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):  # drain the rest of the long line
            line = stream.readline(cap + 1)
        yield None


URL_CHECK = URLValidator(schemes=["http", "https"])


def _jsonl_item(name: str, raw: bytes) -> Item:
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Item(name=name, refused=f"not a JSON object ({exc.__class__.__name__})")
    if not isinstance(record, dict):
        return Item(name=name, refused="not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Item(name=name, refused='no "text"')
    url, source = record.get("url") or "", record.get("source") or ""
    if not isinstance(source, str) or not isinstance(url, str):
        return Item(name=name, refused='"source" and "url" must be strings')
    published = record.get("published")
    date = None
    if published not in (None, ""):
        try:
            date = dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            return Item(name=name, refused='"published" is not a date (YYYY-MM-DD)')
    if url:
        try:
            URL_CHECK(url)
        except ValidationError:
            return Item(name=name, refused='"url" is not an http(s) address')
    return Item(name=name, text=text, published=date, source=source[:500], url=url[:2000])
