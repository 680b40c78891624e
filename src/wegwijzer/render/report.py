"""The printable report: HTML from a template, charts as SVG (kaleido + Chromium), PDF by weasyprint.

Where no Chromium is available the charts cannot be turned into SVG; ``render_html`` then embeds the
interactive charts instead, so the person still gets a print-ready report from their own browser.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import plotly.graph_objects as go

from wegwijzer import clock, text
from wegwijzer.content.library import Library
from wegwijzer.domain.mirror import MirrorResult
from wegwijzer.domain.overview import SessionOverview
from wegwijzer.domain.plan import PlanMovement
from wegwijzer.domain.records import Answer, PlanAction, SessionRecord
from wegwijzer.domain.scales import IMPORTANCE_LABELS, MASTERY, NOT_APPLICABLE_LABEL, PERSPECTIVE_LABELS
from wegwijzer.domain.scopes import SCOPE_LABELS
from wegwijzer.domain.scoring import EXPLANATION
from wegwijzer.errors import DutchMessage
from wegwijzer.render import documents, plan_report
from wegwijzer.render.figures import session_figures

TEMPLATES = Path(__file__).parent / "templates"
CHART_WIDTH = 680  # px; the printed charts fill the A4 text width
PRIORITIES_SHOWN = 5  # with their reflection questions; the others follow in a short list
BROWSER_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")

_server_lock = threading.Lock()
_server_started = False


class ReportUnavailable(DutchMessage, RuntimeError):
    """The PDF cannot be made here; ``message`` is Dutch and says what to do instead."""


def find_browser() -> str | None:
    """The Chromium that kaleido will use, or None when this machine has none."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured if Path(configured).exists() else None
    for name in BROWSER_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _ensure_chart_server() -> None:
    global _server_started
    with _server_lock:
        if _server_started:
            return
        import kaleido

        kaleido.start_sync_server(n=1, timeout=60, silence_warnings=True)
        _server_started = True


def _require_browser() -> None:
    if find_browser() is None:
        raise ReportUnavailable("Er is geen Chromium-browser op deze machine, dus de grafieken kunnen niet als "
                                "afbeelding worden gemaakt. Download het afdrukbare HTML-verslag en druk dat af.")


def figure_svg(fig: go.Figure, *, width: int = CHART_WIDTH, height: int | None = None) -> str:
    """Render one figure to an SVG string (needs Chromium)."""
    _require_browser()
    _ensure_chart_server()
    import kaleido

    try:
        svg = kaleido.calc_fig_sync(fig, opts=dict(format="svg", width=width, height=height or fig.layout.height or 420))
    except Exception as exc:  # noqa: BLE001 - any renderer failure becomes the same clear message
        raise ReportUnavailable("De grafieken konden niet worden gemaakt (" + exc.__class__.__name__ + "). "
                                "Download het afdrukbare HTML-verslag en druk dat af.") from exc
    text = svg.decode("utf-8") if isinstance(svg, bytes) else str(svg)
    return text[text.find("<svg"):]  # drop any XML prolog; the SVG goes inline into HTML


@dataclass(frozen=True)
class MirrorSection:
    """A closed Spiegel round for the report: aggregates and anonymous comments only."""

    title: str
    responses: int
    result: MirrorResult
    comments: Mapping[int, list[str]]

    def rows(self, library: Library) -> list[dict[str, object]]:
        return [{"number": t.theme, "title": library.theme(t.theme).title, "self": t.self_score,
                 "groups": [(g.label, g.mean, g.n) for g in t.groups]} for t in self.result.themes]


@dataclass(frozen=True)
class PlanSection:
    """The person's development plan for the report: every action, and what moved since they began.

    ``today`` decides what is overdue (open and due before it); ``movement`` is shown only when the person
    worked on a theme before this session.
    """

    actions: tuple[PlanAction, ...]
    movement: PlanMovement | None
    today: date


@dataclass(frozen=True)
class ReportInput:
    library: Library
    overview: SessionOverview
    figures: Mapping[str, go.Figure]  # "roles", "chapters", "quadrant", optionally "compare", "changes"
    include_notes: bool = False
    mirror: MirrorSection | None = None
    plan: PlanSection | None = None

    @property
    def session(self) -> SessionRecord:
        return self.overview.session


def report_input(library: Library, overview: SessionOverview, *, include_notes: bool,
                 mirror: MirrorSection | None = None, plan: PlanSection | None = None) -> ReportInput:
    """What the report shows: the overview with its figures, notes (and look-backs) only when asked for."""
    return ReportInput(library, overview, session_figures(library, overview), include_notes, mirror, plan)


