"""People at the edges news writes them: a bare office ('the PM', 'the president')
referring back to the one holder told, job words capitalised before a name, initials,
lists that set each country right before its holder's name, and a demonym and title
before the first of a list of names. Each kind has a negative twin: an ambiguous office
refers to nobody, a country a list names before another name is not that name's.
Every sentence is invented; no registry."""

from __future__ import annotations

import pytest


def _leaders(ex) -> dict:
    return {m.name: (m.country, m.title) for m in ex.leaders}


def _participants(ex) -> list:
    return sorted(sorted(m.participants) for m in ex.meetings)


# -- a bare office refers back ------------------------------------------------------


@pytest.mark.parametrize(
    "text,pair",
    [
        (
            "Indian Prime Minister Vikram Sethi arrived in Lima on Sunday. The PM held talks "
            "with Peruvian President Ana Fuentes on Monday.",
            ["Ana Fuentes", "Vikram Sethi"],
        ),
        (
            "Indian Prime Minister Vikram Sethi met Peruvian President Ana Fuentes in Lima on "
            "Monday. On Tuesday, the PM met Chilean President Tomas Herrera.",
            ["Tomas Herrera", "Vikram Sethi"],
        ),
        (
            "Chinese Premier Wei Lan arrived in Oslo on Sunday. The premier met Norwegian "
            "Prime Minister Pieter Claes on Monday.",
            ["Pieter Claes", "Wei Lan"],
        ),
        (
            # the vice president holds another office: 'the president' is the only one
            "Peruvian President Ana Fuentes met Vice President Omar Haddad in Lima on "
            "Monday. The president later met Indian Prime Minister Vikram Sethi.",
            ["Ana Fuentes", "Vikram Sethi"],
        ),
    ],
)
def test_a_bare_office_is_its_one_holder_told(run, text, pair):
    assert pair in _participants(run(text))


@pytest.mark.parametrize(
    "text,other",
    [
        (
            "British Prime Minister Tolga Arslan and Indian Prime Minister Vikram Sethi met "
            "in Delhi on Saturday. The prime minister later met Peruvian President Ana Fuentes.",
            "Ana Fuentes",
        ),
        (
            "French President Marc Dubois hosted Kenyan President Daniel Okafor in Paris on "
            "Monday. The next day the president met Norwegian Prime Minister Pieter Claes.",
            "Pieter Claes",
        ),
        (
            "Japanese Prime Minister Kenji Aoki held talks with Indian Prime Minister Vikram "
            "Sethi in Delhi on Sunday. The PM then met Peruvian President Ana Fuentes.",
            "Ana Fuentes",
        ),
    ],
)
def test_a_bare_office_two_holders_were_told_with_refers_to_nobody(run, text, other):
    assert not [p for p in _participants(run(text)) if other in p]


# -- job words and initials -----------------------------------------------------------


@pytest.mark.parametrize("job", ["Monitor", "Spokeswoman", "Mediator", "Chief Negotiator", "Aide"])
def test_a_job_word_before_a_name_is_no_part_of_it(run, job):
    ex = run(f"{job} Marta Velikova met Peruvian President Ana Fuentes in Lima on Monday.")
    assert _participants(ex) == [["Ana Fuentes", "Marta Velikova"]]


def test_a_job_word_alone_before_a_verb_stays_out_of_the_name(run):
    # the job word is the whole span: there is no name to strip it from
    ex = run("Peruvian President Ana Fuentes met the Monitor in Lima on Monday.")
    assert "Monitor" not in _leaders(ex)


@pytest.mark.parametrize(
    "written",
    ["A.B. Varma", "S M Rao", "S. M. Rao", "A P J Kalam Iyer", "K.P. Varma"],
)
@pytest.mark.parametrize(
    "pattern",
    [
        "{name} met Peruvian President Ana Fuentes in Lima on Monday.",
        "Peruvian President Ana Fuentes held talks with {name} in Lima on Monday.",
    ],
)
def test_initials_without_a_title_stay_in_the_name(run, written, pattern):
    ex = run(pattern.format(name=written))
    assert _participants(ex) == [sorted(["Ana Fuentes", written])]


@pytest.mark.parametrize(
    "text",
    [
        "A Varma aide met Peruvian President Ana Fuentes in Lima on Monday.",
        "The U.S. delegation met Peruvian President Ana Fuentes in Lima on Monday.",
    ],
)
def test_an_article_or_a_country_is_no_initial(run, text):
    names = _leaders(run(text))
    assert not any(n.startswith(("U.S.", "A ")) for n in names)


# -- a country before each holder's name -------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The prime ministers of Chile Tomas Herrera, Peru Lina Haddad and Norway Pieter "
            "Claes met in Lima on Monday.",
            {"Tomas Herrera": "CL", "Lina Haddad": "PE", "Pieter Claes": "NO"},
        ),
        (
            "The presidents of South Africa Sipho Dlamini and the Netherlands Jan de Wit met "
            "in Pretoria on Monday.",
            {"Sipho Dlamini": "ZA", "Jan de Wit": "NL"},
        ),
        (
            "Chinese Premier Wei Lan held talks with the prime ministers of New Zealand Mere "
            "Tane and Fiji Josaia Vuki in Beijing on Monday.",
            {"Wei Lan": "CN", "Mere Tane": "NZ", "Josaia Vuki": "FJ"},
        ),
    ],
)
def test_each_holder_keeps_the_country_written_before_the_name(run, text, expected):
    ex = run(text)
    assert {n: c for n, (c, _) in _leaders(ex).items()} == expected
    assert _participants(ex) == [sorted(expected)]


