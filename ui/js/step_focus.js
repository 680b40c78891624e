// After a change of questionnaire step: go to the top of the page and put the focus on the step's heading,
// so a keyboard or screen-reader user starts at the first theme instead of at the bottom of the old step.
export default function (component) {
  const { data } = component;
  if (window.__wegwijzerStep === data.step) return;
  const first = window.__wegwijzerStep === undefined;
  window.__wegwijzerStep = data.step;
  const heading = document.getElementById(data.anchor);
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) main.scrollTo({ top: 0 });
  if (heading && !first) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
}
