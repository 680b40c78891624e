// The page is Dutch: screen readers pronounce it as Dutch and the browser offers no translation.
// (server.py already serves index.html with lang="nl"; this covers `streamlit run app.py`.)
export default function () {
  document.documentElement.lang = "nl";
}
