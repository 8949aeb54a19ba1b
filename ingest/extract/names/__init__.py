"""Where person names are, and the title and country written around them.

`name_spans` runs the name rules (`rules.NAME_RULES`): PERSON entities (minus titles,
honorifics and possessive endings), registry names, proper-noun runs after a title
that the tagger calls an ORG or GPE ("Chancellor Olaf Scholz"), names in "the
presidents of Senegal, Macky Sall, of Zambia, ..." lists, bare names on one side of a
meeting with a named person (`partners`), and later bare surnames of people already
named. Names that start with a function word ('To Lam') are made names in the Doc
before any rule runs (`repair`, called by `text.build_index`).  `title_before`,
`country_before` and `title_of_noun` (in `titles`) read "US President", "North Korea's
leader", "the Emirati foreign minister" around a name.
"""

from .rules import NAME_RULES, NameRule, NameSpan, name_spans
from .titles import (
    NounTitle,
    country_before,
    is_private,
    listed_country,
    of_country_title,
    relation_owner,
    title_before,
    title_of_noun,
)
from .tokens import clean_entity, prefixes_of, words_of

__all__ = [
    "NAME_RULES",
    "NameRule",
    "NameSpan",
    "NounTitle",
    "clean_entity",
    "country_before",
    "is_private",
    "listed_country",
    "name_spans",
    "of_country_title",
    "prefixes_of",
    "relation_owner",
    "title_before",
    "title_of_noun",
    "words_of",
]
