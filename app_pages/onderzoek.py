"""Onderzoek 2020: answer a few questions of the VGS/BZK study yourself and see the published figures beside them."""

from typing import Any

import streamlit as st

from ui.callbacks import run
from ui.context import service
from ui.widgets import show_problem, table
from wegwijzer.content.study import ChoiceQuestion, PointsQuestion, ResearchFileError, shared_research
from wegwijzer.domain.records import StudyAnswers
from wegwijzer.domain.study import (
    LIMITS,
    NOTABLE,
    ItemComparison,
    compare_choice,
    compare_pillar_dimensions,
    compare_pillars,
    compare_steering,
    validate_points,
)
from wegwijzer.render.study_charts import comparison_bars
from wegwijzer.service import Service
from wegwijzer.text import number, signed

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
CHOICES = {"perspective": "Perspectief op sturing", "leadership": "Leiderschapsopdracht",
           "repertoire": "Handelingsrepertoire"}

svc = service()
st.title("Onderzoek 2020")
try:
    research = shared_research()
except ResearchFileError as exc:
    st.error("Het bestand met de cijfers van het onderzoek kan niet worden gelezen. Er is niets aan je gegevens "
             "veranderd; herstel het bestand en laad de pagina opnieuw.")
    st.code("\n".join(exc.problems), language=None)
    st.stop()
source, sample = research.source, research.sample
saved = svc.personal.study_answers() or StudyAnswers()


def listing(items: list[str] | tuple[str, ...]) -> str:
    return ", ".join(items[:-1]) + " en " + items[-1] if len(items) > 1 else "".join(items)


# --- the study ---------------------------------------------------------------------------------------

st.markdown(
    f"In {MONTHS[source.month - 1]} {source.year} verscheen het rapport *{source.title}: {source.subtitle}*. "
    "Gemeentesecretarissen vertelden daarin hoe hun organisatie stuurt, wat volgens hen samenwerking met partners "
    "laat slagen en hoe zij hun eigen opdracht zien. Op deze pagina beantwoord je een paar van die vragen zelf. "
    "Daarna zie je jouw antwoorden naast wat de secretarissen destijds gemiddeld opgaven.\n\n"
    f"**Uitgevoerd door:** {listing(source.bureaus)}  \n"
    f"**In opdracht van:** {listing(source.commissioned_by)}"
)
with st.container(border=True):
    known, unknown = st.columns(2)
    with known:
        st.markdown("**Wat we weten over het onderzoek**")
        facts = [sample.who]
        if sample.respondents is not None:
            facts.append(f"{sample.respondents} secretarissen vulden de enquête in.")
        if sample.response_rate_percent is not None:
            facts.append(f"De respons was {number(sample.response_rate_percent, trim=True)}%.")
        if sample.interviews is not None:
            facts.append(f"Er zijn {sample.interviews} interviews gehouden.")
        if sample.fieldwork_period is not None:
            facts.append(f"Periode: {sample.fieldwork_period}.")
        st.markdown("\n".join(f"- {f}" for f in [*facts, *sample.methods]))
        st.caption(f"Werkwijze: {sample.where} van het rapport.")
    with unknown:
        st.markdown("**Wat het rapport niet vermeldt**")
        st.markdown("\n".join(f"- {n}" for n in sample.not_known) or "- Het rapport beschrijft de deelnemers volledig.")
st.caption(source.attribution)


# --- your answers ------------------------------------------------------------------------------------


def points_block(question: PointsQuestion, prefix: str, stored: Any) -> dict[str, int]:
    """Number inputs for a '10 points' question, prefilled from what was stored, with a live total."""
    stored = stored if isinstance(stored, dict) else {}
    st.markdown(question.question)
    values: dict[str, int] = {}
    with st.container(border=True):
        for item in question.items:
            start = stored.get(item.key, 0)
            start = start if isinstance(start, int) and 0 <= start <= question.total_points else 0
            text, number = st.columns([5, 1], vertical_alignment="center")
            text.markdown(f"**{item.name}**  \n{item.description}")
            values[item.key] = int(number.number_input(
                item.name, min_value=0, max_value=question.total_points, step=1, value=start,
                key=f"{prefix}_{item.key}", label_visibility="collapsed"))
    total, goal = sum(values.values()), question.total_points
    left = f" · nog {goal - total} {'punt' if goal - total == 1 else 'punten'} te verdelen" if total < goal else ""
    st.progress(min(total, goal) / goal, text=f"{total} van de {goal} punten verdeeld{left}")
    if total > goal:
        st.warning(" ".join(validate_points(values, question.keys(), question.names(), goal)))
    elif total == goal:
        st.success(f"Alle {goal} punten zijn verdeeld.", icon=":material/check:")
    return values


def choice_block(kind: str, question: ChoiceQuestion, stored: Any) -> str | None:
    """A radio with our description of every option, prefilled from what was stored."""
    keys = list(question.keys())
    return st.radio(question.question, keys, index=keys.index(stored) if stored in keys else None,
                    format_func=lambda k: question.item(k).name, captions=[i.description for i in question.items],
                    key=f"ro_{kind}")


def widget_answers() -> StudyAnswers:
    """What the widgets hold now (read from the session state, so a last change is never lost)."""
    ss = st.session_state
    return StudyAnswers(
        steering={k: int(ss.get(f"ro_steering_{k}", 0)) for k in research.steering_forms.keys()},
        pillars={k: int(ss.get(f"ro_pillars_{k}", 0)) for k in research.pillars.keys()},
        perspective=ss.get("ro_perspective"), leadership=ss.get("ro_leadership"), repertoire=ss.get("ro_repertoire"))


