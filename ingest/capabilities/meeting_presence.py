"""Meeting capabilities of presence: who was there (a visit, a caption, onlookers,
stand-ins, things done together, calls to several, separate meetings) and who was not."""

from __future__ import annotations

from .base import Draft, capability, capitalised, date_phrase, sentence, simple, two_leaders
from .expectations import Meeting, MeetingCount, NoMeeting
from .meetings import _several


@capability("meeting.travel_visit")
def travel_visit(fillers, rng):
    """A travels to B's country and meets B there: a visit hosted by B's country."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} arrived in {place} {when} for a two-day visit and held talks with {B}.",
            "On {a_pos} first trip to {country}, {A} met {B} in {place} {when}.",
            "{A} flew to {place} {when} for talks with {B}.",
            "{A}, on a three-day visit to {country}, met {B} in {place} {when}.",
            "{A} travelled to {place} {when} to meet {B}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        a_pos="his",
        place=b.capital,
        country=b.country_name,
        when=when,
    )
    expected = Meeting((a.name, b.name), date=day, kind="visit")
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("meeting.caption_restates")
def caption_restates(fillers, rng):
    """A photo caption restating the day's meeting among some of its people adds none."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, day = date_phrase(rng, published)
    place = b.capital
    story = "{B} received {A} and {C} at the presidential palace in {place} {when}."
    caption = rng.choice(
        (
            "{A} shakes hands with {B} as {C} looks on at the palace in {place}. AFP",
            "{A} (L) shakes hands with {B} (R) at the palace in {place}.",
            "{B} greets {A} at the palace in {place}. \u2014 Reuters",
            "{A} and {B} shake hands at the palace in {place}. PTI",
        )
    )
    names = dict(A=simple(rng, a), B=simple(rng, b), C=simple(rng, c), place=place, when=when)
    text = sentence(story.format(**names)) + "\n\n" + sentence(caption.format(**names))
    expected = (Meeting((a.name, b.name, c.name), date=day, exact=True), MeetingCount(1))
    return Draft(text, published, expected, tuple(leaders))


@capability("meeting.the_two_leaders")
def the_two_leaders(fillers, rng):
    """'The two leaders' after a leader and a spouse are named: the two leaders met."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    first = rng.choice(
        (
            "{B} and {pos} wife, Maria Okafor, walked {A} into the palace in {place} {when}.",
            "{B} and {pos} wife, Maria Okafor, greeted {A} on the steps of the palace in "
            "{place} {when}.",
        )
    )
    then = rng.choice(
        (
            "As the two leaders sat down for their talks, {b} praised the visit.",
            "The two leaders then held talks on trade.",
        )
    )
    names = dict(
        A=simple(rng, a), B=simple(rng, b), b=b.surname, pos="his", place=b.capital, when=when
    )
    text = sentence(first.format(**names)) + " " + sentence(then.format(**names))
    expected = (Meeting((a.name, b.name), date=day, exact=True), MeetingCount(1))
    return Draft(text, published, expected, (a, b))


@capability("meeting.onlookers", twin="meeting.not_there_negative")
def onlookers(fillers, rng):
    """A and B signed as C and D looked on (or watched): one meeting of the four."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} and {B} signed the treaty in {place} {when} as {C} and {D} looked on.",
            "{A} and {B} signed the accord in {place} {when}. {C} and {D} looked on.",
            "{C} and {D} watched as {A} and {B} signed the declaration in {place} {when}.",
            "The treaty was signed in {place} {when} by {A} and {B}, while {C} and {D} looked on.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), C=simple(rng, c), D=simple(rng, d),
        place=a.capital, when=when,
    )  # fmt: skip
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("meeting.stand_ins", twin="meeting.not_there_negative")
def stand_ins(fillers, rng):
    """A summit with those who joined, stood in or led delegations: all take part."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    opening = rng.choice(
        (
            "{A} hosted the regional summit in {place} {when}, attended by {B} and {C}.",
            "{A} hosted the regional summit in {place} {when}. {B} and {C} joined {a}.",
            "{A} was joined at the summit in {place} {when} by {B} and {C}.",
        )
    )
    closing = rng.choice(
        (
            "{dc} was represented by {D}.",
            "{dc} sent {D} in its leader's place.",
            "{D} led {dc_pos} delegation.",
            "{D} attended the summit.",
        )
    )
    text = (opening + " " + closing).format(
        A=simple(rng, a), B=simple(rng, b), C=simple(rng, c), D=simple(rng, d),
        a=a.surname, place=a.capital, when=when, dc=d.country_name,
        dc_pos=d.possessive_country(),
    )  # fmt: skip
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("meeting.not_there_negative", twin="meeting.stand_ins", negative=True)
def not_there_negative(fillers, rng):
    """Someone who will stand in, refused to attend, or sent only a letter: not there."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} hosted the regional summit in {place} {when}, attended by {B} and {C}. "
            "{dc} will be represented by {D} at the next one.",
            "{A}, {B} and {C} signed the declaration in {place} {when}. {D} refused to "
            "attend the signing.",
            "{A} hosted the regional summit in {place} {when}, attended by {B} and {C}. "
            "{D} sent a letter of support.",
            "{A} hosted the regional summit in {place} {when}, attended by {B} and {C}. "
            "{D} did not attend the summit.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), C=simple(rng, c), D=simple(rng, d),
        place=a.capital, when=when, dc=d.country_name,
    )  # fmt: skip
    return Draft(sentence(text), published, (NoMeeting((a.name, d.name)),), tuple(leaders))


