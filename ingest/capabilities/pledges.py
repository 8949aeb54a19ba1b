"""Agreement capabilities for promises told as a reported clause ("promised that the US
will keep investing in X") and for documents signed in the background of an article,
whose parties "the two leaders" are the visitor and the state visited, not the pair
named last."""

from __future__ import annotations

from .base import (
    Draft,
    capability,
    capitalised,
    date_phrase,
    gold_leaders,
    sentence,
    simple,
    two_leaders,
    with_article,
)
from .expectations import Agreement, NoAgreement, NoStatus
from .fillers import DOCUMENTS, GIFT_ITEMS, SUBJECTS

PROJECTS = ("the railway corridor", "its ports", "the new power grid", "its farms")
KEEPS = (
    "keep investing in",
    "continue to invest in",
    "keep putting money into",
    "continue to support",
    "keep funding",
)


def _sentences(text: str) -> str:
    return ". ".join(sentence(part) for part in text.split(". "))


@capability("agreement.pledge_clause", twin="agreement.pledge_clause_negative")
def pledge_clause(fillers, rng):
    """At a meeting, A promised (told B, assured B) that A's state will keep investing in
    something of B's state: a pledge between them."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}. {a} promised that {ca} would {keep} {project} of {cb}.",
            "{A} met {B} in {place} {when}. {a} told {B} that {ca} will {keep} {project} of {cb}.",
            "{A} met {B} in {place} {when}. {a} told his host {ca} would {keep} {cb}.",
            "{A} met {B} in {place} {when}. {a} pledged that {ca} will {keep} {project} of {cb}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a=a.name, place=b.capital, when=when,
        ca=a.country_name, cb=b.country_name, keep=rng.choice(KEEPS),
        project=rng.choice(PROJECTS).replace("its ", "the "),
    )  # fmt: skip
    expected = Agreement((a.name, b.name), gold_leaders(a, b), ("pledge",), "agreed")
    return Draft(_sentences(text), published, (expected,), (a, b))


@capability("agreement.pledge_clause_negative", twin="agreement.pledge_clause", negative=True)
def pledge_clause_negative(fillers, rng):
    """A promised help at home, promised that there would be no more money, or said his
    state had invested: no agreement."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}. {a} promised that {ca} would {keep} {home}.",
            "{A} met {B} in {place} {when}. {a} said that {ca} would not {keep} {cb}.",
            "{A} met {B} in {place} {when}. {a} told {B} that {ca} had invested in {cb}.",
            "{A} met {B} in {place} {when}. {a} promised that {ca} would {keep} its own farms.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a=a.name, place=b.capital, when=when,
        ca=a.country_name, cb=b.country_name, keep=rng.choice(KEEPS),
        home=f"{a.demonym} schools",
    )  # fmt: skip
    return Draft(_sentences(text), published, (NoAgreement(),), (a, b))


@capability("agreement.background_visit_pair", twin="agreement.background_visit_planned")
def background_visit_pair(fillers, rng):
    """Background: "A paid a state visit to B's capital last September, when the two
    leaders signed a document": A and B are its parties, though another pair was named
    just before."""
    published, a, b = two_leaders(fillers, rng)
    c, d = fillers.leaders(rng, published, 4)[2:]
    if {c.country, d.country} & {a.country, b.country}:
        c, d = d, c
    when, _ = date_phrase(rng, published)
    document, kind = rng.choice(DOCUMENTS)
    text = (
        f"{simple(rng, a)} met {simple(rng, b)} in {a.capital} {when}. "
        f"{c.name} once gave {d.name} {with_article(rng.choice(GIFT_ITEMS))}. "
        f"{a.name} paid a state visit to {b.capital} last September, when the two leaders "
        f"signed {document} on {rng.choice(SUBJECTS)}."
    )
    expected = Agreement((a.name, b.name), gold_leaders(a, b), (kind,), "signed")
    return Draft(text, published, (expected,), (a, b, c, d))


