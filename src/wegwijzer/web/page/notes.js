// Keeps what is typed in the questionnaire's note fields, even when the tab is closed or reloaded right after
// typing. Streamlit's text area sends its value only when the field loses focus; this sends the text itself,
// through the /notitie route (web/notes.py stores it through the service), a moment after typing stops and
// when the page is hidden or closed (navigator.sendBeacon survives the closing tab). A note field is found by
// its widget key, n_<session>_<theme> (ui/theme_card.py).
(() => {
  const PAUSE_MS = 1200;
  const pending = new Map();  // "session/theme" -> text typed but not yet sent
  let timer = null;
  const noteOf = (el) => {
    const box = el.closest('[class*="st-key-n_"]');
    const match = box && box.className.match(/st-key-n_(\d+)_(\d+)/);
    return match && { session: match[1], theme: match[2] };
  };
  const send = () => {
    clearTimeout(timer);
    for (const [id, text] of pending) {
      const [session, theme] = id.split("/");
      const body = new URLSearchParams({ sessie: session, thema: theme, tekst: text });
      if (navigator.sendBeacon("notitie", body)) pending.delete(id);
    }
  };
  document.addEventListener("input", (event) => {
    if (event.target.tagName !== "TEXTAREA") return;
    const note = noteOf(event.target);
    if (note === null) return;
    pending.set(`${note.session}/${note.theme}`, event.target.value);
    clearTimeout(timer);
    timer = setTimeout(send, PAUSE_MS);
  }, true);
  window.addEventListener("pagehide", send);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") send(); });
})();
