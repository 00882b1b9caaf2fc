"""Who may do what. Checked inside services (core.services.auth.require), not only by hiding buttons."""

from __future__ import annotations

from dataclasses import dataclass

from core.domain.codes import Role

# action -> roles allowed. The owner may do everything.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "studio.edit": frozenset({Role.OWNER}),
    "staff.manage": frozenset({Role.OWNER}),
    "rules.edit": frozenset({Role.OWNER}),
    "backup.create": frozenset({Role.OWNER, Role.OPERATOR, Role.SERVICE}),
    "backup.restore": frozenset({Role.OWNER}),
    "ledger.verify": frozenset({Role.OWNER, Role.OPERATOR, Role.SERVICE, Role.HOST}),
    "products.edit": frozenset({Role.OWNER, Role.OPERATOR}),
    "sessions.plan": frozenset({Role.OWNER, Role.OPERATOR}),
    "checklist.sign": frozenset({Role.OWNER, Role.OPERATOR}),
    "checklist.waive": frozenset({Role.OWNER}),
    "scripts.edit": frozenset({Role.OWNER, Role.OPERATOR, Role.HOST}),
    "promises.log": frozenset({Role.OWNER, Role.OPERATOR}),
    "orders.import": frozenset({Role.OWNER, Role.SERVICE}),
    "tickets.work": frozenset({Role.OWNER, Role.SERVICE}),
    "incidents.work": frozenset({Role.OWNER, Role.SERVICE, Role.OPERATOR}),
    "evaluation.sign": frozenset({Role.OWNER}),
    "reports.print": frozenset({Role.OWNER, Role.OPERATOR, Role.SERVICE, Role.HOST}),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in person a service acts for."""

    user_id: int | None
    display_name: str
    role: Role

    def may(self, action: str) -> bool:
        return self.role == Role.OWNER or self.role in PERMISSIONS.get(action, frozenset())


SYSTEM = Actor(user_id=None, display_name="StudioDesk", role=Role.OWNER)
"""The app itself acting (migrations, the sample builder, command-line maintenance on the owner's behalf)."""
