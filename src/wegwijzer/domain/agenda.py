"""The intervision agenda: proposal or facilitator's choice, with questions and a method, as Markdown or PDF."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.content.methods import Method, method_by_key, suggest_method
from wegwijzer.domain.groups import GroupView
from wegwijzer.domain.records import Group
from wegwijzer.render import documents
from wegwijzer.text import plain

REASON_LABELS = {"lastig": "Wat we allemaal lastig vinden", "verschil": "Waar we het meest verschillen",
                 "eigen": "Gekozen door de gespreksleider"}


@dataclass(frozen=True)
class AgendaEntry:
    number: int
    title: str
    reason: str  # "lastig", "verschil" or "eigen"
    why: str
    questions: tuple[str, ...]
    method: Method


def _roles(library: Library, number: int) -> dict[str, float]:
    return dict(library.theme(number).roles.model_dump())


def proposed(library: Library, view: GroupView, methods: Sequence[Method]) -> list[AgendaEntry]:
    """The proposal from the group's figures, each item with a suggested method."""
    return [AgendaEntry(item.number, item.title, item.reason, item.why,
                        tuple(library.theme(item.number).reflection_questions),
                        suggest_method(methods, item.reason, _roles(library, item.number)))
            for item in view.agenda]


def current(library: Library, group: Group, view: GroupView, methods: Sequence[Method]) -> list[AgendaEntry]:
    """The facilitator's saved agenda when there is one, else the proposal."""
    if not group.agenda:
        return proposed(library, view, methods)
    why = {item.number: (item.reason, item.why) for item in view.agenda}
    entries = []
    for item in json.loads(group.agenda):
        number = int(item["theme"])
        reason, text = why.get(number, (item.get("reason") or "eigen", ""))
        try:
            method = method_by_key(methods, item.get("method", ""))
        except ValueError:
            method = suggest_method(methods, reason if reason != "eigen" else "lastig", _roles(library, number))
        entries.append(AgendaEntry(number, library.theme(number).title, reason, text,
                                   tuple(library.theme(number).reflection_questions), method))
    return entries


def to_markdown(group_name: str, entries: Sequence[AgendaEntry], date: str) -> str:
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


def to_pdf(group_name: str, entries: Sequence[AgendaEntry], date: str) -> bytes:
    """The agenda as a PDF (weasyprint; no charts, so it is quick)."""
    return documents.pdf("agenda.html", group=group_name, entries=entries, date=date, reasons=REASON_LABELS)
