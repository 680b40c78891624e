"""Dashboard of one session: role profile, chapters, strengths, priorities, quadrant, comparison, export."""

import streamlit as st

from ui.context import library, server_mode, service
from ui.downloads import download
from ui.memo import per_tab
from ui.navigation import PAGES, page_title
from ui.plan import action_card, add_form_on_request, theme_label
from ui.session import no_session_notice, session_from_query, session_title
from ui.widgets import CHART_CONFIG, capped, chart, table, table_data
from wegwijzer import clock, text
from wegwijzer.domain import plan
from wegwijzer.domain.scales import IMPORTANCE_LABELS, PERSPECTIVE_LABELS
from wegwijzer.domain.scopes import SCOPE_LABELS
from wegwijzer.domain.scoring import EXPLANATION, ThemeResult, default_comparison
from wegwijzer.errors import DutchMessage
from wegwijzer.render.charts import theme_changes
from wegwijzer.render.figures import session_figures
from wegwijzer.render.report import MirrorSection, PlanSection, find_browser, render_html, render_pdf, report_input
from wegwijzer.service import Service
from wegwijzer.text import plain

SHOWN = 5  # strengths and priorities on screen before "Toon alle"
CHANGES_SHOWN = 15  # changes per theme in the chart before "Toon alle"
QUADRANTS = {(True, True): "Ontwikkelen", (True, False): "Vasthouden", (False, True): "Later",
             (False, False): "Onderhouden"}


lib = library()
svc = service()
record = session_from_query()
if record is None:
    no_session_notice()
sid = record.id
page_title(f"Dashboard · {session_title(record)}")

st.title(f"Dashboard · {plain(session_title(record))}")
st.caption(f"{SCOPE_LABELS[record.scope_kind]} · {PERSPECTIVE_LABELS[record.perspective]} · "
           f"gestart {text.date(record.created_at)}"
           + (f" · afgerond {text.date(record.completed_at)}" if record.completed_at else " · nog niet afgerond"))

candidates = svc.sessions.earlier(sid)
earlier = None
if candidates:
    labels = {0: "Geen vergelijking"} | {
        s.id: f"{session_title(s)} · {SCOPE_LABELS[s.scope_kind]} · {text.date(s.created_at)}" for s in candidates}
    preferred = default_comparison(record, candidates) or 0
    chosen = st.selectbox("Vergelijk met een eerdere sessie", list(labels), format_func=labels.get,
                          index=list(labels).index(preferred), key=f"cmp_{sid}",
                          help="Vergeleken wordt alleen op de thema's die beide sessies een score gaven.")
    earlier = next((s for s in candidates if s.id == chosen), None)

view = svc.sessions.overview(sid, earlier.id if earlier else None)
d = view.dashboard
comparison = view.comparison if view.earlier is not None else None
# the charts are drawn again only when what they show changed (a click on the plan reruns the page): the key is
# the dashboard's and the comparison's figures themselves, not a timestamp (answers can change within a second)
drawn_from = (sid, d, view.comparison, view.earlier)


def drawing() -> dict:
    """The charts and the tables that carry their figures (made once per what they show)."""
    rows = {"roles": [{"Rol": lib.roles[r.role].name, "Score (1–5)": text.number(r.score), "Rust op": text.themes(r.themes)}
                      for r in d.roles],
            "chapters": [{"Hoofdstuk": c.title, "Gemiddelde beheersing": text.number(c.mean),
                          "Met een score": f"{c.scored} van {c.total}", "Niet van toepassing": c.not_applicable}
                         for c in d.chapters],
            "quadrant": [{"Thema": f"{p.number}. {p.title}", "Beheersing": p.mastery, "Belang": p.importance,
                          "Vak": QUADRANTS[(p.mastery <= 3, (p.importance or 0) >= 2)]}
                         for p in sorted(d.points, key=lambda p: (-(p.importance or 0), p.mastery, p.number))]}
    if comparison is not None:
        rows["compare"] = [{"Rol": lib.roles[c.role].name, "Eerder": text.number(c.before), "Nu": text.number(c.after),
                            "Verschil": text.signed(c.delta), "Thema's": c.themes} for c in comparison.role_changes]
    return {"figures": session_figures(lib, view), "tables": {name: table_data(r) for name, r in rows.items()}}


drawn = per_tab("dashboard_figures", drawn_from, drawing)
figures, tables = drawn["figures"], drawn["tables"]

if d.scored == 0:
    st.info("Er zijn nog geen scores in deze sessie. Vul eerst een paar thema's in.")
    st.page_link(PAGES["vragenlijst"], label="Naar de vragenlijst", icon=":material/edit_note:",
                 query_params={"sessie": sid})
    st.stop()

with st.container(horizontal=True, gap="medium"):
    st.metric("Beantwoord", f"{d.answered} van {d.total}", width="content")
    st.metric("Met een score", d.scored, width="content")
    st.metric("Niet van toepassing", d.not_applicable, width="content")
    st.metric("Prioriteiten", len(d.priorities), width="content")
with st.expander("Hoe wordt er gerekend?"):
    st.write(EXPLANATION)

