"""The selectors are tested against the world the pages and the API read (``tests.worlds``)."""

from tests.worlds import world  # noqa: F401 - the shared fixture
