"""The one guard against CSV injection, for every CSV the project writes (the pages'
export and the API's): a cell a spreadsheet would run as a formula is written as text.

OWASP's list of starting characters: = + - @, tab and carriage return.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """``text`` as a cell a spreadsheet shows as written: prefixed with ``'`` if it would
    start a formula. Turn values into text first (so "-3" is guarded like any text)."""
    return "'" + text if text.startswith(FORMULA_START) else text
