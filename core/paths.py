"""Where things live: bundled resources (source tree or PyInstaller bundle) and the per-user data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from core.about import APP_ID, ORGANIZATION


def project_root() -> Path:
    """The folder holding ``resources/`` and ``studio.db.sample``: the checkout, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return project_root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_database() -> Path:
    return project_root() / "studio.db.sample"


def sample_vault() -> Path:
    """The sample's evidence files (placeholder papers), copied beside every demo copy of the sample."""
    return resource("sample.vault")


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "db" / "migrations"


def data_dir() -> Path:
    """The per-user data folder (platformdirs); ``STUDIODESK_DATA_DIR`` overrides it for tests and kiosks."""
    override = os.environ.get("STUDIODESK_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, ORGANIZATION))


def default_database() -> Path:
    return data_dir() / "studio.db"


def vault_dir_for(database: Path) -> Path:
    """Evidence files sit beside the database they belong to, so a copied folder stays whole."""
    return database.parent / f"{database.stem}.vault"


def backups_dir_for(database: Path) -> Path:
    return database.parent / f"{database.stem}.backups"
