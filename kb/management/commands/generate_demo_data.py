"""Create synthetic meetings (with leaders, gifts, agreements, articles and evidence) to
try the analysts' pages at scale.

Everything made here is marked synthetic: articles have source "synthetic" and titles
starting "[synthetic]", evidence and articles carry extractor version "synthetic",
leaders' titles start with "Synthetic". `--delete` removes it all again. Rows are made
with bulk_create (no history records, no extraction), so 10,000 meetings take seconds.

    python manage.py generate_demo_data --meetings 10000
    python manage.py generate_demo_data --delete
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Q

from kb import changes, counters, leader_pairs
from kb.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    ArticleStatus,
    Country,
    Evidence,
    Gift,
    Leader,
    LeaderAlias,
    Meeting,
    MeetingKind,
    ReviewState,
)
from kb.names import item_key, name_keys, normalise_name

SYNTHETIC = "synthetic"
TITLE_PREFIX = "Synthetic"
BATCH = 2000

FIRST_NAMES = (
    "Ada Aino Amara Anselm Arvid Bela Bruna Cato Dalia Dario Edda Elio Fenna Florin Greta "
    "Halvard Ilse Ines Jarek Juna Kasimir Kira Leif Lorna Malin Mateo Nadia Nils Odile Oren "
    "Petra Quill Rhea Rune Saskia Soren Talia Teodor Ulla Valter Wanda Xenia Yannick Zora"
).split()
LAST_NAMES = (
    "Abara Bellweather Castellan Draskovic Elmquist Farrow Galloway Haldane Ivers Jansky "
    "Kovalenko Lindqvist Marchetti Nakamura Okonkwo Petrakis Quintero Rasmussen Santoro "
    "Tamsin Umberto Varga Whitlock Xandros Yilmaz Zeller Arkwright Brennan Corvino Delacroix"
).split()
PLACES = (
    "the Palace of Nations",
    "the presidential palace",
    "the foreign ministry",
    "the summit venue",
    "the state guest house",
    "the parliament",
    "the harbour conference centre",
    "the old castle",
    "the embassy",
    "the national museum",
    "the chancellery",
    "the airport lounge",
)
TOPICS = (
    "trade",
    "security",
    "energy",
    "climate",
    "migration",
    "health",
    "technology",
    "defence",
    "culture",
    "education",
    "infrastructure",
    "fisheries",
    "space",
    "finance",
    "agriculture",
)
GIFT_ITEMS = (
    "silver tea set",
    "hand-woven carpet",
    "first edition of a novel",
    "ceramic vase",
    "painting of the capital",
    "crystal bowl",
    "fountain pen",
    "bottle of vintage wine",
    "embroidered scarf",
    "model sailing ship",
    "bronze sculpture",
    "box of local honey",
)
AGREEMENT_SUMMARIES = (
    "Memorandum on {topic} cooperation",
    "Joint statement on {topic}",
    "Agreement to expand {topic} links",
    "Declaration on {topic} and shared prosperity",
    "Pledge of support for {topic} projects",
    "Treaty on {topic} partnership",
)
KIND_WEIGHTS = {
    MeetingKind.TALKS: 40,
    MeetingKind.VISIT: 20,
    MeetingKind.STATE_VISIT: 10,
    MeetingKind.CALL: 15,
    MeetingKind.SUMMIT: 8,
    MeetingKind.MULTILATERAL: 7,
}
START = dt.date(2012, 1, 1)
DAYS = (dt.date(2025, 12, 31) - START).days


def synthetic_meetings():
    """Meetings whose evidence comes from synthetic articles."""
    return Meeting.objects.filter(evidence__article__source=SYNTHETIC).distinct()


def delete_synthetic() -> dict[str, int]:
    # One recount at the end instead of one per deleted meeting (kb.counters).
    with transaction.atomic(), counters.suspended():
        articles = Article.objects.filter(source=SYNTHETIC)
        meeting_ids = set(
            Evidence.objects.filter(article__in=articles, meeting__isnull=False).values_list(
                "meeting_id", flat=True
            )
        )
        gifts = Gift.objects.filter(
            Q(meeting_id__in=meeting_ids) | Q(evidence__article__in=articles)
        )
        agreements = Agreement.objects.filter(
            Q(meeting_id__in=meeting_ids) | Q(evidence__article__in=articles)
        )
        counts = {
            "gifts": gifts.distinct().count(),
            "agreements": agreements.distinct().count(),
            "meetings": len(meeting_ids),
        }
        Evidence.objects.filter(article__in=articles).delete()
        Gift.objects.filter(pk__in=list(gifts.values_list("pk", flat=True))).delete()
        Agreement.objects.filter(pk__in=list(agreements.values_list("pk", flat=True))).delete()
        Meeting.objects.filter(pk__in=meeting_ids).delete()
        counts["articles"] = articles.delete()[0]
        leaders = Leader.objects.filter(title__startswith=TITLE_PREFIX)
        counts["leaders"] = leaders.count()
        leaders.delete()
        Country.objects.filter(code__startswith="X", name__startswith="Synthetic").delete()
        counters.recount_all()
        leader_pairs.rebuild()
    return counts


def _countries(rng: random.Random) -> list[Country]:
    countries = list(Country.objects.order_by("code"))
    if len(countries) < 12:
        made = [
            Country(code=f"X{chr(65 + i)}", name=f"Synthetic Country {chr(65 + i)}")
            for i in range(26)
        ]
        Country.objects.bulk_create(made, ignore_conflicts=True)
        countries = list(Country.objects.order_by("code"))
    # A realistic skew: some countries appear far more often than others.
    rng.shuffle(countries)
    return countries[:80]


def _leaders(rng: random.Random, countries: list[Country], wanted: int) -> list[Leader]:
    existing = list(Leader.objects.filter(title__startswith=TITLE_PREFIX).order_by("id"))
    if len(existing) >= wanted:
        return existing
    used = {leader.name for leader in existing}
    new = []
    serial = len(existing)
    while len(existing) + len(new) < wanted:
        serial += 1
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name in used:
            name = f"{name} {serial}"
        used.add(name)
        country = countries[min(int(rng.paretovariate(1.2)) - 1, len(countries) - 1)]
        title = rng.choice(("President", "Prime Minister", "Chancellor", "King", "Premier"))
        new.append(
            Leader(
                name=name,
                name_key=normalise_name(name),
                title=f"{TITLE_PREFIX} {title.lower()}",
                country=country,
                confidence=0.9,
            )
        )
    Leader.objects.bulk_create(new, batch_size=BATCH)
    LeaderAlias.objects.bulk_create(
        [LeaderAlias(leader=leader, key=key) for leader in new for key in name_keys(leader.name)],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    return existing + new


def generate(meetings: int, *, seed: int | None = None, log=None) -> dict[str, int]:
    """Add `meetings` synthetic meetings (and everything around them). Returns counts."""
    if meetings < 0:
        raise ValueError("meetings must be >= 0")
    log = log or (lambda message: None)
    offset = Article.objects.filter(source=SYNTHETIC).count()
    rng = random.Random(seed if seed is not None else offset * 7919 + meetings)
    started = time.perf_counter()
    with transaction.atomic():
        # Rows made with bulk_create send no signals: say so once, so that reads cached
        # until the next write (kb.changes) are read again after the commit.
        changes.kb_changed()
        countries = _countries(rng)
        total_after = synthetic_meetings().count() + meetings
        leaders = _leaders(rng, countries, max(12, min(600, total_after // 20)))
        # Popular leaders meet more often (Pareto-ish weights).
        weights = [1 / (i + 1) ** 0.8 for i in range(len(leaders))]

        plans = []
        for i in range(meetings):
            kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
            group = kind in (MeetingKind.SUMMIT, MeetingKind.MULTILATERAL)
            size = rng.randint(3, 7) if group else 2
            people = []
            while len(people) < size:
                leader = rng.choices(leaders, weights=weights)[0]
                if leader not in people:
                    people.append(leader)
            date = None if rng.random() < 0.03 else START + dt.timedelta(days=rng.randrange(DAYS))
            host = people[rng.randrange(len(people))].country if rng.random() < 0.85 else None
            topics = rng.sample(TOPICS, rng.randint(1, 3))
            place = rng.choice(PLACES)
            state = rng.choices(
                [ReviewState.EXTRACTED, ReviewState.CONFIRMED, ReviewState.REJECTED],
                weights=[90, 8, 2],
            )[0]
            plans.append(
                {
                    "n": offset + i + 1,
                    "meeting": Meeting(
                        kind=kind,
                        date=date,
                        place=place,
                        host_country=host,
                        topics=topics,
                        review_state=state,
                        confidence=round(rng.uniform(0.5, 0.99), 2),
                    ),
                    "people": people,
                    "gifts": rng.random() < 0.3,
                    "agreement": rng.random() < 0.25,
                    "second_source": rng.random() < 0.3,
                }
            )
        Meeting.objects.bulk_create([p["meeting"] for p in plans], batch_size=BATCH)
        Participation = Meeting.participants.through
        Participation.objects.bulk_create(
            [
                Participation(meeting_id=p["meeting"].pk, leader_id=leader.pk)
                for p in plans
                for leader in p["people"]
            ],
            batch_size=BATCH,
        )
        log(f"  {len(plans)} meetings with participants")

        articles, gifts, agreements = [], [], []
        for p in plans:
            m, people = p["meeting"], p["people"]
            a, b = people[0], people[1]
            names = " and ".join(x.name for x in people[:3])
            where = f"{m.place}" + (f" in {m.host_country.name}" if m.host_country else "")
            meet = (
                f"{names} met at {where} for {m.get_kind_display().lower()} on {m.date:%d %B %Y}"
                if m.date
                else f"{names} met at {where}"
            ) + f" to discuss {', '.join(m.topics)}."
            text = [f"[Synthetic article {p['n']}, generated for testing.]", meet]
            if p["gifts"]:
                item = rng.choice(GIFT_ITEMS)
                gifts.append(
                    (
                        p,
                        Gift(
                            giver=a,
                            recipient=b,
                            item=item,
                            item_key=item_key(item),
                            meeting=m,
                            date=m.date,
                            confidence=0.8,
                        ),
                    )
                )
                text.append(f"{a.name} gave {b.name} a {item}.")
                if rng.random() < 0.4:
                    item = rng.choice(GIFT_ITEMS)
                    gifts.append(
                        (
                            p,
                            Gift(
                                giver=b,
                                recipient=a,
                                item=item,
                                item_key=item_key(item),
                                meeting=m,
                                date=m.date,
                                confidence=0.8,
                            ),
                        )
                    )
                    text.append(f"In return {b.name} presented a {item}.")
            if p["agreement"]:
                summary = rng.choice(AGREEMENT_SUMMARIES).format(topic=m.topics[0])
                agreements.append(
                    (
                        p,
                        Agreement(
                            kind=rng.choice(AgreementKind.values),
                            status=rng.choice(
                                [
                                    AgreementStatus.SIGNED,
                                    AgreementStatus.AGREED,
                                    AgreementStatus.PROPOSED,
                                ]
                            ),
                            summary=summary,
                            date=m.date,
                            meeting=m,
                            confidence=0.8,
                        ),
                    )
                )
                text.append(f"They signed a {summary.lower()}.")
            body = "\n\n".join(text)
            p["sentence"] = meet
            p["article"] = Article(
                title=f"[synthetic] {a.name} meets {b.name}",
                text=body,
                published=m.date,
                source=SYNTHETIC,
                media_type="text/plain",
                content_hash=hashlib.sha256(f"{SYNTHETIC}:{p['n']}:{body}".encode()).hexdigest(),
                status=ArticleStatus.DONE,
                extractor_version=SYNTHETIC,
                attempts=1,
            )
            articles.append(p["article"])
        Article.objects.bulk_create(articles, batch_size=BATCH)
        Gift.objects.bulk_create([g for _, g in gifts], batch_size=BATCH)
        Agreement.objects.bulk_create([ag for _, ag in agreements], batch_size=BATCH)
        Agreement.leader_parties.through.objects.bulk_create(
            [
                Agreement.leader_parties.through(agreement_id=ag.pk, leader_id=leader.pk)
                for p, ag in agreements
                for leader in p["people"]
            ],
            batch_size=BATCH,
        )
        Agreement.country_parties.through.objects.bulk_create(
            [
                Agreement.country_parties.through(agreement_id=ag.pk, country_id=cid)
                for p, ag in agreements
                for cid in {leader.country_id for leader in p["people"] if leader.country_id}
            ],
            batch_size=BATCH,
        )
        Article.leaders.through.objects.bulk_create(
            [
                Article.leaders.through(article_id=p["article"].pk, leader_id=leader.pk)
                for p in plans
                for leader in p["people"]
            ],
            batch_size=BATCH,
        )

        def evidence(article, sentence, **fact):
            start = article.text.find(sentence)
            start = max(start, 0)
            return Evidence(
                article=article,
                sentence=sentence,
                start=start,
                end=start + len(sentence),
                sentence_start=start,
                confidence=0.8,
                rule=SYNTHETIC,
                extractor_version=SYNTHETIC,
                **fact,
            )

        rows = []
        for p in plans:
            rows.append(evidence(p["article"], p["sentence"], meeting=p["meeting"]))
            if p["second_source"] and len(plans) > 1:
                other = plans[rng.randrange(len(plans))]["article"]
                if other is not p["article"]:
                    rows.append(evidence(other, other.text.split("\n\n")[0], meeting=p["meeting"]))
        for p, gift in gifts:
            rows.append(evidence(p["article"], p["article"].text.split("\n\n")[-1], gift=gift))
        for p, agreement in agreements:
            rows.append(
                evidence(p["article"], p["article"].text.split("\n\n")[-1], agreement=agreement)
            )
        Evidence.objects.bulk_create(rows, batch_size=BATCH)
        # bulk_create bypasses the maintained counts (kb.counters, kb.leader_pairs): count
        # them again, once the planner knows the tables are no longer empty (it would
        # join 100,000 meetings by nested loops, as for the few rows it saw last).
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "ANALYZE kb_meeting, kb_meeting_participants, kb_leader, kb_evidence"
                )
        counters.recount_all()
        leader_pairs.rebuild()
    counts = {
        "meetings": len(plans),
        "leaders": len(leaders),
        "articles": len(articles),
        "gifts": len(gifts),
        "agreements": len(agreements),
        "evidence": len(rows),
    }
    log(f"  done in {time.perf_counter() - started:.1f}s")
    return counts


class Command(BaseCommand):
    help = "Create N synthetic meetings (marked 'synthetic') to try the pages at scale."

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=1000, help="How many to add.")
        parser.add_argument("--seed", type=int, default=None, help="For a repeatable dataset.")
        parser.add_argument(
            "--delete", action="store_true", help="Remove all synthetic data instead."
        )

    def handle(self, *args, meetings, seed, delete, **options):
        if delete:
            counts = delete_synthetic()
            self.stdout.write(
                self.style.SUCCESS(
                    "Deleted synthetic data: " + ", ".join(f"{v} {k}" for k, v in counts.items())
                )
            )
            return
        if meetings < 1:
            raise CommandError("--meetings must be at least 1.")
        counts = generate(meetings, seed=seed, log=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                "Created synthetic data: " + ", ".join(f"{v} {k}" for k, v in counts.items())
            )
        )
