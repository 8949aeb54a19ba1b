"""generate_demo_data makes N synthetic meetings (and removes them); bench_pages' timer."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from kb.management.commands.bench_pages import measure
from kb.models import Agreement, Article, Evidence, Gift, Leader, LeaderAlias, Meeting

pytestmark = pytest.mark.django_db


def test_generate_demo_data_creates_n_meetings(client):
    out = StringIO()
    call_command("generate_demo_data", meetings=40, seed=3, stdout=out)
    assert Meeting.objects.count() == 40
    assert "Created synthetic data: 40 meetings" in out.getvalue()
    # Every meeting has participants and at least one synthetic source.
    assert not Meeting.objects.filter(participants__isnull=True).exists()
    assert not Meeting.objects.exclude(evidence__article__source="synthetic").exists()
    assert Article.objects.exclude(source="synthetic").count() == 0
    assert Article.objects.filter(title__startswith="[synthetic]").count() == 40
    assert Evidence.objects.exclude(extractor_version="synthetic").count() == 0
    assert Leader.objects.exclude(title__startswith="Synthetic").count() == 0
    # Leaders are findable by name like real ones (aliases made alongside bulk_create).
    leader = Leader.objects.first()
    assert LeaderAlias.objects.filter(leader=leader, key=leader.name_key).exists()
    assert Leader.objects.named(leader.name).get() == leader
    assert Gift.objects.exists() and Agreement.objects.exists()
    # Top up: a second run adds to the first.
    call_command("generate_demo_data", meetings=15, stdout=StringIO())
    assert Meeting.objects.count() == 55
    assert client.get("/meetings/").status_code == 200
    assert client.get("/network/").status_code == 200


def test_generate_demo_data_is_repeatable_with_a_seed():
    call_command("generate_demo_data", meetings=10, seed=7, stdout=StringIO())
    first = list(Meeting.objects.order_by("id").values_list("kind", "date", "place"))
    call_command("generate_demo_data", delete=True, stdout=StringIO())
    call_command("generate_demo_data", meetings=10, seed=7, stdout=StringIO())
    assert list(Meeting.objects.order_by("id").values_list("kind", "date", "place")) == first


def test_generate_demo_data_delete_removes_only_synthetic(world):
    real = Meeting.objects.count()
    call_command("generate_demo_data", meetings=20, seed=1, stdout=StringIO())
    assert Meeting.objects.count() == real + 20
    out = StringIO()
    call_command("generate_demo_data", delete=True, stdout=out)
    assert Meeting.objects.count() == real
    assert Article.objects.filter(source="synthetic").count() == 0
    assert Leader.objects.filter(title__startswith="Synthetic").count() == 0
    assert Leader.objects.filter(pk=world["dubois"].pk).exists()
    assert "20 meetings" in out.getvalue()


def test_generate_demo_data_rejects_zero():
    with pytest.raises(CommandError):
        call_command("generate_demo_data", meetings=0, stdout=StringIO())


def test_bench_measure_reports_median_and_queries():
    from kb.models import Meeting

    call_command("generate_demo_data", meetings=5, seed=2, stdout=StringIO())
    meeting = Meeting.objects.order_by("pk").first()
    seconds, queries, size = measure(Client(), f"/meetings/{meeting.pk}/", requests=3)
    assert seconds > 0
    assert 1 <= queries <= 12  # a meeting's own page is read from the database each time
    assert size > 1000  # the page's bytes, as sent
    # the meetings table is kept rendered until a write: warm, it costs no query
    seconds, queries, size = measure(Client(), "/meetings/", requests=3)
    assert seconds > 0 and queries == 0 and size > 1000


@pytest.mark.django_db(transaction=True)
def test_generated_meetings_show_on_pages_cached_before_them(client):
    """bulk_create sends no signals: generating must still move kb.changes' version on,
    or a page cached before would hide the new meetings until its entry expired."""
    from kb.management.commands.generate_demo_data import generate

    generate(5, seed=3)
    before = client.get(reverse("map")).content
    assert client.get(reverse("map")).content == before  # served from the cache
    generate(40, seed=4)
    assert client.get(reverse("map")).content != before
