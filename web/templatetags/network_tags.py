"""The network's links (up to ``kb.selectors.network.MAX_EDGES``), as SVG lines and as
table rows, and its nodes, written in Python: the same markup the template loops gave,
some ten times faster to render (at 100,000 meetings the loops took over a second of a
cold page). Each node's and weight's text is written once, not once per link."""

from __future__ import annotations

from django import template
from django.template.defaultfilters import truncatechars
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _n(value) -> str:
    """A number as ``{% localize off %}`` writes it."""
    return localize(value, use_l10n=False)


def _meetings(weight: int) -> str:
    return f"{weight} meeting{'' if weight == 1 else 's'}"


def _memo(write):
    """``write`` once per distinct value (a few dozen nodes, weights and widths make up
    every link's markup)."""
    done: dict = {}

    def memo(value):
        try:
            return done[value]
        except KeyError:
            done[value] = out = write(value)
            return out

    return memo


@register.simple_tag
def network_edge_lines(edges) -> SafeString:
    number = _memo(_n)
    label = _memo(escape)
    meetings = _memo(_meetings)
    return mark_safe(
        "".join(
            f'<line x1="{number(e.source.x)}" y1="{number(e.source.y)}" '
            f'x2="{number(e.target.x)}" y2="{number(e.target.y)}" '
            f'stroke-width="{number(e.width)}"><title>'
            f"{label(e.source.label)} – {label(e.target.label)}: {meetings(e.weight)}"
            "</title></line>\n        "
            for e in edges
        )
    )


@register.simple_tag
def network_edge_rows(edges, colour: str, group_column: str) -> SafeString:
    def cells(node) -> tuple[str, str]:
        link = f'<td><a href="{escape(node.url)}">{escape(node.label)}</a></td>'
        if not group_column:
            return link, ""
        return link, f"<td>{escape(node.region if colour == 'region' else node.group)}</td>"

    node_cells = _memo(lambda key: cells(nodes[key]))
    nodes = {}
    for e in edges:
        nodes[e.source.key], nodes[e.target.key] = e.source, e.target
    number = _memo(localize)

    def row(e) -> str:
        source, source_group = node_cells(e.source.key)
        target, target_group = node_cells(e.target.key)
        return (
            "\n      <tr>\n"
            f"        {source}\n"
            f"        {source_group}\n"
            f"        {target}\n"
            f"        {target_group}\n"
            f'        <td class="num">{number(e.weight)}</td>\n'
            "      </tr>\n      "
        )

    return mark_safe("".join(row(e) for e in edges))


@register.simple_tag
def network_node_links(nodes) -> SafeString:
    """The nodes of the picture, each a link to its page (the markup of the template's
    loop, as for the links)."""
    return mark_safe(
        "".join(
            f'<a href="{escape(n.url)}" class="network__node"><title>{escape(n.label)}: '
            f"{_n(n.weight)} meeting{'' if n.weight == 1 else 's'} with {_n(n.degree)} shown"
            f'</title><circle cx="{_n(n.x)}" cy="{_n(n.y)}" r="{_n(n.r)}" '
            f'fill="{escape(n.colour)}"></circle><text x="{_n(n.label_x)}" '
            f'y="{_n(n.label_y)}" text-anchor="{escape(n.anchor)}" dominant-baseline="central" '
            f'transform="rotate({_n(n.rotate)} {_n(n.label_x)} {_n(n.label_y)})">'
            f"{escape(truncatechars(n.label, 26))}</text></a>\n        "
            for n in nodes
        )
    )
