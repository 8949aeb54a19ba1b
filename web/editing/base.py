"""Editors' pages: correct, confirm, reject, add and merge facts, correct, confirm,
reject and merge leaders, revert a change, undo a merge, re-extract or delete an
article, and the review queue.

Views stay thin: forms turn a POST into plain values and ``kb.services`` does the work.
Every page needs ``kb.roles.can_edit``: anonymous visitors are sent to log in and
logged-in non-editors get 403. Every write is a POST (CSRF-checked by the middleware).
"""

from __future__ import annotations

from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.utils.http import url_has_allowed_host_and_scheme

from kb.models import (
    Agreement,
    Gift,
    Meeting,
)
from kb.roles import can_edit

FACT_MODELS = {"meeting": Meeting, "gift": Gift, "agreement": Agreement}


class EditorRequiredMixin(UserPassesTestMixin):
    """Anonymous: redirect to log in. Logged in but not an editor: 403."""

    def test_func(self) -> bool:
        return can_edit(self.request.user)


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def next_url(request, default: str) -> str:
    url = request.POST.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


def error_text(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(
            f"{name.replace('_', ' ')}: {' '.join(msgs)}" if name != "__all__" else " ".join(msgs)
            for name, msgs in exc.message_dict.items()
        )
    return " ".join(exc.messages)
