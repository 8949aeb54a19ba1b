"""Compatibility imports for the page and API views; removed when they import the new modules."""

from kb.services.articles import ArticleBusy, article_delete, article_delete_plan  # noqa: F401
