"""The architecture holds: import contracts, and core usable without Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    """DESIGN §Architecture: ui imports core, never the reverse; ui never imports SQLAlchemy or ReportLab."""
    lint_imports = Path(sys.executable).parent / (
        "lint-imports.exe" if sys.platform == "win32" else "lint-imports"
    )
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_core_module_imports_without_loading_qt():
    """Core runs in a script, a test or the CLI with no screen: importing all of it must not load PySide6."""
    code = (
        "import pkgutil, importlib, sys, core\n"
        "names = [m.name for m in pkgutil.walk_packages(core.__path__, 'core.') if '.migrations' not in m.name]\n"
        "for n in names: importlib.import_module(n)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(len(names)); print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    count, loaded = result.stdout.splitlines()
    assert int(count) > 15
    assert loaded == "[]"


def test_ruff_is_clean():
    ruff = Path(sys.executable).parent / ("ruff.exe" if sys.platform == "win32" else "ruff")
    check = subprocess.run([str(ruff), "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    fmt = subprocess.run([str(ruff), "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stdout


def test_no_module_is_a_god_object():
    """STYLE.md: a module over 800 lines is a problem."""
    big = [
        (str(p.relative_to(ROOT)), n)
        for folder in ("core", "ui", "tools", "bench")
        for p in (ROOT / folder).rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 800
    ]
    assert big == []
