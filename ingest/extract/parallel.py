"""'The leaders of Russia, Ukraine, Germany and France ... A, B, C and D': countries
given as a list, and the people as a list of the same length in the same or the
next sentence, pair up in order (news writers list them respectively).  Only
persons without a country get one, and only when the lengths match.
"""

from __future__ import annotations

from . import geo

PLURAL_OFFICES = {"leaders", "presidents", "heads", "prime", "ministers", "chancellors", "kings"}


def _country_list(tok) -> list:
    """['RU', 'UA', ...] for 'leaders of Russia, Ukraine, ...', else []."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            items, stack = [], [obj]
            while stack:
                t = stack.pop()
                items.append(t)
                stack.extend(c for c in t.children if c.dep_ == "conj")
            items.sort(key=lambda t: t.i)
            codes = [
                geo.country_for(t.doc[t.left_edge.i : t.i + 1].text) or geo.country_for(t.text)
                for t in items
            ]
            # "of Greece and Turkey, A and B": the parser may chain the names onto the list
            leading = codes[: codes.index(None)] if None in codes else codes
            if len(leading) >= 2:
                return leading
    return []


def _name_list(sents, people, n: int, beside=frozenset()) -> list:
    """The first coordinated list of exactly n named persons in these sentences, none of
    them a person the office list was coordinated with."""
    for sent in sents:
        for tok in sent:
            if tok.dep_ == "conj" and tok.head.i in people.by_tok:
                continue  # inside a list of persons already tried from its first member
            if not people.pids(tok) or tok.i not in people.by_tok:
                continue
            pids = people.refs(tok)
            if len(pids) == n and not set(pids) & beside:
                return pids
    return []


def assign_listed_countries(idx, people) -> None:
    """Give listed persons the listed countries, in order (see module docstring)."""
    for n_sent, sent in enumerate(idx.sents):
        for tok in sent:
            if tok.lower_ not in PLURAL_OFFICES or tok.tag_ not in ("NNS", "NNPS"):
                continue
            codes = _country_list(tok)
            if not codes:
                continue
            # "X and the foreign ministers of A and B": X is not one of the listed ministers
            beside = set(people.refs(tok.head)) if tok.dep_ == "conj" else set()
            pids = _name_list(idx.sents[n_sent : n_sent + 2], people, len(codes), beside)
            for pid, code in zip(pids, codes, strict=False):
                person = people.get(pid)
                if not person.country and not person.org:
                    person.country = code
