"""Venues, cities and host countries written around a meeting trigger.

A place comes from a locative phrase ("at the Vostochny space centre",
"in the resort city of Sochi", "in the Icelandic capital, Reykjavik").
Venues (a noun such as palace, office, centre, or a FAC entity) are more
specific than cities.  The host country comes from the place (a capital, a
known city, "in Russia's far east", "the Finnish capital") or from a country
named as the destination ("visit to Japan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gazetteer import geo
from gazetteer.geo_data import DIVISIONS

from .countries import code_for
from .lexicon import CITY_NOUNS, VENUE_NOUNS
from .tags import ADJ, AUX, DET, NOUN, PROPN, VERB
from .text import doc_ents, kids, span_text, subtree, tokens_between

LOCATIVE_PREPS = {"at", "in", "on", "inside", "outside", "near", "to", "into"}
VENUE, CITY = 2, 1
TRAVEL_VERBS = {"visit", "arrive", "travel", "fly", "land", "go", "come", "tour"}


@dataclass(frozen=True)  # shared: `places_around` hands out what it read once
class Place:
    text: str | None
    level: int  # VENUE or CITY (0 for a bare country)
    country: str | None
    tok_i: int


def _np_tokens(head, with_of: bool):
    """Tokens of a venue phrase without determiners, optional 'of' complement."""
    doc = head.doc
    left = head.i
    for child in kids(head):
        if child.i < head.i and child.dep_ not in ("det", "predet", "punct", "poss"):
            left = min(left, child.left_edge.i)  # "Japan's Osaka" is Osaka
    while left < head.i and doc[left].pos == DET:
        left += 1
    right = head.i
    if with_of:
        for child in kids(head):
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == head.i + 1:
                objs = [c for c in kids(child) if c.dep_ == "pobj"]
                if objs:
                    right = max(t.i for t in subtree(objs[0]))
    return doc[left : right + 1]


def _country_near(tok, published=None):
    """Country named inside or beside a place phrase: 'in Russia's far east', 'Swiss city',
    'the South Lawn of the White House'."""
    for t in subtree(tok):
        if t.i == tok.i or _in_clause(t, tok):
            continue
        if t.ent_iob_ == "B" and t.ent_type_ in ("GPE", "FAC", "ORG", "LOC"):
            ent = next((e for e in doc_ents(t.doc) if e.start == t.i), None)
            if ent is not None:
                code = geo.country_for_place(ent.text) or code_for(ent.text, published)
                if code:
                    return code
        code = code_for(t.text, published) if t.pos in (PROPN, ADJ, NOUN) else None
        if code:
            return code
    return None


COMPASS = {"eastern", "western", "northern", "southern", "central", "north", "south", "east"}
COMPASS |= {"west", "northeastern", "northwestern", "southeastern", "southwestern"}


def _region_of(name: str) -> str | None:
    """'eastern Ukraine', 'northern Syria': a part of a country is no city."""
    first, _, rest = name.partition(" ")
    return geo.country_for(rest) if first.lower() in COMPASS and rest else None


def _in_clause(t, top) -> bool:
    """Whether `t` sits in a clause of its own below `top` ('the presidential palace,
    where Biden announced more U.S. money': the U.S. is not the palace's country)."""
    while t != top and t.head != t:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp") and t.pos in (VERB, AUX):
            return True
        if t.dep_ == "conj":
            return True  # "in eastern Ukraine and Syria": Syria is another place
        t = t.head
    return False


def _city_of(head):
    """'the resort city of Sochi' -> Sochi; 'the Icelandic capital, Reykjavik' -> Reykjavik."""
    for child in kids(head):
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in kids(child):
                if obj.dep_ == "pobj" and obj.pos == PROPN:
                    return obj
        if child.dep_ == "appos" and child.pos == PROPN:
            return child
    return None


# The most words a known place's name has ("Bandar Seri Begawan", "Ho Chi Minh City").
_PLACE_WORDS = 4


def known_place_span(doc, i: int):
    """The longest run of two or more words around token i that names a known city or
    capital ('Port of Spain', 'Dar es Salaam', 'Rio de Janeiro'), which the tagger and the
    parser may have cut into pieces ('[Port] of [Spain]'); None if there is none."""
    best = None
    for start in range(max(0, i - _PLACE_WORDS + 1), i + 1):
        first = doc[start]
        if not first.text[:1].isupper():
            continue
        if first.lower_ == "the" and start + 1 < len(doc):  # 'The Hague': the name's own word
            first = doc[start + 1]
        if first.whitespace_ and not geo.may_begin_place(first.text):
            continue  # no known place begins so (a word run into the next is tried anyway)
        for end in range(min(len(doc), start + _PLACE_WORDS), i, -1):
            if end - start < 2 or (best is not None and end - start <= len(best)):
                continue
            words = tokens_between(doc, start, end)
            if any(t.is_punct and t.text != "-" for t in words) or any(
                t.is_sent_start for t in words[1:]
            ):
                continue
            if geo.country_for_place(span_text(doc, start, end)):
                best = doc[start:end]
    return best


def _division_country(name: str) -> str | None:
    """'Alaska', 'Ontario': a state or province of a country is in that country."""
    return DIVISIONS.get(name)


def classify(head, published=None) -> Place | None:
    """Describe the noun phrase headed by `head` as a venue, a city or a country."""
    if head.pos not in (PROPN, NOUN):
        return None
    low = head.lower_
    text = span_text(head.doc, head.left_edge.i, head.i + 1)
    known = known_place_span(head.doc, head.i) if head.pos == PROPN else None
    if known is not None:  # "in Port of Spain": the whole name, not 'Port' of Spain
        name = known.text.replace("’", "'")
        return Place(name, CITY, geo.country_for_place(name), head.i)
    if head.pos == PROPN or head.ent_type_ in ("GPE", "LOC", "FAC", "ORG"):
        span = _np_tokens(head, with_of=head.ent_iob_ == "I" or head.ent_type_ in ("FAC", "ORG"))
        name = span.text.replace("’", "'")
        if head.ent_type_ == "GPE" or geo.country_for_place(name):
            code = geo.country_for(name) or _region_of(name)
            if code and not geo.country_for_capital(name):
                return Place(None, 0, code, head.i)
            country = (
                geo.country_for_place(name)
                or _division_country(name)
                or _country_near(head, published)
            )
            return Place(name, CITY, country, head.i)
        if (
            low in VENUE_NOUNS
            or head.ent_type_ in ("FAC", "ORG")
            and low in VENUE_NOUNS | {"house"}
        ):
            return Place(
                name, VENUE, geo.country_for_place(name) or _country_near(head, published), head.i
            )
        if geo.country_for_capital(name):
            return Place(name, VENUE, geo.country_for_capital(name), head.i)
        match = geo.lookup(name)
        if match is not None and match.kind == "metonym":  # "at the Kremlin": the building
            return Place(name, VENUE, match.code, head.i)
        return None
    if low in CITY_NOUNS:
        city = _city_of(head)
        if city is not None:
            place = classify(city, published)
            if place and place.level:
                return replace(place, country=place.country or _country_near(head, published))
            if place is None and city.pos == PROPN:  # "the Cape Verdean island of Sal"
                name = _np_tokens(city, with_of=False).text.replace("\u2019", "'")
                return Place(name, CITY, _country_near(head, published), city.i)
        if low == "outskirts":
            return None
        return (
            Place(None, 0, _country_near(head, published), head.i)
            if _country_near(head, published)
            else None
        )
    if low in VENUE_NOUNS:
        span = _np_tokens(head, with_of=True)
        name = span.text.replace("’", "'")
        if name.lower() == low:
            return None
        return Place(
            name, VENUE, geo.country_for_place(name) or _country_near(head, published), head.i
        )
    del text
    return None


def places_around(trigger, published=None) -> list:
    """Places in locative phrases attached to a trigger (and to its verb, for nouns).
    Read from the parse alone, once per trigger and date: the rules ask again and again."""
    memo = trigger.doc.user_data.setdefault(_PLACES_KEY, {})
    key = (trigger.i, published)
    if key not in memo:
        memo[key] = _places_around(trigger, published)
    return list(memo[key])


_PLACES_KEY = "summitry.places_around"


def _places_around(trigger, published) -> list:
    heads = [trigger]
    heads += [
        c
        for c in kids(trigger)
        if c.dep_ == "dobj"
        and c.lower_
        in (
            "talks",
            "meeting",
            "summit",
            "discussions",
            "session",
            "lunch",
            "dinner",
            "negotiations",
        )
    ]
    heads += [  # "held five hours of talks ... at the Kremlin"
        o
        for c in kids(trigger)
        if c.dep_ == "dobj"
        for p in kids(c)
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in kids(p)
        if o.dep_ == "pobj" and o.lower_ in ("talks", "meetings", "discussions", "negotiations")
    ]
    if trigger.pos == NOUN and trigger.head != trigger:
        heads.append(trigger.head)
        if trigger.head.dep_ == "prep":
            heads.append(trigger.head.head)
    if trigger.pos == VERB:
        # "hosted X in Ottawa", "met X, Y's leader, in Oslo": the place hangs off the guest.
        heads += [c for c in kids(trigger) if c.dep_ == "dobj" and c.pos in (PROPN, NOUN)]
    heads += [  # "held talks with X in Seoul": the place hangs off the counterpart
        o
        for h in list(heads)
        for p in kids(h)
        if p.dep_ == "prep" and p.lower_ == "with"
        for o in kids(p)
        if o.dep_ == "pobj" and o.pos in (PROPN, NOUN)
    ]
    heads += _when_stops(trigger)
    out = _visited(trigger, published) + _set_off(trigger, published)
    for clause in (c for c in kids(trigger) if c.dep_ == "advcl"):
        # "When X visited Jeddah in July he greeted ...": the visit's place is the meeting's.
        if clause.lemma_.lower() in TRAVEL_VERBS:
            out += _visited(clause, published)
            heads.append(clause)
    verb = trigger if trigger.pos == VERB else trigger.head
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in kids(verb)):
        # "arrived from Mexico City, where he held talks with X": the antecedent is the place
        place = classify(verb.head, published)
        if place is None and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of":
            place = classify(verb.head.head.head, published)  # "the island of X, where"
        if place:
            out.append(place)
    if trigger.dep_ in ("conj", "xcomp", "advcl") and trigger.head.pos == VERB:
        # "visited Kyiv on Tuesday and held talks": the first verb's places are shared.
        out += _visited(trigger.head, published)
        if trigger.head.lemma_.lower() in TRAVEL_VERBS:
            heads.append(trigger.head)
    heads += [  # "met face to face on the sidelines of ...": the place hangs off "face"
        o
        for c in kids(trigger)
        if c.dep_ == "prep" and c.lower_ == "to"
        for o in kids(c)
        if o.lower_ == "face"
    ]
    for h in heads:
        for prep in kids(h):
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
                continue
            if prep.lower_ == "on" and h.lemma_.lower() == "call":
                continue  # "called on X": X is the one visited, not a place
            for obj in kids(prep):
                if obj.dep_ != "pobj":
                    continue
                if obj.lower_ in ("sidelines", "margins"):
                    out.extend(_sideline_places(obj, published))
                    continue
                if obj.lower_ == "outskirts":
                    city = _city_of(obj)
                    obj = city if city is not None else obj
                place = classify(obj, published) or _seat_in_city(obj, published)
                if place:
                    out.append(place)
                    out.extend(_nested(obj, published))
    return out


def _seat_in_city(obj, published) -> Place | None:
    """'at the United Nations in New York', 'at the Vatican Museums in Rome': a named
    body or building seated in a known city is a venue in that city's country."""
    if obj.pos != PROPN or obj.ent_type_ not in ("ORG", "FAC"):
        return None
    for prep in kids(obj):
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for inner in kids(prep):
                city = classify(inner, published) if inner.dep_ == "pobj" else None
                if city is not None and city.level == CITY and city.country:
                    name = _np_tokens(obj, with_of=True).text.replace("’", "'")
                    return Place(name, VENUE, city.country, obj.i)
    return None


