"""Labelled sentences for the held-meeting classifier: does a sentence report a meeting
that was actually held (1), or one planned, hoped for, denied, refused, cancelled,
called for, an accusation, an invitation, a mere mention (0)?

Two sources, both drawing real leaders from the shipped registry through the capability
fillers (so no article text is ever read):

* the capability generators (``ingest.capabilities``): every one-sentence case of a
  ``meeting.`` or ``gathering.`` capability that expects a meeting is "held"; every one
  of a negative capability that expects none is "not held";
* the templates below, which add held reports in other words and, above all, the
  kinds of not-held clause news writes (plans, hopes, calls for talks, denials,
  accusations), often with a day or a past verb that a word list would take for a
  meeting ("said on Monday that he would meet ...").

Deterministic for a seed: the same seed gives the same sentences in the same order.
"""

from __future__ import annotations

import random
import re

from ingest.capabilities import CAPABILITIES, generate
from ingest.capabilities.base import capitalised, date_phrase, sentence, simple, two_leaders
from ingest.capabilities.expectations import Meeting, NoMeeting
from ingest.capabilities.fillers import Fillers

HELD, NOT_HELD = "HELD", "NOT_HELD"
LABELS = (HELD, NOT_HELD)

TOPICS = (
    "trade",
    "energy",
    "climate change",
    "security",
    "the war in the region",
    "investment",
    "migration",
    "nuclear talks",
    "the border dispute",
    "food security",
)
FUTURE = (
    "next week",
    "next month",
    "later this year",
    "in the coming days",
    "on the sidelines of next month's summit",
    "before the end of the year",
    "early next year",
)
# {A}, {B}: two leaders in a news form; {a}, {b}: their surnames; {when}: a past day;
# {future}: a time to come; {place}: B's capital; {topic}: what they discuss.
HELD_TEMPLATES = (
    "{A} met {B} in {place} {when}.",
    "{A} met with {B} {when} to discuss {topic}.",
    "{A} and {B} met {when} on the sidelines of a regional summit.",
    "{A} held talks with {B} in {place} {when}.",
    "{A} and {B} held talks on {topic} {when}, officials said.",
    "{B} hosted {A} at the presidential palace in {place} {when}.",
    "{B} welcomed {A} to {place} {when} for a two-day state visit.",
    "{A} was received by {B} in {place} {when}.",
    "{A} visited {place} {when}, where {a} held talks with {B}.",
    "{A} arrived in {place} {when} and met {B} for talks on {topic}.",
    "{A} spoke by phone with {B} {when} about {topic}.",
    "{A} and {B} spoke by telephone {when}.",
    "{A} telephoned {B} {when} to discuss {topic}.",
    "During their meeting in {place} {when}, {a} and {b} discussed {topic}.",
    "After talks with {B} {when}, {a} told reporters that relations were strong.",
    "The talks between {A} and {B} {when} focused on {topic}.",
    "{A} and {B} shook hands before their talks in {place} {when}.",
    "{A} sat down with {B} {when} for talks that lasted two hours.",
    "{A}, who met {B} {when}, said the talks had been productive.",
    "{A} had lunch with {B} in {place} {when}.",
    "{A} and {B} discussed {topic} at their meeting in {place} {when}.",
    "In their talks {when}, {a} and {b} agreed to expand cooperation on {topic}.",
    "{A} paid a state visit to {country} {when} and was received by {B}.",
    "{B} greeted {A} with a military honour guard in {place} {when} before their talks.",
    "{A} met {B} {when} and agreed to meet again {future}.",
    "{A} held a bilateral meeting with {B} {when} on the margins of the summit.",
    "{A} and {B} met behind closed doors for more than an hour {when}.",
    "{A} hosted {B} for dinner {when}, and the two discussed {topic}.",
    "{A} and {B} signed a trade agreement after talks in {place} {when}.",
    "{A} and {B} held a video call {when} on {topic}.",
    "{When}, {a} met {B} in {place}, the first such meeting in years.",
    "The two leaders, {a} and {b}, met {when} despite tensions over {topic}.",
    "{A} received {B} at his residence {when}.",
    "{A} told {B} during their talks {when} that his country stood ready to help.",
    "Speaking after meeting {B} {when}, {a} said the two sides were close to a deal.",
    "{B} greeted {A} with a formal welcome ceremony in {place} {when}.",
    "{A} and {B} spent more than three hours together in {place} {when}.",
    "{A} and {B} signed a joint declaration on {topic} in {place} {when}.",
    "{A} crossed the border {when} to shake hands with {B}.",
    "{A} sat beside {B} at a state banquet in {place} {when}.",
    "{A} used his visit to {place} {when} to press {B} on {topic}.",
    "On his first visit to {country} {when}, {a} held talks with {B}.",
    "At a joint news conference with {B} in {place} {when}, {a} said relations had improved.",
    "{A} flew to {place} {when} to see {B}.",
    "{B} and {A} toured a factory together in {place} {when}.",
    "The two leaders, meeting in {place} {when}, agreed to work together on {topic}.",
    "{A} raised {topic} with {B} when the two met in {place} {when}.",
    # held, told in passing: a clause after, before or about the meeting
    "After their meeting in {place} {when}, {a} took {b} to dinner in the old town.",
    "{A} slipped into {place} in secret {when} for talks with {B} that paved the way for a deal.",
    "{A}, who saw {B} in {place} earlier this month, said he was worried about {topic}.",
    "The plan was set out in a joint statement issued after {B} received {A} {when}.",
    "It was {a}'s first visit to {place} since he took office, and he met {B} {when}.",
    "{A} restated his position on {topic} at a news conference with {B} in {place} {when}.",
    "The accord came out of six hours of talks between {A} and {B} in {place} {when}.",
    "Even as {a} and {b} talked in {place} {when}, fighting went on near the border.",
    "The deal the two leaders, {a} and {b}, reached in {place} {when} was never carried out.",
    "{A} ended his visit to {country} {when} with a dinner hosted by {B}.",
    "Their talks in {place} {when} were the first between {A} and {B} in three years.",
)
NOT_HELD_TEMPLATES = (
    # plans and wishes
    "{A} will meet {B} in {place} {future}.",
    "{A} is expected to meet {B} {future}, officials said {when}.",
    "{A} said {when} that {a} hopes to meet {B} soon.",
    "{A} would like to meet {B} {future}, an aide said {when}.",
    "{A} plans to hold talks with {B} {future}.",
    "{A} is set to travel to {place} {future} for talks with {B}.",
    "{A} is due to visit {country} {future}, where {a} will meet {B}.",
    "{A} said {when} that {a} would meet {B} {future}.",
    "{A} and {B} are scheduled to meet in {place} {future}.",
    "{A} may meet {B} {future}, diplomats said {when}.",
    "{A} could meet {B} at the summit {future}, officials said.",
    "A meeting between {A} and {B} is being prepared for {future}.",
    "{A} announced {when} that {a} would host {B} {future}.",
    "{A} is scheduled to receive {B} in {place} {future}.",
    "Officials said {when} that a call between {A} and {B} was planned for {future}.",
    "{A} was preparing {when} for a visit by {B} {future}.",
    "{A} said {a} was ready to meet {B} at any time.",
    "{A} wants to meet {B} {future} to discuss {topic}.",
    # invitations and offers
    "{A} invited {B} to visit {country} {future}.",
    "{A} extended an invitation {when} to {B} to visit {place}.",
    "{A} offered {when} to host talks with {B}.",
    "{B} accepted an invitation {when} to visit {country} {future}.",
    # calls for talks
    "{A} called {when} for talks with {B} on {topic}.",
    "{A} urged {B} {when} to return to the negotiating table.",
    "{A} called on {B} {when} to hold direct talks on {topic}.",
    "{A} proposed a summit with {B} {when} to resolve {topic}.",
    "{A} said {when} that {B} should meet the opposition.",
    # denials, refusals, cancellations, postponements
    "{A} denied reports {when} that {a} had met {B} in secret.",
    "{A} did not meet {B} in {place}, his office said {when}.",
    "{A} refused to meet {B} {when}.",
    "{A} cancelled a planned meeting with {B} {when}.",
    "{A} postponed a visit to {country} {when}, and talks with {B} were called off.",
    "{A} said {when} that {a} had never met {B}.",
    "{A} had no plans to meet {B} during the trip, officials said {when}.",
    "{A} ruled out a meeting with {B} {when}.",
    "The summit between {A} and {B} was cancelled {when}.",
    "{A} and {B} have not met since the dispute over {topic}.",
    "{A} declined {when} to say whether {a} would meet {B}.",
    "{A} snubbed {B} {when}, skipping the talks in {place}.",
    "{A} rejected {when} an offer of talks with {B}.",
    "No meeting between {A} and {B} is planned, a spokesman said {when}.",
    "Talks between {A} and {B} collapsed before they began {when}.",
    # accusations, criticism, statements about the other
    "{A} accused {B} {when} of undermining {topic}.",
    "{A} criticised {B} {when} over {topic}.",
    "{A} warned {B} {when} against any escalation.",
    "{A} condemned {B}'s remarks on {topic} {when}.",
    "{A} said {when} that {B} could not be trusted on {topic}.",
    "{A} thanked {B} in a statement {when} for his support on {topic}.",
    "{A} sent a letter to {B} {when} about {topic}.",
    "{A} congratulated {B} in a message {when} on his election victory.",
    "{A} praised {B} in a speech in {place} {when}.",
    "{A} responded {when} to comments made by {B} on {topic}.",
    # mere mentions
    "{A} and {B} are both expected to attend the summit {future}.",
    "Analysts said {when} that relations between {A} and {B} remained tense over {topic}.",
    "{A}'s government said {when} that {B}'s policies on {topic} were a mistake.",
    "{A} spoke about {B} in an interview {when}.",
    "{A} and {B} disagree over {topic}, a report said {when}.",
    "The foreign ministers of {country} and {country_a} met {when} to prepare for a meeting "
    "of {A} and {B} {future}.",
    "A meeting of {A} and {B} would be the first since the crisis over {topic}.",
    "It would be {a}'s first visit to {place} since he took office, an aide said {when}.",
    "{A} is expected to hold a news conference with {B} in {place} {future}.",
    "{A} hopes to see {B} in {place} {future} to discuss {topic}.",
    "Before any talks with {B}, {a} wants guarantees on {topic}, he said {when}.",
    "After their planned meeting in {place} {future}, {a} is due to fly home.",
    "{A} said {when} that a visit to {place} to see {B} was not on the agenda.",
    "{A} said {when} that any talks with {B} would depend on progress on {topic}.",
)

