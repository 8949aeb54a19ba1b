"""The title and country written around a name: 'US President', "North Korea's leader",
'the president of Nigeria', '..., of Zambia, X'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer import geo

from ..countries import code_for
from ..lexicon import REGNAL, ROLE_NOUNS, TITLE_HEADS, TITLE_SET, TITLES
from ..tags import PRON, PROPN
from ..text import doc_ents, kids, sent_of, span_text, tokens_between
from .bounds import office_list_items
from .tokens import QUALIFIERS, prefix_word

# Ministers and secretaries named by their department, before or after the office:
# 'Home Minister', 'Secretary of Defense', 'Minister of Foreign Affairs and Trade'.
DEPARTMENT_WORDS = (
    "foreign affairs|home affairs|external affairs|internal affairs|homeland security|"
    "foreign|home|interior|defen[cs]e|finance|treasury|commerce|trade|energy|justice|health|"
    "education|transport|transportation|agriculture|labou?r|environment|culture|economy|"
    "industry|war|navy|army|state|external trade|public security|national defen[cs]e"
)
_DEPARTMENT_OFFICE = (
    rf"(?:(?:{DEPARTMENT_WORDS})\s+)+(?:minister|secretary)"
    rf"|(?:secretary|minister)\s+(?:of|for)\s+(?:the\s+)?(?:{DEPARTMENT_WORDS})"
    rf"(?:\s+and\s+(?:{DEPARTMENT_WORDS}))*"
)
_TITLE_END = re.compile(
    r"(?:^|[\s,(])("
    + _DEPARTMENT_OFFICE
    + "|"
    + "|".join(re.escape(t) for t in TITLES)
    + r")(s?)\s*$",
    re.I,
)
_DEPARTMENT_AFTER = re.compile(
    rf"(?:of|for)\s+(?:the\s+)?(?:{DEPARTMENT_WORDS})(?:\s+and\s+(?:{DEPARTMENT_WORDS}))*",
    re.I,
)


def department_end(doc, i: int) -> int:
    """'Secretary [of Defense] Jim Mattis': the token after a capitalised department
    written with 'of' at token i, else i."""
    if i >= len(doc) or doc[i].lower_ not in ("of", "for"):
        return i
    text = doc[i : i + 8].text
    m = _DEPARTMENT_AFTER.match(text)
    if not m:
        return i
    char = doc[i].idx + m.end()
    j = i
    while j < len(doc) and doc[j].idx < char:
        j += 1
    if doc[j - 1].idx + len(doc[j - 1]) != char:
        return i  # the match ends inside a word
    if not all(t.text[:1].isupper() for t in doc[i + 1 : j] if t.lower_ not in ("the", "and")):
        return i
    return _of_country_end(doc, j)


def _of_country_end(doc, j: int) -> int:
    """'Secretary of Defence [of the United States] Lloyd Austin': the token after a
    country written with 'of' after the department, else j."""
    if j >= len(doc) or doc[j].lower_ != "of":
        return j
    for n in (4, 3, 2, 1):
        if j + 1 + n < len(doc) and code_for(doc[j + 1 : j + 1 + n].text):
            return j + 1 + n
    return j


def _window_start(doc, end: int, sent_start: int, limit: int = 7) -> int:
    a = end
    while a > max(sent_start, end - limit):
        t = doc[a - 1]
        if (t.is_punct and (t.text not in ("-", "–", ".") or t.whitespace_)) or t.lower_ in (
            "and",
            "or",
            "with",
            "by",
            "to",
        ):
            if not _joins_departments(doc, a - 1):
                break
        a -= 1
    return a


def _joins_departments(doc, i: int) -> bool:
    """'Minister of Foreign Affairs [and] Trade': an 'and' between two capitalised
    department words, inside one title."""
    if doc[i].lower_ != "and" or i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    return bool(
        before.text[:1].isupper()
        and after.text[:1].isupper()
        and re.fullmatch(DEPARTMENT_WORDS, after.lower_)
        and (
            before.lower_ in ("affairs", "security")
            or re.fullmatch(DEPARTMENT_WORDS, before.lower_)
        )
    )


def _phrase_start(doc, sent) -> int:
    """Where a sentence starts for a title, over a split the parser made inside a phrase
    ('[Defence] | Minister X was presented with ...': no stop, no line break between)."""
    start = sent.start
    if start > 0:
        prev = doc[start - 1]
        if prev.is_alpha and prev.is_title and prev.whitespace_ == " ":
            return sent_of(prev).start
    return start


def title_before(doc, start: int, idx):
    """The title right before a name ('US President' -> 'President') and the token
    where it starts; over an abbreviation in brackets ('Prime Minister (PM) X')."""
    if start >= 3 and doc[start - 1].text == ")" and doc[start - 3].text == "(":
        if doc[start - 2].text.isupper():
            return title_before(doc, start - 3, idx)
    a = _window_start(doc, start, _phrase_start(doc, idx.sent(doc[start])))
    if a >= start:
        return None, start
    window = doc[a:start]
    m = _TITLE_END.search(window.text)
    if not m:
        return None, start
    char = window.start_char + m.start(1)
    tstart = next((t.i for t in window if t.idx >= char), start)
    return window.text[m.start(1) : m.end(1)], tstart


def of_country_title(doc, start: int):
    """'the Defence Minister of Kazakhstan [Lt Gen] Aidos Serikov', no comma between: the
    title noun before "of <country>" and the country's code, else (None, None)."""
    for n in (1, 2, 3):
        k = start - n
        if k < 2 or doc[k - 1].lower_ != "of" or doc[k - 2].lower_ not in TITLE_HEADS:
            continue
        if any(t.is_punct for t in doc[k:start]) or any(
            t.is_sent_start for t in doc[k - 1 : start + 1]
        ):
            continue
        code = code_for(doc[k:start].text)
        if code:
            return doc[k - 2], code
    return None, None


