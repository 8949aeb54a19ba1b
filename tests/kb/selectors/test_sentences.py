"""An article's sentences for evidence added by hand (``kb.selectors.sentences``)."""

from __future__ import annotations

import pytest

from kb.selectors.sentences import article_sentences

pytestmark = pytest.mark.django_db

#: A country code no country has (the factories make codes of two letters: even "XX").
NO_SUCH_COUNTRY = "X9"


def test_article_sentences_have_offsets():
    text = "First one. Second one!\nThird"
    sentences = article_sentences(text)
    assert [s for _, _, s in sentences] == ["First one.", "Second one!", "Third"]
    for start, end, sentence in sentences:
        assert text[start:end] == sentence
