"""House rules that keep the layers apart, checked on the import graph by folder.

The layers, lowest first; a module may import from its own layer and the ones below, never above:

    errors · config · text · clock → content → domain → storage · render → service → web · cli · demo · ui → pages

``storage`` and ``render`` share a floor but never import each other; the service returns data and never
draws, so it imports nothing from ``render``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import ROOT

PACKAGE = ROOT / "src" / "wegwijzer"

LAYERS: list[tuple[str, ...]] = [
    ("wegwijzer.errors", "wegwijzer.config", "wegwijzer.text", "wegwijzer.clock", "wegwijzer"),
    ("wegwijzer.content",),
    ("wegwijzer.domain",),
    ("wegwijzer.storage", "wegwijzer.render"),
    ("wegwijzer.service",),
    ("wegwijzer.web", "wegwijzer.cli", "wegwijzer.demo", "wegwijzer.__main__", "ui"),
    ("app_pages", "app", "server"),
]
NEVER = {  # (importer, imported): forbidden even where the layer order would allow it
    ("wegwijzer.storage", "wegwijzer.render"), ("wegwijzer.render", "wegwijzer.storage"),
    ("wegwijzer.service", "wegwijzer.render"),
    ("app_pages", "wegwijzer.storage"), ("ui", "wegwijzer.storage.database"),
}
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 250


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[0] == "src":
        parts = parts[1:]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def python_files() -> list[Path]:
    files = [*PACKAGE.rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "app_pages").rglob("*.py"),
             ROOT / "app.py", ROOT / "server.py"]
    return sorted(f for f in files if "__pycache__" not in f.parts)


def imports_of(path: Path) -> Iterator[str]:
    """Every name this file imports (at any depth of the file, relative imports resolved): ``a.b`` for
    ``import a.b``, and for ``from a import b`` both ``a.b`` and ``a`` (the caller keeps what is a module)."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


OURS = ("wegwijzer", "ui", "app_pages", "app", "server")


def our_modules() -> dict[str, Path]:
    return {module_name(p): p for p in python_files()}


def graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports (names that are attributes map to their module)."""
    known = our_modules()
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        targets = set()
        names = set(imports_of(path))
        for imported in names:
            if any(other.startswith(imported + ".") and other in known for other in names):
                continue  # "from package import module": the module is the dependency, not the package
            while imported and imported not in known:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and imported.split(".")[0] in OURS:
                targets.add(imported)
        edges[name] = targets
    return edges


def layer_of(module: str) -> tuple[int, str]:
    """(floor, the layer name it belongs to): the longest matching layer prefix."""
    best = (-1, "")
    for floor, names in enumerate(LAYERS):
        for layer in names:
            if (module == layer or module.startswith(layer + ".")) and len(layer) > len(best[1]):
                best = (floor, layer)
    assert best[0] >= 0, f"{module} belongs to no layer: add its folder to LAYERS"
    return best


def test_every_module_belongs_to_a_layer():
    for module in our_modules():
        layer_of(module)


def test_imports_run_down_the_layers_only():
    against = []
    for importer, targets in graph().items():
        floor, layer = layer_of(importer)
        for target in targets:
            target_floor, target_layer = layer_of(target)
            if target_floor > floor:
                against.append(f"{importer} -> {target} (floor {floor} imports floor {target_floor})")
            if any(importer.startswith(a) and (target == b or target.startswith(b + ".")) for a, b in NEVER):
                against.append(f"{importer} -> {target} (forbidden pair)")
    assert against == []


def find_circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle found by a depth-first walk, each as the path that closes it."""
    circles, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                circles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    return circles


def test_there_is_no_import_circle():
    assert find_circles(graph()) == []


def test_the_circle_finder_finds_a_circle():
    assert find_circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_the_graph_sees_real_imports():
    """A check of the checker: it must find edges we know exist (else the rules above prove nothing)."""
    edges = graph()
    assert "wegwijzer.storage.database" in edges["wegwijzer.storage.sessions"]
    assert "wegwijzer.service.access" in edges["wegwijzer.service.sessions"]
    assert "ui.context" in edges["app_pages.dashboard"]


@pytest.mark.parametrize(("importer", "imported", "expected"), [
    ("wegwijzer.domain.scoring", "wegwijzer.storage", False),
    ("wegwijzer.service.groups", "wegwijzer.render.figures", False),
    ("wegwijzer.storage.groups", "wegwijzer.render.charts", False),
    ("app_pages.start", "wegwijzer.storage", False),
    ("wegwijzer.service.groups", "wegwijzer.domain.groups", True),
    ("ui.context", "wegwijzer.storage", True),
])
def test_the_layer_rule_itself(importer, imported, expected):
    floor, _ = layer_of(importer)
    target_floor, _ = layer_of(imported)
    forbidden = any(importer.startswith(a) and (imported == b or imported.startswith(b + ".")) for a, b in NEVER)
    assert (target_floor <= floor and not forbidden) is expected


def external_imports(path: Path) -> set[str]:
    return {name.split(".")[0] for name in imports_of(path)}


def test_the_package_never_imports_streamlit():
    offenders = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py") if "streamlit" in external_imports(p)]
    assert offenders == []


def test_the_domain_draws_nothing_and_stores_nothing():
    forbidden = {"plotly", "jinja2", "weasyprint", "sqlite3", "sqlite_utils", "kaleido", "starlette"}
    offenders = [(str(p.relative_to(ROOT)), sorted(forbidden & external_imports(p)))
                 for p in (PACKAGE / "domain").rglob("*.py") if forbidden & external_imports(p)]
    assert offenders == []


def test_only_storage_talks_sql():
    sql_words = ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "CREATE TABLE")
    storage = PACKAGE / "storage"
    offenders = [str(p.relative_to(ROOT)) for p in python_files()
                 if storage not in p.parents and any(w in p.read_text(encoding="utf-8") for w in sql_words)]
    assert offenders == []


def test_pages_do_not_import_sqlite():
    for page in (ROOT / "app_pages").rglob("*.py"):
        assert not {"sqlite3", "sqlite_utils"} & external_imports(page), page.name


def test_app_py_only_routes():
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "st.navigation" in source
    assert len(source.splitlines()) <= 40
    assert not {"wegwijzer", "sqlite3", "plotly"} & external_imports(ROOT / "app.py")


def test_app_pages_holds_only_page_scripts():
    """Every file in app_pages/ is a page in the registry; shared code lives in ui/."""
    from ui.navigation import PAGES

    scripts = {f"app_pages/{p.name}" for p in (ROOT / "app_pages").glob("*.py") if p.name != "__init__.py"}
    assert scripts == set(PAGES.values())


def test_no_module_and_no_class_is_too_big():
    too_big = []
    for path in python_files():
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > MAX_MODULE_LINES:
            too_big.append(f"{path.relative_to(ROOT)}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES:
                too_big.append(f"{path.relative_to(ROOT)}:{node.name}: {node.end_lineno - node.lineno + 1} lines")
    assert too_big == []
