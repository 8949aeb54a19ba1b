"""Meeting capabilities of rounds and retellings in the words of news: a tally of meetings
('has already met A, B and C since arriving'), consultations ('conferred with A of X, B of
Y and C of Z'), states named for their leaders ('held bilaterals with Chile and Norway'),
discussions ('discussed railways with B'), and one meeting told twice (a noun, then a
verb) beside a dinner still to come or given for a group."""

from __future__ import annotations

from .base import Draft, capability, date_phrase, mention, sentence, simple
from .expectations import LeaderCountry, Meeting, MeetingCount, NoMeeting
from .meetings import _several


def _listed(names) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1]


@capability("meeting.round_told_as_tally", twin="meeting.tally_told_as_one")
def round_told_as_tally(fillers, rng):
    """A perfect that counts meetings up to now ('has already met A, B and C', 'since
    arriving', 'since Sunday', 'so far'), with no word of a round: one meeting each."""
    published, leaders = _several(fillers, rng, rng.choice((3, 4)))
    a, others = leaders[0], leaders[1:]
    listed = _listed([simple(rng, x) for x in others])
    pattern = rng.choice(
        (
            "{A} arrived in {place} on Sunday. The {office} has already met with {L} since "
            "arriving.",
            "{A} has met {L} since {pos} arrival in {place}.",
            "Since Sunday, {A} has met with {L}.",
            "So far {A} has held talks with {L}.",
            "{A} has already met {L}, aides said.",
            "{A} has met {L} since {he} landed in {place}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        L=listed,
        place=a.capital,
        office=a.title.lower(),
        pos="his",
        he="he",
    )
    expected = (
        *(Meeting((a.name, x.name), exact=True) for x in others),
        NoMeeting((others[0].name, others[1].name)),
    )
    return Draft(sentence(text), published, expected, tuple(leaders))


@capability("meeting.tally_told_as_one", twin="meeting.round_told_as_tally")
def tally_told_as_one(fillers, rng):
    """The same tally told of one sitting ('together', 'at a trilateral summit', 'at a
    joint meeting'): one meeting of all, none of two."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} and {C} at a trilateral summit in {place} {when}.",
            "Since arriving, {A} has met {B} and {C} together.",
            "{A} has already met {B} and {C} at a joint meeting in {place}.",
            "{A} conferred with {B} and {C} at a trilateral meeting in {place} {when}.",
            "{A} conferred with {B} and {C} together in {place} {when}.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABC", leaders, strict=True)}
    text = pattern.format(place=a.capital, when=when, **names)
    expected = (Meeting((a.name, b.name, c.name), exact=True), MeetingCount(1))
    return Draft(sentence(text), published, expected, tuple(leaders))


@capability("meeting.conferred_with_each", twin="meeting.tally_told_as_one")
def conferred_with_each(fillers, rng):
    """'A conferred with B of X, C of Y and D of Z': consultations, one meeting each, and
    each one's own 'of' phrase gives their country."""
    published, leaders = _several(fillers, rng, rng.choice((3, 4)))
    a, others = leaders[0], leaders[1:]
    when, _ = date_phrase(rng, published)
    form = rng.choice(("of", "of", "titled"))
    if form == "of":
        listed = _listed([f"{x.name} of {x.country_name}" for x in others])
    else:
        listed = _listed([mention(x, "full") for x in others])
    pattern = rng.choice(
        (
            "{A} conferred with {L} {when}.",
            "{When_cap}, {A} conferred with {L}.",
            "In {place} {when}, {A} conferred with {L}.",
            "{A} also conferred with {L} during the forum.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), L=listed, when=when, When_cap=when[:1].upper() + when[1:], place=a.capital
    )
    expected = (
        *(Meeting((a.name, x.name), exact=True) for x in others),
        *(LeaderCountry(x.name, x.country) for x in others),
        NoMeeting((others[0].name, others[1].name)),
    )
    return Draft(sentence(text), published, expected, tuple(leaders))


@capability("meeting.bilaterals_with_states", twin="meeting.bilaterals_with_states_unnamed")
def bilaterals_with_states(fillers, rng):
    """'A held bilaterals with Chile and Norway', with those states' leaders named elsewhere
    in the article: one meeting with each leader (a meeting's participants are persons)."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, _ = date_phrase(rng, published)
    first = rng.choice(
        (
            "{B} and {C} were among the guests in {place}.",
            "{B} and {C} are attending the forum in {place}.",
            "The forum in {place} drew {B}; {C} also attended.",
        )
    )
    then = rng.choice(
        (
            "{A} held bilaterals with {b} and {c} {when}.",
            "{A} held bilateral meetings with {b} and {c} {when}.",
            "{A} also held bilateral talks with {b} and {c} {when}.",
            "{A} held separate meetings with {b} and {c} {when}.",
        )
    )
    names = dict(
        A=simple(rng, a),
        B=mention(b, "full"),
        C=mention(c, "full"),
        b=b.country_name,
        c=c.country_name,
        place=a.capital,
        when=when,
    )
    text = sentence(first.format(**names)) + " " + sentence(then.format(**names))
    expected = (
        Meeting((a.name, b.name), exact=True),
        Meeting((a.name, c.name), exact=True),
        NoMeeting((b.name, c.name)),
    )
    return Draft(text, published, expected, tuple(leaders))


@capability(
    "meeting.bilaterals_with_states_unnamed", twin="meeting.bilaterals_with_states", negative=True
)
def bilaterals_with_states_unnamed(fillers, rng):
    """'A held bilaterals with X and Y' where no leader of X or Y is named: no meeting (no
    participant is invented)."""
    published, leaders = _several(fillers, rng, 1)
    a = leaders[0]
    x = fillers.other_state(rng, a.country)
    y = fillers.other_state(rng, a.country, x.code)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} held bilaterals with {X} and {Y} {when}.",
            "{A} held bilateral meetings with {X} and {Y} on the sidelines {when}.",
            "{A} met with {X} and {Y} {when}.",
            "{A} discussed trade with {X} {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), X=x.name, Y=y.name, when=when)
    return Draft(sentence(text), published, (NoMeeting(),), (a,))


@capability("meeting.discussed_with", twin="meeting.discussed_not_held")
def discussed_with(fillers, rng):
    """'A discussed railways with B', 'with the prime minister of X', 'A and B discussed
    trade': a meeting of the two; told by phone, a call."""
    published, leaders = _several(fillers, rng, 2)
    a, b = leaders
    when, day = date_phrase(rng, published)
    topic = rng.choice(("railways", "trade", "energy security", "the war", "climate finance"))
    b_form = rng.choice(("full", "titled", "after_of"))
    b_text = f"the {b.title.lower()} of {b.country_name}" if b_form == "after_of" else None
    b_text = b_text or mention(b, b_form)
    patterns = [
        ("{A} discussed {topic} with {B} in {place} {when}.", None),
        ("{A} discussed {topic} with {B} {when}.", None),
        ("{when_cap}, {A} and {B2} discussed {topic} in {place}.", None),
        ("{A} discussed {topic} with {B} in a phone call {when}.", "call"),
        ("{A} discussed {topic} by phone with {B} {when}.", "call"),
    ]
    pattern, kind = rng.choice(patterns)
    text = pattern.format(
        A=simple(rng, a),
        B=b_text,
        B2=mention(b, "full"),
        topic=topic,
        place=b.capital,
        when=when,
        when_cap=when[:1].upper() + when[1:],
    )
    expected = (Meeting((a.name, b.name), exact=True, date=day, kind=kind),)
    return Draft(sentence(text), published, expected, tuple(leaders))


@capability("meeting.discussed_not_held", twin="meeting.discussed_with", negative=True)
def discussed_not_held(fillers, rng):
    """A discussion planned, hoped for or denied ('plans to discuss', 'did not discuss',
    'will discuss'), held with others ('with reporters') or in a letter: no meeting."""
    published, leaders = _several(fillers, rng, 2)
    a, b = leaders
    topic = rng.choice(("railways", "trade", "energy security", "the war", "climate finance"))
    pattern = rng.choice(
        (
            "{A} plans to discuss {topic} with {B} next week.",
            "{A} did not discuss {topic} with {B}.",
            "{A} will discuss {topic} with {B} when they meet next month.",
            "{A} hopes to discuss {topic} with {B}.",
            "{A} is expected to discuss {topic} with {B} at the summit next month.",
            "{A} discussed {B}'s proposal on {topic} with reporters.",
            "{A} discussed {topic} with {B} in a letter sent on Monday.",
            "{A} never discussed {topic} with {B}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), topic=topic)
    return Draft(sentence(text), published, (NoMeeting(),), tuple(leaders))


@capability("meeting.noun_then_verb", twin="meeting.dinner_not_a_pair")
def noun_then_verb(fillers, rng):
    """One meeting told first by a noun ('the meeting between A and B') and then by a verb
    ('A met B at the palace', 'B had met A at the airport'): one meeting."""
    published, leaders = _several(fillers, rng, 2)
    a, b = leaders
    when, day = date_phrase(rng, published)
    first = rng.choice(
        (
            "The meeting between {A} and {B} in {place} {when} lasted two hours.",
            "The talks between {A} and {B} {when} focused on energy.",
            "{A}'s meeting with {B} in {place} {when} was their first.",
            "A meeting between {A} and {B} was held in {place} {when}.",
        )
    )
    then = rng.choice(
        (
            "{a} met {b} at the presidential palace, where the two discussed trade.",
            "{b} had met {a} at the airport.",
            "{a} met {b} for two hours.",
            "{a} met with {b} and later toured a factory.",
        )
    )
    names = dict(
        A=mention(a, "full"), B=mention(b, "full"), a=a.surname, b=b.surname, place=b.capital
    )
    text = sentence(first.format(when=when, **names)) + " " + sentence(then.format(**names))
    expected = (Meeting((a.name, b.name), exact=True, date=day), MeetingCount(1))
    return Draft(text, published, expected, tuple(leaders))


@capability("meeting.dinner_not_a_pair", twin="meeting.noun_then_verb", negative=True)
def dinner_not_a_pair(fillers, rng):
    """A dinner still to come tonight or this evening, a banquet given for a group of
    leaders that one guest attended, or a welcome of one guest 'and other leaders': no
    meeting of the host and that guest."""
    published, leaders = _several(fillers, rng, 2)
    a, b = leaders
    pattern = rng.choice(
        (
            "{A} will host {B} at a dinner tonight.",
            "{A} hosts a dinner for {B} this evening at the presidential palace.",
            "{A} is hosting a dinner for {B} tonight.",
            "{B} will attend a dinner hosted by {A} this evening.",
            "{B} attended a banquet hosted by {A} for the summit leaders.",
            "{B} attended a dinner hosted by {A} in honour of the visiting heads of state.",
            "{A} hosts {B} for dinner later today.",
            "{A} welcomed {B} and other leaders at the memorial.",
            "{A} greeted {B} and the other visiting heads of state at the palace.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b))
    return Draft(sentence(text), published, (NoMeeting(),), tuple(leaders))
