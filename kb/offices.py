"""Compatibility imports for the page and API views; removed when they import the new modules."""

from kb.services.offices import (  # noqa: F401
    OFFICE_EDITABLE_FIELDS,
    office_confirm,
    office_create,
    office_end,
    office_reject,
    office_update,
)
