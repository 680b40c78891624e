"""The questionnaire: one step (a chapter, or a few short ones) per screen; every change is stored at once."""

import streamlit as st

from ui.callbacks import PAGE
from ui.context import library, service
from ui.navigation import PAGES, page_title
from ui.plan import looked_back_key, waiting
from ui.session import no_session_notice, session_from_query, session_title
from ui.theme_card import theme_card
from ui.widgets import show_problem
from wegwijzer import text
from wegwijzer.domain import plan
from wegwijzer.domain.questionnaire import choose_step, step_progress
from wegwijzer.domain.records import Answer
from wegwijzer.domain.scales import MASTERY, NOT_APPLICABLE_LABEL
from wegwijzer.text import plain

STEP_ANCHOR = "stap"  # wegwijzer/web/page/step.js focuses this heading after a change of step

lib, svc = library(), service()
record = session_from_query()
if record is None:
    no_session_notice()
sid = record.id
scale = MASTERY[record.perspective]
answers = svc.sessions.answers(sid)
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


def step_label(key: str) -> str:
    step = steps[keys.index(key)].step
    return f"{keys.index(key) + 1}. " + " · ".join(lib.chapters[c].title for c in step.chapters)


current = choose_step(steps, requested=st.query_params.get("hoofdstuk"), remembered=st.session_state.get(step_key))
st.session_state[step_key] = current  # stay on this step while it fills up
index = keys.index(current)
progress = steps[index]
page_title(f"Vragenlijst · {session_title(record)}")

st.title(plain(session_title(record)))
show_problem(PAGE)
answered = sum(s.done for s in steps)
st.progress(answered / len(record.themes), text=f"{answered} van {text.themes(len(record.themes))} beantwoord")
with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
    jump_key = f"jump_{sid}_{current}"
    # fixed labels: streamlit matches a selectbox's value by its label, so live counts would break it
    st.selectbox("Ga naar stap", keys, index=index, key=jump_key, on_change=jump, args=(jump_key,),
                 format_func=step_label, width=520)
    st.page_link(PAGES["dashboard"], label="Naar het dashboard", icon=":material/insights:",
                 query_params={"sessie": sid})
if not locked and not answered and not st.session_state.get(looked_back_key(sid)):
    still_open = plan.earlier_open(svc.plan.mine(), sid)
    if still_open:
        with st.container(border=True):
            st.markdown(f"Je hebt nog {waiting(len(still_open))}. Kijk eerst even terug?")
            st.page_link(PAGES["hoe_ging_het"], label="Hoe ging het?", icon=":material/history:",
                         query_params={"sessie": sid})
if locked:
    st.info("Deze sessie is afgerond. Je ziet je antwoorden; heropen de sessie om ze te wijzigen.")
    if st.button("Sessie heropenen", icon=":material/lock_open:"):
        svc.sessions.set_status(sid, "open")
        st.rerun()

st.header(f"Stap {index + 1} van {len(steps)}", anchor=STEP_ANCHOR)
still_open = [str(i + 1) for i, s in enumerate(steps) if not s.complete]
st.caption(f"Beantwoord op dit scherm: {progress.done} van {progress.total}. "
           + (f"Nog open: stap {', '.join(still_open)}." if still_open else "Alle stappen zijn ingevuld."))
if not locked:
    st.markdown(f"**{scale.question}** {scale.help} Kies *{NOT_APPLICABLE_LABEL.lower()}* als een thema in jouw "
                "situatie niet speelt; het telt dan niet mee in je scores.")

in_step = set(progress.step.numbers)
for chapter_key in progress.step.chapters:
    chapter = lib.chapters[chapter_key]
    st.subheader(chapter.title, anchor=False)
    st.caption(f"{lib.part_of_chapter[chapter_key].title} — {chapter.intro}")
    for number in chapter.numbers:
        if number in in_step:
            theme_card(sid, lib.theme(number), answers.get(number, Answer(number)), scale, locked=locked)

left, right = st.columns(2)
if index > 0:
    left.button("← Vorige stap", on_click=go_to, args=(keys[index - 1],), width="stretch")
if index < len(keys) - 1:
    right.button("Volgende stap →", on_click=go_to, args=(keys[index + 1],), type="primary", width="stretch")
elif not locked and right.button("Sessie afronden", type="primary", icon=":material/check:", width="stretch"):
    svc.sessions.set_status(sid, "afgerond")
    st.switch_page(PAGES["dashboard"], query_params={"sessie": sid})
