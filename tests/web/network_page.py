"""Reading the network page's graph data (``kb.selectors.network.graph_data``) in tests."""

from __future__ import annotations

import json
import re


def graph(html: str) -> dict:
    """The graph the page's script draws: ``nodes`` as dicts of the data's fields,
    ``edges`` as dicts with ``source`` and ``target`` nodes and ``weight``, the legend."""
    data = re.search(r'<script id="network-data" type="application/json">(.*?)</script>', html)
    raw = json.loads(data.group(1))
    nodes = [dict(zip(raw["fields"], row, strict=True)) for row in raw["nodes"]]
    edges = [{"source": nodes[a], "target": nodes[b], "weight": n} for a, b, n in raw["edges"]]
    return {"nodes": nodes, "edges": edges, "legend": raw["legend"]}


def links_drawn(html: str) -> dict[tuple[str, str], int]:
    """{(label, label): meetings} of every link drawn."""
    return {(e["source"]["label"], e["target"]["label"]): e["weight"] for e in graph(html)["edges"]}


def labels(html: str) -> set[str]:
    return {node["label"] for node in graph(html)["nodes"]}
