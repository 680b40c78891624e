"""The development plan in the report: counts, what moved, every action by date, escaped, and printed well."""

from __future__ import annotations

import datetime as dt
import html as markup
import re
import subprocess
from html.parser import HTMLParser

import pytest

from wegwijzer import clock, text
from wegwijzer.domain import plan
from wegwijzer.domain.records import Answer, PlanAction
from wegwijzer.render import report
from wegwijzer.render.report import PlanSection
from wegwijzer.service import Service
from wegwijzer.service.access import Actor

TODAY = dt.date(2026, 12, 3)
A4_WIDTH_PT = 595.28
RIGHT_MARGIN_PT = 16 / 25.4 * 72  # @page margin in report.html


def completed(store, person: int, created: str, scores: dict[int, int]) -> int:
    return store.sessions.insert_full(person, {"label": created[:4], "scope_kind": "eigen", "scope_key": "",
                                               "perspective": "zittend", "themes": sorted(scores),
                                               "status": "afgerond", "created_at": created},
                                      [Answer(t, mastery=m, importance=3) for t, m in scores.items()], [])


def action(id: int, session: int, theme: int, what: str, due: dt.date | None, status: str = "gepland",
           support: str = "", look_back: str = "") -> PlanAction:
    return PlanAction(id=id, person_id=1, session_id=session, theme=theme, what=what, due=due, support=support,
                      status=status, look_back=look_back, created_at="2026-01-01T10:00:00+00:00",
                      updated_at="2026-01-01T10:00:00+00:00")


@pytest.fixture
def world(store, library):
    """Two sessions of the local person (2025, 2026), six actions, and what moved, from real records."""
    me = store.people.local_person()
    then = completed(store, me, "2025-03-01T10:00:00+00:00", {10: 2, 20: 4, 30: 3, 40: 3})
    now = completed(store, me, "2026-03-01T10:00:00+00:00", {10: 4, 20: 3, 30: 3})
    actions = (
        action(1, then, 10, "Wekelijks overleg met de burgemeester", dt.date(2026, 11, 20), "bezig", "Burgemeester"),
        action(2, then, 20, "Verbeterplan met de griffier", dt.date(2026, 12, 2)),
        action(3, then, 20, "Feedback vragen aan het DT", TODAY),  # due today: not overdue yet
        action(4, then, 30, "Intervisie bijwonen", dt.date(2026, 6, 1), "gedaan", "", "Het gesprek gaf rust."),
        action(5, then, 40, "Leiderschapsprogramma", dt.date(2027, 1, 15), "losgelaten", "", "Geen tijd gevonden."),
        action(6, now, 50, "Oude actie van één regel", None),  # carried over: no due date; begun now
    )
    record = store.sessions.get(now)
    sessions = {s.id: s for s in store.sessions.of_person(me)}
    movement = plan.plan_movement(actions, record, store.sessions.answers(now), sessions,
                                  {then: store.sessions.answers(then)})
    overview = Service(store, library, Actor(me)).sessions.overview(now)
    return overview, actions, movement


def html_of(library, overview, section: PlanSection | None, *, notes: bool = False) -> str:
    data = report.report_input(library, overview, include_notes=notes, plan=section)
    return report.render_html(data, static_charts=False)


