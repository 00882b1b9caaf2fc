"""Incidents (舆情) with actions and links, corrective actions, monthly evaluations and the audit log."""

from __future__ import annotations

from bench.gen_base import DAY, HOUR, MINUTE, US, Gen, sa_json, ts
from bench.gen_catalog import add_vault_file, fake_file
from bench.gen_studio import staff_hours

CHANNELS = [
    ("douyin_comment", 30),
    ("weibo", 15),
    ("xiaohongshu", 20),
    ("heimao", 10),
    ("12315", 5),
    ("wechat_group", 10),
    ("kuaishou_comment", 10),
]
TIERS = [("IV", 70), ("III", 20), ("II", 8), ("I", 2)]
ACTIONS = [
    ("contacted", "已私信联系发帖人，了解诉求"),
    ("statement", "在评论区发布情况说明"),
    ("compensation", "与买家协商补偿 50 元优惠券并退款"),
    ("note", "已同步供应商核查批次"),
    ("review", "复盘：直播话术对保质期表述不清"),
]
SUMMARIES = [
    "买家称收到的商品与直播间展示不符",
    "评论区多人反映发货慢",
    "有人发帖称赠品未收到",
    "小红书笔记质疑原价虚标",
    "黑猫投诉：退款被拒",
    "微博吐槽客服回复慢",
]


def build(g: Gen) -> None:
    _incidents(g)
    _corrective_and_evaluations(g)
    _audit(g)


