"""Agreement capabilities: what was signed, agreed, proposed, rejected or failed, and
what is no agreement between states."""

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
)
from .expectations import Agreement, AgreementBatch, AgreementCount, NoAgreement
from .fillers import DOCUMENTS, NAMED_DOCUMENT_NOUNS, NUMBER_WORDS, SUBJECTS

COMPANIES = (
    "Northwind Energy",
    "Harbourline Logistics",
    "Silverpeak Mining",
    "Meridian Rail",
    "Bluewater Shipping",
    "Crestfield Telecom",
)


def _expected(a, b, kinds, status, subject=None):
    return Agreement((a.name, b.name), gold_leaders(a, b), kinds, status, subject)


@capability("agreement.signed_with", twin="agreement.commercial_negative")
def signed_with(fillers, rng):
    """A signed a document on a subject with B; A and B signed a document."""
    published, a, b = two_leaders(fillers, rng)
    document, kind = rng.choice(DOCUMENTS)
    subject = rng.choice(SUBJECTS)
    pattern = rng.choice(
        (
            "{A} signed {doc} on {subject} with {B}.",
            "{A} signed {doc} with {B} on {subject}.",
            "{A} and {B} signed {doc} on {subject} in {place}.",
            "{A} and {B} have signed {doc} on {subject}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), doc=document, subject=subject, place=b.capital
    )
    return Draft(sentence(text), published, (_expected(a, b, (kind,), "signed"),), (a, b))


@capability("agreement.struck_deal")
def struck_deal(fillers, rng):
    """A and B struck, reached or clinched a deal on a subject: agreed."""
    published, a, b = two_leaders(fillers, rng)
    subject = rng.choice(SUBJECTS)
    pattern = rng.choice(
        (
            "{A} and {B} struck a deal on {subject}.",
            "{A} struck a deal with {B} on {subject}.",
            "{A} and {B} reached a deal on {subject} in {place}.",
            "{A} and {B} clinched a deal on {subject}.",
            "{A} reached an agreement with {B} on {subject}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), subject=subject, place=b.capital)
    expected = _expected(a, b, ("deal", "agreement"), "agreed")
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("agreement.passive_signed_by")
def passive_signed_by(fillers, rng):
    """A document on a subject was signed by A and B."""
    published, a, b = two_leaders(fillers, rng)
    document, kind = rng.choice(DOCUMENTS)
    subject = rng.choice(SUBJECTS)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{Doc} on {subject} was signed by {A} and {B} {when}.",
            "{Doc} on {subject} was signed by {A} and {B} in {place}.",
            "{When}, {doc} on {subject} was signed by {A} and {B}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        doc=document,
        Doc=document,
        subject=subject,
        when=when,
        When=capitalised(when),
        place=b.capital,
    )
    return Draft(sentence(text), published, (_expected(a, b, (kind,), "signed"),), (a, b))


def _title_case(subject: str) -> str:
    return " ".join(w.capitalize() for w in subject.split())


@capability("agreement.named_documents")
def named_documents(fillers, rng):
    """A and B signed the X Agreement, the Y Treaty and three MoUs on X, Y and Z: one
    record per document, each about its own subject."""
    published, a, b = two_leaders(fillers, rng)
    n = rng.choice((2, 3, 3))
    subjects = rng.sample(SUBJECTS, n)
    if rng.random() < 0.5:
        documents = [rng.choice(NAMED_DOCUMENT_NOUNS) for _ in subjects]
        names = [
            f"the {_title_case(s)} {noun}" for s, (noun, _) in zip(subjects, documents, strict=True)
        ]
        listed = ", ".join(names[:-1]) + " and " + names[-1]
        kinds = [kind for _, kind in documents]
    else:
        plural, kind = rng.choice((("MoUs", "mou"), ("agreements", "agreement")))
        count = {2: "two", 3: "three"}[n]
        listed = f"{count} {plural} on " + ", ".join(subjects[:-1]) + " and " + subjects[-1]
        kinds = [kind] * n
    pattern = rng.choice(("{A} and {B} signed {listed}.", "{A} signed {listed} with {B}."))
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), listed=listed)
    expected = [AgreementCount(n)]
    expected += [_expected(a, b, (k,), "signed", s) for s, k in zip(subjects, kinds, strict=True)]
    return Draft(sentence(text), published, tuple(expected), (a, b))


