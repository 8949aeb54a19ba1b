"""News agencies and outlets, which report on leaders and are never one: "Kyodo News",
"Reuters", "Xinhua", "the Associated Press", "the state news agency WAM".

A name span is an outlet when one of its words is an agency's own name, when it ends in
a word outlets are named with ("News", "Agency", "Press", "Times"), or when a noun for
an outlet stands right before it ("news agency WAM", "broadcaster NHK")."""

from __future__ import annotations

from ..text import tokens_between

# Agencies and broadcasters whose one-word name is no person's (lower-cased).
AGENCY_NAMES = frozenset(
    "reuters xinhua kyodo afp tass itar-tass interfax yonhap pti ians bernama antara "
    "anadolu efe ansa dpa kcna irna sputnik nhk bbc cnn bloomberg jiji belta ukrinform "
    "xinhuanet cctv cgtn wam".split()
)  # fmt: skip  (not Petra, Sana, Wafa, Mena or Ria: agencies named as people are)
# Last words of an outlet's name: "Kyodo News", "Associated Press", "Agence France-Presse".
OUTLET_ENDS = frozenset(
    "news agency press presse times post television tv radio broadcasting broadcaster "
    "daily herald gazette journal tribune newspaper telegraph network"
    .split()
)  # fmt: skip
# Nouns that name what follows as an outlet: "the news agency WAM", "broadcaster NHK".
OUTLET_NOUNS = frozenset({"agency", "broadcaster", "newspaper", "outlet", "daily", "tabloid"})


def names_an_outlet(doc, start: int, end: int) -> bool:
    """Whether the name span doc[start:end] is a news agency or outlet."""
    words = [t.lower_ for t in tokens_between(doc, start, end)]
    if not words:
        return False
    if any(w in AGENCY_NAMES for w in words) or words[-1] in OUTLET_ENDS:
        return True
    if end < len(doc) and doc[end].lower_ in ("news", "agency") and doc[end].is_title:
        return True  # "Kyodo News" with the span stopping before 'News'
    return start > 0 and doc[start - 1].lower_ in OUTLET_NOUNS
