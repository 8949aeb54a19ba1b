"""Leader names: styles, titles and bodies around a name.  A name after "counterpart",
a title abbreviation or courtesy style the tagger joins to a name, an envoy, ranks and
appositions beside organisations, demonyms inside a name, "Madam", "PM" and a news
source in a dateline.  Every sentence is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract.names import clean_entity as _clean_entity
from tests.extract.test_names_general import _leaders, _one_meeting

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


@pytest.mark.parametrize("style", ["Madam", "Madame"])
def test_madam_before_a_name_after_its_title_is_a_style(run, style):
    ex = run(
        "Chancellor Olaf Scholz held talks with the President of Kenya "
        f"{style} Grace Wanjiru on Monday."
    )
    assert _leaders(ex)["Grace Wanjiru"][1] == "President"


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
