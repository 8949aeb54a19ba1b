"""Who 'the two' are when a sentence has just linked two others, and the article's own
spelling of a registry name.

Every sentence and registry row here is invented. Each case has a twin that keeps the
construction and changes what must not match: 'the two' in what was said, or standing
beside others, is not the pair the sentence names; an alias that is a second surname
or a common given name is no spelling of the surname.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.registry import parse_registry_rows, registry_from_rows
from ingest.evaluation.matching import normalise_name
from ingest.extract import extract

DAY = dt.date(2024, 6, 4)
HEADER = "person_key,name,aliases,country,office,title,start,end,also_head_of_government,source"
SOURCE = "https://en.wikipedia.org/wiki/Example"
ROWS = [
    # a transliterated surname the articles spell another way
    "UA-oleh-kovalenkko,Oleh Kovalenkko,Oleh Kovalenko,UA,head_of_state,President,2021-01-01,,,",
    "IN-ravi-menon,Ravi Menon,,IN,head_of_government,Prime Minister,2021-01-01,,,",
    # an alias adding a second surname, and one whose last word is a given name elsewhere
    "PE-lucia-ferrer,Lucia Ferrer,Lucia Ferrer Lopez|Lucia Ferrir,PE,head_of_state,President,"
    "2021-01-01,,,",
    "JO-tariq-hasun,Tariq Hasun,Tariq Hasan,JO,head_of_government,Prime Minister,2021-01-01,,,",
    "KW-hasan-nasser,Hasan Nasser,,KW,head_of_government,Prime Minister,2021-01-01,,,",
]


@pytest.fixture(scope="module")
def registry():
    return registry_from_rows(parse_registry_rows([HEADER] + [r + SOURCE for r in ROWS]))


@pytest.fixture(scope="module")
def run_reg(nlp, registry):
    def _run(text: str):
        return extract(text, DAY, nlp=nlp, registry=registry)

    return _run


def _meetings(ex) -> list[set]:
    return [{normalise_name(p) for p in m.participants} for m in ex.meetings]


def _key(*names) -> set:
    return {normalise_name(n) for n in names}


# -- 'the two' after a verb that links two persons ----------------------------------

MAIN = (
    "Hungarian Prime Minister Lena Varga held talks with Chilean President Tomas Herrera in "
    "Budapest on Monday. "
)


@pytest.mark.parametrize(
    "earlier",
    [
        "It was not the first such visit: Czech President Pavel Novak gave Senegalese President "
        "Amara Diallo a silver bowl when the two met in Prague in 2015.",
        "Years ago Czech President Pavel Novak handed Senegalese President Amara Diallo a carved "
        "chest when the two leaders met in Prague.",
        "Czech President Pavel Novak received Senegalese President Amara Diallo in Prague in "
        "2016, and the two held talks over dinner.",
    ],
)
def test_the_two_in_a_side_clause_are_the_pair_just_linked(run, earlier):
    ex = run(MAIN + earlier)
    meetings = _meetings(ex)
    assert _key("Pavel Novak", "Amara Diallo") in meetings
    assert _key("Lena Varga", "Tomas Herrera") in meetings
    # the earlier meeting is not the day's pair's
    assert not any(_key("Lena Varga", "Pavel Novak") <= m for m in meetings)


@pytest.mark.parametrize(
    "said",
    [
        "Czech President Pavel Novak told Senegalese President Amara Diallo that the two had "
        "agreed to meet again.",
        "Czech President Pavel Novak assured Senegalese President Amara Diallo that the two "
        "leaders would sign the accord soon.",
    ],
)
def test_the_two_in_what_was_said_are_not_the_speaker_and_listener(run, said):
    ex = run(MAIN + said)
    assert _key("Pavel Novak", "Amara Diallo") not in _meetings(ex)


def test_the_two_beside_whom_someone_stood_are_not_that_someone(run):
    text = (
        MAIN + "Mayor Ilse Brandt thanked Czech President Pavel Novak and stood beside the two "
        "leaders as they signed the accord."
    )
    meetings = _meetings(run(text))
    assert _key("Pavel Novak", "Ilse Brandt") not in meetings
    assert not any(_key("Ilse Brandt", "Pavel Novak") <= m and len(m) == 2 for m in meetings)


# -- the article's spelling of a registry name --------------------------------------

HEADLINE = "Leaders meet in Hiroshima\n\n"


def test_a_holder_described_first_takes_the_name_the_article_writes(run_reg):
    text = HEADLINE + (
        "The summit welcomed Ukraine's president in person on Saturday. Hours after landing, "
        "President Oleh Kovalenko met Indian Prime Minister Ravi Menon in Hiroshima."
    )
    names = {m.name for m in run_reg(text).leaders}
    assert "Oleh Kovalenko" in names
    assert "Oleh Kovalenkko" not in names


def test_a_holder_described_and_never_named_keeps_the_registry_name(run_reg):
    text = HEADLINE + (
        "Ukraine's president met Indian Prime Minister Ravi Menon in Hiroshima on Saturday."
    )
    leaders = {m.name: m.country for m in run_reg(text).leaders}
    assert leaders.get("Oleh Kovalenkko") == "UA"


def test_a_surname_in_another_spelling_is_the_registry_person(run_reg):
    text = HEADLINE + (
        "Kovalenko met Indian Prime Minister Ravi Menon in Hiroshima on Saturday, his first "
        "visit to Japan."
    )
    leaders = {m.name: m.country for m in run_reg(text).leaders}
    assert leaders.get("Kovalenko") == "UA"


def test_registry_indexes_spellings_of_the_surname_only(registry):
    assert registry.person_by_surname("Kovalenko", DAY).key == "UA-oleh-kovalenkko"
    assert registry.person_by_surname("Ferrir", DAY).key == "PE-lucia-ferrer"
    # a second surname is no spelling of the first, nor is a word names give as a first name
    assert registry.person_by_surname("Lopez", DAY) is None
    assert registry.person_by_surname("Hasan", DAY) is None
    assert registry.person_by_surname("Hasun", DAY).key == "JO-tariq-hasun"


def test_a_gift_does_not_make_the_pair_later_sentences_mean(run):
    text = (
        MAIN + "Czech President Pavel Novak once gave Senegalese President Amara Diallo a silver "
        "bowl. Lena Varga paid a state visit to Santiago last September, when the two leaders "
        "signed a memorandum of understanding on fisheries."
    )
    parties = [set(map(normalise_name, a.parties)) for a in run(text).agreements]
    assert _key("Lena Varga", "Tomas Herrera") in parties
    assert _key("Pavel Novak", "Amara Diallo") not in parties


# -- names with particles, titles of bodies and titles of several words -------------


@pytest.mark.parametrize(
    "text",
    [
        "The President of the Commission, Ursula von der Leyen, met the Prime Minister of "
        "Belgium, Alexander De Croo, in Brussels on Thursday.",
        "Belgian Prime Minister Alexander De Croo met Ursula von der Leyen in Brussels on "
        "Thursday.",
    ],
)
def test_a_name_runs_on_past_its_particles(run, text):
    names = {m.name for m in run(HEADLINE + text).leaders}
    assert "Ursula von der Leyen" in names
    assert "Ursula von der" not in names


def test_a_place_named_after_a_person_with_particles_is_no_person(run):
    text = (
        "Dutch Prime Minister Dick Schoof met German Chancellor Olaf Scholz at Charles de "
        "Gaulle airport on Thursday."
    )
    names = {m.name for m in run(HEADLINE + text).leaders}
    assert names == {"Dick Schoof", "Olaf Scholz"}


@pytest.mark.parametrize(
    "office",
    ["the president of the European Commission", "the secretary-general of NATO"],
)
def test_an_office_of_a_body_gives_no_state(run, office):
    text = (
        f"Dutch Prime Minister Dick Schoof met Tobias Lindqvist, {office}, in Brussels on Monday."
    )
    leaders = {m.name: (m.country, m.title) for m in run(HEADLINE + text).leaders}
    country, title = leaders["Tobias Lindqvist"]
    assert country is None  # not Belgium, where they met
    assert title == office.split()[1]


def test_an_office_of_a_state_after_the_name_still_gives_the_state(run):
    text = (
        "Dutch Prime Minister Dick Schoof met Tobias Lindqvist, the prime minister of Sweden, "
        "in Brussels on Monday."
    )
    leaders = {m.name: m.country for m in run(HEADLINE + text).leaders}
    assert leaders["Tobias Lindqvist"] == "SE"


@pytest.mark.parametrize(
    ("owner", "title", "honorific", "country"),
    [
        ("the Vatican's", "secretary of state", "Cardinal", "VA"),
        ("Kenya's", "head of state", "Dr", "KE"),
    ],
)
def test_a_title_of_several_words_before_the_name(run, owner, title, honorific, country):
    text = (
        f"British Prime Minister Gordon Brown met {owner} {title}, {honorific} Aldo Ferri, in "
        "London on Monday."
    )
    leaders = {m.name: (m.country, m.title) for m in run(HEADLINE + text).leaders}
    assert leaders["Aldo Ferri"] == (country, title)


def test_a_title_at_the_start_of_a_sentence_keeps_its_first_word(run):
    # the parser splits a sentence after a lone capitalised word at its start
    for minister, president in (("Ravi Menon", "Bat Erdene"), ("Sunil Rao", "Batbayar Ganbold")):
        text = (
            f"Gift\n\nDefence Minister {minister} was presented with a white horse by "
            f"President {president} on Wednesday."
        )
        leaders = {m.name: m.title for m in run(text).leaders}
        assert leaders[minister] == "Defence Minister"


def test_a_title_does_not_reach_back_over_a_full_stop(run):
    text = (
        "Gift\n\nThe talks were about Defence. Minister Ravi Menon was presented with a white "
        "horse by President Bat Erdene on Wednesday."
    )
    leaders = {m.name: m.title for m in run(text).leaders}
    assert leaders["Ravi Menon"] == "Minister"
