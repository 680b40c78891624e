"""One theme: summary, key points, statements, reflection questions, related themes."""

import streamlit as st

from ui.context import library
from ui.navigation import PAGES
from wegwijzer import text

lib = library()
try:
    number = int(st.query_params.get("nr", "1"))
    theme = lib.theme(number)
except (ValueError, KeyError):
    st.error("Dit thema bestaat niet. Kies een thema uit de lijst.")
    st.page_link(PAGES["bibliotheek"], label="Naar alle thema's", icon=":material/menu_book:")
    st.stop()

chapter = lib.chapter_of(theme)
st.page_link(PAGES["bibliotheek"], label="Alle thema's", icon=":material/arrow_back:")
st.title(f"{theme.number}. {theme.title}")
st.caption(f"{lib.part_of(theme).title} › {chapter.title}" + (" · speelt alleen in bepaalde situaties" if theme.situational else ""))
st.markdown(f"**{theme.summary}**")
if theme.body:
    st.markdown(theme.body)

left, right = st.columns(2)
with left:
    st.header("Kernpunten")
    st.markdown("\n".join(f"- {p}" for p in theme.key_points))
    st.header("Stellingen")
    st.markdown("\n".join(f"- {s}" for s in theme.statements))
with right:
    st.header("Reflectievragen")
    st.markdown("\n".join(f"- {q}" for q in theme.reflection_questions))
    st.header("Rollen")
    st.markdown("\n".join(f"- {lib.roles[k].name}: {text.number(w)}" for k, w in theme.roles.items()))
    st.caption(theme.roles_reason)
    if theme.related:
        st.header("Verwante thema's")
        for n in theme.related:
            st.page_link(PAGES["thema"], label=f"{n}. {lib.theme(n).title}", query_params={"nr": n})

with st.container(horizontal=True, horizontal_alignment="distribute", gap="medium"):
    if number > 1:
        st.page_link(PAGES["thema"], label=f"← {number - 1}. {lib.theme(number - 1).title}",
                     query_params={"nr": number - 1})
    if number < len(lib.themes):
        st.page_link(PAGES["thema"], label=f"{number + 1}. {lib.theme(number + 1).title} →",
                     query_params={"nr": number + 1})
