"""Functieprofiel: a result beside what a municipality looks for, and own profiles (reflection, not assessment)."""

import streamlit as st

from ui.callbacks import run
from ui.context import library, service
from ui.navigation import PAGES
from ui.session import session_title
from ui.widgets import show_problem, table
from wegwijzer.content.library import slugify
from wegwijzer.content.models import ROLE_KEYS
from wegwijzer.content.profiles import DISCLAIMER, FunctionProfile, ProfileError, shared_profiles
from wegwijzer.domain.fit import ProfileFit, ThemeFit, fit
from wegwijzer.service import Service
from wegwijzer.text import count, date, number, percent, plain, themes

WEIGHT_LABELS = {0: "telt niet", 1: "telt mee", 2: "belangrijk", 3: "zeer belangrijk"}
TOP = 10  # rows in the table of the heaviest themes
SHOWN = 8  # strengths and themes not yet answered on screen
SHOWN_ATTENTION = 6  # points of attention, each with its reflection questions
FIELD_LABELS = {"name": "Naam", "key": "Naam", "municipality": "Gemeente", "source": "Bron",
                "description": "Wat zoekt de gemeente?", "roles/themes": "Gewichten"}

lib = library()
svc = service()


def weight_text(weight: int) -> str:
    return f"{WEIGHT_LABELS[weight]} ({weight})" if weight else "telt niet"


def mastery_text(theme: ThemeFit, scope: tuple[int, ...]) -> str:
    if theme.mastery is not None:
        return str(theme.mastery)
    if theme.not_applicable:
        return "niet van toepassing"
    return "nog niet ingevuld" if theme.number in scope else "niet in deze sessie"


def profile_key(name: str) -> str:
    """The profile's key from its name: a slug that starts with a letter (the schema asks for that)."""
    slug = slugify(name)[:60].strip("-")
    if not slug or not slug[0].isalpha():
        slug = f"profiel-{slug}"[:60].strip("-")
    return slug


def problem_line(problem: str) -> str:
    """'eigen profiel: name — leeg — geef …' as '**Naam**: leeg — geef …' (field names in Dutch)."""
    head, _, rest = problem.partition(" — ")
    field = head.split(": ", 1)[-1]
    if field.startswith("themes."):
        number = field.split(".")[1]
        label = f"Thema {number}"
    elif field.startswith("roles."):
        role = field.split(".")[1]
        label = lib.roles[role].name if role in lib.roles else "Rol"
    else:
        label = FIELD_LABELS.get(field, field)
    return f"**{label}**: {rest}" if rest else problem


# --- choosing a profile ---------------------------------------------------------------------------

st.title("Functieprofiel")
st.markdown(
    "Solliciteer je op een functie als gemeentesecretaris, of wil je weten hoe je ervoor staat ten opzichte van "
    "wat een gemeente vraagt? Kies een functieprofiel en zet je eigen resultaat ernaast. Je ziet welke rollen en "
    "thema's voor die gemeente zwaar wegen, waar je sterk staat en waar je je nog op kunt voorbereiden."
)
st.info(DISCLAIMER, icon=":material/info:")

try:
    examples = list(shared_profiles())
except ProfileError as exc:
    examples = []
    st.warning("De voorbeeldprofielen konden niet worden gelezen; je eigen profielen werken wel. "
               "Herstel de bestanden in inhoud/functieprofielen:")
    st.code("\n".join(exc.problems), language=None)
own = svc.personal.profiles()

choices: dict[str, tuple[FunctionProfile, int | None]] = {f"voorbeeld:{p.key}": (p, None) for p in examples}
choices |= {f"eigen:{pid}": (p, pid) for pid, p in own}
if st.session_state.get("fp_choice") not in choices:
    st.session_state.pop("fp_choice", None)


def choice_label(choice: str) -> str:
    profile, pid = choices[choice]
    return f"{profile.name} ({'voorbeeld' if pid is None else 'eigen profiel'})"


st.header("Profiel kiezen")
profile: FunctionProfile | None = None
if not choices:
    st.caption("Er is nog geen profiel om uit te kiezen. Maak hieronder een eigen profiel.")
