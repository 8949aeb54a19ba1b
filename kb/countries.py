"""The import path the data migrations 0002 and 0007 use (migrations are frozen); the
country rows live in ``gazetteer.countries``."""

from gazetteer.countries import countries_sync  # noqa: F401
