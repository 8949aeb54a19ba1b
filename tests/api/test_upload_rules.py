"""One upload validator (``ingest.upload``) for the upload page and the API: the same
request gets the same answer through either door."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from ingest.read import UploadRejected
from ingest.upload import AMBIGUOUS, NOTHING, upload_item, upload_items
from kb.models import Article
from tests.factories import editor

pytestmark = pytest.mark.django_db

TEXT = "The president met the chancellor in Berlin for talks on energy."


def files(*sizes: int, door: str = "page") -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile(
            f"f{i}.txt", (f"Report {i} via the {door}. " + TEXT).ljust(size).encode()
        )
        for i, size in enumerate(sizes)
    ]


@pytest.fixture
def page(client):
    client.force_login(editor("page-editor"))
    return client


@pytest.fixture
def api():
    client = APIClient()
    client.force_authenticate(editor("api-editor"))
    return client


def test_a_request_is_exactly_one_kind_of_upload():
    with pytest.raises(UploadRejected) as nothing:
        upload_items(text="  \n ", url="")
    assert (nothing.value.code, str(nothing.value)) == ("empty", NOTHING)
    with pytest.raises(UploadRejected) as both:
        upload_items(text=TEXT, url="https://example.org/")
    assert (both.value.code, str(both.value)) == ("ambiguous", AMBIGUOUS)
    assert upload_items(url="https://example.org/", source="") == [{"url": "https://example.org/"}]
    assert upload_item(text=TEXT, file=files(100)[0]).code == "ambiguous"


@override_settings(UPLOAD_MAX_BYTES=200)
def test_a_file_over_the_limit_is_its_own_error_and_the_others_go_ahead():
    small, big = upload_items(files=files(100, 300))
    assert small["filename"] == "f0.txt" and small["data"].startswith(b"Report 0 ")
    assert isinstance(big, UploadRejected) and big.code == "too_large"
    assert str(big).replace("\xa0", " ") == "“f1.txt” is 300 bytes; the limit is 200 bytes."


def test_two_kinds_at_once_get_the_same_reason_on_the_page_and_in_the_api(page, api, no_queue):
    both = {"text": TEXT, "url": "https://example.org/news"}

    on_page = page.post(reverse("upload"), both)
    in_api = api.post("/api/articles/", both, format="multipart")

    assert on_page.status_code == in_api.status_code == 400
    assert AMBIGUOUS in on_page.content.decode()
    assert in_api.json()["code"] == "ambiguous" and in_api.json()["detail"] == AMBIGUOUS
    assert not Article.objects.exists()


@override_settings(UPLOAD_MAX_BYTES=200)
def test_several_files_with_one_too_large_are_judged_alike_by_both_doors(page, api, no_queue):
    on_page = page.post(reverse("upload"), {"files": files(100, 300)})
    assert on_page.status_code == 200
    html = on_page.content.decode().replace("\xa0", " ").replace("&nbsp;", " ")
    assert "1 of 2 files accepted" in html and "the limit is 200 bytes" in html

    in_api = api.post("/api/articles/", {"file": files(120, 300, door="API")}, format="multipart")
    items = in_api.json()["items"]
    assert in_api.status_code == 202
    assert "id" in items[0] and items[1]["error"]["code"] == "too_large"
    assert Article.objects.count() == 2
