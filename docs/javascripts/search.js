// Search as a reader expects it, on top of Material for MkDocs' own (Lunr.js in a web worker).
// Served with the site; nothing is fetched. Material's worker is left as it is: this script
// watches the messages the page exchanges with it.
//
//  - A quoted phrase ("slow but steady", also in typographic quotes “…” «…» „…“) finds
//    the sections holding those words in that order. Lunr has no phrase query, and Material
//    turns a phrase into required words, so a phrase with a word Lunr leaves out of its index
//    ("but", "cannot") found nothing. The phrase's words are sent as ordinary words, and only
//    the sections whose text holds the phrase itself are shown.
//  - A word typed with a straight apostrophe finds it written with a typographic one, as
//    articles write it ("Zelensky's" finds "Zelensky’s", "п'ять" finds "п’ять" and "пʼять").
//  - A result shows the sentence that matches, its words marked, not the start of a long
//    section (a topic section's statements are one list, which Material shows from its top).
(function () {
  "use strict";
  if (typeof Worker === "undefined") return;

  var SETUP = 0, QUERY = 2, RESULT = 3;   // Material's SearchMessageType
  var SNIPPET_SENTENCES = 2;              // sentences shown under a result, at most
  var SENTENCE_CHARS = 240;               // a longer sentence is cut around its first match
  var GAP = '<span class="search-gap">…</span>';  // text left out of a snippet (not an ellipsis quoted)
  var APOSTROPHE = /\p{L}['’ʼ]\p{L}/u;
  var APOSTROPHES = /(\p{L})['’ʼ](?=\p{L})/gu;
  var QUOTES = /"([^"]*)"|“([^”]*)”|„([^“”]*)[“”]|«([^»]*)»/g;
  var NOT_WORD = /[^\p{L}\p{N}]+/u;
  var BLOCKS = /^(P|LI|UL|OL|DL|DT|DD|H[1-6]|DIV|BLOCKQUOTE|TABLE|THEAD|TBODY|TR|TD|TH|PRE|FIGURE|FIGCAPTION|DETAILS|SUMMARY|SECTION|ARTICLE|BR)$/;

  var docs = new Map();    // location -> {title, text} of the search index
  var phrases = [];        // the phrases of the query whose result is being read, each a list of words
  var phraseWords = new Set();
  var pending = [];        // the phrases of each query sent and not yet answered, oldest first
                           // (the worker answers the queries in the order they were sent)

  function words(text) {
    return text.toLowerCase().split(NOT_WORD).filter(Boolean);
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // The phrase's words in order, anything but letters, digits and line breaks between them; the
  // first group is what stands before the phrase (no lookbehind: older browsers lack it).
  function phrasePattern(phrase) {
    return new RegExp("(^|[^\\p{L}\\p{N}])(" + phrase.map(escapeRegExp).join("[^\\p{L}\\p{N}\\n]+") +
                      ")(?![\\p{L}\\p{N}])", "giu");
  }

  // The query with its phrases taken out of quotes: their words become ordinary words, and
  // the phrases are kept to choose the results.
  function rewriteQuery(query) {
    var phrases = [];
    var phraseWords = new Set();
    var rest = query.replace(QUOTES, function (match, a, b, c, d) {
      var phrase = words(a || b || c || d || "");
      if (!phrase.length) return " ";
      phrases.push(phrase);
      // Lunr is asked for the phrase's words; a letter alone ("s" of "Ukraine's") would match
      // every word it starts, and the phrase itself is looked for in each section found.
      var asked = phrase.filter(function (w) { return w.length > 1; });
      if (!asked.length) asked = phrase;
      asked.forEach(function (w) { phraseWords.add(w); });
      return " " + asked.join(" ") + " ";
    });
    pending.push({phrases: phrases, words: phraseWords});
    var apostrophes = APOSTROPHE.test(rest);
    if (!phrases.length && !apostrophes) return query;
    rest = rest.replace(/["“”„«»]/g, " ").replace(/\s+/g, " ").trim();
    return apostrophes ? rest.split(" ").map(withApostrophes).join(" ") : rest;
  }

  // A word with an apostrophe in each of its forms: typed "Zelensky's" or "п'ять", it is written
  // "Zelensky’s" or "пʼять" on the page, and Lunr matches a word only as written.
  function withApostrophes(term) {
    if (!APOSTROPHE.test(term) || /^[+-]/.test(term)) return term;
    var forms = ["'", "’", "ʼ"].map(function (mark) { return term.replace(APOSTROPHES, "$1" + mark); });
    return forms.filter(function (form, i) { return forms.indexOf(form) === i; }).join(" ");
  }

  // Of the forms of a word, those found in a section: the others are not "missing" from it.
  function keepFoundForms(terms) {
    var found = {};
    Object.keys(terms).forEach(function (term) {
      if (terms[term]) found[term.replace(/['’ʼ]/g, "'")] = true;
    });
    Object.keys(terms).forEach(function (term) {
      if (!terms[term] && found[term.replace(/['’ʼ]/g, "'")]) delete terms[term];
    });
  }

  // Text of an HTML fragment: each block on its own line; the ranges of <mark> elements.
  function flatten(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var out = {text: "", marks: []};
    function boundary() {
      if (out.text && out.text.charAt(out.text.length - 1) !== "\n") out.text += "\n";
    }
    function walk(node) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === 3) {
          out.text += child.data.replace(/\s+/g, " ");
        } else if (child.nodeType === 1) {
          var block = BLOCKS.test(child.tagName);
          if (block) boundary();
          var start = out.text.length;
          walk(child);
          if (child.tagName === "MARK" && out.text.length > start) out.marks.push([start, out.text.length]);
          if (block) boundary();
        }
      });
    }
    walk(template.content);
    return out;
  }

  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter(document.documentElement.lang || undefined, {granularity: "sentence"})
    : null;

  // [start, end) of each sentence of the text, never across a line (a block).
  function sentences(text) {
    var spans = [];
    var offset = 0;
    text.split("\n").forEach(function (line) {
      var parts = segmenter ? Array.from(segmenter.segment(line), function (s) { return [s.index, s.index + s.segment.length]; })
                            : [[0, line.length]];
      parts.forEach(function (p) {
        var piece = line.slice(p[0], p[1]);
        var lead = piece.length - piece.replace(/^\s+/, "").length;
        var trimmed = piece.trim();
        if (trimmed) spans.push({start: offset + p[0] + lead, end: offset + p[0] + lead + trimmed.length,
                                 blockStart: p[0] + lead === 0 || !line.slice(0, p[0]).trim()});
      });
      offset += line.length + 1;
    });
    return spans;
  }

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // A sentence as HTML, its marks kept; a long one cut (at spaces) around its first mark.
  function renderSentence(text, span, marks) {
    var start = span.start, end = span.end, cutStart = false, cutEnd = false;
    var inside = marks.filter(function (m) { return m[0] < end && m[1] > start; });
    if (end - start > SENTENCE_CHARS && inside.length) {
      var from = Math.max(start, inside[0][0] - Math.floor(SENTENCE_CHARS / 3));
      var to = Math.min(end, from + SENTENCE_CHARS);
      if (from > start) { var space = text.indexOf(" ", from); if (space > 0 && space < inside[0][0]) from = space + 1; cutStart = true; }
      if (to < end) { var back = text.lastIndexOf(" ", to); if (back > inside[0][1]) to = back; cutEnd = true; }
      start = from; end = to;
    }
    var html = "", cursor = start;
    inside.forEach(function (m) {
      var a = Math.max(m[0], start), b = Math.min(m[1], end);
      if (a < cursor || a >= b) return;
      html += escapeHTML(text.slice(cursor, a)) + "<mark>" + escapeHTML(text.slice(a, b)) + "</mark>";
      cursor = b;
    });
    html += escapeHTML(text.slice(cursor, end));
    return {html: (cutStart ? GAP + " " : "") + html + (cutEnd ? " " + GAP : ""), cutStart: cutStart, cutEnd: cutEnd};
  }

  // The sentences holding a match (those with the most marks first, shown in text order),
  // or, with no match in the text, its first sentence.
  function snippet(flat) {
    var spans = sentences(flat.text);
    if (!spans.length) return "";
    var chosen = spans.map(function (span, index) {
      var count = flat.marks.filter(function (m) { return m[0] < span.end && m[1] > span.start; }).length;
      return {span: span, index: index, count: count};
    }).filter(function (c) { return c.count > 0; });
    if (!chosen.length) chosen = [{span: spans[0], index: 0, count: 0}];
    chosen.sort(function (a, b) { return b.count - a.count || a.index - b.index; });
    chosen = chosen.slice(0, SNIPPET_SENTENCES).sort(function (a, b) { return a.index - b.index; });
    var parts = chosen.map(function (c) { return renderSentence(flat.text, c.span, flat.marks); });
    var lead = chosen[0].span.blockStart || parts[0].cutStart ? "" : GAP + " ";
    var last = chosen.length - 1;
    var tail = chosen[last].index < spans.length - 1 && !parts[last].cutEnd ? " " + GAP : "";
    var html = parts.map(function (p, i) {
      // One ellipsis between two sentences, though the second be cut at its start.
      return i === 0 ? p.html
        : (parts[i - 1].cutEnd ? " " : " " + GAP + " ") + (p.cutStart ? p.html.slice(GAP.length + 1) : p.html);
    }).join("");
    return "<p>" + lead + html + tail + "</p>";
  }

  // The text of a section with each phrase marked, or null when a phrase is not in it.
  function withPhrases(html) {
    var flat = flatten(html);
    flat.marks = [];
    for (var i = 0; i < phrases.length; i++) {
      var pattern = phrasePattern(phrases[i]), found = false, match;
      while ((match = pattern.exec(flat.text)) !== null) {
        var start = match.index + match[1].length;
        flat.marks.push([start, start + match[2].length]);
        pattern.lastIndex = start + match[2].length;
        found = true;
      }
      if (!found) return null;
    }
    flat.marks.sort(function (a, b) { return a[0] - b[0]; });
    return flat;
  }

  function isArticle(item) {
    return item.location.indexOf("#") < 0;
  }

  function rewriteResult(result) {
    if (!result || !Array.isArray(result.items)) return result;
    var groups = [];
    result.items.forEach(function (group) {
      var kept = [];
      group.forEach(function (item) {
        var flat;
        if (phrases.length) {
          var doc = docs.get(item.location);
          var inTitle = doc && phrases.every(function (p) { return phrasePattern(p).test(doc.title); });
          flat = doc ? withPhrases(doc.text) : null;
          if (!flat && !inTitle) return;
          Object.keys(item.terms || {}).forEach(function (term) {
            if (phraseWords.has(term)) item.terms[term] = true;
          });
        } else {
          flat = flatten(item.text || "");
        }
        if (item.terms) keepFoundForms(item.terms);
        item.text = flat ? snippet(flat) : "";
        kept.push(item);
      });
      if (!kept.length) return;
      if (!kept.some(isArticle)) {
        var article = group.filter(isArticle)[0];
        if (!article) return;
        article.text = "";
        kept.push(article);
      }
      groups.push(kept);
    });
    result.items = groups;
    return result;
  }

  // The page's messages to the worker: the index (kept, to look for phrases in whole sections)
  // and each query (its phrases taken out of quotes).
  var workers = new WeakSet();
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs)) {
      workers.add(this);
      message.data.docs.forEach(function (doc) { docs.set(doc.location, {title: doc.title || "", text: doc.text || ""}); });
    } else if (message && message.type === QUERY && typeof message.data === "string" && workers.has(this)) {
      message = {type: QUERY, data: rewriteQuery(message.data)};
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };

  // The worker's answers, read where Material reads them (the event's data): Material listens to
  // the worker before this script runs, so its listener cannot be wrapped. Each answer is
  // rewritten once, when first read.
  var data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data");
  if (!data || !data.get) return;
  var rewritten = new WeakMap();
  Object.defineProperty(MessageEvent.prototype, "data", {
    configurable: true,
    enumerable: data.enumerable,
    get: function () {
      var message = data.get.call(this);
      if (!message || message.type !== RESULT || !workers.has(this.target)) return message;
      if (!rewritten.has(this)) {
        var asked = pending.shift() || {phrases: [], words: new Set()};
        phrases = asked.phrases;
        phraseWords = asked.words;
        try {
          rewritten.set(this, {type: RESULT, data: rewriteResult(message.data)});
        } catch (error) {  // Material's own results, rather than none
          console.warn("search.js: results shown as Material made them:", error);
          rewritten.set(this, message);
        }
      }
      return rewritten.get(this);
    }
  });
})();
