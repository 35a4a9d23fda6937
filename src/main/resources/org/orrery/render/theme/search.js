// Orrery's search page: finds posts in search-index.js (written when the site is published),
// in the browser, without a server. A post matches when every word of the query starts a word
// of its title or body, or is found in its author's or feed's name. Words the index lists as
// common (in most posts) narrow nothing and are skipped.
(function () {
  "use strict";
  var MAX_RESULTS = 100;

  function words(text) {
    var folded = text.normalize("NFKC").toLowerCase();
    return (folded.match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) {
      return Array.from(w).length >= 2;
    }).map(function (w) { return w.slice(0, 30); });
  }

  function postsWithPrefix(index, keys, prefix) {
    var found = new Set();
    // keys are sorted: the words starting with prefix are one run of them.
    var lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    for (var i = lo; i < keys.length && keys[i].startsWith(prefix); i++) {
      index.words[keys[i]].split(",").forEach(function (p) { found.add(parseInt(p, 36)); });
    }
    return found;
  }

  function search(index, keys, query) {
    var common = new Set(index.common);
    var wanted = words(query).filter(function (w) { return !common.has(w); });
    if (wanted.length === 0) return [];
    var result = null;
    wanted.forEach(function (word) {
      var posts = postsWithPrefix(index, keys, word);
      index.entries.forEach(function (entry, i) {
        var people = (entry[3] + " " + index.feeds[entry[0]][0]).normalize("NFKC").toLowerCase();
        if (people.indexOf(word) >= 0) posts.add(i);
      });
      result = result === null ? posts : new Set(Array.from(result).filter(function (i) { return posts.has(i); }));
    });
    return Array.from(result).sort(function (a, b) { return a - b; });
  }

  function link(href, text, className) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (className) a.className = className;
    return a;
  }

  function show(index, found, box) {
    box.textContent = "";
    var heading = document.createElement("h3");
    heading.textContent = found.length === 0 ? box.dataset.none : box.dataset.found + " (" + found.length + ")";
    box.appendChild(heading);
    var list = document.createElement("ul");
    list.className = "search-results";
    found.slice(0, MAX_RESULTS).forEach(function (i) {
      var entry = index.entries[i];
      var feed = index.feeds[entry[0]];
      var item = document.createElement("li");
      item.appendChild(link(feed[1], feed[0], "feed"));
      item.appendChild(document.createTextNode(": "));
      var title = entry[1] || entry[2];
      item.appendChild(entry[2] ? link(entry[2], title, "title") : document.createTextNode(title));
      if (entry[3]) {
        var by = document.createElement("span");
        by.className = "byline";
        by.textContent = " " + entry[3];
        item.appendChild(by);
      }
      var day = document.createElement("time");
      day.dateTime = entry[4];
      day.textContent = " " + entry[4];
      item.appendChild(day);
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search-results");
    var index = window.orrerySearchIndex;
    if (!box || !index) return;
    var keys = Object.keys(index.words).sort();
    var query = new URLSearchParams(window.location.search).get("q") || "";
    document.querySelectorAll("form.search input[name=q]").forEach(function (input) { input.value = query; });
    if (query.trim()) show(index, search(index, keys, query), box);
  });
})();
