"""A generated corpus of hostile uploads: (name, filename, bytes) triples.

Every family is produced with variations (sizes, offsets, encodings, nesting depths)
so the corpus is large without being repetitive. Nothing is downloaded or stored:
it is rebuilt on each run, deterministically (seeded).
"""

from __future__ import annotations

import io
import random
import tarfile
import zipfile
import zlib
from collections.abc import Iterator

from pypdf import PdfWriter

LIMIT = 10 * 1024 * 1024
SENTENCE = "The prime minister of Norway met the president of Chile in Oslo on Monday. "


def _deflate(chunk: bytes, times: int) -> bytes:
    """zlib data inflating to ``chunk * times``, built without holding it all."""
    compressor = zlib.compressobj(9)
    block = chunk * max(1, 1_000_000 // len(chunk))
    parts, done = [], 0
    while done < times:
        n = min(times - done, len(block) // len(chunk))
        parts.append(compressor.compress(block[: n * len(chunk)]))
        done += n
    parts.append(compressor.flush())
    return b"".join(parts)


def _pdf(
    content: bytes = b"",
    *,
    compress: bool = True,
    pages: int = 1,
    extra: bytes = b"",
    deflated: bytes | None = None,
) -> bytes:
    """A PDF whose page(s) all draw ``content`` (FlateDecode-compressed if asked)."""
    data = deflated if deflated is not None else zlib.compress(content, 9) if compress else content
    compress = compress or deflated is not None
    filters = " /Filter /FlateDecode" if compress else ""
    kids = " ".join(f"{6 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(data)}{filters} >>".encode() + b"\nstream\n" + data + b"\nendstream",
        b"<< /Producer (hostile) >>" + extra,
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 3 0 R >> >> >>"
    ] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref_at = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode())
    out.write(f"startxref\n{xref_at}\n%%EOF\n".encode())
    return out.getvalue()


def _text_ops(text: str, repeat: int = 1) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"BT /F1 12 Tf 14 TL 72 720 Td " + f"({escaped}) Tj T* ".encode() * repeat + b"ET"


def _good_pdf() -> bytes:
    return _pdf(_text_ops(SENTENCE, 8))


def _encrypted(data: bytes, user: str, owner: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out.getvalue()


def _tar(members: dict[str, bytes], mode: str = "w") -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as archive:
        for name, body in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
    return out.getvalue()


def corpus() -> Iterator[tuple[str, str, bytes]]:
    rng = random.Random(20240501)
    text = (SENTENCE * 4).encode()

    # Empty, or as good as.
    for i, body in enumerate(
        [
            b"",
            b" ",
            b"\n\n\n",
            b"\t \r\n",
            b"\xef\xbb\xbf",
            b"\xef\xbb\xbf\n  \n",
            b"date 2024-01-01\n",
        ]
    ):
        yield f"empty-{i}", ["a.txt", "a.html", "a.pdf"][i % 3], body

    # Over the size limit, by a little and by a lot, as text, HTML and PDF.
    for i, extra in enumerate([1, 4096, 1024 * 1024]):
        yield f"oversize-text-{i}", "big.txt", b"a" * (LIMIT + extra)
    yield "oversize-pdf", "big.pdf", _pdf(b"%" + b"x" * (LIMIT + 10), compress=False)

    # Truncated and damaged PDFs.
    good = _good_pdf()
    for cut in range(8, len(good) - 1, max(1, len(good) // 40)):
        yield f"truncated-pdf-{cut}", "cut.pdf", good[:cut]
    for i in range(40):
        damaged = bytearray(good)
        for _ in range(20):
            damaged[rng.randrange(20, len(damaged))] = rng.randrange(256)
        yield f"damaged-pdf-{i}", "damaged.pdf", bytes(damaged)
    yield "pdf-header-only", "x.pdf", b"%PDF-1.7\n"
    yield "pdf-garbage", "x.pdf", b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(4096))
    yield "pdf-bad-xref", "x.pdf", good.replace(b"startxref\n", b"startxref\n999999")
    yield "pdf-self-referencing-pages", "x.pdf", good.replace(b"/Kids [6 0 R]", b"/Kids [2 0 R]")

    # Encrypted PDFs.
    for i, (user, owner, algorithm) in enumerate(
        [
            ("secret", "owner", "RC4-128"),
            ("secret", "owner", "RC4-40"),
            ("x", "y", "RC4-128"),
            ("pässwörd", "owner", "RC4-128"),
            ("a" * 32, "b", "RC4-40"),
        ]
    ):
        yield f"encrypted-pdf-{i}", "locked.pdf", _encrypted(good, user, owner, algorithm)

    # Decompression bombs: small files whose streams inflate far past any article.
    for i, size in enumerate([30_000_000, 100_000_000, 1_000_000_000]):
        yield f"pdf-bomb-spaces-{i}", "bomb.pdf", _pdf(deflated=_deflate(b" ", size))
    for i, repeat in enumerate([200_000, 2_000_000, 8_000_000]):
        yield f"pdf-bomb-text-{i}", "bomb.pdf", _pdf(deflated=_deflate(b"(Oslo talks) Tj ", repeat))
    yield "pdf-bomb-many-pages", "bomb.pdf", _pdf(_text_ops(SENTENCE, 50_000), pages=150)
    yield "pdf-many-pages", "pages.pdf", _pdf(_text_ops(SENTENCE), pages=5000)

    # HTML full of scripts and handlers (some with a little text, which may be accepted).
    scripts = [
        "<script>alert(1)</script>",
        "<script src='https://evil.example/x.js'></script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href='javascript:alert(1)'>x</a>",
        "<iframe src='javascript:alert(1)'></iframe>",
        "<body onload=alert(1)>",
        "<object data='data:text/html,<script>alert(1)</script>'></object>",
    ]
    for i in range(40):
        chosen = rng.sample(scripts, k=rng.randrange(1, len(scripts)))
        body = "".join(chosen) * rng.choice([1, 10, 1000])
        with_text = i % 4 == 0
        html = (
            f"<!doctype html><html><head><title>{chosen[0]}</title>{body}</head><body>{body}"
            + (f"<p>{SENTENCE} {chosen[-1]}</p>" if with_text else "")
            + f"{body}</body></html>"
        )
        yield f"html-scripts-{i}", ["page.html", "page.txt", "page.pdf"][i % 3], html.encode()
    yield (
        "html-only-script-10mb",
        "s.html",
        (b"<html><body><script>" + b"var a=1;" * (LIMIT // 8 - 100) + b"</script></body></html>"),
    )

    # Archives and binaries dressed up as text.
    members = {"article.txt": text, "b.txt": text}
    yield "zip-as-txt", "article.txt", _zip(members)
    yield "zip-stored-as-txt", "article.txt", _zip(members, zipfile.ZIP_STORED)
    yield "zip-empty-as-html", "a.html", _zip({})
    yield "zip-bomb-as-txt", "a.txt", _zip({"a.txt": b"\0" * 20_000_000})
    yield (
        "docx-as-txt",
        "a.txt",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": text}),
    )
    for mode, name in (("w", "tar"), ("w:gz", "tgz"), ("w:bz2", "tbz"), ("w:xz", "txz")):
        yield f"{name}-as-txt", "article.txt", _tar(members, mode)
    yield "gzip-as-txt", "a.txt", zlib.compress(text)[2:]  # raw deflate: just bytes
    for i, magic in enumerate(
        [
            b"\x89PNG\r\n\x1a\n",
            b"\xff\xd8\xff\xe0",
            b"GIF89a",
            b"\x7fELF",
            b"MZ\x90\x00",
            b"\xca\xfe\xba\xbe",
            b"SQLite format 3\x00",
            b"OggS",
            b"RIFF\x00\x00\x00\x00WEBP",
            b"\x00\x00\x01\x00",
            b"%!PS-Adobe-3.0",
            b"{\\rtf1",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        ]
    ):
        yield (
            f"binary-magic-{i}",
            ["x.txt", "x.html", "x.pdf"][i % 3],
            magic + bytes(rng.randrange(256) for _ in range(2048)),
        )
    for i in range(30):
        size = rng.choice([1, 16, 512, 4096, 65536])
        yield f"random-bytes-{i}", "noise.txt", bytes(rng.randrange(256) for _ in range(size))

    # Invalid UTF-8.
    bad_sequences = [
        b"\x80",
        b"\xbf",
        b"\xc0\xaf",
        b"\xe0\x80\xaf",
        b"\xed\xa0\x80",
        b"\xf8\x88\x80\x80\x80",
        b"\xfe",
        b"\xff",
        b"\xc3",
        b"\xe2\x82",
        b"\xf0\x9f\x98",
    ]
    for i, seq in enumerate(bad_sequences):
        for where in ("start", "middle", "end"):
            body = {"start": seq + text, "middle": text[:50] + seq + text[50:], "end": text + seq}
            yield f"bad-utf8-{i}-{where}", "bad.txt", body[where]
    for codec in ["latin-1", "cp1252", "mac_roman", "koi8_r", "shift_jis", "big5"]:
        sample = (
            "Café à Zürich — 東京 — Москва".encode(codec, errors="ignore") + b" \xe9\xff" + text
        )
        yield f"legacy-charset-{codec}", "old.txt", sample
    yield (
        "html-lying-charset",
        "lie.html",
        (b"<html><head><meta charset='utf-8'></head><body><p>\xff\xfe\xfa</p></body></html>"),
    )
    yield (
        "html-unknown-charset",
        "x.html",
        (b"<html><head><meta charset='x-klingon'></head><body><p>\xff</p></body></html>"),
    )

    # UTF-16 and UTF-32 without a byte-order mark (and with one).
    for codec in ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]:
        yield f"{codec}-no-bom", "u.txt", (SENTENCE * 3).encode(codec)
        yield (
            f"{codec}-no-bom-html",
            "u.html",
            f"<html><body><p>{SENTENCE}</p></body></html>".encode(codec),
        )
    yield "utf-16-bom", "u.txt", (SENTENCE * 3).encode("utf-16")

    # Long lines: 10 MB on one line, as words and as one token, in text and HTML.
    yield "one-line-words", "line.txt", (b"summit " * (LIMIT // 7 - 10))
    yield "one-line-token", "line.txt", b"a" * (LIMIT - 100)
    yield (
        "one-line-html",
        "line.html",
        b"<html><body><p>" + b"talks " * (LIMIT // 6 - 10) + b"</p></body></html>",
    )
    yield "one-line-2mb", "line.txt", (SENTENCE.encode() * (2_000_000 // len(SENTENCE)))

    # Deeply nested HTML.
    for depth in (1_000, 10_000, 100_000, 500_000):
        for tag in ("div", "span", "table"):
            opening, closing = f"<{tag}>" * depth, f"</{tag}>" * depth
            html = f"<html><body>{opening}<p>{SENTENCE}</p>{closing}</body></html>"
            if len(html) < LIMIT:
                yield f"nested-{tag}-{depth}", "deep.html", html.encode()
    yield "nested-unclosed", "deep.html", b"<html><body>" + b"<div><p><b><i>" * 200_000
    yield "comment-bomb", "c.html", b"<html><body><!--" * 300_000

    # Control characters.
    controls = [chr(c) for c in range(32) if c not in (9, 10, 13)] + ["\x7f"]
    for i in range(30):
        density = [0.001, 0.01, 0.05, 0.3, 1.0][i % 5]
        chars = []
        for ch in SENTENCE * 20:
            chars.append(ch)
            if rng.random() < density:
                chars.append(rng.choice(controls))
        yield f"controls-{i}-{density}", "ctl.txt", "".join(chars).encode()
    yield "nul-bytes", "nul.txt", text.replace(b" ", b"\x00")
    yield "bidi-overrides", "bidi.txt", ("\u202e" + SENTENCE + "\u2066" * 50).encode() * 5
    yield "zero-width", "zw.txt", ("\u200b\u200c\u200d\ufeff" * 5000 + SENTENCE).encode()
    yield "only-combining-marks", "zalgo.txt", ("a" + "\u0301" * 5000).encode() * 20
    yield "lone-surrogate-escape", "s.txt", b"\xed\xb2\x80" + text
    yield "dateline-only", "d.txt", b"date 2024-02-30\n"
    yield "bogus-date", "d.txt", b"date 9999-99-99\n" + text
