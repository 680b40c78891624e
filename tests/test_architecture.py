"""House rules that keep the layers apart."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src" / "wegwijzer"
PAGES = ROOT / "app_pages"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_the_package_never_imports_streamlit():
    offenders = [p.name for p in PACKAGE.rglob("*.py") if "streamlit" in imported_modules(p)]
    assert offenders == []


def test_only_the_database_module_talks_sql():
    sql_words = ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "CREATE TABLE")
    allowed = {"database.py", "backup.py", "demo.py"}
    offenders = [p.name for p in [*PACKAGE.rglob("*.py"), *PAGES.rglob("*.py")]
                 if p.name not in allowed and any(w in p.read_text(encoding="utf-8") for w in sql_words)]
    assert offenders == []


def test_pages_do_not_import_sqlite():
    for page in PAGES.rglob("*.py"):
        assert not {"sqlite3", "sqlite_utils"} & imported_modules(page), page.name


def test_app_py_only_routes():
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "st.navigation" in source
    assert len(source.splitlines()) <= 40
    assert not {"wegwijzer", "sqlite3", "plotly"} & imported_modules(ROOT / "app.py")
