"""The demo studio: fresh copies of ``studio.db.sample`` (the committed sample is never opened in place)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from core import i18n
from core.errors import DatabaseProblem
from core.paths import sample_database, sample_vault, vault_dir_for

i18n.register(
    {
        "demo.missing": (
            "找不到演示数据文件 {path}。请重新安装 StudioDesk，或从源代码目录运行 tools/build_sample.py 生成它。",
            "The demo data file {path} is missing. Reinstall StudioDesk, or build it from a checkout with "
            "tools/build_sample.py.",
        ),
        "demo.exists": (
            "{path} 已存在，演示数据不会覆盖它。",
            "{path} already exists; the demo data will not overwrite it.",
        ),
    }
)


# The sample studio's "today" (tools/build_sample.py builds its history up to here; a test keeps the two equal).
# The demo's clock starts here and runs on (core.clock.run_from), so the demo shows what the sample was built to
# show — papers expiring, tickets due today, one past the 15-day line — on any real date.
SAMPLE_NOW = datetime(2026, 11, 28, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def start_demo_clock() -> None:
    """Run the clock from :data:`SAMPLE_NOW` (the ``--demo`` window only; never the person's own database)."""
    from core import clock

    clock.run_from(SAMPLE_NOW)


def _sample() -> Path:
    sample = sample_database()
    if not sample.is_file():
        raise DatabaseProblem("missing", sample, i18n.t("demo.missing", path=sample))
    return sample


def _copy_vault(target: Path) -> None:
    """The sample's evidence files go beside the copy, where its ledger expects them (``<stem>.vault``)."""
    source = sample_vault()
    if source.is_dir():
        shutil.copytree(source, vault_dir_for(target), dirs_exist_ok=True)


def prepare_demo_copy() -> Path:
    """Copy the sample into a new temporary folder and return the copy's path (``--demo``).

    Each call gets its own folder, so two demo windows never share a file or its instance lock.
    """
    folder = Path(tempfile.mkdtemp(prefix="studiodesk-demo-"))
    target = folder / "studio-demo.db"
    shutil.copyfile(_sample(), target)
    _copy_vault(target)
    return target


def install_demo_database(target: Path) -> Path:
    """First run, "demo data" chosen: copy the sample to ``target``; never overwrites an existing file."""
    target = Path(target)
    if target.exists():
        raise DatabaseProblem("foreign", target, i18n.t("demo.exists", path=target))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(_sample(), partial)
    _copy_vault(target)
    partial.replace(target)
    return target
