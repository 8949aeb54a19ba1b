"""Forms of leaders' names that news writes and the tagger gets wrong: abbreviated titles
('PM', 'Pres.', 'FM'), initials, Korean given names with a hyphen, bare names on one
side of a meeting, short forms of a name found earlier, titles after a name or in lower
case; each with a negative twin (a time, a radio station, a company, a body, a place
must never become a leader). Every sentence is invented; no registry."""

from __future__ import annotations

import pytest


def _leaders(ex) -> dict:
    return {m.name: (m.country, m.title) for m in ex.leaders}


def _participants(ex) -> list:
    return [sorted(m.participants) for m in ex.meetings]


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "PM Vikram Sethi met President Ana Fuentes in Lima on Monday.",
            ["Ana Fuentes", "Vikram Sethi"],
        ),
        (
            "Pres. Ana Fuentes held talks with Prime Minister Vikram Sethi in Delhi on Monday.",
            ["Ana Fuentes", "Vikram Sethi"],
        ),
        (
            "Prime Minister Vikram Sethi held talks with Pres. Fuentes in Delhi on Monday.",
            ["Fuentes", "Vikram Sethi"],
        ),
        ("FM Ana Fuentes met FM Vikram Sethi in Oslo on Monday.", ["Ana Fuentes", "Vikram Sethi"]),
        ("PM Sethi met President Ana Fuentes in Lima on Monday.", ["Ana Fuentes", "Sethi"]),
    ],
)
def test_an_abbreviated_title_before_a_name(run, text, names):
    assert _participants(run(text)) == [names]


def test_an_abbreviated_title_is_written_out(run):
    leaders = _leaders(run("PM Vikram Sethi met Pres. Ana Fuentes in Lima on Monday."))
    assert {name: title for name, (_, title) in leaders.items()} == {
        "Vikram Sethi": "Prime Minister",
        "Ana Fuentes": "President",
    }


@pytest.mark.parametrize(
    "text",
    [
        "The talks ended at 5 pm. President Ana Fuentes met Prime Minister Vikram Sethi.",
        "The station FM Radio Lima covered it. President Ana Fuentes met Prime Minister "
        "Vikram Sethi.",
    ],
)
def test_a_time_or_a_station_is_no_abbreviated_title(run, text):
    assert sorted(_leaders(run(text))) == ["Ana Fuentes", "Vikram Sethi"]


@pytest.mark.parametrize(
    "text,name",
    [
        ("President Ana Fuentes met President R. K. Menon in New Delhi on Monday.", "R. K. Menon"),
        ("President Ana Fuentes met President R.K. Menon in New Delhi on Monday.", "R.K. Menon"),
        (
            "President Ana Fuentes met Prime Minister H. D. Kumar Gowda in New Delhi on Monday.",
            "H. D. Kumar Gowda",
        ),
        ("President Ana Fuentes met Ban Ki-moon in Lima on Monday.", "Ban Ki-moon"),
        ("President Ana Fuentes met Moon Jae-in in Seoul on Monday.", "Moon Jae-in"),
        ("Kim Jong Un met President Park Geun-hye in Seoul.", "Park Geun-hye"),
    ],
)
def test_initials_and_hyphenated_given_names_stay_in_the_name(run, text, name):
    assert name in _leaders(run(text))


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "President Kwame Mensah held talks with Bakary Traore on Monday. Traore, the "
            "Malian prime minister, called the talks useful.",
            "Bakary Traore",
        ),
        (
            "Navin Ramgoolam met Prime Minister Vikram Sethi on Friday. Ramgoolam, the "
            "Mauritian prime minister, called the talks warm.",
            "Navin Ramgoolam",
        ),
        (
            "President Ana Fuentes met Tolga Arslan in Lima on Monday. Mr. Arslan later flew home.",
            "Tolga Arslan",
        ),
        (
            "President Ana Fuentes spoke with Vikram Sethi by phone on Monday. President "
            "Sethi thanked her.",
            "Vikram Sethi",
        ),
    ],
)
def test_a_bare_name_across_a_meeting_from_a_leader_is_a_person(run, text, name):
    ex = run(text)
    assert name in _leaders(ex)
    assert any(name in m.participants for m in ex.meetings)


@pytest.mark.parametrize(
    "text",
    [
        "President Ana Fuentes met Goldman Sachs in Lima on Monday. Goldman Sachs later "
        "issued a statement.",
        "President Ana Fuentes met Human Rights Watch in Lima on Monday.",
        "President Ana Fuentes received Amnesty International in Lima on Monday.",
        "President Ana Fuentes held talks with Morgan Stanley on Monday. Morgan Stanley, the "
        "investment bank, said it would invest.",
        "President Ana Fuentes met Tata Motors in Lima on Monday.",
        "President Ana Fuentes held talks with Sri Lanka on Monday.",
        "President Ana Fuentes welcomed Port Louis to the league on Monday.",
    ],
)
def test_a_body_or_a_place_across_a_meeting_is_no_person(run, text):
    assert sorted(_leaders(run(text))) in ([], ["Ana Fuentes"])


