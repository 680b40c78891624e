"""Text typed by another person is shown inert: no Markdown, no HTML, no bare URL turned into a link."""

from __future__ import annotations

import html
import json
import re

import pytest

from wegwijzer.domain.records import Answer
from wegwijzer.domain.scoring import build_dashboard
from wegwijzer.render import charts
from wegwijzer.text import WORD_JOINER, chart_label, plain

HOSTILE = [
    "Zie https://evil.example/pad?x=1 en http://evil.example",
    "www.evil.example/login of WWW.EVIL.EXAMPLE",
    "mail jan@evil.example of mailto:jan@evil.example",
    "<a href='https://evil.example'>klik</a> **vet** [link](https://evil.example) :red[rood] `code`",
    "Jan & Piet: 3.5 — #1 | %{r}",
]
# The two patterns GFM's literal autolinks look for (remark-gfm: mdast-util-gfm-autolink-literal), which it
# applies to the text after backslash escapes are resolved: so escaping alone leaves a link.
GFM_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE)
GFM_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)")


def unescaped(markdown: str) -> str:
    """The text as the Markdown parser sees it once backslash escapes are resolved."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("typed", HOSTILE)
def test_plain_leaves_no_bare_url_or_address_for_markdown_to_link(typed):
    text = unescaped(plain(typed))
    assert not GFM_URL.search(text) and not GFM_EMAIL.search(text), text


@pytest.mark.parametrize("typed", HOSTILE)
def test_plain_shows_exactly_what_was_typed(typed):
    shown = unescaped(plain(typed)).replace(WORD_JOINER, "")
    assert shown == " ".join(typed.split())
    assert not re.search(r"(?<!\\)[*_`\[\]<>:&|#]", plain(typed).replace(WORD_JOINER, ""))  # every one escaped


@pytest.mark.parametrize("typed", HOSTILE)
def test_chart_label_leaves_no_tag_for_plotly_and_shows_the_text_as_typed(typed):
    label = chart_label(typed)
    assert "<" not in label and ">" not in label
    assert html.unescape(label) == typed


def test_a_session_name_is_no_link_or_template_in_the_comparison_chart(mini):
    roles = build_dashboard(mini, {1: Answer(1, mastery=4, importance=3)}, (1, 2, 3)).roles
    name = "<a href='https://evil.example'>Klik</a> %{r}"
    figure = charts.role_radar(mini, roles, earlier=roles, name="Deze sessie", earlier_name=name)
    earlier = figure.data[0]
    assert earlier.name == "&lt;a href='https://evil.example'&gt;Klik&lt;/a&gt; %{r}"
    assert all("evil" not in trace.hovertemplate for trace in figure.data)  # named as %{fullData.name}
    assert "<a" not in json.loads(figure.to_json())["data"].__repr__()


def test_member_names_are_inert_in_the_group_charts(mini):
    roles = build_dashboard(mini, {1: Answer(1, mastery=4, importance=3)}, (1, 2, 3)).roles
    name = "<b>Anna</b> <a href='https://evil.example'>x</a>"
    radar = charts.group_radar(mini, [(name, roles)])
    heat = charts.chapter_heatmap([("Hoofdstuk een", [4.0])], [name])
    shown = repr(json.loads(radar.to_json())["data"]) + repr(json.loads(heat.to_json())["data"])
    assert "<a" not in shown and "<b>Anna" not in shown and "evil" in shown
