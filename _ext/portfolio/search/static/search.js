/* The search page's results (_ext/portfolio/search/page.py).
 *
 * Sphinx's searchtools.js still finds the pages and ranks them through the
 * Scorer (scorer.js). This replaces how they are listed, the two functions
 * of the Search object that write the page, Search.performSearch and
 * Search.query:
 *
 * - one result per page: Sphinx lists a page once for each way it matched
 *   (title, text, index entry); here the page keeps its best score and the
 *   anchor that earned it;
 * - an excerpt on every result, taken from the page's text in the search
 *   index, the query's words marked, instead of downloading each page;
 * - one heading (the page's), a count of pages, announced to screen readers;
 * - when nothing matches: a misspelled word is corrected from the site's own
 *   words and the corrected query's results are shown, saying so; else the
 *   pages that list every role and contribution are offered.
 */
"use strict";

(() => {
  // -- Sphinx's internals: the one place this script uses them ------------
  // Sphinx has no public way to ask for the results of a query without
  // writing them to the page, nor to read the loaded index. Checked against
  // the searchtools.js of Sphinx 9.0.4 and 9.2.0; tests/unit/test_search_script_
  // uses_what_sphinx_defines.py fails when it no longer defines these so.
  const sphinx = {
    index: () => Search._index, // set by Search.setIndex(index)
    // Every way each page matched: [docname, title, anchor, descr, score, filename, kind].
    results: (query) => Search._performSearch(...Search._parseQuery(query)),
  };

  const EXCERPT = 240; // characters, as Sphinx's own summaries
  const LEAD = 60; // of them before the first word that matched

  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  const pageUrl = (docname) => {
    // As searchtools.js links its results.
    if (DOCUMENTATION_OPTIONS.BUILDER !== "dirhtml")
      return docname + DOCUMENTATION_OPTIONS.LINK_SUFFIX;
    const root = document.documentElement.dataset.content_root;
    if (docname === "index") return root;
    return root + docname.replace(/(^|\/)index$/, "$1").replace(/([^/])$/, "$1/");
  };

  // -- Finding -------------------------------------------------------------

  // All results for one page become one: its best score and that hit's
  // anchor and title. Ties follow the site's reading order.
  const merge = (results) => {
    const index = sphinx.index();
    const best = new Map();
    for (const result of results) {
      const seen = best.get(result[0]);
      if (!seen || result[4] > seen[4]) best.set(result[0], result);
    }
    const order = (result) =>
      index.portfolio?.order[index.docnames.indexOf(result[0])] ?? 0;
    // Below zero: the page lacks a number the reader typed (scorer.js).
    return [...best.values()]
      .filter((result) => result[4] >= 0)
      .sort((a, b) => b[4] - a[4] || order(a) - order(b));
  };

  const find = (query) => {
    Scorer.query = query;
    try {
      return merge(sphinx.results(query));
    } finally {
      Scorer.query = null;
    }
  };

  // -- Correcting a misspelled query ---------------------------------------

  // Edits between two words: insertions, deletions, substitutions and
  // swaps of neighbours (optimal string alignment distance).
  const distance = (a, b) => {
    const d = [...Array(a.length + 1)].map((_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    return d[a.length][b.length];
  };

  let vocabulary = null; // word -> how often the site uses it
  const siteWords = () => {
    if (vocabulary) return vocabulary;
    vocabulary = new Map();
    const index = sphinx.index();
    for (const text of [...index.titles, ...(index.portfolio?.texts ?? [])])
      for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
    return vocabulary;
  };

  // The query with each word the site does not use replaced by the nearest
  // word it does use (one edit for short words, two for longer ones), and a
  // bare PEP number read as "PEP <number>"; null if nothing changed.
  const correction = (query) => {
    const index = sphinx.index();
    const stemmer = new Stemmer();
    let changed = false;
    const words = splitQuery(query.toLowerCase()).map((word) => {
      if (/^\d+$/.test(word)) {
        if (!Object.hasOwn(index.indexentries, `pep ${word}`)) return word;
        changed = true;
        return `PEP ${word}`;
      }
      const stem = stemmer.stemWord(word);
      const known = Object.hasOwn(index.terms, stem) || Object.hasOwn(index.titleterms, stem);
      if (known || stopwords.has(word) || word.length < 3) return word;
      let best = null;
      let bestScore = [word.length <= 4 ? 2 : 3, 0]; // [edits, uses]
      for (const [candidate, uses] of siteWords()) {
        if (Math.abs(candidate.length - word.length) >= bestScore[0]) continue;
        const edits = distance(word, candidate);
        if (edits < bestScore[0] || (edits === bestScore[0] && uses > bestScore[1])) {
          best = candidate;
          bestScore = [edits, uses];
        }
      }
      if (best === null || best === word) return word;
      changed = true;
      return best;
    });
    return changed ? words.join(" ") : null;
  };

  // -- Showing -------------------------------------------------------------

  // The query's words and their stems, each matched at the start of a word.
  const wordsPattern = (query) => {
    const stemmer = new Stemmer();
    const terms = new Set();
    for (const word of splitQuery(query.toLowerCase())) {
      if (stopwords.has(word)) continue;
      terms.add(word);
      if (!/^\d+$/.test(word)) terms.add(stemmer.stemWord(word));
    }
    if (!terms.size) return null;
    // Sphinx matches words of three letters or more inside longer ones too
    // ("secur" in "insecure"): the whole word is marked.
    const alternatives = [...terms]
      .sort((a, b) => b.length - a.length)
      .map((t) => (t.length > 2 ? `[\\p{L}\\p{N}]*${escapeRegExp(t)}` : `(?<![\\p{L}\\p{N}])${escapeRegExp(t)}`));
    return new RegExp(`(?:${alternatives.join("|")})[\\p{L}\\p{N}]*`, "giu");
  };

  // The part of a page's text that holds the most different words of the
  // query, cut at word boundaries.
  const excerpt = (text, pattern) => {
    const matches = pattern ? [...text.matchAll(pattern)] : [];
    let start = 0;
    let most = 0;
    for (const match of matches) {
      const from = Math.max(0, match.index - LEAD);
      const words = new Set(
        matches
          .filter((m) => m.index >= from && m.index + m[0].length <= from + EXCERPT)
          .map((m) => m[0].toLowerCase()),
      );
      if (words.size > most) [start, most] = [from, words.size];
    }
    let end = Math.min(text.length, start + EXCERPT);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    return (start > 0 ? "… " : "") + text.slice(start, end).trim() + (end < text.length ? " …" : "");
  };

  // Append text to element, each match of pattern in a <mark>.
  const appendMarked = (element, text, pattern) => {
    let last = 0;
    for (const match of pattern ? text.matchAll(pattern) : []) {
      element.append(text.slice(last, match.index));
      const mark = element.appendChild(document.createElement("mark"));
      mark.className = "highlighted"; // furo's colours for search matches
      mark.textContent = match[0];
      last = match.index + match[0].length;
    }
    element.append(text.slice(last));
  };

  const showResult = (result, pattern) => {
    const index = sphinx.index();
    const [docname, title, anchor, , score, , kind] = result;
    const item = document.createElement("li");
    item.classList.add(`kind-${kind}`);
    const link = item.appendChild(document.createElement("a"));
    link.href = pageUrl(docname) + anchor;
    link.dataset.score = score;
    appendMarked(link, title, pattern);
    const file = index.docnames.indexOf(docname);
    const text = index.portfolio?.texts[file] ?? "";
    const context = item.appendChild(document.createElement("p"));
    context.className = "context";
    // A page found by a tag alone (an index entry its text does not
    // repeat, such as a skill) says so first.
    const found = (haystack) => pattern && haystack.search(pattern) >= 0;
    if (!found(text)) {
      const tags = Object.entries(index.indexentries)
        .filter(([entry, hits]) => found(entry) && hits.some(([f]) => f === file))
        .map(([entry]) => entry);
      if (tags.length) appendMarked(context, `${_("Tagged")} ${tags.join(", ")}. `, pattern);
    }
    appendMarked(context, excerpt(text, pattern), pattern);
    Search.output.appendChild(item);
  };

  const quoted = (query) => `\u201c${query}\u201d`;

  const count = (n) =>
    n === 1 ? _("One page matches") : _("${n} pages match").replace("${n}", n);

  // Where to go when nothing matched: the pages listing every role and
  // every contribution.
  const showHelp = () => {
    const help = Search.status.insertAdjacentElement("afterend", document.createElement("p"));
    help.className = "search-help";
    help.append(_("Check the spelling or try fewer words."));
    const pages = sphinx.index().portfolio?.browse ?? [];
    if (!pages.length) return;
    help.append(" ", _("Or browse:"), " ");
    pages.forEach(([docname, title], n) => {
      if (n) help.append(n === pages.length - 1 ? _(" and ") : ", ");
      const link = help.appendChild(document.createElement("a"));
      link.href = pageUrl(docname);
      link.textContent = title;
    });
    help.append(".");
  };

  Search.performSearch = (query) => {
    const out = document.getElementById("search-results");
    Search.status = out.appendChild(document.createElement("p"));
    Search.status.className = "search-summary";
    Search.status.setAttribute("role", "status"); // read out when it changes
    Search.status.textContent = _("Searching…");
    Search.output = out.appendChild(document.createElement("ul"));
    Search.output.className = "search";
    Search.output.setAttribute("role", "list"); // Safari drops a styled list's role
    if (Search.hasIndex()) Search.query(query);
    else Search.deferQuery(query);
  };

  Search.query = (query) => {
    let results = find(query);
    let shown = query;
    const corrected = results.length ? null : correction(query);
    if (corrected) {
      results = find(corrected);
      shown = corrected;
    }
    const pattern = wordsPattern(shown);
    results.forEach((result) => showResult(result, pattern));
    if (!results.length) {
      Search.output.remove();
      Search.status.textContent = _("No page matches") + ` ${quoted(query)}.`;
      showHelp();
    } else if (shown !== query) {
      Search.status.textContent =
        _("No page matches") + ` ${quoted(query)}. ` +
        `${count(results.length)} ${quoted(shown)}` + _(", shown below.");
    } else Search.status.textContent = `${count(results.length)} ${quoted(query)}.`;
  };
})();
