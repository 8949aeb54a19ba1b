/* Article status poller: while an element carries data-poll-url, fetch that URL every
   2 s and swap the element for the returned fragment (our own server-escaped HTML).
   The fragment drops data-poll-url once the article is done or failed, which stops it. */
(function () {
  "use strict";
  var INTERVAL = 2000;
  var MAX_INTERVAL = 30000;

  function schedule(el, delay) {
    window.setTimeout(function () { poll(el, delay); }, delay);
  }

  function poll(el, delay) {
    var url = el.getAttribute("data-poll-url");
    if (!url || !document.body.contains(el)) return;
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html.trim();
        var next = template.content.firstElementChild;
        if (!next) throw new Error("empty fragment");
        el.replaceWith(next);
        if (next.hasAttribute("data-poll-url")) schedule(next, INTERVAL);
      })
      .catch(function () {
        schedule(el, Math.min(delay * 2, MAX_INTERVAL)); // back off on errors
      });
  }

  document.querySelectorAll("[data-poll-url]").forEach(function (el) {
    schedule(el, INTERVAL);
  });
})();
