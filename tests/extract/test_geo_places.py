"""Tests for gazetteer.geo: country names, demonyms and capitals, the country of a
capital or another place, and territories.  Pure lookups, no database."""

from __future__ import annotations

import pytest

from gazetteer import geo, geo_data


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("RU", "Russia"),
        ("KR", "South Korea"),
        ("KP", "North Korea"),
        ("IR", "Iran"),
        ("SY", "Syria"),
        ("VN", "Vietnam"),
        ("LA", "Laos"),
        ("BO", "Bolivia"),
        ("VE", "Venezuela"),
        ("TZ", "Tanzania"),
        ("MD", "Moldova"),
        ("TR", "Turkey"),
        ("CZ", "Czech Republic"),
        ("GB", "United Kingdom"),
        ("US", "United States"),
        ("VA", "Holy See"),
        ("PS", "Palestine"),
        ("CD", "Democratic Republic of the Congo"),
        ("CG", "Republic of the Congo"),
        ("ru", "Russia"),
        ("TW", "Taiwan"),
    ],
)
def test_country_name(code, name):
    assert geo.country_name(code) == name


def test_country_name_unknown_code():
    with pytest.raises(KeyError):
        geo.country_name("XX")


@pytest.mark.parametrize(
    ("code", "demonym", "capital"),
    [
        ("KR", "South Korean", "Seoul"),
        ("GB", "British", "London"),
        ("US", "American", "Washington"),
        ("AE", "Emirati", "Abu Dhabi"),
        ("JP", "Japanese", "Tokyo"),
        ("ua", "Ukrainian", "Kyiv"),
        ("CH", "Swiss", "Bern"),
        ("MV", "Maldivian", "Malé"),
        ("TW", None, None),
        ("XX", None, None),
    ],
)
def test_demonym_and_capital_of(code, demonym, capital):
    assert geo.demonym_for(code) == demonym
    assert geo.capital_of(code) == capital


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Abu Dhabi", "AE"),
        ("Seoul", "KR"),
        ("The Hague", "NL"),
        ("the Kremlin", "RU"),
        ("Downing Street", "GB"),
        ("Russia", None),
        ("Sochi", None),
        ("seoul", None),
    ],
)
def test_country_for_capital(text, code):
    assert geo.country_for_capital(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Sochi", "RU"),
        ("Vladivostok", "RU"),
        ("St Petersburg", "RU"),
        ("St. Petersburg", "RU"),
        ("Geneva", "CH"),
        ("Davos", "CH"),
        ("Hiroshima", "JP"),
        ("Osaka", "JP"),
        ("Shanghai", "CN"),
        ("Wuhan", "CN"),
        ("Hangzhou", "CN"),
        ("Lviv", "UA"),
        ("Odesa", "UA"),
        ("Helsinki", "FI"),
        ("Singapore", "SG"),
        ("Camp David", "US"),
        ("Istanbul", "TR"),
        ("Mumbai", "IN"),
        ("Ahmedabad", "IN"),
        ("Busan", "KR"),
        ("Jeddah", "SA"),
        ("Havana", "CU"),
        ("Prague", "CZ"),
        ("Hanoi", "VN"),
        ("Minsk", "BY"),
        ("Lusail", "QA"),
        ("Doha", "QA"),
        ("Sharm el-Sheikh", "EG"),
        ("Sharm El-Sheikh", "EG"),
        ("New York", "US"),
        ("Rio de Janeiro", "BR"),
        ("Sao Paulo", "BR"),
        ("São Paulo", "BR"),
        ("Aachen", "DE"),
        ("Munich", "DE"),
        ("Hamburg", "DE"),
        ("Biarritz", "FR"),
        ("Bali", "ID"),
        ("Dubai", "AE"),
        ("Zurich", "CH"),
        ("Zürich", "CH"),
        ("Tromso", "NO"),
        ("Wroclaw", "PL"),
        ("Panmunjom", None),
        ("Japan", None),
        ("sochi", None),
    ],
)
def test_country_for_place(text, code):
    assert geo.country_for_place(text) == code


def test_place_table_is_general():
    assert len(geo_data.PLACES) >= 150


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Taiwan", "TW"),
        ("Hong Kong", "HK"),
        ("Macau", "MO"),
        ("Greenland", "GL"),
        ("Puerto Rico", "PR"),
        ("British Virgin Islands", "VG"),
        ("Russia", None),
    ],
)
def test_territory_for(text, code):
    assert geo.territory_for(text) == code
