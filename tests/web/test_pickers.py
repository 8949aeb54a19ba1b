"""The edit forms' pickers (issue 15): the /pick/<kind>/ suggestions (bounded, escaped,
editors only, bad input refused) and the forms with JavaScript off (a name, a code or a
number typed; unknown and ambiguous names refused with a clear error), which never list
every leader or country."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kb.models import Leader, Meeting, ReviewState
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def pick(client, kind, **params):
    return client.get(reverse("pick", args=[kind]), params)


def labels(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return [r["label"] for r in response.json()["results"]]


# ---- the suggestions --------------------------------------------------------------------


def test_readers_get_visible_leaders_and_countries_but_not_meetings(client, world):
    rejected = LeaderFactory(name="Claire Dumont", review_state=ReviewState.REJECTED)
    LeaderFactory(name="Claire Dubois-Twin", merged_into=world["dubois"])
    for login in (None, "page-reader"):
        if login:
            client.force_login(UserFactory(username=login))
        response = pick(client, "leaders", q="claire")
        assert labels(response) == ["Claire Dubois (France)"]  # not rejected, not merged
        assert response["Cache-Control"] == "public, max-age=60"
        assert "Cookie" in response["Vary"]
        assert labels(pick(client, "leaders", q=f"#{rejected.pk}")) == []
        assert labels(pick(client, "countries", q="fr"))[0] == "France (FR)"
        refused = pick(client, "meetings", q="kanaz")
        assert refused.status_code == 403
        assert "Kanazawa" not in refused.content.decode()
        assert refused["Cache-Control"] == "private, no-store"


def test_editors_answers_are_private_and_keep_rejected_leaders(editor_client, world):
    LeaderFactory(name="Claire Dumont", review_state=ReviewState.REJECTED)
    response = pick(editor_client, "leaders", q="claire")
    assert len(labels(response)) == 2
    assert response["Cache-Control"] == "private, no-store"


def test_readers_suggestions_are_bounded(client, world):
    for n in range(30):
        LeaderFactory(name=f"Amara Okafor {n}")
    with CaptureQueriesContext(connection) as queries:
        assert len(labels(pick(client, "leaders", q="amara"))) == 20
    assert len(queries) <= 3
    assert len(labels(pick(client, "leaders", q="a"))) == 20
    assert pick(client, "leaders", q="a" * 101).status_code == 400


def test_leaders_by_start_of_name_word_other_name_and_number(editor_client, world):
    assert labels(pick(editor_client, "leaders", q="Claire")) == ["Claire Dubois (France)"]
    assert labels(pick(editor_client, "leaders", q="dubo")) == ["Claire Dubois (France)"]
    assert labels(pick(editor_client, "leaders", q="SATO")) == ["Kenji Sato (Japan)"]
    number = f"#{world['becker'].pk}"
    assert labels(pick(editor_client, "leaders", q=number)) == ["Jonas Becker (Germany)"]
    assert labels(pick(editor_client, "leaders", q="ato")) == []  # not inside a word
    assert pick(editor_client, "leaders", q="Sato").json()["results"][0]["hint"] == (
        "Prime Minister"
    )


def test_merged_leaders_are_not_suggested(editor_client, world):
    twin = LeaderFactory(name="Claire Dubois-Twin", merged_into=world["dubois"])
    found = pick(editor_client, "leaders", q="claire").json()["results"]
    assert twin.pk not in [r["id"] for r in found]


def test_suggestions_are_bounded(editor_client, world):
    for n in range(30):
        LeaderFactory(name=f"Amara Okafor {n}")
    assert len(labels(pick(editor_client, "leaders", q="amara"))) == 20
    assert len(labels(pick(editor_client, "leaders", q="a"))) == 20


def test_countries_by_code_then_name(editor_client, world):
    CountryFactory(code="FO", name="Faroe Islands")
    found = labels(pick(editor_client, "countries", q="fr"))
    assert found[0] == "France (FR)"
    assert labels(pick(editor_client, "countries", q="germ"))[0] == "Germany (DE)"
    assert "(US)" in " ".join(labels(pick(editor_client, "countries", q="united states")))
    assert len(labels(pick(editor_client, "countries", q="a"))) == 20
    assert labels(pick(editor_client, "countries", q="")) == []


def test_meetings_by_place_person_and_number_and_among_given_leaders(editor_client, world):
    kanazawa, bled = world["kanazawa"], world["bled"]
    assert labels(pick(editor_client, "meetings", q="kanaz")) == [
        f"#{kanazawa.pk} State visit, 17 Oct 2023, Kanazawa — Claire Dubois, Kenji Sato"
    ]
    by_person = pick(editor_client, "meetings", q="dalton").json()["results"]
    assert {r["id"] for r in by_person} == {bled.pk, world["call"].pk}
    rejected = world["rejected"]
    assert rejected.pk not in [
        r["id"] for r in pick(editor_client, "meetings", q="dubois").json()["results"]
    ]
    among = pick(editor_client, "meetings", q="", leaders=f"{world['becker'].pk}").json()
    assert {r["id"] for r in among["results"]} == {
        world["paris"].pk,
        bled.pk,
        world["berlin"].pk,
    }
    assert labels(pick(editor_client, "meetings", q=str(bled.pk)))[0].startswith(f"#{bled.pk} ")


def test_suggestions_are_escaped(editor_client, world):
    LeaderFactory(name='Zed <script>alert("x")</script> & Co', country=world["france"])
    response = pick(editor_client, "leaders", q="zed")
    body = response.content.decode()
    assert "<script>" not in body and "&" not in body
    assert json.loads(body)["results"][0]["label"].startswith('Zed <script>alert("x")')


@pytest.mark.parametrize(
    "kind, params",
    [
        ("leaders", {"q": "x" * 101}),
        ("leaders", {"q": "a\x00b"}),
        ("countries", {"q": "y" * 500}),
        ("meetings", {"q": "", "leaders": "1,abc"}),
        ("meetings", {"q": "x", "leaders": "9" * 40}),
    ],
)
def test_bad_input_is_refused_not_a_crash(editor_client, world, kind, params):
    response = pick(editor_client, kind, **params)
    assert response.status_code == 400
    if "\x00" not in params["q"]:  # refused before the view, as every page refuses it
        assert "error" in response.json()


def test_an_unknown_kind_is_not_found(editor_client):
    assert pick(editor_client, "articles", q="x").status_code == 404


# ---- the forms without JavaScript -------------------------------------------------------


def test_meeting_edit_takes_names_codes_and_numbers_typed(editor_client, world):
    meeting = world["kanazawa"]
    response = editor_client.post(
        reverse("meeting-edit", args=[meeting.pk]),
        {
            "kind": "state_visit",
            "date": "2023-10-17",
            "place": "Kanazawa",
            "host_country": "de",
            "participants": f"claire dubois\nJonas Becker (Germany)\n#{world['dalton'].pk}",
            "topics": "trade, security",
        },
    )
    assert response.status_code == 302, response.content.decode()
    meeting.refresh_from_db()
    assert meeting.host_country.code == "DE"
    assert set(meeting.participants.values_list("name", flat=True)) == {
        "Claire Dubois",
        "Jonas Becker",
        "Mark Dalton",
    }
    assert set(meeting.edited_fields) == {"host_country", "participants"}


def test_unknown_and_ambiguous_names_get_a_clear_error(editor_client, world):
    first = LeaderFactory(name="Ana Silva", country=world["france"])
    second = LeaderFactory(name="Ana Silva", country=world["japan"])
    meeting = world["kanazawa"]
    response = editor_client.post(
        reverse("meeting-edit", args=[meeting.pk]),
        {
            "kind": "talks",
            "participants": "Ana Silva\nNobody Atall\n#999999",
            "host_country": "Atlantis",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "“Ana Silva” could be any of" in page
    assert f"Ana Silva (France) #{first.pk}" in page and f"Ana Silva (Japan) #{second.pk}" in page
    assert "No leader answers to “Nobody Atall”" in page
    assert "No leader has the number #999999" in page
    assert "No country answers to “Atlantis”" in page
    # What was typed is shown again, to correct.
    assert "Nobody Atall" in page
    meeting.refresh_from_db()
    assert meeting.kind == "state_visit" and meeting.review_state == ReviewState.EXTRACTED
    # The label with its number settles which one.
    response = editor_client.post(
        reverse("meeting-edit", args=[meeting.pk]),
        {"kind": "state_visit", "participants": f"Ana Silva (Japan) #{second.pk}\nKenji Sato"},
    )
    assert response.status_code == 302
    assert set(meeting.participants.all()) == {second, world["sato"]}


def test_the_edit_form_shows_the_chosen_records_and_reads_them_back(editor_client, world):
    gift = world["pen"]
    url = reverse("gift-edit", args=[gift.pk])
    page = editor_client.get(url).content.decode()
    values = dict(re.findall(r'<input type="text" name="(\w+)" value="([^"]*)"', page))
    assert values["giver"] == f"Kenji Sato (Japan) #{world['sato'].pk}"
    assert values["meeting"].startswith(f"#{world['kanazawa'].pk} State visit")
    assert 'data-picker-near="giver recipient"' in page
    # Posting the page back as it came changes nothing.
    form = {**values, "date": gift.date.isoformat() if gift.date else ""}
    response = editor_client.post(url, form, follow=True)
    assert "Nothing changed" in response.content.decode()

    agreement = world["roadmap"]
    page = editor_client.get(reverse("agreement-edit", args=[agreement.pk])).content.decode()
    parties = re.search(r'<textarea name="country_parties"[^>]*>\n(.*?)</textarea>', page, re.S)
    assert parties.group(1).splitlines() == ["France (FR)", "Japan (JP)"]


def test_the_gift_form_refuses_a_giver_who_is_the_recipient(editor_client, world):
    gift = world["pen"]
    response = editor_client.post(
        reverse("gift-edit", args=[gift.pk]),
        {"giver": "Kenji Sato", "recipient": f"#{world['sato'].pk}", "item": "pen"},
    )
    assert response.status_code == 400
    assert "Giver and recipient must differ" in response.content.decode()


def test_a_required_picker_left_empty_says_so(editor_client, world):
    meeting = world["kanazawa"]
    response = editor_client.post(
        reverse("meeting-edit", args=[meeting.pk]), {"kind": "talks", "participants": ""}
    )
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


def test_a_term_takes_a_country_name(editor_client, world):
    url = reverse("office-add", args=[world["dubois"].pk])
    form = {"country": "france", "kind": "foreign_minister", "title": "Foreign Minister",
            "start": "2001-01-01"}  # fmt: skip
    assert editor_client.post(url, form).status_code == 302
    assert world["dubois"].offices.get().country.code == "FR"


def test_a_duplicate_can_be_typed_on_the_merge_page(editor_client, world):
    keep = world["dubois"]
    twin = LeaderFactory(name="Clara Duboa", country=world["france"])
    url = reverse("leader-merge", args=[keep.pk])
    asked = editor_client.post(url, {"merge": "Clara Duboa"})
    assert f"Yes, merge #{twin.pk} into this leader" in asked.content.decode()
    refused = editor_client.post(url, {"merge": "Nobody Atall"})
    assert refused.status_code == 400
    assert "No leader answers to “Nobody Atall”" in refused.content.decode()
    assert Leader.objects.get(pk=twin.pk).merged_into is None


# ---- bounded pages ----------------------------------------------------------------------


def edit_page(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), len(response.content)


@pytest.mark.parametrize("name", ["meeting-edit", "gift-edit", "agreement-edit"])
def test_edit_pages_do_not_grow_with_leaders_and_countries(editor_client, world, name):
    fact = {"meeting-edit": "kanazawa", "gift-edit": "pen", "agreement-edit": "roadmap"}[name]
    url = reverse(name, args=[world[fact].pk])
    queries, size = edit_page(editor_client, url)
    for n in range(120):
        LeaderFactory(name=f"Extra Person{n}", country=CountryFactory())
    for _ in range(10):
        MeetingFactory(participants=[world["sato"], world["dubois"]])
    assert Leader.objects.count() > 120 and Meeting.objects.count() > 15
    more_queries, more_size = edit_page(editor_client, url)
    assert more_queries == queries
    assert abs(more_size - size) < 200  # the same page, give or take a token
    page = editor_client.get(url).content.decode()
    assert "Extra Person" not in page
    assert page.count("<option") < 30  # only the kind and status lists


def test_the_date_box_shows_the_date_as_a_date_input_reads_it(editor_client, world):
    page = editor_client.get(reverse("meeting-edit", args=[world["kanazawa"].pk])).content
    assert b'type="date" name="date" value="2023-10-17"' in page
