// The few texts Streamlit writes itself (labels for screen readers, hints, placeholders) are replaced by
// Dutch as they appear. The dictionaries come from wegwijzer/web/framework_text.py as window.__wegwijzerText.
(() => {
  const { exact, prefix } = window.__wegwijzerText;
  const prefixes = Object.entries(prefix);
  const dutch = (value) => {
    if (!value) return null;
    const key = value.trim();
    if (Object.prototype.hasOwnProperty.call(exact, key)) return value.replace(key, exact[key]);
    for (const [english, nl] of prefixes) if (key.startsWith(english)) return nl + key.slice(english.length);
    return null;
  };
  const ATTRIBUTES = ["aria-label", "title", "placeholder"];
  const fixElement = (el) => {
    for (const name of ATTRIBUTES) {
      const nl = dutch(el.getAttribute && el.getAttribute(name));
      if (nl !== null) el.setAttribute(name, nl);
    }
  };
  const fixTree = (root) => {
    if (root.nodeType === Node.TEXT_NODE) {
      const nl = dutch(root.nodeValue);
      if (nl !== null) root.nodeValue = nl;
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixElement(root);
    for (const el of root.querySelectorAll("[aria-label], [title], [placeholder]")) fixElement(el);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const nl = dutch(node.nodeValue);
      if (nl !== null) node.nodeValue = nl;
    }
  };
  const start = () => {
    fixTree(document.body);
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === "attributes") fixElement(m.target);
        else if (m.type === "characterData") fixTree(m.target);
        else m.addedNodes.forEach(fixTree);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true,
                                attributeFilter: ATTRIBUTES });
  };
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