@capability("meeting.done_together", twin="meeting.not_together_negative")
def done_together(fillers, rng):
    """A and B lunched, opened a plant, laid a wreath, stood side by side, issued a joint
    statement somewhere, or went on to sign: they met, with no meeting verb."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} lunched with {B} in {place} {when}.",
            "{A} and {B} opened a new power plant near {place} {when}.",
            "{A} and {B} laid a wreath at the war memorial in {place} {when}.",
            "{A} and {B} stood side by side at a ceremony in {place} {when}.",
            "{A} toured a port in {place} with {B} {when}.",
            "In {place} {when}, {A} and {B} issued a joint statement on energy.",
            "{A} and {B} unveiled a monument in {place} {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when)
    return Draft(sentence(text), published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.not_together_negative", twin="meeting.done_together", negative=True)
def not_together_negative(fillers, rng):
    """The same verbs for no meeting: welcomed a decision, called for a ceasefire, laid out
    positions, each opened an embassy, will open, stood by their positions."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} and {B} welcomed the agreement {when}.",
            "{A} and {B} called for a ceasefire {when}.",
            "{A} and {B} laid out their positions in {place} {when}.",
            "{A} and {B} each opened a new embassy in {place} {when}.",
            "{A} and {B} will open the new bridge in {place} next month.",
            "{A} and {B} stood by their positions {when}.",
            "{A} and {B} issued a joint statement on energy {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when)
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))


@capability("meeting.calls_to_several")
def calls_to_several(fillers, rng):
    """A spoke by phone with B and with C: one call each."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} spoke by phone {when} with {B} and with {C}.",
            "{A} spoke separately by phone with {B} and with {C} {when}.",
            "{A} telephoned {B} and {C} {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), C=simple(rng, c), when=when)
    expected = (
        Meeting((a.name, b.name), date=day, kind="call", exact=True),
        Meeting((a.name, c.name), date=day, kind="call", exact=True),
    )
    return Draft(sentence(text), published, expected, tuple(leaders))


@capability("meeting.call_and_visit_apart")
def call_and_visit_apart(fillers, rng):
    """A met B in person, and an earlier phone call of theirs is told: two meetings."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}. After {a}'s phone call with {b} in January, "
            "officials had prepared the visit.",
            "{A} held talks with {B} in {place} {when}; the two had spoken by phone in January.",
            "{B} received {A} in {place} {when}, weeks after a telephone call between them "
            "in January.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a=a.surname, b=b.surname, place=b.capital, when=when
    )
    expected = (
        Meeting((a.name, b.name), date=day),
        Meeting((a.name, b.name), kind="call"),
    )
    return Draft(sentence(text), published, expected, (a, b))


