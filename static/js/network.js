/* The network (cytoscape, served by the app from npm's package): a force-directed
   layout of the graph the page embeds as JSON (kb.selectors.network.graph_data: nodes as
   rows of its "fields", edges as [source, target, weight] with node positions), zoom and
   pan, hover to show a node's links, click to open its page; each node in the colour the
   server gave it (by country or by region, as the page's legend says). The page lists the
   strongest links as a table; "List all" adds the rest from the same data.
   Without JavaScript, or if the library is missing, the table stays. */
(function () {
  "use strict";

  function read() {
    var source = document.getElementById("network-data");
    if (!source) return null;
    var data = JSON.parse(source.textContent);
    var nodes = data.nodes.map(function (row) {
      var node = {};
      data.fields.forEach(function (name, i) { node[name] = row[i]; });
      return node;
    });
    var edges = data.edges.map(function (e) {
      return { source: nodes[e[0]], target: nodes[e[1]], weight: e[2] };
    });
    return { nodes: nodes, edges: edges, legend: data.legend };
  }

  function cell(row, node, group) {
    var td = document.createElement("td");
    var link = document.createElement("a");
    if (node.url.charAt(0) === "/") link.href = node.url;
    link.textContent = node.label;
    td.appendChild(link);
    row.appendChild(td);
    if (group) {
      var named = document.createElement("td");
      named.textContent = node[group];
      row.appendChild(named);
    }
  }

  // The table lists the strongest links; the button adds the others, in the same order.
  function listAll(graph) {
    var table = document.getElementById("links-table");
    var button = document.getElementById("links-all");
    if (!table || !button) return;
    var listed = parseInt(table.getAttribute("data-listed"), 10) || 0;
    var group = table.getAttribute("data-group");
    button.hidden = false;
    button.addEventListener("click", function () {
      var body = table.tBodies[0];
      graph.edges.slice(listed).forEach(function (e) {
        var row = document.createElement("tr");
        cell(row, e.source, group);
        cell(row, e.target, group);
        var n = document.createElement("td");
        n.className = "num";
        n.textContent = String(e.weight);
        row.appendChild(n);
        body.appendChild(row);
      });
      listed = graph.edges.length;
      var more = document.getElementById("links-more");
      if (more) more.textContent = "All " + listed + " links drawn.";
    }, { once: true });
  }

  function start() {
    var holder = document.getElementById("network-canvas");
    var graph = read();
    if (!graph || !graph.nodes.length) return;
    listAll(graph);
    if (!holder || typeof window.cytoscape !== "function") return;
    var maxWeight = Math.max.apply(null, graph.nodes.map(function (n) { return n.weight; }));
    var maxEdge = Math.max.apply(null, graph.edges.map(function (e) { return e.weight; }).concat([1]));

    var elements = graph.nodes.map(function (n) {
      return { data: { id: "n" + n.id, label: n.label, url: n.url, weight: n.weight,
                       group: n.group, colour: n.colour || "#7f7f7f",
                       size: 10 + 30 * Math.sqrt(n.weight / maxWeight) } };
    }).concat(graph.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: "n" + e.source.id, target: "n" + e.target.id,
                       weight: e.weight, width: 1 + 5 * e.weight / maxEdge } };
    }));

    holder.hidden = false;
    var help = document.getElementById("network-help");
    if (help) help.hidden = false;
    document.documentElement.classList.add("network-interactive");
    var cy = window.cytoscape({
      container: holder,
      elements: elements,
      minZoom: 0.2,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
            "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
            "label": "", "font-size": 11, "color": "#1d2733", "text-valign": "top",
            "text-background-color": "#ffffff", "text-background-opacity": 0.85,
            "text-background-padding": 2 } },
        { selector: "node.labelled, node.hover, node.neighbour", style: { "label": "data(label)" } },
        { selector: "edge", style: {
            "width": "data(width)", "line-color": "#9aa5b1", "opacity": 0.5,
            "curve-style": "haystack" } },
        { selector: ".faded", style: { "opacity": 0.08 } },
        { selector: "edge.highlight", style: { "line-color": "#08306b", "opacity": 0.9 } },
        { selector: "node.hover", style: { "border-width": 3, "border-color": "#08306b" } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000,
                idealEdgeLength: 60, numIter: 1500, fit: true, padding: 20 }
    });

    // Label the best connected nodes so the picture can be read at a glance.
    cy.nodes().sort(function (a, b) { return b.data("weight") - a.data("weight"); })
      .slice(0, 15).addClass("labelled");

    var status = document.getElementById("network-status");
    cy.on("mouseover", "node", function (event) {
      var node = event.target;
      var hood = node.closedNeighborhood();
      cy.elements().not(hood).addClass("faded");
      node.addClass("hover");
      hood.nodes().not(node).addClass("neighbour");
      node.connectedEdges().addClass("highlight");
      if (status) {
        status.textContent = node.data("label") + ": " + node.data("weight") + " meeting(s), " +
          node.neighborhood("node").length + " counterpart(s) shown";
      }
    });
    cy.on("mouseout", "node", function () {
      cy.elements().removeClass("faded hover neighbour highlight");
    });
    cy.on("tap", "node", function (event) {
      var url = event.target.data("url");
      if (url && url.charAt(0) === "/") window.location.assign(url);
    });
    var reset = document.getElementById("network-fit");
    if (reset) {
      reset.hidden = false;
      reset.addEventListener("click", function () { cy.fit(undefined, 20); });
    }
    window.summitryNetwork = cy; // for the browser tests
  }

  // The layout of 300 nodes takes a while: run it once the page has loaded, so the table
  // and the rest of the page are there (and the page counts as loaded) meanwhile.
  if (document.readyState === "complete") setTimeout(start, 0);
  else window.addEventListener("load", function () { setTimeout(start, 0); });
})();
