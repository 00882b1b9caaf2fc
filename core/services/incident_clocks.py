"""舆情处置时限 The clocks of an incident across its tier periods (issue 6).

Basis: DOMAIN §6 — each tier sets response clocks (tier IV: first contact within 1 h, …; the ``incidents`` rule,
practitioner defaults [L–M]); a tier change starts the new tier's clocks. 电子商务法 Art 62 — the record of what
was done in time must survive a later tier change, so the clocks of earlier tiers stay in the history.

Contract (pure: no database reads, so a register of many incidents is measured in one pass): a *period* starts at
the time first seen (the first confirmation of the tier does not start one) and at each escalation/de-escalation
(a ``tier`` action whose data has ``direction`` escalation|de-escalation and ``from``/``to``); it ends at the next
one. Each period carries the clocks of its tier, due ``hours`` after the period's start. An action of a kind in the
clock kind's ``met_by`` at or after the time first seen meets a clock. In an earlier period only an action before
the period ended counts: met at or before the due → ``met``, after → ``missed``; not met and the period ended before
the due → ``superseded`` (the tier changed while it still ran; no time left); not met and the due passed before the
period ended → ``missed``. The current period's clocks are ``running`` (``left`` = due − now) until met or missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from core import i18n
from core.db.models import Incident, IncidentAction

CHANGES = ("escalation", "de-escalation")


@dataclass(frozen=True)
class ClockView:
    """One clock of one tier period: ``state`` is running | met | missed | superseded; ``left`` is due − now while
    running in the current period (negative once overdue, then state is missed), None otherwise; ``met_at`` the
    action that met it (None if none); ``tier`` the period's tier; ``current`` whether the period is the current
    one; ``ended_at`` when an earlier period ended (the tier change), None for the current period."""

    kind: str
    name: str
    hours: float
    due: datetime
    left: timedelta | None
    state: str
    met_at: datetime | None
    tier: str = ""
    current: bool = True
    ended_at: datetime | None = None


def _name(entry: dict[str, Any]) -> str:
    return str(entry["zh" if i18n.language().startswith("zh") else "en"])


def tier_periods(
    incident: Incident, actions: list[IncidentAction]
) -> list[tuple[str, datetime, datetime | None]]:
    """(tier, start, end or None for the current one) of each tier period, oldest first (see the module contract)."""
    changes = [a for a in actions if a.kind == "tier" and (a.data or {}).get("direction") in CHANGES]
    if not changes:
        return [(incident.tier, incident.first_seen_at, None)]
    periods = [(str(changes[0].data.get("from") or incident.tier), incident.first_seen_at, changes[0].at)]
    for i, change in enumerate(changes):
        end = changes[i + 1].at if i + 1 < len(changes) else None
        periods.append((str(change.data.get("to") or incident.tier), change.at, end))
    periods[-1] = (
        incident.tier,
        periods[-1][1],
        None,
    )  # the incident's tier is the truth for the period running now
    return periods


def clock_views(
    data: dict[str, Any], incident: Incident, actions: list[IncidentAction], moment: datetime
) -> tuple[ClockView, ...]:
    """The clocks of every tier period of ``incident`` from the rule ``data`` and its ``actions`` (oldest first),
    measured at ``moment``; ordered by period, then by the tier's order of clocks (see the module contract)."""
    kinds = {k["code"]: k for k in data["clock_kinds"]}
    tiers = {t["code"]: t for t in data["tiers"]}
    views: list[ClockView] = []
    for tier, start, end in tier_periods(incident, actions):
        for entry in tiers.get(tier, {}).get("clocks", []):
            kind = kinds[entry["kind"]]
            hours = float(entry["hours"])
            due = start + timedelta(hours=hours)
            met = next(
                (
                    a.at
                    for a in actions
                    if a.kind in kind["met_by"]
                    and a.at >= incident.first_seen_at
                    and (end is None or a.at <= end)
                ),
                None,
            )
            left: timedelta | None = None
            if met is not None:
                state = "met" if met <= due else "missed"
            elif end is not None:
                state = "superseded" if end < due else "missed"
            else:
                left = due - moment
                state = "running" if left > timedelta(0) else "missed"
            views.append(
                ClockView(kind["code"], _name(kind), hours, due, left, state, met, tier, end is None, end)
            )
    return tuple(views)


def counted(views: tuple[ClockView, ...]) -> tuple[ClockView, ...]:
    """The clocks a register or dashboard weighs: the current period's, and earlier ones missed (a superseded or
    met earlier clock is neither running nor missed)."""
    return tuple(v for v in views if v.current or v.state == "missed")


__all__ = ["ClockView", "clock_views", "counted", "tier_periods"]
