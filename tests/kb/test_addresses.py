"""Record pages' addresses built from a pattern reversed once (kb.models.addresses)
are the addresses ``reverse()`` gives, under any script prefix."""

import pytest
from django.urls import reverse, set_script_prefix

from kb.models import Agreement, Article, Country, Gift, Leader, Meeting
from kb.models.addresses import record_url

NAMES = ("leader-detail", "meeting-detail", "gift-detail", "agreement-detail", "article-detail")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("pk", [1, 7, 42, 987654321, 10**12 + 3])
def test_a_record_number_gives_reverses_address(name, pk):
    assert record_url(name, pk) == reverse(name, args=[pk])


@pytest.mark.parametrize("code", ["FR", "KP", "ZZ", "XK"])
def test_a_country_code_gives_reverses_address(code):
    assert record_url("country-detail", code) == reverse("country-detail", args=[code])


@pytest.mark.parametrize("key", ["fr", "F R", "Côte", "100%"])
def test_other_keys_go_through_reverse_with_its_quoting(key):
    assert record_url("country-detail", key) == reverse("country-detail", args=[key])


def test_the_script_prefix_of_the_moment_is_used():
    try:
        set_script_prefix("/kb/")
        assert (
            record_url("leader-detail", 5) == "/kb/leaders/5/" == reverse("leader-detail", args=[5])
        )
        set_script_prefix("/other/")
        assert record_url("leader-detail", 5) == "/other/leaders/5/"
    finally:
        set_script_prefix("/")
    assert record_url("leader-detail", 5) == "/leaders/5/"


def test_records_link_to_their_pages():
    assert Leader(pk=3).get_absolute_url() == "/leaders/3/"
    assert Meeting(pk=4).get_absolute_url() == reverse("meeting-detail", args=[4])
    assert Gift(pk=5).get_absolute_url() == reverse("gift-detail", args=[5])
    assert Agreement(pk=6).get_absolute_url() == reverse("agreement-detail", args=[6])
    assert Article(pk=7).get_absolute_url() == reverse("article-detail", args=[7])
    assert Country(code="NO").get_absolute_url() == reverse("country-detail", args=["NO"])
