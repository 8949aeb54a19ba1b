"""Member states of blocs whose membership is stable, for agreements signed by a bloc
('the six GCC states and Egypt signed', 'ASEAN and China adopted'): the parties are the
member states (ISO alpha-2), as the gold schema counts them.

Only blocs whose membership has not changed in decades are listed (a bloc whose members
came and went recently would need the article's date); a bloc not listed gives nothing.
"""

from __future__ import annotations

import datetime as dt

from gazetteer.geo import organisation_for

from .tags import PROPN
from .text import kids

# organisation (as `geo.organisation_for` names it) -> (members, (member, joined) pairs)
MEMBERS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, dt.date], ...]]] = {
    "GCC": (("SA", "KW", "AE", "QA", "BH", "OM"), ()),
    "SAARC": (("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"), ()),
    "ASEAN": (
        ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"),
        (("TL", dt.date(2025, 10, 26)),),
    ),
    "Quad": (("AU", "IN", "JP", "US"), ()),
    "AUKUS": (("AU", "GB", "US"), ()),
}


def bloc_members(text: str, on: dt.date | None = None) -> list:
    """The member states of the bloc `text` names ('GCC', 'Gulf Cooperation Council'),
    with those that joined by `on` (the article's date); [] for anything else."""
    org = organisation_for(text)
    if org not in MEMBERS:
        return []
    members, joined = MEMBERS[org]
    later = [code for code, day in joined if on is None or on >= day]
    return list(members) + later


def bloc_of(tok, on: dt.date | None = None) -> list:
    """Member states a token stands for: a bloc's name ('ASEAN', 'the Gulf Cooperation
    Council'), or a noun it modifies ('the GCC states', 'Gulf Cooperation Council leaders')."""
    doc = tok.doc
    names = []
    before = [c for c in kids(tok) if c.dep_ in ("compound", "nmod") and c.i < tok.i]
    if before:  # the words in front of the noun, as one name ("Gulf Cooperation Council")
        start = min(c.left_edge.i for c in before)
        names.append(doc[start : tok.i].text)
        if tok.pos == PROPN:
            names.append(doc[start : tok.i + 1].text)
    names += [t.text for t in [tok, *before] if t.pos == PROPN or t.text.isupper()]
    for name in names:
        found = bloc_members(name, on)
        if found:
            return found
    return []
