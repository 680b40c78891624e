"""The theme library: browse by part, chapter and role; search titles and text."""

import streamlit as st

from ui.context import library
from ui.navigation import PAGES
from wegwijzer import text
from wegwijzer.content.search import filter_themes

lib = library()
st.title("De 100 thema's")
st.markdown("Blader door de thema's van de Wegwijzer, per deel, hoofdstuk of rol, of zoek op een woord.")

parts = {"": "Alle delen"} | {p.key: p.title for p in lib.structure.parts}
roles = {"": "Alle rollen"} | {r.key: r.name for r in lib.structure.roles}
c1, c2, c3, c4 = st.columns([2, 2, 2, 3])
part = c1.selectbox("Deel", list(parts), format_func=parts.get, key="lib_part")
chapter_options = {"": "Alle hoofdstukken"} | {c.key: c.title for p in lib.structure.parts if not part or p.key == part
                                                 for c in p.chapters}
chapter = c2.selectbox("Hoofdstuk", list(chapter_options), format_func=chapter_options.get, key="lib_chapter")
role = c3.selectbox("Rol", list(roles), format_func=roles.get, key="lib_role",
                    help="Thema's die voor deze rol meewegen, zwaarste eerst.")
query = c4.text_input("Zoeken", key="lib_query", placeholder="bijvoorbeeld: griffier, integriteit, begroting")

found = filter_themes(lib, part=part, chapter=chapter if chapter in chapter_options else "", role=role, query=query)
st.caption(text.themes(len(found)))
current_chapter = None
for theme in found:
    if not role and theme.chapter != current_chapter:
        current_chapter = theme.chapter
        st.header(lib.chapters[current_chapter].title)
    with st.container(border=True):
        st.page_link(PAGES["thema"], label=f"**{theme.number}. {theme.title}**", query_params={"nr": theme.number})
        weights = ", ".join(f"{lib.roles[k].short} {text.number(w)}" for k, w in theme.roles.items())
        st.caption(f"{lib.chapters[theme.chapter].title} · {weights}" + (" · situationeel" if theme.situational else ""))
        st.markdown(theme.summary)
