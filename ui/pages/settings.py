"""设置 Settings: studio profile, staff accounts, language, backup and restore, rules — one tab each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.context import PageContext
from ui.pages.base import page_frame
from ui.settings.backup import BackupTab
from ui.settings.language import LanguageTab
from ui.settings.profile import ProfileTab
from ui.settings.rules import RulesTab
from ui.settings.staff import StaffTab

TAB_KEYS = ("profile", "staff", "language", "backup", "rules")


class SettingsPage(QWidget):
    """Forwards the two requests the window must handle itself: a new language, a restore."""

    language_chosen = Signal(str)
    restore_chosen = Signal(object)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Settings")
        body = page_frame(
            self, self.title, self.tr("The studio's profile, staff accounts, language, backups and rules.")
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.profile_tab = ProfileTab(context)
        self.staff_tab = StaffTab(context)
        self.language_tab = LanguageTab()
        self.backup_tab = BackupTab(context)
        self.tabs.addTab(self.profile_tab, self.tr("Studio profile"))
        self.tabs.addTab(self.staff_tab, self.tr("Staff accounts"))
        self.tabs.addTab(self.language_tab, self.tr("Language"))
        self.tabs.addTab(self.backup_tab, self.tr("Backup and restore"))
        self.rules_tab = RulesTab(context)
        self.tabs.addTab(self.rules_tab, self.tr("Rules"))
        body.addWidget(self.tabs, 1)
        self.language_tab.language_chosen.connect(self.language_chosen)
        self.backup_tab.restore_chosen.connect(self.restore_chosen)

    def select_tab(self, key: str) -> None:
        if key in TAB_KEYS:
            self.tabs.setCurrentIndex(TAB_KEYS.index(key))

    def current_tab(self) -> str:
        return TAB_KEYS[self.tabs.currentIndex()]
