// After a change of questionnaire step: go to the top of the page and put the focus on the step's heading
// (id "stap", app_pages/vragenlijst.py), so a keyboard or screen-reader user starts at the first theme
// instead of at the bottom of the old step. The first step shown after loading the page is left alone.
(() => {
  let shown;  // "<address>|<heading text>" of the step last seen
  const check = () => {
    const heading = document.getElementById("stap");
    if (!heading) return;
    const step = `${location.pathname}${location.search}|${heading.textContent}`;
    if (step === shown) return;
    const first = shown === undefined;
    shown = step;
    if (first) return;
    const main = document.querySelector('[data-testid="stMain"]');
    if (main) main.scrollTo({ top: 0 });
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  };
  const start = () => new MutationObserver(check).observe(document.body, { subtree: true, childList: true,
                                                                          characterData: true });
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
