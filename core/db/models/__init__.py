"""Every table of StudioDesk. Importing this package registers them all on ``Base.metadata``."""

from core.db.models.aftersales import ColumnMapping, Order, ReplyTemplate, Ticket, TicketEvent, TicketPromise
from core.db.models.base import Base, utcnow
from core.db.models.catalog import Attachment, Document, Product, Supplier, VaultFile
from core.db.models.evidence import LedgerEntry
from core.db.models.live import (
    AirSegment,
    ChecklistRun,
    ChecklistRunItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
    ConsoleDraft,
    LineupItem,
    LintExemption,
    LiveSession,
    Promise,
    Script,
    SessionHost,
)
from core.db.models.opinion import CorrectiveAction, Evaluation, Incident, IncidentAction, IncidentLink
from core.db.models.studio import AuditEvent, CalendarDay, RuleSet, SavedView, Setting, Studio, User

__all__ = [
    "AirSegment",
    "Attachment",
    "AuditEvent",
    "Base",
    "CalendarDay",
    "ChecklistRun",
    "ChecklistRunItem",
    "ChecklistTemplate",
    "ChecklistTemplateItem",
    "ColumnMapping",
    "ConsoleDraft",
    "CorrectiveAction",
    "Document",
    "Evaluation",
    "Incident",
    "IncidentAction",
    "IncidentLink",
    "LedgerEntry",
    "LineupItem",
    "LintExemption",
    "LiveSession",
    "Order",
    "Product",
    "Promise",
    "ReplyTemplate",
    "RuleSet",
    "SavedView",
    "Script",
    "SessionHost",
    "Setting",
    "Studio",
    "Supplier",
    "Ticket",
    "TicketEvent",
    "TicketPromise",
    "User",
    "VaultFile",
    "utcnow",
]
