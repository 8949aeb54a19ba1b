"""Who met whom: the network page's nodes, weighted edges and circular layout."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from gazetteer.regions import REGION_NAMES, region_of
from kb.models import Country, Leader, Meeting
from kb.selectors.graph import (
    network_counts,
    stored_country_counts,
    stored_leader_counts,
    stored_span_counts,
)
from kb.selectors.periods import Span

#: Colours of the commonest groups (the Tableau 10 palette without its grey), and of the rest.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22")  # fmt: skip
OTHERS = "#7f7f7f"
#: What the network can be coloured by: the country of a node, or its UN M49 region.
COLOURINGS = ("country", "region")

Participation = Meeting.participants.through


@dataclass
class Node:
    key: object
    label: str
    url: str
    weight: int = 0  # meetings involving the node (within the selection)
    degree: int = 0  # distinct neighbours
    x: float = 0.0
    y: float = 0.0
    r: float = 4.0
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"
    rotate: float = 0.0
    group: str = ""  # the country's name (a leader's country, or the country itself)
    code: str = ""  # that country's ISO code
    region: str = ""  # set with its colour by ``colour_nodes``
    colour: str = ""


@dataclass
class Edge:
    source: Node
    target: Node
    weight: int
    width: float = 1.0


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    total_nodes: int
    total_edges: int
    size: int
    by: str

    @property
    def truncated(self) -> bool:
        return self.total_nodes > len(self.nodes)

    @property
    def edges_truncated(self) -> bool:
        return self.total_edges > len(self.edges)


#: Links drawn and listed (the strongest; degrees count them all, and the page says "the
#: N strongest of their M links"): five per node shown, ten ends on a node on average,
#: about as many lines as a reader can follow into one node of the circle, and at most
#: 1,200 (at 300 nodes). At the default 60 nodes that is 300 links; the 1,200 drawn
#: there before turned the circle's middle to solid ink, made a table no one reads to
#: the end, and were most of a cold page at 100,000 meetings (530 KB of HTML; 160 KB
#: with 300). The dates, kind or country narrow it to the rest.
LINKS_PER_NODE = 5
MAX_EDGES = 1200


def links_for(max_nodes: int) -> int:
    """How many links are drawn and listed among ``max_nodes`` nodes."""
    return min(MAX_EDGES, LINKS_PER_NODE * max_nodes)


def network(
    meetings,
    *,
    by: str = "leader",
    max_nodes: int = 40,
    size: int = 800,
    max_edges: int = MAX_EDGES,
    span: Span | None = None,
) -> Network:
    """Who met whom among `meetings` (None: every meeting not rejected): the
    ``max_nodes`` most active nodes (leaders or countries) and the ``max_edges``
    strongest edges among them, counted by the database (:mod:`kb.selectors.graph`),
    with a deterministic circular layout (same input, same picture).

    Every meeting is read from the maintained counts (leaders' pairs, or countries'
    tallies and pairs); a selection by dates and kind alone, given as its ``span``
    (``kb.selectors.periods.span_of``), from the pairs kept by year and kind; any other
    selection from its participations."""
    if meetings is None and by == "leader":
        counts = stored_leader_counts(max_nodes=max_nodes, max_edges=max_edges)
    elif meetings is None:
        counts = stored_country_counts(max_nodes=max_nodes, max_edges=max_edges)
    elif span is not None:
        counts = stored_span_counts(span, by=by, max_nodes=max_nodes, max_edges=max_edges)
    else:
        selection = Meeting.objects.visible() if meetings is None else meetings
        counts = network_counts(selection, by=by, max_nodes=max_nodes, max_edges=max_edges)
    node_meetings = counts.node_meetings
    if by == "country":
        countries = Country.objects.filter(pk__in=node_meetings).only("id", "code", "name")
        objects = {country.pk: country for country in countries}
    else:
        objects = {
            leader.pk: leader
            for leader in Leader.objects.filter(pk__in=node_meetings)
            .select_related("country")
            .only("id", "name", "country__code", "country__name")
        }
    chosen = [k for k in node_meetings if k in objects]
    # Place in alphabetical order round the circle so a reader can scan it.
    chosen.sort(key=lambda k: (str(objects[k]).casefold(), k))
    nodes = {}
    for key in chosen:
        obj = objects[key]
        nodes[key] = Node(
            key=key,
            label=obj.name,
            url=obj.get_absolute_url(),
            weight=node_meetings[key],
            group=_group(obj, by),
            code=obj.code if by == "country" else (obj.country.code if obj.country_id else ""),
        )

    def by_label(node: Node):
        return (node.label.casefold(), node.key)

    edges = [
        Edge(*sorted((nodes[a], nodes[b]), key=by_label), weight)
        for (a, b), weight in counts.pair_meetings.items()
        if a in nodes and b in nodes
    ]
    # Degrees count every link, drawn or not (the database counted them).
    for key, node in nodes.items():
        node.degree = counts.degrees.get(key, 0)
    edges.sort(key=lambda e: (-e.weight, e.source.label.casefold(), e.target.label.casefold()))
    # The strongest links only, chosen by the database: 300 busy leaders can share 44,850
    # pairs (an 11 MB page that took 14 s at 100k meetings), more than a picture or a
    # table can show.
    total_edges = counts.total_pairs
    _layout(list(nodes.values()), edges, size)
    return Network(
        nodes=list(nodes.values()),
        edges=edges,
        total_nodes=counts.total_nodes,
        total_edges=total_edges,
        size=size,
        by=by,
    )


def _group(obj, by: str) -> str:
    if by == "country":
        return obj.name
    return obj.country.name if obj.country_id else "No country"


def colour_nodes(graph: Network, *, colour: str = "country", groups: int = 9) -> list[dict]:
    """Give each node its region and its colour, by country (the ``groups`` commonest get
    their own colours, the rest grey) or by UN M49 region (each region always the same
    colour); returns the legend: ``{"name", "colour", "count"}``, commonest first."""
    for node in graph.nodes:
        node.region = region_of(node.code) or "No region"
    key = (lambda n: n.region) if colour == "region" else (lambda n: n.group)
    counts = Counter(key(node) for node in graph.nodes)
    if colour == "region":
        order = [*REGION_NAMES, "No region"]
        colours = {name: PALETTE[i] for i, name in enumerate(order[:-1])}
        colours["No region"] = OTHERS  # leaders without a country, and Antarctica
    else:
        colours = {name: PALETTE[i] for i, (name, _) in enumerate(counts.most_common(groups))}
    for node in graph.nodes:
        node.colour = colours.get(key(node), OTHERS)
    legend = [
        {"name": name, "colour": colours.get(name, OTHERS), "count": count}
        for name, count in counts.most_common()
        if name in colours
    ]
    others = sum(count for name, count in counts.items() if name not in colours)
    if others:
        legend.append({"name": "Others", "colour": OTHERS, "count": others})
    return legend


def graph_data(graph: Network, legend: list[dict] | None = None) -> dict:
    """The graph as the interactive view reads it (embedded with ``json_script``): nodes
    with their colours (from ``colour_nodes``), edges, and the legend."""
    return {
        "nodes": [
            {
                "id": n.key,
                "label": n.label,
                "url": n.url,
                "weight": n.weight,
                "group": n.group,
                "region": n.region,
                "colour": n.colour or OTHERS,
            }
            for n in graph.nodes
        ],
        "edges": [
            {"source": e.source.key, "target": e.target.key, "weight": e.weight}
            for e in graph.edges
        ],
        "legend": legend or [],
    }


def _layout(nodes: list[Node], edges: list[Edge], size: int) -> None:
    """Nodes evenly round a circle; labels radial (outwards), so neighbours never overlap."""
    centre = size / 2
    # Room outside the circle for the longest label (shown up to 26 characters).
    longest = max((min(len(n.label), 26) for n in nodes), default=0)
    radius = size / 2 - min(175, 20 + 6.5 * longest)
    count = len(nodes)
    max_node = max((n.weight for n in nodes), default=1) or 1
    for i, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
        cos, sin = math.cos(angle), math.sin(angle)
        node.x = round(centre + radius * cos, 1)
        node.y = round(centre + radius * sin, 1)
        node.r = round(4 + 8 * math.sqrt(node.weight / max_node), 1)
        node.label_x = round(centre + (radius + node.r + 5) * cos, 1)
        node.label_y = round(centre + (radius + node.r + 5) * sin, 1)
        degrees = math.degrees(angle)
        if cos >= -1e-9:  # right half: text reads outwards from the node
            node.anchor, node.rotate = "start", round(degrees, 1)
        else:  # left half: turned the other way round so it is not upside down
            node.anchor, node.rotate = "end", round(degrees + 180, 1)
    max_edge = max((e.weight for e in edges), default=1) or 1
    for edge in edges:
        edge.width = round(1 + 7 * edge.weight / max_edge, 1)
