"""规则 Rules: the rule data the owner may change — document requirements, the pre-live checklist, the lexicon.

Rules are data (DESIGN §Rules are data): each save is a new version with its as-of date and basis, and the app
uses the owner's version from then on. Only the owner may change rules ('rules.edit', checked by core); everyone
else reads them here, with a note saying so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.context import PageContext
from ui.settings.rules_checklist import ChecklistRuleTab
from ui.settings.rules_common import read_only_label
from ui.settings.rules_documents import DocumentsRuleTab
from ui.settings.rules_lexicon import LexiconRuleTab

SECTION_KEYS = ("documents", "checklist", "lexicon")


class RulesTab(QWidget):
    """Three tabs: 资质要求, 开播检查模板, 违规词库."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.note: QLabel | None = None
        layout = QVBoxLayout(self)
        if not context.actor.may("rules.edit"):
            self.note = read_only_label()
            layout.addWidget(self.note)
        self.documents_tab = DocumentsRuleTab(context)
        self.checklist_tab = ChecklistRuleTab(context)
        self.lexicon_tab = LexiconRuleTab(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rulesTabs")
        self.tabs.addTab(self.documents_tab, self.tr("Document requirements"))
        self.tabs.addTab(self.checklist_tab, self.tr("Pre-live checklist"))
        self.tabs.addTab(self.lexicon_tab, self.tr("Lexicon"))
        layout.addWidget(self.tabs, 1)

    def select_section(self, key: str) -> None:
        if key in SECTION_KEYS:
            self.tabs.setCurrentIndex(SECTION_KEYS.index(key))
