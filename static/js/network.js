/* The interactive network (cytoscape, served by the app from npm's package): a
   force-directed layout of the graph the page embeds as JSON, zoom and pan, hover to
   show a node's links, click to open its page; each node in the colour the server gave
   it (by country or by region, as the page's legend says).
   Without JavaScript, or if the library is missing, the page's SVG and table stay. */
(function () {
  "use strict";

  function start() {
    var holder = document.getElementById("network-canvas");
    var source = document.getElementById("network-data");
    if (!holder || !source || typeof window.cytoscape !== "function") return;
    var graph = JSON.parse(source.textContent);
    if (!graph.nodes.length) return;
    var maxWeight = Math.max.apply(null, graph.nodes.map(function (n) { return n.weight; }));
    var maxEdge = Math.max.apply(null, graph.edges.map(function (e) { return e.weight; }).concat([1]));

    var elements = graph.nodes.map(function (n) {
      return { data: { id: "n" + n.id, label: n.label, url: n.url, weight: n.weight,
                       group: n.group, colour: n.colour || "#7f7f7f",
                       size: 10 + 30 * Math.sqrt(n.weight / maxWeight) } };
    }).concat(graph.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: "n" + e.source, target: "n" + e.target,
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
