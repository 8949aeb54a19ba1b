"""Who met whom: nodes, weighted edges, in a deterministic order."""

import pytest

from kb.models import Meeting
from kb.selectors.network import network

pytestmark = pytest.mark.django_db


def test_network_edges_and_weights(world):
    graph = network(Meeting.objects.visible())
    edges = {(e.source.label, e.target.label): e.weight for e in graph.edges}
    assert edges[("Claire Dubois", "Jonas Becker")] == 3
    assert edges[("Claire Dubois", "Kenji Sato")] == 1
    assert edges[("Kenji Sato", "Mark Dalton")] == 1
    assert len(edges) == 5
    assert graph.edges[0].weight == 3  # strongest first
    # The same selection, the same graph: nodes in alphabetical order.
    again = network(Meeting.objects.visible())
    assert [n.label for n in graph.nodes] == sorted(n.label for n in again.nodes)


def test_only_the_strongest_links_are_kept_and_the_total_is_told(world):
    whole = network(Meeting.objects.visible())
    assert not whole.edges_truncated and whole.total_edges == 5

    graph = network(Meeting.objects.visible(), max_edges=2)
    assert graph.edges_truncated and graph.total_edges == 5
    assert [e.weight for e in graph.edges] == [e.weight for e in whole.edges[:2]]
    assert graph.edges[0].weight == 3
    # Every node is still drawn, with its degree counted over all its links.
    assert {n.label: n.degree for n in graph.nodes} == {n.label: n.degree for n in whole.nodes}


def test_each_node_links_to_its_records_page(world):
    from kb.models import Country, Leader

    for by, model, key in (("leader", Leader, "pk"), ("country", Country, "pk")):
        graph = network(Meeting.objects.visible(), by=by)
        assert graph.nodes
        for node in graph.nodes:
            record = model.objects.get(**{key: node.key})
            assert (node.url, node.label) == (record.get_absolute_url(), record.name)
            if by == "leader":
                assert node.group == (record.country.name if record.country else "No country")
