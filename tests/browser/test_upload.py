"""An editor uploads several files; each status updates live until done, then links to facts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ingest.services import article_process
from tests.browser.test_editor import log_in
from tests.factories import editor

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = (
    "date 2025-10-02\n\nFinnish President Aino Virtanen received Portuguese Prime Minister "
    "Rui Sampaio at the presidential palace in Helsinki on Wednesday for talks on {topic}."
)


@pytest.fixture
def queued(queued_articles):
    """Stands in for the broker: records queued articles so the test can play the worker."""
    return queued_articles


def test_editor_uploads_several_files_and_watches_them_finish(
    page, countries, queued, tmp_path, screenshot, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    editor("uploader")
    log_in(page, "uploader")
    files = []
    for name, topic in (("energy.txt", "energy"), ("ports.txt", "ports")):
        path = tmp_path / name
        path.write_text(ARTICLE.format(topic=topic), encoding="utf-8")
        files.append(str(path))

    page.goto("/upload/")
    page.locator("input[type=file]").set_input_files(files)
    page.get_by_role("button", name="Upload").click()
    page.wait_for_load_state()
    assert page.locator("[data-poll-url]").count() == 2
    screenshot("upload-results-pending")

    for article in queued:  # the worker gets to them while the page is open
        article_process(article_id=article.pk)

    # A locator, not wait_for_function: the Content-Security-Policy forbids eval.
    expect(page.locator("[data-poll-url]")).to_have_count(0, timeout=30_000)
    links = page.get_by_role("link", name="See the facts")
    assert links.count() == 2
    screenshot("upload-results-done")
    links.first.click()
    page.wait_for_load_state()
    assert "Aino Virtanen" in page.locator("main").inner_text()
