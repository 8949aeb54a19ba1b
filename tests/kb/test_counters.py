"""The maintained counts (``kb.counters``, issue 14): after any sequence of recording,
re-recording, rejecting, restoring, editing, merging, undoing and deleting, every stored
count equals a fresh recount of the tables. Runs on SQLite, and on PostgreSQL when
DATABASE_URL is set (as in CI)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ingest.extract.types import Evidence, Extraction, LeaderMention, MeetingCandidate, Span
from ingest.record import article_facts_replace
from kb import counters, leader_pairs
from kb.counters import pair_years
from kb.models import (
    Agreement,
    Article,
    Country,
    CountryPairTally,
    CountryPairYear,
    CountryTally,
    Gift,
    HostYear,
    Leader,
    LeaderPairYear,
    LeaderTally,
    Meeting,
    MeetingYear,
    MergeRecord,
)
from kb.selectors.countries import counterpart_countries
from kb.selectors.counts import record_counts
from kb.services.articles import article_delete
from kb.services.facts import fact_confirm, fact_delete, fact_reject, fact_update
from kb.services.leaders import leader_confirm, leader_reject, leader_update
from kb.services.merges import leader_merge, meeting_merge, merge_undo
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

#: A small world, so that random operations keep meeting the same people and places.
PEOPLE = (
    ("Ana Lima", "BR"),
    ("Tomas Berg", "NO"),
    ("Claire Dubois", "FR"),
    ("Kenji Sato", "JP"),
    ("Ines Moreau", "FR"),
    ("Piet Olsen", "NO"),
)
CODES = ("BR", "NO", "FR", "JP")
TEXT = "The leaders met for talks on trade and fisheries."


def _day(year: int, n: int) -> dt.date:
    """The ``n``th of January or of June (by ``n``'s parity): days in two months of the
    year, drawn without another draw from the test's random sequence."""
    return dt.date(year, 1 + 5 * (n % 2), n)


def _extraction(rng: random.Random) -> Extraction:
    meetings = []
    named = set()
    for _ in range(rng.randint(1, 3)):
        people = rng.sample(PEOPLE, rng.randint(2, 3))
        named.update(people)
        meetings.append(
            MeetingCandidate(
                tuple(name for name, _ in people),
                rng.choice(("talks", "talks", "summit", "call")),
                rng.choice((*CODES, None)),
                "",
                _day(rng.choice((2024, 2025)), rng.randint(1, 6)),
                (),
                (Evidence(Span(0, 10, TEXT, 0), 0.9, "test-rule"),),
            )
        )
    return Extraction(
        published=dt.date(2025, 1, 8),
        leaders=tuple(LeaderMention(name, code, "President", ()) for name, code in sorted(named)),
        countries=tuple(sorted({code for _, code in named})),
        meetings=tuple(meetings),
        gifts=(),
        agreements=(),
    )


class World:
    def __init__(self, rng: random.Random, user):
        self.rng, self.user, self.articles, self.made = rng, user, [], 0

    def pick(self, queryset):
        pks = sorted(queryset.values_list("pk", flat=True))
        return queryset.model.objects.get(pk=self.rng.choice(pks)) if pks else None

    # -- the operations ----------------------------------------------------------------

    def record(self):
        self.made += 1
        article = ArticleFactory(text=f"{TEXT} Report {self.made}.")
        self.articles.append(article)
        article_facts_replace(article=article, extraction=_extraction(self.rng))

    def rerecord(self):
        if self.articles:
            article = self.rng.choice(self.articles)
            article_facts_replace(article=article, extraction=_extraction(self.rng))

    def reject(self):
        if meeting := self.pick(Meeting.objects.filter(merged_into=None)):
            fact_reject(fact=meeting, user=self.user)

    def restore(self):
        if meeting := self.pick(Meeting.objects.filter(review_state="rejected", merged_into=None)):
            fact_confirm(fact=meeting, user=self.user)

    def edit_participants(self):
        meeting = self.pick(Meeting.objects.filter(merged_into=None))
        people = list(Leader.objects.filter(merged_into=None).order_by("pk"))
        if meeting and len(people) >= 2:
            chosen = self.rng.sample(people, self.rng.randint(2, min(3, len(people))))
            host = self.rng.choice((*CODES, None))
            fact_update(
                fact=meeting,
                user=self.user,
                changes={"participants": [p.pk for p in chosen], "host_country": host},
            )

    def move_date(self):
        if meeting := self.pick(Meeting.objects.filter(merged_into=None)):
            # Within a month or a year, to another year, or to no date (the counts by
            # year and month).
            day = _day(self.rng.choice((2024, 2025, 2025)), self.rng.randint(1, 9))
            value = "" if self.rng.random() < 0.2 else day.isoformat()
            fact_update(fact=meeting, user=self.user, changes={"date": value})

    def change_kind(self):
        if meeting := self.pick(Meeting.objects.filter(merged_into=None)):
            kind = self.rng.choice(("talks", "summit", "call"))
            fact_update(fact=meeting, user=self.user, changes={"kind": kind})

    def move_leader(self):
        if leader := self.pick(Leader.objects.filter(merged_into=None)):
            leader_update(
                leader=leader, user=self.user, changes={"country": self.rng.choice(CODES)}
            )

    def reject_leader(self):
        if leader := self.pick(Leader.objects.filter(merged_into=None)):
            if leader.review_state == "rejected":
                leader_confirm(leader=leader, user=self.user)
            else:
                leader_reject(leader=leader, user=self.user)

    def merge_leaders(self):
        people = list(Leader.objects.filter(merged_into=None).order_by("pk"))
        if len(people) >= 2:
            keep, merge = self.rng.sample(people, 2)
            leader_merge(keep=keep, merge=merge, user=self.user)

    def merge_meetings(self):
        meetings = list(Meeting.objects.filter(merged_into=None).order_by("pk"))
        if len(meetings) >= 2:
            keep, merge = self.rng.sample(meetings, 2)
            meeting_merge(keep=keep, merge=merge, user=self.user)

    def undo(self):
        if record := MergeRecord.objects.filter(undone_at=None).order_by("-pk").first():
            merge_undo(record=record, user=self.user)

    def delete_meeting(self):
        if meeting := self.pick(Meeting.objects.filter(merged_into=None, merged=None)):
            fact_delete(fact=meeting, user=self.user)

    def delete_article(self):
        if self.articles:
            article = self.articles.pop(self.rng.randrange(len(self.articles)))
            article_delete(article=article, user=self.user)


OPERATIONS = [name for name in vars(World) if not name.startswith("_") and name != "pick"]


def _some(model, field: str) -> bool:
    return model.objects.filter(**{f"{field}__gt": 0}).exists()


@pytest.mark.parametrize("seed", range(4))
def test_after_random_writes_the_counts_equal_a_recount(countries, editor_user, seed):
    rng = random.Random(seed)
    world = World(rng, editor_user)
    done, counted, years, hosts = [], set(), set(), set()
    for _ in range(40):
        name = rng.choice(["record"] * 3 + OPERATIONS)
        try:
            getattr(world, name)()
        except ValidationError:
            continue  # refused (e.g. an undo after a later change): nothing was written
        done.append(name)
        assert counters.differences() == [], f"after {done}"
        connection.check_constraints()  # no row points at one deleted (e.g. by an undo)
        counted |= {f for f in ("hosted", "attended_home", "linked") if _some(CountryTally, f)}
        counted |= {"meetings"} if _some(LeaderTally, "meetings") else set()
        counted |= {"pairs"} if _some(CountryPairTally, "meetings") else set()
        years |= set(counters.stored_years())
        hosts |= set(counters.stored_host_years())
    assert len(set(done)) >= 8  # the sequence did exercise many kinds of write
    assert counted == {"hosted", "attended_home", "linked", "meetings", "pairs"}  # ...above 0
    # Meetings were counted under more than one year, month and kind, hosted ones too.
    for kept in (years, hosts):
        assert len({key[0] for key in kept}) >= 2 and len({key[2] for key in kept}) >= 2
        assert len({key[1] for key in kept} - {0}) >= 2


def test_recount_all_gives_the_counts_the_writes_kept(countries, editor_user):
    rng = random.Random(7)
    world = World(rng, editor_user)
    for name in ["record"] * 6 + [rng.choice(OPERATIONS) for _ in range(20)]:
        try:
            getattr(world, name)()
        except ValidationError:
            continue
    kept = counters.stored()
    kept_by_year = {what: pair_years.stored(what) for what in pair_years.TABLES}
    assert all(kept_by_year.values())
    assert all(kept[kind] for kind in ("country", "leader", "pair", "year", "host_year"))
    assert kept["total"]["meetings"] > 0

    CountryTally.objects.update(hosted=99)  # wrong, but not rebuilt: only leaders are
    LeaderTally.objects.all().delete()
    assert counters.recount_all(kinds=["leader"]) == {"leaders": len(kept["leader"])}
    assert counters.stored()["leader"] == kept["leader"]
    assert {row["hosted"] for row in CountryTally.objects.values("hosted")} == {99}

    LeaderPairYear.objects.update(meetings=99)
    CountryPairYear.objects.all().delete()
    HostYear.objects.update(meetings=99)
    MeetingYear.objects.filter(month=0).delete()
    made = counters.recount_all()
    assert counters.stored() == kept
    assert {what: pair_years.stored(what) for what in pair_years.TABLES} == kept_by_year
    assert made == {
        "countries": CountryTally.objects.count(),
        "leaders": LeaderTally.objects.count(),
        "pairs": CountryPairTally.objects.count(),
        "totals": len(counters.TOTALS),
        "years": MeetingYear.objects.count(),
        "host_years": HostYear.objects.count(),
        "leader_years": LeaderPairYear.objects.count(),
        "country_years": CountryPairYear.objects.count(),
    }
    assert counters.differences() == []


def test_counts_follow_a_meeting_its_participants_and_its_leaders(countries):
    fr, no = Country.objects.get(code="FR"), Country.objects.get(code="NO")
    a, b = LeaderFactory(country=fr), LeaderFactory(country=fr)
    c = LeaderFactory(country=no)
    meeting = MeetingFactory(participants=[a, b, c], host_country=fr)

    def tally(country):
        row = CountryTally.objects.get(country=country)
        return row.leaders, row.hosted, row.attended, row.attended_home

    assert tally(fr) == (2, 1, 1, 1)  # two of its leaders at one meeting count it once
    assert tally(no) == (1, 0, 1, 0)
    assert LeaderTally.objects.get(leader=a).meetings == 1

    meeting.host_country = no
    meeting.save()
    assert tally(fr) == (2, 0, 1, 0)
    assert tally(no) == (1, 1, 1, 1)

    meeting.participants.remove(c)
    assert tally(no) == (1, 1, 0, 0)
    assert not LeaderTally.objects.get(leader=c).meetings

    meeting.review_state = "rejected"
    meeting.save()
    assert tally(fr) == (2, 0, 0, 0)
    assert LeaderTally.objects.get(leader=a).meetings == 0

    b.country = no
    b.save()
    assert tally(fr)[0] == 1 and tally(no)[0] == 2


def test_a_country_counts_its_meetings_with_another_country_for_the_network(countries):
    fr, no = Country.objects.get(code="FR"), Country.objects.get(code="NO")
    a, b, c = LeaderFactory(country=fr), LeaderFactory(country=fr), LeaderFactory(country=no)
    homeless = LeaderFactory(country=None)

    def linked(country):
        return CountryTally.objects.get(country=country).linked

    MeetingFactory(participants=[a, b])  # one country: attended, not linked
    MeetingFactory(participants=[a, homeless])  # no other country known: not linked
    meeting = MeetingFactory(participants=[a, b])
    assert (linked(fr), CountryTally.objects.get(country=fr).attended) == (0, 3)
    meeting.participants.add(c)
    assert (linked(fr), linked(no)) == (1, 1)
    meeting.participants.remove(a, b)
    assert (linked(fr), linked(no)) == (0, 0)
    meeting.participants.add(b)
    meeting.review_state = "rejected"
    meeting.save()
    assert (linked(fr), linked(no)) == (0, 0)
    meeting.review_state = "extracted"
    meeting.save()
    assert (linked(fr), linked(no)) == (1, 1)
    c.country = fr  # the meeting now has one country
    c.save()
    assert linked(fr) == 0
    assert counters.differences() == []


def test_recount_rebuilds_counts_written_around_the_counters(countries, capsys):
    fr = Country.objects.get(code="FR")
    leader = LeaderFactory(country=fr)
    with counters.suspended():  # as a bulk load does: nothing is counted
        MeetingFactory(participants=[leader, LeaderFactory()], host_country=fr)
    assert counters.differences()
    with pytest.raises(Exception, match="differ"):
        call_command("recount", "--check")

    call_command("recount")
    assert counters.differences() == []
    assert CountryTally.objects.get(country=fr).hosted == 1
    call_command("recount", "--check")
    assert "agree" in capsys.readouterr().out


def _pair(one, other) -> tuple[int, dt.date | None] | None:
    a, b = sorted((one.pk, other.pk))
    row = CountryPairTally.objects.filter(country_a_id=a, country_b_id=b).first()
    return (row.meetings, row.last_met) if row else None


def test_a_pair_of_countries_counts_shared_meetings_and_when_they_last_met(countries, editor_user):
    fr, no, jp = (Country.objects.get(code=c) for c in ("FR", "NO", "JP"))
    a, b, c = LeaderFactory(country=fr), LeaderFactory(country=fr), LeaderFactory(country=no)
    early = MeetingFactory(participants=[a, b, c], date=dt.date(2024, 3, 1))
    late = MeetingFactory(participants=[a, c], date=dt.date(2025, 5, 1))
    MeetingFactory(participants=[a, b], date=dt.date(2025, 6, 1))  # one country: no pair
    assert _pair(fr, no) == (2, dt.date(2025, 5, 1))
    assert [(x.code, x.shared_count, x.last_met) for x in counterpart_countries(fr)] == [
        ("NO", 2, dt.date(2025, 5, 1))
    ]

    fact_reject(fact=late, user=editor_user)  # its latest meeting no longer counts
    assert _pair(fr, no) == (1, dt.date(2024, 3, 1))
    fact_confirm(fact=late, user=editor_user)
    assert _pair(fr, no) == (2, dt.date(2025, 5, 1))

    fact_update(fact=late, user=editor_user, changes={"date": "2023-01-01"})
    assert _pair(fr, no) == (2, dt.date(2024, 3, 1))

    early.participants.remove(c)
    assert _pair(fr, no) == (1, dt.date(2023, 1, 1))
    late.participants.add(LeaderFactory(country=jp))
    assert _pair(fr, jp) == (1, dt.date(2023, 1, 1)) and _pair(no, jp) == (1, dt.date(2023, 1, 1))

    fact_delete(fact=late, user=editor_user)
    assert _pair(fr, no)[0] == 0 and _pair(fr, jp)[0] == 0
    assert counterpart_countries(fr) == []
    assert counters.differences() == []


def test_a_leader_moving_country_moves_its_pairs(countries, editor_user):
    fr, no, jp = (Country.objects.get(code=c) for c in ("FR", "NO", "JP"))
    a, c = LeaderFactory(country=fr), LeaderFactory(country=no)
    MeetingFactory(participants=[a, c], date=dt.date(2025, 1, 2))
    leader_update(leader=a, user=editor_user, changes={"country": "JP"})
    assert _pair(fr, no)[0] == 0
    assert _pair(no, jp) == (1, dt.date(2025, 1, 2))
    assert counters.differences() == []


def test_a_write_costs_the_same_queries_however_many_meetings_a_country_has(
    countries,
):
    fr, no = Country.objects.get(code="FR"), Country.objects.get(code="NO")
    a, b = LeaderFactory(country=fr), LeaderFactory(country=no)

    def queries_of_one_write() -> int:
        meeting = MeetingFactory(participants=[a], host_country=fr)
        with CaptureQueriesContext(connection) as captured:
            meeting.participants.add(b)
        return len(captured)

    few = queries_of_one_write()
    for _ in range(30):
        MeetingFactory(participants=[a, b], host_country=fr)
    assert queries_of_one_write() == few
    assert counters.differences() == []


def test_a_change_of_participants_reads_the_meeting_once_for_the_counts_and_the_pairs(
    countries,
):
    """The counts and the network's pairs share one reading of a meeting's footprint:
    its row (locked) and its participants once before the change, once after."""
    fr, no = Country.objects.get(code="FR"), Country.objects.get(code="NO")
    a, b, c = LeaderFactory(country=fr), LeaderFactory(country=no), LeaderFactory(country=no)
    meeting = MeetingFactory(participants=[a, b], host_country=fr)
    meetings = f'FROM "{Meeting._meta.db_table}" WHERE'
    participants = f'"{Meeting.participants.through._meta.db_table}"."meeting_id" IN ('

    with CaptureQueriesContext(connection) as captured:
        meeting.participants.add(c)
    selects = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]
    assert len([sql for sql in selects if meetings in sql]) == 2
    assert len([sql for sql in selects if participants in sql]) == 2
    if connection.vendor == "postgresql":
        assert len([sql for sql in selects if "FOR NO KEY UPDATE" in sql]) == 1
    # 23 when each kept its own reading; the pairs by year add one statement per table.
    assert len(captured) <= 19

    assert LeaderTally.objects.get(leader=c).meetings == 1
    assert CountryTally.objects.get(country=no).attended == 1
    assert leader_pairs.stored()[tuple(sorted((a.pk, c.pk)))] == 1
    assert counters.differences() == [] and leader_pairs.differences() == []


