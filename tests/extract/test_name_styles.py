"""How a leader's name and office are read (issue 11): royal styles and Arabic nasabs,
offices named by a department, plural titles before a list of names, and words that name
a thing rather than a person. Every sentence here is written for the test; people are
invented unless a registry written by the test knows them."""

from __future__ import annotations

import datetime as dt

from gazetteer.registry import parse_registry_rows, registry_from_rows
from ingest.extract import extract

HEADER = "person_key,name,aliases,country,office,title,start,end,also_head_of_government,source"
SOURCE = "https://en.wikipedia.org/wiki/Example"
# Invented monarchs: one the registry knows by a regnal name, one by a personal name.
ROWS = [
    "XA-rakan,Rakan of Saudi Arabia,King Rakan|Rakan bin Fahad|Rakan bin Fahad Al Saud,"
    "SA,monarch,King,2001-01-01,2030-01-01,,",
    "XB-nayef,Nayef bin Salim Al Zahrani,King Nayef|Nayef bin Salim,"
    "BH,monarch,King,2001-01-01,2030-01-01,,",
]


def _registry():
    return registry_from_rows(parse_registry_rows([HEADER] + [r + SOURCE for r in ROWS]))


def _leaders(extraction) -> dict:
    return {p.name: p for p in extraction.leaders}


def test_a_style_before_an_arabic_name_is_no_part_of_it(run):
    out = run(
        "Qatari Emir Sheikh Faris bin Nayef Al Otaibi received Kenyan President Amani Mwangi "
        "in Doha on Monday. Sheikh Faris said the talks went well."
    )
    leaders = _leaders(out)
    assert "Faris bin Nayef Al Otaibi" in leaders
    assert leaders["Faris bin Nayef Al Otaibi"].country == "QA"
    assert not any(name.startswith(("Emir", "Sheikh")) for name in leaders)


def test_a_nasab_the_tagger_splits_is_one_name(run):
    out = run(
        "Crown Prince Rashid ibn Talal Al-Qasimi of Bahrain met Estonian Prime Minister "
        "Kaarel Tamm in Manama on Monday."
    )
    assert "Rashid ibn Talal Al-Qasimi" in _leaders(out)
    assert "Talal Al-Qasimi" not in _leaders(out)


def test_a_given_name_that_is_also_a_title_stays_before_bin(run):
    out = run(
        "Emirati Crown Prince Sultan bin Hamad Al Shamsi received Icelandic President "
        "Olafur Grimsson in Abu Dhabi on Tuesday."
    )
    assert "Sultan bin Hamad Al Shamsi" in _leaders(out)


def test_shah_is_a_title_not_part_of_the_name(run):
    out = run(
        "Shah Kourosh Farrokhzad received Indian Prime Minister Ravi Menon in Tehran on "
        "Monday. The shah gave Menon a carpet."
    )
    leaders = _leaders(out)
    assert "Kourosh Farrokhzad" in leaders
    assert leaders["Kourosh Farrokhzad"].title == "Shah"
    assert "Shah Kourosh Farrokhzad" not in leaders


def test_a_regnal_monarch_keeps_the_title_in_a_long_name():
    from ingest.nlp import get_nlp

    text = (
        "King Rakan bin Fahad Al Saud of Saudi Arabia received Prime Minister Ravi Menon in "
        "Riyadh on Monday. King Nayef bin Salim Al Zahrani of Bahrain met Menon on Tuesday."
    )
    out = extract(text, dt.date(2024, 3, 14), nlp=get_nlp(), registry=_registry())
    leaders = _leaders(out)
    # the registry knows Rakan by a regnal name, Nayef by his own
    assert "King Rakan bin Fahad Al Saud" in leaders
    assert "Nayef bin Salim Al Zahrani" in leaders


def test_an_office_named_by_its_department_is_read_whole(run):
    out = run(
        "U.S. Secretary of Defense Harlan Moss met Indian Home Minister Ravi Menon in New Delhi "
        "on Tuesday."
    )
    leaders = _leaders(out)
    assert leaders["Harlan Moss"].title == "Secretary of Defense"
    assert leaders["Ravi Menon"].title == "Home Minister"
    assert not any(name.startswith(("Defense", "of ")) for name in leaders)
    assert [sorted(m.participants) for m in out.meetings] == [["Harlan Moss", "Ravi Menon"]]


def test_a_department_joined_by_and_stays_in_the_title(run):
    out = run(
        "German Minister of Foreign Affairs and Trade Tomas Albrecht met Prime Minister Petra "
        "Novak in Bratislava on Tuesday."
    )
    leaders = _leaders(out)
    assert "Tomas Albrecht" in leaders  # not "Trade Tomas Albrecht"
    assert leaders["Tomas Albrecht"].title == "Minister of Foreign Affairs and Trade"
    assert leaders["Tomas Albrecht"].country == "DE"


def test_a_plural_title_serves_each_name_of_its_list(run):
    out = run(
        "Foreign ministers Petra Novak and Tomas Albrecht signed the treaty in Vienna on Wednesday."
    )
    leaders = _leaders(out)
    assert leaders["Petra Novak"].title.lower() == "foreign minister"
    assert leaders["Tomas Albrecht"].title.lower() == "foreign minister"


def test_a_title_noun_renamed_after_a_comma_gives_the_title(run):
    out = run(
        "The last French president to visit, Henri Duval, met President Amani Mwangi in "
        "Nairobi in 1996."
    )
    assert _leaders(out)["Henri Duval"].title == "president"


def test_a_river_or_a_breed_is_no_leader(run):
    out = run(
        "Indian Prime Minister Ravi Menon met Bangladeshi Prime Minister Farida Rahman in "
        "Dhaka on Tuesday. A deal on the Tolvana river was dropped. Menon gave Rahman two "
        "Kenoma hunting dogs. Rahman already keeps a Kenoma named Bora."
    )
    names = set(_leaders(out))
    assert names == {"Ravi Menon", "Farida Rahman"}


def test_a_surname_before_a_noun_is_still_the_leader(run):
    out = run(
        "Indian Prime Minister Ravi Menon met Bangladeshi Prime Minister Farida Rahman in "
        "Dhaka on Tuesday. The Rahman government welcomed the talks."
    )
    assert set(_leaders(out)) == {"Ravi Menon", "Farida Rahman"}


def test_a_name_before_an_institution_noun_is_no_leader(run):
    out = run(
        "Crown Prince Faris bin Nayef received Prime Minister Ravi Menon in Riyadh on Monday. "
        "Later Menon met scholars at the King Nayef Center for Dialogue."
    )
    names = set(_leaders(out))
    assert "Ravi Menon" in names
    assert not any("Center" in name or name in ("King Nayef", "Nayef") for name in names)


def test_an_office_written_as_a_capitalised_phrase_is_no_name(run):
    out = run(
        "Norway's Heir Apparent, Prince Olav, was received by President Ana Costa in Lisbon "
        "on Monday."
    )
    assert "Heir Apparent" not in _leaders(out)


def test_the_founder_of_a_state_takes_its_country(run):
    out = run("In 1961 Ravi Menon met Kofi Mensah, the founder of Ghana, in Accra.")
    assert _leaders(out)["Kofi Mensah"].country == "GH"


def test_an_office_said_of_a_prince_replaces_the_rank(run):
    out = run(
        "Prince Faris bin Nayef, the Saudi foreign minister, met Ravi Menon in New Delhi on "
        "Tuesday."
    )
    assert _leaders(out)["Faris bin Nayef"].title == "foreign minister"
