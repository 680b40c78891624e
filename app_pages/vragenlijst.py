"""The questionnaire: one chapter per screen; every change is stored at once."""

import streamlit as st

from app_pages.common import PAGES, library, no_session_notice, session_from_query, session_title, store
from wegwijzer.models import Answer
from wegwijzer.scales import IMPORTANCE_LABELS, IMPORTANCE_QUESTION, MASTERY, NOT_APPLICABLE_LABEL
from wegwijzer.scopes import chapters_in_session

NVT = "nvt"
SITUATIONAL_NOTE = ("\n\n:gray[*Dit thema speelt alleen in bepaalde situaties; niet van toepassing is hier een "
                    "gewoon antwoord.*]")

lib = library()
db = store()
record = session_from_query()
if record is None:
    no_session_notice()

sid = record.id
scale = MASTERY[record.perspective]
answers = db.answers(sid)
steps = chapters_in_session(lib, record.themes)
in_session = set(record.themes)
locked = record.status == "afgerond"


def _store_change(theme: int, field: str, key: str) -> None:
    """Widget callback: write the one changed value to the database straight away."""
    value = st.session_state[key]
    if field == "mastery":
        if value == NVT:
            db.save_answer(sid, theme, not_applicable=True)
        else:
            db.save_answer(sid, theme, mastery=value, not_applicable=False)
    elif field == "importance":
        db.save_answer(sid, theme, importance=value)
    else:
        db.save_answer(sid, theme, note=(value or "")[:5000])


def _go_to(step: str) -> None:
    st.session_state[f"step_{sid}"] = step
    st.query_params["hoofdstuk"] = step


# --- which chapter -------------------------------------------------------------------------------
step_key = f"step_{sid}"
requested = st.query_params.get("hoofdstuk")
if requested not in steps:
    requested = st.session_state.get(step_key)
if requested not in steps:  # a fresh visit resumes at the first chapter with open themes
    requested = next((c for c in steps if any(n in in_session and not answers.get(n, Answer(n)).is_answered
                                              for n in lib.chapters[c].numbers)), steps[0])
st.session_state[step_key] = requested  # stay on this chapter while it fills up
current = requested
index = steps.index(current)
chapter = lib.chapters[current]


def _chapter_done(key: str) -> tuple[int, int]:
    numbers = [n for n in lib.chapters[key].numbers if n in in_session]
    return sum(1 for n in numbers if answers.get(n, Answer(n)).is_answered), len(numbers)


def _step_label(key: str) -> str:
    # the label must not change while the page is open: streamlit matches a selectbox's value by its label
    return f"{steps.index(key) + 1}. {lib.chapters[key].title}"


def _jump(widget_key: str) -> None:
    value = st.session_state.get(widget_key)
    if value in steps:
        _go_to(value)


# --- header --------------------------------------------------------------------------------------
st.title(session_title(record))
answered = sum(1 for n in record.themes if answers.get(n, Answer(n)).is_answered)
st.progress(answered / len(record.themes), text=f"{answered} van {len(record.themes)} thema's beantwoord")
top_left, top_right = st.columns([3, 1], vertical_alignment="bottom")
jump_key = f"jump_{sid}_{current}"
top_left.selectbox("Ga naar hoofdstuk", steps, index=index, format_func=_step_label, key=jump_key,
                   on_change=_jump, args=(jump_key,))
top_right.page_link(PAGES["dashboard"], label="Naar het dashboard", icon=":material/insights:",
                    query_params={"sessie": sid})

if locked:
    st.info("Deze sessie is afgerond. Je kunt je antwoorden bekijken; heropen de sessie om ze te wijzigen.")
    if st.button("Sessie heropenen", icon=":material/lock_open:"):
        db.set_status(sid, "open")
        st.rerun()

done, total = _chapter_done(current)
st.subheader(f"Stap {index + 1} van {len(steps)} · {chapter.title}")
open_steps = [f"{steps.index(k) + 1}" for k in steps if _chapter_done(k)[0] < _chapter_done(k)[1]]
st.caption(f"{lib.part_of_chapter[current].title} — {chapter.intro}  \n"
           f"In dit hoofdstuk {done} van {total} beantwoord. "
           + (f"Nog open: hoofdstuk {', '.join(open_steps)}." if open_steps else "Alle hoofdstukken zijn ingevuld."))
st.markdown(f"**{scale.question}** {scale.help} Kies *{NOT_APPLICABLE_LABEL.lower()}* als een thema in jouw "
            "situatie niet speelt; het telt dan niet mee in je scores.")

# --- the themes of this chapter ------------------------------------------------------------------
mastery_options = [1, 2, 3, 4, 5, NVT]


def _mastery_label(value: object) -> str:
    return NOT_APPLICABLE_LABEL if value == NVT else f"{value} · {scale.labels[value]}"


for number in chapter.numbers:
    if number not in in_session:
        continue
    theme = lib.theme(number)
    answer = answers.get(number, Answer(number))
    m_key, i_key, n_key = f"m_{sid}_{number}", f"i_{sid}_{number}", f"n_{sid}_{number}"
    # the stored answer is the truth: callbacks write before this rerun, so it is always current
    current_mastery = NVT if answer.not_applicable else answer.mastery
    with st.container(border=True, key=f"theme_{number}"):
        # one markdown element per block of text: fewer elements make every rerun cheaper in the browser
        st.markdown(f"#### {number}. {theme.title}\n\n{theme.summary}"
                    + (SITUATIONAL_NOTE if theme.situational else ""))
        with st.expander("Kernpunten en stellingen"):
            st.markdown("**Kernpunten**\n\n" + "\n".join(f"- {p}" for p in theme.key_points)
                        + "\n\n**Stellingen om je antwoord te toetsen**\n\n" + "\n".join(f"- {s}" for s in theme.statements))
        st.radio(f"{scale.question} — {theme.title}", mastery_options, format_func=_mastery_label, horizontal=True,
                 index=None if current_mastery is None else mastery_options.index(current_mastery),
                 key=m_key, on_change=_store_change, args=(number, "mastery", m_key), disabled=locked)
        if current_mastery != NVT:
            st.radio(f"{IMPORTANCE_QUESTION} — {theme.title}", [1, 2, 3], format_func=IMPORTANCE_LABELS.get,
                     index=None if answer.importance is None else answer.importance - 1,
                     horizontal=True, key=i_key, on_change=_store_change, args=(number, "importance", i_key),
                     disabled=locked)
        note_label = "Notitie (alleen voor jezelf)" + (" · ingevuld" if answer.note else "")
        with st.expander(note_label):
            st.text_area(f"Notitie bij {theme.title}", value=answer.note, key=n_key, max_chars=5000, disabled=locked,
                         on_change=_store_change, args=(number, "note", n_key), label_visibility="collapsed",
                         placeholder="Wat valt je op? Een voorbeeld, een twijfel, iets om te bespreken.",
                         help="Wordt bewaard zodra je buiten het veld klikt of Ctrl+Enter drukt.")

# --- step navigation -----------------------------------------------------------------------------
left, middle, right = st.columns(3)
if index > 0:
    left.button("← Vorig hoofdstuk", on_click=_go_to, args=(steps[index - 1],), width="stretch")
if index < len(steps) - 1:
    right.button("Volgend hoofdstuk →", on_click=_go_to, args=(steps[index + 1],), type="primary",
                 width="stretch")
elif not locked:
    if right.button("Sessie afronden", type="primary", icon=":material/check:", width="stretch"):
        db.set_status(sid, "afgerond")
        st.switch_page(PAGES["dashboard"], query_params={"sessie": sid})
