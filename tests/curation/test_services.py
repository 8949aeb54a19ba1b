"""kb.curation: corrections, review decisions, facts added by hand, merges and undo,
history and revert."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kb import curation
from kb.models import (
    Agreement,
    Article,
    Evidence,
    Gift,
    Leader,
    Meeting,
    MergeRecord,
    ReviewState,
)
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

#: A country code no country has (the factories make codes of two letters: even "XX").
NO_SUCH_COUNTRY = "X9"


# ---- fact_update ------------------------------------------------------------------------


def test_meeting_update_corrects_fields_and_records_who(editor_user):
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    host = CountryFactory(code="NO", name="Norway")
    meeting = MeetingFactory(participants=[a, b], kind="talks")

    curation.fact_update(
        fact=meeting,
        user=editor_user,
        changes={
            "kind": "summit",
            "date": "2025-01-07",
            "place": "Oslo",
            "host_country": "no",
            "participants": [a, c],
            "topics": "fisheries, energy ,",
        },
    )

    meeting.refresh_from_db()
    assert meeting.kind == "summit"
    assert meeting.date == dt.date(2025, 1, 7)
    assert meeting.place == "Oslo"
    assert meeting.host_country == host
    assert set(meeting.participants.all()) == {a, c}
    assert meeting.topics == ["fisheries", "energy"]
    assert meeting.review_state == ReviewState.CORRECTED
    assert set(meeting.edited_fields) == {
        "kind",
        "date",
        "place",
        "host_country",
        "participants",
        "topics",
    }
    latest = meeting.history.first()
    assert latest.history_user == editor_user
    assert latest.history_change_reason.startswith("Corrected")
    # One change, one historical row (the many-to-many change folded in).
    assert meeting.history.count() == 3  # created, participants set, corrected
    assert sorted(latest.participants.values_list("leader_id", flat=True)) == sorted([a.pk, c.pk])


def test_update_records_only_changed_fields(editor_user):
    meeting = MeetingFactory(participants=[LeaderFactory()], place="Oslo", kind="talks")
    curation.fact_update(fact=meeting, user=editor_user, changes={"place": "Oslo", "kind": "visit"})
    meeting.refresh_from_db()
    assert meeting.edited_fields == ["kind"]


def test_update_without_change_saves_nothing(editor_user):
    meeting = MeetingFactory(participants=[LeaderFactory()], place="Oslo")
    before = meeting.history.count()
    curation.fact_update(fact=meeting, user=editor_user, changes={"place": "Oslo"})
    meeting.refresh_from_db()
    assert meeting.review_state == ReviewState.EXTRACTED
    assert meeting.history.count() == before


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"kind": "picnic"}, "kind"),
        ({"date": "7 January"}, "date"),
        ({"host_country": NO_SUCH_COUNTRY}, "host_country"),
        ({"participants": []}, "participants"),
        ({"participants": [999999]}, "participants"),
        ({"colour": "red"}, "colour"),
        ({"review_state": "confirmed"}, "review_state"),
    ],
)
def test_invalid_meeting_changes_are_refused_and_nothing_saved(editor_user, changes, field):
    meeting = MeetingFactory(participants=[LeaderFactory()], kind="talks")
    before = meeting.history.count()
    with pytest.raises(ValidationError) as excinfo:
        curation.fact_update(fact=meeting, user=editor_user, changes=changes)
    assert field in excinfo.value.message_dict
    meeting.refresh_from_db()
    assert meeting.kind == "talks"
    assert meeting.review_state == ReviewState.EXTRACTED
    assert meeting.participants.count() == 1
    assert meeting.history.count() == before


def test_gift_update_and_swap(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b])
    gift = GiftFactory(giver=a, recipient=b, item="jug")
    curation.fact_update(
        fact=gift,
        user=editor_user,
        changes={"item": "clay jug", "date": dt.date(2025, 1, 7), "meeting": meeting.pk},
    )
    curation.gift_swap_direction(gift=gift, user=editor_user)
    gift.refresh_from_db()
    assert (gift.giver, gift.recipient, gift.item, gift.meeting) == (b, a, "clay jug", meeting)
    assert set(gift.edited_fields) == {"item", "date", "meeting", "giver", "recipient"}
    assert gift.history.first().history_change_reason == "Swapped giver and recipient"


def test_gift_giver_and_recipient_must_differ(editor_user):
    gift = GiftFactory()
    with pytest.raises(ValidationError) as excinfo:
        curation.fact_update(fact=gift, user=editor_user, changes={"recipient": gift.giver})
    assert "recipient" in excinfo.value.message_dict


def test_agreement_update(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    fr = CountryFactory(code="FR", name="France")
    agreement = AgreementFactory(leader_parties=[a], kind="mou", status="proposed")
    curation.fact_update(
        fact=agreement,
        user=editor_user,
        changes={
            "kind": "treaty",
            "status": "signed",
            "summary": "Treaty of friendship",
            "date": "2025-02-01",
            "leader_parties": [a.pk, b.pk],
            "country_parties": ["FR"],
        },
    )
    agreement.refresh_from_db()
    assert (agreement.kind, agreement.status) == ("treaty", "signed")
    assert set(agreement.leader_parties.all()) == {a, b}
    assert list(agreement.country_parties.all()) == [fr]
    assert agreement.review_state == ReviewState.CORRECTED

    with pytest.raises(ValidationError):
        curation.fact_update(
            fact=agreement,
            user=editor_user,
            changes={"leader_parties": [], "country_parties": []},
        )


def test_correcting_a_rejected_fact_keeps_it_rejected(editor_user):
    gift = GiftFactory(review_state=ReviewState.REJECTED)
    curation.fact_update(fact=gift, user=editor_user, changes={"item": "vase"})
    gift.refresh_from_db()
    assert (gift.item, gift.review_state) == ("vase", ReviewState.REJECTED)


# ---- confirm / reject -----------------------------------------------------------------


@pytest.mark.parametrize("factory", [MeetingFactory, GiftFactory, AgreementFactory])
def test_confirm_and_reject(editor_user, factory):
    fact = factory()
    curation.fact_confirm(fact=fact, user=editor_user)
    fact.refresh_from_db()
    assert fact.review_state == ReviewState.CONFIRMED
    assert fact.history.first().history_user == editor_user

    curation.fact_reject(fact=fact, user=editor_user)
    fact.refresh_from_db()
    assert fact.review_state == ReviewState.REJECTED
    assert not type(fact).objects.visible().filter(pk=fact.pk).exists()
    assert type(fact).objects.filter(pk=fact.pk).exists()  # kept


def test_confirming_twice_records_one_change(editor_user):
    gift = GiftFactory()
    curation.fact_confirm(fact=gift, user=editor_user)
    count = gift.history.count()
    curation.fact_confirm(fact=gift, user=editor_user)
    assert gift.history.count() == count


# ---- manual facts --------------------------------------------------------------------


def test_fact_create_manual_adds_a_confirmed_fact_with_manual_evidence(editor_user):
    text = "Intro line. Lima met Berg in Oslo. Outro."
    article = ArticleFactory(text=text)
    a, b = LeaderFactory(name="Ana Lima"), LeaderFactory(name="Tomas Berg")
    start = text.index("Lima met")
    end = text.index("Outro") - 1

    meeting = curation.fact_create_manual(
        model=Meeting,
        user=editor_user,
        article=article,
        sentence_start=start,
        sentence_end=end,
        kind="talks",
        participants=[a, b],
        place="Oslo",
    )

    assert meeting.review_state == ReviewState.CONFIRMED
    assert meeting.confidence == 1.0
    assert set(meeting.participants.all()) == {a, b}
    evidence = meeting.evidence.get()
    assert (evidence.article, evidence.rule, evidence.confidence) == (article, "manual", 1.0)
    assert evidence.sentence == "Lima met Berg in Oslo."
    assert (evidence.start, evidence.end) == (start, end)
    assert meeting.history.get().history_user == editor_user


def test_fact_create_manual_gift_and_agreement(editor_user):
    article = ArticleFactory(text="Lima gave Berg a jug and signed a pact.")
    a, b = LeaderFactory(), LeaderFactory()
    gift = curation.fact_create_manual(
        model=Gift,
        user=editor_user,
        article=article,
        sentence_start=0,
        sentence_end=10,
        giver=a,
        recipient=b,
        item="jug",
    )
    agreement = curation.fact_create_manual(
        model=Agreement,
        user=editor_user,
        article=article,
        sentence_start=0,
        sentence_end=10,
        kind="deal",
        status="signed",
        leader_parties=[a, b],
    )
    assert gift.evidence.get().rule == "manual"
    assert agreement.leader_parties.count() == 2


@pytest.mark.parametrize(
    "start, end, fields",
    [
        (5, 2, {"participants": "ok"}),
        (0, 10_000, {"participants": "ok"}),
        (0, 5, {}),
        (0, 5, {"participants": "ok", "kind": "picnic"}),
    ],
)
def test_fact_create_manual_validates_first(editor_user, start, end, fields):
    article = ArticleFactory(text="Lima met Berg.")
    if fields.get("participants") == "ok":
        fields["participants"] = [LeaderFactory()]
    with pytest.raises(ValidationError):
        curation.fact_create_manual(
            model=Meeting,
            user=editor_user,
            article=article,
            sentence_start=start,
            sentence_end=end,
            **fields,
        )
    assert not Meeting.objects.exists()
    assert not Evidence.objects.exists()


def test_article_sentences_have_offsets():
    text = "First one. Second one!\nThird"
    sentences = curation.article_sentences(text)
    assert [s for _, _, s in sentences] == ["First one.", "Second one!", "Third"]
    for start, end, sentence in sentences:
        assert text[start:end] == sentence


# ---- merging leaders ------------------------------------------------------------------


# ---- correcting and deleting leaders ----------------------------------------------------


def test_leader_update_corrects_records_who_and_keeps_the_old_name_findable(editor_user):
    portugal = CountryFactory(code="PT", name="Portugal")
    leader = LeaderFactory(name="Ana Lima", title="President", other_names=["Lima"])

    curation.leader_update(
        leader=leader,
        user=editor_user,
        changes={"name": " Ana Maria Lima ", "title": "Former president", "country": "pt"},
    )

    leader.refresh_from_db()
    assert (leader.name, leader.title, leader.country) == (
        "Ana Maria Lima",
        "Former president",
        portugal,
    )
    assert leader.review_state == ReviewState.CORRECTED
    assert leader.edited_fields == ["country", "name", "title"]
    assert leader.other_names == ["Ana Lima", "Lima"]
    assert list(Leader.objects.named("Ana Lima")) == [leader]
    latest = leader.history.first()
    assert latest.history_user == editor_user
    assert latest.history_change_reason == "Corrected: name, title, country"
    assert leader.history.count() == 2  # created, corrected: one row for the change


def test_leader_update_without_change_saves_nothing(editor_user):
    leader = LeaderFactory(name="Ana Lima", title="President")
    curation.leader_update(
        leader=leader, user=editor_user, changes={"name": "Ana Lima", "title": "President"}
    )
    leader.refresh_from_db()
    assert leader.review_state == ReviewState.EXTRACTED and leader.edited_fields == []
    assert leader.history.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"country": NO_SUCH_COUNTRY}, "country"),
        ({"merged_into": 1}, "merged_into"),
        ({"title": "t" * 121}, "title"),
    ],
)
def test_invalid_leader_changes_are_refused_and_nothing_saved(editor_user, changes, field):
    leader = LeaderFactory(name="Ana Lima")
    with pytest.raises(ValidationError) as caught:
        curation.leader_update(leader=leader, user=editor_user, changes=changes)
    assert field in caught.value.message_dict
    leader.refresh_from_db()
    assert leader.name == "Ana Lima" and leader.review_state == ReviewState.EXTRACTED
    assert leader.history.count() == 1


def test_a_merged_leader_is_corrected_through_the_one_it_went_into(editor_user):
    keep, merged = LeaderFactory(), LeaderFactory(name="Ana Lima")
    curation.leader_merge(keep=keep, merge=merged, user=editor_user)
    merged.refresh_from_db()
    with pytest.raises(ValidationError):
        curation.leader_update(leader=merged, user=editor_user, changes={"name": "Ana"})
    merged.refresh_from_db()
    assert merged.name == "Ana Lima"


def test_leader_delete_removes_a_leader_nothing_rests_on(editor_user):
    leader = LeaderFactory(name="President Street")
    article = ArticleFactory()
    article.leaders.set([leader])
    pk = leader.pk

    curation.leader_delete(leader=leader, user=editor_user)

    assert not Leader.objects.filter(pk=pk).exists()
    assert not article.leaders.exists()
    gone = Leader.history.get(id=pk, history_type="-")
    assert gone.history_user == editor_user and gone.history_change_reason == f"Deleted leader {pk}"


def _rests_on(leader, other):
    return {
        "meeting": lambda: MeetingFactory(participants=[leader, other]),
        "gift given": lambda: GiftFactory(giver=leader, recipient=other),
        "gift received": lambda: GiftFactory(giver=other, recipient=leader),
        "agreement": lambda: AgreementFactory(leader_parties=[leader]),
        "merged into it": lambda: curation.leader_merge(keep=leader, merge=other, user=None),
        "itself merged": lambda: curation.leader_merge(keep=other, merge=leader, user=None),
    }


@pytest.mark.parametrize(
    "what",
    ["meeting", "gift given", "gift received", "agreement", "merged into it", "itself merged"],
)
def test_leader_delete_is_refused_while_records_rest_on_it(editor_user, what):
    leader, other = LeaderFactory(name="Ana Lima"), LeaderFactory()
    _rests_on(leader, other)[what]()
    history = leader.history.count()

    with pytest.raises(ValidationError) as caught:
        curation.leader_delete(leader=leader, user=editor_user)

    assert "merge" in caught.value.messages[0]  # the way out it names
    assert Leader.objects.filter(pk=leader.pk).exists()
    assert leader.history.count() == history


# ---- adding and reviewing leaders -------------------------------------------------------


def test_leader_create_adds_a_confirmed_leader_and_records_who(editor_user):
    brazil = CountryFactory(code="BR", name="Brazil")

    leader = curation.leader_create(
        user=editor_user, name=" Ana Lima ", title="President", country="br"
    )

    leader.refresh_from_db()
    assert (leader.name, leader.title, leader.country) == ("Ana Lima", "President", brazil)
    assert (leader.review_state, leader.confidence) == (ReviewState.CONFIRMED, 1.0)
    assert leader.edited_fields == ["country", "name", "title"]
    assert list(Leader.objects.named("ana lima")) == [leader]
    (row,) = leader.history.all()
    assert (row.history_type, row.history_user, row.history_change_reason) == (
        "+",
        editor_user,
        "Added by hand",
    )


def test_leader_create_locks_only_the_fields_given(editor_user):
    leader = curation.leader_create(user=editor_user, name="Ana Lima")
    assert (leader.title, leader.country, leader.edited_fields) == ("", None, ["name"])


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "Ana Lima", "country": NO_SUCH_COUNTRY}, "country"),
        ({"name": "Ana Lima", "title": "t" * 121}, "title"),
    ],
)
def test_invalid_new_leaders_are_refused_and_nothing_saved(editor_user, fields, field):
    with pytest.raises(ValidationError) as caught:
        curation.leader_create(user=editor_user, **fields)
    assert field in caught.value.message_dict
    assert not Leader.objects.exists()
    assert not Leader.history.exists()


@pytest.mark.parametrize("name", ["Ana Lima", "ANA  LIMA", "President Ana Lima", "Senhora Lima"])
def test_leader_create_refuses_a_second_record_of_a_known_leader(editor_user, name):
    brazil = CountryFactory(code="BR", name="Brazil")
    known = LeaderFactory(name="Ana Lima", country=brazil, other_names=["Senhora Lima"])

    with pytest.raises(ValidationError) as caught:
        curation.leader_create(user=editor_user, name=name, country="BR")

    (message,) = caught.value.message_dict["name"]
    assert message == (
        f"Ana Lima (leader {known.pk}, Brazil) is already recorded; "
        "correct that record instead of adding another."
    )
    assert Leader.objects.count() == 1


def test_leader_create_tells_apart_namesakes_by_country(editor_user):
    LeaderFactory(name="Ana Lima", country=CountryFactory(code="BR", name="Brazil"))
    CountryFactory(code="PT", name="Portugal")

    in_portugal = curation.leader_create(user=editor_user, name="Ana Lima", country="PT")
    unplaced = curation.leader_create(user=editor_user, name="Ana Lima")

    assert (in_portugal.country.code, unplaced.country) == ("PT", None)
    with pytest.raises(ValidationError):
        curation.leader_create(user=editor_user, name="Ana Lima")  # unplaced already known
    assert Leader.objects.filter(name="Ana Lima").count() == 3


def test_leader_create_points_to_a_rejected_record_to_confirm_instead(editor_user):
    known = LeaderFactory(name="Ana Lima", country=None, review_state=ReviewState.REJECTED)
    with pytest.raises(ValidationError) as caught:
        curation.leader_create(user=editor_user, name="Ana Lima")
    assert caught.value.message_dict["name"] == [
        f"Ana Lima (leader {known.pk}) is already recorded; it was rejected: confirm it to "
        "bring it back."
    ]


def test_leader_reject_hides_it_and_confirm_brings_it_back(editor_user):
    leader = LeaderFactory(name="Ana Lima")
    meeting = MeetingFactory(participants=[leader, LeaderFactory()])

    curation.leader_reject(leader=leader, user=editor_user)

    leader.refresh_from_db()
    assert leader.review_state == ReviewState.REJECTED
    assert not Leader.objects.visible().filter(pk=leader.pk).exists()
    assert Leader.objects.filter(pk=leader.pk).exists()  # kept
    meeting.refresh_from_db()
    assert meeting.review_state == ReviewState.EXTRACTED  # its facts are reviewed one by one
    latest = leader.history.first()
    assert (latest.history_user, latest.history_change_reason) == (editor_user, "Rejected")

    curation.leader_confirm(leader=leader, user=editor_user)
    curation.leader_confirm(leader=leader, user=editor_user)  # again: nothing to record

    leader.refresh_from_db()
    assert leader.review_state == ReviewState.CONFIRMED
    assert Leader.objects.visible().filter(pk=leader.pk).exists()
    assert [row.history_change_reason for row in leader.history.order_by("history_id")] == [
        None,
        "Rejected",
        "Confirmed",
    ]


def test_reviewing_a_corrected_leader_keeps_what_the_editor_set(editor_user):
    leader = LeaderFactory(name="Ana Lima", title="President")
    curation.leader_update(leader=leader, user=editor_user, changes={"title": "Former president"})
    curation.leader_confirm(leader=leader, user=editor_user)
    leader.refresh_from_db()
    assert (leader.review_state, leader.edited_fields) == (ReviewState.CONFIRMED, ["title"])


def test_a_merged_leader_is_reviewed_through_the_one_it_went_into(editor_user):
    keep, merged = LeaderFactory(), LeaderFactory(name="Ana Lima")
    curation.leader_merge(keep=keep, merge=merged, user=editor_user)
    merged.refresh_from_db()
    history = merged.history.count()
    for service in (curation.leader_confirm, curation.leader_reject):
        with pytest.raises(ValidationError, match="merged into another record: review that one"):
            service(leader=merged, user=editor_user)
    merged.refresh_from_db()
    assert merged.review_state == ReviewState.EXTRACTED
    assert merged.history.count() == history


def _leader_state(*leaders):
    """Everything a leader merge may move, for comparing before and after undo."""
    state = {}
    for leader in leaders:
        leader.refresh_from_db()
        state[leader.pk] = {
            "name": leader.name,
            "other_names": leader.other_names,
            "title": leader.title,
            "country": leader.country_id,
            "merged_into": leader.merged_into_id,
            "aliases": sorted(leader.aliases.values_list("key", flat=True)),
            "meetings": sorted(leader.meetings.values_list("pk", flat=True)),
            "gifts_given": sorted(leader.gifts_given.values_list("pk", flat=True)),
            "gifts_received": sorted(leader.gifts_received.values_list("pk", flat=True)),
            "agreements": sorted(leader.agreements.values_list("pk", flat=True)),
            "articles": sorted(leader.articles.values_list("pk", flat=True)),
            "merged": sorted(leader.merged.values_list("pk", flat=True)),
        }
    return state


@pytest.fixture
def duplicate_leaders():
    country = CountryFactory(code="BR", name="Brazil")
    keep = LeaderFactory(name="Ana Lima", country=country, title="", other_names=["Lima"])
    merge = LeaderFactory(
        name="Ana Maria Lima", country=None, title="President", other_names=["President Lima"]
    )
    other = LeaderFactory(name="Tomas Berg")
    older_duplicate = LeaderFactory(name="A. Lima", merged_into=merge)
    shared = MeetingFactory(participants=[keep, merge, other])
    only_merge = MeetingFactory(participants=[merge, other])
    GiftFactory(giver=merge, recipient=other)
    GiftFactory(giver=other, recipient=merge)
    AgreementFactory(leader_parties=[merge, other])
    AgreementFactory(leader_parties=[merge, keep])
    both_article, merge_article = ArticleFactory(), ArticleFactory()
    both_article.leaders.set([keep, merge])
    merge_article.leaders.set([merge])
    return {
        "keep": keep,
        "merge": merge,
        "other": other,
        "older": older_duplicate,
        "shared": shared,
        "only_merge": only_merge,
    }


def test_leader_merge_moves_every_relation(editor_user, duplicate_leaders):
    keep, merge, other = (duplicate_leaders[k] for k in ("keep", "merge", "other"))
    record = curation.leader_merge(keep=keep, merge=merge, user=editor_user)

    keep.refresh_from_db()
    merge.refresh_from_db()
    assert merge.merged_into == keep
    assert (
        duplicate_leaders["older"]
        .__class__.objects.get(pk=duplicate_leaders["older"].pk)
        .merged_into
        == keep
    )
    assert set(keep.other_names) >= {"Lima", "Ana Maria Lima", "President Lima"}
    assert keep.title == "President"  # blank filled
    assert keep.country.code == "BR"  # kept
    assert keep.meetings.count() == 2
    assert not merge.meetings.exists()
    assert keep.gifts_given.count() == 1 and keep.gifts_received.count() == 1
    assert not merge.gifts_given.exists() and not merge.gifts_received.exists()
    assert keep.agreements.count() == 2 and not merge.agreements.exists()
    assert keep.articles.count() == 2 and not merge.articles.exists()
    assert list(Leader.objects.named("Ana Maria Lima").active()) == [keep]
    assert set(duplicate_leaders["shared"].participants.all()) == {keep, other}
    assert record.kind == "leader" and record.user == editor_user
    assert (record.keep_id, record.merged_id) == (keep.pk, merge.pk)
    assert duplicate_leaders["only_merge"].history.first().history_user == editor_user


def test_leader_merge_undo_restores_exactly(editor_user, duplicate_leaders):
    leaders = [duplicate_leaders[k] for k in ("keep", "merge", "other", "older")]
    before = _leader_state(*leaders)
    record = curation.leader_merge(
        keep=duplicate_leaders["keep"], merge=duplicate_leaders["merge"], user=editor_user
    )
    assert _leader_state(*leaders) != before

    curation.merge_undo(record=record, user=editor_user)

    assert _leader_state(*leaders) == before
    record.refresh_from_db()
    assert record.undone_at is not None and record.undone_by == editor_user
    with pytest.raises(ValidationError):
        curation.merge_undo(record=record, user=editor_user)


def test_leader_merge_refuses_nonsense(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    with pytest.raises(ValidationError):
        curation.leader_merge(keep=a, merge=a, user=editor_user)
    curation.leader_merge(keep=a, merge=b, user=editor_user)
    with pytest.raises(ValidationError):
        curation.leader_merge(keep=a, merge=b, user=editor_user)
    with pytest.raises(ValidationError):
        curation.leader_merge(keep=b, merge=LeaderFactory(), user=editor_user)
    assert MergeRecord.objects.count() == 1


# ---- merging meetings -----------------------------------------------------------------


def _meeting_state(*meetings):
    state = {}
    for meeting in meetings:
        meeting.refresh_from_db()
        state[meeting.pk] = {
            "kind": meeting.kind,
            "date": meeting.date,
            "place": meeting.place,
            "host": meeting.host_country_id,
            "topics": meeting.topics,
            "review_state": meeting.review_state,
            "merged_into": meeting.merged_into_id,
            "participants": sorted(meeting.participants.values_list("pk", flat=True)),
            "evidence": sorted(meeting.evidence.values_list("pk", flat=True)),
            "gifts": sorted(meeting.gifts.values_list("pk", flat=True)),
            "agreements": sorted(meeting.agreements.values_list("pk", flat=True)),
            "merged": sorted(meeting.merged.values_list("pk", flat=True)),
        }
    return state


@pytest.fixture
def duplicate_meetings():
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    host = CountryFactory(code="NO", name="Norway")
    keep = MeetingFactory(participants=[a, b], place="", date=None, topics=[])
    merge = MeetingFactory(
        participants=[a, b, c],
        place="Oslo",
        date=dt.date(2025, 1, 7),
        host_country=host,
        topics=["fisheries"],
    )
    older = MeetingFactory(participants=[], merged_into=merge, review_state="rejected")
    EvidenceFactory(meeting=keep)
    EvidenceFactory(meeting=merge)
    EvidenceFactory(meeting=merge)
    GiftFactory(giver=a, recipient=b, meeting=merge)
    AgreementFactory(leader_parties=[a, b], meeting=merge)
    return {"keep": keep, "merge": merge, "older": older, "c": c}


def test_meeting_merge_moves_and_fills_blanks(editor_user, duplicate_meetings):
    keep, merge = duplicate_meetings["keep"], duplicate_meetings["merge"]
    record = curation.meeting_merge(keep=keep, merge=merge, user=editor_user)

    keep.refresh_from_db()
    merge.refresh_from_db()
    assert keep.participants.count() == 3
    assert keep.evidence.count() == 3 and not merge.evidence.exists()
    assert keep.gifts.count() == 1 and keep.agreements.count() == 1
    assert (keep.place, keep.date, keep.host_country.code, keep.topics) == (
        "Oslo",
        dt.date(2025, 1, 7),
        "NO",
        ["fisheries"],
    )
    assert keep.review_state == ReviewState.CONFIRMED
    assert merge.review_state == ReviewState.REJECTED
    assert merge.merged_into == keep
    assert not merge.participants.exists()
    assert Meeting.objects.get(pk=duplicate_meetings["older"].pk).merged_into == keep
    assert record.kind == "meeting"
    assert not Meeting.objects.visible().filter(pk=merge.pk).exists()


def test_meeting_merge_undo_restores_exactly(editor_user, duplicate_meetings):
    meetings = [duplicate_meetings[k] for k in ("keep", "merge", "older")]
    before = _meeting_state(*meetings)
    record = curation.meeting_merge(
        keep=duplicate_meetings["keep"], merge=duplicate_meetings["merge"], user=editor_user
    )
    assert _meeting_state(*meetings) != before
    curation.merge_undo(record=record, user=editor_user)
    assert _meeting_state(*meetings) == before


def test_meeting_merge_keeps_values_already_known(editor_user):
    a = LeaderFactory()
    keep = MeetingFactory(participants=[a], place="Bergen")
    merge = MeetingFactory(participants=[a], place="Oslo")
    curation.meeting_merge(keep=keep, merge=merge, user=editor_user)
    keep.refresh_from_db()
    assert keep.place == "Bergen"


# ---- history and revert ---------------------------------------------------------------


def test_history_entries_show_who_when_and_diff(editor_user):
    a, b = LeaderFactory(name="Ana Lima"), LeaderFactory(name="Tomas Berg")
    meeting = MeetingFactory(participants=[a], place="Oslo")
    curation.fact_update(
        fact=meeting, user=editor_user, changes={"place": "Bergen", "participants": [a, b]}
    )
    entries, hidden = curation.history_entries(meeting)
    assert hidden == 0
    latest = entries[0]
    assert latest.user == editor_user and latest.current
    changes = {c.field: (c.old, c.new) for c in latest.changes}
    assert changes["place"] == ("Oslo", "Bergen")
    assert changes["participants"] == ("Ana Lima", "Ana Lima, Tomas Berg")
    assert changes["review_state"] == ("Extracted", "Corrected")
    assert entries[-1].kind == "created"
    assert entries[-1].user is None  # made by extraction / factories, not a person


def test_history_is_limited(editor_user):
    meeting = MeetingFactory(participants=[LeaderFactory()])
    for n in range(5):
        curation.fact_update(fact=meeting, user=editor_user, changes={"place": f"P{n}"})
    entries, hidden = curation.history_entries(meeting, limit=3)
    assert len(entries) == 3
    assert hidden == meeting.history.count() - 3


def test_fact_revert_restores_a_version_as_a_new_change(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b], place="Oslo", kind="talks")
    original = meeting.history.first()
    curation.fact_update(
        fact=meeting,
        user=editor_user,
        changes={"place": "Bergen", "kind": "summit", "participants": [a]},
    )
    count = meeting.history.count()

    curation.fact_revert(fact=meeting, history_id=original.history_id, user=editor_user)

    meeting.refresh_from_db()
    assert (meeting.place, meeting.kind) == ("Oslo", "talks")
    assert set(meeting.participants.all()) == {a, b}
    assert meeting.review_state == ReviewState.CORRECTED  # an editor chose it: sticky
    assert meeting.history.count() == count + 1
    latest = meeting.history.first()
    assert latest.history_user == editor_user
    assert "Reverted" in latest.history_change_reason


def test_fact_revert_restores_review_state_and_agreement_parties(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    fr = CountryFactory(code="FR", name="France")
    agreement = AgreementFactory(leader_parties=[a])
    agreement.country_parties.set([fr])
    curation.fact_confirm(fact=agreement, user=editor_user)
    confirmed = agreement.history.first()
    curation.fact_update(
        fact=agreement,
        user=editor_user,
        changes={"leader_parties": [b], "country_parties": [], "summary": "Other"},
    )
    curation.fact_reject(fact=agreement, user=editor_user)

    curation.fact_revert(fact=agreement, history_id=confirmed.history_id, user=editor_user)

    agreement.refresh_from_db()
    assert agreement.review_state == ReviewState.CONFIRMED
    assert list(agreement.leader_parties.all()) == [a]
    assert list(agreement.country_parties.all()) == [fr]
    assert agreement.summary == "Memorandum on cultural exchange"


def test_fact_revert_refuses_another_facts_version(editor_user):
    one, two = GiftFactory(), GiftFactory()
    with pytest.raises(ValidationError):
        curation.fact_revert(fact=one, history_id=two.history.first().history_id, user=editor_user)


# ---- review queue ----------------------------------------------------------------------


def test_review_queue_lowest_confidence_first_and_unreviewed_only():
    low = GiftFactory(confidence=0.1)
    mid = MeetingFactory(participants=[LeaderFactory()], confidence=0.5)
    high = AgreementFactory(confidence=0.9)
    MeetingFactory(confidence=0.05, review_state="confirmed")
    GiftFactory(confidence=0.01, review_state="rejected")
    items, counts = curation.review_queue()
    assert [item.fact for item in items] == [low, mid, high]
    assert counts == {"meeting": 1, "gift": 1, "agreement": 1}
    assert Article.objects.count() == 0
