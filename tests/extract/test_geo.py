"""Tests for gazetteer.geo: the country a name, an official name, an abbreviation, a demonym,
a capital or a metonym stands for, and what is no country.  Pure lookups, no database."""

from __future__ import annotations

import pycountry
import pytest

from gazetteer import geo, geo_data

COMMON_NAMES = [
    ("Russia", "RU"),
    ("South Korea", "KR"),
    ("North Korea", "KP"),
    ("the United States", "US"),
    ("United States", "US"),
    ("America", "US"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("the United Kingdom", "GB"),
    ("Turkey", "TR"),
    ("Türkiye", "TR"),
    ("Turkiye", "TR"),
    ("Vietnam", "VN"),
    ("Viet Nam", "VN"),
    ("Iran", "IR"),
    ("Syria", "SY"),
    ("Laos", "LA"),
    ("Ivory Coast", "CI"),
    ("Côte d'Ivoire", "CI"),
    ("Cote d'Ivoire", "CI"),
    ("Czech Republic", "CZ"),
    ("Czechia", "CZ"),
    ("the Republic of the Congo", "CG"),
    ("Congo-Brazzaville", "CG"),
    ("Democratic Republic of the Congo", "CD"),
    ("DR Congo", "CD"),
    ("Holy See", "VA"),
    ("Vatican", "VA"),
    ("Palestine", "PS"),
    ("the Netherlands", "NL"),
    ("Holland", "NL"),
    ("The Gambia", "GM"),
    ("Burma", "MM"),
    ("Myanmar", "MM"),
    ("Eswatini", "SZ"),
    ("Swaziland", "SZ"),
    ("East Timor", "TL"),
    ("Timor-Leste", "TL"),
    ("Cape Verde", "CV"),
    ("North Macedonia", "MK"),
    ("Guinea", "GN"),
    ("Guinea-Bissau", "GW"),
    ("Equatorial Guinea", "GQ"),
    ("Papua New Guinea", "PG"),
    ("Niger", "NE"),
    ("Nigeria", "NG"),
    ("Sudan", "SD"),
    ("South Sudan", "SS"),
    ("Dominica", "DM"),
    ("Dominican Republic", "DO"),
    ("Saint Lucia", "LC"),
    ("St. Lucia", "LC"),
    ("Bosnia", "BA"),
    ("Chad", "TD"),
    ("CHINA", "CN"),
    ("Japan", "JP"),
    ("India", "IN"),
    ("Saudi Arabia", "SA"),
    ("United Arab Emirates", "AE"),
    ("Micronesia", "FM"),
    ("Moldova", "MD"),
]

OFFICIAL_NAMES = [
    ("Russian Federation", "RU"),
    ("Republic of Korea", "KR"),
    ("Democratic People's Republic of Korea", "KP"),
    ("People's Republic of China", "CN"),
    ("Lao People's Democratic Republic", "LA"),
    ("Syrian Arab Republic", "SY"),
    ("Islamic Republic of Iran", "IR"),
    ("United Republic of Tanzania", "TZ"),
    ("Bolivarian Republic of Venezuela", "VE"),
    ("Plurinational State of Bolivia", "BO"),
    ("United States of America", "US"),
    ("United Kingdom of Great Britain and Northern Ireland", "GB"),
    ("Kingdom of Saudi Arabia", "SA"),
    ("Republic of Türkiye", "TR"),
    ("the State of Palestine", "PS"),
    ("Federated States of Micronesia", "FM"),
    ("Brunei Darussalam", "BN"),
    ("Republic of Moldova", "MD"),
]

ABBREVIATIONS = [
    ("US", "US"),
    ("U.S.", "US"),
    ("U.S", "US"),
    ("USA", "US"),
    ("U.S.A.", "US"),
    ("UK", "GB"),
    ("U.K.", "GB"),
    ("DPRK", "KP"),
    ("ROK", "KR"),
    ("PRC", "CN"),
    ("UAE", "AE"),
    ("U.A.E.", "AE"),
    ("KSA", "SA"),
    ("DRC", "CD"),
]

DEMONYMS = [
    ("North Korean", "KP"),
    ("South Korean", "KR"),
    ("British", "GB"),
    ("American", "US"),
    ("Americans", "US"),
    ("Emirati", "AE"),
    ("Chinese", "CN"),
    ("Indian", "IN"),
    ("Turkish", "TR"),
    ("Saudi", "SA"),
    ("Saudis", "SA"),
    ("Swiss", "CH"),
    ("Czech", "CZ"),
    ("Filipino", "PH"),
    ("Dutch", "NL"),
    ("Israeli", "IL"),
    ("Israelis", "IL"),
    ("Bahraini", "BH"),
    ("Ukrainian", "UA"),
    ("Senegalese", "SN"),
    ("Zambian", "ZM"),
    ("Comoran", "KM"),
    ("Comorian", "KM"),
    ("Ugandan", "UG"),
    ("Egyptian", "EG"),
    ("Finnish", "FI"),
    ("Japanese", "JP"),
    ("Russian", "RU"),
    ("Russians", "RU"),
    ("Palestinian", "PS"),
    ("Dominican", "DO"),
    ("Burkinabé", "BF"),
    ("Burkinabe", "BF"),
    ("South Sudanese", "SS"),
    ("Sudanese", "SD"),
    ("Nigerien", "NE"),
    ("Nigerian", "NG"),
    ("Ivorian", "CI"),
    ("Ni-Vanuatu", "VU"),
    ("Azeri", "AZ"),
    ("Briton", "GB"),
]

CAPITALS = [
    ("Seoul", "KR"),
    ("Tokyo", "JP"),
    ("Washington", "US"),
    ("Washington, D.C.", "US"),
    ("Moscow", "RU"),
    ("Beijing", "CN"),
    ("Pyongyang", "KP"),
    ("New Delhi", "IN"),
    ("Ankara", "TR"),
    ("Kyiv", "UA"),
    ("Kiev", "UA"),
    ("Pretoria", "ZA"),
    ("Brasília", "BR"),
    ("Brasilia", "BR"),
    ("Riyadh", "SA"),
    ("Tehran", "IR"),
    ("Paris", "FR"),
    ("Berlin", "DE"),
    ("London", "GB"),
    ("The Hague", "NL"),
    ("Yaoundé", "CM"),
    ("Yaounde", "CM"),
    ("N'Djamena", "TD"),
    ("Sana'a", "YE"),
    ("Chișinău", "MD"),
    ("Chisinau", "MD"),
    ("Nuku'alofa", "TO"),
    ("Port-au-Prince", "HT"),
]

METONYMS = [
    ("the Kremlin", "RU"),
    ("Kremlin", "RU"),
    ("the White House", "US"),
    ("Downing Street", "GB"),
    ("the Elysee", "FR"),
    ("the Élysée", "FR"),
    ("Elysée", "FR"),
    ("Zhongnanhai", "CN"),
    ("the Blue House", "KR"),
]

SURFACE_NOISE = [
    ("Russia's", "RU"),
    ("Russia’s", "RU"),
    ("the Kremlin’s", "RU"),
    ("U.S.'s", "US"),
    ("North Korea-", "KP"),
    ("North Korea–", "KP"),
    ("“Japan”", "JP"),
    ("(China)", "CN"),
    ("Philippines'", "PH"),
    ("Philippines’", "PH"),
    ("  India,  ", "IN"),
    ("THE UNITED STATES", "US"),
    ("Guinea Bissau", "GW"),
    ("Bosnia & Herzegovina", "BA"),
]


@pytest.mark.parametrize(
    ("text", "code"),
    COMMON_NAMES + OFFICIAL_NAMES + ABBREVIATIONS + DEMONYMS + CAPITALS + METONYMS + SURFACE_NOISE,
)
def test_country_for(text, code):
    assert geo.country_for(text) == code


NOT_COUNTRIES = [
    "the West",
    "West",
    "Europe",
    "Asia",
    "Africa",
    "the Gulf",
    "Middle East",
    "EU",
    "E.U.",
    "European Union",
    "NATO",
    "Nato",
    "UN",
    "U.N.",
    "United Nations",
    "G7",
    "G20",
    "BRICS",
    "ASEAN",
    "APEC",
    "Quad",
    "African Union",
    "OSCE",
    "AUKUS",
    "England",
    "Scotland",
    "Wales",
    "Taiwan",
    "Hong Kong",
    "Macau",
    "Tibet",
    "Xinjiang",
    "Crimea",
    "Donbas",
    "West Bank",
    "Gaza",
    "Kashmir",
    "Abu Dhabi",
    "Korean Peninsula",
    "Soviet Union",
    "USSR",
    "Latin American",
    "Greenland",
    "Puerto Rico",
    "Kosovo",
]


@pytest.mark.parametrize("text", NOT_COUNTRIES)
def test_non_states_are_not_countries(text):
    assert geo.country_for(text) is None
    assert geo.is_non_state(text)


@pytest.mark.parametrize(
    "text",
    [
        "turkey",
        "chad",
        "china",
        "us",
        "Us",
        "uk",
        "jordan",
        "georgia",
        "Who",
        "Un",
        "",
        "the",
        "Congo",
        "Congolese",
        "Korea",
        "Korean",
        "Atlantis",
        "Male",
        "Victoria",
    ],
)
def test_lowercase_common_words_ambiguous_and_unknown_give_none(text):
    assert geo.country_for(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Congo", True), ("Korean", True), ("Congolese", True), ("Russia", False)],
)
def test_is_ambiguous(text, expected):
    assert geo.is_ambiguous(text) is expected
    assert not geo.is_non_state(text)


def test_sovereign_states_cover_un_members_and_observers():
    assert len(geo.SOVEREIGN_CODES) == 195
    for code in geo.SOVEREIGN_CODES:
        assert pycountry.countries.get(alpha_2=code) is not None
        assert geo.is_sovereign(code)
        name, _aliases, demonyms, capitals = geo_data.STATES[code]
        assert demonyms and capitals
        assert geo.country_for(name) == code or geo.is_ambiguous(name)
    for code in ("TW", "HK", "MO", "GL", "PR", "EH", "AQ"):
        assert not geo.is_sovereign(code)


def test_every_pycountry_name_of_a_state_resolves():
    for entry in pycountry.countries:
        if entry.alpha_2 in geo.SOVEREIGN_CODES and entry.alpha_2 != "CG":
            assert geo.country_for(entry.name) == entry.alpha_2, entry.name
