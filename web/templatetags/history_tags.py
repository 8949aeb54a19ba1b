"""Template tags for editors' controls on the fact pages (kept apart from page_tags).

`{% fact_history fact %}` renders kb/_history.html: the fact's latest changes with who
made them, when, and what changed (a fixed number of queries; see
``kb.history_entries``). Values are plain strings: the template escapes them.
"""

from __future__ import annotations

from django import template

from kb import roles
from kb.selectors.history import history_entries

register = template.Library()


@register.inclusion_tag("kb/_history.html", takes_context=True)
def fact_history(context, fact, limit: int = 20):
    request = context.get("request")
    user = getattr(request, "user", None)
    entries, hidden = history_entries(fact, limit=limit)
    kind = fact._meta.model_name
    return {
        "fact": fact,
        "kind": kind,
        "entries": entries,
        "hidden": hidden,
        "can_edit": roles.can_edit(user),
        "show_users": bool(user and user.is_authenticated),
        "revertable": kind in ("meeting", "gift", "agreement"),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
