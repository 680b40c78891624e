"""A bare questionnaire: the same widgets per step as ours, but no content, no database and no work of ours.

The steps have the sizes of our 18 steps for a full session (tests/unit/test_bench.py keeps them equal), and
every step has its own widgets, as ours do, so a step change replaces the whole card list in the browser.
``?stap=N`` opens step N. P2, P3 and B2/B3 divide our times by this page's times in the same run.
"""

import streamlit as st

STEP_SIZES = [7, 9, 11, 6, 7, 5, 3, 7, 8, 5, 5, 3, 5, 5, 6, 3, 2, 3]
LABELS = ["1 · Nauwelijks", "2 · Matig", "3 · Redelijk", "4 · Goed", "5 · Sterk", "Niet van toepassing"]
FILLER = ("De secretaris werkt tussen bestuur en organisatie en zoekt daarin steeds een eigen weg, met oog voor "
          "mensen, regels en de tijd die een besluit nodig heeft. ") * 4


def text(length: int) -> str:
    """Filler of the average length of our texts of that kind, so the browser lays out as much text as ours."""
    return FILLER[:length].rsplit(" ", 1)[0] + "."


# the average lengths in our theme files (title, summary, key point, statement, chapter introduction)
TITLE, SUMMARY, KEY_POINT, STATEMENT, INTRO = text(30), text(330), text(175), text(90), text(175)

if "step" not in st.session_state:
    st.session_state.step = min(max(int(st.query_params.get("stap", 1)), 1), len(STEP_SIZES))
st.session_state.setdefault("answered", 0)
step = st.session_state.step


def count() -> None:  # stands in for storing an answer, so the progress line changes like ours does
    st.session_state.answered += 1


def move(by: int) -> None:
    st.session_state.step = min(max(st.session_state.step + by, 1), len(STEP_SIZES))


st.title("Sessie")
st.progress(st.session_state.answered / 100, text=f"{st.session_state.answered} van 100 thema's beantwoord")
st.selectbox("Ga naar stap", [f"{i}. Hoofdstuk" for i in range(1, len(STEP_SIZES) + 1)], key="jump")
st.header(f"Stap {step} van {len(STEP_SIZES)}", anchor="stap")
st.caption(f"In deze stap 0 van {STEP_SIZES[step - 1]} beantwoord.")
st.subheader("Hoofdstuk", anchor=False)
st.caption(f"Deel — {INTRO}")
st.markdown("**Hoe goed beheers ik dit?** Uitleg bij de schaal.")
for n in range(STEP_SIZES[step - 1]):
    with st.container(border=True, key=f"theme_{step}_{n}"):
        st.markdown(f"#### {n}. {TITLE}\n\n{SUMMARY}")
        with st.expander("Kernpunten en stellingen"):
            st.markdown("**Kernpunten**\n\n" + "\n".join(f"- {KEY_POINT}" for _ in range(5))
                        + "\n\n**Stellingen**\n\n" + "\n".join(f"- {STATEMENT}" for _ in range(4)))
        st.radio(f"Hoe goed beheers ik dit? — {step}.{n}", [1, 2, 3, 4, 5, "nvt"], horizontal=True, key=f"m_{step}_{n}",
                 on_change=count, index=None, format_func=lambda v: LABELS[5] if v == "nvt" else LABELS[v - 1])
        st.radio(f"Hoe belangrijk is dit nu voor mij? — {step}.{n}", [1, 2, 3], horizontal=True, key=f"i_{step}_{n}",
                 index=None)
        with st.expander("Notitie (alleen voor jezelf)"):
            st.text_area(f"Notitie bij {step}.{n}", key=f"n_{step}_{n}", label_visibility="collapsed")
left, right = st.columns(2)
left.button("← Vorige stap", on_click=move, args=(-1,), disabled=step == 1)
if step < len(STEP_SIZES):
    right.button("Volgende stap →", type="primary", on_click=move, args=(1,))
elif right.button("Sessie afronden", type="primary"):
    st.switch_page("dashboard.py")