# Clauses news adds to a sentence whatever it reports: added at random to sentences of
# both labels, so that neither a sentence's length nor words of conflict, refusal or
# plans in another clause tell the label.
LEADS = (
    "In a sign of warming ties, ",
    "Amid tensions over {topic}, ",
    "In a statement, ",
    "According to officials, ",
    "Despite the war, ",
    "For the first time in a decade, ",
)
TAILS = (
    ", as the war in the region entered its third year",
    ", a move analysts said could ease tensions",
    ", even as protests over {topic} continued in the capital",
    ", after months of sanctions and threats",
    ", and urged both sides to refrain from violence",
    ", officials said",
    ", in the first such contact since the crisis began",
    ", while the opposition called for new elections",
    ", weeks after he refused to send weapons abroad",
    ", which has demanded an end to the fighting",
    ", and the two governments plan to sign an accord next year",
    ", according to a statement from his office",
)

_MULTI_SENTENCE = re.compile(r"[.!?][\"”']?\s+[\"“]?[A-Z]")


def _one_sentence(text: str) -> bool:
    return not _MULTI_SENTENCE.search(text.strip())


def capability_sentences(seed: int, per_capability: int, fillers: Fillers) -> list:
    """(text, label) for every one-sentence meeting or gathering case: a case expecting a
    meeting is held; a case of a negative capability expecting none is not."""
    names = [n for n in CAPABILITIES if n.startswith(("meeting.", "gathering."))]
    out = []
    for case in generate(seed=seed, per_capability=per_capability, only=names, fillers=fillers):
        if not _one_sentence(case.text):
            continue
        kinds = {type(e) for e in case.expectations}
        if Meeting in kinds and not CAPABILITIES[case.capability].negative:
            out.append((case.text, HELD))
        elif kinds == {NoMeeting} and CAPABILITIES[case.capability].negative:
            out.append((case.text, NOT_HELD))
    return out


