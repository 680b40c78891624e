// A note field that keeps what is typed even when the tab is closed right after typing.
// Streamlit's own text area sends its value only on blur. This one sends it after a short pause in typing
// (setStateValue: the normal rerun, through the service), and when the page is hidden or closed it sends
// the last text with navigator.sendBeacon to the /notitie route, which stores it through the same service.
const PAUSE_MS = 600;

export default function (component) {
  const { data, setStateValue, parentElement } = component;
  let field = parentElement.querySelector("textarea");
  if (!field) {
    const id = "note-" + data.session + "-" + data.theme;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.className = "ww-note-label";
    label.textContent = data.label;
    field = document.createElement("textarea");
    field.id = id;
    field.rows = 4;
    field.maxLength = data.max;
    field.placeholder = data.placeholder;
    field.className = "ww-note";
    field.value = data.text;
    field.dataset.sent = data.text;
    const status = document.createElement("p");
    status.className = "ww-note-status";
    status.setAttribute("aria-live", "polite");
    parentElement.append(label, field, status);

    let timer = null;
    const send = () => {
      clearTimeout(timer);
      if (field.value === field.dataset.sent) return;
      field.dataset.sent = field.value;
      setStateValue("text", field.value);
      status.textContent = "Bewaard.";
    };
    const beacon = () => {
      if (field.value === field.dataset.sent) return;
      const body = new URLSearchParams({ sessie: data.session, thema: data.theme, tekst: field.value });
      if (navigator.sendBeacon(data.route, body)) field.dataset.sent = field.value;
    };
    field.addEventListener("input", () => {
      status.textContent = "";
      clearTimeout(timer);
      timer = setTimeout(send, PAUSE_MS);
    });
    field.addEventListener("blur", send);
    window.addEventListener("pagehide", beacon);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") beacon(); });
    field.disabled = !!data.locked;
  } else if (document.activeElement !== field && field.dataset.sent !== data.text && field.value === field.dataset.sent) {
    // stored elsewhere (another tab): show the stored text when nobody is typing here
    field.value = data.text;
    field.dataset.sent = data.text;
  }
  field.disabled = !!data.locked;
}