# --- role profile -----------------------------------------------------------------------------------

st.header("Rollenprofiel")
left, right = st.columns([3, 2], gap="medium")
with left:
    chart(figures["roles"], key="roles_chart", title="Rollenprofiel", rows=tables["roles"])
with right:
    st.markdown("De drie **kernrollen** staan bovenaan; bij elke rol staat op hoeveel thema's de score rust.")
    st.markdown("| Rol | Score | Thema's |\n|---|---:|---:|\n" + "\n".join(
        f"| {'**' + lib.roles[r.role].name + '**' if lib.roles[r.role].core else lib.roles[r.role].name} | "
        f"{text.number(r.score)} | {r.themes} |" for r in d.roles))

# --- chapters ---------------------------------------------------------------------------------------

st.header("Hoofdstukken")
chart(figures["chapters"], key="chapters_chart", title="Hoofdstukken", rows=tables["chapters"])

# --- strengths and priorities -----------------------------------------------------------------------

st.header("Sterke punten en ontwikkelprioriteiten")


def strength(s: ThemeResult) -> None:
    st.markdown(f"**{s.number}. {s.title}** — beheersing {s.mastery}")


def priority(p: ThemeResult) -> None:
    with st.container(border=True, key=f"priority_{sid}_{p.number}"):
        st.markdown(f"**{p.number}. {p.title}** — beheersing {p.mastery}, "
                    f"{IMPORTANCE_LABELS.get(p.importance, '').lower()}")
        st.markdown("\n".join(f"- {q}" for q in lib.theme(p.number).reflection_questions))
        for action in on_theme.get(p.number, ()):
            action_card(lib, action, today, with_theme=False)
        add_form_on_request(lib, sid, form_key=f"action_{sid}_{p.number}", theme=p.number,
                            title=f"Nieuwe actie bij {plain(p.title)}",
                            label="Nog een actie toevoegen" if p.number in on_theme else
                            "Wat ga je eraan doen? Voeg een actie toe")


today = clock.today()
on_theme: dict[int, list] = {}
for action in svc.plan.mine():
    on_theme.setdefault(action.theme, []).append(action)
# one under the other: a priority carries its actions and a form, which want the whole width (also on a tablet)
st.subheader("Sterke punten")
if not d.strengths:
    st.caption("Nog geen thema's met een 4 of 5.")
capped(d.strengths, key=f"all_strengths_{sid}", shown=SHOWN, what="sterke punten", draw=strength)
st.subheader("Ontwikkelprioriteiten")
if not d.priorities:
    st.caption("Geen thema's die je (zeer) belangrijk vindt en waarop je jezelf 3 of lager geeft.")
else:
    st.caption("Bij elke prioriteit kun je een actie toevoegen; je ziet ze terug in Mijn ontwikkelplan.")
capped(d.priorities, key=f"all_priorities_{sid}", shown=SHOWN, what="prioriteiten", draw=priority)

# --- the development plan: where the person worked and what moved ------------------------------------------

movement = svc.plan.movement(sid)
if movement.worked_on:
    st.header("Je ontwikkelplan: wat bewoog er?")
    st.markdown(plan.movement_summary(movement))
    if movement.themes:
        since = {s.id: s for s in candidates}  # a theme that moved was scored then: its session is answered
        table(per_tab("dashboard_movement", (movement, candidates), lambda: table_data([
            {"Thema": theme_label(lib, m.theme),
             "Actie uit sessie": session_title(since[m.since]) if m.since in since else "",
             "Toen": m.before, "Nu": m.after, "Verschil": text.signed(m.change, 0),
             "Acties": "; ".join(f"{a.what.rstrip('.')} ({plan.STATUS_LABELS[a.status].lower()})" for a in m.actions)}
            for m in movement.themes])))
    if movement.unmeasured:
        st.caption("Niet in beide sessies gescoord: " + ", ".join(theme_label(lib, n) for n in movement.unmeasured)
                   + ".")
    st.page_link(PAGES["ontwikkelplan"], label="Naar mijn ontwikkelplan", icon=":material/flag:")

# --- importance against mastery ---------------------------------------------------------------------

st.header("Belang tegenover beheersing")
st.caption("Elke stip is een thema. Linksboven staat wat je belangrijk vindt en nog niet sterk beheerst; de tabel "
           "eronder noemt elk thema bij naam.")
chart(figures["quadrant"], key="quadrant_chart", title="Belang tegenover beheersing",
      rows=tables["quadrant"])

# --- change since an earlier session ----------------------------------------------------------------