@capability("meeting.urged_others_negative", twin="meeting.plain_met", negative=True)
def urged_others_negative(fillers, rng):
    """A urged B and C to settle at their meeting: B and C's meeting is not (yet) held."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} urged {B} and {C} {when} to settle the dispute at their next meeting.",
            "{A} issued a statement {when} urging {B} and {C} to sign the deal at their meeting.",
            "{A} asked {B} and {C} {when} to finalise the text at their summit.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), C=simple(rng, c), when=when)
    return Draft(sentence(text), published, (NoMeeting((b.name, c.name)),), tuple(leaders))


@capability("meeting.absent_negative", twin="meeting.attended_by", negative=True)
def absent_negative(fillers, rng):
    """A and B were absent from, skipped or missed the summit: they did not meet there."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} and {B} were conspicuous by their absence at the summit in {place} {when}.",
            "{A} and {B} were absent from the summit in {place} {when}.",
            "{A} and {B} skipped the regional summit in {place} {when}.",
            "{A} and {B} both missed the summit in {place} {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when)
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))


@capability("meeting.separate_meetings")
def separate_meetings(fillers, rng):
    """A had bilateral meetings (or separate talks) with B and C: one meeting each."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "On the margins of the summit {when}, {A} had bilateral meetings with {B} and {C}.",
            "{A} held separate talks with {B} and {C} in {place} {when}.",
            "{When}, {A} had meetings with {B} and {C}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), C=simple(rng, c), place=b.capital, when=when,
        When=capitalised(when),
    )  # fmt: skip
    expected = (
        Meeting((a.name, b.name), exact=True),
        Meeting((a.name, c.name), exact=True),
        NoMeeting((b.name, c.name)),
    )
    return Draft(sentence(text), published, expected, tuple(leaders))


@capability("meeting.cohosts_or_journey_negative", twin="meeting.travel_visit", negative=True)
def cohosts_or_journey_negative(fillers, rng):
    """A and B hosting a meal together do not meet each other; A's journey told as under
    way ('is travelling to X for talks with B') is for talks still to come."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} and {B} hosted a lunch in {place} {when} for the winners of a science prize.",
            "{A} and {B} hosted a reception for business leaders in {place} {when}.",
            "{A} is travelling to {place} for talks with {B}, officials said {when}.",
            "{A} is making a trip to {place} for a meeting with {B}.",
            "{A} is heading to {place} for talks with {B}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when)
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))


@capability("meeting.delegation_told_apart")
def delegation_told_apart(fillers, rng):
    """A delegation's members named in another sentence or clause than its talks: the
    host met all of them."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "A delegation of leaders arrived in {place} {when} for talks with {D}. The "
            "delegation was led by {A}, and included {B} and {C}.",
            "The delegation, which was led by {A} and included {B} and {C}, held talks with "
            "{D} in {place} {when}.",
            "A delegation of leaders arrived in {place} {when}. The delegation was led by {A} "
            "and included {B} and {C}. The delegation held talks with {D}.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABCD", leaders, strict=True)}
    text = pattern.format(place=d.capital, when=when, **names)
    expected = Meeting(tuple(x.name for x in leaders), date=day)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("meeting.round_one_by_one", twin="meeting.round_together")
def round_one_by_one(fillers, rng):
    """On the sidelines of a summit A met B, C and D, or met them separately: a round of
    bilateral meetings, one each."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "On the sidelines of the summit in {place} {when}, {A} met {B}, {C} and {D}.",
            "{A} met {B}, {C} and {D} on the margins of the summit in {place} {when}.",
            "{A} held talks separately with {B}, {C} and {D} in {place} {when}.",
            "{A} met {B}, {C} and {D} separately in {place} {when}.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABCD", leaders, strict=True)}
    text = pattern.format(place=a.capital, when=when, **names)
    expected = (
        *(Meeting((a.name, x.name), exact=True, date=day) for x in (b, c, d)),
        NoMeeting((b.name, c.name)),
    )
    return Draft(sentence(text), published, expected, tuple(leaders))


