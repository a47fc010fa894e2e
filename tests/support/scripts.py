"""Scripts the browser tests run in a page, and axe-core, which they load into it."""

from __future__ import annotations

from tools.build import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Every rule axe-core knows, experimental and best-practice ones included.
RUN_ALL_RULES = """async () => {
    const rules = axe.getRules().map(rule => rule.ruleId);
    const results = await axe.run(document, {runOnly: {type: "rule", values: rules}});
    return {rules: rules.length, violations: results.violations.map(v => ({
        rule: v.id,
        help: v.help,
        nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary),
    }))};
}"""


# Every element's computed style, and its ::before's and ::after's, less
# custom properties (pruned copies leave out those nothing reads). Scripts
# are left out: the pages differ in which they load, by design.
COMPUTED_STYLES = """() => Array.from(document.querySelectorAll("body *:not(script)"), (el) =>
  [el.tagName, el.className.baseVal ?? el.className].concat(
    [null, "::before", "::after"].map((pseudo) => {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && style.content === "none") return "";  // no box to paint
      return Array.from(style).filter((p) => !p.startsWith("--"))
        .map((p) => `${p}:${style.getPropertyValue(p)}`).join(";");
    })))"""
