"""The pickers' suggestions: ``/pick/<kind>/?q=`` answers at most ``LIMIT`` records as
JSON, whatever the size of the tables.

Leaders and countries are answered for anyone: the filter forms of the meetings, timeline,
charts, map, gifts and agreements pages pick a leader with them, and those pages are
readers' pages. Readers are offered only the leaders they can see (not merged, not
rejected). Meetings are answered for editors only (only editors' forms pick meetings)."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.utils.cache import patch_vary_headers
from django.views import View

from kb.roles import can_edit
from kb.selectors import pickers as pick

MAX_QUERY = 100
# "<", ">" and "&" written as JSON escapes: the answer stays inert wherever it ends up.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


#: How readers' answers may be kept. They hold only what any reader sees on the public
#: pages (names, titles and countries of visible leaders; countries), and are the same for
#: every reader, so browsers and shared caches may keep them for a minute: typing the
#: same prefix again (or another reader typing it) costs no query, and a record renamed
#: or rejected meanwhile is offered at most a minute longer (choosing it still filters
#: by its number, as a link would). Editors' answers can hold rejected leaders, so they
#: stay "private, no-store", as do refusals; the answer varies on the Cookie header
#: (the session tells editors from readers), so a cache never gives one to the other.
PUBLIC_CACHE = "public, max-age=60"


def json_answer(data: dict, status: int = 200, *, cache: str = "private, no-store"):
    body = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    response = HttpResponse(body, status=status, content_type="application/json")
    response["Cache-Control"] = cache
    patch_vary_headers(response, ("Cookie",))
    return response


def _leaders(q, request, editor):
    return [
        {
            "id": leader.pk,
            "label": pick.leader_label(leader),
            "hint": leader.title,
        }
        for leader in pick.suggest_leaders(q, visible=not editor)
    ]


def _countries(q, request, editor):
    return [
        {"id": country.pk, "label": pick.country_label(country), "hint": ""}
        for country in pick.suggest_countries(q)
    ]


def _meetings(q, request, editor):
    near = [v for v in request.GET.get("leaders", "").split(",") if v]
    if not all(v.isdigit() and len(v) <= 12 for v in near):
        raise ValueError("leaders must be numbers separated by commas")
    return [
        {"id": meeting.pk, "label": pick.meeting_label(meeting), "hint": ""}
        for meeting in pick.suggest_meetings(q, leaders=[int(v) for v in near])
    ]


KINDS = {"leaders": _leaders, "countries": _countries, "meetings": _meetings}
#: What readers may search (the rest is for editors).
PUBLIC_KINDS = frozenset({"leaders", "countries"})


class PickView(View):
    http_method_names = ["get"]

    def get(self, request, kind):
        suggest = KINDS.get(kind)
        if suggest is None:
            raise Http404("Nothing to pick of that kind.")
        editor = can_edit(request.user)
        if not editor and kind not in PUBLIC_KINDS:
            return json_answer({"error": "Only editors may search here."}, status=403)
        q = request.GET.get("q", "")
        if "\x00" in q:
            return json_answer({"error": "The search has a character it cannot take."}, 400)
        if len(q) > MAX_QUERY:
            return json_answer({"error": f"Type at most {MAX_QUERY} characters."}, status=400)
        try:
            results = suggest(q, request, editor)
        except ValueError as exc:
            return json_answer({"error": str(exc)}, status=400)
        return json_answer(
            {"q": q, "results": results}, cache="private, no-store" if editor else PUBLIC_CACHE
        )