@pytest.mark.parametrize(
    "text,full",
    [
        (
            "President Ana Fuentes met Prime Minister Vikram Sethi in Lima on Monday. "
            "Dr. Sethi then held talks with Ms. Fuentes on trade.",
            "Vikram Sethi",
        ),
        (
            "The emir of Qatar, Sheikh Faris bin Nayef Al Otaibi, met President Anna Berg in "
            "Doha on Monday. Sheikh Faris later held talks with Berg on gas.",
            "Faris bin Nayef Al Otaibi",
        ),
    ],
)
def test_a_short_form_joins_the_full_name_found_earlier(run, text, full):
    leaders = _leaders(run(text))
    assert full in leaders
    assert len(leaders) == 2


@pytest.mark.parametrize(
    "text,name,country,title",
    [
        (
            "Anna Berg, Norway's president, met Rajan Mehta, India's prime minister, in Oslo.",
            "Rajan Mehta",
            "IN",
            "prime minister",
        ),
        (
            "King Faris bin Nayef Al Otaibi of Bahrain met President Anna Berg in Manama.",
            "Faris bin Nayef Al Otaibi",
            "BH",
            "King",
        ),
        (
            "Bolivia's Ana Fuentes met Nicaragua's Jorge Lemus in Managua on Monday.",
            "Ana Fuentes",
            "BO",
            None,
        ),
    ],
)
def test_titles_after_names_and_possessive_countries(run, text, name, country, title):
    assert _leaders(run(text))[name] == (country, title)


@pytest.mark.parametrize("title", ["president", "prime minister", "foreign minister"])
def test_a_lower_case_title_before_a_name(run, title):
    leaders = _leaders(run(f"Rajan Mehta met {title} Ana Fuentes in Lima on Monday."))
    assert leaders["Ana Fuentes"][1] == title


@pytest.mark.parametrize(
    "text,names",
    [
        ("PM Vikram Sethi met To Lam in Hanoi on Monday.", ["To Lam", "Vikram Sethi"]),
        (
            "President Ana Fuentes held talks with General Secretary To Lam in Hanoi on Monday.",
            ["Ana Fuentes", "To Lam"],
        ),
        ("To Lam met President Ana Fuentes in Hanoi on Monday.", ["Ana Fuentes", "To Lam"]),
        (
            "The president of Vietnam, Do Van Hoa, met President Ana Fuentes in Hanoi.",
            ["Ana Fuentes", "Do Van Hoa"],
        ),
    ],
)
def test_a_name_that_starts_with_a_function_word(run, text, names):
    assert _participants(run(text)) == [names]


def test_a_function_word_name_keeps_its_title(run):
    text = "President Ana Fuentes held talks with General Secretary To Lam in Hanoi on Monday."
    assert _leaders(run(text))["To Lam"][1] == "General Secretary"


@pytest.mark.parametrize(
    "text",
    [
        "President Ana Fuentes flew To Hanoi on Monday and met Prime Minister Vikram Sethi.",
        "Do Americans want more talks? President Ana Fuentes met Prime Minister Vikram Sethi.",
        '"To Lima, with thanks," President Ana Fuentes told Prime Minister Vikram Sethi as '
        "they met on Monday.",
        "Fuentes Flies To Delhi For Talks\n\nPresident Ana Fuentes met Prime Minister Vikram "
        "Sethi in Delhi on Monday.",
    ],
)
def test_a_preposition_or_a_question_is_no_name(run, text):
    leaders = _leaders(run(text))
    assert sorted(leaders) == ["Ana Fuentes", "Vikram Sethi"]


def test_a_demonym_and_a_title_tagged_as_a_person_are_no_name(nlp):
    import datetime as dt

    from ingest.extract.names import name_spans
    from ingest.extract.text import build_index

    doc = nlp(
        "Greek Foreign Minister Aris Kostas met Macedonian Foreign Minister Petar Ilievski "
        "at U.N. headquarters in New York on Wednesday."
    )
    idx = build_index(doc, None, dt.date(2024, 3, 14))
    assert [doc[s.start : s.end].text for s in name_spans(idx)] == ["Aris Kostas", "Petar Ilievski"]


@pytest.mark.parametrize(
    "text,name,country",
    [
        (
            "President Ana Fuentes met Lula, Brazil's president, on Saturday in Brasilia.",
            "Lula",
            "BR",
        ),
        ("President Ana Fuentes met Prabowo, Indonesia's president, in Jakarta.", "Prabowo", "ID"),
        ("President Ana Fuentes met Medvedev, the Russian president, in Prague.", "Medvedev", "RU"),
    ],
)
def test_one_name_word_with_its_title_in_apposition(run, text, name, country):
    assert _leaders(run(text))[name] == (country, "president")


@pytest.mark.parametrize(
    "text",
    [
        "President Ana Fuentes met Petrobras, Brazil's oil company, in Brasilia on Saturday.",
        "President Ana Fuentes met Gazprom, the Russian gas giant, in Moscow.",
        "In Ukraine, the president said talks with Ana Fuentes went well.",
    ],
)
def test_one_word_body_or_place_before_a_comma_is_no_person(run, text):
    assert sorted(_leaders(run(text))) in ([], ["Ana Fuentes"])


def test_a_title_before_its_abbreviation_in_brackets_is_the_title(run):
    text = "Prime Minister (PM) Vikram Sethi met Crown Prince Faisal bin Nayef on Sunday."
    assert _leaders(run(text))["Vikram Sethi"][1] == "Prime Minister"
