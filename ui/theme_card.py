"""The widgets for one theme in the questionnaire; every change is written to the database at once."""

from __future__ import annotations

import streamlit as st

from ui.callbacks import run
from ui.widgets import show_problem
from wegwijzer.content.models import Theme
from wegwijzer.domain.records import Answer
from wegwijzer.domain.scales import IMPORTANCE_LABELS, IMPORTANCE_QUESTION, NOT_APPLICABLE_LABEL, MasteryScale
from wegwijzer.errors import DutchMessage
from wegwijzer.service import Service
from wegwijzer.text import plain

NVT = "nvt"
MASTERY_OPTIONS = [1, 2, 3, 4, 5, NVT]
SITUATIONAL_NOTE = ("\n\n*Dit thema speelt alleen in bepaalde situaties; niet van toepassing is hier een "
                    "gewoon antwoord.*")


def store_change(svc: Service, session_id: int, theme: int, field: str, key: str) -> None:
    """Write the one changed value (read from the widget's state) to the database."""
    value = st.session_state[key]
    if field == "mastery":
        changes = {"not_applicable": True} if value == NVT else {"mastery": value, "not_applicable": False}
    elif field == "importance":
        changes = {"importance": value}
    else:
        changes = {"note": value or ""}
    try:
        svc.sessions.save_answer(session_id, theme, **changes)
    except DutchMessage:
        st.session_state.pop(key, None)  # refused (nothing stored): the widget shows the stored answer again
        raise


def _answer_text(answer: Answer, scale: MasteryScale) -> str:
    if answer.not_applicable:
        return f"**Beheersing:** {NOT_APPLICABLE_LABEL.lower()}"
    mastery = f"{answer.mastery} · {scale.labels[answer.mastery]}" if answer.mastery else "niet ingevuld"
    importance = IMPORTANCE_LABELS[answer.importance].lower() if answer.importance else "niet ingevuld"
    return f"**Beheersing:** {mastery} · **Belang:** {importance}"


def theme_card(session_id: int, theme: Theme, answer: Answer, scale: MasteryScale, *, locked: bool) -> None:
    number = theme.number
    m_key, i_key, n_key = f"m_{session_id}_{number}", f"i_{session_id}_{number}", f"n_{session_id}_{number}"
    where = f"theme_{number}"

    def on_change(field: str, key: str) -> dict:
        return {"on_change": run, "args": (store_change, session_id, number, field, key), "kwargs": {"where": where}}

    # the stored answer is the truth: callbacks write before the rerun, so it is always current
    current = NVT if answer.not_applicable else answer.mastery
    with st.container(border=True, key=f"theme_{number}"):
        # one markdown element per block of text: fewer elements make every rerun cheaper in the browser
        st.markdown(f"#### {number}. {theme.title}\n\n{theme.summary}" + (SITUATIONAL_NOTE if theme.situational else ""))
        with st.expander("Kernpunten en stellingen"):
            st.markdown("**Kernpunten**\n\n" + "\n".join(f"- {p}" for p in theme.key_points)
                        + "\n\n**Stellingen om je antwoord te toetsen**\n\n" + "\n".join(f"- {s}" for s in theme.statements))
        show_problem(where)
        if locked:  # a completed session: the answers as text, readable, not as greyed-out controls
            st.markdown(_answer_text(answer, scale)
                        + (f"  \n**Notitie:** {plain(answer.note)}" if answer.note else ""))
            return
        st.radio(f"{scale.question} — {theme.title}", MASTERY_OPTIONS, horizontal=True, key=m_key,
                 format_func=lambda v: NOT_APPLICABLE_LABEL if v == NVT else f"{v} · {scale.labels[v]}",
                 index=None if current is None else MASTERY_OPTIONS.index(current), **on_change("mastery", m_key))
        if current != NVT:
            st.radio(f"{IMPORTANCE_QUESTION} — {theme.title}", [1, 2, 3], format_func=IMPORTANCE_LABELS.get,
                     index=None if answer.importance is None else answer.importance - 1, horizontal=True, key=i_key,
                     **on_change("importance", i_key))
        with st.expander("Notitie (alleen voor jezelf)" + (" · ingevuld" if answer.note else "")):
            # stored when the field loses focus; the page's note keeper also sends it while typing pauses and
            # when the tab closes (wegwijzer/web/page/notes.js, served with the page)
            st.text_area(f"Notitie bij {theme.title}", value=answer.note, key=n_key, max_chars=5000,
                         label_visibility="collapsed",
                         placeholder="Wat valt je op? Een voorbeeld, een twijfel, iets om te bespreken.",
                         **on_change("note", n_key))
