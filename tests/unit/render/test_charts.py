"""Chart builders, checked through the figure's data."""

from __future__ import annotations

from wegwijzer.domain.records import Answer
from wegwijzer.domain.scoring import build_dashboard, compare_themes
from wegwijzer.render import charts

ANSWERS = {1: Answer(1, mastery=4, importance=3), 2: Answer(2, mastery=2, importance=3),
           3: Answer(3, not_applicable=True)}


def test_radar_has_one_closed_axis_per_role_with_counts(mini):
    d = build_dashboard(mini, ANSWERS, (1, 2, 3))
    fig = charts.role_radar(mini, d.roles)
    trace = fig.data[-1]
    assert list(trace.theta) == [
        "<b>Verbinder</b><br>(1 thema)", "<b>Adviseur</b><br>(2 thema's)", "<b>Directeur</b><br>(1 thema)",
        "Boegbeeld<br>(0 thema's)", "Crisisleider<br>(0 thema's)", "Netwerker<br>(0 thema's)",
        "Persoon<br>(2 thema's)", "<b>Verbinder</b><br>(1 thema)"]
    assert trace.r[0] == 4.0 and trace.r[3] is None and trace.r[-1] == trace.r[0]
    assert tuple(fig.layout.polar.radialaxis.range) == (0, 5)


def test_radar_with_earlier_session_has_two_series(mini):
    d = build_dashboard(mini, ANSWERS, (1, 2, 3))
    fig = charts.role_radar(mini, d.roles, earlier=d.roles, name="Nu", earlier_name="2025")
    assert [t.name for t in fig.data] == ["2025", "Nu"]
    assert fig.layout.showlegend is True


def test_chapter_bars_in_book_order_top_down(mini):
    d = build_dashboard(mini, ANSWERS, (1, 2, 3))
    bar = charts.chapter_bars(d.chapters).data[0]
    assert list(bar.y) == ["Hoofdstuk twee", "Hoofdstuk een"]  # plotly draws bottom-up
    assert list(bar.x) == [0, 3.0]
    assert list(bar.text) == ["geen score", "3,0"]


def test_quadrant_places_each_theme_near_its_scores_with_the_title_on_hover(mini):
    d = build_dashboard(mini, ANSWERS, (1, 2, 3))
    trace = charts.quadrant(d.points).data[0]
    assert [row[1] for row in trace.customdata] == ["Eerste thema", "Tweede thema"]
    for x, y, row in zip(trace.x, trace.y, trace.customdata, strict=True):
        assert abs(x - row[2]) <= 0.25 and abs(y - row[3]) <= 0.2


def test_theme_changes_show_only_real_changes_biggest_first(mini):
    before = {1: Answer(1, mastery=2), 2: Answer(2, mastery=2)}
    fig = charts.theme_changes(compare_themes(mini, before, ANSWERS))
    assert list(fig.data[0].x) == [2]
    assert list(fig.data[0].y) == ["1. Eerste thema"]
