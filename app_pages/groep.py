"""One intervision group: what I share, the group dashboard, the actions members show, the agenda, and (for its
creator) the settings."""

import streamlit as st

from ui.context import require_login
from ui.downloads import download
from ui.navigation import PAGES
from ui.plan_sharing import group_actions
from ui.session import session_title
from ui.widgets import chart, refused, table
from wegwijzer import clock, text
from wegwijzer.content.methods import shared_methods
from wegwijzer.domain import agenda
from wegwijzer.domain.records import AgendaChoice
from wegwijzer.render.documents import agenda_markdown, agenda_pdf
from wegwijzer.render.figures import group_figures
from wegwijzer.service import ServiceError
from wegwijzer.service.access import AccessDenied
from wegwijzer.service.groups import GROUP_NAMINGS
from wegwijzer.text import number, plain

svc = require_login()
lib = svc.library
try:
    gid = int(st.query_params.get("groep", "0"))
    page = svc.groups.dashboard(gid)
except (ValueError, AccessDenied):
    st.title("Groep")
    st.error("Deze groep is niet met je gedeeld, of bestaat niet (meer).")
    st.page_link(PAGES["groepen"], label="Naar je groepen", icon=":material/groups:")
    st.stop()

group, members, view, entries = page.group, page.members, page.view, page.agenda
figures = group_figures(lib, view)
me = next(m for m in members if m.is_me)
st.title(plain(group.name))
# the facilitator is only pointed out by name: a "(gespreksleider)" next to a pseudonym would unmask it
st.caption(" · ".join(plain(m.label) + (" (gespreksleider)" if m.is_creator and (m.named or m.is_me) else "")
                      + ("" if m.shares else " — deelt nog niets") for m in members))

with st.expander("Mijn naam in deze groep"):
    st.markdown("De groep ziet je naam alleen als jij dat hier goedvindt; anders ben je *Deelnemer* met een letter "
                "die niets zegt over wanneer je lid werd. Niemand anders kan dat voor je veranderen.")
    if group.naming != "namen":
        st.caption("De gespreksleider heeft gekozen voor Deelnemer A, B, C …: ook met je toestemming blijft je naam "
                   "verborgen zolang dat zo is.")
    shown = st.checkbox("De groep mag mijn naam zien", value=me.shows_name, key=f"show_name_{gid}")
    if shown != me.shows_name:
        svc.groups.show_my_name(gid, shown)
        st.rerun()

with st.expander("Wat deel ik met deze groep?", expanded=not me.shares):
    done = [s for s in svc.sessions.mine() if s.status == "afgerond"]
    if not done:
        st.info("Je hebt nog geen afgeronde sessie. Rond een sessie af op de vragenlijst of het dashboard; "
                "daarna kun je haar hier delen.")
    else:
        options = {s.id: f"{session_title(s)} ({text.date(s.completed_at or s.created_at)}, "
                         f"{s.answered} thema's)" for s in done}
        chosen = st.selectbox("Afgeronde sessie", list(options), format_func=options.get, key=f"share_{gid}")
        st.caption("De groep ziet van je sessie alleen de scores (beheersing, belang, niet van toepassing), nooit je "
                   "notities. Acties uit je ontwikkelplan deel je los, bij Gedeelde acties.")
        left, right = st.columns(2)
        if left.button("Deze sessie delen", type="primary", icon=":material/share:"):
            try:
                svc.groups.share(gid, chosen)
            except (ServiceError, AccessDenied) as exc:
                refused(exc)
            else:
                st.rerun()
        if me.shares and right.button("Delen intrekken", icon=":material/visibility_off:"):
            svc.groups.withdraw(gid)
            st.rerun()

if not view.sharing:
    st.info("Nog niemand deelt een sessie. Zodra leden een afgeronde sessie delen, verschijnt hier het groepsbeeld.")
else:
    st.header("Rollenprofielen")
    st.caption(f"{len(view.sharing)} van {text.count(len(members), 'lid', 'leden')} delen een sessie.")
    chart(figures["radar"], key="group_radar", title="Rollenprofielen",
          rows=[{"Lid": label} | {lib.roles[r.role].short: number(r.score) for r in roles}
                for label, roles in view.profiles])
    st.header("Hoofdstukken per lid")
    st.caption("Gemiddelde beheersing per hoofdstuk; – betekent geen score in dat hoofdstuk.")
    chart(figures["heatmap"], key="group_heatmap", title="Hoofdstukken per lid",
          rows=[{"Hoofdstuk": chapter} | {label: number(v) for label, v in zip(view.sharing, values, strict=True)}
                for chapter, values in view.chapter_means])
    differ, hard = st.columns(2)
    with differ:
        st.subheader("Waar verschillen we het meest")
        if view.most_different:
            st.caption("Elke stip is een score; hoe groter de stip, hoe meer leden. Het streepje is het gemiddelde.")
            chart(figures["spread"], key="group_spread", title="Waar we het meest verschillen",
                  rows=[{"Thema": f"{t.number}. {t.title}", "Scores": ", ".join(map(str, sorted(t.scores))),
                         "Gemiddeld": number(t.mean)} for t in view.most_different])
        else:
            st.caption("Nog geen thema's waarop minstens twee leden verschillend scoren.")
    with hard:
        st.subheader("Wat vinden we allemaal lastig")
        if not view.all_hard:
            st.caption("Geen thema's met gemiddeld 3 of lager op beheersing en (zeer) belangrijk, bij minstens de helft.")
        for t in view.all_hard:
            st.markdown(f"**{t.number}. {t.title}** — gemiddeld {number(t.mean)} op beheersing, "
                        f"{number(t.mean_importance)} op belang ({text.count(len(t.scores), 'lid', 'leden')})")
    with st.expander("Alle thema's: spreiding per thema"):
        table([{"Thema": f"{t.number}. {t.title}", "Scores": len(t.scores), "Gemiddeld": number(t.mean),
                       "Laagste": min(t.scores), "Hoogste": max(t.scores), "Verschil": t.spread,
                       "Belang (gem.)": number(t.mean_importance), "N.v.t.": t.not_applicable} for t in view.themes])

