"""Template helpers for the knowledge-base pages.

`evidence_in_context` shows an evidence row's stored sentence with its span wrapped in
<mark>. It reads the row alone, never the article text: one article can stand behind
hundreds of rows, and its text can be a megabyte. The sentence is untrusted: every piece
is escaped before it is joined with our own tags, and nothing else is ever marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from gazetteer.regions import region_of
from kb import roles
from web.editing.pickers import LeaderPick

register = template.Library()

PARAGRAPH_BREAK = "\n\n"
# A paragraph longer than this either side of the span is cut at a word boundary.
MAX_CONTEXT_SIDE = 400


@dataclass(frozen=True)
class SpanContext:
    before: str
    span: str
    after: str
    cut_before: bool
    cut_after: bool


def span_context(text: str, start: int, end: int, *, max_side: int = MAX_CONTEXT_SIDE):
    """The paragraph of ``text`` around text[start:end], split into before / span / after
    (at most ``max_side`` characters either side).

    Returns None if the offsets do not describe a non-empty span inside the text.
    """
    if not text or start is None or end is None or not 0 <= start < end <= len(text):
        return None
    para_start = text.rfind(PARAGRAPH_BREAK, 0, start)
    para_start = 0 if para_start == -1 else para_start + len(PARAGRAPH_BREAK)
    para_end = text.find(PARAGRAPH_BREAK, end)
    para_end = len(text) if para_end == -1 else para_end

    cut_before = start - para_start > max_side
    if cut_before:
        window = start - max_side
        space = text.find(" ", window, start)
        para_start = space + 1 if space != -1 else window
    cut_after = para_end - end > max_side
    if cut_after:
        window = end + max_side
        space = text.rfind(" ", end, window)
        para_end = space if space != -1 else window

    return SpanContext(
        before=text[para_start:start],
        span=text[start:end],
        after=text[end:para_end],
        cut_before=cut_before,
        cut_after=cut_after,
    )


def _escape_lines(value: str) -> SafeString:
    """Escape text, then turn its line breaks into <br> (safe: added after escaping)."""
    escaped = str(conditional_escape(value))
    return mark_safe(escaped.replace("\n", "<br>"))  # noqa: S308 - input escaped above


@register.simple_tag
def evidence_in_context(evidence) -> SafeString:
    """<blockquote> with the evidence span marked inside its sentence (offsets index the
    article; ``sentence_start`` is where the stored sentence begins in it)."""
    offset = evidence.sentence_start or 0
    start = None if evidence.start is None else evidence.start - offset
    end = None if evidence.end is None else evidence.end - offset
    context = span_context(evidence.sentence, start, end)
    if context is None:
        # Offsets do not fit the sentence (should not happen): show the sentence alone.
        return format_html(
            '<blockquote class="evidence-context"><p>{}</p></blockquote>', evidence.sentence
        )
    return format_html(
        '<blockquote class="evidence-context"><p>{}{}<mark>{}</mark>{}{}</p></blockquote>',
        "… " if context.cut_before else "",
        _escape_lines(context.before),
        _escape_lines(context.span),
        _escape_lines(context.after),
        " …" if context.cut_after else "",
    )


@register.filter
def percent(value) -> str:
    """0.834 -> '83%'."""
    try:
        return f"{round(float(value) * 100)}%"
    except (TypeError, ValueError):
        return ""


@register.filter
def can_edit(user) -> bool:
    return roles.can_edit(user)


@register.filter
def is_web_url(value) -> bool:
    """True for http(s) addresses, the only sources rendered as links."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


@register.simple_tag
def select_options(choices, selected=None) -> SafeString:
    """``<option>`` elements for (value, label) pairs, the one whose value equals
    ``selected`` marked selected; both escaped.

    Built in one join, and kept for the same choices and selection: the meetings filter
    offers a few hundred countries, and escaping them on every page view cost more than
    the rest of the page. The choices themselves are read fresh each time."""
    return _options(tuple(choices), "" if selected is None else str(selected))


@lru_cache(maxsize=64)
def _options(choices: tuple, chosen: str) -> SafeString:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if str(value) == chosen else "", label) for value, label in choices),
    )


#: What a filter form's leader box says (after the field's own help, if any).
LEADER_HELP = "Type part of a name and choose; or type a full name, or a number such as #12."
LEADER_HINT = "Type part of a name, then choose with the arrow keys and Enter."


@register.simple_tag
def leader_picker(leader, *, id: str, help: str = "") -> SafeString:
    """A filter form's leader box (GET ``leader``): the edit forms' single leader picker
    (``web.editing.pickers.LeaderPick``, ``static/js/picker.js``) showing the chosen
    leader, never a list of every leader. Without the script it is a text box taking a
    name, a label or a number (``kb.selectors.listing.parse_leader`` reads it); with it,
    suggestions come from ``/pick/leaders/`` and the form sends the chosen number. Its
    help text is ``{id}-help`` (the template writes it: ``leader_help``)."""
    field = LeaderPick(required=False)
    widget = field.widget
    widget.hint = f"{help} {LEADER_HINT}".strip()
    attrs = {"id": id, "aria-describedby": f"{id}-help"}
    return widget.render("leader", field.prepare_value(leader), attrs)


@register.simple_tag
def leader_help(help: str = "") -> str:
    """The help text under a filter form's leader box (shown without the script)."""
    return f"{help} {LEADER_HELP}".strip()


@register.simple_tag(takes_context=True)
def page_link(context, param: str, number: int) -> str:
    """This page's address with ``param`` set to ``number`` and every other parameter kept
    (a section's own pages: ``?given=2`` leaves ``?page=3`` of another list alone)."""
    query = context["request"].GET.copy()
    query[param] = str(number)
    return "?" + query.urlencode()


@register.filter
def m49_region(code) -> str:
    """The UN M49 region of a country code ("JP" -> "Asia"), or "" (gazetteer.regions)."""
    return region_of(code) or ""
