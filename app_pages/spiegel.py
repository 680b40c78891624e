"""Spiegel (360°): open a feedback round, hand out links, and see the aggregated result once it is closed."""

from urllib.parse import urlsplit

import streamlit as st

from ui.context import require_login
from ui.downloads import download
from ui.navigation import PAGES
from ui.session import session_title
from ui.widgets import refused, table
from wegwijzer import clock, text
from wegwijzer.domain.mirror import CATEGORIES, GROUP_LABELS, GROUPS
from wegwijzer.domain.scoring import priorities
from wegwijzer.render import charts
from wegwijzer.service import ServiceError
from wegwijzer.service.access import AccessDenied
from wegwijzer.service.mirror import MAX_INVITES
from wegwijzer.text import number, plain

svc = require_login()
lib = svc.library
st.title("Spiegel (360°)")
st.markdown("Vraag mensen om je heen hoe zij jou zien op een aantal thema's: collegeleden, je directieteam, "
            "medewerkers of de OR, externe partners. Zij krijgen elk een eigen link en hebben geen account nodig. "
            "**Je ziet nooit wat één persoon invulde**: alleen gemiddelden van groepen van minstens drie, pas als de "
            "ronde gesloten is, en zo gekozen dat niemands antwoord is terug te rekenen. Kleine groepen tellen mee "
            "onder *overig*.")


def base_url() -> str:
    parts = urlsplit(st.context.url or "")
    path = parts.path.rsplit("/", 1)[0]
    return f"{parts.scheme}://{parts.netloc}{path}"


def show_links(links) -> None:
    lines = [f"{link.label} ({CATEGORIES[link.category]}): {base_url()}/feedback/{link.token}" for link in links]
    st.warning("Kopieer of download de links nu: ze worden maar één keer getoond (Wegwijzer bewaart alleen een "
               "onherkenbare vingerafdruk). Stuur elke persoon alleen de eigen link.")
    st.code("\n".join(lines), language=None)
    listing = "\n".join(lines) + "\n"
    download(st, "Links downloaden (tekst)", lambda current: listing, file_name="spiegel-links.txt", mime="text/plain",
             icon=":material/download:")


if links := st.session_state.pop("spiegel_new_links", None):
    show_links(links)
if st.session_state.pop("spiegel_facilitated", False):
    st.success("De begeleide ronde is geopend. Je coach maakt de links op *Coaching* en stuurt ze rond.")

rounds = svc.mirror.my_rounds()
st.header("Mijn feedbackrondes")
if not rounds:
    st.caption("Je hebt nog geen feedbackronde.")
