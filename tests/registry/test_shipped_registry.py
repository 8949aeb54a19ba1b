"""The registry file the project ships: it parses, it covers the world's states and the
years it claims to, and well-known terms carry the dates written here (from public
record, independently of the file)."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.registry import SHIPPED_FILE, read_registry_file
from kb.registry_coverage import STATES, registry_coverage

D = dt.date

# (name, country, office kind, start, end or None while in office)
KNOWN_TERMS = [
    ("Jacques Chirac", "FR", "head_of_state", D(1995, 5, 17), D(2007, 5, 16)),
    ("Nicolas Sarkozy", "FR", "head_of_state", D(2007, 5, 16), D(2012, 5, 15)),
    ("François Hollande", "FR", "head_of_state", D(2012, 5, 15), D(2017, 5, 14)),
    ("Emmanuel Macron", "FR", "head_of_state", D(2017, 5, 14), None),
    ("Gerhard Schröder", "DE", "head_of_government", D(1998, 10, 27), D(2005, 11, 22)),
    ("Angela Merkel", "DE", "head_of_government", D(2005, 11, 22), D(2021, 12, 8)),
    ("Olaf Scholz", "DE", "head_of_government", D(2021, 12, 8), D(2025, 5, 6)),
    ("Tony Blair", "GB", "head_of_government", D(1997, 5, 2), D(2007, 6, 27)),
    ("Gordon Brown", "GB", "head_of_government", D(2007, 6, 27), D(2010, 5, 11)),
    ("David Cameron", "GB", "head_of_government", D(2010, 5, 11), D(2016, 7, 13)),
    ("Theresa May", "GB", "head_of_government", D(2016, 7, 13), D(2019, 7, 24)),
    ("Boris Johnson", "GB", "head_of_government", D(2019, 7, 24), D(2022, 9, 6)),
    ("Liz Truss", "GB", "head_of_government", D(2022, 9, 6), D(2022, 10, 25)),
    ("Rishi Sunak", "GB", "head_of_government", D(2022, 10, 25), D(2024, 7, 5)),
    ("Elizabeth II", "GB", "monarch", D(1952, 2, 6), D(2022, 9, 8)),
    ("Charles III", "GB", "monarch", D(2022, 9, 8), None),
    ("Bill Clinton", "US", "head_of_state", D(1993, 1, 20), D(2001, 1, 20)),
    ("George W. Bush", "US", "head_of_state", D(2001, 1, 20), D(2009, 1, 20)),
    ("Barack Obama", "US", "head_of_state", D(2009, 1, 20), D(2017, 1, 20)),
    ("Donald Trump", "US", "head_of_state", D(2017, 1, 20), D(2021, 1, 20)),
    ("Joe Biden", "US", "head_of_state", D(2021, 1, 20), D(2025, 1, 20)),
    ("Donald Trump", "US", "head_of_state", D(2025, 1, 20), None),
    ("Hillary Clinton", "US", "foreign_minister", D(2009, 1, 21), D(2013, 2, 1)),
    ("Antony Blinken", "US", "foreign_minister", D(2021, 1, 26), D(2025, 1, 20)),
    ("Boris Yeltsin", "RU", "head_of_state", D(1991, 7, 10), D(1999, 12, 31)),
    ("Vladimir Putin", "RU", "head_of_state", D(1999, 12, 31), D(2008, 5, 7)),  # acting first
    ("Dmitry Medvedev", "RU", "head_of_state", D(2008, 5, 7), D(2012, 5, 7)),
    ("Vladimir Putin", "RU", "head_of_state", D(2012, 5, 7), None),
    ("Sergey Lavrov", "RU", "foreign_minister", D(2004, 3, 9), None),
    ("Jiang Zemin", "CN", "head_of_state", D(1993, 3, 27), D(2003, 3, 15)),
    ("Hu Jintao", "CN", "head_of_state", D(2003, 3, 15), D(2013, 3, 14)),
    ("Xi Jinping", "CN", "head_of_state", D(2013, 3, 14), None),
    ("Wang Yi", "CN", "foreign_minister", D(2013, 3, 16), D(2022, 12, 30)),
    ("Atal Bihari Vajpayee", "IN", "head_of_government", D(1998, 3, 19), D(2004, 5, 22)),
    ("Manmohan Singh", "IN", "head_of_government", D(2004, 5, 22), D(2014, 5, 26)),
    ("Narendra Modi", "IN", "head_of_government", D(2014, 5, 26), None),
    ("Subrahmanyam Jaishankar", "IN", "foreign_minister", D(2019, 5, 30), None),
    ("Shinzo Abe", "JP", "head_of_government", D(2006, 9, 26), D(2007, 9, 26)),
    ("Shinzo Abe", "JP", "head_of_government", D(2012, 12, 26), D(2020, 9, 16)),
    ("Yoshihide Suga", "JP", "head_of_government", D(2020, 9, 16), D(2021, 10, 4)),
    ("Fumio Kishida", "JP", "head_of_government", D(2021, 10, 4), D(2024, 10, 1)),
    ("Recep Tayyip Erdoğan", "TR", "head_of_government", D(2003, 3, 14), D(2014, 8, 28)),
    ("Recep Tayyip Erdoğan", "TR", "head_of_state", D(2014, 8, 28), None),
    ("Luiz Inácio Lula da Silva", "BR", "head_of_state", D(2003, 1, 1), D(2011, 1, 1)),
    ("Dilma Rousseff", "BR", "head_of_state", D(2011, 1, 1), D(2016, 8, 31)),
    ("Jair Bolsonaro", "BR", "head_of_state", D(2019, 1, 1), D(2023, 1, 1)),
    ("Luiz Inácio Lula da Silva", "BR", "head_of_state", D(2023, 1, 1), None),
    ("Nelson Mandela", "ZA", "head_of_state", D(1994, 5, 10), D(1999, 6, 14)),
    ("Thabo Mbeki", "ZA", "head_of_state", D(1999, 6, 14), D(2008, 9, 24)),
    ("Jacob Zuma", "ZA", "head_of_state", D(2009, 5, 9), D(2018, 2, 14)),
    ("Cyril Ramaphosa", "ZA", "head_of_state", D(2018, 2, 15), None),
    ("Stephen Harper", "CA", "head_of_government", D(2006, 2, 6), D(2015, 11, 4)),
    ("Justin Trudeau", "CA", "head_of_government", D(2015, 11, 4), D(2025, 3, 14)),
    ("Moon Jae-in", "KR", "head_of_state", D(2017, 5, 10), D(2022, 5, 10)),
    ("Yoon Suk Yeol", "KR", "head_of_state", D(2022, 5, 10), D(2025, 4, 4)),
    ("Lee Jae-myung", "KR", "head_of_state", D(2025, 6, 4), None),
    ("Joko Widodo", "ID", "head_of_state", D(2014, 10, 20), D(2024, 10, 20)),
    ("Prabowo Subianto", "ID", "head_of_state", D(2024, 10, 20), None),
    ("Volodymyr Zelensky", "UA", "head_of_state", D(2019, 5, 20), None),
    ("Benjamin Netanyahu", "IL", "head_of_government", D(2009, 3, 31), D(2021, 6, 13)),
    ("Benjamin Netanyahu", "IL", "head_of_government", D(2022, 12, 29), None),
    ("Andrés Manuel López Obrador", "MX", "head_of_state", D(2018, 12, 1), D(2024, 9, 30)),
    ("Claudia Sheinbaum", "MX", "head_of_state", D(2024, 10, 1), None),
    ("Jacinda Ardern", "NZ", "head_of_government", D(2017, 10, 26), D(2023, 1, 25)),
    ("Ali Khamenei", "IR", "head_of_state", D(1989, 6, 4), None),
    ("Salman bin Abdulaziz Al Saud", "SA", "monarch", D(2015, 1, 23), None),
    ("Mohammed bin Salman", "SA", "head_of_government", D(2022, 9, 27), None),
]
# A few days either way: sources differ on inauguration versus appointment.
TOLERANCE = dt.timedelta(days=3)


@pytest.fixture(scope="module")
def registry():
    return read_registry_file(SHIPPED_FILE)


def test_the_shipped_file_parses_and_every_country_is_a_state_we_know(registry):
    countries = {t.country for p in registry.persons.values() for t in p.terms}
    assert len(registry) > 0 and countries
    assert not countries - STATES - {"RU", "CZ"}, countries - STATES


def _spells(person, country, kind) -> list[tuple[dt.date, dt.date | None]]:
    """The person's spells in an office: terms that follow one another without a break
    are one spell (the file splits a term where, say, a president also became head of
    government)."""
    terms = sorted(
        (t for t in person.terms if t.country == country and t.kind in _same_office(kind)),
        key=lambda t: t.start,
    )
    spells: list[list] = []
    for term in terms:
        if spells and spells[-1][1] is not None and term.start <= spells[-1][1] + dt.timedelta(1):
            spells[-1][1] = term.end
        else:
            spells.append([term.start, term.end])
    return [(a, b) for a, b in spells]


def _same_office(kind: str) -> set[str]:
    return {"monarch", "head_of_state"} if kind in ("monarch", "head_of_state") else {kind}


@pytest.mark.parametrize(("name", "country", "kind", "start", "end"), KNOWN_TERMS)
def test_a_well_known_term_has_its_public_dates(registry, name, country, kind, start, end):
    person = registry.person_for([name], start, country)
    assert person is not None, f"{name} is not in the registry"
    spells = [s for s in _spells(person, country, kind) if abs(s[0] - start) <= TOLERANCE]
    assert spells, f"{name}: no {kind} term of {country} starting near {start}"
    last = spells[0][1]
    if end is None:
        assert last is None or last > dt.date(2025, 6, 1)
    else:
        assert last is not None and abs(last - end) <= TOLERANCE


def test_the_registry_covers_heads_of_state_and_government_of_every_state(registry):
    coverage = registry_coverage(registry, first_year=2000, last_year=2025)
    print("\n".join(coverage.gap_lines()))
    assert coverage.share("head_of_state") >= 0.97
    assert coverage.share("head_of_government") >= 0.97


def test_the_registry_covers_foreign_ministers_from_2000(registry):
    # Floor a little under what the file reaches (2026-12-06: 0.855); raise it with the data.
    coverage = registry_coverage(registry, first_year=2000, last_year=2025)
    assert coverage.share("foreign_minister") >= 0.84


def test_the_registry_covers_the_1990s_too(registry):
    coverage = registry_coverage(registry, first_year=1990, last_year=1999)
    assert coverage.share("head_of_state") >= 0.9
    assert coverage.share("head_of_government") >= 0.9


def test_coverage_counts_a_missing_year_as_a_gap():
    from gazetteer.registry import parse_registry_rows, registry_from_rows

    rows = parse_registry_rows(
        [
            "person_key,name,aliases,country,office,title,start,end,also_head_of_government,source",
            "US-a-b,A B,,US,head_of_state,President,2001-01-20,2009-01-20,1,https://x",
        ]
    )
    coverage = registry_coverage(registry_from_rows(rows), first_year=2000, last_year=2010)
    assert coverage.gaps[("US", "head_of_state")] == [2000, 2009, 2010]
    assert coverage.gaps[("US", "head_of_government")] == [2000, 2009, 2010]
    assert coverage.gaps[("CA", "head_of_state")] == list(range(2000, 2011))  # no crown rows


def test_the_shipped_file_passes_the_loaders_checks():
    """What load_registry refuses (a person in one office twice at once) is not in it."""
    from kb.registry.load import registry_file_rows
    from kb.registry.terms import _check_overlaps

    rows = registry_file_rows(SHIPPED_FILE)
    _check_overlaps(rows, "registry.csv")
    assert len({r["person_key"] for r in rows}) > 3000
