/* communique search: a static, sharded index (see src/render/search.rs) read in the browser.
 * The page's form is a plain GET form and works as one; this script only enhances it: it reads
 * the query from the address, fetches search/meta.json, then only the term shards, facet lists
 * and document chunks the query needs, and shows ranked results as you type. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.URLSearchParams || !window.Set) return;
  var root = form.getAttribute("data-root") || "";
  var base = root + "search/";
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 20;
  var cache = {};
  var meta = null;
  var shardSet = null;
  var current = { ranked: [], shown: 0, words: [] };
  var generation = 0;

  function getJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status + " for " + path);
        return r.json();
      });
    }
    return cache[path];
  }

  // Mirrors terms() in search.rs: letters and digits, lower case, two characters or more.
  function tokens(text) {
    return text.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (w) {
      return Array.from(w).length >= 2;
    });
  }

  // Mirrors shard_key() in search.rs.
  function keyOf(prefix) {
    var k = "";
    Array.from(prefix).forEach(function (ch) {
      k += /^[a-z0-9]$/.test(ch) ? ch : "_" + ch.codePointAt(0).toString(16) + "_";
    });
    return k;
  }

  // The shards that may hold `term` (or, for a prefix, terms starting with it).
  function shardsFor(term, prefix) {
    var cps = Array.from(term);
    var p2 = cps.slice(0, meta.prefix).join("");
    var keys;
    if (meta.split.indexOf(p2) < 0) {
      keys = [keyOf(p2)];
    } else if (cps.length > meta.prefix) {
      keys = [keyOf(cps.slice(0, meta.prefix + 1).join(""))];
    } else if (prefix) {
      var k2 = keyOf(p2);
      keys = meta.shards.filter(function (k) { return k.lastIndexOf(k2, 0) === 0; });
    } else {
      keys = [keyOf(p2)];
    }
    return keys.filter(function (k) { return shardSet.has(k); });
  }

  // Mirrors DIGITS in search.rs: the first 32 end a number, the other 32 carry five bits of it.
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var DIGIT = {};
  for (var d = 0; d < DIGITS.length; d++) DIGIT[DIGITS[d]] = d;

  // The numbers a term's postings string holds.
  function numbers(s) {
    var out = [];
    for (var i = 0, n = 0; i < s.length; i++) {
      var c = DIGIT[s[i]];
      n = n * 32 + (c & 31);
      if (c < 32) { out.push(n); n = 0; }
    }
    return out;
  }

  // doc -> weight for one query word: exact, or every indexed term it starts if `prefix`.
  function postingsFor(term, prefix) {
    return Promise.all(shardsFor(term, prefix).map(function (k) {
      return getJSON("t/" + k + ".json");
    })).then(function (shards) {
      var weights = new Map();
      shards.forEach(function (shard) {
        var names = prefix ? Object.keys(shard).filter(function (t) {
          return t.lastIndexOf(term, 0) === 0;
        }) : (Object.prototype.hasOwnProperty.call(shard, term) ? [term] : []);
        names.forEach(function (t) {
          // Per document: its gap from the one before, doubled, plus one when a weight other
          // than 1 follows (encode_postings in search.rs).
          var p = numbers(shard[t]);
          var exact = t === term ? 1 : 0.7;
          for (var i = 0, doc = 0; i < p.length; ) {
            var x = p[i++];
            doc += Math.floor(x / 2);
            var w = (x % 2 ? p[i++] : 1) * exact;
            if (!weights.has(doc) || weights.get(doc) < w) weights.set(doc, w);
          }
        });
      });
      return weights;
    });
  }

  function facetDocs(kind, slugs) {
    return Promise.all(slugs.map(function (s) {
      return getJSON("f/" + kind + "/" + encodeURIComponent(s) + ".json");
    })).then(function (lists) {
      var set = new Set();
      // Documents as gaps from the one before, like the postings.
      lists.forEach(function (l) {
        for (var i = 0, doc = 0; i < l.length; i++) { doc += l[i]; set.add(doc); }
      });
      return set;
    });
  }

  function readForm() {
    var data = new FormData(form);
    return {
      q: (data.get("q") || "").toString(),
      topic: data.getAll("topic").map(String).filter(Boolean),
      speaker: (data.get("speaker") || "").toString(),
      source: (data.get("source") || "").toString()
    };
  }

  function writeForm(p) {
    input.value = p.get("q") || "";
    var topics = p.getAll("topic");
    form.querySelectorAll("input[name=topic]").forEach(function (c) {
      c.checked = topics.indexOf(c.value) >= 0;
    });
    ["speaker", "source"].forEach(function (name) {
      var sel = form.elements[name];
      if (sel) sel.value = p.get(name) || "";
    });
  }

  function say(text) {
    status.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    status.appendChild(p);
  }

  function run() {
    var q = readForm();
    var mine = ++generation;
    var words = tokens(q.q);
    var endsWithSpace = /\s$/.test(q.q);
    var last = words.length ? words[words.length - 1] : null;
    var stop = new Set(meta.stop);
    var exact = words.slice(0, -1).filter(function (w) { return !stop.has(w); });
    var lookups = exact.map(function (w) { return postingsFor(w, false); });
    if (last !== null && !stop.has(last)) lookups.push(postingsFor(last, !endsWithSpace));
    var filters = [];
    if (q.topic.length) filters.push(facetDocs("topic", q.topic));
    if (q.speaker) filters.push(facetDocs("speaker", [q.speaker]));
    if (q.source) filters.push(facetDocs("source", [q.source]));
    if (!lookups.length && !filters.length) {
      list.textContent = "";
      more.hidden = true;
      say(words.length ? "Those words are too common to search for." : "Type words to find, or choose a theme, a speaker or a source.");
      return Promise.resolve();
    }
    say("Searching…");
    return Promise.all([Promise.all(lookups), Promise.all(filters)]).then(function (r) {
      if (mine !== generation) return;
      var termMaps = r[0], sets = r[1];
      var scores = null;
      termMaps.forEach(function (m) {
        var idf = Math.log(1 + meta.count / Math.max(1, m.size));
        var next = new Map();
        m.forEach(function (w, doc) {
          if (scores && !scores.has(doc)) return;
          var s = idf * (w * 2.2) / (w + 1.2);
          next.set(doc, (scores ? scores.get(doc) : 0) + s);
        });
        scores = next;
      });
      var docs;
      if (scores) {
        docs = Array.from(scores.keys());
      } else {
        docs = Array.from(sets[0]);
      }
      docs = docs.filter(function (d) {
        return sets.every(function (s) { return s.has(d); });
      });
      docs.sort(function (a, b) {
        return (scores ? scores.get(b) - scores.get(a) : 0) || a - b;
      });
      current = { ranked: docs, shown: 0, words: words };
      list.textContent = "";
      var n = docs.length;
      var what = q.q.trim() ? " for “" + q.q.trim() + "”" : "";
      say(n === 0 ? "No statements found" + what + "." : n + (n === 1 ? " statement" : " statements") + " found" + what + ".");
      return showMore();
    }).catch(function (e) {
      if (mine !== generation) return;
      say("The search index could not be loaded (" + e.message + "). Search works when the site is served by a web server.");
    });
  }

  function showMore() {
    var slice = current.ranked.slice(current.shown, current.shown + PAGE);
    var chunks = {};
    slice.forEach(function (d) { chunks[Math.floor(d / meta.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      return getJSON("d/" + c + ".json").then(function (docs) { chunks[c] = docs; });
    })).then(function () {
      slice.forEach(function (d) {
        list.appendChild(result(chunks[Math.floor(d / meta.chunk)][d % meta.chunk], current.words));
      });
      current.shown += slice.length;
      more.hidden = current.shown >= current.ranked.length;
    });
  }

  function highlight(parent, text, words) {
    if (!words.length) { parent.textContent = text; return; }
    var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var re = new RegExp("(" + escaped.join("|") + ")", "giu");
    var at = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > at) parent.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      parent.appendChild(mark);
      at = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // [title, slug, iso, shown date, excerpt, outlet, [topic], [speaker], [source]]
  function result(doc, words) {
    var li = el("li", "search-result");
    var h = el("h2", "result-title");
    var a = el("a");
    a.href = root + "articles/" + doc[1] + "/index.html";
    highlight(a, doc[0], words);
    h.appendChild(a);
    li.appendChild(h);
    var m = el("p", "result-meta");
    if (doc[2]) {
      var t = el("time", "", doc[3]);
      t.setAttribute("datetime", doc[2]);
      m.appendChild(t);
    } else {
      m.appendChild(document.createTextNode("Date unknown"));
    }
    if (doc[5]) m.appendChild(document.createTextNode(" · " + doc[5]));
    var people = doc[7].map(function (i) { return meta.speakers[i][1]; });
    if (people.length) m.appendChild(document.createTextNode(" · " + people.join(", ")));
    li.appendChild(m);
    if (doc[4]) {
      var p = el("p", "result-excerpt");
      highlight(p, doc[4], words);
      li.appendChild(p);
    }
    var topics = doc[6].map(function (i) { return meta.topics[i][1]; });
    if (topics.length) li.appendChild(el("p", "result-topics", "Themes: " + topics.join(", ")));
    return li;
  }

  function sync() {
    var q = readForm();
    var p = new URLSearchParams();
    if (q.q) p.set("q", q.q);
    q.topic.forEach(function (t) { p.append("topic", t); });
    if (q.speaker) p.set("speaker", q.speaker);
    if (q.source) p.set("source", q.source);
    var s = p.toString();
    history.replaceState(null, "", s ? "?" + s : location.pathname);
  }

  var timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { sync(); run(); }, 150);
  }

  writeForm(new URLSearchParams(location.search));
  say("Loading the search index…");
  getJSON("meta.json").then(function (m) {
    if (m.version !== 3) throw new Error("index version " + m.version + " is not supported");
    meta = m;
    shardSet = new Set(m.shards);
    form.addEventListener("submit", function (e) { e.preventDefault(); sync(); run(); });
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    more.querySelector("button").addEventListener("click", showMore);
    return run();
  }).catch(function (e) {
    say("The search index could not be loaded (" + e.message + "). Search works when the site is served by a web server.");
  });
})();
