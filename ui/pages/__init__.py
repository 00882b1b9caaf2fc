"""The eight pages of DESIGN §Screens, in navigation order. Each page module is imported on first visit.

A page class takes ``(context: PageContext, parent)``; ``title`` and ``nav_titles()`` give the translated names.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class PageSpec:
    key: str
    module: str
    class_name: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", "ui.pages.dashboard", "DashboardPage"),
    PageSpec("sessions", "ui.pages.sessions", "SessionsPage"),
    PageSpec("live", "ui.pages.live_console", "LiveConsolePage"),
    PageSpec("tickets", "ui.pages.tickets", "TicketsPage"),
    PageSpec("incidents", "ui.pages.incidents", "IncidentsPage"),
    PageSpec("products", "ui.pages.products", "ProductsPage"),
    PageSpec("evaluation", "ui.pages.evaluation", "EvaluationPage"),
    PageSpec("settings", "ui.pages.settings", "SettingsPage"),
)


def nav_titles() -> list[str]:
    """The navigation labels, translated now (工作台 · 直播场次 · … · 设置 in Chinese)."""
    return [
        QCoreApplication.translate("Navigation", "Dashboard"),
        QCoreApplication.translate("Navigation", "Live sessions"),
        QCoreApplication.translate("Navigation", "Live console"),
        QCoreApplication.translate("Navigation", "After-sales tickets"),
        QCoreApplication.translate("Navigation", "Public opinion"),
        QCoreApplication.translate("Navigation", "Products & papers"),
        QCoreApplication.translate("Navigation", "Service evaluation"),
        QCoreApplication.translate("Navigation", "Settings"),
    ]