STOP_NOUNS = {"stop", "stopover", "visit", "trip", "detour"}


def _when_stops(trigger) -> list:
    """'met in September, when X made a stop at Y': the stop told for the meeting's time
    is where it was held (the clause and its stop, as heads of locative phrases)."""
    out = []
    for prep in (c for c in kids(trigger) if c.dep_ == "prep"):
        for time in (o for o in kids(prep) if o.dep_ == "pobj" and o.ent_type_ == "DATE"):
            for clause in (c for c in kids(time) if c.dep_ in ("relcl", "advcl")):
                if not any(c.lower_ == "when" for c in kids(clause)):
                    continue
                stops = [c for c in kids(clause) if c.dep_ == "dobj" and c.lower_ in STOP_NOUNS]
                if stops or clause.lemma_.lower() in TRAVEL_VERBS:
                    out += [clause, *stops]
    return out


def _set_off(trigger, published) -> list:
    """'the leaders' previous meeting, in Sydney in February 2020, ...': a place set off
    by a comma right after a meeting noun is the noun's, wherever the parser hangs it."""
    if trigger.pos != NOUN:
        return []
    doc, after = trigger.doc, trigger.right_edge.i + 1
    if after + 2 >= len(doc) or doc[after].text != "," or doc[after + 1].lower_ not in ("in", "at"):
        return []
    prep = doc[after + 1]
    if prep.dep_ != "prep":
        return []
    places = [classify(o, published) for o in kids(prep) if o.dep_ == "pobj"]
    return [p for p in places if p is not None and p.level]


