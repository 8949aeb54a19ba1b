"""Shared fixtures for extractor tests: the spaCy model is loaded once per session."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday


@pytest.fixture(scope="session")
def nlp():
    from ingest.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def run(nlp):
    """Extract from a short text published on PUBLISHED (a Thursday)."""
    from ingest.extract import extract

    def _run(text: str, published: dt.date | None = PUBLISHED):
        return extract(text, published, nlp=nlp)

    return _run


@pytest.fixture(scope="session")
def run_registered(nlp):
    """Extract a short text published on PUBLISHED, with the shipped leader registry."""
    from gazetteer.registry import read_registry_file
    from ingest.extract import extract

    registry = read_registry_file()
    return lambda text: extract(text, PUBLISHED, nlp=nlp, registry=registry)
