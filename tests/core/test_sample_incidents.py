"""The demo sample's public-opinion register (issue 6 deliverable 6): what a demo user sees at the sample's today.

Basis: DOMAIN §6 — tiers IV–I with their clocks (tier IV: first contact within 1 hour), evidence first (a text
snapshot and screenshots kept in the vault), corrective actions and a root cause before closing.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core import vault
from core.db import models as m
from core.db.opening import open_database
from core.demo import SAMPLE_NOW
from core.paths import sample_database, sample_vault, vault_dir_for
from core.services import incident_view, incidents


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    """A copy of the committed sample with its vault beside it (the committed file is never opened in place)."""
    target = Path(tmp_path_factory.mktemp("sample_incidents")) / "studio.db"
    shutil.copyfile(sample_database(), target)
    shutil.copytree(sample_vault(), vault_dir_for(target))
    db = open_database(target)
    yield db
    db.dispose()


def _by_code(session) -> dict[str, m.Incident]:
    return {i.code: i for i in session.scalars(select(m.Incident))}


def test_the_register_holds_three_tiers_open_and_closed(sample_db):
    with sample_db.sessions() as session:
        rows = incident_view.incident_rows(session, now=SAMPLE_NOW, status="")
    assert {r.tier for r in rows} >= {"IV", "III", "II"}
    assert {r.code: (r.tier, r.status == "closed") for r in rows} == {
        "YQ-202609-001": ("III", True),
        "YQ-202610-001": ("IV", True),
        "YQ-202611-001": ("II", False),
        "YQ-202611-002": ("IV", False),
    }


def test_every_incident_keeps_a_text_snapshot_and_a_public_link(sample_db):
    with sample_db.sessions() as session:
        found = list(session.scalars(select(m.Incident)))
    assert found
    for incident in found:
        assert incident.snapshot_text.strip(), incident.code
        assert incident.link.startswith("https://"), incident.code


def test_the_closed_tier_iii_incident_was_escalated_with_a_reason_and_closed_after_its_corrective_actions(
    sample_db,
):
    with sample_db.sessions() as session:
        incident = _by_code(session)["YQ-202609-001"]
        view = incident_view.incident_view(session, incident.id, now=SAMPLE_NOW)
    assert view.status == "closed" and view.root_cause.strip() and view.close_override_reason == ""
    assert len(view.corrective) == 2
    assert all(c.done_at is not None and c.owner_name for c in view.corrective)
    kinds = [a.kind for a in view.actions]
    for kind in ("screenshot", "contacted", "statement", "compensation", "fix_plan", "closed"):
        assert kind in kinds, kind
    (escalation,) = [a for a in view.actions if a.kind == "tier" and a.data["direction"] == "escalation"]
    assert (escalation.data["from"], escalation.data["to"]) == ("IV", "III") and escalation.body.strip()
    assert next(a.body for a in view.actions if a.kind == "statement").strip()
    assert {link.target_type for link in view.links} == {"ticket", "product", "session", "host"}
    assert [(c.tier, c.kind, c.state) for c in view.clocks] == [
        ("IV", "first_contact", "met"),  # contacted within tier IV's hour, kept after the escalation
        ("IV", "fix_plan", "superseded"),
        ("III", "public_statement", "met"),  # the statement came within tier III's 4 hours
    ]


def test_the_new_douyin_comment_has_its_first_contact_clock_running_out_on_the_dashboard_domain_6_tier_iv(
    sample_db,
):
    with sample_db.sessions() as session:
        incident = _by_code(session)["YQ-202611-002"]
        (first_contact, _plan) = incidents.clocks(session, incident, SAMPLE_NOW)
        urgent = incident_view.clocks_running_out(session, now=SAMPLE_NOW)
        kinds = [a.kind for a in incident_view.incident_view(session, incident.id, now=SAMPLE_NOW).actions]
    assert (incident.channel, incident.tier, incident.status) == ("douyin", "IV", "open")
    assert "contacted" not in kinds
    assert first_contact.kind == "first_contact" and first_contact.state == "running"
    assert timedelta(0) < first_contact.left <= timedelta(minutes=30)
    assert "YQ-202611-002" in [r.code for r in urgent]


def test_the_open_tier_ii_incident_has_its_statement_out_and_a_corrective_action_due_after_today(sample_db):
    with sample_db.sessions() as session:
        incident = _by_code(session)["YQ-202611-001"]
        view = incident_view.incident_view(session, incident.id, now=SAMPLE_NOW)
    assert view.status != "closed"
    assert {c.kind: c.state for c in view.clocks} == {"public_statement": "met", "fix_plan": "missed"}
    (open_action,) = view.corrective
    assert open_action.done_at is None and open_action.due_on > SAMPLE_NOW.date() and not open_action.overdue


def test_one_incident_was_de_escalated_with_a_reason(sample_db):
    with sample_db.sessions() as session:
        incident = _by_code(session)["YQ-202610-001"]
        view = incident_view.incident_view(session, incident.id, now=SAMPLE_NOW)
    (change,) = [a for a in view.actions if a.kind == "tier" and a.data["direction"] == "de-escalation"]
    assert (change.data["from"], change.data["to"]) == ("III", "IV") and change.body.strip()


def test_the_screenshots_are_in_the_vault_and_intact(sample_db):
    with sample_db.sessions() as session:
        shots = [
            (code, shot)
            for code, incident in _by_code(session).items()
            for shot in incident_view.incident_view(session, incident.id, now=SAMPLE_NOW).screenshots
        ]
    assert {code for code, _shot in shots} >= {"YQ-202609-001", "YQ-202611-001", "YQ-202611-002"}
    for _code, shot in shots:
        assert shot.media_type == "image/png"
        assert vault.file_matches(sample_db.vault_dir, shot.sha256)
