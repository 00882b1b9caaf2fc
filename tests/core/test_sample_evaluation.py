"""The sample's self-assessment (issue 7, deliverable 5): September (its first month) signed by 王芳, October ready
to evaluate in the demo (whose clock stands at 2026-11-28, after October ended).

Read from a demo copy of the committed sample (``core.demo.install_demo_database``), as a new user would get it.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from core import ledger
from core.db.opening import open_database
from core.demo import install_demo_database
from core.services.evaluation import draft_evaluation, evaluation_history


@pytest.fixture
def demo_db(tmp_path):
    db = open_database(install_demo_database(tmp_path / "studio.db"))
    yield db
    db.dispose()


def test_september_is_signed_by_the_owner_after_the_month_ended_with_its_total_and_grade(demo_db):
    with demo_db.sessions() as s:
        versions = evaluation_history(s, "2026-09")
    assert len(versions) == 1
    september = versions[0]
    assert september.signed and september.version == 1 and september.signed_by == "王芳"
    assert september.signed_at == datetime(2026, 10, 3, 2, 0, tzinfo=UTC)  # 3 Oct 10:00 in Shanghai
    assert (september.total_tenths, september.grade, september.hard_fails) == (958, "5star", ())
    manual = september.scores["manual"]
    assert manual["opinion.watch"]["tenths"] == 35 and "YQ-202609-001" in manual["opinion.watch"]["evidence"]
    assert {k: v["failed"] for k, v in september.scores["answers"].items()} == {
        "unlicensed_product": False,
        "deleted_comment": False,
    }


def test_october_has_no_version_yet_and_its_draft_is_ready_to_score_in_the_demo(demo_db):
    with demo_db.sessions() as s:
        assert evaluation_history(s, "2026-10") == ()
        assert evaluation_history(s, "2026-11") == ()
        draft = draft_evaluation(s, "2026-10", now=datetime(2026, 11, 28, 4, 0, tzinfo=UTC))
    assert (
        "basic.papers" in draft.assessment.unscored
    )  # the demo user scores it and signs (October has ended)
    assert draft.kpis["values"]  # its KPIs are there to evaluate


def test_the_sample_ledger_with_the_signed_evaluation_verifies(demo_db):
    report = ledger.verify(demo_db)
    assert report.ok, report.first_problem
    with demo_db.sessions() as s:
        signed = s.execute(
            text("SELECT count(*) FROM ledger_entries WHERE kind = 'evaluation.signed'")
        ).scalar_one()
    assert signed == 1
