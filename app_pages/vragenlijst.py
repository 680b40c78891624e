"""The questionnaire: one chapter per screen; every change is stored at once."""

import streamlit as st

from ui.callbacks import PAGE
from ui.context import library, service
from ui.navigation import PAGES
from ui.session import no_session_notice, session_from_query, session_title
from ui.theme_card import theme_card
from ui.widgets import show_problem
from wegwijzer.domain.questionnaire import choose_step, step_progress
from wegwijzer.domain.records import Answer
from wegwijzer.domain.scales import MASTERY, NOT_APPLICABLE_LABEL

lib, svc = library(), service()
record = session_from_query()
if record is None:
    no_session_notice()
sid = record.id
scale = MASTERY[record.perspective]
answers = svc.sessions.answers(sid)
show_problem(PAGE)
locked = record.status == "afgerond"
steps = step_progress(lib, record, answers)
keys = [s.key for s in steps]
step_key = f"step_{sid}"


def go_to(step: str) -> None:
    st.session_state[step_key] = step
    st.query_params["hoofdstuk"] = step


def jump(widget_key: str) -> None:
    if st.session_state.get(widget_key) in keys:
        go_to(st.session_state[widget_key])


current = choose_step(steps, requested=st.query_params.get("hoofdstuk"), remembered=st.session_state.get(step_key))
st.session_state[step_key] = current  # stay on this chapter while it fills up
index = keys.index(current)
chapter = lib.chapters[current]

st.title(session_title(record))
answered = sum(s.done for s in steps)
st.progress(answered / len(record.themes), text=f"{answered} van {len(record.themes)} thema's beantwoord")
top_left, top_right = st.columns([3, 1], vertical_alignment="bottom")
jump_key = f"jump_{sid}_{current}"
# fixed labels: streamlit matches a selectbox's value by its label, so live counts would break it
top_left.selectbox("Ga naar hoofdstuk", keys, index=index, key=jump_key, on_change=jump, args=(jump_key,),
                   format_func=lambda k: f"{keys.index(k) + 1}. {lib.chapters[k].title}")
top_right.page_link(PAGES["dashboard"], label="Naar het dashboard", icon=":material/insights:",
                    query_params={"sessie": sid})
if locked:
    st.info("Deze sessie is afgerond. Je kunt je antwoorden bekijken; heropen de sessie om ze te wijzigen.")
    if st.button("Sessie heropenen", icon=":material/lock_open:"):
        svc.sessions.set_status(sid, "open")
        st.rerun()

st.subheader(f"Stap {index + 1} van {len(steps)} · {chapter.title}")
still_open = [str(i + 1) for i, s in enumerate(steps) if not s.complete]
st.caption(f"{lib.part_of_chapter[current].title} — {chapter.intro}  \n"
           f"In dit hoofdstuk {steps[index].done} van {steps[index].total} beantwoord. "
           + (f"Nog open: hoofdstuk {', '.join(still_open)}." if still_open else "Alle hoofdstukken zijn ingevuld."))
st.markdown(f"**{scale.question}** {scale.help} Kies *{NOT_APPLICABLE_LABEL.lower()}* als een thema in jouw "
            "situatie niet speelt; het telt dan niet mee in je scores.")

in_session = set(record.themes)
for number in chapter.numbers:
    if number in in_session:
        theme_card(sid, lib.theme(number), answers.get(number, Answer(number)), scale, locked=locked)

left, _, right = st.columns(3)
if index > 0:
    left.button("← Vorig hoofdstuk", on_click=go_to, args=(keys[index - 1],), width="stretch")
if index < len(keys) - 1:
    right.button("Volgend hoofdstuk →", on_click=go_to, args=(keys[index + 1],), type="primary", width="stretch")
elif not locked and right.button("Sessie afronden", type="primary", icon=":material/check:", width="stretch"):
    svc.sessions.set_status(sid, "afgerond")
    st.switch_page(PAGES["dashboard"], query_params={"sessie": sid})