for index, r in enumerate(rounds):
    rid = r.id
    invites = svc.mirror.invites(rid)
    answered = sum(i.used for i in invites)
    state = "gesloten" if r.closed else f"open tot {text.date(r.expires_at)}"
    with st.expander(f"{plain(r.title)} · {state} · {answered} van {len(invites)} beantwoord", expanded=len(rounds) <= 2 or index == 0):
        if r.facilitated:
            st.markdown(f"**Begeleide ronde.** {plain(r.facilitator_name) or 'Je begeleider'} maakt en verstuurt de "
                        "links; jij hebt ze nooit in handen. Zo kan niemand je verwijten dat je zelf links invulde "
                        "om te achterhalen wat iemand antwoordde.")
        else:
            st.markdown("**Zelf verstuurde ronde.** Jij had de links in handen. De genodigden lezen daarom dat jij "
                        "in principe zelf links kon invullen; met een begeleide ronde sluit je dat uit.")
        table([{"Genodigde": i.label, "Categorie": CATEGORIES[i.category],
                "Beantwoord": "ja" if i.used else ("nog niet" if i.issued else "link nog niet verstuurd")}
               for i in invites])
        if not r.closed:
            st.caption("De uitkomst verschijnt zodra je de ronde sluit (of op de einddatum). Daarna kan er niets meer bij.")
            left, right = st.columns(2)
            if left.button("Ronde sluiten en uitkomst bekijken", key=f"close_{rid}", type="primary"):
                svc.mirror.close_round(rid)
                st.rerun()
            with right.popover("Genodigden toevoegen"):
                label = st.text_input("Naam of omschrijving (alleen voor jou)", key=f"add_label_{rid}", max_chars=80)
                category = st.selectbox("Categorie", list(CATEGORIES), format_func=CATEGORIES.get, key=f"add_cat_{rid}")
                if st.button("Toevoegen" if r.facilitated else "Link maken", key=f"add_{rid}"):
                    try:
                        st.session_state["spiegel_new_links"] = svc.mirror.add_invites(rid, [(label, category)])
                    except (ServiceError, AccessDenied) as exc:
                        refused(exc)
                    else:
                        st.rerun()
        else:
            outcome = svc.mirror.outcome(rid)
            result = outcome.result
            st.markdown(f"**{outcome.responses}** mensen gaven feedback.")
            if not any(t.groups for t in result.themes):
                st.info("Er zijn te weinig antwoorden om iets te tonen zonder dat iemand herkenbaar wordt "
                        "(minstens drie per getoond cijfer).")
            else:
                st.plotly_chart(charts.mirror_themes(lib, result.themes), key=f"mirror_chart_{rid}",
                                config={"displayModeBar": False})
                for column, (title, explanation, gaps) in zip(st.columns(2), (
                        ("Blinde vlekken", "Thema's waarop je jezelf minstens een punt hoger geeft dan anderen je geven.",
                         result.blind_spots),
                        ("Verborgen kwaliteiten", "Thema's waarop anderen je minstens een punt hoger geven dan jijzelf.",
                         result.hidden_strengths)), strict=True):
                    column.subheader(title)
                    column.caption(explanation)
                    column.markdown("\n".join(f"- **{g.theme}. {lib.theme(g.theme).title}**: zelf {g.self_score}, "
                                               f"{GROUP_LABELS[g.group].lower()} {number(g.others)}" for g in gaps)
                                    or "Geen.")
                shown = [g for g in GROUPS if any(t.figure(g) for t in result.themes)]

                def cells(item, shown=shown) -> dict[str, str]:
                    return {GROUP_LABELS[g]: (f"{number(f.mean)} ({f.n})" if (f := item.figure(g)) else "–")
                            for g in shown}

                st.subheader("Per rol")
                st.caption("Gemiddelde (aantal beoordelaars). Een rol telt alleen de thema's waarop die groep getoond wordt.")
                table([{"Rol": lib.roles[role.role].name, "Zelf": number(role.self_score)} | cells(role)
                              for role in result.roles])
                st.subheader("Per thema")
                st.caption("– betekent: te weinig antwoorden om te tonen zonder dat iemand herkenbaar wordt.")
                table([{"Thema": f"{t.theme}. {lib.theme(t.theme).title}",
                               "Zelf": "–" if t.self_score is None else str(t.self_score)} | cells(t)
                              for t in result.themes])
            if outcome.comments:
                st.subheader("Opmerkingen")
                st.caption("Zonder naam of categorie, in willekeurige volgorde.")
                for t in r.themes:
                    if outcome.comments.get(t):
                        st.markdown(f"**{t}. {lib.theme(t).title}**")
                        for text in outcome.comments[t]:
                            st.markdown(f"> {plain(text)}")
        if st.checkbox("Deze ronde verwijderen", key=f"del_ok_{rid}"):
            if st.button("Definitief verwijderen", key=f"del_{rid}", icon=":material/delete:"):
                svc.mirror.delete_round(rid)
                st.rerun()

st.header("Nieuwe feedbackronde")
sessions = [s for s in svc.sessions.mine() if s.answered > 0]
if not sessions:
    st.info("Vul eerst een sessie in: de ronde zet de oordelen van anderen naast jouw eigen scores.")
    st.page_link(PAGES["start"], label="Naar de startpagina", icon=":material/home:")
    st.stop()