@capability("agreement.background_visit_planned", twin="agreement.background_visit_pair")
def background_visit_planned(fillers, rng):
    """The same visit still to come ("will pay a state visit next month, when the two
    leaders are expected to sign ..."): no signed document."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    document, _ = rng.choice(DOCUMENTS)
    verb = rng.choice(("are expected to sign", "hope to sign", "may sign"))
    text = (
        f"{simple(rng, a)} met {simple(rng, b)} in {a.capital} {when}. "
        f"{capitalised(a.name)} will pay a state visit to {b.capital} next month, when the "
        f"two leaders {verb} {document} on {rng.choice(SUBJECTS)}."
    )
    return Draft(text, published, (NoStatus("signed"),), (a, b))


AID = ("an aid package of $500 million", "a fresh aid package of 200 million dollars",
       "a $40 million aid package", "an aid package worth 1 billion euros")  # fmt: skip


@capability("agreement.aid_package_announced", twin="agreement.chance_to_sign_negative")
def aid_package_announced(fillers, rng):
    """During a visit A announced an aid package for B's state: a pledge, not a document
    the two signed."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} held talks with {B} in {place} {when}. {a} announced {aid} for {cb}.",
            "{A} held talks with {B} in {place} {when}. During the visit, {a} announced {aid} "
            "for {cb}.",
            "{A} met {B} in {place} {when}. {a} also announced {aid} for {cb}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a=a.name, place=b.capital, when=when,
        aid=rng.choice(AID), cb=b.country_name,
    )  # fmt: skip
    expected = Agreement((a.name, b.name), gold_leaders(a, b), ("pledge",), "agreed")
    return Draft(_sentences(text), published, (expected,), (a, b))


@capability("agreement.chance_to_sign_negative", twin="agreement.aid_package_announced",
            negative=True)  # fmt: skip
def chance_to_sign_negative(fillers, rng):
    """An infinitive that names a chance or an aim ("gave them another day to reach an
    accord", "a bid to sign a deal"): no agreement."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    document, _ = rng.choice(DOCUMENTS)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}. This deadline gives negotiators an additional day "
            "to reach an accord.",
            "{A} met {B} in {place} {when}. The delay gave negotiators more time to reach a deal "
            "on {subject}.",
            "{A} met {B} in {place} {when}. The extension gives both sides another week to "
            "reach an agreement on {subject}.",
            "{A} met {B} in {place} {when}. The summit gave the leaders a last chance to reach "
            "a deal on {subject}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when, doc=document,
        subject=rng.choice(SUBJECTS),
    )  # fmt: skip
    return Draft(_sentences(text), published, (NoStatus("signed"), NoStatus("agreed")), (a, b))


@capability("agreement.invitation_answered", twin="agreement.invitation_unanswered")
def invitation_answered(fillers, rng):
    """B invited him (A, named earlier beside another leader) to B's country, an
    invitation A said he would take up: accepted, between A and B."""
    published, a, b = two_leaders(fillers, rng)
    c = fillers.leaders(rng, published, 3)[2]
    if c.country in (a.country, b.country):
        return invitation_answered(fillers, rng)
    when, _ = date_phrase(rng, published)
    answer = rng.choice(
        (
            "an invitation {a} said he would gladly take up",
            "an invitation {a} accepted",
            "and {a} said he would come",
        )
    ).format(a=a.name)
    text = (
        f"{simple(rng, a)} arrived in {c.capital} {when}, where {simple(rng, c)} welcomed him. "
        f"{simple(rng, b)} invited him to {b.country_name}, {answer}."
    )
    expected = Agreement((a.name, b.name), gold_leaders(a, b), ("invitation",), "accepted")
    return Draft(text, published, (expected,), (a, b, c))


@capability("agreement.invitation_unanswered", twin="agreement.invitation_answered")
def invitation_unanswered(fillers, rng):
    """The same invitation with no answer, or a refusal: not accepted."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    answer = rng.choice(("but no date was set", "which {a} declined", "but {a} gave no reply"))
    text = (
        f"{simple(rng, a)} met {simple(rng, b)} in {a.capital} {when}. "
        f"{b.name} invited him to {b.country_name}, {answer.format(a=a.name)}."
    )
    return Draft(text, published, (NoStatus("accepted"),), (a, b))
