"""Text normalisation: a wire dateline keeps its place as a paragraph of its own and loses
its date, none is found where none opens the body, and its place is the host fallback."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract import extract
from ingest.extract.datelines import find_dateline, headline_end
from ingest.extract.normalize import normalize
from tests.extract.test_normalise import PUBLISHED


@pytest.mark.parametrize(
    "line, place",
    [
        ("ISLAMABAD, April 20 (Reuters) - They met.", "ISLAMABAD"),
        ("KAZAN, Russia, June 24 (Reuters) - They met.", "KAZAN, Russia"),
        ("ASMARA, Eritrea (AP) \u2014 They met.", "ASMARA, Eritrea"),
        ("SEOUL, Oct. 1 (Yonhap) -- They met.", "SEOUL"),
        ("Moscow (ANTARA) - They met.", "Moscow"),
        ("UNITED NATIONS (AP) \u2014 They met.", "UNITED NATIONS"),
        ("NEW DELHI, June 4 \u2014 They met.", "NEW DELHI"),
        ("PORT MORESBY: They met.", "PORT MORESBY"),
        ("AL-ULA, Saudi Arabia: They met.", "AL-ULA, Saudi Arabia"),
        ("WASHINGTON - They met.", "WASHINGTON"),
        ("Pyongyang: They met.", "Pyongyang"),
        ("CAIRO \u2013 18 January 2018: They met.", "CAIRO"),
        ("MAL\u00c9, Dec 20 \u2014 They met.", "MAL\u00c9"),
        ("DANANG /Vietnam/, November 10. /TASS/. They met.", "DANANG"),
        ("New Delhi, May 3 - They met.", "New Delhi"),
        ("BISSAU, Guinea-Bissau \u2014 They met.", "BISSAU, Guinea-Bissau"),
        (
            "KINGSTOWN, Saint Vincent and the Grenadines (AP) - They met.",
            "KINGSTOWN, Saint Vincent and the Grenadines",
        ),
        ("ST. JOHN'S, Antigua and Barbuda \u2014 They met.", "ST. JOHN'S, Antigua and Barbuda"),
    ],
)
def test_a_wire_dateline_keeps_its_place_and_loses_its_date(line, place):
    text = f"Leaders meet in the capital\n\n{line}"
    normalized = normalize(text)
    assert normalized.dateline.place == place
    body = normalized.text[normalized.dateline.start :]
    assert body.startswith(place + "\n")  # a paragraph of its own
    assert body.split() == [*place.split(), "They", "met."]
    assert len(normalized.text) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "BREAKING: Leaders meet in Paris.",
        "The talks - long and tense - ended.",
        "Headline\n\nThe leaders met.\n\nWASHINGTON - a later line.",
        "NATO allies met in Brussels - again.",
        "Note: the leaders met.",
        "Macron: We will meet again.",
    ],
)
def test_no_dateline_where_none_opens_the_body(text):
    assert find_dateline(text, headline_end(text)) is None


def test_a_headline_is_found_before_blanked_chrome():
    text = "Leaders meet\n\nBy Jane Doe\n\nPARIS - The leaders met on Monday."
    normalized = normalize(text)
    assert headline_end(normalized.text) == len("Leaders meet")
    assert normalized.dateline.place == "PARIS"


def test_the_dateline_date_does_not_replace_the_weekday(nlp):
    text = (
        "WASHINGTON, March 13 (Reuters) - Japan's Prime Minister Fumio Kishida met President "
        "Joe Biden at the White House on Tuesday."
    )
    [meeting] = extract(text, PUBLISHED, nlp=nlp).meetings
    assert meeting.date == dt.date(2024, 3, 12)


def test_the_dateline_place_is_the_host_fallback(nlp):
    text = (
        "Leaders meet\n\nBy Jane Doe\n\nTOKYO, March 13 (Reuters) - Japanese Prime Minister "
        "Fumio Kishida held talks with President Joe Biden on Tuesday."
    )
    [meeting] = extract(text, PUBLISHED, nlp=nlp).meetings
    assert meeting.host_country == "JP"
