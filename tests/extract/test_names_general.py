"""Leader names and countries that hold beyond the development set: generated cases.

Templates x fillers in the style of CheckList: honorifics and ranks before a name, titles
before or after it, possessive and "of" countries, Arabic and other long names with
particles, short forms that must join the fullest form, and negative twins (an order, a
title, a part of a country's name, a place must never become a person). Every sentence is
written for these tests; the extractor runs without the registry, so nothing here is
known in advance.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from gazetteer.registry import parse_registry_rows, registry_from_rows
from ingest.extract import extract
from ingest.extract.names import clean_entity as _clean_entity

# (name, surname as news writes it alone, country code, country, demonym, capital)
LEADERS = [
    ("Anwar Ibrahim", "Anwar", "MY", "Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Bola Tinubu", "Tinubu", "NG", "Nigeria", "Nigerian", "Abuja"),
    ("William Ruto", "Ruto", "KE", "Kenya", "Kenyan", "Nairobi"),
    ("Olaf Scholz", "Scholz", "DE", "Germany", "German", "Berlin"),
    ("Prabowo Subianto", "Prabowo", "ID", "Indonesia", "Indonesian", "Jakarta"),
    ("Ferdinand Marcos Jr.", "Marcos", "PH", "the Philippines", "Filipino", "Manila"),
]
OTHER = ("Giorgia Meloni", "IT", "Italian", "Prime Minister")

# Honorifics, styles and ranks that news writes before a name and that are not part of it.
PREFIXES = [
    "Datuk Seri",
    "Dato' Seri",
    "Tan Sri",
    "Tun",
    "Tun Dr",
    "Dr",
    "Lt Gen",
    "Lt. Gen.",
    "Lieutenant General",
    "Major General",
    "Brigadier General",
    "General",
    "Cardinal",
    "Archbishop",
    "His Excellency",
    "Professor",
    "Alhaji",
]


def _leaders(ex) -> dict:
    return {m.name: (m.country, m.title) for m in ex.leaders}


def _one_meeting(ex) -> tuple:
    assert len(ex.meetings) == 1, ex.meetings
    return tuple(sorted(ex.meetings[0].participants))


@pytest.mark.parametrize(
    "prefix,leader", list(itertools.product(PREFIXES, LEADERS[:3])), ids=lambda v: str(v)[:20]
)
def test_an_honorific_or_rank_before_the_name_is_not_part_of_it(run, prefix, leader):
    name, _, code, country, _, city = leader
    other, other_code, demonym, title = OTHER
    ex = run(
        f"{prefix} {name}, the president of {country}, met {demonym} {title} {other} "
        f"in {city} on Monday."
    )
    assert _one_meeting(ex) == tuple(sorted((name, other)))
    assert _leaders(ex)[name][0] == code


@pytest.mark.parametrize(
    "prefix,leader", list(itertools.product(PREFIXES[:8], LEADERS[:3])), ids=lambda v: str(v)[:20]
)
def test_the_short_form_with_its_honorific_joins_the_fullest_name(run, prefix, leader):
    name, surname, code, country, demonym, city = leader
    other = OTHER[0]
    ex = run(
        f"{demonym} Prime Minister {prefix} {name} held talks with Prime Minister {other} in "
        f"{city} on Monday. {prefix} {surname} said the talks were useful."
    )
    assert sorted(m.name for m in ex.leaders) == sorted((name, other))
    assert _leaders(ex)[name][0] == code


TITLE_AFTER = [
    "{name}, the president of {country},",
    "{name}, {country}'s president,",
    "{name}, {country}’s president,",
    "{name}, the {demonym} president,",
    "{name}, President of {country},",
]
TITLE_BEFORE = [
    "{demonym} President {name}",
    "{country}'s President {name}",
    "the President of {country}, {name},",
    "{country}'s president, {name},",
    "{demonym} President {prefix} {name}",
]


@pytest.mark.parametrize(
    "template,leader",
    list(itertools.product(TITLE_AFTER + TITLE_BEFORE, LEADERS)),
    ids=lambda v: str(v)[:30],
)
def test_the_country_comes_from_the_title_before_or_after_the_name(run, template, leader):
    name, _, code, country, demonym, city = leader
    subject = template.format(name=name, country=country, demonym=demonym, prefix="Dr")
    ex = run(f"{subject} met Prime Minister {OTHER[0]} in Rome on Friday.".replace(",,", ","))
    assert _leaders(ex)[name][0] == code, _leaders(ex)


# --- Arabic and other long names with particles ------------------------------------------

ARABIC = [
    ("Sheikh Khalid bin Hamad Al Nahyan", "Khalid bin Hamad Al Nahyan", "Sheikh Khalid"),
    ("Sheikh Hamdan bin Rashid Al-Qasimi", "Hamdan bin Rashid Al-Qasimi", "Sheikh Hamdan"),
    ("Sheikh Nasser al-Ahmad al-Sabah", "Nasser al-Ahmad al-Sabah", "Sheikh Nasser"),
    ("Prince Faisal bin Turki Al Saud", "Faisal bin Turki Al Saud", "Prince Faisal"),
    ("Emir Tariq bin Abdullah", "Tariq bin Abdullah", "Emir Tariq"),
]


@pytest.mark.parametrize("written,name,short", ARABIC, ids=lambda v: str(v)[:24])
def test_an_arabic_name_keeps_its_particles_and_drops_the_honorific(run, written, name, short):
    ex = run(
        f"{written} met French President Marc Dubois in Paris on Monday. "
        f"{short} thanked Dubois for the welcome."
    )
    assert sorted(m.name for m in ex.leaders) == sorted((name, "Marc Dubois"))


@pytest.mark.parametrize(
    "written,name",
    [
        ("Sheikh Rehana Akter", "Sheikh Rehana Akter"),
        ("Sheikh Jamal", "Sheikh Jamal"),
    ],
)
def test_sheikh_is_part_of_a_name_without_arabic_particles(run, written, name):
    ex = run(
        f"Bangladeshi Prime Minister {written} met Indian Prime Minister Ravi Menon in "
        f"Dhaka on Monday. {name.split()[-1]} said the visit was a success."
    )
    assert sorted(m.name for m in ex.leaders) == sorted((name, "Ravi Menon"))


@pytest.mark.parametrize(
    "name",
    ["Luiz Carlos da Silva", "Anna von der Berg", "Pedro de la Cruz", "Jan van den Broek"],
)
def test_a_name_with_european_particles_is_one_person(run, name):
    ex = run(f"President {name} met German Chancellor Olaf Scholz in Berlin on Monday.")
    assert _one_meeting(ex) == tuple(sorted((name, "Olaf Scholz")))


# --- Regnal names ----------------------------------------------------------------------


def test_a_regnal_title_stays_with_the_name_and_the_short_form_joins_it(run):
    ex = run(
        "King Faisal bin Turki received Egyptian President Omar Fahmy in Riyadh on Monday. "
        "King Faisal praised the visit."
    )
    assert sorted(m.name for m in ex.leaders) == ["King Faisal bin Turki", "Omar Fahmy"]


def test_a_titled_short_form_joins_by_first_name_not_by_family_name(run):
    ex = run(
        "King Abdullah bin Faisal Al Saud received Prime Minister Ravi Menon in Riyadh on "
        "Monday. King Saud had been received by Menon's predecessor in 1955. "
        "King Abdullah said the talks went well."
    )
    names = {m.name for m in ex.leaders}
    assert "Abdullah bin Faisal Al Saud" in names or "King Abdullah bin Faisal Al Saud" in names
    assert "King Abdullah" not in names
    assert "King Saud" not in names  # not in any fact; above all not merged into Abdullah


def test_a_possessive_country_before_a_king_is_no_person(run):
    ex = run("Saudi Arabia's King Faisal bin Turki met Egyptian President Omar Fahmy on Monday.")
    names = {m.name for m in ex.leaders}
    assert "Arabia" not in names
    assert _leaders(ex)["King Faisal bin Turki"][0] == "SA"


# --- Negative twins: titles, honours, places and styles are never people ------------------


@pytest.mark.parametrize(
    "sentence,not_a_person",
    [
        (
            "President Ada Okafor met Prime Minister James Marape in Port Moresby on Monday and "
            "conferred on him Papua New Guinea's Grand Companion of the Order of Logohu.",
            "Grand Companion",
        ),
        (
            "President Ada Okafor met President Marc Dubois in Abuja on Monday and gave him "
            "the Grand Commander of the Order of the Niger.",
            "Grand Commander",
        ),
        (
            "Chinese State Councilor and Foreign Minister Li Wen and Peter Mensah, the Ghanaian "
            "foreign minister, held talks in Beijing on Monday.",
            "State Councilor",
        ),
        (
            "Sultan Hamid Bolkiah held a bilateral meeting with Prime Minister Datuk Seri Rahman "
            "Yusof on Monday during His Majesty's visit to Malaysia.",
            "Majesty",
        ),
        (
            "His Highness Sheikh Khalid bin Hamad Al Nahyan received President Marc Dubois at "
            "the palace in Abu Dhabi on Monday.",
            "Highness",
        ),
        (
            "UN Secretary-General Henrik Lund met Turkish President Emre Kaya in Geneva on "
            "Thursday.",
            "General Henrik Lund",
        ),
        (
            "Prince Faisal bin Khalid, Crown Prince and Prime Minister of Qatar, met President "
            "Marc Dubois of France in Doha on Friday.",
            "Crown Prince",
        ),
    ],
    ids=lambda v: str(v)[:24],
)
def test_titles_honours_and_styles_never_become_people(run, sentence, not_a_person):
    ex = run(sentence)
    names = {m.name for m in ex.leaders}
    assert ex.meetings or ex.gifts, "the fact itself must still be found"
    assert not any(not_a_person in n for n in names), names


def test_a_name_the_tagger_runs_on_into_a_place_is_cut_before_it(run):
    ex = run(
        "Queen Margarethe welcomed President Li Wen at Horse Guards Parade on Tuesday. "
        "Li at Horse Guards Parade inspected the guard."
    )
    assert all(" at " not in m.name for m in ex.leaders)


def test_the_secretary_general_keeps_his_title_and_has_no_country(run):
    ex = run(
        "UN Secretary-General Henrik Lund met Turkish President Emre Kaya in Geneva on Thursday."
    )
    assert _leaders(ex)["Henrik Lund"] == (None, "Secretary-General")


def test_a_title_after_a_rank_is_a_given_name(run):
    ex = run(
        "Defence Minister Arjun Mehta held a meeting with Iran's defence minister, Brigadier "
        "General Amir Hatami, in Tehran on Saturday."
    )
    assert "Amir Hatami" in _leaders(ex)


# --- Countries from other evidence -------------------------------------------------------


@pytest.mark.parametrize(
    "demonym,code",
    [("Chinese", "CN"), ("Kenyan", "KE"), ("Japanese", "JP"), ("Brazilian", "BR")],
)
def test_a_demonym_before_counterpart_gives_the_country(run, demonym, code):
    ex = run(
        f"Defence Minister Priya Nair met her {demonym} counterpart General Zhou Ming in "
        "Delhi on Thursday."
    )
    assert _leaders(ex)["Zhou Ming"][0] == code


def test_an_of_country_title_before_a_ranked_name_gives_the_country(run):
    ex = run(
        "Defence Minister Arjun Mehta held talks with the Defence Minister of Kazakhstan "
        "Lieutenant General Aidos Serikov in New Delhi on Monday."
    )
    assert _leaders(ex)["Aidos Serikov"][0] == "KZ"


def test_a_title_listed_after_the_name_gives_its_country(run):
    ex = run(
        "Prince Faisal bin Khalid, Crown Prince and Prime Minister of Qatar, met President "
        "Marc Dubois of France in Doha on Friday."
    )
    assert _leaders(ex)["Faisal bin Khalid"][0] == "QA"


def test_a_name_cut_short_after_a_rank_takes_its_surname(run):
    ex = run(
        "Also on Tuesday, Defence Minister Arjun Mehta held talks with Mongolian Defence "
        "Minister Lt Gen Batbayar Tsend on military exchanges in Ulaanbaatar."
    )
    assert "Batbayar Tsend" in _leaders(ex)


def test_a_long_title_phrase_before_a_comma_belongs_to_the_name_after_it(run):
    ex = run(
        "Defence Minister Arjun Mehta held a meeting with Iran's Minister of Defence and Armed "
        "Forces Logistics, Brigadier General Amir Hatami, in Tehran on Saturday."
    )
    assert _one_meeting(ex) == ("Amir Hatami", "Arjun Mehta")
    assert _leaders(ex)["Amir Hatami"][0] == "IR"


def test_a_country_ending_the_previous_sentence_is_not_the_next_name_s(run):
    ex = run(
        "On Friday President Laszlo Kovacs met Cardinal Paolo Conti, head of the Secretariat "
        "of State of the Vatican. Kovacs gave Conti a book."
    )
    assert _leaders(ex).get("Laszlo Kovacs", (None,))[0] != "VA"


@pytest.mark.parametrize(
    "written",
    [
        "the Defence Minister of Tajikistan, Colonel General Sherzod Rahimov",
        "the Defence Minister of Tajikistan Colonel General Sherzod Rahimov",
        "Tajikistan's Defence Minister, Colonel General Sherzod Rahimov",
    ],
)
def test_a_ranked_name_after_an_of_country_title_is_the_title_holder(run, written):
    ex = run(f"Indian Defence Minister Arjun Mehta held a meeting with {written} in Moscow today.")
    assert _leaders(ex)["Sherzod Rahimov"][0] == "TJ"
    assert _leaders(ex)["Arjun Mehta"][0] == "IN"


# --- Lists: "the prime ministers of A and B, X and Y" -------------------------------------

LISTED = [
    (("Greece", "GR"), ("Turkey", "TR"), "Costas Papadakis", "Mehmet Yildiz"),
    (("Chile", "CL"), ("Peru", "PE"), "Gabriel Rojas", "Dina Quispe"),
    (("Ghana", "GH"), ("Togo", "TG"), "Nana Akufo-Mensah", "Faure Agbeko"),
    (("Norway", "NO"), ("Sweden", "SE"), "Jonas Berg", "Ulf Lindqvist"),
]


@pytest.mark.parametrize("first,second,name_a,name_b", LISTED, ids=lambda v: str(v)[:14])
def test_names_listed_after_a_list_of_countries_pair_up_in_order(
    run, first, second, name_a, name_b
):
    ex = run(
        f"On Wednesday the UN envoy held a joint meeting in Geneva with the prime ministers of "
        f"{first[0]} and {second[0]}, {name_a} and {name_b}, who had met each other the night "
        f"before. {name_a.split()[-1]} said the talks were hard."
    )
    leaders = _leaders(ex)
    assert leaders[name_a][0] == first[1]
    assert leaders[name_b][0] == second[1]
    assert name_a.split()[-1] not in leaders  # the surname alone joined the full name


def test_a_list_of_people_after_of_a_non_country_is_not_paired(run):
    ex = run(
        "The leaders of the two parties, Jonas Berg and Ulf Lindqvist, met Prime Minister "
        "Anna Holm in Oslo on Monday."
    )
    leaders = _leaders(ex)
    assert leaders.get("Jonas Berg", (None,))[0] is None


# --- A registry alias joins the name it stands for ---------------------------------------

ALIAS_ROWS = [
    "person_key,name,aliases,country,office,title,start,end,also_head_of_government,source",
    "ID-joko-widodo,Joko Widodo,Jokowi,ID,head_of_state,President,2014-10-20,2024-10-20,1,"
    "https://en.wikipedia.org/wiki/Example",
    "RU-vladimir-putin,Vladimir Putin,,RU,head_of_state,President,2012-05-07,,,"
    "https://en.wikipedia.org/wiki/Example",
]


@pytest.mark.parametrize("later", ["Jokowi", "President Jokowi", "Widodo"])
def test_a_registry_alias_later_in_the_article_is_the_same_leader(nlp, later):
    registry = registry_from_rows(parse_registry_rows(ALIAS_ROWS))
    ex = extract(
        "Indonesian President Joko Widodo met Russian President Vladimir Putin in Moscow on "
        f"Thursday. After the talks, {later} met Putin's aide Yuri Ushakov.",
        dt.date(2022, 6, 30),
        nlp=nlp,
        registry=registry,
    )
    names = [m.name for m in ex.leaders]
    assert names.count("Joko Widodo") == 1
    assert "Jokowi" not in names


# --- Names after "counterpart", and a title abbreviation the tagger joins to the name -----


@pytest.mark.parametrize(
    "name", ["Ricardo Patino", "Lucia Fernandez Ortiz", "Tomas Ruiz", "Ana Maria Quiroga"]
)
def test_a_name_after_counterpart_is_a_person_with_the_demonym_s_country(run, name):
    ex = run(
        "Colombian Foreign Minister Maria Angela Holguin met her visiting Ecuadorian "
        f"counterpart {name} in Bogota on Saturday."
    )
    assert _one_meeting(ex) == tuple(sorted(("Maria Angela Holguin", name)))
    assert _leaders(ex)[name][0] == "EC"


def test_counterpart_before_a_common_noun_names_nobody(run):
    ex = run(
        "Foreign Minister Maria Angela Holguin met her Ecuadorian counterpart Foreign Office "
        "staff in Bogota on Saturday."
    )
    assert "Foreign Office" not in _leaders(ex)


def test_a_title_abbreviation_tagged_with_the_name_is_no_organisation(run):
    ex = run(
        "Prime Minister Ravi Menon on Saturday held bilateral talks with his Bangladeshi "
        "counterpart Sheikh Rehana Akter in New Delhi. Akter was extended a warm welcome by "
        "PM Menon."
    )
    leaders = _leaders(ex)
    assert "Ravi Menon" in leaders and "Sheikh Rehana Akter" in leaders


@pytest.mark.parametrize(
    "sending,code,receiving",
    [("Bangladesh", "BD", "India"), ("Ghana", "GH", "Nigeria"), ("Chile", "CL", "Peru")],
)
def test_an_envoy_to_a_country_belongs_to_the_sending_country(run, sending, code, receiving):
    ex = run(
        f"Prime Minister Ravi Menon met {sending}'s envoy to {receiving}, Syed Karim Ali, in "
        "the capital on Monday."
    )
    assert _leaders(ex)["Syed Karim Ali"][0] == code


@pytest.mark.parametrize(
    "sentence,not_a_person",
    [
        (
            "Goldman Sachs, the investment bank whose chairman flew in, met Prime Minister Ravi "
            "Menon in Delhi on Monday, and President Ada Okafor met Menon on Tuesday.",
            "Goldman Sachs",
        ),
        (
            "President Ada Okafor addressed the UN General Assembly and met Prime Minister Ravi "
            "Menon in New York on Monday.",
            "Assembly",
        ),
        (
            "President Ada Okafor met Prime Minister Ravi Menon aboard the Admiral Kuznetsov "
            "Carrier Group ship on Monday.",
            "Kuznetsov",
        ),
        (
            "President Ada Okafor met her counterpart in Accra on Monday, Ghana's president, "
            "Kofi Mensah Boateng, said.",
            "Accra",
        ),
    ],
    ids=lambda v: str(v)[:20],
)
def test_ranks_titles_and_appositions_do_not_turn_organisations_into_people(
    run, sentence, not_a_person
):
    names = {m.name for m in run(sentence).leaders}
    assert not any(not_a_person in n for n in names), names


@pytest.mark.parametrize("demonym", ["Jordanian", "Moroccan", "Thai", "Belgian"])
def test_a_demonym_the_tagger_puts_inside_a_person_is_trimmed(nlp, demonym):
    doc = nlp(f"{demonym} King Tarek II met the visiting president on Monday.")
    start, end = _clean_entity(doc, 0, 4)  # as if the tagger had made all four one PERSON
    assert doc[start:end].text == "Tarek II"


@pytest.mark.parametrize("style", ["His Highness Sheikh", "His Royal Highness Prince", "Dr"])
def test_a_title_after_the_name_counts_when_an_honorific_style_comes_before_it(run, style):
    ex = run(
        f"{style} Khalid bin Hamad Al Nahyan, the foreign minister of the United Arab "
        "Emirates, met President Marc Dubois in Paris on Monday."
    )
    country, title = _leaders(ex)["Khalid bin Hamad Al Nahyan"]
    assert country == "AE"
    assert title == "foreign minister"  # the office said of a prince, over the rank


@pytest.mark.parametrize("relation", ["wife", "son", "brother", "spokesman"])
def test_a_relation_between_two_names_belongs_to_the_second(run, relation):
    ex = run(
        "President Kofi Mensah on Tuesday met the visiting President of Cameroon, Paul "
        "Mbarga, in Accra. Mbarga is on a two-day visit to Ghana. He was received on "
        "arrival at the palace by Mensah, his "
        f"{relation}, Aisha; some ministers and other officials."
    )
    assert _leaders(ex)["Kofi Mensah"][0] != "CM"


@pytest.mark.parametrize(
    "demonym,code", [("Chinese", "CN"), ("Vietnamese", "VN"), ("Cuban", "CU"), ("Qatari", "QA")]
)
def test_a_demonym_before_coordinated_titles_serves_the_second_title(run, demonym, code):
    ex = run(
        f"{demonym} State Councilor and Foreign Minister Li Wen and Peter Mensah, Ghana's "
        "minister of foreign affairs, held talks at the guesthouse on Saturday."
    )
    leaders = _leaders(ex)
    assert leaders["Li Wen"][0] == code
    assert leaders["Peter Mensah"] == ("GH", "minister")


@pytest.mark.parametrize("style", ["H.E.", "His Excellency", "Hon.", "The Rt. Hon."])
def test_a_courtesy_style_before_a_title_is_neither_a_body_nor_a_sentence_end(run, style):
    ex = run(f"Chancellor Olaf Scholz met {style} President William Ruto in Berlin on Monday.")
    leaders = _leaders(ex)
    assert leaders["William Ruto"][1] == "President"  # a head of state, not of a body "H.E."
    assert "Olaf Scholz" in leaders
    assert len(ex.meetings) == 1


def test_an_organisation_before_a_title_still_makes_its_head_no_leader(run):
    # negative twin: a real body before the title keeps its office private
    ex = run(
        "Chancellor Olaf Scholz met Acme Corporation President Mark Dwyer in Berlin on Monday."
    )
    assert "Mark Dwyer" not in _leaders(ex)


def test_a_style_abbreviation_does_not_end_the_sentence(nlp):
    doc = nlp("The minister met Hon. Grace Wanjiru in Nairobi on Friday.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("spouse", ["Ana", "Marta"])
def test_a_spouse_sharing_the_leaders_surname_stays_her_own_person(run, spouse):
    ex = run(
        f"President Emomali Rahmon gave {spouse} Kowalczyk, the wife of Polish President "
        "Jan Kowalczyk, a silk scarf."
    )
    assert [(g.giver, g.recipient) for g in ex.gifts] == [("Emomali Rahmon", f"{spouse} Kowalczyk")]


def test_a_spouse_named_before_his_wife_stays_her_own_person(run):
    ex = run(
        "President Emomali Rahmon gave Prime Minister Jan Kowalczyk a fountain pen, and to "
        "Ana Kowalczyk, his wife, a silver brooch."
    )
    assert ("Emomali Rahmon", "Ana Kowalczyk") in [(g.giver, g.recipient) for g in ex.gifts]


def test_the_leader_named_again_after_his_spouse_is_still_the_leader(run):
    # twin: the surname alone after both names still means the titled leader
    ex = run(
        "President Emomali Rahmon gave Ana Kowalczyk, the wife of Polish President Jan "
        "Kowalczyk, a silk scarf. Rahmon later met Kowalczyk in Warsaw on Monday."
    )
    assert sorted(ex.meetings[0].participants) == ["Emomali Rahmon", "Jan Kowalczyk"]


@pytest.mark.parametrize("given", ["Sofia", "Helena"])
def test_a_spouse_whose_given_name_is_a_city_or_whose_surname_is_hyphenated(run, given):
    ex = run(
        f"President Emomali Rahmon gave {given} Lind-Berg, the wife of Swedish Prime "
        "Minister Per Lind-Berg, a silk scarf."
    )
    assert [(g.giver, g.recipient) for g in ex.gifts] == [("Emomali Rahmon", f"{given} Lind-Berg")]


def test_a_city_before_a_comma_phrase_that_names_no_spouse_is_still_a_place(run):
    # negative twin: "Sofia, the capital of Bulgaria" is no person
    ex = run(
        "President Emomali Rahmon arrived in Sofia, the capital of Bulgaria, and met Prime "
        "Minister Per Lindberg on Monday."
    )
    assert "Sofia" not in " ".join(_leaders(ex))


@pytest.mark.parametrize("style", ["Madam", "Madame"])
def test_madam_before_a_name_after_its_title_is_a_style(run, style):
    ex = run(
        "Chancellor Olaf Scholz held talks with the President of Kenya "
        f"{style} Grace Wanjiru on Monday."
    )
    assert _leaders(ex)["Grace Wanjiru"][1] == "President"


def test_the_first_lady_is_not_the_president_of_her_surname(run):
    ex = run(
        "Chancellor Olaf Scholz gave President Kowalczyk a clock. He also gave First Lady "
        "Ana Kowalczyk a silk scarf."
    )
    assert [(g.giver, g.recipient) for g in ex.gifts] == [
        ("Olaf Scholz", "Kowalczyk"),
        ("Olaf Scholz", "Ana Kowalczyk"),
    ]


def test_a_president_named_after_his_full_name_is_still_him(run):
    # twin: without a spouse's title, the titled surname joins the full name
    ex = run(
        "Chancellor Olaf Scholz gave President Kowalczyk a clock. He also gave Jan "
        "Kowalczyk a silk scarf."
    )
    assert {g.recipient for g in ex.gifts} == {"Jan Kowalczyk"}


def test_pm_before_a_surname_is_no_part_of_the_name(run):
    ex = run(
        "Prime Minister Anwar Ibrahim held talks with Chancellor Olaf Scholz in Berlin on "
        "Monday. Upon his arrival, PM Ibrahim was greeted by President Frank Weber in Berlin "
        "on Tuesday."
    )
    assert "PM Ibrahim" not in _leaders(ex)
    assert "Anwar Ibrahim" in _leaders(ex)


@pytest.mark.parametrize("source", ["Al-Noor Daily", "Capital Courier"])
def test_a_news_source_in_a_dateline_is_no_person(run, source):
    ex = run(
        f"Nairobi, {source} \u2014 President William Ruto received Chancellor Olaf Scholz at "
        "State House on Monday, and the two held talks."
    )
    assert source not in _leaders(ex)
    assert _one_meeting(ex) == ("Olaf Scholz", "William Ruto")


def test_a_name_after_a_place_inside_a_sentence_is_still_a_person(nlp):
    # twin: no dateline opens the sentence, so the name before the dash is a person
    from ingest.extract.names import name_spans
    from ingest.extract.text import build_index

    doc = nlp("He held talks in Nairobi, Amina Odhiambo - his host - said on Monday.")
    spans = name_spans(build_index(doc, None, dt.date(2024, 3, 14)))
    assert "Amina Odhiambo" in [doc[s.start : s.end].text for s in spans]