def test_a_list_of_countries_alone_gives_no_names(run):
    ex = run("The presidents of Chile, Peru and Norway met in Lima on Monday.")
    assert _leaders(ex) == {}


# -- a demonym before the first of a list ------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Honduran President Lucia Mejia, Tomas Herrera and Lina Haddad met in Lima on Monday.",
            {"Lucia Mejia": "HN", "Tomas Herrera": None, "Lina Haddad": None},
        ),
        (
            "Presidents Tomas Herrera of Chile, Lina Haddad of Peru and Lucia Mejia of "
            "Honduras met in Lima on Monday.",
            {"Tomas Herrera": "CL", "Lina Haddad": "PE", "Lucia Mejia": "HN"},
        ),
    ],
)
def test_a_country_told_of_one_listed_name_is_not_the_next_ones(run, text, expected):
    assert {n: c for n, (c, _) in _leaders(run(text)).items()} == expected


@pytest.mark.parametrize(
    "text",
    [
        "President Tomas Herrera of Chile, Prime Minister Lina Haddad of Peru and Lucia "
        "Mejia of Honduras met in Lima on Monday.",
        "President Ana Fuentes met President Tomas Herrera of Chile, Prime Minister Lina "
        "Haddad of Peru and Lucia Mejia of Honduras in Lima on Monday.",
    ],
)
def test_a_list_of_names_each_with_its_of_country_is_one_list(run, text):
    names = {"Tomas Herrera", "Lina Haddad", "Lucia Mejia"}
    assert [p for p in _participants(run(text)) if names <= set(p)]


@pytest.mark.parametrize("plural", ["ministers", "Foreign Ministers", "Defence Ministers"])
def test_a_plural_title_and_its_demonym_serve_every_listed_name(run, plural):
    ex = run(f"Kenyan {plural} Amina Wanjiru and Peter Kamau met President Ana Fuentes in Lima.")
    leaders = _leaders(ex)
    assert (leaders["Amina Wanjiru"][0], leaders["Peter Kamau"][0]) == ("KE", "KE")


def test_a_double_barrelled_surname_opening_a_sentence_is_one_name(run):
    ex = run(
        "President Anna Schmidt-Weber held talks with President Ana Fuentes in Lima on "
        "Monday. Schmidt-Weber was accompanied by Foreign Minister Peter Kamau."
    )
    assert _participants(ex) == [["Ana Fuentes", "Anna Schmidt-Weber", "Peter Kamau"]]


# -- aides told as one side's members ------------------------------------------------------

TALKS = "Kenyan President Daniel Okafor met German Chancellor Jens Brandt in Berlin on Monday."


@pytest.mark.parametrize(
    "told",
    [
        "The Kenyan side included Foreign Minister Amina Wanjiru and Trade Minister Peter Kamau.",
        "The Kenyan delegation included Amina Wanjiru and Peter Kamau.",
        "The delegation included ministers Amina Wanjiru and Peter Kamau.",
        "On the Kenyan side were Amina Wanjiru and Peter Kamau.",
        "Foreign Minister Amina Wanjiru and Trade Minister Peter Kamau accompanied the president.",
        "He was accompanied by Foreign Minister Amina Wanjiru and Trade Minister Peter Kamau.",
    ],
)
def test_a_sides_members_join_its_meeting(run, told):
    ex = run(f"{TALKS} {told}")
    assert _participants(ex) == [["Amina Wanjiru", "Daniel Okafor", "Jens Brandt", "Peter Kamau"]]


def test_company_told_inside_the_meeting_sentence_joins_it(run):
    ex = run(
        "Kenyan President Daniel Okafor, accompanied by Foreign Minister Amina Wanjiru and "
        "Trade Minister Peter Kamau, met German Chancellor Jens Brandt in Berlin on Monday."
    )
    assert _participants(ex) == [["Amina Wanjiru", "Daniel Okafor", "Jens Brandt", "Peter Kamau"]]


@pytest.mark.parametrize(
    "text",
    [
        f"{TALKS} The Danish side included Amina Wanjiru and Peter Kamau.",
        "Kenyan President Daniel Okafor arrived in Berlin on Monday. The weather was cold. "
        "Amina Wanjiru and Peter Kamau were present.",
        "Kenyan President Daniel Okafor arrived in Berlin on Monday. The Kenyan delegation "
        "included Amina Wanjiru and Peter Kamau.",
        f"{TALKS} Brandt later spoke to reporters about the economy. The summit was the first "
        "in a decade. Amina Wanjiru and Peter Kamau were present.",
    ],
)
def test_members_of_no_side_told_make_no_meeting_of_their_own(run, text):
    assert not [p for p in _participants(run(text)) if p == ["Amina Wanjiru", "Peter Kamau"]]
    assert not [p for p in _participants(run(text)) if "Amina Wanjiru" in p and len(p) == 3]


def test_a_spouse_who_comes_along_takes_part_in_no_talks(run):
    ex = run(f"{TALKS} First Lady Grace Okafor accompanied the president.")
    assert _participants(ex) == [["Daniel Okafor", "Jens Brandt"]]
