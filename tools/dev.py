"""One command to set up and run StudioDesk from a checkout; needs only Python 3.11+.

    python3 tools/dev.py demo      set up, then open the app on a fresh copy of the demo data
    python3 tools/dev.py test      set up, then run the whole test suite (what CI runs)
    python3 tools/dev.py setup     only set up (.venv with every dependency from pyproject.toml)
    python3 tools/dev.py app ...   set up, then run main.py with the rest of the arguments

Setup is idempotent: a ``.venv`` beside this checkout, the dependencies listed in ``pyproject.toml`` installed
into it (skipped when nothing changed), and, on Debian/Ubuntu, the few system libraries Qt needs (installed
with apt-get when running as root, otherwise the exact command is printed).
"""

from __future__ import annotations

import sys

if sys.version_info < (3, 11):  # noqa: UP036 - say it plainly before tomllib's import fails
    sys.exit(f"StudioDesk needs Python 3.11 or newer; this is {sys.version.split()[0]}")

import hashlib
import os
import shutil
import subprocess
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
WINDOWS = sys.platform == "win32"
PYTHON = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")

# Shared libraries PySide6's wheels load on Debian/Ubuntu (offscreen and xcb), plus the X server for screenshots.
DEBIAN_QT_PACKAGES = [
    "libegl1",
    "libgl1",
    "libopengl0",
    "libfontconfig1",
    "libxkbcommon0",
    "libdbus-1-3",
    "libglib2.0-0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libx11-xcb1",
]


def say(message: str) -> None:
    print(f"[studiodesk] {message}", flush=True)


def requirements(extras: list[str]) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    return wanted


def ensure_venv() -> None:
    if PYTHON.exists():
        return
    say(f"creating {VENV}")
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    except Exception as exc:  # Debian's python3 without python3-venv lacks ensurepip
        shutil.rmtree(VENV, ignore_errors=True)
        if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
            say("installing python3-venv with apt-get")
            subprocess.run(["apt-get", "update", "-qq"], check=False)
            subprocess.run(["apt-get", "install", "-y", "-qq", "python3-venv"], check=True)
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        else:
            sys.exit(
                f"cannot create a virtual environment ({exc}); on Debian/Ubuntu: sudo apt install python3-venv"
            )


def ensure_packages(extras: list[str]) -> None:
    wanted = requirements(extras)
    stamp = VENV / f".studiodesk-requirements-{'-'.join(extras) or 'app'}"
    digest = hashlib.sha256("\n".join(wanted).encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    say("installing dependencies: " + ", ".join(wanted))
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q", *wanted], check=True
    )
    stamp.write_text(digest)


def ensure_qt_libraries() -> None:
    """Qt's wheels need a few system libraries that a bare Debian/Ubuntu lacks."""
    probe = subprocess.run(
        [str(PYTHON), "-c", "from PySide6 import QtGui, QtWidgets"], capture_output=True, text=True
    )
    if probe.returncode == 0 or not sys.platform.startswith("linux"):
        return
    if shutil.which("apt-get") is None:
        sys.exit("PySide6 cannot load its system libraries:\n" + probe.stderr)
    command = ["apt-get", "install", "-y", "-qq", *DEBIAN_QT_PACKAGES]
    if os.geteuid() != 0:
        sys.exit("Qt needs system libraries. Run once:\n  sudo apt-get update && sudo " + " ".join(command))
    say("installing Qt's system libraries with apt-get")
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    subprocess.run(command, check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def setup(extras: list[str]) -> None:
    ensure_venv()
    ensure_packages(extras)
    ensure_qt_libraries()


def run(args: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.run([str(PYTHON), *args], cwd=ROOT, env={**os.environ, **(env or {})}).returncode


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "demo"
    if command == "setup":
        setup(["test"])
        return 0
    if command == "test":
        setup(["test"])
        return run(["-m", "pytest", *argv[1:]], env={"QT_QPA_PLATFORM": "offscreen"})
    if command == "demo":
        setup([])
        return run(["main.py", "--demo", *argv[1:]])
    if command == "app":
        setup([])
        return run(["main.py", *argv[1:]])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
