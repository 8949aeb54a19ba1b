"""Which named person a title description ('the Russian leader', 'the French president')
refers to.

Candidates are the persons named before it, minus those who are arguments of
the description's own clause ("For Xi, the Russian leader's company ...": not
Xi).  A candidate already of the described country wins; otherwise one
candidate without a country (and with a compatible title) is taken when it is
the only one among the persons of the last sentences, or the only one in the
article so far.  Several candidates leave the description unresolved (it is
retried once more countries are known): no country is better than a wrong one.
"""

from __future__ import annotations

from .person_rules import _clause_subject, _same_title
from .tags import AUX, VERB
from .text import subtree

GENERIC_HEADS = {"leader", "ruler", "chief", "monarch", "dictator"}
WINDOW_SENTENCES = 2


def _country_of(person):
    """The country the article gives, else the one of the person's office that day."""
    return person.country or getattr(person, "registry_country", None)


def clause_people(tok, people) -> set:
    """Persons who are arguments of the clause a token sits in, outside the token's phrase."""
    verb = tok
    while verb.pos not in (VERB, AUX) and verb.head != verb:
        verb = verb.head
    own = {t.i for t in subtree(tok)}
    out = set()
    for t in subtree(verb):
        if t.i in own or t.i >= tok.i:
            continue
        clause = t
        while clause.pos not in (VERB, AUX) and clause.head != clause:
            clause = clause.head
        if clause == verb:
            out.update(people.pids(t))
    return out


def by_description(builder, tok, title, country, org):
    """The pid a description refers to, or None (ambiguous ones are deferred)."""
    people = builder.people
    persons = people.persons
    excluded = clause_people(tok, people) | {_clause_subject(tok, people)}
    candidates = [p for p in builder._recent(tok.i) if p not in excluded]
    head = (title or tok.lower_).lower().split()[-1]
    generic = head in GENERIC_HEADS

    def title_ok(p):
        return generic or not p.title or _same_title(p.title, title or tok.text)

    if org:
        return next((p for p in candidates if persons[p].org == org), None)
    if country:
        exact = [p for p in candidates if _country_of(persons[p]) == country]
        if exact:
            return exact[0]
        loose = [
            p
            for p in candidates
            if not _country_of(persons[p]) and not persons[p].org and title_ok(persons[p])
        ]
    else:
        titled = [
            p
            for p in candidates
            if persons[p].title and not generic and _same_title(persons[p].title, title or tok.text)
        ]
        if titled:
            return _most_recent_holder(builder, tok, titled[0], candidates, title or tok.text)
        loose = [p for p in candidates if not generic and not persons[p].title]
    sent_no = builder.idx.sent_of[tok.i]
    start = builder.idx.sents[max(0, sent_no - WINDOW_SENTENCES)].start
    near = [p for p in loose if persons[p].last_i >= start]
    pool = near or (loose if country else [])
    if len(pool) == 1:
        builder.weak.add(pool[0])
        return pool[0]
    if len(pool) > 1:
        builder.deferred.append(tok)
    return None


def _most_recent_holder(builder, tok, pid, candidates, title):
    """'The PM', 'the president' with no country: the holder of that office told last,
    unless another holder (titled so in the article, or by the registry on its date) was
    told in the same sentence ("A and B met. The prime minister later ..." is either of
    the two): then None, as no one is better than the wrong one."""
    last = {}
    for i, p in builder.people.order:
        if i < tok.i:
            last[p] = i
    sent_of = builder.idx.sent_of
    told = sent_of[last[pid]]
    rivals = [
        p
        for p in candidates
        if p != pid and p in last and sent_of[last[p]] == told and _holds(builder, p, title)
    ]
    return None if rivals else pid


def _holds(builder, pid, title) -> bool:
    """Whether a person goes by this title: the article's, else the registry's on its date."""
    person = builder.people.persons[pid]
    if person.title:
        return _same_title(person.title, title)
    registry = builder.idx.registry
    if not registry or not person.registry_key:
        return False
    term = registry.person(person.registry_key).term_on(builder.idx.published)
    return term is not None and _same_title(term.title, title)
