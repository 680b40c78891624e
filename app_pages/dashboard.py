"""Dashboard of one session: role profile, chapters, strengths, priorities, quadrant, comparison, export."""

import streamlit as st

from ui.callbacks import run
from ui.context import library, server_mode, service
from ui.downloads import made_for_me
from ui.navigation import PAGES
from ui.session import no_session_notice, session_from_query, session_title
from ui.widgets import show_problem
from wegwijzer.domain.scales import PERSPECTIVE_LABELS
from wegwijzer.domain.scopes import SCOPE_LABELS
from wegwijzer.domain.scoring import EXPLANATION
from wegwijzer.errors import DutchMessage
from wegwijzer.render.figures import session_figures
from wegwijzer.render.report import MirrorSection, find_browser, render_html, render_pdf, report_input
from wegwijzer.service import Service


def save_action(current: Service, session_id: int, theme: int, key: str) -> None:
    current.sessions.save_action(session_id, theme, st.session_state[key])


lib = library()
svc = service()
record = session_from_query()
if record is None:
    no_session_notice()
sid = record.id

st.title(f"Dashboard · {session_title(record)}")
st.caption(f"{SCOPE_LABELS[record.scope_kind]} · {PERSPECTIVE_LABELS[record.perspective]} · gestart {record.created_at[:10]}"
           + (f" · afgerond {record.completed_at[:10]}" if record.completed_at else " · nog niet afgerond"))

candidates = svc.sessions.earlier(sid)
earlier = None
if candidates:
    labels = {0: "Geen vergelijking"} | {s.id: f"{session_title(s)} ({s.created_at[:10]})" for s in candidates}
    chosen = st.selectbox("Vergelijk met een eerdere sessie", list(labels), format_func=labels.get, key=f"cmp_{sid}")
    earlier = next((s for s in candidates if s.id == chosen), None)

view = svc.sessions.overview(sid, earlier.id if earlier else None)
d = view.dashboard
figures = session_figures(lib, view)

if d.scored == 0:
    st.info("Er zijn nog geen scores in deze sessie. Vul eerst een paar thema's in.")
    st.page_link(PAGES["vragenlijst"], label="Naar de vragenlijst", icon=":material/edit_note:", query_params={"sessie": sid})
    st.stop()

c1, c2, c3, c4 = st.columns(4)
c1.metric("Beantwoord", f"{d.answered} van {d.total}")
c2.metric("Met een score", d.scored)
c3.metric("Niet van toepassing", d.not_applicable)
c4.metric("Prioriteiten", len(d.priorities))
with st.expander("Hoe wordt er gerekend?"):
    st.write(EXPLANATION)

st.header("Rollenprofiel")
left, right = st.columns([3, 2])
# with a comparison chosen, the radar shows both sessions
left.plotly_chart(figures.get("compare", figures["roles"]), key="roles_chart",
                  config={"displayModeBar": False})
with right:
    st.markdown("De drie **kernrollen** staan bovenaan; bij elke rol staat op hoeveel thema's de score rust.")
    st.markdown("| Rol | Score | Rust op |\n|---|---:|---:|\n" + "\n".join(
        f"| {'**' + lib.roles[r.role].name + '**' if lib.roles[r.role].core else lib.roles[r.role].name} | "
        f"{format(r.score, '.1f').replace('.', ',') if r.score is not None else '–'} | {r.themes} thema's |"
        for r in d.roles))

st.header("Hoofdstukken")
st.plotly_chart(figures["chapters"], key="chapters_chart", config={"displayModeBar": False})

st.header("Sterke punten en ontwikkelprioriteiten")
strong, develop = st.columns(2)
with strong:
    st.subheader("Sterke punten")
    if not d.strengths:
        st.caption("Nog geen thema's met een 4 of 5.")
    for s in d.strengths:
        st.markdown(f"**{s.number}. {s.title}** — beheersing {s.mastery}")
with develop:
    st.subheader("Ontwikkelprioriteiten")
    if not d.priorities:
        st.caption("Geen thema's die je (zeer) belangrijk vindt en waarop je jezelf 3 of lager geeft.")
    for p in d.priorities:
        with st.container(border=True):
            st.markdown(f"**{p.number}. {p.title}** — beheersing {p.mastery}, belang {p.importance}")
            st.markdown("\n".join(f"- {q}" for q in lib.theme(p.number).reflection_questions))
            key = f"action_{sid}_{p.number}"
            if key not in st.session_state:
                st.session_state[key] = view.actions[p.number].text if p.number in view.actions else ""
            show_problem(f"action_{p.number}")
            st.text_input(f"Mijn actie voor {p.title}", key=key, max_chars=300,
                          placeholder="Wat ga je concreet doen, en wanneer?", on_change=run,
                          args=(save_action, sid, p.number, key), kwargs={"where": f"action_{p.number}"})