@capability("agreement.batch_count")
def batch_count(fillers, rng):
    """A and B signed 18 agreements (not named): one batch record that gives the count."""
    published, a, b = two_leaders(fillers, rng)
    n = rng.randint(4, 30)
    number = NUMBER_WORDS[n] if n in NUMBER_WORDS and rng.random() < 0.5 else str(n)
    plural = rng.choice(("agreements", "memorandums of understanding", "cooperation documents"))
    pattern = rng.choice(
        (
            "{A} and {B} signed {n} {plural}.",
            "{A} and {B} signed {n} {plural} covering trade, health and education.",
            "{A} signed {n} {plural} with {B} in {place}.",
            "During the visit of {A} to {place}, {x} and {y} officials signed {n} {plural}.",
            "{A} and {B} witnessed the signing of {n} {plural}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        n=number,
        plural=plural,
        place=b.capital,
        x=a.demonym,
        y=b.demonym,
    )
    forms = (number, str(n)) if number != str(n) else (number,)
    named = (a, b) if "{B}" in pattern else (a,)
    return Draft(sentence(text), published, (AgreementBatch(forms),), named)


@capability("agreement.summary_subject")
def summary_subject(fillers, rng):
    """The summary names the document's subject ("MoU on mental health cooperation")."""
    published, a, b = two_leaders(fillers, rng)
    document, kind = rng.choice(DOCUMENTS)
    subject = rng.choice(SUBJECTS)
    pattern = rng.choice(
        (
            "{A} and {B} signed {doc} on {subject} after their talks.",
            "After talks in {place}, {A} and {B} signed {doc} on {subject}.",
            "{A} and {B} signed {doc} on {subject}, officials said.",
            "{A} and {B} also signed {doc} on {subject}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), doc=document, subject=subject, place=b.capital
    )
    expected = _expected(a, b, (kind,), "signed", subject)
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("agreement.failed")
def failed(fillers, rng):
    """Talks ended with no deal, negotiations collapsed: a failed deal between them."""
    published, a, b = two_leaders(fillers, rng)
    subject = rng.choice(SUBJECTS)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "Talks between {A} and {B} on {subject} ended with no deal {when}.",
            "Negotiations between {A} and {B} over {subject} collapsed {when}.",
            "{A} and {B} failed to reach an agreement on {subject} {when}.",
            "The summit between {A} and {B} broke up without a deal on {subject} {when}.",
            "{A} and {B} cut short their summit in {place} {when} without an agreement.",
            "No agreement on {subject} was reached at the talks between {A} and {B} {when}.",
            "{A} and {B} failed to broker a deal on {subject} {when}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), subject=subject, when=when, place=b.capital
    )
    expected = _expected(a, b, ("deal", "agreement"), "failed")
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("agreement.proposed", twin="agreement.rejected")
def proposed(fillers, rng):
    """A proposed a document on a subject to B: proposed."""
    published, a, b = two_leaders(fillers, rng)
    document, kind = rng.choice(DOCUMENTS)
    subject = rng.choice(SUBJECTS)
    pattern = rng.choice(
        (
            "{A} proposed {doc} on {subject} to {B}.",
            "{A} offered {B} {doc} on {subject}.",
            "{A} called on {B} to sign {doc} on {subject}.",
            "{A} put forward {doc} on {subject} in talks with {B}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), doc=document, subject=subject)
    expected = _expected(a, b, (kind, "deal", "agreement"), "proposed")
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("agreement.rejected", twin="agreement.proposed")
def rejected(fillers, rng):
    """B rejected A's proposal for a document, refused to sign it: rejected."""
    published, a, b = two_leaders(fillers, rng)
    document, kind = rng.choice(DOCUMENTS)
    subject = rng.choice(SUBJECTS)
    pattern = rng.choice(
        (
            "{B} rejected a proposal by {A} for {doc} on {subject}.",
            "{B} turned down {doc} on {subject} offered by {A}.",
            "{B} refused to sign {doc} on {subject} proposed by {A}.",
            "{B} rejected {doc} on {subject} that {A} had put forward.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), doc=document, subject=subject)
    expected = _expected(a, b, (kind, "deal", "agreement"), "rejected")
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("agreement.commercial_negative", twin="agreement.signed_with", negative=True)
def commercial_negative(fillers, rng):
    """Companies signed contracts in the leaders' presence: no agreement between states."""
    published, a, b = two_leaders(fillers, rng)
    first, second = rng.sample(COMPANIES, 2)
    amount = rng.randint(2, 40)
    pattern = rng.choice(
        (
            "Companies from {x} and {y} signed contracts worth ${n} billion in the presence "
            "of {A} and {B}.",
            "In the presence of {A} and {B}, {c1} and {c2} signed a supply contract.",
            "{A} and {B} watched as business leaders signed commercial deals worth ${n} billion.",
            "{c1} signed a ${n} billion contract with {c2}, witnessed by {A} and {B}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        x=a.country_name,
        y=b.country_name,
        c1=first,
        c2=second,
        n=amount,
    )
    return Draft(sentence(text), published, (NoAgreement(),), (a, b))


@capability("agreement.bloc_party")
def bloc_party(fillers, rng):
    """A bloc of stable membership signs ('the six GCC states and Kenya signed the X
    declaration'): its member states are the parties."""
    published, a, b = two_leaders(fillers, rng)
    bloc, members = rng.choice(BLOCS)
    other = a if a.country not in members else b  # two leaders of one bloc are rare
    if other.country in members:
        bloc, members = next((n, m) for n, m in BLOCS if other.country not in m)
    subject = rng.choice(SUBJECTS)
    pattern = rng.choice(
        (
            "Representatives of the {bloc} states and {other} signed a declaration on {subject}.",
            "Ministers of the {bloc} countries and {other} signed a declaration on {subject} "
            "{when}.",
            "The {bloc} states and {other} signed a declaration on {subject} in {place}.",
        )
    )
    when, _ = date_phrase(rng, published)
    text = pattern.format(
        bloc=bloc, other=other.country_name, subject=subject, when=when, place=other.capital
    )
    # the leaders at the summit are named first; the document binds the states
    text = f"{sentence(f'{simple(rng, a)} met {simple(rng, b)} at the summit')}. {sentence(text)}"
    expected = Agreement((*members, other.country), (), ("declaration",), "signed")
    return Draft(text, published, (expected,), (a, b))


# Blocs whose members never changed (`ingest.extract.blocs`), spelled as news spells them.
BLOCS = (
    ("GCC", ("SA", "KW", "AE", "QA", "BH", "OM")),
    ("Gulf Cooperation Council", ("SA", "KW", "AE", "QA", "BH", "OM")),
    ("SAARC", ("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK")),
)


@capability("agreement.told_again", twin="agreement.another_document")
def told_again(fillers, rng):
    """A document signed, then 'the framework agreement' again: one record."""
    published, a, b = two_leaders(fillers, rng)
    subject = rng.choice(SUBJECTS)
    noun = rng.choice(("framework agreement", "peace agreement", "trade agreement", "treaty"))
    pattern = rng.choice(
        (
            "{A} and {B} signed a {noun} on {subject} {when}. They held talks in {place} and "
            "then signed the {noun}.",
            "{A} and {B} signed a {noun} on {subject}. {a} and {b} shook hands after signing "
            "the {noun} in {place}.",
        )
    )
    when, _ = date_phrase(rng, published)
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a=a.surname, b=b.surname, noun=noun,
        subject=subject, when=when, place=b.capital,
    )  # fmt: skip
    text = ". ".join(sentence(part) for part in text.split(". "))
    return Draft(text, published, (AgreementCount(1),), (a, b))


@capability("agreement.another_document", twin="agreement.told_again")
def another_document(fillers, rng):
    """A document signed, then another one with its own name ('a trade agreement', 'the
    1974 treaty'): two records."""
    published, a, b = two_leaders(fillers, rng)
    first, second = rng.sample(SUBJECTS, 2)
    pattern = rng.choice(
        (
            "{A} and {B} signed a framework agreement on {first}. They also signed an "
            "agreement on {second}.",
            "{A} and {B} signed a framework agreement on {first} together with an agreement on "
            "{second}.",
            "{A} and {B} signed a joint declaration on {first} together with an agreement on "
            "{second}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), first=first, second=second)
    text = ". ".join(sentence(part) for part in text.split(". "))
    return Draft(text, published, (AgreementCount(2),), (a, b))


@capability("agreement.pledge_build_abroad", twin="agreement.build_at_home_negative")
def pledge_build_abroad(fillers, rng):
    """A state promised to build a school or a hospital in another: a pledge between them."""
    published, a, b = two_leaders(fillers, rng)
    thing = rng.choice(("a school", "a hospital", "a bridge", "a training centre"))
    pattern = rng.choice(
        (
            "{A} met {B} {when}. {ca} has promised to build {thing} in {cb}.",
            "{A} met {B} {when}. He laid the foundation stone of {thing} in {cb} that {ca} "
            "has promised to build.",
            "{A} met {B} {when}. {ca} pledged to fund {thing} in {cb}.",
        )
    )
    when, _ = date_phrase(rng, published)
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), when=when, thing=thing,
        ca=capitalised(a.country_name), cb=b.country_name,
    )  # fmt: skip
    text = ". ".join(sentence(part) for part in text.split(". "))
    expected = Agreement((a.country, b.country), gold_leaders(a, b), ("pledge",), "agreed")
    return Draft(text, published, (expected,), (a, b))


@capability("agreement.build_at_home_negative", twin="agreement.pledge_build_abroad", negative=True)
def build_at_home_negative(fillers, rng):
    """A state promised to build something at home: no agreement."""
    published, a, b = two_leaders(fillers, rng)
    thing = rng.choice(("a school", "a hospital", "a bridge", "a new airport"))
    pattern = rng.choice(
        (
            "{A} met {B} {when}. {ca} has promised to build {thing} in its own capital.",
            "{A} met {B} {when}. {ca} has promised to build {thing} in {home}.",
        )
    )
    when, _ = date_phrase(rng, published)
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), when=when, thing=thing,
        ca=capitalised(a.country_name), home=a.capital,
    )  # fmt: skip
    text = ". ".join(sentence(part) for part in text.split(". "))
    return Draft(text, published, (NoAgreement(),), (a, b))


@capability("agreement.could_not_agree", twin="agreement.disagreed_view_negative")
def could_not_agree(fillers, rng):
    """A and B could not agree / were unable to agree / could not reach a deal on a
    subject, or a meal or call between them ended without agreement: failed."""
    published, a, b = two_leaders(fillers, rng)
    subject = rng.choice(SUBJECTS)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} and {B} could not agree on {subject} {when}.",
            "{A} and {B} were unable to agree on {subject} when they met {when}.",
            "{A} met {B} {when}. The two leaders could not reach a deal on {subject}.",
            "{A} met {B} {when}. They said they could not agree on {subject}.",
            "{A}'s dinner with {B} {when} ended without agreement on {subject}.",
            "The phone call between {A} and {B} {when} ended without a deal on {subject}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), subject=subject, when=when)
    text = ". ".join(sentence(part) for part in text.split(". "))
    expected = _expected(a, b, ("deal", "agreement"), "failed")
    return Draft(text, published, (expected,), (a, b))


@capability("agreement.disagreed_view_negative", twin="agreement.could_not_agree", negative=True)
def disagreed_view_negative(fillers, rng):
    """A view not shared, a refusal, a condition or a denial: no failed talks, no deal."""
    published, a, b = two_leaders(fillers, rng)
    subject = rng.choice(SUBJECTS)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} {when}. {A2} did not agree with {B2}'s view of {subject}.",
            "{A} met {B} {when}. The two leaders could not agree that {subject} was urgent.",
            "{A} met {B} {when}. If they cannot agree on {subject}, talks will resume.",
            "{A} met {B} {when}. {A2} would not agree to the demand on {subject}.",
            "{A} met {B} {when}. Officials said they could not have reached any such deal.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), A2=a.name, B2=b.name, subject=subject, when=when
    )
    text = ". ".join(sentence(part) for part in text.split(". "))
    return Draft(text, published, (NoAgreement(),), (a, b))


@capability("agreement.ministers_of_states")
def ministers_of_states(fillers, rng):
    """The ministers of X and Y signed a document, in the leaders' presence or not: the
    states are the parties, and the summary names the subject, not the witnesses."""
    published, a, b = two_leaders(fillers, rng)
    document, kind = rng.choice(DOCUMENTS)
    subject = rng.choice(SUBJECTS)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} hosted {B} {when}. The foreign ministers of {x} and {y} signed {doc} on "
            "{subject}.",
            "{Doc} on {subject} was signed by the ministers of {x} and {y} in the presence "
            "of {A} and {B} {when}.",
            "The trade ministers of {x} and {y} signed {doc} on {subject} in the presence of "
            "{A} and {B}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), x=a.country_name, y=b.country_name, doc=document,
        Doc=capitalised(document), subject=subject, when=when,
    )  # fmt: skip
    text = ". ".join(sentence(part) for part in text.split(". "))
    expected = Agreement((a.country, b.country), gold_leaders(a, b), (kind,), "signed", subject)
    return Draft(text, published, (expected,), (a, b))
