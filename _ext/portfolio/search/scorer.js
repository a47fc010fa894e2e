/* The portfolio's search ranking: Sphinx's documented hook, html_search_scorer
 * (_ext/portfolio/search/page.py sets it). Sphinx inlines this file into
 * language_data.js; this Scorer replaces searchtools.js's default, which has
 * the same weights and no score function, and searchtools.js passes every
 * result it finds through Scorer.score.
 *
 * A reader who types a topic wants the work first: a work page whose title
 * holds every word of the query (or a page the query names: every word of
 * its title typed, "skills"), then the role and contribution pages, then
 * the pages that gather them (the landing page, skills, the PEPs, indices):
 * "Python" is a topic, not the name of "Python Enhancement Proposals".
 * Within each group, Sphinx's own score decides. */

var Scorer = {
  // Sphinx's weights, as searchtools.js defines them.
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,

  // The query being scored: set by search.js, which may also run a
  // corrected one; else the page's own.
  query: null,
  // Each group's score is above any score of the groups below it. Sphinx
  // leaves numbers out of its index and finds "PEP 8001" on every page that
  // says "PEP": a page without a number the reader typed scores below zero,
  // and search.js leaves it out.
  group: { titleMatch: 2000, work: 1000, aggregate: 0, missingNumber: -1000 },

  words: (text) =>
    splitQuery(text.toLowerCase()).filter((word) => !stopwords.has(word)),

  // Whether the page has a main index entry for the query (searchtools.js's
  // rule: the entry holds the query and is at most twice as long): the page
  // is about it (an employer, a PEP). Other entries are tags.
  mainEntry: (file, query) =>
    Object.entries(Search._index.indexentries).some(
      ([entry, hits]) =>
        entry.includes(query) && query.length >= entry.length / 2
        && hits.some(([f, _id, main]) => f === file && main),
    ),

  // result: [docname, title, anchor, descr, score, filename, kind]
  score: ([docname, _title, _anchor, _descr, score, _filename, kind]) => {
    const index = Search._index;
    const file = index.docnames.indexOf(docname);
    const typed = (
      Scorer.query ?? new URLSearchParams(location.search).get("q") ?? ""
    ).toLowerCase().trim();
    const query = Scorer.words(typed);
    const title = Scorer.words(index.titles[file]);
    const text = (index.portfolio?.texts[file] ?? "").toLowerCase().replace(/\s+/g, " ");
    const says = (number) => new RegExp(`(?<!\\d)${number}(?!\\d)`).test(`${text} ${title.join(" ")}`);
    const work = index.portfolio?.work.includes(file);
    let group = Scorer.group.aggregate;
    if (!query.filter((q) => /^\d+$/.test(q)).every(says)) group = Scorer.group.missingNumber;
    else if (query.length && query.every((q) => title.some((t) => t.startsWith(q)))
             && (work || title.every((t) => query.some((q) => t.startsWith(q)))))
      group = Scorer.group.titleMatch;
    else if (work) group = Scorer.group.work;
    // Sphinx scores index entries up to 100, titles up to 16: a main entry
    // counts as much as the title, a tag as much as a word of the text.
    let relevance = score;
    if (kind === "index")
      relevance = (score * (Scorer.mainEntry(file, typed) ? Scorer.title : Scorer.term)) / 100;
    // The words as typed, together, in what the page says: the best evidence
    // (Sphinx matches each word's stem alone, and ignores numbers).
    if (text.includes(typed.replace(/\s+/g, " "))) relevance += Scorer.title;
    return group + relevance;
  },
};
