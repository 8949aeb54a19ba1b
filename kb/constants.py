"""Values several parts of the knowledge base agree on, defined once.

If ``MANUAL_RULE`` differed between the writer of hand-added evidence and re-extraction,
re-extracting an article would delete an editor's evidence.
"""

from __future__ import annotations

from django.db import models

from kb.models import Agreement, ArticleStatus, Gift, Meeting

#: A meeting, gift or agreement: the facts evidence supports and editors review.
Fact = Meeting | Gift | Agreement

#: The fact models, gifts and agreements before the meetings they attach to (the order
#: facts are deleted in, and the order of ``Evidence``'s gift, agreement and meeting ids).
FACT_MODELS: tuple[type[models.Model], ...] = (Gift, Agreement, Meeting)

#: The rule and extractor version recorded on evidence an editor added by hand, which
#: re-extraction keeps.
MANUAL_RULE = "manual"
MANUAL_VERSION = "manual"

#: An article whose extraction has yet to finish: a worker may be about to write its facts.
PENDING = (ArticleStatus.QUEUED, ArticleStatus.PROCESSING)

#: The length of simple-history's ``history_change_reason`` column.
REASON_MAX = 100

#: The reason on the history rows extraction writes (``{article}``: the article's id);
#: ``kb.selectors.history`` tells extraction's rows from editors' by it.
EXTRACTION_REASON = "Extraction of article {article}"
