"""Compatibility imports for the page and API views; removed when they import the new modules."""

from ingest.services import articles_submit  # noqa: F401
from kb.services.facts import fact_delete  # noqa: F401
