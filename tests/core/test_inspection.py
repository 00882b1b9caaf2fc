"""The read-only look at a file that start-up takes before the window paints: light, and never a change."""

from __future__ import annotations

import subprocess
import sys

from core.db import inspection, opening
from core.db.inspection import has_active_owner, inspect_database
from tests.core.storage_helpers import ROOT, digest


def test_inspection_and_the_instance_lock_load_no_sqlalchemy():
    """DESIGN budget ≤ 1.5 s to a painted window: what start-up needs before the paint stays light."""
    code = (
        "import sys\n"
        "import core.db.inspection, core.db.lock\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_opening_still_offers_the_inspection_under_its_old_names():
    assert opening.inspect_database is inspection.inspect_database
    assert opening.DatabaseInfo is inspection.DatabaseInfo
    assert opening.problem_for is inspection.problem_for
    assert opening.STATES == inspection.STATES


def test_a_new_studio_has_no_owner_until_one_is_created(tmp_db, tmp_db_path):
    from core.services import auth

    assert inspect_database(tmp_db_path).state == "current"
    assert has_active_owner(tmp_db_path) is False
    with tmp_db.unit_of_work() as session:
        auth.create_owner(session, "laoban", "王店主", "studio-pass-1")
    assert has_active_owner(tmp_db_path) is True


def test_asking_about_the_owner_changes_nothing(tmp_db_path):
    before = digest(tmp_db_path)
    has_active_owner(tmp_db_path)
    assert digest(tmp_db_path) == before