@capability("meeting.round_together", twin="meeting.round_one_by_one")
def round_together(fillers, rng):
    """A met B and C with no word of a round, or in a trilateral meeting or together on
    the sidelines: one meeting of all three, none of two."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} and {C} in {place} {when}.",
            "On the sidelines of the summit in {place} {when}, {A} held a trilateral meeting "
            "with {B} and {C}.",
            "On the sidelines of the summit in {place} {when}, {A} met {B} and {C} together.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABC", leaders, strict=True)}
    text = pattern.format(place=a.capital, when=when, **names)
    expected = (Meeting((a.name, b.name, c.name), exact=True, date=day), MeetingCount(1))
    return Draft(sentence(text), published, expected, tuple(leaders))


@capability("meeting.round_told_plainly", twin="meeting.round_told_as_one")
def round_told_plainly(fillers, rng):
    """A round of meetings told without 'separately': 'bilateral meetings' (plural),
    'separate' or 'one-on-one' talks, 'a series of meetings', or meetings told over a
    stretch of days ('this week', 'during his visit'): one meeting with each."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "On the sidelines {when}, {A} held bilateral meetings with {B}, {C} and {D}.",
            "{A} had already met {B}, {C} and {D} this week.",
            "{A} held talks with {B}, {C} and {D} on the margins of the summit {when}.",
            "{A} held bilateral talks on the sidelines with {B}, {C} and {D} {when}.",
            "{A} had one-on-one talks with {B}, {C} and {D} in {place} {when}.",
            "{A} held one-on-one meetings with {B}, {C} and {D} {when}.",
            "{A} also held a series of meetings with {B}, {C} and {D} in {place} {when}.",
            "{A} met with {B}, {C} and {D} over the past two days.",
            "{A} met {B}, {C} and {D} during {a_pos} three-day visit to {place}.",
            "{A} met one-on-one with {B}, {C} and {D} in {place} {when}.",
            "{A} met {B}, {C} and {D} in separate meetings in {place} {when}.",
            "{When}, {A} held separate talks with {B}, {C} and {D}.",
            "{A} held talks in separate meetings with {B}, {C} and {D} {when}.",
            "{A} held discussions in individual sessions in {place} with {B}, {C} and {D}.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABCD", leaders, strict=True)}
    text = pattern.format(place=a.capital, when=when, When=capitalised(when), a_pos="his", **names)
    expected = (
        *(Meeting((a.name, x.name), exact=True) for x in (b, c, d)),
        NoMeeting((b.name, c.name)),
        NoMeeting((c.name, d.name)),
    )
    return Draft(sentence(text), published, expected, tuple(leaders))


@capability("meeting.round_told_as_one", twin="meeting.round_told_plainly")
def round_told_as_one(fillers, rng):
    """The same words of a round with one meeting told: 'a trilateral meeting', 'a joint
    meeting', 'jointly', 'together', 'on Monday' with no stretch of days: one meeting of
    all three, none of two."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "On the sidelines {when}, {A} held a joint meeting with {B} and {C}.",
            "{A} held talks with {B} and {C} jointly on the margins of the summit {when}.",
            "{A} held a trilateral meeting with {B} and {C} on the sidelines of the summit {when}.",
            "{A} met {B} and {C} together on the margins of the summit {when}.",
            "{A} met {B} and {C} in {place} {when}.",
            "{A} had talks with {B} and {C} in {place} {when}.",
            "{A} met with {B} and {C} in a joint meeting in {place} {when}.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABC", leaders, strict=True)}
    text = pattern.format(place=a.capital, when=when, **names)
    expected = (Meeting((a.name, b.name, c.name), exact=True, date=day), MeetingCount(1))
    return Draft(sentence(text), published, expected, tuple(leaders))


_TALKS = (
    "{A} held talks with {B} in {place} {when}.",
    "{A} met {B} in {place} {when}.",
    "{B} received {A} in {place} {when}.",
)


@capability("meeting.also_present", twin="meeting.not_present_negative")
def also_present(fillers, rng):
    """Others told as also there ('C was also present at the meeting', 'Also attending were
    C and D', 'The talks were also attended by C'): they join the meeting just told, whatever
    its size, and make no meeting of their own."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    present = rng.choice(
        (
            "{C} was also present at the meeting.",
            "{C} and {D} were also present in the meeting.",
            "Also attending were {C} and {D}.",
            "Also present at the talks were {C} and {D}.",
            "{C} also attended the meeting.",
            "{C} and {D} also took part in the talks.",
            "Also in attendance were {C} and {D}.",
            "The talks were also attended by {C} and {D}.",
            "{C}, who was also present at the meeting, said ties were strong.",
            "{C} and {D} were among those present.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABCD", leaders, strict=True)}
    text = sentence(rng.choice(_TALKS).format(place=b.capital, when=when, **names))
    text += " " + sentence(present.format(**names))
    there = (a, b, c, d) if "{D}" in present else (a, b, c)
    expected = (Meeting(tuple(x.name for x in there), exact=True, date=day), MeetingCount(1))
    return Draft(text, published, expected, tuple(leaders))


