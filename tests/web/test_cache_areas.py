"""A write makes cold exactly the cached pages that show what it changed (kb.changes
areas), and those pages show the change at once: an article's status leaves the leaders
list cached, a new meeting leaves the gifts list cached, a leader's new name reaches
every list that names them."""

import pytest
from django.urls import reverse

from ingest.extract.types import Evidence as ExtractedEvidence
from ingest.extract.types import Extraction, LeaderMention, MeetingCandidate, Span
from kb import changes
from kb.models import Article, ArticleStatus, Leader, Meeting, ReviewState
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    editor,
)

pytestmark = pytest.mark.django_db


class ComputeSpy:
    """The real cache, noting each cached result that was computed (stored)."""

    def __init__(self, real):
        self.real, self.computed = real, []

    def __getattr__(self, name):
        return getattr(self.real, name)

    def set(self, key, *args, **kwargs):
        if key.startswith("kb:cached:"):
            self.computed.append(key)
        return self.real.set(key, *args, **kwargs)


@pytest.fixture
def world():
    home = CountryFactory(code="QN", name="Qnorway")
    a = LeaderFactory(name="Astrid Qvale", country=home)
    b = LeaderFactory(name="Bruno Qosta", country=CountryFactory(code="QC", name="Qchile"))
    meeting = MeetingFactory(participants=[a, b], place="Qtown", host_country=home)
    GiftFactory(giver=a, recipient=b, meeting=meeting, item="silver bowl")
    agreement = AgreementFactory(meeting=meeting)
    agreement.leader_parties.set([a, b])
    ArticleFactory()
    return {"home": home, "a": a, "b": b, "meeting": meeting}


def pages(world) -> dict[str, str]:
    return {
        "home": "/",
        "leaders": reverse("leader-list"),
        "countries": reverse("country-list"),
        "gifts": reverse("gift-list"),
        "agreements": reverse("agreement-list"),
        "articles": reverse("article-list"),
        "network": reverse("network"),
        "search": reverse("meeting-list") + "?q=Qtown",
        "leader": reverse("leader-detail", args=[world["a"].pk]),
        "country": reverse("country-detail", args=["QN"]),
        "api-meetings": "/api/meetings/",
        "charts": reverse("charts"),
        "meetings": reverse("meeting-list"),
        "timeline": reverse("timeline"),
    }


@pytest.fixture
def cold_after(client, world, monkeypatch):
    """``cold_after(write)``: the pages that computed a cached result again after it."""
    return _cold_after(client, monkeypatch, pages(world))


def _cold_after(client, monkeypatch, urls: dict[str, str]):
    spy = ComputeSpy(changes.cache)
    monkeypatch.setattr(changes, "cache", spy)

    def visit() -> set[str]:
        cold = set()
        for name, url in urls.items():
            spy.computed.clear()
            assert client.get(url).status_code == 200, url
            if spy.computed:
                cold.add(name)
        return cold

    assert visit() == set(urls)  # all computed once
    assert visit() == set()  # then all kept

    def after(write) -> set[str]:
        write()
        return visit()

    return after


EVERYTHING = {"home", "leaders", "countries", "gifts", "agreements", "articles", "network",
              "search", "leader", "country", "api-meetings", "charts", "meetings",
              "timeline"}  # fmt: skip


def test_an_articles_status_colds_only_what_shows_articles(cold_after):
    pk = Article.objects.get().pk
    write = lambda: Article.objects.filter(pk=pk).update(status=ArticleStatus.FAILED)  # noqa: E731
    # The home page counts articles. A search reads source articles' words, and the
    # meetings' rows (page and API) count their sources: evidence rows, which an
    # article's status does not change (an upload's queued, processing and done).
    assert cold_after(write) == {"home", "articles"}


@pytest.fixture
def searches_cold_after(client, world, monkeypatch):
    """``cold_after`` over the searches alone: the meetings page's and the API's (whose
    count of matches is kept), of a word in the source article of the world's meeting."""
    EvidenceFactory(article=ArticleFactory(title="Qharbour talks"), meeting=world["meeting"])
    urls = {
        "search": reverse("meeting-list") + "?q=Qharbour",
        "api-search": "/api/meetings/?search=Qharbour",
    }
    return _cold_after(client, monkeypatch, urls)


def test_an_upload_status_keeps_the_searches_and_a_meeting_edit_clears_them(
    searches_cold_after, world
):
    article = Article.objects.get(title="Qharbour talks")
    for status in (ArticleStatus.QUEUED, ArticleStatus.PROCESSING, ArticleStatus.DONE):
        assert (
            searches_cold_after(
                lambda status=status: Article.objects.filter(pk=article.pk).update(status=status)
            )
            == set()
        )
    article.status = ArticleStatus.FAILED
    assert searches_cold_after(lambda: article.save(update_fields=["status"])) == set()

    meeting = world["meeting"]
    meeting.place = "Qport"
    assert searches_cold_after(meeting.save) == {"search", "api-search"}


