"""Meeting capabilities of how news tells a meeting: by its noun alone ('the talks were
attended by A and B', 'the meeting started, where A told B ...') and as reported by a news
agency, which is never one of its participants."""

from __future__ import annotations

from .base import Draft, capability, date_phrase, mention, sentence, simple, two_leaders
from .expectations import Meeting, NoMeeting


@capability("meeting.meeting_noun_told", twin="meeting.meeting_noun_not_held_negative")
def meeting_noun_told(fillers, rng):
    """A meeting told by its noun alone: 'the talks were attended by A and B' (a meeting
    noun's passive attendance, in every way of naming a leader), or 'the meeting started
    at 10 a.m., where A told B ...' (words said at the meeting under way)."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    form = rng.choice(("full", "titled", "bare", "after", "possessive"))
    pattern = rng.choice(
        (
            "The talks in {place} {when} were attended by {A} and {B}.",
            "The meeting in {place} {when} was attended by {A} and {B}.",
            "The negotiations, attended by {A} and {B}, opened in {place} {when}.",
            "The meeting started at 10 a.m. {when}, where {A} told {B} that trade would grow.",
            "The talks began in {place} {when}, during which {A} assured {B} of support.",
            "The meeting got under way in {place} {when}. {A} told {B} that the war must end.",
        )
    )
    names = dict(A=mention(a, form), B=mention(b, form))
    text = pattern.format(place=b.capital, when=when, **names)
    return Draft(sentence(text), published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability(
    "meeting.meeting_noun_not_held_negative", twin="meeting.meeting_noun_told", negative=True
)
def meeting_noun_not_held_negative(fillers, rng):
    """The same words for no meeting: attendance still to come, a meeting to start, words
    sent in a letter or said to reporters."""
    published, a, b = two_leaders(fillers, rng)
    pattern = rng.choice(
        (
            "The talks in {place} next week will be attended by {A} and {B}.",
            "The meeting was to be attended by {A} and {B}, but it was called off.",
            "The meeting will start at 10 a.m., when {A} is expected to tell {B} that trade "
            "will grow.",
            "The meeting started at 10 a.m. {A} told {B} in a letter that the war must end.",
            "The talks began in {place}. {A} told reporters that {B} was right.",
        )
    )
    text = pattern.format(place=b.capital, A=simple(rng, a), B=simple(rng, b))
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))


@capability("meeting.told_in_its_setting", twin="meeting.sought_meeting_negative")
def told_in_its_setting(fillers, rng):
    """A meeting told as the setting of what one side did there ('In the meeting with B on
    Monday, A sought support for ...', 'During the talks with B, A called for ...'): held,
    whatever the main verb (seeking or calling for something at a meeting is no meeting
    sought)."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    form = rng.choice(("full", "titled", "bare", "after"))
    pattern = rng.choice(
        (
            "In the meeting with {B} in {place} {when}, {A} sought support for a rail link.",
            "During the talks with {B} in {place} {when}, {A} called for a ceasefire.",
            "At the meeting with {B} in {place} {when}, {A} asked for more investment.",
            "In talks with {B} in {place} {when}, {A} pressed for lower tariffs.",
            "After the meeting with {B} in {place} {when}, {A} proposed a joint fund.",
        )
    )
    names = dict(A=mention(a, form), B=mention(b, form))
    text = pattern.format(place=b.capital, when=when, **names)
    return Draft(sentence(text), published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.sought_meeting_negative", twin="meeting.told_in_its_setting", negative=True)
def sought_meeting_negative(fillers, rng):
    """A meeting sought, called for or planned is no meeting held, however near the words
    of one held ('A sought a meeting with B', 'A called for talks with B')."""
    published, a, b = two_leaders(fillers, rng)
    pattern = rng.choice(
        (
            "{A} sought a meeting with {B} in {place}.",
            "{A} called for talks with {B} on the crisis.",
            "{A} sought support for a meeting with {B} next month.",
            "{A} planned talks with {B} in {place}.",
            "In a letter, {A} proposed a meeting with {B} in {place}.",
        )
    )
    text = pattern.format(place=b.capital, A=simple(rng, a), B=simple(rng, b))
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))


# News agencies and outlets as reports name them.
OUTLETS = ("Kyodo News", "Reuters", "Xinhua", "the Associated Press", "AFP", "Yonhap",
           "the state news agency WAM", "Interfax", "the BBC", "Bloomberg", "Bernama",
           "Anadolu")  # fmt: skip


@capability("meeting.reported_by_outlet", twin="meeting.outlet_negative")
def reported_by_outlet(fillers, rng):
    """A meeting reported by a news agency, named anywhere in the sentence ('..., Reuters
    reported', 'according to Xinhua', 'A told Kyodo News he met B'): the two leaders
    met, and the agency is no participant."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}, {outlet} reported.",
            "{A} held talks with {B} in {place} {when}, according to {outlet}.",
            "{Outlet} reported that {A} met {B} in {place} {when}.",
            "{A} met {B} and {outlet} in {place} {when}.",
            "The talks in {place} {when} were attended by {A} and {B}, {outlet} said.",
            "{A} told {outlet} that {he} had met {B} in {place} {when}.",
        )
    )
    outlet = rng.choice(OUTLETS)
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when, he="he",
        outlet=outlet, Outlet=outlet[:1].upper() + outlet[1:],
    )  # fmt: skip
    expected = Meeting((a.name, b.name), exact=True, date=day)
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("meeting.outlet_negative", twin="meeting.reported_by_outlet", negative=True)
def outlet_negative(fillers, rng):
    """A leader talking to a news agency ('spoke with Kyodo News', 'gave an interview to
    Reuters', 'met Xinhua's editors'): no meeting."""
    published, a, _ = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} spoke with {outlet} {when}.",
            "{A} met {outlet} in {place} {when}.",
            "{A} held talks with {outlet} in {place} {when}.",
            "{A} gave an interview to {outlet} {when}.",
            "{A} told {outlet} {when} that the talks would go ahead.",
            "{A} was received by {outlet} in {place} {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), place=a.capital, when=when, outlet=rng.choice(OUTLETS))
    return Draft(sentence(text), published, (NoMeeting(),), (a,))