def _rows(data: ReportInput) -> list[dict[str, object]]:
    labels = MASTERY[data.session.perspective].labels
    rows = []
    for number in data.session.themes:
        theme = data.library.theme(number)
        a = data.overview.answers.get(number, Answer(theme=number))
        if a.not_applicable:
            mastery = NOT_APPLICABLE_LABEL
        elif a.mastery is not None:
            mastery = f"{a.mastery} · {labels[a.mastery]}"
        else:
            mastery = "—"
        rows.append({
            "number": number, "title": theme.title, "chapter": data.library.chapter_of(theme).title,
            "mastery": mastery, "importance": IMPORTANCE_LABELS.get(a.importance, "—") if a.importance else "—",
            "note": a.note if data.include_notes else "",
        })
    return rows


def _chart_keys(data: ReportInput) -> list[str]:
    """The charts drawn as images, in document order: the profile, the quadrant and (with a comparison) both
    profiles on their shared themes. The chapter overview and the changes per theme are HTML bars (crisp in
    print, far cheaper for weasyprint than SVG text)."""
    return [k for k in ("roles", "quadrant", "compare") if k in data.figures]


def _generated() -> str:
    """When the report was made, on a Dutch clock: "4 december 2026 om 09:12"."""
    moment = clock.local_now()
    return f"{text.date(moment)} om {moment:%H:%M}"


def render_html(data: ReportInput, *, static_charts: bool) -> str:
    """The report as one HTML document; charts as inline SVG or as interactive plotly."""
    charts: dict[str, str] = {}
    for key in _chart_keys(data):
        fig = data.figures[key]
        if static_charts:
            charts[key] = figure_svg(fig)
        else:
            charts[key] = fig.to_html(full_html=False, include_plotlyjs="inline" if not charts else False,
                                      config={"displayModeBar": False})
    return _render(data, charts, static=static_charts)


def _render(data: ReportInput, charts: Mapping[str, str], *, static: bool) -> str:
    view = data.overview
    roles = [{"name": data.library.roles[r.role].name, "core": data.library.roles[r.role].core,
              "score": r.score, "themes": r.themes} for r in view.dashboard.roles]
    priorities = [{"result": p, "questions": data.library.theme(p.number).reflection_questions,
                   "action": view.actions[p.number].text if p.number in view.actions else ""}
                  for p in view.dashboard.priorities]
    return documents.render(
        "report.html",
        session=data.session, title=data.session.label or "Reflectiesessie",
        perspective=PERSPECTIVE_LABELS[data.session.perspective], scope=SCOPE_LABELS[data.session.scope_kind],
        generated=_generated(), explanation=EXPLANATION,
        dashboard=view.dashboard, comparison=view.comparison if view.earlier is not None else None,
        roles=roles, priorities=priorities, charts=charts, rows=_rows(data), include_notes=data.include_notes,
        earlier=view.earlier, role_changes=[(data.library.roles[c.role].name, c) for c in view.role_changes],
        static=static, mirror=data.mirror, shown=PRIORITIES_SHOWN,
        mirror_rows=data.mirror.rows(data.library) if data.mirror else [],
        theme_title=lambda n: data.library.theme(n).title,
        plan=plan_report.view(data.library, data.plan.actions, data.plan.movement, data.plan.today,
                              include_notes=data.include_notes) if data.plan else None,
    )


CHART_SCHEME = "wegwijzer-chart:"


class _ChartFetcher:
    """Gives weasyprint the chart images as Chromium finishes them; fetches nothing else.

    Chromium draws the charts in a background thread while weasyprint parses the HTML and computes
    styles, so the two slow steps overlap. Any other URL is refused: a report loads nothing external.
    """

    def __init__(self, futures: Mapping[str, Future[str]]):
        self.futures = futures

    def __call__(self, url: str, headers: object = None):
        from weasyprint.urls import URLFetcherResponse

        if not url.startswith(CHART_SCHEME):
            raise ValueError(f"the report loads no external resources ({url})")
        svg = self.futures[url[len(CHART_SCHEME):]].result(timeout=120)
        return URLFetcherResponse(url, svg.encode("utf-8"), {"Content-Type": "image/svg+xml"}, 200)

    fetch = __call__


def render_pdf(data: ReportInput) -> bytes:
    """The report as PDF; raises :class:`ReportUnavailable` where charts cannot be rendered."""
    _require_browser()
    from weasyprint import HTML

    keys = _chart_keys(data)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts") as pool:
        futures = {k: pool.submit(figure_svg, data.figures[k]) for k in keys}
        html = _render(data, {k: f'<img class="chart-img" src="{CHART_SCHEME}{k}" alt="">' for k in keys},
                       static=True)
        document = HTML(string=html, base_url=str(TEMPLATES), url_fetcher=_ChartFetcher(futures))
        try:
            pdf = document.write_pdf()
        finally:
            for future in futures.values():
                future.cancel()
    for future in futures.values():
        if not future.cancelled() and future.exception() is not None:
            raise future.exception()  # weasyprint would leave a silent hole; say what went wrong instead
    return pdf
