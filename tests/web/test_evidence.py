"""Evidence is shown as its stored sentence with exactly the span in <mark>, all escaped;
the article text is never read for it (see tests/security/test_large_articles.py)."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, EvidenceFactory, LeaderFactory, MeetingFactory
from web.templatetags.page_tags import span_context

TEXT = (
    "First paragraph about something else.\n\n"
    "On Monday the prime minister met the president in Rome. "
    "They discussed grain & energy.\n\n"
    "A last paragraph."
)
SPAN = "the prime minister met the president in Rome"


@pytest.mark.django_db
def test_meeting_page_marks_exactly_the_span_in_its_sentence(client):
    article = ArticleFactory(text=TEXT)
    meeting = MeetingFactory(participants=[LeaderFactory()])
    sentence = "On Monday the prime minister met the president in Rome. "
    start = TEXT.index(SPAN)
    EvidenceFactory(
        article=article,
        meeting=meeting,
        sentence=sentence,
        sentence_start=TEXT.index(sentence),
        start=start,
        end=start + len(SPAN),
    )

    html = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()

    assert html.count("<mark>") == 1
    assert f"On Monday <mark>{SPAN}</mark>." in html
    # Only the stored sentence: the rest of the article is not read.
    assert "They discussed grain" not in html
    assert "First paragraph about something else" not in html


def test_span_context_splits_the_paragraph():
    start = TEXT.index(SPAN)
    context = span_context(TEXT, start, start + len(SPAN))
    assert context.before == "On Monday "
    assert context.span == SPAN
    assert context.after == ". They discussed grain & energy."
    assert not context.cut_before and not context.cut_after


def test_span_context_cuts_long_paragraphs_at_words():
    text = "word " * 300 + "TARGET" + " word" * 300
    start = text.index("TARGET")
    context = span_context(text, start, start + 6, max_side=50)
    assert context.cut_before and context.cut_after
    assert len(context.before) <= 50 and len(context.after) <= 50
    assert context.before.startswith("word") and context.after.endswith("word")


def test_span_context_refuses_offsets_outside_the_text():
    assert span_context("short", 2, 99) is None
    assert span_context("short", 3, 3) is None
    assert span_context("", 0, 1) is None


@pytest.mark.django_db
def test_bad_offsets_fall_back_to_the_escaped_sentence(client):
    article = ArticleFactory(text="Short text.")
    meeting = MeetingFactory(participants=[LeaderFactory()])
    EvidenceFactory(
        article=article, meeting=meeting, start=5, end=500, sentence="<b>Sentence</b> kept"
    )
    html = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "&lt;b&gt;Sentence&lt;/b&gt; kept" in html
    assert "<mark>" not in html
