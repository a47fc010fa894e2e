"""Scripts the browser tests run in a page, and axe-core, which they load into it."""

from __future__ import annotations

from tools.build import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Where the test server (conftest's http_server) serves axe-core: outside the
# site's own paths, on its origin. A page loads it with add_axe.
AXE_PATH = "/_axe-core/axe.min.js"


def add_axe(page) -> None:
    """Load axe-core into the page from the test server, as a <script src>:
    Chromium compiles a script it fetched once per tab and keeps the code,
    where a script's text pasted into each page (add_script_tag(path=...))
    is compiled again on every page, in more than twice the time."""
    page.add_script_tag(url=AXE_PATH)

# Every rule axe-core knows, experimental and best-practice ones included.
# Only violations are read: axe details every node of them and skips the
# selectors of the nodes that pass (its documented resultTypes option).
RUN_ALL_RULES = """async () => {
    const rules = axe.getRules().map(rule => rule.ruleId);
    const results = await axe.run(document, {runOnly: {type: "rule", values: rules},
                                             resultTypes: ["violations"]});
    return {rules: rules.length, violations: results.violations.map(v => ({
        rule: v.id,
        help: v.help,
        nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary),
    }))};
}"""


# Every element's computed style, and its ::before's and ::after's, less
# custom properties (pruned copies leave out those nothing reads). Scripts
# are left out: the pages differ in which they load, by design. Each element
# comes back as its tag, its class and a 53-bit hash (cyrb53) of those
# styles, hashed in the page: a look returns kilobytes, not the megabytes of
# every property's value, which Chromium, Playwright and Python would each
# have to copy and parse. Every computed style lists the same properties
# (every longhand Chromium knows, then the custom ones), so their names are
# read once, from the root element, and go into every hash: reading them
# back by index (style[i]) for each element took most of a look's time.
COMPUTED_STYLES = """() => {
  const hash = (text) => {
    let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  };
  const names = Array.from(getComputedStyle(document.documentElement))
    .filter((name) => !name.startsWith("--"));
  const named = `${hash(names.join(","))}|`;
  return Array.from(document.querySelectorAll("body *:not(script)"), (el) => {
    let styles = named;
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      if (!pseudo || style.content !== "none") {  // else no box to paint
        styles += names.map((name) => style.getPropertyValue(name)).join(";");
      }
      styles += "|";
    }
    return [el.tagName, el.className.baseVal ?? el.className, hash(styles)];
  });
}"""