def _incidents(g: Gen) -> None:
    rng = g.rng
    n = g.n(5000, 10)
    service, owner = g.shared["staff"]["service"], g.shared["owner_id"]
    past = g.shared["past_sessions"]
    n_tickets = g.counts.get("tickets", 1)
    firsts = sorted(g.start + rng.randrange((g.now - g.start - HOUR) // MINUTE) * MINUTE for _ in range(n))
    incidents, actions, links = [], [], []
    per_month: dict[str, int] = {}
    action_id = 0
    serious: list[tuple[int, int]] = []
    for iid, seen in enumerate(firsts, start=1):
        month = ts(seen + 8 * HOUR)[:7].replace("-", "")
        per_month[month] = per_month.get(month, 0) + 1
        code = f"YQ-{month}-{per_month[month]:03d}"
        channel = rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
        tier = rng.choices([t for t, _ in TIERS], [w for _, w in TIERS])[0]
        age = g.now - seen
        status = (
            "closed" if age > 15 * DAY else rng.choice(["open", "handling", "handling", "review", "closed"])
        )
        seen_by = rng.choice(service)
        at = seen
        steps = [("recorded", "发现并登记", {"tier": tier})]
        steps += [(k, b, {}) for k, b in rng.sample(ACTIONS, rng.randint(1, 4) if status != "open" else 0)]
        if tier in ("I", "II") and rng.random() < 0.5:
            steps.append(("tier_change", "店主确认分级", {"tier": tier}))
        if status == "closed":
            steps.append(("closed", "处理完毕，结案", {}))
        closed_at = None
        for kind, body, data in steps:
            action_id += 1
            actor = owner if kind in ("tier_change", "closed") else seen_by
            actions.append((action_id, iid, ts(at), actor, kind, body, sa_json(data)))
            g.stub(
                "incident_action",
                action_id,
                at,
                actor,
                f"incident.{kind}",
                {"incident": code, "action": kind},
            )
            closed_at = at if kind == "closed" else closed_at
            last_actor, last_at = actor, at
            at = min(g.now - MINUTE, staff_hours(g, at + 10 * MINUTE + rng.randrange(20 * HOUR)))
        incidents.append(
            (
                iid,
                code,
                channel,
                f"https://example.invalid/{channel}/{iid}",
                g.pick(SUMMARIES),
                "（截图文字）" + g.pick(SUMMARIES),
                ts(seen),
                seen_by,
                rng.randint(10, 200_000),
                tier,
                owner if tier in ("I", "II") else None,
                status,
                "话术表述不清" if status == "closed" else "",
                "",
                ts(closed_at),
            )
        )
        g.stub("incident", iid, last_at, last_actor, "incident.updated", {"code": code, "status": status})
        targets = {("session", g.pick(past)[0])}
        if rng.random() < 0.5:
            targets.add(("ticket", rng.randint(1, max(1, n_tickets))))
        if rng.random() < 0.3:
            targets.add(("product", g.pick(g.shared["products"])[0]))
        links.extend((iid, t, i) for t, i in targets)
        if rng.random() < 0.1:
            content, media = fake_file(g, f"incident {iid} screenshot", "jpg")
            sha = add_vault_file(g, content, f"舆情截图-{code}.jpg", media, seen_by, seen + US)
            g.shared.setdefault("attachments", []).append(
                ("incident", iid, sha, "帖子截图", seen_by, ts(seen + US))
            )
        if tier != "IV":
            serious.append((iid, seen))
    g.insert(
        "incidents",
        [
            "id",
            "code",
            "channel",
            "link",
            "summary",
            "snapshot_text",
            "first_seen_at",
            "seen_by",
            "reach",
            "tier",
            "tier_confirmed_by",
            "status",
            "root_cause",
            "close_override_reason",
            "closed_at",
        ],
        incidents,
    )
    g.insert("incident_actions", ["id", "incident_id", "at", "actor_id", "kind", "body", "data"], actions)
    g.insert("incident_links", ["incident_id", "target_type", "target_id"], links)
    g.insert(
        "attachments",
        ["subject_type", "subject_id", "vault_sha256", "caption", "added_by", "added_at"],
        g.shared.pop("attachments", []),
    )
    g.shared["serious_incidents"] = serious


def _corrective_and_evaluations(g: Gen) -> None:
    rng = g.rng
    owner, operators = g.shared["owner_id"], g.shared["staff"]["operator"]
    evaluations = []
    eval_id = 0
    month_starts: list[int] = []
    day = g.start
    while day < g.now:
        text = ts(day + 8 * HOUR)[:7]
        if not month_starts or ts(month_starts[-1] + 8 * HOUR)[:7] != text:
            month_starts.append(day)
        day += DAY
    for index, start in enumerate(month_starts):
        period = ts(start + 8 * HOUR)[:7]
        created = start + 32 * DAY
        signed_at = created + rng.randint(1, 4) * DAY
        current = signed_at > g.now
        for version in (1, 2) if index % 12 == 5 else (1,):
            eval_id += 1
            total = rng.randint(780, 960)
            grade = "优秀" if total >= 900 else "良好" if total >= 800 else "合格"
            kpis = {
                "tickets": rng.randint(4000, 7000),
                "first_response_minutes_p50": rng.randint(8, 40),
                "on_time_rate": round(rng.uniform(0.93, 0.995), 3),
                "satisfaction": round(rng.uniform(4.2, 4.8), 2),
            }
            scores = {
                "before_live": rng.randint(18, 20),
                "during_live": rng.randint(25, 30),
                "after_live": rng.randint(35, 40),
            }
            signed = None if current else signed_at + version * DAY
            if signed is not None and signed > g.now:
                signed = None
            evaluations.append(
                (
                    eval_id,
                    period,
                    version,
                    sa_json(kpis),
                    sa_json(scores),
                    total,
                    grade,
                    sa_json([]),
                    owner if signed else None,
                    ts(signed),
                    ts(min(created, g.now - HOUR)),
                )
            )
            if signed:
                g.stub(
                    "evaluation",
                    eval_id,
                    signed,
                    owner,
                    "evaluation.signed",
                    {"period": period, "version": version},
                )
            else:
                at = min(created, g.now - HOUR)
                g.stub(
                    "evaluation",
                    eval_id,
                    at,
                    owner,
                    "evaluation.drafted",
                    {"period": period, "version": version},
                )
    g.insert(
        "evaluations",
        [
            "id",
            "period",
            "version",
            "kpis",
            "scores",
            "total",
            "grade",
            "hard_fails",
            "signed_by",
            "signed_at",
            "created_at",
        ],
        evaluations,
    )
    rows = []
    sources = [("incident", iid, seen) for iid, seen in g.shared["serious_incidents"]]
    sources += [
        ("evaluation", e[0], g.now - (len(evaluations) - e[0]) * 30 * DAY) for e in evaluations if e[8]
    ]
    sources += [("checklist", None, g.start + rng.randrange(900) * DAY) for _ in range(g.n(200, 3))]
    for cid, (source, source_id, at) in enumerate(sources[: g.n(1000, 5)], start=1):
        created = at + 2 * DAY
        created = min(created, g.now - HOUR)
        done = created + rng.randint(1, 20) * DAY if rng.random() < 0.85 else None
        if done is not None and done > g.now:
            done = None
        who = rng.choice(operators)
        rows.append(
            (
                cid,
                source,
                source_id,
                f"整改：{g.pick(SUMMARIES)}",
                who,
                ts(created + 14 * DAY)[:10],
                ts(done),
                who if done else None,
                ts(created),
            )
        )
        g.stub(
            "corrective_action",
            cid,
            done or created,
            owner if done is None else who,
            "corrective.done" if done else "corrective.created",
            {"source": source},
        )
    g.insert(
        "corrective_actions",
        ["id", "source", "source_id", "title", "owner_id", "due_on", "done_at", "done_by", "created_at"],
        rows,
    )


def _audit(g: Gen) -> None:
    rng = g.rng
    users = [u for ids in g.shared["staff"].values() for u in ids]
    rows = []
    day = g.start
    while day < g.now - DAY:
        for user in rng.sample(users, rng.randint(4, len(users))):
            at = staff_hours(g, day + rng.randrange(DAY))
            rows.append((ts(at), user, "login", "user", str(user), None, None))
        day += DAY
    for sid, *_ in g.shared["past_sessions"]:
        rows.append(
            (
                ts(g.start + sid * 8 * HOUR),
                g.shared["staff"]["operator"][0],
                "insert",
                "live_sessions",
                str(sid),
                None,
                sa_json({"status": "planned"}),
            )
        )
    rows.append(
        (
            ts(g.start),
            1,
            "update",
            "studio",
            "1",
            sa_json({"display_name": ""}),
            sa_json({"display_name": "星禾优选直播间"}),
        )
    )
    rows.append(
        (
            ts(g.now - 40 * DAY),
            1,
            "update",
            "users",
            "8",
            sa_json({"active": True, "password_hash": "***"}),
            sa_json({"active": False, "password_hash": "***"}),
        )
    )
    rows.sort(key=lambda r: r[0])
    g.insert("audit_events", ["at", "actor_id", "action", "entity", "entity_id", "before", "after"], rows)