st.header("Belang tegenover beheersing")
st.caption("Elke stip is een thema; beweeg erover voor de titel. Linksboven staat wat belangrijk is en nog niet sterk.")
st.plotly_chart(figures["quadrant"], key="quadrant_chart", config={"displayModeBar": False})

if view.earlier is not None:
    st.header(f"Verandering sinds {session_title(view.earlier)}")
    st.caption("Het rollenprofiel bovenaan toont beide sessies over elkaar; hieronder de verschillen.")
    st.dataframe(
        [{"Rol": lib.roles[c.role].name,
          "Eerder": round(c.before, 1) if c.before is not None else None,
          "Nu": round(c.after, 1) if c.after is not None else None,
          "Verschil": round(c.delta, 1) if c.delta is not None else None} for c in view.role_changes],
        hide_index=True, width="stretch",
    )
    if any(c.delta for c in view.theme_changes):
        st.plotly_chart(figures["changes"], key="changes_chart", config={"displayModeBar": False})
    else:
        st.caption("Op de thema's die in beide sessies een score hebben, is niets veranderd.")

st.header("Afronden en meenemen")
if record.status == "open":
    if st.button("Sessie afronden", icon=":material/check:"):
        svc.sessions.set_status(sid, "afgerond")
        st.rerun()
else:
    if st.button("Sessie heropenen", icon=":material/lock_open:"):
        svc.sessions.set_status(sid, "open")
        st.rerun()

report_round = None
if server_mode():
    closed = [r for r in svc.mirror.my_rounds() if r.closed]
    if closed:
        rounds = {0: "Geen"} | {r.id: f"{r.title} ({r.created_at[:10]})" for r in closed}
        report_round = st.selectbox("Neem een gesloten Spiegel-ronde op in het verslag", list(rounds),
                                    format_func=rounds.get, index=1, key=f"report_round_{sid}") or None
include_notes = st.checkbox("Neem mijn notities op in het verslag", value=False,
                            help="Notities zijn privé; zet dit alleen aan als het verslag voor jezelf is.")
stem = f"wegwijzer-sessie-{sid}"
earlier_id = earlier.id if earlier else None


def make_report(current: Service):
    """The report's input, made when the report is asked for (the Spiegel aggregate only then)."""
    section = None
    if report_round:
        outcome = current.mirror.outcome(report_round)
        chosen = next(r for r in current.mirror.my_rounds() if r.id == report_round)
        section = MirrorSection(f"{chosen.title} ({chosen.created_at[:10]})", outcome.responses, outcome.result,
                                outcome.comments)
    return report_input(lib, current.sessions.overview(sid, earlier_id), include_notes=include_notes, mirror=section)


col_pdf, col_html, col_csv, col_json = st.columns(4)
with col_pdf:
    if find_browser() is None:
        st.warning("Op deze computer is geen Chromium gevonden, dus een PDF met grafieken kan niet worden "
                   "gemaakt. Gebruik het afdrukbare HTML-verslag.")
    elif st.button("PDF-verslag maken", icon=":material/picture_as_pdf:"):
        with st.spinner("Verslag wordt gemaakt…"):
            try:
                st.session_state[f"pdf_{sid}"] = render_pdf(make_report(svc))
            except DutchMessage as exc:
                st.warning(exc.message)
    if st.session_state.get(f"pdf_{sid}"):
        st.download_button("PDF downloaden", st.session_state[f"pdf_{sid}"], file_name=f"{stem}.pdf",
                           mime="application/pdf", icon=":material/download:")
# the files are made only when asked for (a callable), for whoever is logged in at that moment
col_html.download_button("Afdrukbaar HTML-verslag",
                         made_for_me(lambda current: render_html(make_report(current), static_charts=False)),
                         file_name=f"{stem}.html", mime="text/html", icon=":material/print:")
col_csv.download_button("Antwoorden (CSV)", made_for_me(lambda current: current.sessions.export_csv(sid)),
                        file_name=f"{stem}.csv", mime="text/csv", icon=":material/table:")
col_json.download_button("Sessie (JSON)", made_for_me(lambda current: current.sessions.export_json(sid)),
                         file_name=f"{stem}.json", mime="application/json", icon=":material/data_object:")
