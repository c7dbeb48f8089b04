/* kursk-pows site: show the records of a highlight, and search the embedded index.
   Text from the data is only ever set with textContent; no HTML is built from strings. */
(function () {
  "use strict";

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  var panel = document.getElementById("panel");
  if (panel) {
    var body = panel.querySelector(".panel-body");
    var showRecords = function (keys, more) {
      clear(body);
      keys.forEach(function (key) {
        var record = document.getElementById(key);
        if (record) {
          var copy = record.cloneNode(true);
          copy.removeAttribute("id");
          body.appendChild(copy);
        }
      });
      if (more) {
        var note = document.createElement("p");
        note.textContent = "and " + more + " more records cover these words; " +
          "all are listed below the text.";
        body.appendChild(note);
      }
      panel.hidden = false;
      panel.focus();
    };
    document.querySelectorAll("a.hl").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        showRecords((link.getAttribute("data-ev") || "").split(" "),
          link.getAttribute("data-more"));
      });
    });
    panel.querySelector(".close").addEventListener("click", function () {
      panel.hidden = true;
      clear(body);
    });
  }

  var data = document.getElementById("search-data");
  var input = document.getElementById("q");
  if (data && input) {
    var entries = JSON.parse(data.textContent);
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var LIMIT = 100;
    var search = function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      clear(results);
      if (!words.length) { status.textContent = "Type a word to search."; return; }
      var found = entries.filter(function (entry) {
        var text = (entry.label + " " + entry.text).toLowerCase();
        return words.every(function (word) { return text.indexOf(word) >= 0; });
      });
      found.slice(0, LIMIT).forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.setAttribute("href", entry.href);
        link.textContent = entry.label;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = entry.kind;
        item.appendChild(link);
        item.appendChild(kind);
        results.appendChild(item);
      });
      status.textContent = found.length + (found.length === 1 ? " match" : " matches") +
        (found.length > LIMIT ? ", the first " + LIMIT + " shown" : "") + ".";
    };
    input.addEventListener("input", search);
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { input.value = query; }
    search();
  }
}());
