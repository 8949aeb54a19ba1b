"""Leaders named in lists, in spelled-out forms and beside acronyms: generated cases.

Templates x fillers: offices listed with their countries and then their holders ('the
foreign ministers of A and B, X and Y'), registry names with Nordic and German letters
that news spells out in ASCII ('Løvaas' as 'Loevaas'), and acronyms ('UN', 'US') that
must never be read as a surname. Every sentence and every registry row is invented for
these tests; negative twins hold the construction and change what must not match.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from gazetteer.registry import parse_registry_rows, registry_from_rows
from ingest.extract import extract

DAY = dt.date(2024, 6, 4)
HEADER = "person_key,name,aliases,country,office,title,start,end,also_head_of_government,source"
SOURCE = "https://en.wikipedia.org/wiki/Example"
ROWS = [
    "NO-sigrid-lovaas,Sigrid Løvaas,,NO,head_of_government,Prime Minister,2021-01-01,,,",
    "DE-jens-muhlberg,Jens Mühlberg,,DE,head_of_government,Chancellor,2021-01-01,,,",
    "DK-karen-aebeltoft,Karen Æbeltoft,,DK,head_of_government,Prime Minister,2021-01-01,,,",
    "AT-karl-schroter,Karl Schröter,,AT,head_of_government,Chancellor,2021-01-01,,,",
    # a family-name-first leader whose given name is written like an acronym's letters
    "KP-ri-son-un,Ri Son Un,,KP,head_of_state,Chairman,2020-01-01,,,",
]
# (registry name, the spelling news uses, its country)
SPELLED = [
    ("Sigrid Løvaas", "Sigrid Loevaas", "NO"),
    ("Jens Mühlberg", "Jens Muehlberg", "DE"),
    ("Karen Æbeltoft", "Karen Aebeltoft", "DK"),
    ("Karl Schröter", "Karl Schroeter", "AT"),
]
OTHERS = [
    ("Amara Diallo", "Senegal", "Dakar"),
    ("Tomas Herrera", "Chile", "Santiago"),
    ("Lina Haddad", "Jordan", "Amman"),
]


@pytest.fixture(scope="module")
def run_reg(nlp):
    lines = [HEADER] + [r + SOURCE for r in ROWS]
    registry = registry_from_rows(parse_registry_rows(lines))

    def _run(text: str):
        return extract(text, DAY, nlp=nlp, registry=registry)

    return _run


def _leaders(ex) -> dict:
    return {m.name: (m.country, m.title) for m in ex.leaders}


def _meetings(ex) -> list:
    return [tuple(sorted(m.participants)) for m in ex.meetings]


@pytest.mark.parametrize(
    "spelled,other", list(itertools.product(SPELLED, OTHERS)), ids=lambda v: str(v)[:24]
)
def test_a_name_spelled_out_in_ascii_is_the_registry_person(run_reg, spelled, other):
    _, written, code = spelled
    name, country, city = other
    ex = run_reg(f"{written} held talks with {name}, the president of {country}, in {city}.")
    assert _leaders(ex)[written][0] == code
    assert _meetings(ex) == [tuple(sorted((written, name)))]


@pytest.mark.parametrize("spelled", SPELLED, ids=lambda v: v[1])
def test_the_surname_spelled_out_alone_is_the_office_holder(run_reg, spelled):
    _, written, code = spelled
    surname = written.split()[-1]
    ex = run_reg(f"{surname} met President Amara Diallo of Senegal in Dakar on Monday.")
    assert _leaders(ex).get(surname, (None,))[0] == code


@pytest.mark.parametrize("acronym", ["UN", "US", "EU"])
@pytest.mark.parametrize("other", OTHERS, ids=lambda v: v[0])
def test_an_acronym_before_a_title_is_no_person(run_reg, acronym, other):
    name, country, city = other
    ex = run_reg(
        f"{acronym} Special Envoy Pedro Salas met {name}, the president of {country}, "
        f"in {city} on Monday."
    )
    assert acronym not in _leaders(ex)
    assert "Ri Son Un" not in _leaders(ex)


def test_the_registry_name_with_the_same_letters_is_still_found(run_reg):
    # twin: the full name, written as a name, is the registry person
    ex = run_reg("Chairman Ri Son Un met President Amara Diallo of Senegal in Pyongyang.")
    assert _leaders(ex)["Ri Son Un"][0] == "KP"


# (plural office as written, its singular)
OFFICES = [
    ("foreign ministers", "foreign minister"),
    ("prime ministers", "prime minister"),
    ("defence ministers", "defence minister"),
    ("presidents", "president"),
]
# (country A, code A, country B, code B, holder A, holder B)
PAIRS = [
    ("Greece", "GR", "Turkey", "TR", "Nikos Alexiou", "Murat Aksoy"),
    ("Chile", "CL", "Peru", "PE", "Ana Fuentes", "Jorge Quispe"),
    ("Kenya", "KE", "Uganda", "UG", "Daniel Otieno", "Grace Nakato"),
]


@pytest.mark.parametrize(
    "office,pair", list(itertools.product(OFFICES, PAIRS)), ids=lambda v: str(v)[:24]
)
def test_listed_holders_of_an_office_sign_as_themselves(run, office, pair):
    plural, singular = office
    a, code_a, b, code_b, x, y = pair
    ex = run(f"The {plural} of {a} and {b}, {x} and {y}, signed the accord in Geneva on Friday.")
    assert _leaders(ex)[x] == (code_a, singular)
    assert _leaders(ex)[y] == (code_b, singular)
    assert [set(a.parties) for a in ex.agreements] == [{x, y}]


@pytest.mark.parametrize(
    "office,pair", list(itertools.product(OFFICES, PAIRS)), ids=lambda v: str(v)[:24]
)
def test_talks_with_listed_holders_are_one_meeting_with_the_host(run, office, pair):
    plural, _ = office
    a, _, b, _, x, y = pair
    ex = run(
        f"Secretary-General Ines Moreau held talks with the {plural} of {a} and {b}, "
        f"{x} and {y}, on Wednesday."
    )
    assert _meetings(ex) == [tuple(sorted(("Ines Moreau", x, y)))]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda v: v[0])
def test_listed_leaders_get_no_title_from_the_generic_word(run, pair):
    # twin: 'the leaders of A and B' names no office, so the holders get no title from it
    a, code_a, b, _, x, y = pair
    ex = run(f"The leaders of {a} and {b}, {x} and {y}, met in Geneva on Friday.")
    assert _leaders(ex)[x] == (code_a, None)
    assert _meetings(ex) == [tuple(sorted((x, y)))]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda v: v[0])
def test_listed_spokespeople_are_no_group_of_leaders(run, pair):
    # twin: spokespeople listed the same way hold no office that meets or signs
    a, _, b, _, x, y = pair
    ex = run(f"The spokesmen of {a} and {b}, {x} and {y}, said on Friday the talks would go on.")
    assert not ex.meetings and not ex.agreements


# Country names with 'and' or 'of' inside them, listed before their holders.
LONG_NAMED = [
    ("Trinidad and Tobago", "TT", "Chad", "TD"),
    ("Antigua and Barbuda", "AG", "Ghana", "GH"),
    ("the Republic of the Congo", "CG", "Norway", "NO"),
    ("Bosnia and Herzegovina", "BA", "Peru", "PE"),
]


@pytest.mark.parametrize("states", LONG_NAMED, ids=lambda v: v[0])
def test_a_country_name_with_and_or_of_inside_still_pairs_with_its_holder(run, states):
    a, code_a, b, code_b = states
    ex = run(
        f"The prime ministers of {a} and {b}, Lena Morales and Yusuf Kamara, met in Geneva "
        "on Friday."
    )
    assert _leaders(ex) == {
        "Lena Morales": (code_a, "prime minister"),
        "Yusuf Kamara": (code_b, "prime minister"),
    }
    assert _meetings(ex) == [("Lena Morales", "Yusuf Kamara")]


@pytest.mark.parametrize("title", ["Secretary-General", "Governor-General", "Vice-President"])
@pytest.mark.parametrize("other", OTHERS, ids=lambda v: v[0])
def test_a_name_after_a_hyphenated_title_is_a_person(run, title, other):
    name, country, city = other
    ex = run(f"{title} Ines Moreau met {name}, the president of {country}, in {city} on Monday.")
    assert _leaders(ex)["Ines Moreau"][1] == title
    assert _meetings(ex) == [tuple(sorted(("Ines Moreau", name)))]


@pytest.mark.parametrize("title", ["Secretary-General", "Governor-General"])
def test_a_hyphenated_office_without_a_name_adds_nobody(run, title):
    # twin: the office alone ('the Secretary-General said') is no name
    ex = run(f"President Amara Diallo met the {title} in Dakar on Monday, the {title} said.")
    assert set(_leaders(ex)) <= {"Amara Diallo"}


# (host, the three who joined them, each as news writes them with title and country)
JOINED = [
    (
        "President Tomas Varga",
        [("Rui Mendes", "Angolan President"), ("Kalu Banda", "Zambian President")],
        ("Amos Kiwelu", "Tanzania's Vice President"),
    ),
    (
        "Chancellor Ottilie Brandvik",
        [("Jan Novak", "Czech Prime Minister"), ("Eva Horvath", "Hungarian President")],
        ("Piotr Zielinski", "Poland's Prime Minister"),
    ),
]
OCCASIONS = ["at the summit", "at the summit on the rail corridor", "for the talks"]


@pytest.mark.parametrize("joined", JOINED, ids=lambda v: v[0])
@pytest.mark.parametrize("occasion", OCCASIONS)
def test_everyone_a_leader_was_joined_by_takes_part(run, joined, occasion):
    host, first, (last, last_title) = joined
    listed = ", ".join(f"{title} {name}" for name, title in first)
    ex = run(f"{host} was joined {occasion} by {listed} and {last_title} {last} on Monday.")
    names = {host.split(" ", 1)[1], *(name for name, _ in first), last}
    assert [set(m.participants) for m in ex.meetings] == [names]


def test_a_spouse_who_joins_a_leader_makes_no_meeting(run):
    # twin: the same passive with a spouse, and with rivals in a race, is no meeting
    ex = run("President Tomas Varga was joined at the dinner by his wife, Ana Varga.")
    assert not ex.meetings
    ex = run("President Tomas Varga was joined in the race by three rivals on Monday.")
    assert not ex.meetings


@pytest.mark.parametrize("country", ["Costa Rica", "Sri Lanka", "South Sudan"])
def test_the_first_word_of_a_country_before_a_title_is_no_person(run, country):
    ex = run(
        f"President Tomas Varga was joined at the summit by Zambian President Kalu Banda and "
        f"{country}'s President Lena Morales on Monday."
    )
    assert country.split()[0] not in _leaders(ex)
    assert {"Tomas Varga", "Kalu Banda", "Lena Morales"} in [
        set(m.participants) for m in ex.meetings
    ]


# (leader of the delegation, its two other members, the host) as news writes them
DELEGATIONS = [
    (
        ("Grace Tubman", "Liberia's president, Grace Tubman,"),
        [("Musa Danjuma", "Nigeria's Musa Danjuma"), ("Kofi Mensah", "Ghana's Kofi Mensah")],
        ("Omar Ceesay", "President Omar Ceesay"),
    ),
    (
        ("Lena Morales", "Chile's president, Lena Morales,"),
        [("Jorge Quispe", "Peru's Jorge Quispe"), ("Ana Fuentes", "Bolivia's Ana Fuentes")],
        ("Tomas Varga", "President Tomas Varga"),
    ),
]
REFERENCES = ["The visitors", "The delegation", "The delegates"]


@pytest.mark.parametrize("delegation", DELEGATIONS, ids=lambda v: v[0][0])
@pytest.mark.parametrize("reference", REFERENCES)
def test_the_visitors_are_the_delegation_just_described(run, delegation, reference):
    (lead, lead_text), others, (host, host_text) = delegation
    members = " and ".join(text for _, text in others)
    ex = run(
        f"Regional leaders flew in on Tuesday to meet {host_text}. The delegation was led by "
        f"{lead_text} and included {members}. {reference} held talks with {host.split()[-1]}."
    )
    wanted = {lead, host, *(name for name, _ in others)}
    assert wanted in [set(m.participants) for m in ex.meetings]


@pytest.mark.parametrize("delegation", DELEGATIONS, ids=lambda v: v[0][0])
def test_visitors_long_after_a_delegation_are_not_it(run, delegation):
    # twin: three sentences later, 'the visitors' no longer means the delegation
    (lead, lead_text), others, (host, host_text) = delegation
    members = " and ".join(text for _, text in others)
    ex = run(
        f"The delegation was led by {lead_text} and included {members}. Prices rose. "
        "Markets were calm. Rain fell in the north. The visitors toured a museum with "
        f"{host_text}."
    )
    assert not any(lead in m.participants for m in ex.meetings)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda v: v[0])
def test_a_name_after_a_country_possessive_is_a_person(run, pair):
    a, code_a, b, code_b, x, y = pair
    ex = run(f"{a}'s {x} met {b}'s {y} in Geneva on Friday.")
    assert _leaders(ex)[x][0] == code_a and _leaders(ex)[y][0] == code_b


@pytest.mark.parametrize("body", ["Northern Fleet", "State House", "Rift Valley", "Air Force"])
def test_a_body_or_place_after_a_country_possessive_is_no_person(run, body):
    # twin: the same construction naming a body, a building or a place
    ex = run(f"President Tomas Varga visited Kenya's {body} with Chancellor Ottilie Brandvik.")
    assert body not in _leaders(ex)