labels = {s.id: f"{session_title(s)} ({text.date(s.created_at)})" for s in sessions}
sid = st.selectbox("Sessie met je eigen scores", list(labels), format_func=labels.get, key="round_session")
record = next(s for s in sessions if s.id == sid)
quick = [n for n in lib.structure.quick_scan if n in record.themes][:25]
urgent = [p.number for p in priorities(lib, svc.sessions.answers(sid), record.themes, limit=25)]
start_with = st.radio("Begin met", ["quick", "prioriteiten"], horizontal=True, key=f"round_start_{sid}",
                      format_func={"quick": f"mijn quick-scan-thema's ({len(quick)})",
                                   "prioriteiten": f"mijn huidige prioriteiten ({len(urgent)})"}.get,
                      help="Je kunt daarna thema's toevoegen of weghalen.")
default = (quick if start_with == "quick" else urgent) or list(record.themes)[:12]
themes = st.multiselect("Thema's (hoogstens 25)", list(record.themes), default=default, max_selections=25,
                        format_func=lambda n: f"{n}. {lib.theme(n).title}", key=f"round_themes_{sid}_{start_with}")
title = st.text_input("Naam van de ronde", value=f"Spiegel {text.month_year(clock.today())}", max_chars=120)
days = st.number_input("Looptijd in dagen", min_value=1, max_value=60, value=21)
coaches = {lk.coach_id: lk.coach_name for lk in svc.coaching.my_links() if lk.status == "actief" and lk.coach_id}
facilitator = st.radio(
    "Wie verstuurt de links?", [None, *coaches], key="round_facilitator",
    format_func=lambda c: "Ik zelf" if c is None else f"Mijn coach {plain(coaches[c])} (begeleide ronde)",
    help="In een begeleide ronde maakt je coach de links en stuurt die rond; jij ziet ze nooit. Zo kan niemand "
         "je verwijten dat je zelf links invulde om uit de gemiddelden af te leiden wat iemand antwoordde. "
         "Je coach ziet de uitkomst niet.")
if not coaches:
    st.caption("Wil je dat een coach de links verstuurt? Nodig eerst een coach uit op *Coaching*.")
st.subheader("Genodigden")
st.markdown("Per genodigde een naam of omschrijving (alleen voor jou, om bij te houden wie antwoordde) en een "
            "categorie. Nodig per categorie liefst minstens drie mensen uit.")
rows = st.session_state.setdefault("invitee_rows", 3)
invitees = []
for row in range(rows):
    name_col, category_col = st.columns([3, 2])
    name = name_col.text_input(f"Genodigde {row + 1}", key=f"invitee_name_{row}", max_chars=80,
                               placeholder="Bijvoorbeeld: wethouder Jansen")
    category = category_col.selectbox(f"Categorie van genodigde {row + 1}", list(CATEGORIES),
                                      format_func=CATEGORIES.get, key=f"invitee_category_{row}")
    invitees.append((name, category))
if rows < MAX_INVITES and st.button("Nog een genodigde", icon=":material/person_add:"):
    st.session_state.invitee_rows = rows + 1
    st.rerun()
if st.button("Ronde openen en links maken", type="primary", icon=":material/send:"):
    chosen = [(name, cat) for name, cat in invitees if name.strip()]
    try:
        _rid, new_links = svc.mirror.create_round(sid, title, themes, chosen, int(days), facilitator_id=facilitator)
    except (ServiceError, AccessDenied) as exc:
        refused(exc)
    else:
        if new_links:
            st.session_state["spiegel_new_links"] = new_links
        else:
            st.session_state["spiegel_facilitated"] = True
        for row in range(rows):
            st.session_state.pop(f"invitee_name_{row}", None)
            st.session_state.pop(f"invitee_category_{row}", None)
        st.session_state.invitee_rows = 3
        st.rerun()