def test_a_source_articles_words_edited_clear_the_searches(searches_cold_after, client, world):
    article = Article.objects.get(title="Qharbour talks")
    link = world["meeting"].get_absolute_url()
    assert link in client.get(reverse("meeting-list") + "?q=Qharbour").content.decode()
    rename = lambda: Article.objects.filter(pk=article.pk).update(title="Qcove talks")  # noqa: E731
    assert searches_cold_after(rename) == {"search", "api-search"}
    assert link not in client.get(reverse("meeting-list") + "?q=Qharbour").content.decode()
    assert client.get("/api/meetings/?search=Qharbour").json()["count"] == 0

    article.refresh_from_db()
    article.text = article.text + " Qharbour again."
    assert searches_cold_after(lambda: article.save(update_fields=["text"])) == {
        "search",
        "api-search",
    }
    assert client.get("/api/meetings/?search=Qharbour").json()["count"] == 1


@pytest.fixture
def sourced(world):
    """The world's meeting with a source: an article's evidence for it."""
    return EvidenceFactory(article=ArticleFactory(), meeting=world["meeting"]).article


#: What shows a meeting's sources or an article's evidence (a search reads their words).
SHOWS_EVIDENCE = {"home", "articles", "search", "meetings", "api-meetings"}


@pytest.fixture
def confirmed(world):
    """The world's people and meeting confirmed by an editor (before the pages are
    visited), so extraction never saves them again: only their evidence changes."""
    Leader.objects.update(review_state=ReviewState.CONFIRMED)
    Meeting.objects.update(review_state=ReviewState.CONFIRMED)
    return world


def test_a_new_source_for_a_meeting_colds_its_rows(confirmed, cold_after):
    """Through extraction: an article about a meeting an editor confirmed adds evidence
    to it and changes no fact."""
    from ingest.record import article_facts_replace

    meeting = confirmed["meeting"]
    names = ("Astrid Qvale", "Bruno Qosta")
    found = Extraction(
        published=meeting.date,
        leaders=tuple(LeaderMention(name, "", "", ()) for name in names),
        meetings=(
            MeetingCandidate(names, meeting.kind, "QN", "Qtown", meeting.date, (), (
                ExtractedEvidence(Span(0, 10, "Astrid met Bruno.", 0), 0.9, "test-rule"),
            )),
        ),
    )  # fmt: skip

    def write():
        article_facts_replace(article=Article.objects.get(), extraction=found)

    cold = cold_after(write)
    assert meeting.evidence.count() == 1
    assert {"meetings", "api-meetings"} <= cold


def test_deleting_an_article_with_evidence_colds_what_shows_evidence(sourced, cold_after):
    # As the admin does: the cascade to its evidence sends no signal of its own.
    assert cold_after(sourced.delete) == SHOWS_EVIDENCE


def test_a_new_meeting_leaves_the_gifts_agreements_and_articles_lists_cached(cold_after, world):
    write = lambda: MeetingFactory(participants=[world["a"], world["b"]])  # noqa: E731
    assert cold_after(write) == EVERYTHING - {"gifts", "agreements", "articles"}


def test_a_new_gift_colds_the_gifts_and_what_counts_them(cold_after, world):
    write = lambda: GiftFactory(giver=world["b"], recipient=world["a"])  # noqa: E731
    # The meetings' rows count their gifts.
    assert cold_after(write) == {"home", "gifts", "search", "leader", "meetings", "api-meetings"}


def test_a_new_agreement_colds_the_agreements_and_what_counts_them(cold_after, world):
    def write():
        AgreementFactory().leader_parties.set([world["a"]])

    assert cold_after(write) == {
        "home", "agreements", "search", "leader", "meetings", "api-meetings"
    }  # fmt: skip


def test_a_new_leader_colds_the_lists_of_leaders_only(cold_after, world):
    write = lambda: LeaderFactory(country=world["home"])  # noqa: E731
    # The network, the lists of leaders and the countries' counts. (The gifts' and
    # agreements' forms pick a leader rather than list them, and their country options
    # were computed again on the countries list, visited first; the meetings list, a
    # search of it and the timeline share the network's form, computed again when the
    # network was visited first; a search reads participants' names, and a new leader
    # takes part in no meeting yet.)
    assert cold_after(write) == EVERYTHING - {"articles", "leader", "country", "api-meetings",
                                              "charts", "meetings", "timeline", "search",
                                              "gifts", "agreements"}  # fmt: skip


def test_a_leaders_new_name_colds_every_page_naming_them(cold_after, world):
    leader = world["a"]
    leader.name = "Astrid Renamed"
    assert cold_after(leader.save) == EVERYTHING - {"articles"}


def test_a_meetings_new_place_colds_its_gifts_and_agreements_rows(cold_after, world):
    meeting = world["meeting"]
    meeting.place = "Qharbour"
    assert cold_after(meeting.save) == EVERYTHING - {"articles"}


