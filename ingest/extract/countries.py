"""Countries an article names: by name, demonym, or capital/metonym used for a government.

Reads the token stream once with `geo.match_country_prefix` (longest match at
each capitalised token).  A capital counts only when it stands for a
government, not when it is part of a name ("the Paris climate agreement").
Non-capital cities never count (a venue alone does not name a state), and
person names are skipped.  Historic states: the gold convention codes the
Soviet Union "SU", and an article published before 1992 that says "Moscow"
or "Russian" means the Soviet Union.
"""

from __future__ import annotations

import datetime as dt
import re

from gazetteer import geo

from .results import CountryMention
from .text import token_texts

SOVIET_CUTOFF = dt.date(1992, 1, 1)
_HISTORIC = re.compile(r"^(Soviet|USSR|U\.S\.S\.R\.)$")
_NAME_NOUNS = {
    "agreement",
    "agreements",
    "accord",
    "accords",
    "treaty",
    "declaration",
    "statement",
    "protocol",
    "convention",
    "summit",
    "process",
    "format",
    "club",
    "talks",
    "group",
    "climate",
    "peace",
}


def code_for(text: str, published: dt.date | None = None) -> str | None:
    """ISO code for a country mention, with the Soviet Union as SU."""
    words = text.replace("’", "'").split()
    if words and _HISTORIC.match(words[0]):
        return "SU"
    code = geo.country_for(text)
    return soviet(code, published)


def soviet(code: str | None, published: dt.date | None) -> str | None:
    """Russia before 1992 is the Soviet Union."""
    if code == "RU" and published is not None and published < SOVIET_CUTOFF:
        return "SU"
    return code


def _is_name_part(tok, n: int) -> bool:
    """'Paris' in 'the Paris climate agreement' names a document, not France."""
    last = tok.doc[tok.i + n - 1]
    head = last.head
    if last.dep_ in ("compound", "nmod") and head.i > last.i and head.lower_ in _NAME_NOUNS:
        return True
    return (
        last.ent_type_ in ("LAW", "EVENT", "WORK_OF_ART", "FAC")
        and tok.ent_iob_ != "B"
        and not geo.country_for(tok.text)
    )


def country_mentions(idx, people=None, published: dt.date | None = None) -> list[CountryMention]:
    """Every country mention, in order."""
    doc = idx.doc
    person_toks = set(people.by_tok) if people is not None else set()
    out = []
    i = 0
    n_tok = len(doc)
    texts = token_texts(doc)
    while i < n_tok:
        if not (texts[i].istitle() or texts[i].isupper()):  # spaCy's is_title, no Token
            i += 1
            continue
        tok = doc[i]
        if tok.is_punct or i in person_toks and tok.ent_type_ == "PERSON":
            i += 1
            continue
        if _HISTORIC.match(tok.text):
            out.append(CountryMention("SU", i, 1, "demonym"))
            i += 1
            continue
        words = texts[i : i + 6]
        hit = geo.match_geo_prefix(words)
        if not hit:
            i += 1
            continue
        match, n = hit
        if not match.is_country:
            i += n
            continue
        code, kind = match.code, match.kind
        if kind in ("capital", "metonym") and _is_name_part(tok, n):
            i += n
            continue
        if code == "PS" and kind == "demonym":
            i += n
            continue
        out.append(CountryMention(soviet(code, published), i, n, kind))
        i += n
    return out


def article_countries(mentions: list[CountryMention], holy_see_rome: bool = True) -> tuple:
    """Sorted set of sovereign codes from the mentions; 'Rome' beside the Holy See is the Church."""
    codes = {m.code for m in mentions if m.code}
    if "VA" in codes and holy_see_rome:
        capitals_it = [m for m in mentions if m.code == "IT" and m.kind in ("capital", "metonym")]
        others_it = [m for m in mentions if m.code == "IT" and m.kind not in ("capital", "metonym")]
        if capitals_it and not others_it:
            codes.discard("IT")
    return tuple(sorted(c for c in codes if c == "SU" or geo.is_sovereign(c)))
