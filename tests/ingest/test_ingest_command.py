"""`manage.py ingest` saves files through the upload service, one line per article."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from kb.models import Article

pytestmark = pytest.mark.django_db


def test_ingest_prints_a_line_per_article_and_refuses_bad_files(tmp_path, capsys, no_queue):
    good = tmp_path / "talks.txt"
    good.write_text("date 2025-06-02\n\nTwo foreign ministers met for talks on fishing rights.")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)

    with pytest.raises(CommandError, match="1 of 3"):
        call_command("ingest", str(good), str(binary), str(good))

    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith("talks.txt: article") and "(new), queued" in lines[0]
    assert "(already known)" in lines[1]
    assert "photo.txt: refused" in err
    assert Article.objects.count() == 1
