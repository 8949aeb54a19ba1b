"""Meeting capabilities of acts done in person with no meeting word: a welcome ceremony
given, an accord co-signed at a place, words said within a round of meetings; each with
a negative twin that uses the same words for no meeting."""

from __future__ import annotations

from .base import Draft, capability, date_phrase, sentence, simple, two_leaders
from .expectations import Meeting, NoMeeting
from .meetings import _several


@capability("meeting.welcome_ceremony", twin="meeting.welcome_thing_negative")
def welcome_ceremony(fillers, rng):
    """B gave A a ceremonial welcome / a guard of honour in B's capital: a meeting B hosted."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{B} gave {A} a ceremonial welcome at the presidential palace in {place} {when}.",
            "{B} accorded {A} a red-carpet welcome in {place} {when}.",
            "{A} was given a guard of honour by {B} in {place} {when}.",
            "{A} received a warm welcome from {B} in {place} {when}.",
            "{B} rolled out the red carpet for {A} in {place} {when}.",
            "{B} hosted a state banquet for {A} in {place} {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when)
    expected = Meeting((a.name, b.name), date=day, host=b.country)
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("meeting.welcome_thing_negative", twin="meeting.welcome_ceremony", negative=True)
def welcome_thing_negative(fillers, rng):
    """A welcome given to a decision, the news, a plan, or sent in a letter: no meeting."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} gave a warm welcome to the decision by {B} {when}.",
            "{A} gave the plan of {B} a cautious welcome {when}.",
            "{A} and {B} welcomed the news {when}.",
            "{B} gave {A} a warm welcome to the alliance in a letter {when}.",
            "{A} inspected a guard of honour in {place} {when} before a speech about {B}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when)
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))


@capability("meeting.cosigned_in_person", twin="meeting.signed_apart_negative")
def cosigned_in_person(fillers, rng):
    """An accord signed at a place by A and B: A and B met there."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "The peace accord was signed in {place} {when} by {A} and {B}.",
            "{A} and {B} signed the accord at the presidential palace in {place} {when}.",
            "The dispute ended with a treaty signed in the {bd} capital, {place}, {when} by "
            "{a} and {bc} {bt}, {b}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a=a.name, b=b.name, place=b.capital, when=when,
        bd=b.demonym, bc=b.possessive_country(), bt=b.title.lower(),
    )  # fmt: skip
    expected = Meeting((a.name, b.name), date=day, host=b.country)
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("meeting.signed_apart_negative", twin="meeting.cosigned_in_person", negative=True)
def signed_apart_negative(fillers, rng):
    """Signed each in his own capital, separately, by letter, or a bill into law: no meeting."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "The accord was signed by {A} in {a_place} and by {B} in {place} {when}.",
            "{A} and {B} signed the accord in their respective capitals {when}.",
            "{A} and {B} each signed the accord {when}.",
            "{A} and {B} signed the accord separately {when}.",
            "{A} and {B} signed a joint letter to the United Nations {when}.",
            "{A} signed the bill into law in {a_place} {when}, and {B} praised it.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a_place=a.capital, place=b.capital, when=when
    )
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))


@capability("meeting.told_in_round", twin="meeting.told_apart_negative")
def told_in_round(fillers, rng):
    """A held a string of meetings with regional leaders; he told B ... and told C ...: A met
    B and A met C, where the round was."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, day = date_phrase(rng, published)
    first = rng.choice(
        (
            "{A} held a string of meetings with regional leaders in {place} {when}.",
            "In {place} {when}, {A} held a series of talks with Gulf leaders.",
        )
    )
    then = rng.choice(
        (
            "He told {B} that trade would grow, and told {C} that the border would stay open.",
            "He assured {B} that aid would continue. He also told {C} that ties were strong.",
        )
    )
    names = dict(A=simple(rng, a), B=simple(rng, b), C=simple(rng, c), place=a.capital)
    text = sentence(first.format(when=when, **names)) + " " + sentence(then.format(**names))
    expected = (
        Meeting((a.name, b.name), date=day, host=a.country),
        Meeting((a.name, c.name), date=day, host=a.country),
    )
    return Draft(text, published, expected, tuple(leaders))


@capability("meeting.told_apart_negative", twin="meeting.told_in_round", negative=True)
def told_apart_negative(fillers, rng):
    """Telling with no meeting: told reporters, in a letter, with no round of meetings."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} told reporters in {place} {when} that {B} was a friend.",
            "{A} told {B} in a letter {when} that trade would grow.",
            "{A} told {B} {when} that trade would grow.",
            "{A} held a string of meetings with ministers in {place} {when}. Later {B} told "
            "reporters the talks had gone well.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=a.capital, when=when)
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))
