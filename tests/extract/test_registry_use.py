"""The extractor with a registry snapshot: names the NER model cuts or misses, the
country of the office held on the article's date, 'the Indian prime minister', and
namesakes told apart by date and country. The registry here is written by the test."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.registry import (
    RegistryFileError,
    parse_registry_rows,
    registry_from_rows,
)
from ingest.extract import extract

HEADER = "person_key,name,aliases,country,office,title,start,end,also_head_of_government,source"
SOURCE = "https://en.wikipedia.org/wiki/Example"
ROWS = [
    "KR-yoon-suk-yeol,Yoon Suk Yeol,Yoon Suk-yeol,KR,head_of_state,President,2022-05-10,2025-04-04,,",  # noqa: E501
    "NG-bola-tinubu,Bola Tinubu,Bola Ahmed Tinubu,NG,head_of_state,President,2023-05-29,,1,",
    "ID-joko-widodo,Joko Widodo,Jokowi,ID,head_of_state,President,2014-10-20,2024-10-20,1,",
    "IN-narendra-modi,Narendra Modi,,IN,head_of_government,Prime Minister,2014-05-26,,,",
    "IN-manmohan-singh,Manmohan Singh,,IN,head_of_government,Prime Minister,2004-05-22,2014-05-26,,",  # noqa: E501
    "FR-emmanuel-macron,Emmanuel Macron,,FR,head_of_state,President,2017-05-14,,,",
    # an invented office-holder known by initials that are also a courtesy style
    "ZZ-hamid-hanif,Hamid Hanif,HH,ZM,head_of_state,President,2020-01-01,,1,",
    "MX-andres-manuel-lopez-obrador,Andrés Manuel López Obrador,AMLO,MX,head_of_state,President,2018-12-01,2024-09-30,1,",  # noqa: E501
    # invented office-holders whose names news shortens or spells otherwise
    "MN-batbayaryn-tsend,Batbayaryn Tsend,,MN,head_of_government,Prime Minister,2014-01-01,2016-01-01,,",  # noqa: E501
    "BD-mohammad-rafiq-hossain,Mohammad Rafiq Hossain,,BD,head_of_state,President,2013-01-01,2023-01-01,,",  # noqa: E501
    # an invented office-holder whose given name the tagger reads as an adverb
    "MG-tantely-ravelonarivo,Tantely Ravelonarivo,,MG,head_of_government,Prime Minister,1998-01-01,2002-01-01,,",  # noqa: E501
    # namesakes: two invented people of one name, in two countries and two decades
    "AA-john-example,Tomas Varga,,HU,head_of_government,Prime Minister,1994-01-01,1998-01-01,,",
    "SK-tomas-varga,Tomas Varga,,SK,foreign_minister,Foreign Minister,2016-01-01,2019-01-01,,",
]


def _registry():
    lines = [HEADER] + [r + SOURCE if r.endswith(",") else r for r in ROWS]
    return registry_from_rows(parse_registry_rows(lines))


@pytest.fixture(scope="module")
def registry():
    return _registry()


@pytest.fixture(scope="module")
def run_with(nlp, registry):
    def _run(text: str, published: dt.date):
        return extract(text, published, nlp=nlp, registry=registry)

    return _run


def _leaders(extraction) -> dict:
    return {m.name: m.country for m in extraction.leaders}


def test_titled_names_get_their_full_name_and_the_country_of_their_office(run_with):
    found = run_with(
        "President Yoon Suk Yeol met President Bola Tinubu in Seoul on Tuesday.",
        dt.date(2024, 6, 4),
    )
    assert _leaders(found) == {"Yoon Suk Yeol": "KR", "Bola Tinubu": "NG"}
    assert found.meetings and set(found.meetings[0].participants) == {
        "Yoon Suk Yeol",
        "Bola Tinubu",
    }


def test_without_the_registry_the_same_sentence_has_no_countries(nlp):
    found = extract(
        "President Yoon Suk Yeol met President Bola Tinubu in Seoul on Tuesday.",
        dt.date(2024, 6, 4),
        nlp=nlp,
    )
    assert all(m.country is None for m in found.leaders)


def test_a_nickname_is_the_registry_person(run_with):
    found = run_with(
        "Jokowi met Prime Minister Narendra Modi in Jakarta on Monday.", dt.date(2023, 9, 5)
    )
    assert _leaders(found) == {"Jokowi": "ID", "Narendra Modi": "IN"}
    assert {m.registry_key for m in found.leaders} == {"ID-joko-widodo", "IN-narendra-modi"}


def test_a_description_names_the_office_holder_of_that_day(run_with):
    found = run_with(
        "Jokowi met the Indian prime minister in Jakarta on Monday to discuss trade.",
        dt.date(2012, 3, 5),
    )
    assert _leaders(found) == {"Jokowi": "ID", "Manmohan Singh": "IN"}


def test_a_former_office_holder_is_not_resolved_by_the_date(run_with):
    found = run_with(
        "Jokowi met the former Indian prime minister in Jakarta on Monday.", dt.date(2023, 9, 5)
    )
    assert "Narendra Modi" not in _leaders(found)


def test_the_articles_own_country_wins_over_the_registry(run_with):
    # An article that calls someone Spanish is not overruled by a namesake elsewhere.
    found = run_with(
        "Spanish Foreign Minister Tomas Varga met President Emmanuel Macron in Paris on Friday.",
        dt.date(2017, 3, 3),
    )
    assert _leaders(found)["Tomas Varga"] == "ES"
    assert _leaders(found)["Emmanuel Macron"] == "FR"


@pytest.mark.parametrize(
    ("published", "country"),
    [(dt.date(1996, 5, 2), "HU"), (dt.date(2017, 5, 2), "SK")],
)
def test_namesakes_are_told_apart_by_the_date(run_with, published, country):
    found = run_with("Tomas Varga met President Emmanuel Macron in Paris on Friday.", published)
    assert _leaders(found)["Tomas Varga"] == country


def test_a_surname_alone_is_the_one_office_holder_of_that_name(run_with):
    found = run_with("Macron met Modi in New Delhi on Friday.", dt.date(2023, 7, 14))
    assert _leaders(found) == {"Macron": "FR", "Modi": "IN"}


@pytest.mark.parametrize(
    ("sentence", "published", "name", "country"),
    [
        # a patronymic spelled short, years after the term
        ("Former Prime Minister Batbayar Tsend met President Emmanuel Macron in Paris on Friday.",
         dt.date(2022, 9, 9), "Batbayar Tsend", "MN"),
        # an initial for the first name
        ("President M Rafiq Hossain met President Emmanuel Macron in Paris on Friday.",
         dt.date(2021, 9, 9), "M Rafiq Hossain", "BD"),
    ],
)  # fmt: skip
def test_a_shortened_or_respelled_name_is_the_registry_person(
    run_with, sentence, published, name, country
):
    assert _leaders(run_with(sentence, published)).get(name) == country


@pytest.mark.parametrize(
    "sentence",
    [
        "Since arriving, Tantely Ravelonarivo has met Ana Fuentes and Kwame Mensah together.",
        "Tantely Ravelonarivo met Ana Fuentes and Kwame Mensah at a summit in Lima on Sunday.",
    ],
)
def test_an_untitled_registry_name_the_tagger_misreads_keeps_its_given_name(run_with, sentence):
    leaders = _leaders(run_with(sentence, dt.date(2000, 5, 8)))
    assert leaders.get("Tantely Ravelonarivo") == "MG"
    assert "Ravelonarivo" not in leaders


def test_an_acronym_alias_is_recognised(run_with):
    found = run_with("AMLO received Macron at the National Palace on Monday.", dt.date(2021, 3, 1))
    assert _leaders(found).get("AMLO") == "MX"


def test_an_alias_written_as_a_courtesy_style_is_no_person(run_with):
    text = (
        "The Emir HH Sheikh Faris bin Nayef Al Otaibi held talks with President Emmanuel "
        "Macron at the palace today. HH the Emir welcomed the French President."
    )
    assert "HH" not in _leaders(run_with(text, dt.date(2021, 3, 1)))


def test_an_alias_that_is_also_a_style_is_the_person_alone(run_with):
    found = run_with(
        "Emmanuel Macron met HH in Lusaka on Monday. HH said the talks went well.",
        dt.date(2021, 3, 1),
    )
    assert _leaders(found).get("HH") == "ZM"


def test_registry_lookups_tell_namesakes_apart(registry):
    early = registry.person_for(["Tomas Varga"], dt.date(1995, 1, 1))
    late = registry.person_for(["Tomas Varga"], dt.date(2018, 1, 1))
    assert (early.key, late.key) == ("AA-john-example", "SK-tomas-varga")
    assert registry.person_for(["Tomas Varga"], None) is None  # no date: no guess
    assert registry.person_for(["Tomas Varga"], None, "SK").key == "SK-tomas-varga"


def test_holder_of_an_office_on_a_day(registry):
    assert registry.holder_titled("IN", "prime minister", dt.date(2010, 1, 1)) == (
        "IN-manmohan-singh"
    )
    assert registry.holder_titled("IN", "prime minister", dt.date(2020, 1, 1)) == (
        "IN-narendra-modi"
    )
    assert registry.holder_titled("IN", "president", dt.date(2020, 1, 1)) is None
    assert registry.holder_titled("IN", "prime minister", None) is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "X-a,A,,FR,head_of_state,President,2020-01-01,2019-01-01,,s",
            r"ends \(2019-01-01\) before",
        ),
        ("X-a,A,,FR,despot,President,2020-01-01,,,s", "unknown office"),
        ("X-a,A,,France,head_of_state,President,2020-01-01,,,s", "alpha-2"),
        ("X-a,A,,FR,head_of_state,President,1 May 2020,,,s", "YYYY-MM-DD"),
        ("X-a,A,,FR,head_of_state,President", "fields, expected 10"),
    ],
)
def test_a_bad_row_is_refused_with_its_line(line, message):
    with pytest.raises(RegistryFileError, match=message) as caught:
        parse_registry_rows([HEADER, ROWS[0] + SOURCE, line])
    assert "line 3" in str(caught.value)


def test_a_file_without_the_header_is_refused():
    with pytest.raises(RegistryFileError, match="line 1"):
        parse_registry_rows(["name,country", "A,FR"])
