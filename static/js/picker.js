/* Pickers for leaders, countries and meetings (web/editing/pickers.py), progressive
   enhancement. Without this script a picker is a text box taking a name, a code or a
   number (#12), one per line when it takes several. With it, the box becomes an ARIA
   combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/) that asks
   /pick/<kind>/?q= as the editor types: arrow keys move through the suggestions, Enter
   chooses, Escape closes the list (or clears the box), and a status line announces what
   happened. Each chosen record is posted as a hidden input holding its number; what is
   still typed in the box is posted too, for the server to read or refuse. The readers'
   filter forms pick a leader with the same box (web/templatetags/page_tags.py
   leader_picker), their suggestions answered for anyone. */
(function () {
  "use strict";
  if (!window.fetch || !document.querySelector) return;
  var counter = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function hidden(name, value) {
    var input = el("input", { type: "hidden", name: name });
    input.value = value;
    return input;
  }

  function Picker(root) {
    var old = root.querySelector(".picker__text");
    if (!old) return;
    var self = this;
    var n = ++counter;
    this.root = root;
    this.name = root.getAttribute("data-picker-name");
    this.url = root.getAttribute("data-picker-url");
    this.multiple = root.hasAttribute("data-picker-multiple");
    this.near = (old.getAttribute("data-picker-near") || "").split(" ").filter(Boolean);
    this.seq = 0;
    this.active = -1;
    this.results = [];
    var chosen = [];
    try { chosen = JSON.parse(root.getAttribute("data-picker-chosen") || "[]"); } catch (e) { chosen = []; }

    var input = el("input", {
      type: "text", id: old.id, "class": "picker__input", role: "combobox",
      "aria-autocomplete": "list", "aria-expanded": "false",
      "aria-controls": "picker-list-" + n, autocomplete: "off", spellcheck: "false"
    });
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (old.hasAttribute(name)) input.setAttribute(name, old.getAttribute(name));
    });
    var hint = root.getAttribute("data-picker-hint");
    var helpId = old.getAttribute("aria-describedby");
    var help = helpId && document.getElementById(helpId.split(" ")[0]);
    if (help && hint) help.textContent = hint;

    this.list = el("ul", { id: "picker-list-" + n, role: "listbox", "class": "picker__list" });
    this.list.hidden = true;
    var label = document.querySelector('label[for="' + old.id + '"]');
    if (label) {
      if (!label.id) label.id = old.id + "-label";
      this.list.setAttribute("aria-labelledby", label.id);
    }
    this.status = el("p", { role: "status", "aria-live": "polite", "class": "visually-hidden" });
    // What is typed but not chosen is posted as well (the server reads it or says why not).
    this.typed = hidden(this.name, "");
    this.input = input;

    if (this.multiple) {
      this.chips = el("ul", { "class": "picker__chosen" });
      if (label) this.chips.setAttribute("aria-label", "Chosen: " + label.textContent.trim());
      root.replaceChild(this.chips, old);
      root.appendChild(input);
      chosen.forEach(function (item) { self.addChip(item, true); });
    } else {
      this.value = hidden(this.name, chosen.length ? chosen[0].value : "");
      input.value = chosen.length ? chosen[0].label : "";
      this.chosenLabel = input.value;
      this.chosenValue = this.value.value;
      root.replaceChild(input, old);
      root.appendChild(this.value);
    }
    root.appendChild(this.list);
    root.appendChild(this.status);
    if (this.multiple) root.appendChild(this.typed);
    root.classList.add("picker--live");

    var timer = null;
    input.addEventListener("input", function () {
      if (!self.multiple) {
        // Typing replaces the choice: the server reads what is typed unless one is chosen.
        self.value.value = input.value;
      } else {
        self.typed.value = input.value;
      }
      clearTimeout(timer);
      timer = setTimeout(function () { self.search(); }, 150);
    });
    input.addEventListener("keydown", function (event) { self.key(event); });
    input.addEventListener("blur", function () {
      setTimeout(function () { self.close(); }, 150);
    });
    this.list.addEventListener("mousedown", function (event) {
      var option = event.target.closest('[role="option"]');
      if (!option) return;
      event.preventDefault(); // keep the focus in the box
      self.choose(Number(option.getAttribute("data-index")));
    });
  }

  Picker.prototype.nearIds = function () {
    var ids = [];
    this.near.forEach(function (name) {
      var field = document.querySelector('input[type="hidden"][name="' + name + '"]');
      if (field && /^\d+$/.test(field.value)) ids.push(field.value);
    });
    return ids;
  };

  Picker.prototype.search = function () {
    var self = this;
    var q = this.input.value.trim();
    var near = this.nearIds();
    if (!q && !near.length) { this.close(); return; }
    var url = this.url + "?q=" + encodeURIComponent(q.slice(0, 100));
    if (near.length) url += "&leaders=" + near.join(",");
    var seq = ++this.seq;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (seq === self.seq) self.show(data.results || []); })
      .catch(function () { if (seq === self.seq) self.say("Suggestions are unavailable."); });
  };

  Picker.prototype.show = function (results) {
    var self = this;
    var taken = this.takenIds();
    this.results = results.filter(function (r) { return taken.indexOf(String(r.id)) < 0; });
    this.list.textContent = "";
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.results.forEach(function (result, index) {
      var option = el("li", {
        role: "option", id: self.list.id + "-" + index, "data-index": String(index),
        "aria-selected": "false", "class": "picker__option"
      }, result.label);
      if (result.hint) option.appendChild(el("span", { "class": "picker__hint" }, " " + result.hint));
      self.list.appendChild(option);
    });
    var open = this.results.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    this.say(open ? this.results.length + " suggestion" + (this.results.length === 1 ? "" : "s") +
      ": use the arrow keys, then Enter." : "No matches.");
  };

  Picker.prototype.takenIds = function () {
    if (!this.multiple) return [];
    return Array.prototype.map.call(
      this.chips.querySelectorAll('input[type="hidden"]'), function (i) { return i.value; });
  };

  Picker.prototype.move = function (step) {
    if (this.list.hidden) { this.search(); return; }
    var count = this.results.length;
    if (!count) return;
    var next = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    var options = this.list.querySelectorAll('[role="option"]');
    if (this.active >= 0) options[this.active].setAttribute("aria-selected", "false");
    this.active = next;
    options[next].setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", options[next].id);
    options[next].scrollIntoView({ block: "nearest" });
  };

  Picker.prototype.key = function (event) {
    var open = !this.list.hidden;
    if (event.key === "ArrowDown" || event.key === "Down") { event.preventDefault(); this.move(1); }
    else if (event.key === "ArrowUp" || event.key === "Up") { event.preventDefault(); this.move(-1); }
    else if (event.key === "Enter") {
      if (open && this.active >= 0) { event.preventDefault(); this.choose(this.active); }
      else if (open && this.results.length === 1) { event.preventDefault(); this.choose(0); }
    } else if (event.key === "Escape" || event.key === "Esc") {
      if (open) { event.preventDefault(); this.close(); }
      else if (this.input.value) {
        event.preventDefault();
        this.input.value = this.multiple ? "" : (this.chosenLabel || "");
        if (!this.multiple) this.value.value = this.chosenValue || this.value.value;
        this.typed.value = "";
      }
    } else if (event.key === "Backspace" && this.multiple && !this.input.value) {
      var last = this.chips.lastElementChild;
      if (last) this.remove(last);
    }
  };

  Picker.prototype.choose = function (index) {
    var result = this.results[index];
    if (!result) return;
    if (this.multiple) {
      this.addChip({ value: String(result.id), label: result.label });
      this.input.value = "";
      this.typed.value = "";
      this.say("Added " + result.label + ".");
    } else {
      this.input.value = result.label;
      this.value.value = String(result.id);
      this.chosenLabel = result.label;
      this.chosenValue = String(result.id);
      this.say("Chose " + result.label + ".");
    }
    this.close();
    this.input.focus();
  };

  Picker.prototype.addChip = function (item, quiet) {
    var self = this;
    var chip = el("li", { "class": "picker__chip" });
    chip.appendChild(el("span", {}, item.label));
    chip.appendChild(hidden(this.name, item.value));
    var button = el("button", {
      type: "button", "class": "picker__remove", "aria-label": "Remove " + item.label
    }, "×");
    button.addEventListener("click", function () { self.remove(chip); self.input.focus(); });
    chip.appendChild(button);
    this.chips.appendChild(chip);
    if (!quiet) chip.scrollIntoView({ block: "nearest" });
  };

  Picker.prototype.remove = function (chip) {
    var label = chip.querySelector("span").textContent;
    chip.parentNode.removeChild(chip);
    this.say("Removed " + label + ".");
  };

  Picker.prototype.close = function () {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Picker.prototype.say = function (text) { this.status.textContent = text; };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-picker]"), function (root) {
      new Picker(root); // eslint-disable-line no-new
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