else:
    chosen = st.selectbox("Functieprofiel", list(choices), format_func=choice_label, key="fp_choice",
                          help="De voorbeelden zijn onze lezing van openbare wervingsprofielen. "
                               "Eigen profielen maak je onderaan deze pagina.")
    profile = choices[chosen][0]
    with st.container(border=True):
        st.subheader(plain(profile.name))
        if profile.municipality:
            st.caption(f"Gemeente {plain(profile.municipality)}")
        st.markdown(plain(profile.description))
        if profile.source:
            st.caption(f"Bron: {plain(profile.source)}")
    with st.expander("Wat weegt zwaar in dit profiel, en waarom"):
        st.caption("Gewicht 1 = telt mee, 2 = belangrijk, 3 = zeer belangrijk. Rollen en thema's die het profiel "
                   "niet noemt, tellen alleen mee via de rollen waar ze bij horen.")
        st.markdown("**Rollen**")
        roles = sorted(profile.roles.items(), key=lambda kv: (-kv[1].weight, ROLE_KEYS.index(kv[0])))
        st.markdown("\n".join(
            f"- **{lib.roles[r].name}** · {weight_text(w.weight)}" + (f" — {plain(w.reason)}" if w.reason else "")
            for r, w in roles) or "Dit profiel noemt geen rollen.")
        st.markdown("**Thema's**")
        named_themes = sorted(profile.themes.items(), key=lambda kv: (-kv[1].weight, kv[0]))
        st.markdown("\n".join(
            f"- **{n}. {lib.theme(n).title if n in lib.by_number else '(onbekend thema)'}** · {weight_text(w.weight)}"
            + (f" — {plain(w.reason)}" if w.reason else "")
            for n, w in named_themes) or "Dit profiel noemt geen afzonderlijke thema's.")


# --- the fit ------------------------------------------------------------------------------------------


def show_fit(result: ProfileFit, scope: tuple[int, ...], session_id: int) -> None:
    in_scope = [t for t in result.unanswered if t.number in scope]
    outside = [t for t in result.unanswered if t.number not in scope]
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Dekking", percent(result.coverage * 100),
              help="Welk deel van het totale gewicht van dit profiel rust op thema's waarop je jezelf een score "
                   "gaf. Thema's buiten deze sessie, 'niet van toepassing' en lege antwoorden tellen niet mee.")
    c2.metric("Sterke punten", len(result.strengths))
    c3.metric("Aandachtspunten", len(result.attention))
    c4.metric("Nog niet ingevuld", len(in_scope))
    if result.coverage < 0.5:
        st.caption(f"Minder dan de helft van wat dit profiel vraagt, rust op een score van jou "
                   f"({percent(result.coverage * 100)}). Lees het beeld hieronder dus als voorlopig.")

    st.subheader("Rollen")
    st.caption("Per rol: hoe zwaar het profiel die rol weegt, naast jouw rolscore (het gewogen gemiddelde van je "
               "beheersing op de thema's van die rol, 1–5, zoals op het dashboard).")
    st.markdown("| Rol | In dit profiel | Jouw score | Rust op |\n|---|---|---:|---:|\n" + "\n".join(
        f"| {r.name} | {weight_text(r.weight)} | "
        f"{number(r.score)} | {themes(r.themes)} |"
        for r in result.roles))

    st.subheader("Thema's die het zwaarst wegen")
    st.caption("Het gewicht (0 tot 6) telt op wat het profiel over het thema zelf zegt (0–3) en hoe zwaar het "
               "profiel de rollen van dat thema weegt (0–3).")
    table(
        [{"Thema": f"{t.number}. {t.title}", "Gewicht": number(t.weight),
          "Jouw beheersing": mastery_text(t, scope)} for t in result.top_themes[:TOP]]
    )

    st.subheader("Sterke punten voor deze functie")
    st.caption("Thema's die voor dit profiel meewegen en waarop je jezelf een 4 of 5 geeft, zwaarste eerst.")
    if not result.strengths:
        st.markdown("Nog geen thema's met een 4 of 5 onder wat dit profiel vraagt.")
    columns = st.columns(2)
    for i, t in enumerate(result.strengths[:SHOWN]):
        columns[i % 2].markdown(f"**{t.number}. {t.title}** — beheersing {t.mastery}, gewicht {number(t.weight)}"
                                + (f"  \n*Waarom dit telt:* {plain(t.reason)}" if t.reason else ""))
    if len(result.strengths) > SHOWN:
        st.caption(f"En nog {len(result.strengths) - SHOWN} andere.")

    st.subheader("Aandachtspunten")
    st.caption("Thema's die meewegen en waarop je jezelf 3 of lager geeft; bovenaan wat zwaar weegt en het verst "
               "van een 5 af ligt (gewicht × (5 − beheersing)). De vragen helpen je je voor te bereiden.")
    if not result.attention:
        st.markdown("Geen thema's met een 3 of lager onder wat dit profiel vraagt.")
    columns = st.columns(2)
    for i, t in enumerate(result.attention[:SHOWN_ATTENTION]):
        with columns[i % 2].container(border=True):
            st.markdown(f"**{t.number}. {t.title}** — beheersing {t.mastery}, gewicht {number(t.weight)}"
                        + (f"  \n*Waarom dit telt:* {plain(t.reason)}" if t.reason else ""))
            st.markdown("\n".join(f"- {q}" for q in lib.theme(t.number).reflection_questions))
    if len(result.attention) > SHOWN_ATTENTION:
        st.caption(f"En nog {len(result.attention) - SHOWN_ATTENTION} andere.")

    st.subheader("Nog niet ingevuld")
    if in_scope:
        st.markdown("Deze thema's horen bij je sessie en wegen mee voor dit profiel, maar je hebt ze nog niet "
                    "beantwoord:")
        st.markdown("\n".join(f"- **{t.number}. {t.title}** (gewicht {number(t.weight)})" for t in in_scope[:SHOWN]))
        if len(in_scope) > SHOWN:
            st.caption(f"En nog {len(in_scope) - SHOWN} andere.")
        st.page_link(PAGES["vragenlijst"], label="Verder met de vragenlijst", icon=":material/edit_note:",
                     query_params={"sessie": session_id})
    else:
        st.markdown("Alle thema's van deze sessie die voor dit profiel meewegen, heb je beantwoord.")
    if outside:
        examples_text = ", ".join(f"{t.number}. {t.title}" for t in outside[:3])
        st.caption(f"{len(outside)} thema's die voor dit profiel meewegen, vallen buiten deze sessie (de zwaarste: "
                   f"{examples_text}). Wie ze ook beantwoordt, bijvoorbeeld in een sessie met alle thema's, krijgt "
                   "een vollediger beeld.")


