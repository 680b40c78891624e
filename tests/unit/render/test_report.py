"""The report: HTML with every section, and a real PDF through Chromium and weasyprint."""

from __future__ import annotations

import re
import subprocess

import pytest

from wegwijzer.demo import populate
from wegwijzer.render import report
from wegwijzer.service import Service
from wegwijzer.service.access import Actor


@pytest.fixture
def overview(store, library):
    ids = populate(store, library, sessions_per_person=2, seed=3, person_id=store.people.local_person())
    return _service(store, library).sessions.overview(ids[1], ids[0])


def _service(store, library):
    return Service(store, library, Actor(store.people.local_person()))


def test_html_report_has_every_section_and_escapes_text(store, library, overview):
    sid = overview.session.id
    store.sessions.save_answer(sid, 1, note="<script>alert(1)</script>")
    view = _service(store, library).sessions.overview(sid, overview.earlier.id)
    html = report.render_html(report.report_input(library, view, include_notes=True), static_charts=False)
    for heading in ("Rollenprofiel", "Hoofdstukken", "Sterke punten", "Ontwikkelprioriteiten",
                    "Belang tegenover beheersing", "Verandering sinds", "Alle antwoorden"):
        assert heading in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_notes_stay_out_of_the_report_unless_asked(store, library, overview):
    store.sessions.save_answer(overview.session.id, 1, note="Heel persoonlijk")
    view = _service(store, library).sessions.overview(overview.session.id)
    assert "Heel persoonlijk" not in report.render_html(report.report_input(library, view, include_notes=False),
                                                        static_charts=False)


def test_without_a_browser_the_pdf_says_so_in_dutch(monkeypatch, library, overview):
    monkeypatch.setenv("BROWSER_PATH", "/nergens/chromium")
    assert report.find_browser() is None
    with pytest.raises(report.ReportUnavailable) as info:
        report.render_pdf(report.report_input(library, overview, include_notes=False))
    assert "HTML-verslag" in info.value.message


def test_pdf_report_has_pages_and_vector_charts(library, overview, tmp_path):
    assert report.find_browser() is not None, "Chromium is required for the PDF test (apt-get install chromium)"
    pdf = report.render_pdf(report.report_input(library, overview, include_notes=False))
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "verslag.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 4
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Rollenprofiel" in text and "Ontwikkelprioriteiten" in text
    assert "Verbinder" in text and "Crisisleider" in text  # axis labels drawn from the SVG charts


def test_a_closed_spiegel_round_appears_in_the_report_as_aggregates_only(store, library, overview):
    from wegwijzer.render.report import MirrorSection
    from wegwijzer.service import Service
    from wegwijzer.service.access import Actor

    owner = Service(store, library, Actor(overview.session.person_id))
    rater = Service(store, library, Actor(None))
    themes = list(overview.session.themes[:3])
    round_id, links = owner.mirror.create_round(overview.session.id, "Voorjaar", themes,
                                         [(f"Wethouder Qzx{i}", "college") for i in range(3)] + [("Partner Vlqm", "extern")])
    for i, link in enumerate(links):
        rater.mirror.submit_feedback(link.token, {t: 2 + (i % 3) for t in themes}, {themes[0]: f"opmerking {i} <b>x</b>"})
    owner.mirror.close_round(round_id)
    outcome = owner.mirror.outcome(round_id)
    section = MirrorSection("Voorjaar", outcome.responses, outcome.result, outcome.comments)
    html = report.render_html(report.report_input(library, overview, include_notes=False, mirror=section), static_charts=False)
    assert "Spiegel: Voorjaar" in html and "4 mensen gaven feedback" in html
    # college 3 raters: scores 2, 3, 4 -> 3,0; the one external rater is merged into overig (3 + 1 = 4 raters),
    # so overig (2,3,4,2 -> 2,8) and all raters (2,8) are shown, college on its own is not
    first = outcome.result.theme(themes[0])
    assert [(g.group, g.mean, g.n) for g in first.groups] == [("overig", 2.8, 4), ("totaal", 2.8, 4)]
    assert "overig: <i>2,8</i> (4)" in html
    assert "opmerking 3 &lt;b&gt;x&lt;/b&gt;" in html and "Qzx" not in html and "Vlqm" not in html