class _Tables(HTMLParser):
    """The rows of every table with a class, as lists of cell texts (text chunks joined by one space)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = dict(attrs).get("class")
        elif tag == "tr" and self._table:
            self.tables.setdefault(self._table, []).append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[self._table][-1].append(" ".join(c for c in self._cell if c))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(" ".join(data.split()))


def tables(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def test_the_plan_section_has_pinned_counts_movement_and_every_action_by_date(library, world):
    overview, actions, movement = world
    html = html_of(library, overview, PlanSection(actions, movement, TODAY))
    title = {n: f"{n}. {library.theme(n).title}" for n in (10, 20, 30, 40, 50)}
    assert html.index("Belang tegenover beheersing") < html.index("<h2>Ontwikkelplan</h2>") < html.index(
        "Alle antwoorden")
    assert "<p>6 acties: 4 open (waarvan 2 over de datum), 1 gedaan en 1 losgelaten.</p>" in html
    assert ("Je had acties op 4 thema's. Op 3 daarvan heb je in beide sessies gescoord: 1 ging omhoog, "
            "1 bleef gelijk en 1 ging omlaag.") in markup.unescape(html)
    found = tables(html)
    assert found["moved"] == [["Thema", "Toen", "Nu", "Verschil"], [title[10], "2", "4", "+2"],
                              [title[20], "4", "3", "−1"], [title[30], "3", "3", "0"]]
    assert f"Niet in beide sessies gescoord: {title[40]}." in markup.unescape(html)
    assert found["plan"] == [
        ["Thema", "Wat", "Af op", "Status", "Met wie / steun"],
        [title[30], "Intervisie bijwonen", "1 juni 2026", "Gedaan", ""],
        [title[10], "Wekelijks overleg met de burgemeester", "20 november 2026", "Bezig, over de datum", "Burgemeester"],
        [title[20], "Verbeterplan met de griffier", "2 december 2026", "Gepland, over de datum", ""],
        [title[20], "Feedback vragen aan het DT", "3 december 2026", "Gepland", ""],
        [title[40], "Leiderschapsprogramma", "15 januari 2027", "Losgelaten", ""],
        [title[50], "Oude actie van één regel", "geen datum", "Gepland", ""],
    ]


def test_look_backs_are_in_the_report_only_with_notes(library, world):
    overview, actions, movement = world
    without = html_of(library, overview, PlanSection(actions, movement, TODAY), notes=False)
    assert "Het gesprek gaf rust." not in without and "Geen tijd gevonden." not in without
    assert "Terugblikken staan alleen in het verslag als je notities meeneemt." in without
    assert "Burgemeester" in without  # support is part of the plan, not a note
    with_notes = html_of(library, overview, PlanSection(actions, movement, TODAY), notes=True)
    rows = tables(with_notes)["plan"]
    done = next(i for i, r in enumerate(rows) if r[1] == "Intervisie bijwonen")
    assert rows[done + 1] == ["Terugblik: Het gesprek gaf rust."]  # right below its action
    assert "Geen tijd gevonden." in with_notes
    assert "notities meeneemt" not in with_notes


def test_typed_text_is_shown_as_text(library, world):
    overview, _, _ = world
    hostile = (action(1, overview.session.id, 12, "<script>alert(1)</script>", TODAY, "gedaan",
                      "<b>vet</b>", "<img src=x onerror=alert(2)>"),)
    html = html_of(library, overview, PlanSection(hostile, None, TODAY), notes=True)
    assert "<script>alert(1)</script>" not in html and "<b>vet</b>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;vet&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_an_empty_plan_says_where_to_add_actions_and_no_plan_shows_nothing(library, world):
    overview, _, _ = world
    no_movement = plan.PlanMovement((), (), ())
    empty = html_of(library, overview, PlanSection((), no_movement, TODAY))
    assert "<h2>Ontwikkelplan</h2>" in empty
    assert "Je ontwikkelplan heeft nog geen acties. Voeg ze toe op de pagina Mijn ontwikkelplan." in empty
    assert "plan" not in tables(empty) and "Wat bewoog" not in empty
    assert "Ontwikkelplan</h2>" not in html_of(library, overview, None)


def test_without_actions_from_an_earlier_session_no_movement_is_shown(library, world):
    overview, actions, _ = world
    html = html_of(library, overview, PlanSection(actions, plan.PlanMovement((), (), ()), TODAY))
    assert "Wat bewoog" not in html and "moved" not in tables(html)
    assert "plan" in tables(html)


def test_the_pdf_prints_the_plan_from_the_service_within_the_page(store, library, tmp_path):
    """The dashboard's wiring (svc.plan.mine, svc.plan.movement), through Chromium and weasyprint."""
    assert report.find_browser() is not None, "Chromium is required for the PDF test (apt-get install chromium)"
    svc = Service(store, library, Actor(store.people.local_person()))
    then = completed(store, svc.actor.person_id, "2025-03-01T10:00:00+00:00", {10: 2, 12: 3})
    now = completed(store, svc.actor.person_id, "2026-03-01T10:00:00+00:00", {10: 4, 12: 3})
    due = clock.today() + dt.timedelta(days=30)
    svc.plan.add(then, 10, "Wekelijks overleg met de burgemeester", due, "Burgemeester")
    svc.plan.add(then, 12, "x" * 300, due + dt.timedelta(days=1), "y" * 200)  # no spaces: must wrap
    svc.plan.add(now, 12, "<script>alert(1)</script>", due + dt.timedelta(days=2))
    section = PlanSection(tuple(svc.plan.mine()), svc.plan.movement(now), clock.today())
    pdf = report.render_pdf(report.report_input(library, svc.sessions.overview(now), include_notes=False,
                                                plan=section))
    path = tmp_path / "verslag.pdf"
    path.write_bytes(pdf)
    printed = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                      check=True).stdout.split())  # cells in reading order, lines joined
    assert "Ontwikkelplan 3 acties: 3 open." in printed
    assert "Wekelijks overleg met de burgemeester" in printed and text.date(due) in printed
    assert "<script>alert(1)</script>" in printed  # shown as text
    assert "Je had acties op 2 thema's. Je hebt ze allebei in beide sessies gescoord" in printed
    assert "x" * 300 in "".join(printed.split())  # printed whole, wrapped in its column (not cut off the page)
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    right = [float(x) for x in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', boxes)]
    assert right and max(right) <= A4_WIDTH_PT - RIGHT_MARGIN_PT + 1, "text runs into the margin or off the page"
