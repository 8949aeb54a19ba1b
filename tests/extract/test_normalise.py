"""Text normalisation: the same sentence gives the same facts whatever its typography
and page chrome, and evidence still points into the stored text.

The capability set takes clean sentences (meetings, gifts, agreements) and their
perturbed twins (curly quotes, unicode spaces, dashes, hard wraps, datelines, captions,
bylines, page chrome) and asserts that each twin gives the clean sentence's facts."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from ingest.extract import extract, extract_doc, extract_many, parse
from ingest.extract.datelines import find_dateline, headline_end
from ingest.extract.normalize import normalize

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday: "on Tuesday" is March 12

CLEAN = [
    "Japan's Prime Minister Fumio Kishida met President Joe Biden at the White House on Tuesday.",
    "President Emmanuel Macron held talks with Chancellor Olaf Scholz in Berlin on Monday \u2014 "
    "their third meeting this year.",
    "Indian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese met in "
    "New Delhi on March 11 to discuss trade.",
    "President Cyril Ramaphosa hosted Kenyan President William Ruto at the Union Buildings in "
    "Pretoria on Wednesday.",
    "Brazil's President Luiz Inacio Lula da Silva spoke by telephone with President Joe Biden "
    "on Tuesday.",
    "Turkish President Recep Tayyip Erdogan visited Cairo on Wednesday for talks with Egyptian "
    "President Abdel Fattah al-Sisi.",
    "Prime Minister Justin Trudeau, who arrived on Sunday \u2014 his first trip abroad this "
    "year \u2014 held talks with President Joe Biden on Monday.",
    "Prime Minister Narendra Modi gave President Joe Biden a sandalwood box on Thursday.",
    "Chinese President Xi Jinping presented French President Emmanuel Macron with a "
    "porcelain vase.",
    "King Charles gave President Emmanuel Macron a silver tray engraved with the words "
    '"Entente Cordiale".',
    "Chancellor Olaf Scholz's gift to President Joe Biden was a hand-drawn map of Berlin.",
    "King Charles III gave President Barack Obama a signed photograph in a silver frame.",
    "King Abdullah II gave President Joe Biden a silver dagger on Monday.",
    "President Joe Biden and Prime Minister Fumio Kishida signed an agreement on critical "
    "minerals on Tuesday.",
    "Prime Minister Narendra Modi and President Emmanuel Macron signed a memorandum of "
    "understanding on space cooperation in Paris on Monday.",
    "President Vladimir Putin and President Xi Jinping signed a joint statement on the "
    '"new era" partnership in Moscow on Tuesday.',
    "Prime Minister Rishi Sunak and Prime Minister Giorgia Meloni agreed a deal on migration "
    "in Rome on Monday.",
    "President Joe Biden and President Andrzej Duda signed a defence cooperation treaty in "
    "Warsaw on Wednesday.",
    "President Emmanuel Macron and Prime Minister Narendra Modi signed a defence agreement in "
    "Paris on Tuesday.",
    "President Joe Biden and President Yoon Suk Yeol signed an agreement on nuclear "
    "cooperation on Wednesday.",
]


def _curly(text: str) -> str:
    out, opened = [], False
    for ch in text:
        if ch == '"':
            out.append("\u201d" if opened else "\u201c")
            opened = not opened
        else:
            out.append("\u2019" if ch == "'" else ch)
    return "".join(out)


def _spaces(kind: str):
    return lambda text: text.replace(" ", kind)


def _dashes(dash: str):
    return lambda text: text.replace(" \u2014 ", dash)


def _wrap_after(word: str):
    """A hard line break after the first `word` that is followed by more words."""

    def perturb(text: str) -> str:
        at = text.find(word + " ")
        return text if at < 0 else text[: at + len(word)] + "\n" + text[at + len(word) + 1 :]

    return perturb


def _wrapped(width: int):
    return lambda text: textwrap.fill(text, width)


def _before(prefix: str):
    return lambda text: prefix + text


def _after(suffix: str):
    return lambda text: text + suffix


PERTURBATIONS = {
    "curly quotes": _curly,
    "no-break spaces": _spaces("\u00a0"),
    "narrow no-break spaces": _spaces("\u202f"),
    "thin spaces": _spaces("\u2009"),
    "spaced hyphen dashes": _dashes(" - "),
    "double hyphen dashes": _dashes(" -- "),
    "en dashes": _dashes(" \u2013 "),
    "unspaced em dashes": _dashes("\u2014"),
    "wrap after a title": _wrap_after("President"),
    "wrap after a preposition": _wrap_after(" on"),
    "wrap after a month": _wrap_after("March"),
    "hard-wrapped at 40 columns": _wrapped(40),
    "hard-wrapped at 60 columns": _wrapped(60),
    "windows line ends": lambda text: textwrap.fill(text, 50).replace("\n", "\r\n"),
    "wire dateline": _before("WASHINGTON, March 13 (Reuters) - "),
    "agency dateline": _before("Geneva (AFP) - "),
    "all-caps dateline": _before("NEW DELHI \u2014 "),
    "colon dateline": _before("NEW DELHI: "),
    "dateline with region": _before("KAZAN, Russia, March 13 (Reuters) - "),
    "file caption": _before("FILE - In this March 2, 2019 photo, flags fly outside a palace.\n\n"),
    "file photo caption": _before("FILE PHOTO: A motorcade leaves the airport.\n\n"),
    "photo caption": _before("Photo: Flags outside the ministry on Monday.\n\n"),
    "byline": _before("By Jane Doe\n\n"),
    "byline with role": _before("By Jane Doe and Carlos Ruiz, Diplomatic Correspondents\n\n"),
    "staff line": _before("Ana Lima, Political Reporter\n\n"),
    "headline, byline, caption and dateline": _before(
        "Leaders meet as talks resume\n\nBy Jane Doe | Paris\n\n"
        "Photo: Flags outside the ministry. Photograph: A Name/Reuters\n\nPARIS (AP) \u2014 "
    ),
    "page chrome after": _after(
        "\n\nRead more: Markets rally on trade hopes\n\nAdvertisement\n\nShare this article"
        "\n\nSign up for our morning briefing\n\n(Reporting by Jane Doe; Editing by Ana Lima)"
    ),
    "bullets after": _after("\n\n\u2022 Tariffs were not on the agenda\n\u2022 Visas were"),
}


def _facts(extraction) -> tuple:
    return (
        sorted((tuple(sorted(m.participants)), m.kind, m.date) for m in extraction.meetings),
        sorted((g.giver, g.recipient, g.item) for g in extraction.gifts),
        sorted((tuple(sorted(a.parties)), a.kind, a.status) for a in extraction.agreements),
    )


@pytest.fixture(scope="module")
def clean_facts(nlp):
    facts = [_facts(x) for x in extract_many([(s, PUBLISHED) for s in CLEAN], nlp=nlp)]
    assert all(any(kind) for kind in facts), "every clean sentence gives a fact"
    return facts


@pytest.mark.parametrize("name", list(PERTURBATIONS))
def test_a_perturbed_twin_gives_the_clean_sentences_facts(nlp, clean_facts, name):
    perturb = PERTURBATIONS[name]
    twins = [perturb(sentence) for sentence in CLEAN]
    assert twins != CLEAN
    got = [_facts(x) for x in extract_many([(t, PUBLISHED) for t in twins], nlp=nlp)]
    differ = [
        (CLEAN[n], got[n], clean_facts[n]) for n in range(len(CLEAN)) if got[n] != clean_facts[n]
    ]
    assert not differ


# --- the normaliser itself ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Japan\u2019s leader met \u201cfriends\u201d\u00a0on\u2009Monday \u2014 briefly.",
        "By Jane Doe\n\nFILE - a caption.\n\nRIYADH, Jan. 5 (AP) \u2014 Talks began.\n\n"
        "Read more: x\n\u2022 item",
        "Ma\u00adcron\u200b met Xi\ufeff.",
        "A line\r\nwrapped\r\n\r\nand a paragraph\u2028more",
        "",
    ],
)
def test_normalised_text_has_the_stored_length(text):
    assert len(normalize(text).text) == len(text)


@pytest.mark.parametrize(
    "stored, parsed",
    [
        ("Japan\u2019s \u2018deal\u2019", "Japan's 'deal'"),
        ("\u201cA\u201d and \u00abB\u00bb", '"A" and "B"'),
        ("a\u00a0b\u2009c\u202fd\u2007e", "a b c d e"),
        ("talks \u2013 briefly", "talks \u2014 briefly"),
        ("talks - briefly", "talks \u2014 briefly"),
        ("talks -- briefly", "talks \u2014  briefly"),
        ("India\u2013Pacific, 30\u201331 May", "India-Pacific, 30-31 May"),
        ("in 1998 \u2013 2000", "in 1998 - 2000"),
        ("Biden\u2014who arrived\u2014met Xi", "Biden\u2014who arrived\u2014met Xi"),
    ],
)
def test_typography_becomes_plain(stored, parsed):
    assert normalize(stored).text == parsed


@pytest.mark.parametrize(
    "stored, parsed",
    [
        ("They met on October\n30 in Paris.", "They met on October 30 in Paris."),
        ("welcomed President\nEmmanuel Macron.", "welcomed President Emmanuel Macron."),
        ("talks that\nlasted hours.", "talks that lasted hours."),
        ("the two leaders,\nwho met", "the two leaders, who met"),
    ],
)
def test_a_line_break_inside_a_sentence_becomes_a_space(stored, parsed):
    assert normalize(stored).text == parsed


@pytest.mark.parametrize(
    "text",
    [
        "Biden meets Xi in Bali\nPresident Joe Biden met Xi.",  # a headline's own line
        "They met.\nThey talked.",
        "Agreements signed:\n- one on trade",
        "First paragraph.\n\nSecond paragraph.",
    ],
)
def test_paragraph_and_headline_breaks_stay(text):
    assert normalize(text).text.count("\n") == text.count("\n")


def test_one_line_paragraphs_under_a_one_line_headline_stay_lines():
    text = (
        "Leaders agree to restore military talks after a year\n"
        "TOKYO (Reuters) - The two leaders met in the capital on Monday.\n"
        "They talked for three hours about trade.\n"
        "Officials said a second round would follow."
    )
    normalized = normalize(text)
    assert headline_end(text) == text.index("\n")
    assert normalized.dateline.place == "TOKYO"
    assert normalized.text.count("\n") >= text.count("\n")


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's President William\nRuto met Ghana's President John Mahama in Accra.",
        "The two leaders signed a trade pact in\nLima on Monday and spoke to reporters.",
    ],
)
def test_a_first_line_wrapped_into_one_sentence_is_not_a_headline(text):
    assert headline_end(text) == 0


def test_a_hard_wrapped_paragraph_becomes_one_line():
    words = [f"The {n} leaders met in the capital on day {n}." for n in range(1, 6)]
    text = textwrap.fill(" ".join(words), 48)
    assert "\n" in text and "\n" not in normalize(text).text


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe",
        "By Jane Doe, Political Correspondent",
        "By Jane Doe and Carlos Ruiz | Nairobi",
        "By Our Special Correspondent",
        "Ana Lima, Foreign Affairs Reporter",
        "Staff Reporter",
        "(Reporting by Jane Doe; Editing by Carlos Ruiz)",
        "Additional reporting by Ana Lima in Lagos",
        "FILE - In this photo taken last year, two leaders walk.",
        "FILE PHOTO: Two leaders walk.",
        "Photo: Two leaders walk on Monday.",
        "Photograph: Ana Lima/Reuters",
        "Read more: Leaders meet in Lisbon",
        "RELATED: Leaders meet in Lisbon",
        "See also - Leaders meet in Lisbon",
        "Advertisement",
        "Skip Advertisement",
        "Share this article",
        "Sign up for our newsletter",
        "Story continues below advertisement",
        "Copyright 2024 The Daily Planet",
        "Updated 3 hours ago",
        "Lisbon | Published: May 4, 2021 9:15:02 AM",
        "By Daily Courier Bureau | Last Updated: Monday, May 3, 2021 - 18:40",
        "This is an archive article published on May 3, 2001",
        "Ana Lima/AP",
        "Carlos Ruiz/Getty Images",
        "hide caption",
        "toggle caption",
        "File pic",
        "Loading Taboola...",
        "Post a Comment",
        "Written by Ana Lima June 22, 2023 | 10:19 am 2 min read",
        "1 Min Read",
        "By Ana Lima \u00b7 4 min read",
        "Ana Lima in Lisbon and Carlos Ruiz contributed reporting.",
        "Two leaders arrive at the airport on Monday. \u2014 Bernama pic",
        "Two leaders walk. Ana Lima/AP hide caption",
        "The two leaders shake hands in the capital. Agency/Ana Lima/Office via REUTERS",
    ],
)
def test_page_chrome_is_blanked(line):
    text = f"Leaders meet\n\n{line}\n\nThe leaders met on Monday."
    assert normalize(text).text == text.replace(line, " " * len(line))


@pytest.mark.parametrize(
    "line",
    [
        "By the time they met, the deal was done.",
        "by the sea the leaders met",
        "Related talks will follow next week.",
        "Share prices rose after the summit.",
        "Photographers waited outside the palace.",
        "The president's reporter, a friend, attended.",
        "The leaders met. They said a photo would follow.",
        "The talks in Paris/Berlin were long.",
        "Japan contributed reporting staff. The leaders met.",
    ],
)
def test_sentences_that_look_like_chrome_stay(line):
    text = f"Leaders meet\n\n{line}\n\nThe leaders met on Monday."
    assert normalize(text).text == text


@pytest.mark.parametrize(
    "line, kept",
    [
        ("Two leaders walk.   | Photo Credit: PTI", "Two leaders walk."),
        ("A gift to the nation. MUST CREDIT: City Archive (City Archive)", "A gift to the nation."),
        ("(PIB NEWS) The Prime Minister spoke with the president.", "The Prime Minister spoke"),
    ],
)
def test_credits_and_tags_inside_a_line_are_blanked(line, kept):
    parsed = normalize(f"Leaders meet\n\n{line}").text
    assert parsed.split("\n\n")[1].strip().startswith(kept)
    assert len(parsed.split("\n\n")[1].strip()) <= len(line) - 10


@pytest.mark.parametrize("label", ["Read also", "RELATED", "Persons", "Topics:"])
def test_a_lone_label_and_the_link_or_list_after_it_are_blanked(label):
    text = f"Leaders meet\n\nThey met.\n\n{label}\n\nLeaders meet again in Lisbon\n\nThey left."
    assert normalize(text).text.split() == ["Leaders", "meet", "They", "met.", "They", "left."]


def test_a_repeated_headline_or_caption_line_is_blanked():
    head = "Two leaders meet in the capital for talks"
    text = f"{head}\n\nBy Ana Lima\n{head}\n\nThe two leaders met on Monday."
    assert normalize(text).text.split() == [
        *head.split(),
        "The",
        "two",
        "leaders",
        "met",
        "on",
        "Monday.",
    ]


def test_a_repeated_sentence_of_the_body_stays():
    line = "The two leaders met in the capital on Monday for talks."
    text = f"Leaders meet\n\n{line}\n\n{line}"
    assert normalize(text).text == text


def test_credits_inside_a_line_are_blanked():
    text = "The leaders shook hands (AP Photo/Ana Lima) at the palace."
    assert normalize(text).text == text.replace("(AP Photo/Ana Lima)", " " * 19)
    caption = "Two leaders walk. Photograph: Ana Lima/Getty Images"
    assert normalize(caption).text.rstrip() == "Two leaders walk."


def test_bullet_markers_are_blanked_and_items_stay_lines():
    text = "Signed:\n\n\u2022 an MoU on health\n* an MoU on water\n- a treaty"
    assert normalize(text).text == "Signed:\n\n  an MoU on health\n  an MoU on water\n  a treaty"


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


@pytest.mark.parametrize(
    "label, caption",
    [
        ("FILE - ", "Prime Minister A. Name, left, presents a carved bowl to President B. Name."),
        ("FILE \u2014 ", "President A. Name hands President B. Name a silver pen in Lima."),
        ("Photo: ", "King A. Name places the Collar of the Star around the guest's neck."),
        ("FILE PHOTO: ", "President B. Name is presented with a woven mat by A. Name on Monday."),
    ],
)
def test_a_caption_that_tells_a_gift_keeps_its_sentence(label, caption):
    text = f"Leaders meet\n\n{label}{caption}\n\nThe leaders met on Monday."
    assert normalize(text).text == text.replace(label, " " * len(label))


@pytest.mark.parametrize(
    "line",
    [
        "FILE - President A. Name, left, shakes hands with President B. Name in Lima.",
        "Photo: President A. Name speaks to reporters after the talks.",
        "FILE - President A. Name presents",  # no sentence after the verb
    ],
)
def test_a_caption_that_tells_no_gift_stays_chrome(line):
    text = f"Leaders meet\n\n{line}\n\nThe leaders met on Monday."
    assert normalize(text).text == text.replace(line, " " * len(line))


def test_a_gift_caption_gives_the_gift_with_its_giver_before_the_position(nlp):
    text = (
        "Leaders meet\n\nIndian Prime Minister Narendra Modi met Australian Prime Minister "
        "Anthony Albanese in Sydney on Tuesday.\n\nFILE - Indian Prime Minister Narendra Modi, "
        "left, presents a carved wooden chest to Australian Prime Minister Anthony Albanese in "
        "Sydney, Australia, on March 12, 2024."
    )
    [gift] = extract(text, PUBLISHED, nlp=nlp).gifts
    assert (gift.giver, gift.recipient, gift.item) == (
        "Narendra Modi",
        "Anthony Albanese",
        "carved wooden chest",
    )