def _sideline_places(obj, published) -> list:
    """'on the sidelines of the G20 summit in Hamburg': the summit's city."""
    out = []
    events, frontier = [], [obj]
    for _ in range(2):  # "the sidelines of the Group of 20 summit in Hamburg"
        frontier = [
            e
            for o in frontier
            for of in kids(o)
            if of.dep_ == "prep" and of.lower_ == "of"
            for e in kids(of)
            if e.dep_ == "pobj"
        ]
        events += frontier
    for event in events:
        for prep in (c for c in kids(event) if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            for inner in (c for c in kids(prep) if c.dep_ == "pobj"):
                place = classify(inner, published)
                if place:
                    out.append(place)
    return out


def _visited(verb, published) -> list:
    """The place a visit verb names as its object: 'visited Kyiv'."""
    if verb.pos != VERB or verb.lemma_.lower() not in ("visit", "tour"):
        return []
    out = []
    for obj in (c for c in kids(verb) if c.dep_ == "dobj"):
        place = classify(obj, published)
        if place:
            out.append(place)
    return out


def _nested(obj, published) -> list:
    """'the South Lawn of the White House', 'the Filoli estate, ... south of San Francisco'."""
    out = []
    for prep in kids(obj):
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
            for inner in kids(prep):
                if inner.dep_ == "pobj":
                    place = classify(inner, published)
                    if place and not place.text:
                        out.append(place)
    return out


def dateline_place(idx, published=None) -> Place | None:
    """The dateline city ('SOCHI, Russia -') as a fallback host."""
    if not idx.dateline:
        return None
    parts = [p.strip() for p in idx.dateline.split(",")]
    city = re.sub(r"(?<=\w)'S\b", "'s", parts[0].title())  # "ST. JOHN'S": "St. John's"
    code = None
    if len(parts) > 1:
        code = code_for(parts[1], published) or DIVISIONS.get(parts[1])
    code = code or geo.country_for_place(city) or geo.country_for_capital(city)
    return Place(city, CITY, code, -1)


def told_here(trigger) -> bool:
    """'met here on Monday', 'talks held here', 'who last met here': the meeting is told as
    held in the city the story was filed from."""
    verb = trigger if trigger.pos in (VERB, AUX) else trigger.head
    heads = [trigger, verb] + [c for c in kids(trigger) if c.dep_ in ("acl", "relcl")]
    return any(c.lower_ == "here" and c.dep_ == "advmod" for h in heads for c in kids(h))


def here_places(meetings, dateline) -> None:
    """Meetings told as held 'here' are in the dateline's city: it is their place (unless
    they name a venue or a city of their own) and their host's country."""
    if dateline is None or not dateline.text:
        return
    for meeting in meetings:
        if "call" in meeting.kinds or not any(told_here(m.trigger) for m in meeting.mentions):
            continue
        if not any(p.level and p.text for p in meeting.places):
            meeting.places = [dateline, *meeting.places]
        meeting.host = dateline.country or meeting.host