def country_before(doc, pos: int, idx):
    """Country or organisation written before a title: 'North Korean' leader, 'Singapore's' PM."""
    sent = idx.sent(doc[pos]) if pos < len(doc) else None
    if sent is None or pos <= sent.start:
        return None, None
    a = _window_start(doc, pos, sent.start, limit=5)
    toks = tokens_between(doc, a, pos)
    while toks and (
        toks[-1].lower_ in QUALIFIERS
        or (toks[-1].lower_ in ROLE_NOUNS and len(toks) > 1)  # "her Chinese counterpart"
        or toks[-1].tag_ == "POS"
        or toks[-1].lower_ in ("'s", "’s")
        or toks[-1].lower_ in _DEPARTMENTS  # "US Commerce Secretary"
        or prefix_word(toks[-1]) in _STYLE_WORDS  # "H.E. President X": a style, not a body
    ):
        toks = toks[:-1]
    for k in range(min(4, len(toks)), 0, -1):
        text = span_text(doc, toks[-k].i, toks[-1].i + 1)
        code = code_for(text)
        if code:
            return code, None
        org = geo.organisation_for(text)
        if org:
            return None, org
    if toks and toks[-1].ent_type_ == "ORG" and not geo.lookup(toks[-1].text):
        # "FIFA president X", "Acme chief executive Y": an office in a body that is not a state
        ent = next(e for e in doc_ents(doc) if e.start <= toks[-1].i < e.end)
        if ent.end > pos:
            return None, None  # "PM Modi" tagged as one organisation: no body before a name
        if not all(t.lower_ in _DEPARTMENTS for t in ent):  # "Commerce Secretary" is a minister
            return None, ent.text
    return None, None


# Courtesy styles written before a title ("H.E. President", "His Excellency Prime
# Minister"): never the body whose office the title is.
_STYLE_WORDS = {"h e", "hon", "rt hon", "excellency", "majesty", "highness", "hrh"}

# Government departments written before a minister's title ("Commerce Secretary").
_DEPARTMENTS = {
    "commerce",
    "defense",
    "defence",
    "treasury",
    "state",
    "interior",
    "energy",
    "trade",
    "foreign",
    "home",
    "justice",
    "health",
    "education",
    "transport",
    "transportation",
    "agriculture",
    "labor",
    "labour",
    "finance",
    "homeland",
    "security",
    "environment",
    "culture",
    "economy",
    "industry",
    "war",
    "navy",
    "army",
}


def is_private(person) -> bool:
    """Whether a person holds office in a body that is neither a state nor an
    intergovernmental organisation (a sports federation, a company, a party)."""
    return bool(person.org) and geo.organisation_for(person.org) is None


def _suffix_country(doc, start: int, end: int):
    """(code, text) of the longest run of tokens ending at `end` that names a country
    ('OSLO - Chile' -> Chile), else (None, full text)."""
    for a in range(start, end + 1):
        if doc[a].is_punct:
            continue
        text = re.sub(r"['’]s$", "", span_text(doc, a, end + 1))
        code = code_for(text)
        if code:
            return code, text
    return None, re.sub(r"['’]s$", "", span_text(doc, start, end + 1))


@dataclass(frozen=True)
class NounTitle:
    """What a title noun phrase says of its holder: the title as written, and the
    country (ISO code) or the non-state body whose office it is."""

    title: str | None = None
    country: str | None = None
    org: str | None = None


# Words that join a title's words: "secretary-general", "secretary of state".
_TITLE_JOINS = ("-", "–", "of")


