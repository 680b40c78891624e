"""Start: what Wegwijzer is, your sessions (resume, dashboard), and a new session."""

import streamlit as st

from ui import account_events
from ui.context import library, server_mode, service
from ui.navigation import PAGES
from ui.session import session_title
from wegwijzer import text
from wegwijzer.domain.plan import earlier_open
from wegwijzer.domain.scales import PERSPECTIVE_LABELS
from wegwijzer.domain.scopes import SCOPE_LABELS, ScopeError, resolve_scope
from wegwijzer.text import plain

lib = library()
svc = service()

st.title("Wegwijzer voor de gemeentesecretaris")
if server_mode() and svc.actor.signed_in:
    account_events.show(svc, recent_only=True)
st.markdown(
    "Sta stil bij je vak aan de hand van de **100 thema's** uit de *Wegwijzer voor de Gemeentesecretaris*. "
    "Geef per thema aan hoe goed je het beheerst en hoe belangrijk het nu voor je is, en zie je profiel "
    "over de rollen van het vak. "
    + ("Alles wat je invult, wordt meteen bewaard in je account. Niemand ziet het, tenzij jij een sessie deelt "
       "met een intervisiegroep of een coach toegang geeft." if server_mode() else
       "Alles wat je invult, wordt meteen bewaard op deze computer.")
)

sessions = svc.sessions.mine()
st.header("Mijn sessies")
if not sessions:
    st.caption("Je hebt nog geen sessies. Begin hieronder je eerste.")
for record in sessions:
    with st.container(border=True):
        status = "Afgerond" if record.status == "afgerond" else "Bezig"
        st.markdown(f"**{plain(session_title(record))}**  \n"
                    f"{SCOPE_LABELS[record.scope_kind]} · {PERSPECTIVE_LABELS[record.perspective]} · "
                    f"gestart {text.date(record.created_at)}")
        with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
            st.progress(record.progress, text=f"{status}: {record.answered} van {text.themes(len(record.themes))}",
                        width=260)
            st.page_link(PAGES["vragenlijst"], label="Verder" if record.status == "open" else "Bekijk antwoorden",
                         icon=":material/edit_note:", query_params={"sessie": record.id})
            st.page_link(PAGES["dashboard"], label="Dashboard", icon=":material/insights:",
                         query_params={"sessie": record.id})

st.header("Nieuwe sessie")
scope_kind = st.radio("Welke thema's wil je doorlopen?", list(SCOPE_LABELS), format_func=SCOPE_LABELS.get,
                      horizontal=True, key="new_scope")
scope_key, selection = "", []
if scope_kind == "quickscan":
    st.caption(lib.structure.quick_scan_reason)
elif scope_kind == "deel":
    parts = {p.key: p.title for p in lib.structure.parts}
    scope_key = st.selectbox("Deel", list(parts), format_func=parts.get, key="new_part")
elif scope_kind == "hoofdstuk":
    chapters = {c.key: f"{i}. {c.title} ({c.first}–{c.last})" for i, c in enumerate(lib.structure.chapters, 1)}
    scope_key = st.selectbox("Hoofdstuk", list(chapters), format_func=chapters.get, key="new_chapter")
elif scope_kind == "eigen":
    selection = st.multiselect("Kies de thema's", [t.number for t in lib.themes],
                               format_func=lambda n: f"{n}. {lib.theme(n).title}", key="new_selection",
                               placeholder="Typ een titel of nummer")

with st.form("new_session", border=False):
    perspective = st.radio("Vanuit welk perspectief kijk je?", list(PERSPECTIVE_LABELS),
                           format_func=PERSPECTIVE_LABELS.get, horizontal=True,
                           help="Dit bepaalt de formulering van de schaal, bijvoorbeeld 'Hoe goed ben ik hierop voorbereid?' voor aspiranten.")
    label = st.text_input("Naam van de sessie (optioneel)", max_chars=120, placeholder="Reflectie voorjaar 2027")
    submitted = st.form_submit_button("Sessie starten", type="primary")

if submitted:
    try:
        themes = resolve_scope(lib, scope_kind, scope_key, selection)
    except ScopeError as exc:
        st.error(str(exc))
    else:
        new_id = svc.sessions.create(label=label.strip(), scope_kind=scope_kind, scope_key=scope_key or "",
                                   perspective=perspective, themes=themes)
        st.session_state.active_session = new_id
        # with open actions from earlier sessions, the new session begins by looking back on them
        first = "hoe_ging_het" if earlier_open(svc.plan.mine(), new_id) else "vragenlijst"
        st.switch_page(PAGES[first], query_params={"sessie": new_id})
