"""Request bodies the API reads: JSON no deeper than any request needs.

Python's JSON parser recurses once per level: near a thousand levels it raises
RecursionError (a 500 under DRF's parser, which only catches ValueError), and a value a
few hundred levels deep can still exhaust the stack later, when an error message prints
it. No request body has more than three levels (a batch's items and their fields), so
anything deeper than ``JSON_MAX_DEPTH`` is refused as unreadable (400 ``parse_error``).
"""

from __future__ import annotations

from itertools import chain, compress

from rest_framework import parsers
from rest_framework.exceptions import ParseError

JSON_MAX_DEPTH = 32

TOO_DEEP = f"The JSON is nested more than {JSON_MAX_DEPTH} levels deep; no request needs that."
_CONTAINERS = frozenset({dict, list})


def _children(level: list):
    return chain.from_iterable(v.values() if type(v) is dict else v for v in level)


def nested_deeper_than(value, limit: int) -> bool:
    """Whether lists and objects nest more than ``limit`` levels in ``value`` (``[]`` is
    one level, ``[[]]`` two). Walked level by level without recursion, so any depth is
    safe to check; each level is filtered at C speed, without copying its scalars."""
    depth, level = 0, [value] if type(value) in _CONTAINERS else []
    while level:
        depth += 1
        if depth > limit:
            return True
        if _CONTAINERS.isdisjoint(map(type, _children(level))):
            return False  # only scalars below: the common case, in one pass
        is_container = map(_CONTAINERS.__contains__, map(type, _children(level)))
        level = list(compress(_children(level), is_container))
    return False


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing bodies nested deeper than ``JSON_MAX_DEPTH``."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(TOO_DEEP) from exc
        if nested_deeper_than(data, JSON_MAX_DEPTH):
            raise ParseError(TOO_DEEP)
        return data
