"""Where a problem sits in a YAML text: the line of a field (found in PyYAML's node tree) or of a syntax error.

Used by every loader that reports ``file:line: field — what — fix`` (themes, methods, the 2020 study,
function profiles), so the walk through the tree exists once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml


def node_tree(text: str) -> yaml.Node | None:
    """The YAML node tree of ``text`` (positions, no values), or None when the text does not parse."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None


def line_in(tree: yaml.Node | None, loc: Sequence[Any]) -> int | None:
    """0-based line of the deepest part of a pydantic ``loc`` found in ``tree``; None if not even the first."""
    node, line = tree, None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
        else:
            break
    return line


def file_line(tree: yaml.Node | None, loc: Sequence[Any]) -> int:
    """1-based line of ``loc`` in a whole file, 0 when it cannot be found (the file as a whole)."""
    line = line_in(tree, loc)
    return 0 if line is None else line + 1


def syntax_error(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """The 0-based line (None when unknown) and the reason of a YAML syntax error."""
    mark = getattr(exc, "problem_mark", None)
    return (mark.line if mark is not None else None), (getattr(exc, "problem", None) or "ongeldige YAML")
