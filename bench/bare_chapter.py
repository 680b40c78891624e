"""A bare streamlit page with the same widgets as one questionnaire chapter, but no content or database.

P2 compares the questionnaire's rerun with this page's rerun: the ratio is the cost of our own work.
"""

import streamlit as st

THEMES = 11  # the largest chapter (Algemeen directeur van de organisatie)
labels = ["1 · Nauwelijks", "2 · Matig", "3 · Redelijk", "4 · Goed", "5 · Sterk", "Niet van toepassing"]

st.session_state.setdefault("answered", 0)


def count() -> None:  # stands in for storing an answer, so the progress line changes like ours does
    st.session_state.answered += 1


st.title("Sessie")
st.progress(st.session_state.answered / 100, text=f"{st.session_state.answered} van 100 thema's beantwoord")
st.selectbox("Ga naar hoofdstuk", [f"{i}. Hoofdstuk" for i in range(19)], key="jump")
st.subheader("Stap 3 van 19 · Hoofdstuk")
st.caption("Deel — introductie van het hoofdstuk.  \nIn dit hoofdstuk 0 van 11 beantwoord.")
st.markdown("**Hoe goed beheers ik dit?** Uitleg bij de schaal.")
for n in range(THEMES):
    with st.container(border=True, key=f"theme_{n}"):
        st.markdown(f"#### {n}. Titel van het thema\n\nEen samenvatting van twee tot vier zinnen over waar het "
                    "thema over gaat en waarom het ertoe doet.")
        with st.expander("Kernpunten en stellingen"):
            st.markdown("**Kernpunten**\n\n- een\n- twee\n- drie\n\n**Stellingen**\n\n- Ik doe een.\n- Ik doe twee.")
        st.radio(f"Hoe goed beheers ik dit? — {n}", [1, 2, 3, 4, 5, "nvt"], horizontal=True, key=f"m_{n}", on_change=count,
                 index=None, format_func=lambda v: labels[5] if v == "nvt" else labels[v - 1])
        st.radio(f"Hoe belangrijk is dit nu voor mij? — {n}", [1, 2, 3], horizontal=True, key=f"i_{n}", index=None)
        with st.expander("Notitie (alleen voor jezelf)"):
            st.text_area(f"Notitie bij {n}", key=f"n_{n}", label_visibility="collapsed")
left, middle, right = st.columns(3)
left.button("← Vorig hoofdstuk")
right.button("Volgend hoofdstuk →", type="primary")
