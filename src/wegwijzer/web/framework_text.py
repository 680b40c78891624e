"""Dutch for the few texts Streamlit itself writes (labels for screen readers, hints, placeholders).

The page script ``web/page/dutch.js`` replaces them as they appear. Keys are the
framework's English, exactly or as a prefix; ``tests/browser`` fails on English left anywhere on a page.
"""

from __future__ import annotations

EXACT: dict[str, str] = {
    "App pages": "Pagina's",
    "Decrement": "Verlagen",
    "Increment": "Verhogen",
    "Open": "Openen",
    "Close": "Sluiten",
    "Clear all": "Alles wissen",
    "Clear value": "Wissen",
    "Choose an option": "Kies een optie",
    "Choose options": "Kies opties",
    "No results": "Geen resultaten",
    "Running...": "Bezig…",
    "Stop": "Stoppen",
    "Show password": "Wachtwoord tonen",
    "Hide password": "Wachtwoord verbergen",
    "Link to heading": "Link naar deze kop",
    "Copy to clipboard": "Kopiëren",
    "Main menu": "Menu",
    "Selected values": "Gekozen waarden",
    "Notifications": "Meldingen",
    "Navigate to home page": "Naar de startpagina",
    "Markdown content": "Tekst",
    "Sidebar": "Zijbalk",
    "Expand sidebar": "Zijbalk openen",
    "Collapse sidebar": "Zijbalk sluiten",
    "Stop script": "Stoppen",
    "Scroll tabs right": "Tabbladen naar rechts",
    "Scroll tabs left": "Tabbladen naar links",
    "Clear entry": "Wissen",
    "Copied": "Gekopieerd",
    "Copied!": "Gekopieerd",
    "Page not found": "Pagina niet gevonden",
    "The page that you have requested does not seem to exist. Running the app's main page.":
        "Deze pagina bestaat niet. Je ziet nu de startpagina.",
    "Failed to generate file for download":  # a download clicked after a logout (ui/downloads.py)
        "Dit bestand kon niet worden gemaakt. Ben je intussen uitgelogd? Laad de pagina opnieuw.",
    "Press Enter to apply": "Druk op Enter om te bewaren",
    "Press Enter to submit form": "Druk op Enter om te versturen",
    "Press ⌘+Enter to apply": "Druk op ⌘+Enter om te bewaren",
    "Press Ctrl+Enter to apply": "Druk op Ctrl+Enter om te bewaren",
    # client.showErrorDetails = "none": what Streamlit shows for an error no page caught
    "This app has encountered an error. The original error message is redacted to prevent data leaks. Full error "
    "details have been recorded in the logs (if you're on Streamlit Cloud, click on 'Manage app' in the lower "
    "right of your app).":
        "Er ging iets mis. Probeer het opnieuw; blijft het gebeuren, meld het dan aan de beheerder van Wegwijzer. "
        "Wat er misging, staat in het serverlog.",
}
PREFIX: dict[str, str] = {
    "Help for ": "Uitleg bij ",
    "Remove ": "Verwijder ",
}
