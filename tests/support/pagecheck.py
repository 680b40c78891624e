"""Checks every page must pass in a real browser: accessible (axe-core), Dutch, nothing cut off."""

from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Framework markup we cannot change, by rule id and selector, each with why. (The sidebar's list/listitem
# markup is gone with the navigation at the top; nothing is allowed at the moment.)
ALLOWED: dict[str, str] = {}

# English a reader could meet on a page: visible text, or what a screen reader says (aria-label, title,
# placeholder). Words that are Dutch too ("Open", "Stop", "Start") are left out.
ENGLISH = re.compile(
    r"\b(Upload|Browse files|Drag and drop|per file|Limit \d|Error|Link to heading|Running|Press Enter|Press ⌘|"
    r"Choose an option|Choose options|Choose File|No file chosen|No results|Clear all|Help for|App pages|"
    r"Increment|Decrement|Search|Download as CSV|Fullscreen|Copy|Ask Google|Ask ChatGPT|Page not found|"
    r"Show password|Hide password|Add row|Delete row|Made with|Deploy|Settings|Rerun|Submit|Select all|"
    r"Main menu|Remove|Selected values|Notifications|Navigate to|Markdown content|Scroll tabs|Expand sidebar|"
    r"Collapse sidebar|Stop script|Clear)\b")

_TEXTS = """() => {
  const out = [document.querySelector('[data-testid=stMain]')?.innerText || document.body.innerText];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const a of ['aria-label', 'title', 'placeholder']) { const v = el.getAttribute(a); if (v) out.push(v); }
  }
  return out.join('\\n');
}"""

_CUT_OFF = """() => {
  const cut = [];
  const main = document.querySelector('[data-testid=stMain]');
  if (main && main.scrollWidth > main.clientWidth + 1) cut.push('the page scrolls sideways');
  for (const el of document.querySelectorAll('[data-testid=stMain] *')) {
    const style = getComputedStyle(el);
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && el.innerText.trim())
      cut.push('cut off: ' + el.innerText.trim().slice(0, 60));
  }
  for (const svg of document.querySelectorAll('.js-plotly-plot svg.main-svg:first-of-type')) {
    const box = svg.getBoundingClientRect();
    for (const t of svg.parentElement.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (!t.textContent.trim() || r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1)
        cut.push('chart label outside its chart: ' + t.textContent.trim().slice(0, 40));
    }
  }
  return cut;
}"""


def axe_violations(page) -> list[str]:
    """Every WCAG 2.1 AA (and best-practice) violation axe-core finds, minus the allowed framework ones."""
    page.evaluate(AXE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           AXE_TAGS)
    found = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            if any(violation["id"] == rule and selector in target for rule, selector in ALLOWED.items()):
                continue
            found.append(f"{violation['id']}: {target} — {violation['help']}")
    return found


def english(page) -> list[str]:
    return sorted(set(ENGLISH.findall(page.evaluate(_TEXTS))))


def cut_off(page) -> list[str]:
    return page.evaluate(_CUT_OFF)


def problems(page) -> dict[str, list[str]]:
    """All three checks at once, only those that found something."""
    found = {"axe": axe_violations(page), "english": english(page), "cut off": cut_off(page)}
    return {k: v for k, v in found.items() if v}