group_actions(svc, gid)

st.header("Agenda voor de bijeenkomst")
if not entries:
    st.caption("Er is nog geen agenda: die ontstaat uit de gedeelde sessies, of de gespreksleider stelt haar samen.")
for i, e in enumerate(entries, 1):
    with st.container(border=True):
        st.markdown(f"**{i}. Thema {e.number}: {e.title}**  \n*{agenda.REASON_LABELS[e.reason]}.* {e.why}")
        st.markdown("\n".join(f"- {q}" for q in e.questions))
        with st.expander(f"Werkvorm: {e.method.name} ({e.method.duration})"):
            st.markdown(e.method.summary + "\n\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(e.method.steps, 1))
                        + f"\n\n*Past wanneer:* {e.method.fits_when}")
if entries:
    today = clock.today().isoformat()
    stem = f"intervisie-agenda-{today}"
    a, b = st.columns(2)
    download(a, "Agenda (Markdown)", lambda current: agenda_markdown(group.name, current.groups.dashboard(gid).agenda, today),
             file_name=f"{stem}.md", mime="text/markdown", icon=":material/description:")
    download(b, "Agenda (PDF)", lambda current: agenda_pdf(group.name, current.groups.dashboard(gid).agenda, today),
             file_name=f"{stem}.pdf", mime="application/pdf", icon=":material/picture_as_pdf:")

if me.is_creator:
    st.header("Gespreksleider")
    with st.expander("Agenda aanpassen"):
        catalogue = shared_methods()
        method_names = {m.key: m.name for m in catalogue}
        numbers = st.multiselect("Thema's op de agenda (3 tot 5 werkt goed)", [t.number for t in lib.themes],
                                 default=[e.number for e in entries], max_selections=8, key=f"agenda_{gid}",
                                 format_func=lambda n: f"{n}. {lib.theme(n).title}")
        suggested = {e.number: e.method.key for e in entries}
        chosen_methods = {}
        for number in numbers:
            default = suggested.get(number, catalogue[0].key)
            chosen_methods[number] = st.selectbox(f"Werkvorm bij {number}. {lib.theme(number).title}",
                                                  list(method_names), index=list(method_names).index(default),
                                                  format_func=method_names.get, key=f"method_{gid}_{number}")
        left, right = st.columns(2)
        if left.button("Agenda bewaren", type="primary"):
            reasons = {e.number: e.reason for e in entries}
            svc.groups.save_agenda(gid, [AgendaChoice(n, chosen_methods[n], reasons.get(n, "eigen")) for n in numbers])
            st.rerun()
        if group.agenda and right.button("Terug naar het voorstel"):
            svc.groups.reset_agenda(gid)
            st.rerun()
    with st.expander("Leden uitnodigen"):
        st.markdown("Geef deze code aan wie je wilt uitnodigen; met de code wordt iemand lid via *Intervisiegroepen*.")
        st.code(group.join_code, language=None)
        if st.button("Nieuwe code maken", help="De oude code werkt daarna niet meer; leden blijven lid."):
            svc.groups.renew_code(gid)
            st.rerun()
    with st.expander("Lid verwijderen"):
        roster = dict(svc.groups.roster(gid))
        if not roster:
            st.caption("Er zijn nog geen andere leden.")
        else:
            st.caption("Wie je verwijdert, ziet de groep niet meer en zijn of haar scores verdwijnen uit het groepsbeeld. "
                       "Maak daarna een nieuwe code als de oude niet meer bij deze persoon mag blijven.")
            removed = st.selectbox("Lid", list(roster), format_func=lambda pid: roster[pid], key=f"remove_who_{gid}")
            sure_remove = st.checkbox("Ja, verwijder dit lid uit de groep", key=f"remove_sure_{gid}")
            if st.button("Verwijderen", disabled=not sure_remove, icon=":material/person_remove:"):
                try:
                    svc.groups.remove_member(gid, removed)
                except (ServiceError, AccessDenied) as exc:
                    refused(exc)
                else:
                    st.rerun()
    with st.expander("Instellingen"):
        naming = st.radio("Hoe zien leden elkaar?", list(GROUP_NAMINGS), format_func=GROUP_NAMINGS.get,
                          index=list(GROUP_NAMINGS).index(group.naming), key=f"naming_{gid}",
                          help="Een naam verschijnt alleen als dat lid het zelf goedvindt.")
        if naming != group.naming:
            svc.groups.update(gid, naming=naming)
            st.rerun()
        st.divider()
        sure = st.checkbox("Ja, hef deze groep op (gedeelde sessies blijven van de leden zelf)", key=f"dissolve_{gid}")
        if st.button("Groep opheffen", disabled=not sure, icon=":material/group_off:"):
            svc.groups.dissolve(gid)
            st.switch_page(PAGES["groepen"])
else:
    with st.expander("Groep verlaten"):
        if st.button("Ik verlaat deze groep", icon=":material/logout:"):
            svc.groups.leave(gid)
            st.switch_page(PAGES["groepen"])