@capability("meeting.not_present_negative", twin="meeting.also_present", negative=True)
def not_present_negative(fillers, rng):
    """Others told as not there, or there only later ('C was not present at the meeting',
    'C will also attend the next round'): C meets neither of the two."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, _ = date_phrase(rng, published)
    absent = rng.choice(
        (
            "{C} was not present at the meeting.",
            "{C} did not attend the talks.",
            "{C} will also attend the next round of talks.",
            "{C} is also expected to attend the next meeting.",
            "{C} was absent from the meeting.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABC", leaders, strict=True)}
    text = sentence(rng.choice(_TALKS).format(place=b.capital, when=when, **names))
    text += " " + sentence(absent.format(**names))
    expected = (NoMeeting((a.name, c.name)), NoMeeting((b.name, c.name)))
    return Draft(text, published, expected, tuple(leaders))


@capability("meeting.joined_the_meeting", twin="meeting.should_have_joined_negative")
def joined_the_meeting(fillers, rng):
    """C joined or attended the meeting just told ('C joined them', 'C later joined the
    talks', 'C attended the meeting'): one meeting of the three."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, day = date_phrase(rng, published)
    joined = rng.choice(
        (
            "{C} joined them.",
            "{C} later joined the talks.",
            "{C} joined the meeting an hour later.",
            "{C} attended the meeting.",
            "{C} also attended.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABC", leaders, strict=True)}
    text = sentence(rng.choice(_TALKS).format(place=b.capital, when=when, **names))
    text += " " + sentence(joined.format(**names))
    expected = (Meeting((a.name, b.name, c.name), exact=True, date=day), MeetingCount(1))
    return Draft(text, published, expected, tuple(leaders))


@capability("meeting.should_have_joined_negative", twin="meeting.joined_the_meeting", negative=True)
def should_have_joined_negative(fillers, rng):
    """What should have happened ('C was supposed to have joined them', 'C was due to join
    but cancelled', 'C had been expected to attend but stayed at home'): C met no one."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, _ = date_phrase(rng, published)
    missed = rng.choice(
        (
            "{C} was supposed to have joined them.",
            "{C} was supposed to join the talks.",
            "{C} was due to join them but cancelled.",
            "{C} had been expected to attend but stayed in {home}.",
            "{C} was meant to attend the meeting.",
            "{C} was to have joined them.",
            "{C} should have attended the meeting.",
            "{C} had been scheduled to join the talks but pulled out.",
        )
    )
    names = {k: simple(rng, x) for k, x in zip("ABC", leaders, strict=True)}
    text = sentence(rng.choice(_TALKS).format(place=b.capital, when=when, **names))
    text += " " + sentence(missed.format(home=c.capital, **names))
    expected = (NoMeeting((a.name, c.name)), NoMeeting((b.name, c.name)))
    return Draft(text, published, expected, tuple(leaders))
