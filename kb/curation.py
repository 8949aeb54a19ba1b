"""Compatibility imports for the page and API views; removed when they import the new modules."""

from kb.selectors.history import history_entries  # noqa: F401
from kb.selectors.review import review_queue  # noqa: F401
from kb.selectors.sentences import article_sentences  # noqa: F401
from kb.services.facts import (  # noqa: F401
    fact_confirm,
    fact_create_manual,
    fact_reject,
    fact_update,
    gift_swap_direction,
)
from kb.services.history import fact_revert  # noqa: F401
from kb.services.leaders import (  # noqa: F401
    LEADER_EDITABLE_FIELDS,
    leader_confirm,
    leader_create,
    leader_delete,
    leader_reject,
    leader_update,
)
from kb.services.merges import leader_merge, meeting_merge, merge_undo  # noqa: F401
from kb.services.values import EDITABLE_FIELDS, M2M_FIELDS  # noqa: F401
