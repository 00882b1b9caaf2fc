"""Refresh the Qt translation of the interface: lupdate over ui/**/*.py, then lrelease into the .qm.

    python tools/update_translations.py          update studiodesk_zh_CN.ts (keeps finished translations) and .qm
    python tools/update_translations.py --check  exit 1 when a string lacks its zh_CN translation or the .qm is stale
    python tools/update_translations.py --merge F.json [F.json …]
                                                 also fill unfinished strings from {"Context": {"English": "中文"}}

Source strings are English (self.tr / QCoreApplication.translate in ui/); translations are written in the .ts
(with Qt Linguist, pyside6-linguist, or by hand) and compiled with lrelease. The tools are PySide6's own,
found next to the running interpreter.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "studiodesk_zh_CN.ts"
QM_FILE = TRANSLATIONS / "studiodesk_zh_CN.qm"


def tool(name: str) -> Path:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` beside ``sys.executable`` (venv bin or Scripts folder)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return candidate
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found next to {sys.executable}; install PySide6 into this environment")
    return Path(found)


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(ts_file: Path) -> None:
    """Merge every ui string into ``ts_file``; strings gone from the code are dropped (-no-obsolete)."""
    subprocess.run(
        [
            str(tool("pyside6-lupdate")),
            *ui_sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(ts_file),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [str(tool("pyside6-lrelease")), str(ts_file), "-qm", str(qm_file)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def unfinished(ts_file: Path) -> list[str]:
    """``context: source`` of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            has_text = translation is not None and (
                (translation.text or "").strip()
                or any((f.text or "").strip() for f in translation.iter("numerusform"))
            )
            if kind in ("vanished", "obsolete"):
                continue
            if kind == "unfinished" or not has_text:
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def merge(ts_file: Path, catalogs: list[dict[str, dict[str, str]]]) -> int:
    """Fill unfinished translations in ``ts_file`` from JSON catalogs (context -> source -> translation).

    Finished translations are never replaced. Returns how many messages were filled.
    """
    tree = ET.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source", "")
            text = next((c[name][source] for c in catalogs if source in c.get(name, {})), None)
            if text:
                translation.text = text
                del translation.attrib["type"]
                filled += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled


def check(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> list[str]:
    """Problems with the committed files: ui strings without a finished translation (found by running lupdate
    into a temporary copy of the .ts), a .ts out of date with ui/, a .qm not compiled from the .ts."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        ts_copy = Path(tmp) / ts_file.name
        shutil.copyfile(ts_file, ts_copy)
        lupdate(ts_copy)
        problems += [f"no zh_CN translation: {item}" for item in unfinished(ts_copy)]
        qm_copy = Path(tmp) / qm_file.name
        lrelease(ts_file, qm_copy)
        if not qm_file.exists() or qm_copy.read_bytes() != qm_file.read_bytes():
            problems.append(f"{qm_file.name} is stale: run python tools/update_translations.py")
        if ts_copy.read_bytes() != ts_file.read_bytes():
            problems.append(
                f"{ts_file.name} is not up to date with ui/: run python tools/update_translations.py"
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    parser.add_argument("--merge", nargs="+", type=Path, default=[], help="JSON catalogs to fill from")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    lupdate(TS_FILE)
    if args.merge:
        import json

        catalogs = [json.loads(path.read_text(encoding="utf-8")) for path in args.merge]
        print(f"filled {merge(TS_FILE, catalogs)} translation(s) from {len(catalogs)} catalog(s)")
        lupdate(TS_FILE)  # lupdate's own formatting, so --check compares like with like
    lrelease(TS_FILE, QM_FILE)
    missing = unfinished(TS_FILE)
    print(f"{TS_FILE.relative_to(ROOT)}: {len(missing)} string(s) still need a zh_CN translation")
    for item in missing:
        print(f"  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
