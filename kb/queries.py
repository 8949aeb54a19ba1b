"""Old import path, kept for migration 0004 and ``kb.curation``: the read functions live
in ``kb.selectors`` (one module per question)."""

from kb.selectors.counts import evidence_count
from kb.selectors.search import SEARCH_CONFIG

__all__ = ["SEARCH_CONFIG", "evidence_count"]
