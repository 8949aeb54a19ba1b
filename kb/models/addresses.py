"""Record pages' addresses, reversed once per page kind rather than once per record.

A list or a leader's page links hundreds of records (a leader's 100 meetings of a page
with their participants: some 500 links), and ``reverse()`` resolves the URL patterns
again for each one: a tenth of a warm leader's page at 100,000 meetings. The address of
a record page is the same text around its key, so the text around a marker key is
found once (for the current script prefix and URL configuration, which a deployment
under a sub-path or a request's own ``urlconf`` change) and the key put in its place.
Keys are record numbers, or a country's code: nothing that needs quoting; anything else
goes through ``reverse()``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

#: Markers that match the patterns' converters: a number, and an ISO country code.
_NUMBER_MARK = 987654321
_CODE_MARK = "ZZ"
_PLAIN_CODE = re.compile(r"[A-Z]{2}")


@lru_cache(maxsize=64)
def _around(name: str, mark: int | str, prefix: str, urlconf) -> tuple[str, str]:
    before, found, after = reverse(name, args=[mark], urlconf=urlconf).rpartition(str(mark))
    if not found:  # the pattern changed the key: no shortcut for it
        raise LookupError(name)
    return before, after


def record_url(name: str, key: int | str) -> str:
    """``reverse(name, args=[key])`` for a record number or a country code."""
    if isinstance(key, int) and not isinstance(key, bool) and key >= 0:
        mark = _NUMBER_MARK
    elif isinstance(key, str) and _PLAIN_CODE.fullmatch(key):
        mark = _CODE_MARK
    else:
        return reverse(name, args=[key])
    try:
        before, after = _around(name, mark, get_script_prefix(), get_urlconf())
    except LookupError:
        return reverse(name, args=[key])
    return f"{before}{key}{after}"
