"""Documents: the Jinja templates in ``templates/`` (autoescaped), HTML to PDF with weasyprint, and the
agenda and conversation guide as files to take away."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from wegwijzer import text
from wegwijzer.domain.agenda import REASON_LABELS, AgendaEntry
from wegwijzer.domain.coaching import GROW, GuideTheme
from wegwijzer.text import plain

TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=select_autoescape(["html"]))
TEMPLATES.filters.update(number=text.number, signed=text.signed, date=text.date, themes=text.themes)


def render(template: str, **context: object) -> str:
    return TEMPLATES.get_template(template).render(**context)


def pdf(template: str, **context: object) -> bytes:
    """A template rendered and printed to PDF (no charts: quick)."""
    from weasyprint import HTML

    return HTML(string=render(template, **context)).write_pdf()


def agenda_markdown(group_name: str, entries: Sequence[AgendaEntry], date: str) -> str:
    """The agenda as Markdown, to paste into an invitation or a shared document."""
    lines = [f"# Intervisie: {plain(group_name)}", "", f"Agenda, opgesteld op {date} met Wegwijzer.", ""]
    for i, e in enumerate(entries, 1):
        lines += [f"## {i}. Thema {e.number}: {e.title}", "", f"*{REASON_LABELS[e.reason]}.* {e.why}".rstrip(), "",
                  "Vragen om mee te beginnen:", ""]
        lines += [f"- {q}" for q in e.questions]
        lines += ["", f"**Werkvorm: {e.method.name}** ({e.method.duration}). {e.method.summary}", ""]
        lines += [f"{n}. {step}" for n, step in enumerate(e.method.steps, 1)]
        lines.append("")
    lines.append("Alleen scores van gedeelde, afgeronde sessies zijn gebruikt; notities worden nooit gedeeld.")
    return "\n".join(lines) + "\n"


def agenda_pdf(group_name: str, entries: Sequence[AgendaEntry], date: str) -> bytes:
    """The agenda as a PDF (weasyprint; no charts, so it is quick)."""
    return pdf("agenda.html", group=group_name, entries=entries, date=date, reasons=REASON_LABELS)


def guide_pdf(coachee: str, date: str, themes: Sequence[GuideTheme], grow: Mapping[str, str]) -> bytes:
    """The conversation guide as a PDF, for the coach only."""
    return pdf("guide.html", coachee=coachee, date=date, themes=themes, grow=grow, labels=GROW)