def save(current: Service) -> None:
    current.personal.save_study_answers(widget_answers())
    st.session_state.ro_saved = True


st.header("Jouw antwoorden")
st.caption("Er zijn geen goede of foute antwoorden. Vul in wat voor jou en je gemeente nu geldt; je kunt je "
           "antwoorden bewaren en later aanpassen.")

st.subheader("Sturing in je organisatie")
perspective = choice_block("perspective", research.perspectives, saved.perspective)
steering = points_block(research.steering_forms, "ro_steering", saved.steering)

st.subheader("Samenwerking met partners")
pillars = points_block(research.pillars, "ro_pillars", saved.pillars)

st.subheader("Jouw opdracht als secretaris")
leadership = choice_block("leadership", research.leadership_assignments, saved.leadership)
repertoire = choice_block("repertoire", research.action_repertoires, saved.repertoire)

answers = StudyAnswers(steering=steering, pillars=pillars, perspective=perspective, leadership=leadership,
                       repertoire=repertoire)
show_problem("ro_save")
st.button("Antwoorden bewaren", type="primary", icon=":material/save:", on_click=run, args=(save,),
          kwargs={"where": "ro_save"})
if st.session_state.pop("ro_saved", False):
    st.success("Je antwoorden zijn bewaard. Alleen jij ziet ze.")
elif saved != StudyAnswers() and answers != saved:
    st.caption("Je hebt wijzigingen die nog niet zijn bewaard.")


# --- the comparison --------------------------------------------------------------------------------


def where_caption(items: tuple[Any, ...]) -> None:
    places = list(dict.fromkeys(i.where for i in items))
    st.caption(f"Vindplaats in het rapport: {'; '.join(places)}.")


def remarks(items: list[ItemComparison], what: str) -> None:
    notable = [i for i in items if i.remark]
    if notable:
        st.markdown("\n".join(f"- **{i.name}**: {i.remark}" for i in notable))
    else:
        st.markdown(f"Bij geen enkele {what} wijk je {number(NOTABLE, trim=True)} punt of meer af van het gemiddelde "
                    "van 2020.")


def comparable(question: PointsQuestion, points: dict[str, int], what: str) -> bool:
    """True when the points are a valid distribution of 10; otherwise False, with a short notice why."""
    problems = validate_points(points, question.keys(), question.names(), question.total_points)
    if problems:
        st.caption(f"De vergelijking verschijnt zodra je precies {question.total_points} punten over de {what} hebt "
                   f"verdeeld. {' '.join(problems)}")
    return not problems


def points_comparison(items: list[ItemComparison], what: str, column: str, chart_key: str) -> None:
    chart, words = st.columns([3, 2])
    chart.plotly_chart(comparison_bars(items), key=chart_key, config={"displayModeBar": False})
    with words:
        st.markdown("**Wat opvalt**")
        remarks(items, what)
    table(
        [{column: i.name, "Jij": i.own, "Gemiddelde 2020": number(i.published, trim=True),
          "Verschil": signed(i.difference, trim=True)}
         for i in items]
    )


st.header("Jij naast het onderzoek")
st.info(LIMITS, icon=":material/info:")

st.subheader("Sturingsvormen")
if comparable(research.steering_forms, steering, "sturingsvormen"):
    points_comparison(compare_steering(research, steering), "sturingsvorm", "Sturingsvorm", "steering_chart")
    if research.steering_forms.note:
        st.caption(research.steering_forms.note)
    where_caption(research.steering_forms.items)

st.subheader("Pijlers van samenwerking")
if comparable(research.pillars, pillars, "pijlers"):
    points_comparison(compare_pillars(research, pillars), "pijler", "Pijler", "pillars_chart")
    st.markdown("**Per besturingsdimensie**")
    st.caption("Het rapport deelt de acht pijlers in vier dimensies in, elk met twee pijlers. Het gemiddelde per "
               "dimensie is hier de som van de twee gepubliceerde gemiddelden; dat totaal staat zelf niet in het "
               "rapport.")
    dimensions = compare_pillar_dimensions(research, pillars)
    members = {d.key: " en ".join(i.name for i in research.pillars.items if i.dimension == d.key) for d in dimensions}
    table(
        [{"Dimensie": d.name, "Pijlers": members[d.key], "Jij": d.own, "Gemiddelde 2020": number(d.published, trim=True),
          "Verschil": signed(d.difference, trim=True)}
         for d in dimensions]
    )
    remarks(dimensions, "dimensie")
    where_caption(research.pillars.items)

st.subheader("Jouw keuzes")
chosen = {"perspective": perspective, "leadership": leadership, "repertoire": repertoire}
if not any(chosen.values()):
    st.caption("Kies hierboven een perspectief, een leiderschapsopdracht of een handelingsrepertoire; dan zie je hier "
               "hoeveel secretarissen in 2020 hetzelfde kozen.")
for kind, key in chosen.items():
    if key is None:
        continue
    question = research.choice_question(kind)
    result = compare_choice(research, kind, key)
    with st.container(border=True):
        st.markdown(f"**{CHOICES[kind]}: {result.name}**")
        st.markdown(result.remark)
        st.caption("Alle antwoorden in 2020: " + " · ".join(
            f"{i.name} {number(i.value, trim=True)}%" if i.value is not None else f"{i.name} (geen cijfer)"
            for i in question.items))
st.caption(source.attribution)
