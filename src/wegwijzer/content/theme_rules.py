"""Rules on a theme's content beyond its schema: how its statements open (T017) and its main role (T018).

Both rules allow a deliberate exception, but only one that is written down with its reason in the theme
file, so a reader of the file sees why the theme departs from the rule.
"""

from __future__ import annotations

from wegwijzer.content.datafile import dotted
from wegwijzer.content.models import RARELY_BEHAVIOURAL, Chapter, Theme
from wegwijzer.content.problems import Problem
from wegwijzer.content.reading import Source


def statement_form_problems(theme: Theme, src: Source) -> list[Problem]:
    """T017: "Ik ken/weet/ben/heb/kan …" rarely describes behaviour; allowed only with a reason."""
    problems: list[Problem] = []
    excused = {e.statement for e in theme.statement_exceptions}
    for i, statement in enumerate(theme.statements):
        opening = RARELY_BEHAVIOURAL.match(statement)
        if opening and i + 1 not in excused:
            loc = ("statements", i)
            problems.append(Problem(src.display, src.line_of(loc), "T017", dotted(loc),
                                    f"stelling begint met '{opening.group(0)}' en meet zo eerder kennis, een toestand of "
                                    "een feit dan gedrag",
                                    "beschrijf wat je doet ('Ik bespreek …', 'Als …, dan …'), of leg in "
                                    f"statement_exceptions (statement: {i + 1}) uit waarom deze vorm hier gedrag meet"))
    for k, exception in enumerate(theme.statement_exceptions):
        n = exception.statement
        if n > len(theme.statements) or not RARELY_BEHAVIOURAL.match(theme.statements[n - 1]):
            loc = ("statement_exceptions", k, "statement")
            problems.append(Problem(src.display, src.line_of(loc), "T017", dotted(loc),
                                    f"uitzondering voor stelling {n}, maar die begint niet met Ik ken/weet/ben/heb/kan",
                                    "verwijder de uitzondering of laat haar naar de juiste stelling wijzen"))
    return problems


def main_role_problems(theme: Theme, chapter: Chapter, src: Source) -> list[Problem]:
    """T018: a theme's main role is its chapter's role, unless the file says why not."""
    if chapter.role is None:
        return []
    main = theme.roles.main_role()
    if main != chapter.role and theme.role_exception is None:
        return [Problem(src.display, src.line_of(("roles",)), "T018", "roles",
                        f"de hoofdrol is '{main}', maar thema's in hoofdstuk '{chapter.key}' hebben '{chapter.role}'",
                        f"geef '{chapter.role}' het hoogste gewicht, of leg in role_exception uit waarom niet")]
    if main == chapter.role and theme.role_exception is not None:
        return [Problem(src.display, src.line_of(("role_exception",)), "T018", "role_exception",
                        "role_exception staat er, maar de hoofdrol volgt gewoon het hoofdstuk",
                        "verwijder role_exception")]
    return []
