// A Dutch file picker for small text files (a JSON export): the file is read in the browser and its text
// sent to the page. Streamlit's own uploader speaks English ("Browse files", "200MB per file").
export default function (component) {
  const { data, setStateValue, parentElement } = component;
  if (parentElement.querySelector("input")) return;
  // the browser's own button would speak the browser's language ("Choose File"): it stays for the keyboard and
  // screen readers, but what is seen is our label, styled as a button, and our own line about the choice
  const id = "file-" + data.name;
  const caption = document.createElement("p");
  caption.className = "ww-file-caption";
  caption.textContent = data.label;
  const input = document.createElement("input");
  input.type = "file";
  input.id = id;
  input.accept = data.accept;
  input.className = "ww-file";
  input.setAttribute("aria-label", data.label);
  const button = document.createElement("label");
  button.htmlFor = id;
  button.className = "ww-file-button";
  button.textContent = "Bestand kiezen";
  const status = document.createElement("p");
  status.className = "ww-file-status";
  status.setAttribute("aria-live", "polite");
  status.textContent = "Nog geen bestand gekozen.";
  parentElement.append(caption, input, button, status);
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    if (file.size > data.max_bytes) {
      status.textContent = data.too_big;
      setStateValue("file", { name: file.name, size: file.size, text: null });
      return;
    }
    status.textContent = "Gekozen: " + file.name;
    setStateValue("file", { name: file.name, size: file.size, text: await file.text() });
  });
}