st.header("Jouw resultaat naast dit profiel")
sessions = [s for s in svc.sessions.mine() if s.answered > 0]
if not sessions:
    st.info("Je hebt nog geen sessie met antwoorden. Vul eerst een aantal thema's in; daarna zie je hier hoe je "
            "resultaat zich verhoudt tot het gekozen profiel.")
    st.page_link(PAGES["start"], label="Begin een sessie op de startpagina", icon=":material/home:")
elif profile is None:
    st.caption("Kies of maak eerst een profiel.")
else:
    by_id = {s.id: s for s in sessions}
    session_id = st.selectbox(
        "Sessie", list(by_id), key="fp_session",
        format_func=lambda i: f"{session_title(by_id[i])} · {by_id[i].answered} van {len(by_id[i].themes)} "
                              f"beantwoord · gestart {date(by_id[i].created_at)}",
    )
    record = by_id[session_id]
    show_fit(fit(profile, lib, svc.sessions.answers(record.id), limit=len(lib.themes)), record.themes, record.id)


# --- own profiles ----------------------------------------------------------------------------------


def save_profile(current: Service) -> None:
    ss = st.session_state
    chosen = ss.get("fp_themes", [])
    name = ss.get("fp_name", "").strip()
    data = {
        "key": profile_key(name), "name": name, "municipality": ss.get("fp_municipality", "").strip(),
        "source": ss.get("fp_source", "").strip(), "description": ss.get("fp_description", "").strip(),
        "roles": {r: {"weight": ss[f"fp_role_{r}"], "reason": ""} for r in ROLE_KEYS if ss.get(f"fp_role_{r}")},
        "themes": {n: {"weight": ss.get(f"fp_theme_{n}", 2), "reason": ss.get(f"fp_reason_{n}", "").strip()}
                   for n in chosen},
    }
    try:
        new_id = current.personal.save_profile(data)
    except ProfileError as exc:
        ss.fp_problems = list(exc.problems)
        return
    ss.fp_problems = []
    ss.fp_saved = name
    ss.fp_choice = f"eigen:{new_id}"
    for key in ("fp_name", "fp_municipality", "fp_source", "fp_description"):
        ss[key] = ""
    for r in ROLE_KEYS:
        ss[f"fp_role_{r}"] = 0
    for n in chosen:
        ss.pop(f"fp_theme_{n}", None)
        ss.pop(f"fp_reason_{n}", None)
    ss.fp_themes = []


