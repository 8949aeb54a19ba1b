"""How much of the world and of the years the leader registry covers.

For every state the registry must cover (UN members, the two observer states, Taiwan and
Kosovo) and every year, three questions: is there a head of state, a head of government
and (from 2000) a foreign minister on record for (nearly) all of that year? A year counts
as covered when the terms on record span at least ``COVERED_SHARE`` of its days (a
caretaker of a few weeks may be missing). Pure Python over the snapshot's persons, so the
test and ``manage.py registry_coverage`` compute the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from gazetteer.registry import Registry, Term

UN_MEMBERS = frozenset(
    """
    AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV
    KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ
    FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI
    KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ
    MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM
    ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM
    TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
    """.split()
)
OBSERVERS = frozenset({"VA", "PS"})
ALSO_COVERED = frozenset({"TW", "XK"})
STATES = UN_MEMBERS | OBSERVERS | ALSO_COVERED

D = dt.date
# States that came into being after 1990 (as the state the registry records), from the
# day they did: a year counts only from that day.
FIRST_DAY = {
    "SS": D(2011, 7, 9), "TL": D(2002, 5, 20), "ME": D(2006, 6, 3), "XK": D(2008, 2, 17),
    "ER": D(1993, 5, 24), "CZ": D(1993, 1, 1), "SK": D(1993, 1, 1), "SI": D(1991, 6, 25),
    "HR": D(1991, 6, 25), "BA": D(1992, 3, 3), "MK": D(1991, 9, 8), "EE": D(1991, 8, 20),
    "LV": D(1991, 8, 21), "LT": D(1990, 3, 11), "UA": D(1991, 8, 24), "BY": D(1991, 8, 25),
    "MD": D(1991, 8, 27), "GE": D(1991, 4, 9), "AM": D(1991, 9, 21), "AZ": D(1991, 10, 18),
    "KZ": D(1991, 12, 16), "UZ": D(1991, 8, 31), "TM": D(1991, 10, 27), "KG": D(1991, 8, 31),
    "TJ": D(1991, 9, 9), "RU": D(1991, 12, 26), "NA": D(1990, 3, 21), "YE": D(1990, 5, 22),
    "MH": D(1991, 9, 17), "FM": D(1991, 9, 17), "PW": D(1994, 10, 1), "PS": D(1994, 7, 5),
    "RS": D(2006, 6, 5),
}  # fmt: skip

# Commonwealth realms share the British monarch as head of state: (realm, until).
REALMS = {
    code: None
    for code in ("AU", "BS", "BZ", "CA", "GD", "JM", "NZ", "PG", "KN", "LC", "VC", "SB", "TV", "AG")
}
REALMS.update({"BB": dt.date(2021, 11, 29), "MU": dt.date(1992, 3, 11)})

COVERED_SHARE = 0.9
QUESTIONS = ("head_of_state", "head_of_government", "foreign_minister")
FOREIGN_MINISTERS_FROM = 2000


@dataclass
class Coverage:
    first_year: int
    last_year: int
    # (country, question) -> years not covered
    gaps: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    asked: dict[str, int] = field(default_factory=dict)  # question -> country-years asked

    def missing(self, question: str) -> int:
        return sum(len(v) for (_, q), v in self.gaps.items() if q == question)

    def share(self, question: str) -> float:
        asked = self.asked.get(question, 0)
        return 1.0 if not asked else 1 - self.missing(question) / asked

    def gap_lines(self) -> list[str]:
        return [
            f"{country} {question}: {_ranges(years)}"
            for (country, question), years in sorted(self.gaps.items())
            if years
        ]


def _ranges(years: list[int]) -> str:
    out, start = [], None
    for i, year in enumerate(years):
        if start is None:
            start = year
        if i + 1 == len(years) or years[i + 1] != year + 1:
            out.append(str(start) if start == year else f"{start}–{year}")
            start = None
    return ", ".join(out)


def _terms_by_office(registry: Registry) -> dict[tuple[str, str], list[Term]]:
    found: dict[tuple[str, str], list[Term]] = {}
    for person in registry.persons.values():
        for term in person.terms:
            kinds = {term.kind}
            if term.kind == "monarch":
                kinds = {"head_of_state"}
            if term.heads_government and term.kind in ("head_of_state", "monarch"):
                kinds.add("head_of_government")
            for kind in kinds & set(QUESTIONS):
                found.setdefault((term.country, kind), []).append(term)
    return found


def _covered_days(
    terms: Iterable[Term], year: int, until: dt.date | None = None, since: dt.date | None = None
) -> float:
    first, last = max(dt.date(year, 1, 1), since or dt.date.min), dt.date(year, 12, 31)
    if until is not None:
        last = min(last, until)
    if last < first:
        return 1.0
    days = set()
    for term in terms:
        start, end = max(term.start, first), min(term.end or last, last)
        if start <= end:
            days.update(range(start.toordinal(), end.toordinal() + 1))
    return len(days) / (last.toordinal() - first.toordinal() + 1)


def registry_coverage(
    registry: Registry, *, first_year: int = 1990, last_year: int = 2025
) -> Coverage:
    by_office = _terms_by_office(registry)
    coverage = Coverage(first_year, last_year)
    for country in sorted(STATES):
        for question in QUESTIONS:
            since = FIRST_DAY.get(country)
            start = max(first_year, since.year if since else first_year)
            if question == "foreign_minister":
                start = max(start, FOREIGN_MINISTERS_FROM)
            missing = []
            for year in range(start, last_year + 1):
                coverage.asked[question] = coverage.asked.get(question, 0) + 1
                terms = list(by_office.get((country, question), ()))
                if question == "head_of_state" and country in REALMS:
                    until = REALMS[country]
                    if until is None or year <= until.year:
                        crown = by_office.get(("GB", question), ())
                        if _covered_days(crown, year, until) >= COVERED_SHARE:
                            continue
                if _covered_days(terms, year, since=since) < COVERED_SHARE:
                    missing.append(year)
            coverage.gaps[(country, question)] = missing
    return coverage
