"""The Jinja templates in ``templates/`` (autoescaped) and turning HTML into PDF with weasyprint."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=select_autoescape(["html"]))


def render(template: str, **context: object) -> str:
    return TEMPLATES.get_template(template).render(**context)


def pdf(template: str, **context: object) -> bytes:
    """A template rendered and printed to PDF (no charts: quick)."""
    from weasyprint import HTML

    return HTML(string=render(template, **context)).write_pdf()
