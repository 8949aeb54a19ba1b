"""The pickers' suggestions: ``/pick/<kind>/?q=`` answers at most ``LIMIT`` records as
JSON, for editors only (the forms that use them are editors' forms)."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.views import View

from kb.roles import can_edit
from kb.selectors import pickers as pick

MAX_QUERY = 100
# "<", ">" and "&" written as JSON escapes: the answer stays inert wherever it ends up.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_answer(data: dict, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    response = HttpResponse(body, status=status, content_type="application/json")
    response["Cache-Control"] = "private, no-store"
    return response


def _leaders(q, request):
    return [
        {
            "id": leader.pk,
            "label": pick.leader_label(leader),
            "hint": leader.title,
        }
        for leader in pick.suggest_leaders(q)
    ]


def _countries(q, request):
    return [
        {"id": country.pk, "label": pick.country_label(country), "hint": ""}
        for country in pick.suggest_countries(q)
    ]


def _meetings(q, request):
    near = [v for v in request.GET.get("leaders", "").split(",") if v]
    if not all(v.isdigit() and len(v) <= 12 for v in near):
        raise ValueError("leaders must be numbers separated by commas")
    return [
        {"id": meeting.pk, "label": pick.meeting_label(meeting), "hint": ""}
        for meeting in pick.suggest_meetings(q, leaders=[int(v) for v in near])
    ]


KINDS = {"leaders": _leaders, "countries": _countries, "meetings": _meetings}


class PickView(View):
    http_method_names = ["get"]

    def get(self, request, kind):
        suggest = KINDS.get(kind)
        if suggest is None:
            raise Http404("Nothing to pick of that kind.")
        if not can_edit(request.user):
            return json_answer({"error": "Only editors may search here."}, status=403)
        q = request.GET.get("q", "")
        if "\x00" in q:
            return json_answer({"error": "The search has a character it cannot take."}, 400)
        if len(q) > MAX_QUERY:
            return json_answer({"error": f"Type at most {MAX_QUERY} characters."}, status=400)
        try:
            results = suggest(q, request)
        except ValueError as exc:
            return json_answer({"error": str(exc)}, status=400)
        return json_answer({"q": q, "results": results})
