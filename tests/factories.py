"""factory_boy factories for the knowledge base."""

from __future__ import annotations

import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from kb.models import (
    Agreement,
    Article,
    ArticleStatus,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
    Office,
)

# Codes ISO 3166 leaves to users (XA-XZ, QM-QZ), never a real country's, so that a
# factory country never turns into the France or Norway a test names; XX and QQ stay free
# for tests that need a code no country has. XK is Kosovo's (gazetteer.countries.EXTRA_STATES).
_SPARE_CODES = [f"X{c}" for c in "ABCDEFGHIJLMNOPQRSTUVW"] + [f"Q{c}" for c in "MNOPRSTUVWY"]


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: _SPARE_CODES[n % len(_SPARE_CODES)])
    name = factory.LazyAttribute(lambda o: f"Country {o.code}")


class LeaderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leader

    name = factory.Sequence(lambda n: f"Leader Number{n}")
    title = "President"
    country = factory.SubFactory(CountryFactory)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    leader = factory.SubFactory(LeaderFactory)
    country = factory.LazyAttribute(lambda o: o.leader.country)
    kind = "head_of_state"
    title = "President"
    start = factory.Sequence(lambda n: __import__("datetime").date(1990 + n % 30, 1, 1))
    source = "https://example.org/list"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    text = factory.Sequence(lambda n: f"Two leaders met for talks, report number {n}.")
    content_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.text.encode()).hexdigest())
    status = ArticleStatus.DONE
    source = "test.txt"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    kind = "talks"
    place = "Palace of Nations"
    confidence = 0.8

    @factory.post_generation
    def participants(self, create, extracted, **kwargs):
        if create and extracted:
            self.participants.set(extracted)


class GiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gift

    giver = factory.SubFactory(LeaderFactory)
    recipient = factory.SubFactory(LeaderFactory)
    item = "silver tea set"
    confidence = 0.8


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    kind = "mou"
    status = "signed"
    summary = "Memorandum on cultural exchange"
    confidence = 0.8

    @factory.post_generation
    def leader_parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.leader_parties.set(extracted)


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    article = factory.SubFactory(ArticleFactory)
    sentence = factory.LazyAttribute(lambda o: o.article.text)
    start = 0
    end = factory.LazyAttribute(lambda o: len(o.article.text))
    confidence = 0.8
    extractor_version = "test"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or "correct-horse-battery")
        if create:
            self.save(update_fields=["password"])


def editor(username: str = "editor"):
    """A user in the editors group (may upload and correct)."""
    user = UserFactory(username=username)
    group, _ = Group.objects.get_or_create(name="editors")
    user.groups.add(group)
    return user
