"""Text normalisation: evidence still points into the stored text (offsets mapped back
over closed characters), and parse/extract_doc match extract."""

from __future__ import annotations

from ingest.extract import extract, extract_doc, extract_many, parse
from ingest.extract.normalize import normalize
from tests.extract.test_normalise import PUBLISHED

# --- evidence points into the stored text -------------------------------------

PERTURBED_ARTICLE = (
    "Leaders meet in the capital\n\n"
    "By Jane Doe, Diplomatic Correspondent\n\n"
    "Photo: Flags outside the ministry. Photograph: A Name/Reuters\n\n"
    "WASHINGTON, March 13 (Reuters) \u2014 Japan\u2019s Prime Minister Fumio\u00a0Kishida met "
    "President\nJoe Biden at the White House on Tuesday \u2014 their second meeting.\n\n"
    "Ki\u00adshida gave Biden a \u201csilver\u201d kettle, and the two leaders signed an "
    "agreement on critical minerals.\n\n"
    "Read more: Markets rally\n\nAdvertisement"
)


def _all_evidence(extraction):
    for fact in (*extraction.meetings, *extraction.gifts, *extraction.agreements):
        yield from fact.evidence
    for leader in extraction.leaders:
        yield from leader.evidence


def test_evidence_spans_slice_the_stored_text(nlp):
    extraction = extract(PERTURBED_ARTICLE, PUBLISHED, nlp=nlp)
    assert extraction.meetings and extraction.gifts and extraction.agreements
    for evidence in _all_evidence(extraction):
        span = evidence.span
        stored_sentence = PERTURBED_ARTICLE[span.sentence_start :][: len(span.sentence)]
        assert span.sentence == stored_sentence
        assert span.sentence_start <= span.start < span.end
        assert span.end <= span.sentence_start + len(span.sentence)
        words = PERTURBED_ARTICLE[span.start : span.end]
        assert words == words.strip() and words
    meeting_sentence = extraction.meetings[0].evidence[0].span.sentence
    assert "President\nJoe Biden" in meeting_sentence and "\u2019s" in meeting_sentence
    gift = extraction.gifts[0].evidence[0].span
    assert PERTURBED_ARTICLE[gift.start : gift.end].startswith("Ki\u00adshida gave")


def test_a_word_closed_over_an_invisible_character_maps_back():
    stored = "Ki\u00adshida met Biden."
    normalized = normalize(stored)
    assert normalized.text == "Kishida met Biden. "
    assert stored[normalized.stored_offset(0) : normalized.stored_offset(7)] == stored[:8]
    assert stored[normalized.stored_offset(8) : normalized.stored_offset(11)] == "met"
    assert normalized.stored_offset(18) == len(stored)  # the end of the line


def test_a_joined_crlf_and_a_hyphen_break_close_up():
    stored = "They spoke\r\nby phone with the al-\nSisi government.\r\n\r\nNext."
    normalized = normalize(stored)
    assert normalized.text.startswith("They spoke by phone with the al-Sisi government.  ")
    assert normalized.text.endswith(" \n \nNext.")
    at = normalized.text.index("Sisi")
    assert stored[normalized.stored_offset(at) : normalized.stored_offset(at + 4)] == "Sisi"


def test_a_doc_of_the_raw_text_keeps_its_dateline_sentence(nlp):
    text = (
        "Leaders meet\n\nTOKYO - Japanese Prime Minister Fumio Kishida held talks with "
        "President Joe Biden on Tuesday."
    )
    [meeting] = extract_doc(nlp(text), PUBLISHED).meetings
    assert meeting.participants == ("Fumio Kishida", "Joe Biden")
    assert meeting.host_country == "JP"


def test_parse_and_extract_doc_match_extract(nlp):
    expected = extract(PERTURBED_ARTICLE, PUBLISHED, nlp=nlp)
    assert extract_doc(parse(nlp, PERTURBED_ARTICLE), PUBLISHED) == expected
    [many] = extract_many([(PERTURBED_ARTICLE, PUBLISHED)], nlp=nlp)
    assert many == expected