def delete_profile(current: Service, profile_id: int) -> None:
    current.personal.delete_profile(profile_id)
    if st.session_state.get("fp_choice") == f"eigen:{profile_id}":
        st.session_state.pop("fp_choice", None)
    st.session_state.fp_deleted = True


st.header("Eigen profiel maken")
st.markdown(
    "Lees je een vacaturetekst of profielschets van een gemeente? Leg dan in je eigen woorden vast wat die gemeente "
    "vraagt: hoe zwaar elke rol weegt en welke thema's ze uitdrukkelijk noemt. Daarna kun je het profiel hierboven "
    "kiezen. Alleen jij ziet je eigen profielen."
)
if saved := st.session_state.pop("fp_saved", None):
    st.success(f"Het profiel '{plain(saved)}' is bewaard en hierboven gekozen.")
with st.container(border=True):
    left, right = st.columns(2)
    left.text_input("Naam van het profiel", key="fp_name", max_chars=150,
                    placeholder="Gemeentesecretaris Voorbeeldstad (vacature)")
    right.text_input("Gemeente (optioneel)", key="fp_municipality", max_chars=100)
    st.text_area("Wat zoekt de gemeente?", key="fp_description", max_chars=1500, height=110,
                 placeholder="Beschrijf in een paar zinnen, in je eigen woorden, wat voor secretaris de gemeente "
                             "zoekt en waarom.")
    st.text_input("Bron (optioneel)", key="fp_source", max_chars=1000,
                  placeholder="Bijvoorbeeld: vacaturetekst op de website van de gemeente, voorjaar 2027")

    st.markdown("**Hoe zwaar weegt elke rol voor deze gemeente?**")
    st.caption("Laat een rol op 'telt niet' staan als de tekst er niets over zegt.")
    columns = st.columns(4)
    for i, role in enumerate(ROLE_KEYS):
        columns[i % 4].select_slider(lib.roles[role].short, options=list(WEIGHT_LABELS), value=0,
                                     format_func=WEIGHT_LABELS.get, key=f"fp_role_{role}",
                                     help=f"{lib.roles[role].name}: {lib.roles[role].description}")

    st.markdown("**Welke thema's noemt de gemeente met zoveel woorden?**")
    chosen_themes = st.multiselect("Thema's", [t.number for t in lib.themes], key="fp_themes",
                                   format_func=lambda n: f"{n}. {lib.theme(n).title}",
                                   placeholder="Typ een titel of nummer", label_visibility="collapsed")
    for theme_number in chosen_themes:
        weight_col, reason_col = st.columns([2, 3])
        weight_col.select_slider(f"{theme_number}. {lib.theme(theme_number).title}", options=[1, 2, 3], value=2,
                                 format_func=WEIGHT_LABELS.get, key=f"fp_theme_{theme_number}")
        reason_col.text_input("Waarom (optioneel)", key=f"fp_reason_{theme_number}", max_chars=300,
                              placeholder="Wat de tekst hierover zegt, in één regel")

    show_problem("fp_save")
    st.button("Profiel bewaren", type="primary", icon=":material/save:", on_click=run, args=(save_profile,),
              kwargs={"where": "fp_save"})
    if problems := st.session_state.pop("fp_problems", None):
        st.error("Het profiel is niet bewaard. Pas het volgende aan:\n\n"
                 + "\n".join(f"- {problem_line(p)}" for p in problems))

if own:
    st.subheader("Mijn eigen profielen")
if st.session_state.pop("fp_deleted", False):
    st.success("Het profiel is verwijderd.")
if own:
    for pid, own_profile in own:
        with st.container(border=True):
            text, action = st.columns([3, 2], vertical_alignment="center")
            roles_count, themes_count = len(own_profile.roles), len(own_profile.themes)
            text.markdown(f"**{plain(own_profile.name)}**  \n"
                          + (f"{plain(own_profile.municipality)} · " if own_profile.municipality else "")
                          + f"gewicht op {count(roles_count, 'rol', 'rollen')} en "
                          + themes(themes_count))
            sure = action.checkbox("Ja, verwijder dit profiel", key=f"fp_sure_{pid}")
            action.button("Verwijderen", key=f"fp_delete_{pid}", disabled=not sure, icon=":material/delete:",
                          on_click=run, args=(delete_profile, pid), kwargs={"where": f"fp_delete_{pid}"})
            show_problem(f"fp_delete_{pid}")
