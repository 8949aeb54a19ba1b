"""Tests for gazetteer.geo: pure lookups, no database."""

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


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("EU", "EU"),
        ("European Union", "EU"),
        ("NATO", "NATO"),
        ("Nato", "NATO"),
        ("the UN", "UN"),
        ("United Nations", "UN"),
        ("G7", "G7"),
        ("G-7", "G7"),
        ("G20", "G20"),
        ("Group of 20", "G20"),
        ("BRICS", "BRICS"),
        ("ASEAN", "ASEAN"),
        ("Asean", "ASEAN"),
        ("APEC", "APEC"),
        ("the Quad", "Quad"),
        ("African Union", "African Union"),
        ("AU", "African Union"),
        ("OSCE", "OSCE"),
        ("IAEA", "IAEA"),
        ("WTO", "WTO"),
        ("OPEC", "OPEC"),
        ("OPEC+", "OPEC"),
        ("SCO", "SCO"),
        ("Shanghai Cooperation Organisation", "SCO"),
        ("GCC", "GCC"),
        ("Gulf Cooperation Council", "GCC"),
        ("AUKUS", "AUKUS"),
        ("WHO", "WHO"),
    ],
)
def test_organisation_for(text, org):
    assert geo.organisation_for(text) == org
    assert geo.country_for(text) is None


@pytest.mark.parametrize("text", ["Russia", "the West", "Who", "Un", "nato", "Korea"])
def test_organisation_for_non_organisations(text):
    assert geo.organisation_for(text) is None


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


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["North", "Korean", "troops"], ("KP", 2)),
        (["North", "Korea", "'s", "leader"], ("KP", 2)),
        (["United", "Arab", "Emirates", "and", "Qatar"], ("AE", 3)),
        (["the", "United", "States", "said"], ("US", 3)),
        (["Democratic", "Republic", "of", "the", "Congo", "and"], ("CD", 5)),
        (["Republic", "of", "the", "Congo"], ("CG", 4)),
        (["Guinea", "-", "Bissau", "."], ("GW", 3)),
        (["Papua", "New", "Guinea"], ("PG", 3)),
        (["Russia", "-", "Ukraine", "war"], ("RU", 1)),
        (["U.S.", "officials"], ("US", 1)),
        (["Seoul", "and", "Tokyo"], ("KR", 1)),
        (["South", "African", "president"], ("ZA", 2)),
        (["Latin", "American", "leaders"], None),
        (["West", "Bank"], None),
        (["Korean", "Peninsula"], None),
        (["Indian", "Ocean"], None),
        (["the", "European", "Union"], None),
        (["said", "Russia"], None),
        ([], None),
    ],
)
def test_match_country_prefix(tokens, expected):
    assert geo.match_country_prefix(tokens) == expected


def test_match_country_prefix_without_capitals():
    assert geo.match_country_prefix(["Seoul", "said"], include_capitals=False) is None
    assert geo.match_country_prefix(["Mexico", "City"], include_capitals=False) == ("MX", 1)
    assert geo.match_country_prefix(["Mexico", "City"]) == ("MX", 2)


@pytest.mark.parametrize(
    ("tokens", "kind", "n"),
    [
        (["Latin", "American", "leaders"], "non_state", 2),
        (["the", "European", "Union", "said"], "organisation", 3),
        (["Korean", "War"], "ambiguous", 1),
        (["the", "Kremlin", "'s"], "metonym", 2),
    ],
)
def test_match_geo_prefix(tokens, kind, n):
    match, length = geo.match_geo_prefix(tokens)
    assert (match.kind, length) == (kind, n)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the Kremlin’s", "kremlin"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("U.S.", "us"),
        ("North Korea-", "north korea"),
        ("Guinea-Bissau", "guinea bissau"),
    ],
)
def test_normalise(text, key):
    assert geo.normalise(text) == key
