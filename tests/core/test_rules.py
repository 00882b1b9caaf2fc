"""Rules are data (DESIGN §Rules are data): bundled files with as-of dates and citations, copied in, owner wins."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from core import rules
from core.db.models import RuleSet


def test_every_bundled_rule_carries_its_date_and_basis():
    bundled = rules.bundled_rules()
    assert {"security", "backup", "documents", "pricing", "hosts", "lint_exemptions"} <= set(bundled)
    for kind, body in bundled.items():
        assert body["kind"] == kind and isinstance(body["version"], int)
        assert date.fromisoformat(body["as_of"]) <= date.today()
        assert body["basis"] and all(b.strip() for b in body["basis"])
        assert isinstance(body["data"], dict)


@pytest.mark.parametrize(
    ("kind", "key", "value"),
    [
        ("security", "max_failed_logins", 5),
        ("security", "lock_seconds", 30),
        ("security", "min_password_length", 8),
        ("backup", "keep_daily", 7),
        ("documents", "warn_days_before_expiry", 30),
        ("documents", "lapsed_blocks_lineup", True),
        ("pricing", "reference_window_days", 7),
        ("hosts", "min_age", 16),
    ],
    ids=[
        "five_wrong_passwords_issue_2",
        "lock_30_seconds_issue_2",
        "password_at_least_8_characters",
        "keep_7_daily_backups_design_storage",
        "warn_30_days_before_expiry_issue_3",
        "lapsed_paper_blocks_lineup_livestream_measures_2026",
        "original_price_window_7_days_fraud_rules_art16",
        "hosts_at_least_16_livestream_marketing_art17",
    ],
)
def test_bundled_numbers(kind, key, value):
    assert rules.bundled_rules()[kind]["data"][key] == value


def test_the_security_basis_cites_the_personal_information_law():
    assert any("个人信息保护法" in b for b in rules.bundled_rules()["security"]["basis"])


def test_rules_are_copied_into_the_database_once(tmp_db):
    with tmp_db.unit_of_work() as session:
        first = rules.ensure_rules(session)
        second = rules.ensure_rules(session)
        kinds = session.scalars(select(RuleSet.kind)).all()
    assert set(first) == set(rules.bundled_rules()) and second == []
    assert sorted(kinds) == sorted(first)


def test_without_a_copy_the_bundled_rule_is_used(tmp_db):
    with tmp_db.unit_of_work() as session:
        assert rules.active_rule(session, "security") == rules.bundled_rules()["security"]


def test_the_owners_edit_wins(tmp_db):
    with tmp_db.unit_of_work() as session:
        rules.ensure_rules(session)
        bundled = session.scalars(select(RuleSet).where(RuleSet.kind == "security")).one()
        bundled.active = False
        edited = rules.bundled_rules()["security"]
        edited["data"]["lock_seconds"] = 300
        session.add(
            RuleSet(kind="security", version=99, as_of=date(2026, 12, 1), origin="owner", data=edited)
        )
    with tmp_db.unit_of_work() as session:
        assert rules.active_rule(session, "security")["data"]["lock_seconds"] == 300


def test_a_newer_bundled_version_does_not_override_the_owner(tmp_db, monkeypatch):
    with tmp_db.unit_of_work() as session:
        rules.ensure_rules(session)
        session.scalars(select(RuleSet).where(RuleSet.kind == "backup")).one().origin = "owner"
    newer = rules.bundled_rules()
    newer["backup"]["version"] = 2
    newer["backup"]["data"]["keep_daily"] = 14
    monkeypatch.setattr(rules, "bundled_rules", lambda: newer)
    with tmp_db.unit_of_work() as session:
        assert rules.ensure_rules(session) == ["backup"]
        assert rules.active_rule(session, "backup")["data"]["keep_daily"] == 7


def test_a_newer_bundled_version_replaces_an_untouched_copy(tmp_db, monkeypatch):
    with tmp_db.unit_of_work() as session:
        rules.ensure_rules(session)
    newer = rules.bundled_rules()
    newer["backup"]["version"] = 2
    newer["backup"]["data"]["keep_daily"] = 14
    monkeypatch.setattr(rules, "bundled_rules", lambda: newer)
    with tmp_db.unit_of_work() as session:
        rules.ensure_rules(session)
        assert rules.active_rule(session, "backup")["data"]["keep_daily"] == 14


def test_an_unknown_rule_kind_is_an_error(tmp_db):
    with tmp_db.unit_of_work() as session, pytest.raises(KeyError):
        rules.active_rule(session, "astrology")