def shown(client, name: str) -> str:
    return client.get(reverse(name)).content.decode()


def test_a_leaders_new_name_shows_at_once_on_gifts_and_the_network(client, world):
    assert "Astrid Qvale" in shown(client, "gift-list")
    assert "Astrid Qvale" in shown(client, "network")
    world["a"].name = "Astrid Renamed"
    world["a"].save()
    assert "Astrid Renamed" in shown(client, "gift-list")
    assert "Astrid Renamed" in shown(client, "network")


def test_a_meetings_new_place_shows_at_once_on_its_gifts(client, world):
    assert "Qtown" in shown(client, "gift-list")
    world["meeting"].place = "Qharbour"
    world["meeting"].save()
    assert "Qharbour" in shown(client, "gift-list")


def test_a_new_gift_agreement_and_source_show_at_once_in_the_meetings_rows(client, world):
    """The meetings page's table and the API's pages are kept whole; each count their
    rows show moves with its own writes."""

    def counts() -> tuple[list[str], dict]:
        html = shown(client, "meeting-list")
        cells = html.split("<tbody>")[1].split('class="num">')[1:]
        row = client.get("/api/meetings/").json()["results"][0]
        return [c.split("<")[0] for c in cells], row

    def gift():
        GiftFactory(giver=world["b"], recipient=world["a"], meeting=world["meeting"])

    def agreement():
        AgreementFactory(meeting=world["meeting"]).leader_parties.set([world["a"]])

    def source():
        EvidenceFactory(article=Article.objects.get(), meeting=world["meeting"])
        changes.kb_changed(changes.EVIDENCE)  # as every writer of evidence does (no signal)

    cells, row = counts()
    assert cells == ["1", "1", "0"]  # gifts, agreements, sources
    assert (len(row["gifts"]), len(row["agreements"]), row["source_count"]) == (1, 1, 0)
    for write, expected in ((source, (1, 1, 1)), (gift, (2, 1, 1)), (agreement, (2, 2, 1))):
        write()
        cells, row = counts()
        assert cells == [str(n) for n in expected], write.__name__
        assert (len(row["gifts"]), len(row["agreements"]), row["source_count"]) == expected


def test_a_countrys_new_name_shows_at_once_on_the_leaders_list(client, world):
    assert "Qnorway" in shown(client, "leader-list")
    world["home"].name = "Qnewland"
    world["home"].save()
    assert "Qnewland" in shown(client, "leader-list")


# ---- stale while revalidate, and who reads fresh -----------------------------------------


@pytest.fixture
def stale_window(settings, monkeypatch):
    settings.KB_STALE_SECONDS = 5
    now = [1_000_000.0]
    monkeypatch.setattr(changes, "_now", lambda: now[0])
    return now


def leaders_listed(client) -> list[tuple[str, int]]:
    context = client.get(reverse("leader-list") + "?sort=-meetings").context
    return [(x.name, x.meeting_count) for x in context["leaders"]]


def test_readers_get_the_previous_page_for_a_few_seconds_editors_get_theirs(
    client, world, stale_window
):
    before = leaders_listed(client)
    MeetingFactory(participants=[world["a"], world["b"]])
    assert leaders_listed(client) == before  # a reader, within the window: as it was

    editor_client = client_class_logged_in(editor("cache-editor"))
    after = leaders_listed(editor_client)
    assert after != before and ("Astrid Qvale", 2) in after

    stale_window[0] += 6  # past the window (the editor's read stored the new page)
    assert leaders_listed(client) == after


def test_an_api_token_editor_reads_fresh_counts(client, world, stale_window):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=editor("api-cache-editor")).key

    def count(**headers) -> int:
        return client.get("/api/meetings/", **headers).json()["count"]

    as_editor = {"HTTP_AUTHORIZATION": f"Token {token}"}
    assert count() == count(**as_editor) == 1  # each kept
    MeetingFactory(participants=[world["a"], world["b"]])
    assert count() == 1  # anonymous, within the window: stale
    assert count(**as_editor) == 2


def client_class_logged_in(user):
    from django.test import Client

    other = Client()
    other.force_login(user)
    return other


def test_a_fact_added_by_hand_colds_the_articles_evidence_counts(cold_after, world):
    from kb.models import Gift
    from kb.services.facts import fact_create_manual

    article, user = Article.objects.get(), editor("manual-editor")

    def write():
        fact_create_manual(
            model=Gift,
            user=user,
            article=article,
            sentence_start=0,
            sentence_end=10,
            giver=world["a"],
            recipient=world["b"],
            item="clay jug",
        )

    # The articles list counts each article's evidence (its status is as it was); the
    # others show or count gifts.
    assert cold_after(write) == {"home", "articles", "gifts", "search", "leader", "meetings",
                                 "api-meetings"}  # fmt: skip