def test_a_delta_never_takes_a_count_below_zero(countries):
    fr = Country.objects.get(code="FR")
    a = LeaderFactory(country=fr)
    meeting = MeetingFactory(participants=[a], host_country=fr)
    CountryTally.objects.filter(country=fr).update(hosted=0)  # as a write around the counters
    meeting.delete()
    assert CountryTally.objects.get(country=fr).hosted == 0
    call_command("recount")
    assert counters.differences() == []


def test_the_home_page_totals_follow_every_kind_of_record(countries, editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b])
    gift = GiftFactory(giver=a, recipient=b)
    agreement = AgreementFactory()
    article = ArticleFactory()
    want = {
        "meetings": Meeting.objects.visible().count(),
        "leaders": Leader.objects.visible().active().count(),
        "gifts": Gift.objects.visible().count(),
        "agreements": Agreement.objects.visible().count(),
        "articles": Article.objects.count(),
    }
    assert counters.stored_totals() == want

    fact_reject(fact=meeting, user=editor_user)
    fact_reject(fact=gift, user=editor_user)
    leader_reject(leader=a, user=editor_user)
    agreement.delete()
    article.delete()
    assert counters.stored_totals() == dict(
        want,
        meetings=want["meetings"] - 1,
        gifts=want["gifts"] - 1,
        leaders=want["leaders"] - 1,
        agreements=want["agreements"] - 1,
        articles=want["articles"] - 1,
    )
    assert counters.differences() == []
    counts = record_counts()
    assert counts["meetings"] == want["meetings"] - 1 and counts["countries"] >= 1
