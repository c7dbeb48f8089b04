/* kursk-pows site: the as-of control, the records and tooltip of a highlight, details opened
   for a link's target, and the ranked search of the embedded index.
   Text from the data is only ever set with textContent; no HTML is built from strings. */
(function () {
  "use strict";

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function paragraph(parent, text, className) {
    var line = document.createElement("p");
    if (className) { line.className = className; }
    line.textContent = text;
    parent.appendChild(line);
    return line;
  }

  /* The as-of control: the page as the evidence may have stood on the day in "?as-of=", one of
     the control's days.  Parts whose data-from is a later day are hidden, notes whose
     data-until is a later day shown, texts with a data-as-of entry for the day replaced by it,
     highlights with a data-kind-as-of entry given that kind; links and forms within the site
     keep the day. */
  var asOf = (function () {
    var nav = document.querySelector("nav.as-of");
    if (!nav) { return null; }
    nav.hidden = false;
    var wanted = new URLSearchParams(window.location.search).get("as-of") || "";
    var current = null;
    nav.querySelectorAll("a[data-day]").forEach(function (link) {
      if (link.getAttribute("data-day") === wanted) { current = link; }
    });
    if (!current) { current = nav.querySelector("a[data-day='']"); }
    current.setAttribute("aria-current", "page");
    var day = current.getAttribute("data-day");
    if (!day) { return null; }
    document.querySelectorAll("[data-from]").forEach(function (node) {
      if (node.getAttribute("data-from") > day) { node.classList.add("as-of-hidden"); }
    });
    document.querySelectorAll("[data-until]").forEach(function (node) {
      if (day < node.getAttribute("data-until")) { node.hidden = false; }
    });
    document.querySelectorAll("[data-as-of]").forEach(function (node) {
      var texts = JSON.parse(node.getAttribute("data-as-of"));
      if (Object.prototype.hasOwnProperty.call(texts, day)) { node.textContent = texts[day]; }
    });
    document.querySelectorAll("[data-kind-as-of]").forEach(function (node) {
      var kinds = JSON.parse(node.getAttribute("data-kind-as-of"));
      if (!Object.prototype.hasOwnProperty.call(kinds, day)) { return; }
      Array.prototype.slice.call(node.classList).forEach(function (name) {
        if (name.indexOf("k-") === 0) { node.classList.remove(name); }
      });
      node.classList.add("k-" + kinds[day]);
      if (node.hasAttribute("data-kind")) { node.setAttribute("data-kind", kinds[day]); }
    });
    var note = document.getElementById("as-of-note");
    note.textContent = "As the evidence may have stood on " + current.textContent +
      ": only the articles that may have been published by then.";
    note.hidden = false;
    var keep = function (href) {
      if (!href || href.charAt(0) === "#") { return href; }
      var url = new URL(href, document.baseURI);
      var here = window.location;
      if (url.protocol !== here.protocol || url.host !== here.host ||
          !/\.html$/.test(url.pathname)) { return href; }
      url.searchParams.set("as-of", day);
      return url.href;
    };
    document.querySelectorAll("a[href]").forEach(function (link) {
      if (!nav.contains(link)) { link.setAttribute("href", keep(link.getAttribute("href"))); }
    });
    document.querySelectorAll("form").forEach(function (form) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "as-of";
      field.value = day;
      form.appendChild(field);
    });
    return { day: day, keep: keep };
  }());

  /* A link to a part inside closed <details> opens them. */
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var node = id ? document.getElementById(id) : null;
    for (; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  var KINDS = {
    own: "its own voice",
    attributed: "attributed",
    hedged: "hedged",
    disputed: "disputed"
  };

  var panel = document.getElementById("panel");
  var highlights = document.querySelectorAll("a.hl");
  if (panel) {
    var body = panel.querySelector(".panel-body");
    var selected = null;
    var select = function (link) {
      if (selected) {
        selected.classList.remove("selected");
        selected.removeAttribute("aria-current");
      }
      selected = link;
      if (link) {
        link.classList.add("selected");
        link.setAttribute("aria-current", "true");
      }
    };
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
        paragraph(body, "and " + more + " more records cover these words; " +
          "all are listed below the text.");
      }
      panel.hidden = false;
      panel.focus();
    };
    highlights.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        select(link);
        showRecords((link.getAttribute("data-ev") || "").split(" "),
          link.getAttribute("data-more"));
      });
    });
    panel.querySelector(".close").addEventListener("click", function () {
      panel.hidden = true;
      clear(body);
      if (selected) { selected.focus(); }
      select(null);
    });
  }

  /* The tooltip of a highlight: who says it and what, for its first records. */
  var tip = document.getElementById("tip");
  if (tip) {
    var SHOWN = 3;
    var hideTip = function () {
      tip.hidden = true;
      highlights.forEach(function (link) { link.removeAttribute("aria-describedby"); });
    };
    var showTip = function (link) {
      var keys = (link.getAttribute("data-ev") || "").split(" ").filter(Boolean);
      clear(tip);
      keys.slice(0, SHOWN).forEach(function (key) {
        var record = document.getElementById(key);
        if (!record) { return; }
        var line = paragraph(tip, "");
        var who = document.createElement("span");
        who.className = "who";
        who.textContent = record.getAttribute("data-who") + " (" +
          (KINDS[record.getAttribute("data-kind")] || "") + "): ";
        line.appendChild(who);
        line.appendChild(document.createTextNode(record.getAttribute("data-what")));
      });
      var more = keys.length - SHOWN + Number(link.getAttribute("data-more") || 0);
      if (more > 0) { paragraph(tip, "and " + more + " more; select for all."); }
      var box = link.getBoundingClientRect();
      tip.hidden = false;
      var left = Math.max(4, Math.min(box.left + window.scrollX,
        window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
      tip.style.left = left + "px";
      tip.style.top = (box.bottom + window.scrollY) + "px";
      link.setAttribute("aria-describedby", "tip");
    };
    /* The pointer may move from a highlight onto its tooltip (to read or select it). */
    var leaving = function (event) {
      if (!tip.contains(event.relatedTarget)) { hideTip(); }
    };
    highlights.forEach(function (link) {
      link.addEventListener("mouseenter", function () { showTip(link); });
      link.addEventListener("focus", function () { showTip(link); });
      link.addEventListener("mouseleave", leaving);
      link.addEventListener("blur", hideTip);
    });
    tip.addEventListener("mouseleave", function (event) {
      var link = event.relatedTarget;
      if (!(link && link.classList && link.classList.contains("hl"))) { hideTip(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { hideTip(); }
    });
  }

  var data = document.getElementById("search-data");
  var input = document.getElementById("q");
  if (data && input) {
    var entries = JSON.parse(data.textContent);
    if (asOf) {
      var later = function (from) { return Boolean(from) && from > asOf.day; };
      entries = entries.filter(function (entry) { return !later(entry.from); });
      entries.forEach(function (entry) {
        entry.quotes = entry.quotes.filter(function (quote) { return !later(quote[3]); });
        entry.href = asOf.keep(entry.href);
        entry.quotes.forEach(function (quote) { quote[1] = asOf.keep(quote[1]); });
      });
    }
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var header = document.getElementById("quick-q");
    var LIMIT = 100;
    var KIND_RANK = { event: 0, entity: 1, article: 2, claim: 3 };
    var escapeRegExp = function (text) {
      return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    };
    var quoteMatching = function (entry, test) {
      for (var i = 0; i < entry.quotes.length; i += 1) {
        if (test(entry.quotes[i][0].toLowerCase())) { return entry.quotes[i]; }
      }
      return null;
    };
    /* Lower is better: the phrase as whole words in the name, then anywhere in the name,
       then as whole words in the record's words or quotes, then anywhere in them, then
       every word somewhere.  A match in a quote leads to the quote in its article. */
    var match = function (entry, phrase, whole, words) {
      var label = entry.label.toLowerCase();
      var text = entry.text.toLowerCase();
      var page = { href: entry.href, where: entry.where };
      var hit = function (rank, quote) {
        return quote ? { rank: rank, href: quote[1], where: "quoted in " + quote[2],
          quote: quote[0] } : { rank: rank, href: page.href, where: page.where, quote: null };
      };
      var isWhole = function (t) { return whole.test(t); };
      var contains = function (t) { return t.indexOf(phrase) >= 0; };
      if (isWhole(label)) { return hit(0); }
      if (contains(label)) { return hit(1); }
      if (isWhole(text)) { return hit(2); }
      var quote = quoteMatching(entry, isWhole);
      if (quote) { return hit(2, quote); }
      if (contains(text)) { return hit(3); }
      quote = quoteMatching(entry, contains);
      if (quote) { return hit(3, quote); }
      var all = [label, text].concat(entry.quotes.map(function (q) { return q[0]; }))
        .join(" ").toLowerCase();
      var every = words.every(function (word) { return all.indexOf(word) >= 0; });
      return every ? hit(4) : null;
    };
    var search = function () {
      var phrase = input.value.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
      var words = phrase.split(" ").filter(Boolean);
      if (header) { header.value = input.value; }
      clear(results);
      if (!words.length) { status.textContent = "Type a word to search."; return; }
      var whole = new RegExp("(^|[^\\p{L}\\p{N}])" + escapeRegExp(phrase) +
        "($|[^\\p{L}\\p{N}])", "u");
      var found = [];
      entries.forEach(function (entry, index) {
        var hit = match(entry, phrase, whole, words);
        if (hit) {
          hit.entry = entry;
          hit.index = index;
          found.push(hit);
        }
      });
      found.sort(function (a, b) {
        return a.rank - b.rank ||
          KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind] ||
          b.entry.reports - a.entry.reports ||
          a.index - b.index;
      });
      found.slice(0, LIMIT).forEach(function (hit) {
        var entry = hit.entry;
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.setAttribute("href", hit.href);
        link.textContent = entry.label;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = entry.kind;
        item.appendChild(link);
        item.appendChild(kind);
        if (hit.quote) { paragraph(item, "“" + hit.quote + "”", "snippet"); }
        if (hit.where) { paragraph(item, hit.where, "where"); }
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