if comparison is not None:
    st.header(f"Verandering sinds {plain(session_title(view.earlier))}")
    st.markdown(f"Vergeleken op **{text.themes(len(comparison.shared))}** die beide sessies een score gaven. "
                + (f"Niet vergeleken: {text.themes(len(comparison.only_now))} alleen in deze sessie"
                   f" en {text.themes(len(comparison.only_before))} alleen in de eerdere."
                   if comparison.only_now or comparison.only_before else "Alle gescoorde thema's zijn vergeleken."))
    if not comparison.shared:
        st.info("Deze twee sessies hebben geen thema met een score gemeen, dus er valt niets te vergelijken.")
    else:
        st.subheader("Per rol")
        st.caption("Beide profielen rusten op dezelfde gedeelde thema's; de kolom Thema's zegt op hoeveel per rol.")
        st.plotly_chart(figures["compare"], key="compare_chart", config=CHART_CONFIG, width="stretch")
        table(tables["compare"])  # the figures of the chart above, also for whoever cannot see it
        changed = comparison.changed
        st.subheader(f"Per thema: {len(changed)} van {text.themes(len(comparison.shared))} veranderd")
        if changed:
            if len(changed) > CHANGES_SHOWN and not st.toggle(f"Toon alle {len(changed)} veranderingen",
                                                              key=f"all_changes_{sid}"):
                st.caption(f"De {CHANGES_SHOWN} grootste van {len(changed)} veranderingen.")
                changed = changed[:CHANGES_SHOWN]
            changes_figure, changes_table = per_tab("dashboard_changes", (drawn_from, len(changed)), lambda: (
                theme_changes(changed), table_data([{"Thema": f"{c.number}. {c.title}", "Eerder": c.before, "Nu": c.after,
                                                     "Verschil": text.signed(c.delta, 0)} for c in changed])))
            chart(changes_figure, key="changes_chart", title="Verandering per thema", rows=changes_table)
        else:
            st.caption("Op de thema's die beide sessies een score gaven, is niets veranderd.")
    with st.expander("Welke thema's zijn niet vergeleken?"):
        for label, numbers in (("Alleen in deze sessie gescoord", comparison.only_now),
                               ("Alleen in de eerdere sessie gescoord", comparison.only_before)):
            st.markdown(f"**{label}:** " + (", ".join(f"{n}. {lib.theme(n).title}" for n in numbers) or "geen"))

# --- finish and take away -----------------------------------------------------------------------------

st.header("Afronden en meenemen")
if record.status == "open":
    if st.button("Sessie afronden", icon=":material/check:"):
        svc.sessions.set_status(sid, "afgerond")
        st.rerun()
elif st.button("Sessie heropenen", icon=":material/lock_open:"):
    svc.sessions.set_status(sid, "open")
    st.rerun()

report_round = None
if server_mode():
    closed = [r for r in svc.mirror.my_rounds() if r.closed]
    if closed:
        rounds = {0: "Geen"} | {r.id: f"{r.title} ({text.date(r.created_at)})" for r in closed}
        report_round = st.selectbox("Neem een gesloten Spiegel-ronde op in het verslag", list(rounds),
                                    format_func=rounds.get, index=1, key=f"report_round_{sid}") or None
include_notes = st.checkbox("Neem mijn notities op in het verslag", value=False,
                            help="Notities zijn privé; zet dit alleen aan als het verslag voor jezelf is.")
stem = f"wegwijzer-sessie-{sid}"
earlier_id = earlier.id if earlier else None
pdf_key = f"pdf_{svc.actor.person_id}_{sid}"  # a PDF made for one person is never another's


def make_report(current: Service):
    """The report's input, made when the report is asked for (the Spiegel aggregate only then)."""
    section = None
    if report_round:
        outcome = current.mirror.outcome(report_round)
        chosen = next(r for r in current.mirror.my_rounds() if r.id == report_round)
        section = MirrorSection(f"{chosen.title} ({text.date(chosen.created_at)})", outcome.responses,
                                outcome.result, outcome.comments)
    plan_section = PlanSection(tuple(current.plan.mine()), current.plan.movement(sid), clock.today())
    return report_input(lib, current.sessions.overview(sid, earlier_id), include_notes=include_notes, mirror=section,
                        plan=plan_section)


if find_browser() is None:
    st.warning("Op deze computer is geen Chromium gevonden, dus een PDF met grafieken kan niet worden gemaakt. "
               "Gebruik het afdrukbare HTML-verslag.")
with st.container(horizontal=True, gap="small"):
    if find_browser() is not None and st.button("PDF-verslag maken", icon=":material/picture_as_pdf:"):
        with st.spinner("Verslag wordt gemaakt…"):
            try:
                st.session_state[pdf_key] = render_pdf(make_report(svc))
            except DutchMessage as exc:
                st.warning(exc.message)
    # made (or, for the PDF made above, handed out) at the click, for whoever is logged in at that moment
    if st.session_state.get(pdf_key):
        pdf = st.session_state[pdf_key]
        download(st, "PDF downloaden", lambda current: pdf, file_name=f"{stem}.pdf", mime="application/pdf",
                 icon=":material/download:")
    download(st, "Afdrukbaar HTML-verslag", lambda current: render_html(make_report(current), static_charts=False),
             file_name=f"{stem}.html", mime="text/html", icon=":material/print:")
    download(st, "Antwoorden (CSV)", lambda current: current.sessions.export_csv(sid), file_name=f"{stem}.csv",
             mime="text/csv", icon=":material/table:")
    download(st, "Sessie (JSON)", lambda current: current.sessions.export_json(sid), file_name=f"{stem}.json",
             mime="application/json", icon=":material/data_object:")