def title_of_noun(noun) -> NounTitle:
    """The title, country and body of a title noun phrase: 'the North Korean leader',
    "India's defence minister"."""
    doc = noun.doc
    for n in (4, 3):
        first = noun.i - n + 1
        if (
            first >= 0
            and doc[first + 1].text in _TITLE_JOINS
            and doc[first : noun.i + 1].text.lower() in TITLE_SET
        ):
            # "the Vatican's secretary of [state]": the title and its owner are told
            # at its first word
            return title_of_noun(doc[first])
    left = noun.i
    while (
        left > 0
        and doc[left - 1].head.i in range(left, noun.i + 1)
        and doc[left - 1].dep_
        in ("compound", "amod", "nmod", "poss", "case", "punct", "advmod", "npadvmod")
        and doc[left - 1].dep_ != "det"
    ):
        left -= 1
    title = None
    for s in range(left, noun.i + 1):
        text = span_text(doc, s, noun.i + 1)
        if text.lower() in TITLE_SET or text.lower().rstrip("s") in TITLE_SET:
            title = text
            break
    heads = [noun]
    for n in (4, 3):
        # "the secretary-general of NATO" parsed as secretary <- general <- of NATO, "the
        # Vatican's secretary of state": the title goes on after its first word
        joined = doc[noun.i : noun.i + n]
        if (
            len(joined) == n
            and joined[1].text in _TITLE_JOINS
            and joined.text.lower() in TITLE_SET
            and (title is None or title.lower() == noun.lower_)
        ):
            title = joined.text
            heads.append(joined[-1])
            break
    country = org = None
    for child in kids(noun):
        if child.i > noun.i or child.dep_ not in ("poss", "amod", "compound", "nmod", "npadvmod"):
            continue
        code, text = _suffix_country(doc, child.left_edge.i, child.i)
        if code and not country:
            country = code
        elif not code and not org:
            org = geo.organisation_for(text)
    # "the president of Nigeria", "Crown Prince and Prime Minister of Qatar"
    heads += [c for c in kids(noun) if c.dep_ == "conj" and c.lower_ in TITLE_HEADS]
    for prep in (c for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in kids(prep) if c.dep_ == "pobj"):
            text = doc[obj.left_edge.i : obj.i + 1].text
            code = geo.country_for(text)
            country = country or code
            if not code and not country and not org:
                # "the president of the European Commission": a body's office, no state's
                org = geo.organisation_for(text)
    if title and title.lower() in REGNAL | {"crown prince"} and not country:
        pass
    return NounTitle(title, country, org)


def relation_owner(noun, builder):
    """Who 'his'/'X's' refers to in 'his host', "Castro's brother"; None if unstated."""
    for child in kids(noun):
        if child.dep_ != "poss":
            continue
        if child.pos == PRON:
            return builder.resolve_pronoun(child)
        pids = builder.people.pids(child)
        if pids:
            return pids[0]
    return None


def listed_country(doc, start: int):
    """'..., of Zambia, Hakainde Hichilema', 'the prime ministers of Chile A, Peru B':
    (country, plural title noun) before a listed name."""
    interleaved = _interleaved_country(doc, start)
    if interleaved[0]:
        return interleaved
    if start < 3 or doc[start - 1].text != ",":
        return None, None
    k = start - 2
    while k > 0 and doc[k].lower_ != "of" and start - k < 6:
        k -= 1
    if doc[k].lower_ != "of" or ends_name(doc[k - 1]):
        return None, None  # "A of Chile, B of Peru": Chile is A's, B's own "of" follows
    code = geo.country_for(doc[k + 1 : start - 1].text)
    if not code:
        return None, None
    sent_start = sent_of(doc[start]).start
    for j in range(k - 1, max(sent_start, k - 40) - 1, -1):
        low = doc[j].lower_
        if doc[j].tag_ in ("NNS", "NNPS") and low[:-1] in TITLE_SET and doc[j + 1].lower_ == "of":
            return code, doc[j].text[:-1]
    return code, None


def _interleaved_country(doc, start: int):
    """(country, title) of a name in 'the prime ministers of Chile A, Peru B and Norway C'
    (`bounds.office_list_items`), else (None, None)."""
    sent_start = sent_of(doc[start]).start
    for of in range(start - 2, max(sent_start, start - 40), -1):
        if doc[of].lower_ != "of":
            continue
        for code, s, _ in office_list_items(doc, of):
            if s == start:
                office = doc[of - 1]
                title = title_of_noun(office).title
                generic = office.lower_ in ("leaders", "heads") or not title
                return code, None if generic else title[:-1]
    return None, None


def ends_name(tok) -> bool:
    """Whether a token before "of" is a name's last word rather than an office's."""
    low = tok.lower_
    return (
        tok.pos == PROPN
        and tok.text[:1].isupper()
        and low not in TITLE_SET
        and low not in TITLE_HEADS
        and low.rstrip("s") not in TITLE_SET
    )
