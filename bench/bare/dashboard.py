"""A bare dashboard: the same charts (sizes and trace kinds), tables, expanders and buttons as ours."""

import random

import plotly.graph_objects as go
import streamlit as st

rng = random.Random(1)
ROLES = ["Verbinder", "Adviseur", "Directeur", "Boegbeeld", "Crisisleider", "Netwerker", "Persoon"]


def radar(series: int) -> go.Figure:
    traces = [go.Scatterpolar(r=[rng.uniform(1, 5) for _ in ROLES] * 1, theta=ROLES, fill="toself") for _ in range(series)]
    return go.Figure(traces, layout=dict(height=500, polar=dict(radialaxis=dict(range=[0, 5]))))


def bars(n: int, height: int) -> go.Figure:
    return go.Figure([go.Bar(x=[rng.uniform(1, 5) for _ in range(n)], y=[f"Rij {i}" for i in range(n)], orientation="h",
                             text=[f"{rng.uniform(1, 5):.1f}" for _ in range(n)])], layout=dict(height=height))


def rows(n: int, columns: int) -> list[dict]:
    return [{f"Kolom {c}": f"waarde {r}-{c}" for c in range(columns)} for r in range(n)]


def chart(fig: go.Figure, key: str, table_rows: list[dict]) -> None:
    st.plotly_chart(fig, key=key, config={"displayModeBar": False})
    with st.expander("Als tabel"):
        st.table(table_rows, hide_index=True)


st.title("Dashboard · Sessie")
st.caption("Alle 100 thema's · Zittend secretaris · gestart 1 maart 2026")
st.selectbox("Vergelijk met een eerdere sessie", ["Geen vergelijking", "Eerder"], index=1, key="cmp")
with st.container(horizontal=True):
    for label in ("Beantwoord", "Met een score", "Niet van toepassing", "Prioriteiten"):
        st.metric(label, rng.randint(1, 100), width="content")
with st.expander("Hoe wordt er gerekend?"):
    st.write("Uitleg.")
st.header("Rollenprofiel")
left, right = st.columns([3, 2])
with left:
    chart(radar(1), "radar", rows(7, 3))
right.markdown("| Rol | Score | Thema's |\n|---|---:|---:|\n" + "\n".join(f"| {r} | 3,1 | 12 |" for r in ROLES))
st.header("Hoofdstukken")
chart(bars(19, 740), "chapters", rows(19, 4))
st.header("Sterke punten en ontwikkelprioriteiten")
strong, develop = st.columns(2)
with strong:
    st.subheader("Sterke punten")
    st.toggle("Toon alle 30", key="t1")
    for i in range(5):
        st.markdown(f"**{i}. Een thema** — beheersing 5")
with develop:
    st.subheader("Ontwikkelprioriteiten")
    st.toggle("Toon alle 30", key="t2")
    for i in range(5):
        with st.container(border=True):
            st.markdown(f"**{i}. Een thema** — beheersing 2, belang 3")
            st.markdown("- Een vraag?\n- Nog een vraag?\n- Een derde vraag?")
            st.text_input(f"Mijn actie voor {i}", key=f"a{i}")
st.header("Belang tegenover beheersing")
chart(go.Figure([go.Scatter(x=[rng.uniform(1, 5) for _ in range(90)], y=[rng.uniform(1, 3) for _ in range(90)],
                            mode="markers")], layout=dict(height=420)), "quadrant", rows(90, 4))
st.header("Verandering")
st.plotly_chart(radar(2), key="compare", config={"displayModeBar": False})
st.table(rows(7, 5), hide_index=True)
chart(bars(15, 550), "changes", rows(15, 4))
st.header("Afronden en meenemen")
st.button("Sessie heropenen")
st.checkbox("Neem mijn notities op in het verslag")
with st.container(horizontal=True):
    for label in ("PDF-verslag maken", "Afdrukbaar HTML-verslag", "Antwoorden (CSV)", "Sessie (JSON)"):
        st.button(label)
