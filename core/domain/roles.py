"""Who may do what. Checked inside services (core.services.auth.require), not only by hiding buttons."""

from __future__ import annotations

from dataclasses import dataclass

from core.domain.codes import Role

# action -> roles allowed. The owner may do everything. Each action's words for a person are in ACTION_NAMES.
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
    "evaluation.score": frozenset({Role.OWNER}),
    "evaluation.sign": frozenset({Role.OWNER}),
    "reports.print": frozenset({Role.OWNER, Role.OPERATOR, Role.SERVICE, Role.HOST}),
}


# (zh_CN, en) phrases that finish "X may not …" in a refusal; tests check every action has one.
ACTION_NAMES: dict[str, tuple[str, str]] = {
    "studio.edit": ("修改直播间资料", "change the studio profile"),
    "staff.manage": ("管理员工账号", "manage staff accounts"),
    "rules.edit": ("修改规则", "change the rules"),
    "backup.create": ("备份数据", "make backups"),
    "backup.restore": ("从备份恢复数据", "restore from a backup"),
    "ledger.verify": ("校验证据账本", "verify the ledger"),
    "products.edit": ("修改商品与资质", "change products and their papers"),
    "sessions.plan": ("规划直播场次", "plan live sessions"),
    "checklist.sign": ("签署开播检查项", "sign off checklist items"),
    "checklist.waive": ("豁免开播检查项", "waive checklist items"),
    "scripts.edit": ("修改话术", "edit scripts"),
    "promises.log": ("记录直播承诺", "log promises"),
    "orders.import": ("导入订单", "import orders"),
    "tickets.work": ("处理售后工单", "work on after-sales tickets"),
    "incidents.work": ("处理舆情", "handle incidents"),
    "evaluation.score": ("为服务自评打分", "score the service self-assessment"),
    "evaluation.sign": ("签署服务评价", "sign the service evaluation"),
    "reports.print": ("打印报告", "print reports"),
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
