"""A coachee, seen by their coach: latest profile, priorities, change, the development plan within the coachee's
scope; and the conversation preparation."""

import streamlit as st

from ui.coach_guide import guide_maker
from ui.context import require_login
from ui.downloads import download
from ui.navigation import PAGES
from ui.plan_sharing import coachee_plan
from ui.session import session_title
from ui.widgets import capped, chart
from wegwijzer import clock, text
from wegwijzer.domain import coaching as guide
from wegwijzer.render.figures import session_figures
from wegwijzer.service.access import AccessDenied
from wegwijzer.service.coaching import COACH_SCOPES
from wegwijzer.text import plain

svc = require_login()
lib = svc.library
try:
    cid = int(st.query_params.get("coachee", "0"))
    scope = svc.coaching.scope(cid)
    sessions = [s for s in svc.coaching.coachee_sessions(cid) if s.answered > 0]
except (ValueError, AccessDenied):
    st.title("Coachee")
    st.error("Je hebt geen toegang (meer) tot deze persoon. Misschien is de toegang ingetrokken.")
    st.page_link(PAGES["coaching"], label="Naar Coaching", icon=":material/handshake:")
    st.stop()

name = next(lk.coachee_name for lk in svc.coaching.coachees() if lk.coachee_id == cid)
notes_allowed = scope == "scores_notities"
st.title(plain(name))
st.caption(f"Je ziet: {COACH_SCOPES[scope].lower()}. Je eigen voorbereiding is privé: de coachee ziet die nooit.")
if not sessions:
    st.info("Deze coachee heeft nog geen sessie met antwoorden.")
    coachee_plan(lib, svc.plan.of_coachee(cid), with_notes=notes_allowed)
    st.stop()

labels = {s.id: f"{session_title(s)} ({text.date(s.created_at)}, {s.answered} van {len(s.themes)})" for s in sessions}
sid = st.selectbox("Sessie", list(labels), format_func=labels.get, key=f"coachee_session_{cid}")
earlier_options = {0: "Geen vergelijking"} | {s.id: labels[s.id] for s in sessions if s.id != sid}
chosen = next(s for s in sessions if s.id == sid)
default_earlier = next((s.id for s in sessions if s.created_at < chosen.created_at), 0)
eid = st.selectbox("Vergelijk met", list(earlier_options), format_func=earlier_options.get,
                   index=list(earlier_options).index(default_earlier), key=f"coachee_earlier_{cid}_{sid}")
view = svc.sessions.overview(sid, eid or None)
d = view.dashboard
figures = session_figures(lib, view)

comparison = view.comparison if view.earlier is not None else None
st.header("Profiel")
if comparison is not None:
    st.caption(f"Beide sessies over elkaar, op de {text.themes(len(comparison.shared))} die ze allebei een score "
               "gaven.")
profile, lists = st.columns([3, 2], gap="medium")
with profile:
    if comparison is not None and "compare" in figures:
        chart(figures["compare"], key="coachee_roles", title="Rollenprofiel",
              rows=[{"Rol": lib.roles[c.role].name, "Eerder": text.number(c.before), "Nu": text.number(c.after),
                     "Verschil": text.signed(c.delta)} for c in comparison.role_changes])
    else:
        chart(figures["roles"], key="coachee_roles", title="Rollenprofiel",
              rows=[{"Rol": lib.roles[r.role].name, "Score": text.number(r.score), "Thema's": r.themes}
                    for r in d.roles])
with lists:
    st.subheader("Prioriteiten")
    if not d.priorities:
        st.caption("Geen prioriteiten.")
    capped(d.priorities, key=f"coachee_priorities_{cid}", shown=5, what="prioriteiten",
           draw=lambda p: st.markdown(f"**{p.number}. {p.title}** — beheersing {p.mastery}, belang {p.importance}"
                                      + (f"  \nActie: {plain(view.actions[p.number].text)}"
                                         if p.number in view.actions else "")))
    st.subheader("Sterke punten")
    if not d.strengths:
        st.caption("Nog geen thema's met een 4 of 5.")
    capped(d.strengths, key=f"coachee_strengths_{cid}", shown=5, what="sterke punten",
           draw=lambda s: st.markdown(f"- {s.number}. {s.title} ({s.mastery})"))
if comparison is not None and comparison.changed:
    st.header(f"Verandering sinds {plain(session_title(view.earlier))}")
    chart(figures["changes"], key="coachee_changes", title="Verandering per thema",
          rows=[{"Thema": f"{c.number}. {c.title}", "Eerder": c.before, "Nu": c.after,
                 "Verschil": text.signed(c.delta, 0)} for c in comparison.changed])

coachee_plan(lib, svc.plan.of_coachee(cid), with_notes=notes_allowed)

st.header("Gespreksvoorbereiding")
prep = svc.coaching.prep(cid)
tips = guide.suggestions(view)
st.markdown("**Voorgesteld:** " + ("; ".join(f"{t.number}. {lib.theme(t.number).title} ({t.why})" for t in tips)
                                   or "geen opvallende thema's"))
in_session = list(view.session.themes)
default = [n for n in (prep.themes or [t.number for t in tips]) if n in in_session]
chosen = st.multiselect("Thema's voor het gesprek", in_session, default=default, max_selections=12,
                        format_func=lambda n: f"{n}. {lib.theme(n).title}", key=f"prep_themes_{cid}_{sid}")
theme_notes = dict(prep.theme_notes)
for item in guide.guide_themes(lib, view, chosen, theme_notes, notes_allowed):
    with st.container(border=True):
        st.markdown(f"**{item.number}. {item.title}** — {item.rating}")
        if item.note:
            st.markdown(f"*Notitie van de coachee:* {plain(item.note)}")
        st.markdown("\n".join(f"- {q}" for q in item.questions))
        theme_notes[item.number] = st.text_area(f"Mijn notitie bij {item.title} (privé)", value=item.coach_note,
                                                     key=f"coach_note_{cid}_{item.number}", max_chars=3000)
st.subheader("GROW")
grow = {}
for key, (title, question) in guide.GROW.items():
    grow[key] = st.text_area(f"{title} — {question}", value=prep.grow.get(key, ""), key=f"grow_{cid}_{key}",
                             max_chars=3000)
left, right = st.columns(2)
if left.button("Voorbereiding bewaren", type="primary", icon=":material/save:"):
    svc.coaching.save_prep(cid, chosen, grow, theme_notes)
    st.success("Bewaard. Alleen jij ziet deze voorbereiding.")
today = clock.today().isoformat()
download(  # made at the click, with the scope the coachee allows at that moment (ui/coach_guide.py)
    right, "Gespreksleidraad (PDF)", guide_maker(cid, name, sid, eid or None, chosen, theme_notes, grow, today),
    file_name=f"gespreksleidraad-{today}.pdf", mime="application/pdf", icon=":material/picture_as_pdf:")
