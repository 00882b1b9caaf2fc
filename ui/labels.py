"""Names of closed sets of values as people read them (roles), translated through Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.domain.codes import Platform, Role


def role_name(role: Role | str) -> str:
    """店主 / 场控 / 客服 / 主播 in Chinese; Owner / Operator / Customer service / Host in English."""
    names = {
        Role.OWNER: QCoreApplication.translate("Roles", "Owner"),
        Role.OPERATOR: QCoreApplication.translate("Roles", "Operator"),
        Role.SERVICE: QCoreApplication.translate("Roles", "Customer service"),
        Role.HOST: QCoreApplication.translate("Roles", "Host"),
    }
    try:
        return names[Role(role)]
    except ValueError:
        return str(role)


def platform_names() -> dict[str, str]:
    """Platform code -> the name staff use (抖店, 快手小店, …), in the order shown in pickers."""
    return {
        Platform.DOUYIN: QCoreApplication.translate("Platforms", "Douyin shop"),
        Platform.KUAISHOU: QCoreApplication.translate("Platforms", "Kuaishou shop"),
        Platform.TAOBAO: QCoreApplication.translate("Platforms", "Taobao / Tmall"),
        Platform.WECHAT: QCoreApplication.translate("Platforms", "WeChat Channels shop"),
        Platform.GENERIC: QCoreApplication.translate("Platforms", "Other platform"),
    }
