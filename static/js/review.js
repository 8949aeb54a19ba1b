/* Review queue, progressive enhancement. Without this script every row's Confirm and
   Reject buttons are plain forms. With it: j/k move between rows, c confirms and r
   rejects the current row, and both the keys and the buttons submit in the background
   (fetch, same CSRF token) and remove the row in place. Any failure falls back to a
   normal form submission. */
(function () {
  "use strict";
  var list = document.querySelector("[data-review-list]");
  if (!list || !window.fetch) return;
  var status = document.getElementById("review-status");

  function rows() {
    return Array.prototype.slice.call(list.querySelectorAll("[data-review-item]"));
  }

  function current() {
    return list.querySelector('[data-review-item][aria-current="true"]');
  }

  function select(row, quiet) {
    var previous = current();
    if (previous) previous.removeAttribute("aria-current");
    if (!row) return;
    row.setAttribute("aria-current", "true");
    if (quiet) return;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var index = all.indexOf(current());
    var next = index === -1 ? 0 : Math.min(Math.max(index + step, 0), all.length - 1);
    select(all[next]);
  }

  // The counters above the list follow each confirm or reject: the total and the row's
  // kind go down by one (the page is not reloaded, so they would go stale otherwise).
  function countDown(kind) {
    var total = document.querySelector("[data-review-total]");
    if (total) total.textContent = String(Math.max(0, parseInt(total.textContent, 10) - 1));
    var counter = document.querySelector('[data-review-count="' + kind + '"]');
    if (!counter) return;
    var n = Math.max(0, parseInt(counter.getAttribute("data-n"), 10) - 1);
    counter.setAttribute("data-n", String(n));
    counter.textContent = n + " " + kind + (n === 1 ? "" : "s");
  }

  function announce(text) {
    if (status) status.textContent = text;
  }

  function submit(form) {
    var row = form.closest("[data-review-item]");
    if (!row || row.getAttribute("data-busy")) return;
    row.setAttribute("data-busy", "1");
    var action = form.getAttribute("data-review-action");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function () {
        var all = rows();
        var index = all.indexOf(row);
        var next = all[index + 1] || all[index - 1] || null;
        var wasCurrent = row.getAttribute("aria-current") === "true";
        row.remove();
        countDown(row.getAttribute("data-review-kind"));
        if (wasCurrent || !current()) select(next);
        announce(action === "confirm" ? "Confirmed." : "Rejected.");
        if (!rows().length) {
          var empty = document.createElement("p");
          empty.className = "empty";
          empty.textContent = "Nothing left on this page. Reload for more.";
          list.replaceWith(empty);
        }
      })
      .catch(function () {
        row.removeAttribute("data-busy");
        HTMLFormElement.prototype.submit.call(form); // plain submission as a fallback
      });
  }

  list.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-review-action")) return;
    event.preventDefault();
    submit(form);
  });

  list.addEventListener("click", function (event) {
    var row = event.target.closest("[data-review-item]");
    if (row && !event.target.closest("a, button, input, select, textarea")) select(row);
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var key = event.key;
    if (key === "j") { move(1); event.preventDefault(); return; }
    if (key === "k") { move(-1); event.preventDefault(); return; }
    if (key !== "c" && key !== "r") return;
    var row = current();
    if (!row) return;
    var form = row.querySelector('[data-review-action="' + (key === "c" ? "confirm" : "reject") + '"]');
    if (form) { event.preventDefault(); submit(form); }
  });

  select(rows()[0], true); // mark the first row without moving focus on load
})();
