"""Text normalisation: the same sentence gives the same facts whatever its typography
and page chrome, and evidence still points into the stored text.

The capability set takes clean sentences (meetings, gifts, agreements) and their
perturbed twins (curly quotes, unicode spaces, dashes, hard wraps, datelines, captions,
bylines, page chrome) and asserts that each twin gives the clean sentence's facts."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from ingest.extract import extract_many
from ingest.extract.datelines import headline_end
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
