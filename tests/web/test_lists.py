"""The leaders, countries, gifts, agreements and articles lists as tools (issue 15):
search, each filter, sortable headers, pages that keep the filters, and bad input."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    OfficeFactory,
)

pytestmark = pytest.mark.django_db


def shown(client, name, attr, **query):
    response = client.get(reverse(f"{name}-list"), query)
    assert response.status_code == 200
    return [getattr(row, attr) for row in response.context["object_list"]]


# ---- leaders --------------------------------------------------------------------------------


def test_leaders_search_by_part_of_a_name_or_an_alias(client, world):
    assert shown(client, "leader", "name", q="sat") == ["Kenji Sato"]
    assert shown(client, "leader", "name", q="dubois") == ["Claire Dubois"]
    assert shown(client, "leader", "name", q="nobody-like-this") == []


def test_leaders_by_country_office_and_active_dates(client, world):
    assert shown(client, "leader", "name", country="de") == ["Jonas Becker"]
    OfficeFactory(
        leader=world["dalton"], kind="head_of_state", start=dt.date(2001, 1, 1),
        end=dt.date(2004, 12, 31),
    )  # fmt: skip
    OfficeFactory(leader=world["sato"], kind="head_of_government", start=dt.date(2019, 5, 1))
    assert shown(client, "leader", "name", office="head_of_state") == ["Mark Dalton"]
    # In office in the range, or at a meeting then (Becker met Dubois in Berlin, 2019).
    active = shown(client, "leader", "name", **{"from": "2003-01-01", "to": "2003-02-01"})
    assert active == ["Mark Dalton"]
    active = shown(client, "leader", "name", **{"from": "2019-09-01", "to": "2019-09-30"})
    assert active == ["Claire Dubois", "Jonas Becker", "Kenji Sato"]
    # With an office kind, the same term must be of that kind and in the range.
    query = {"office": "head_of_government", "from": "2003-01-01", "to": "2003-12-31"}
    assert shown(client, "leader", "name", **query) == []


def test_leaders_review_state_shows_rejected_only_when_asked(client, world):
    world["dalton"].review_state = "rejected"
    world["dalton"].save()
    assert "Mark Dalton" not in shown(client, "leader", "name")
    assert shown(client, "leader", "name", review="rejected") == ["Mark Dalton"]


def test_leaders_sort_by_meetings_and_country(client, world):
    names = shown(client, "leader", "name", sort="-meetings")
    assert names[0] == "Claire Dubois"  # five visible meetings
    assert shown(client, "leader", "name", sort="-country") == [
        "Mark Dalton", "Kenji Sato", "Jonas Becker", "Claire Dubois",
    ]  # fmt: skip


# ---- countries ------------------------------------------------------------------------------


def test_countries_search_meetings_flag_all_and_sort(client, world):
    CountryFactory(code="XN", name="Nowhere Land")
    assert "Nowhere Land" not in shown(client, "country", "name")
    assert shown(client, "country", "name", q="nowhere", all="1") == ["Nowhere Land"]
    assert shown(client, "country", "code", q="jp") == ["JP"]
    lonely = CountryFactory(code="XL", name="Lonely Land")
    LeaderFactory(country=lonely)
    assert "Lonely Land" in shown(client, "country", "name")
    assert "Lonely Land" not in shown(client, "country", "name", meetings="1")
    hosted = shown(client, "country", "name", sort="-hosted")
    assert hosted[:3] == ["France", "Germany", "Japan"]


def test_countries_by_region(client, world):
    # The world's countries: France and Germany (Europe), Japan (Asia), the United States.
    assert shown(client, "country", "code", region="Europe") == ["FR", "DE"]
    assert shown(client, "country", "code", region="asia") == ["JP"]
    assert shown(client, "country", "code", region="Americas", q="united") == ["US"]
    response = client.get(reverse("country-list"), {"region": "Atlantis"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ignored the region “Atlantis”" in html
    assert '<option value="Oceania">' in html
    assert (
        "<td>Europe</td>" in client.get(reverse("country-list"), {"q": "france"}).content.decode()
    )
    assert len(response.context["object_list"]) == len(shown(client, "country", "code"))


# ---- gifts ----------------------------------------------------------------------------------


def test_gifts_search_country_leader_dates_review_and_article(client, world):
    assert shown(client, "gift", "item", q="porcelain") == ["porcelain plate"]
    assert shown(client, "gift", "item", q="becker") == ["porcelain plate"]  # the giver
    assert shown(client, "gift", "item", country="JP") == ["lacquered fountain pen"]
    assert shown(client, "gift", "item", leader=world["becker"].pk) == ["porcelain plate"]
    meeting = MeetingFactory(date=dt.date(2015, 6, 1))
    GiftFactory(item="old atlas", date=dt.date(2015, 6, 1), meeting=meeting)
    GiftFactory(item="cut glass", date=dt.date(2016, 1, 1), review_state="rejected")
    assert shown(client, "gift", "item", **{"from": "2015-01-01", "to": "2015-12-31"}) == [
        "old atlas"
    ]
    assert "cut glass" not in shown(client, "gift", "item")
    assert shown(client, "gift", "item", review="rejected") == ["cut glass"]
    article = world["article"]
    assert shown(client, "gift", "item", article=article.pk) == ["lacquered fountain pen"]


def test_gifts_country_and_leader_as_giver_or_recipient(client, world):
    dubois = world["dubois"].pk
    assert shown(client, "gift", "item", leader=dubois, side="giver") == []
    assert len(shown(client, "gift", "item", leader=dubois, side="recipient")) == 2
    assert shown(client, "gift", "item", country="JP", side="giver") == ["lacquered fountain pen"]
    assert shown(client, "gift", "item", country="JP", side="recipient") == []
    html = client.get(reverse("gift-list"), {"country": "DE", "side": "giver"}).content.decode()
    assert "1 gift involving Germany, as giver" in html


def test_gifts_show_their_meeting_and_date(client, world):
    GiftFactory(item="old atlas", date=dt.date(2015, 6, 1), meeting=world["paris"])
    html = client.get(reverse("gift-list"), {"q": "atlas"}).content.decode()
    assert 'datetime="2015-06-01"' in html
    assert f'href="{world["paris"].get_absolute_url()}"' in html and "Talks, Paris" in html


def test_gifts_sort_by_each_header(client, world):
    assert shown(client, "gift", "item", sort="item") == [
        "lacquered fountain pen",
        "porcelain plate",
    ]
    assert shown(client, "gift", "item", sort="-item") == [
        "porcelain plate",
        "lacquered fountain pen",
    ]
    assert shown(client, "gift", "item", sort="giver") == [
        "porcelain plate",
        "lacquered fountain pen",
    ]
    assert shown(client, "gift", "item", sort="recipient")[0] in {
        "porcelain plate",
        "lacquered fountain pen",
    }


# ---- agreements -----------------------------------------------------------------------------


def test_agreements_every_filter(client, world):
    summaries = ["Roadmap on hydrogen cooperation", "Climate pledge"]
    assert shown(client, "agreement", "summary", q="hydrogen") == summaries[:1]
    assert shown(client, "agreement", "summary", q="bled") == summaries[1:]  # the place
    AgreementFactory(summary="Treaty of friendship", kind="treaty", status="proposed",
                     date=dt.date(2012, 4, 4))  # fmt: skip
    assert shown(client, "agreement", "summary", kind="treaty") == ["Treaty of friendship"]
    assert shown(client, "agreement", "summary", status="proposed") == ["Treaty of friendship"]
    # Undated, so newest record first.
    assert shown(client, "agreement", "summary", country="FR") == summaries[::-1]
    assert shown(client, "agreement", "summary", country="US") == summaries[1:]
    assert shown(client, "agreement", "summary", leader=world["sato"].pk) == summaries[:1]
    dated = shown(client, "agreement", "summary", **{"from": "2012-01-01", "to": "2012-12-31"})
    assert dated == ["Treaty of friendship"]
    assert shown(client, "agreement", "summary", article=world["article"].pk) == summaries[:1]
    AgreementFactory(summary="Withdrawn accord", review_state="rejected")
    assert "Withdrawn accord" not in shown(client, "agreement", "summary")
    assert shown(client, "agreement", "summary", review="rejected") == ["Withdrawn accord"]


def test_agreements_sort_by_summary(client, world):
    assert shown(client, "agreement", "summary", sort="summary") == [
        "Climate pledge", "Roadmap on hydrogen cooperation",
    ]  # fmt: skip


# ---- articles -------------------------------------------------------------------------------


def test_articles_every_filter_and_sort(client, world):
    ArticleFactory(title="Queued piece", status="queued", source="https://news.example.net/a")
    ArticleFactory(title="Old report", published=dt.date(2001, 2, 3), source="wire.txt")
    assert shown(client, "article", "title", q="kanazawa") == ["Leaders meet in Kanazawa"]
    assert shown(client, "article", "title", status="queued") == ["Queued piece"]
    assert shown(client, "article", "title", source="example.net") == ["Queued piece"]
    dated = shown(client, "article", "title", **{"from": "2001-01-01", "to": "2001-12-31"})
    assert dated == ["Old report"]
    titles = shown(client, "article", "title", sort="title")
    assert titles == sorted(titles, key=str.lower)
    assert shown(client, "article", "title", sort="-evidence")[0] == "Leaders meet in Kanazawa"
    assert shown(client, "article", "title", sort="-published")[:2] == [
        "Leaders meet in Kanazawa", "Old report",
    ]  # fmt: skip


# ---- headers, pages, bad input --------------------------------------------------------------


def test_headers_are_links_with_aria_sort_on_the_sorted_column(client, world):
    html = client.get(reverse("gift-list"), {"country": "JP", "sort": "item"}).content.decode()
    assert '<th scope="col" aria-sort="ascending"><a href="?country=JP&amp;sort=-item"' in html
    # Another column sorts by itself, keeping the filters (and going back to page 1).
    assert 'href="?country=JP&amp;sort=giver"' in html
    # The default sort's link leaves the sort out of the address.
    assert '<th scope="col"><a href="?country=JP" class="sort-link"' in html
    html = client.get(reverse("leader-list")).content.decode()
    assert '<th scope="col" aria-sort="ascending"><a href="?sort=-name"' in html


def test_pages_keep_the_filters(client, db):
    japan = CountryFactory(code="JP", name="Japan")
    for n in range(55):
        LeaderFactory(name=f"Kiyoshi Tanaka {n:02}", country=japan)
    response = client.get(reverse("leader-list"), {"country": "JP", "sort": "-name"})
    html = response.content.decode()
    assert response.context["paginator"].count == 55
    assert 'href="?country=JP&amp;sort=-name&amp;page=2"' in html
    second = client.get(reverse("leader-list"), {"country": "JP", "sort": "-name", "page": "2"})
    assert [leader.name for leader in second.context["object_list"]] == [
        "Kiyoshi Tanaka 04", "Kiyoshi Tanaka 03", "Kiyoshi Tanaka 02", "Kiyoshi Tanaka 01",
        "Kiyoshi Tanaka 00",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "query", "message"),
    [
        ("leader", {"office": "emperor"}, "Ignored the office “emperor”"),
        ("leader", {"from": "yesterday"}, "use the form YYYY-MM-DD"),
        ("leader", {"country": "Atlantis"}, "unknown country code"),
        ("leader", {"review": "maybe"}, "Ignored the review state “maybe”"),
        ("country", {"meetings": "lots"}, "use 1 or leave it out"),
        ("gift", {"leader": "Nobody Known"}, "no leader named “Nobody Known”"),
        ("gift", {"side": "both"}, "Ignored the country and leader as “both”"),
        ("gift", {"leader": "999999"}, "no leader has id 999999"),
        ("gift", {"article": "12345678901234567890123"}, "expected a number"),
        ("gift", {"article": "424242"}, "no article has number 424242"),
        ("agreement", {"status": "torn up"}, "Ignored the status “torn up”"),
        ("agreement", {"sort": "; DROP TABLE"}, "Ignored the sort order"),
        ("article", {"status": "lost"}, "Ignored the status “lost”"),
    ],
)
def test_bad_values_are_named_and_ignored(client, world, name, query, message):
    response = client.get(reverse(f"{name}-list"), query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters were ignored" in html
    assert message in html
    # Unfiltered, as if the value had not been given.
    assert (
        response.context["paginator"].count
        == client.get(reverse(f"{name}-list")).context["paginator"].count
    )


def test_swapped_dates_are_swapped_back_with_a_note(client, world):
    response = client.get(reverse("agreement-list"), {"from": "2024-01-01", "to": "2020-01-01"})
    assert "the two were swapped" in response.content.decode()
    assert response.context["filters"].params() == {"from": "2020-01-01", "to": "2024-01-01"}


def test_odd_input_never_fails(client, world):
    for name in ("leader", "country", "gift", "agreement", "article"):
        for query in (
            {"q": "x" * 5000},
            {"q": '"unclosed -'},
            {"page": "-3"},
            {"page": "99999"},
            {"from": "2024-02-30"},
            {"country": "ÉÉ"},
            {"sort": ""},
        ):
            assert client.get(reverse(f"{name}-list"), query).status_code == 200, (name, query)
        # A NUL byte is refused before any view runs (400), never a 500.
        assert client.get(reverse(f"{name}-list"), {"q": "\x00"}).status_code == 400


def test_the_form_shows_the_current_values(client, world):
    world["pen"].date = dt.date(2023, 10, 17)
    world["pen"].save()
    query = {"q": "pen", "country": "JP", "leader": world["sato"].pk, "to": "2030-01-02"}
    html = client.get(reverse("gift-list"), query).content.decode()
    assert 'id="f-q" name="q" value="pen"' in html
    assert '<option value="JP" selected>Japan</option>' in html
    assert f'name="leader" value="Kenji Sato (Japan) #{world["sato"].pk}"' in html
    assert 'name="to" value="2030-01-02"' in html
    assert "Clear filters" in html
    assert (
        "1 gift matching “pen”, involving Japan, given or received by Kenji Sato, to 02 Jan 2030"
        in html
    )


def test_merged_leader_filter_stands_for_its_survivor(client, world):
    twin = LeaderFactory(name="K. Sato", merged_into=world["sato"])
    assert shown(client, "gift", "item", leader=twin.pk) == ["lacquered fountain pen"]


def test_article_filter_counts_evidence_not_mentions(client, world):
    other = ArticleFactory(title="Only about a plate")
    EvidenceFactory(article=other, gift=world["plate"])
    assert shown(client, "gift", "item", article=other.pk) == ["porcelain plate"]
    assert shown(client, "agreement", "summary", article=other.pk) == []


@pytest.mark.parametrize("name", ["leader", "country", "gift", "agreement", "article"])
def test_typed_values_come_back_escaped(client, world, name):
    evil = '"><script>alert(1)</script>'
    html = client.get(reverse(f"{name}-list"), {"q": evil, "source": evil}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