def template_sentence(template: str, fillers: Fillers, rng: random.Random) -> str:
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    text = template.format(
        A=simple(rng, a),
        B=simple(rng, b),
        a=a.surname,
        b=b.surname,
        when=when,
        When=capitalised(when),
        future=rng.choice(FUTURE),
        place=b.capital,
        country=b.country_name,
        country_a=a.country_name,
        topic=rng.choice(TOPICS),
    )
    return sentence(text)


def with_clauses(text: str, rng: random.Random) -> str:
    """The sentence, sometimes with a lead or a tail clause of no bearing on its label."""
    topic = rng.choice(TOPICS)
    if rng.random() < 0.25:
        lead = rng.choice(LEADS).format(topic=topic)
        text = lead + text
    if rng.random() < 0.4 and text.endswith("."):
        text = text[:-1] + rng.choice(TAILS).format(topic=topic) + "."
    return text


def template_sentences(seed: int, per_template: int, fillers: Fillers) -> list:
    out = []
    for label, templates in ((HELD, HELD_TEMPLATES), (NOT_HELD, NOT_HELD_TEMPLATES)):
        for i, template in enumerate(templates):
            rng = random.Random(f"{seed}:{label}:{i}")
            seen = set()
            for _ in range(per_template * 3):
                text = with_clauses(template_sentence(template, fillers, rng), rng)
                if text not in seen:
                    seen.add(text)
                    out.append((text, label))
                if len(seen) == per_template:
                    break
    return out


def sentences(seed: int = 0, per_capability: int = 30, per_template: int = 30) -> list:
    """The labelled sentences, deduplicated and shuffled with the seed: [(text, label)]."""
    fillers = Fillers(seed)
    rng = random.Random(f"{seed}:clauses")
    found = [
        (with_clauses(t, rng), lab)
        for t, lab in capability_sentences(seed, per_capability, fillers)
    ]
    found += template_sentences(seed, per_template, fillers)
    labels: dict[str, str] = {}
    for text, label in found:
        labels.setdefault(text, label)
    out = sorted(labels.items())
    random.Random(f"{seed}:shuffle").shuffle(out)
    return out
