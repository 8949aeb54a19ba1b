"""Who met whom: the network page's nodes and weighted edges, and its data for the page's script."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gazetteer.regions import REGION_NAMES, region_of
from kb.models import Country, Leader, Meeting
from kb.models.addresses import record_url
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
    group: str = ""  # the country's name (a leader's country, or the country itself)
    code: str = ""  # that country's ISO code
    region: str = ""  # set with its colour by ``colour_nodes``
    colour: str = ""


@dataclass
class Edge:
    source: Node
    target: Node
    weight: int


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    total_nodes: int
    total_edges: int
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
    max_edges: int = MAX_EDGES,
    span: Span | None = None,
) -> Network:
    """Who met whom among `meetings` (None: every meeting not rejected): the
    ``max_nodes`` most active nodes (leaders or countries) and the ``max_edges``
    strongest edges among them, counted by the database (:mod:`kb.selectors.graph`),
    nodes in alphabetical order and edges strongest first (same input, same graph; the
    page's script lays it out).

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
    nodes = {node.key: node for node in _nodes(node_meetings, by)}

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
    return Network(
        nodes=list(nodes.values()),
        edges=edges,
        total_nodes=counts.total_nodes,
        total_edges=counts.total_pairs,
        by=by,
    )


def _nodes(node_meetings: dict[int, int], by: str) -> list[Node]:
    """The chosen nodes, in alphabetical order (the same selection, the same graph), read
    as plain values: at 300 nodes, model instances and a ``reverse()`` per node were a
    third of a cold page's time (addresses: ``kb.models.addresses``)."""
    if by == "country":
        rows = Country.objects.filter(pk__in=node_meetings).values_list("pk", "name", "code")
        found = [
            (pk, name, record_url("country-detail", code), name, code) for pk, name, code in rows
        ]
    else:
        rows = Leader.objects.filter(pk__in=node_meetings).values_list(
            "pk", "name", "country__name", "country__code"
        )
        found = [
            (pk, name, record_url("leader-detail", pk), country or "No country", code or "")
            for pk, name, country, code in rows
        ]
    found.sort(key=lambda row: (row[1].casefold(), row[0]))
    return [
        Node(key=pk, label=label, url=url, weight=node_meetings[pk], group=group, code=code)
        for pk, label, url, group, code in found
    ]


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


#: The fields of each node in :func:`graph_data`, in order.
NODE_FIELDS = ("id", "label", "url", "weight", "degree", "group", "region", "colour")


def graph_data(graph: Network, legend: list[dict] | None = None) -> dict:
    """The graph as the page's script draws it (embedded with ``json_script``): each
    node a row of :data:`NODE_FIELDS` (colours from ``colour_nodes``), each edge
    ``[source, target, weight]`` with its ends as positions in ``nodes``, and the legend.
    Rows rather than objects: the names of the fields are written once, not once per
    node, and each of the up to 1,200 links costs a dozen bytes."""
    index = {node.key: i for i, node in enumerate(graph.nodes)}
    return {
        "fields": NODE_FIELDS,
        "nodes": [
            [n.key, n.label, n.url, n.weight, n.degree, n.group, n.region, n.colour or OTHERS]
            for n in graph.nodes
        ],
        "edges": [[index[e.source.key], index[e.target.key], e.weight] for e in graph.edges],
        "legend": legend or [],
    }
