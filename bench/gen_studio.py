"""The studio, its staff, settings and rules, checklist templates, reply templates and import mappings."""

from __future__ import annotations

from datetime import date

from bench.gen_base import DAY, HOUR, Gen, sa_json, ts

OWNER_USERNAME = "owner"
OWNER_PASSWORD = "bench-owner-pass"
STAFF_PASSWORD = "bench-staff-pass"

STAFF = [
    # username, display name, role, active, host birth date
    (OWNER_USERNAME, "林店主", "owner", True, None),
    ("op_liming", "李明", "operator", True, None),
    ("op_sunhui", "孙慧", "operator", True, None),
    ("kf_chenjing", "陈静", "service", True, None),
    ("kf_zhaolei", "赵磊", "service", True, None),
    ("kf_wuyan", "吴燕", "service", True, None),
    ("kf_zhoupeng", "周鹏", "service", True, None),
    ("kf_former", "何晓（已离职）", "service", False, None),
    ("host_xiaomei", "小美", "host", True, date(1998, 5, 12)),
    ("host_ajie", "阿杰", "host", True, date(2001, 9, 3)),
    ("host_lili", "莉莉", "host", True, date(1996, 2, 20)),
    ("host_dawei", "大伟", "host", True, date(1993, 11, 8)),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


def build(g: Gen) -> None:
    """The studio row, staff, rules and templates."""
    _studio_and_staff(g)
    _rules_settings_calendar(g)
    _templates(g)


def _hash(password: str) -> str:
    from core.services.auth import hash_password

    return hash_password(password)


def _studio_and_staff(g: Gen) -> None:
    created = ts(g.start - 30 * DAY)
    shops = [
        {"platform": "douyin", "shop": "星禾优选旗舰店"},
        {"platform": "kuaishou", "shop": "星禾优选快手小店"},
        {"platform": "wechat", "shop": "星禾优选视频号小店"},
    ]
    g.shared["shops"] = shops
    g.insert(
        "studio",
        [
            "id",
            "legal_name",
            "credit_code",
            "display_name",
            "shops",
            "after_sales_policy",
            "return_address",
            "service_phone",
            "timezone",
            "retention_years",
            "updated_at",
        ],
        [
            (
                1,
                "广州星禾电子商务有限公司",
                "91440113MA5CXH7Q22",
                "星禾优选直播间",
                sa_json(shops),
                "本店支持七天无理由退货（生鲜、定制、已激活数字商品及拆封后影响安全卫生的商品除外）。质量问题运费由本店承担。",
                "广州市番禺区星禾路 18 号 2 栋 301 室 星禾售后组（收）",
                "020-3888-0000",
                "Asia/Shanghai",
                3,
                created,
            )
        ],
    )
    staff_hash = _hash(STAFF_PASSWORD)
    rows = []
    for i, (username, name, role, active, birth) in enumerate(STAFF, start=1):
        pw = _hash(OWNER_PASSWORD) if username == OWNER_USERNAME else staff_hash
        rows.append(
            (
                i,
                username,
                name,
                role,
                pw,
                int(active),
                0,
                None,
                int(role == "host"),
                birth.isoformat() if birth else None,
                created,
            )
        )
    g.insert(
        "users",
        [
            "id",
            "username",
            "display_name",
            "role",
            "password_hash",
            "active",
            "failed_logins",
            "locked_until",
            "real_name_verified",
            "birth_date",
            "created_at",
        ],
        rows,
    )
    by_role: dict[str, list[int]] = {}
    for i, (_, _, role, active, _) in enumerate(STAFF, start=1):
        if active:
            by_role.setdefault(role, []).append(i)
    g.shared["staff"] = by_role
    g.shared["owner_id"] = 1


def _rules_settings_calendar(g: Gen) -> None:
    try:
        from core import rules

        bundled = rules.bundled_rules()
    except ImportError:
        bundled = {}
    if not bundled:
        bundled = {
            "security": {"kind": "security", "version": 1, "as_of": "2026-01-01", "basis": [], "data": {}}
        }
    created = ts(g.start - 30 * DAY)
    rows = []
    for kind, body in sorted(bundled.items()):
        rows.append(
            (
                kind,
                body.get("version", 1),
                body.get("as_of", "2026-01-01"),
                "bundled",
                1,
                sa_json(body),
                created,
                None,
            )
        )
    # The owner tightened the internal SLA once: an older version stays, inactive.
    sla = {
        "kind": "internal_sla",
        "version": 2,
        "as_of": "2025-03-01",
        "basis": ["店内规定"],
        "data": {"first_response_hours": 2, "resolution_days": 3},
    }
    rows.append(("internal_sla", 1, "2024-01-01", "owner", 0, sa_json({**sla, "version": 1}), created, 1))
    rows.append(("internal_sla", 2, "2025-03-01", "owner", 1, sa_json(sla), ts(g.now - 600 * DAY), 1))
    g.insert(
        "rule_sets",
        ["kind", "version", "as_of", "origin", "active", "data", "created_at", "created_by"],
        rows,
    )
    settings = {
        "backup.keep_daily": 7,
        "ui.language": "zh_CN",
        "tickets.page_size": 200,
        "studio.onboarded": True,
        "import.last_platform": "douyin",
    }
    g.insert("settings", ["key", "value"], [(k, sa_json(v)) for k, v in settings.items()])
    days = [
        ("2024-02-04", 0, "春节调休上班"),
        ("2024-02-18", 0, "春节调休上班"),
        ("2024-06-10", 1, "端午节"),
        ("2025-01-26", 0, "春节调休上班"),
        ("2025-10-11", 0, "国庆调休上班"),
        ("2026-05-01", 1, "劳动节"),
        ("2026-11-11", 1, "店内双十一备货日：客服轮休"),
    ]
    g.insert("calendar_days", ["day", "is_holiday", "note"], days)
    views = [
        (4, "tickets", "我的待办", sa_json({"owner": "me", "status": ["new", "in_progress"]})),
        (5, "tickets", "今日到期", sa_json({"due": "today"})),
        (1, "tickets", "超时工单", sa_json({"due": "overdue"})),
        (1, "incidents", "未结舆情", sa_json({"status": ["open", "handling"]})),
    ]
    g.insert("saved_views", ["user_id", "page", "name", "filters"], views)


CHECKLIST_ITEMS = [
    ("papers", "商品资质齐全且在有效期内", "直播前准备"),
    ("price", "原价、划线价有近 7 日成交记录佐证", "直播前准备"),
    ("no_reason", "不适用七天无理由的商品已在页面显著提示", "直播前准备"),
    ("gifts", "赠品库存与发放规则已确认", "直播前准备"),
    ("script_lint", "话术已通过违规用语检查", "直播前准备"),
    ("host_verified", "主播已实名且年满 16 周岁", "基本要求"),
    ("after_sales_staff", "售后客服在线值守已排班", "直播中服务"),
    ("promise_log", "承诺记录员已就位", "直播中服务"),
    ("recording", "直播录屏已开启", "直播中服务"),
    ("lottery_rules", "抽奖规则已公示", "直播中服务"),
    ("return_address", "退货地址与客服电话已更新", "直播后服务"),
    ("emergency", "舆情应急联系人已确认", "直播后服务"),
]


def _templates(g: Gen) -> None:
    created = ts(g.start - 20 * DAY)
    g.insert(
        "checklist_templates",
        ["id", "name", "version", "as_of", "active", "created_at"],
        [
            (1, "直播前检查清单", 1, "2023-10-01", 0, created),
            (2, "直播前检查清单", 2, "2025-06-01", 1, ts(g.now - 520 * DAY)),
        ],
    )
    rows, item_id = [], 0
    items_of: dict[int, list[int]] = {1: [], 2: []}
    for template, items in ((1, CHECKLIST_ITEMS[:10]), (2, CHECKLIST_ITEMS)):
        for pos, (code, title, chapter) in enumerate(items, start=1):
            item_id += 1
            items_of[template].append(item_id)
            rows.append(
                (item_id, template, pos, code, title, chapter, 1, f"《直播电商售后服务规范》{chapter}")
            )
    g.insert(
        "checklist_template_items",
        ["id", "template_id", "position", "code", "title", "chapter", "required", "basis"],
        rows,
    )
    g.shared["template_items"] = items_of
    g.shared["template_v2_from"] = g.now - 520 * DAY
    replies = [
        (i, f"模板{i:02d}：{t}", b)
        for i, (t, b) in enumerate(
            [
                ("退货地址", "亲，退货请寄到：广州市番禺区星禾路 18 号，收到后 3 个工作日内退款。"),
                ("七天无理由", "亲，商品签收次日起 7 天内，保持完好可申请无理由退货。"),
                ("质量问题", "非常抱歉给您带来不便，请拍照上传问题部位，我们核实后运费由我们承担。"),
                ("发货时间", "亲，直播间承诺 48 小时内发货，超时我们按平台规则赔付。"),
                ("价保", "亲，活动期内买贵了可申请价保，差价原路退回。"),
            ]
            * 4,
            start=1,
        )
    ]
    g.insert("reply_templates", ["id", "title", "body"], replies)
    mappings = [
        ("抖店订单导出", "douyin", {"主订单编号": "platform_order_id", "子订单编号": "sub_order_id"}),
        ("快手订单导出", "kuaishou", {"订单号": "platform_order_id", "实付款": "amount"}),
        ("视频号订单导出", "wechat", {"订单号": "platform_order_id", "商品名称": "product_title"}),
    ]
    g.insert("column_mappings", ["name", "platform", "mapping"], [(n, p, sa_json(m)) for n, p, m in mappings])


def staff_hours(g: Gen, at_us: int) -> int:
    """Move an instant into the studio's working hours (09:00–22:00 local) on the same day."""
    local_hour = ((at_us + 8 * HOUR) % DAY) // HOUR
    if local_hour < 9:
        return at_us + (9 - local_hour) * HOUR
    if local_hour >= 22:
        return at_us + (33 - local_hour) * HOUR
    return at_us
