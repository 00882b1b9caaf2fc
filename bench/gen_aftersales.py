"""Orders (two million at full scale), after-sales tickets, their timelines, promise links and attachments."""

from __future__ import annotations

from collections.abc import Iterator

from bench.gen_base import DAY, HOUR, MINUTE, US, Gen, sa_json, ts
from bench.gen_catalog import add_vault_file, fake_file
from bench.gen_studio import SURNAMES, staff_hours

STATUS_TEXT = {
    "wait_ship": "待发货",
    "shipped": "已发货",
    "signed": "已签收",
    "done": "已完成",
    "refunded": "已退款",
}
TICKET_KINDS = [
    "refund_only",
    "return_refund",
    "exchange",
    "repair",
    "complaint",
    "promise_claim",
    "price_protection",
    "inquiry",
]
TICKET_KIND_WEIGHTS = [30, 30, 8, 5, 8, 5, 6, 8]
KIND_TEXT = {
    "refund_only": "仅退款",
    "return_refund": "退货退款",
    "exchange": "换货",
    "repair": "维修（三包）",
    "complaint": "投诉",
    "promise_claim": "直播承诺兑现",
    "price_protection": "价保",
    "inquiry": "咨询",
}
OPEN_STATES = [
    "new",
    "in_progress",
    "waiting_customer",
    "waiting_return",
    "return_received",
    "resolved",
    "rejected",
    "closed",
]
OPEN_WEIGHTS = [10, 25, 10, 15, 5, 15, 5, 15]
MIDDLE = [
    ("note", "内部备注：已核对订单与直播回放"),
    ("call", "电话回访，买家已确认处理方案"),
    ("reply", "已回复买家并发送处理说明"),
    ("reply", "亲，已为您加急处理，请留意短信"),
]
REASONS = ["quality", "no_reason", "other"]


def _pools(g: Gen) -> tuple[list[str], list[str], list[str]]:
    rng = g.rng
    nicks = [f"{rng.choice(SURNAMES)}{rng.choice('小大阿老')}***{i % 100:02d}" for i in range(5000)]
    phones = [f"1{rng.randint(30, 99)}****{rng.randint(0, 9999):04d}" for _ in range(5000)]
    regions = [
        f"{p}{c}"
        for p in ("广东省", "浙江省", "江苏省", "四川省", "山东省", "河南省", "湖北省", "福建省")
        for c in ("广州市", "深圳市", "杭州市", "南京市", "成都市", "济南市", "郑州市", "武汉市")
    ]
    return nicks, phones, regions


def build(g: Gen) -> None:
    candidates: list[tuple] = []
    g.insert(
        "orders",
        [
            "id",
            "platform",
            "platform_order_id",
            "sub_order_id",
            "session_id",
            "product_id",
            "product_title",
            "quantity",
            "amount_fen",
            "paid_at",
            "shipped_at",
            "signed_at",
            "status",
            "after_sales_status",
            "buyer_nickname",
            "buyer_phone_masked",
            "region",
            "platform_deadline_at",
            "imported_at",
        ],
        _orders(g, candidates),
    )
    tickets = _plan_tickets(g, candidates)
    del candidates
    ticket_rows: list[tuple] = []
    g.insert(
        "ticket_events",
        ["id", "ticket_id", "at", "actor_id", "kind", "body", "data"],
        _events(g, tickets, ticket_rows),
    )
    g.insert(
        "tickets",
        [
            "id",
            "code",
            "kind",
            "reason",
            "status",
            "order_id",
            "owner_id",
            "summary",
            "buyer_nickname",
            "opened_at",
            "first_response_at",
            "return_received_at",
            "resolved_at",
            "closed_at",
            "waiting_since",
            "refund_fen",
            "satisfaction",
            "rejected_reason",
            "due_at",
            "due_rule",
            "created_by",
        ],
        ticket_rows,
    )
    links = []
    by_session = g.shared["session_promises"]
    for t in tickets:
        if t[1] == "promise_claim" and by_session.get(t[4]):
            links.append((t[0], g.pick(by_session[t[4]])))
    g.insert("ticket_promises", ["ticket_id", "promise_id"], links)
    g.insert(
        "attachments",
        ["subject_type", "subject_id", "vault_sha256", "caption", "added_by", "added_at"],
        g.shared.pop("attachments", []),
    )


def _orders(g: Gen, candidates: list[tuple]) -> Iterator[tuple]:
    """Yield order rows session by session; note the orders that will become tickets in ``candidates``."""
    rng, rand, now = g.rng, g.rng.random, g.now
    past = g.shared["past_sessions"]
    names = {p[0]: f"商品 {p[0]}" for p in g.shared["products"]}
    total, ticket_rate = g.n(2_000_000, 100), g.n(200_000, 10) / g.n(2_000_000, 100)
    weights = [rng.lognormvariate(0, 0.6) for _ in past]
    scale = total / sum(weights)
    cumulative = [0.0]
    for w in weights:
        cumulative.append(cumulative[-1] + w)
    nicks, phones, regions = _pools(g)
    oid = 0
    base_order_no = {
        "douyin": 6_900_000_000_000_000_000,
        "kuaishou": 2_300_000_000_000_000,
        "wechat": 3_700_000_000_000_000_000,
    }
    for index, (sid, platform, start, end, lineup, _, _) in enumerate(past):
        count = round(cumulative[index + 1] * scale) - round(cumulative[index] * scale)
        imported = ts(end + 14 * HOUR)
        window = end + 2 * HOUR - start
        n_lineup = len(lineup)
        for _ in range(count):
            oid += 1
            paid = start + int(rand() * window)
            pid, price = lineup[int(rand() * n_lineup)]
            qty = 1 if rand() < 0.85 else 2 + int(rand() * 2)
            shipped = paid + 4 * HOUR + int(rand() * 68 * HOUR) if rand() < 0.97 else None
            if shipped is not None and shipped > now:
                shipped = None
            signed = shipped + DAY + int(rand() * 4 * DAY) if shipped is not None and rand() < 0.96 else None
            if signed is not None and signed > now:
                signed = None
            if signed is None:
                status = "shipped" if shipped else ("wait_ship" if paid > now - 3 * DAY else "refunded")
            else:
                status = "done" if signed < now - 15 * DAY else "signed"
            after_sales = ""
            if rand() < ticket_rate:
                candidates.append((oid, sid, pid, price * qty, paid, shipped, signed, nicks[oid % 5000]))
                after_sales = "售后中" if paid > now - 20 * DAY else "售后完成"
            yield (
                oid,
                platform,
                str(base_order_no[platform] + oid * 7),
                "",
                sid,
                pid,
                names[pid],
                qty,
                price * qty,
                ts(paid),
                ts(shipped),
                ts(signed),
                STATUS_TEXT[status],
                after_sales,
                nicks[oid % 5000],
                phones[(oid * 7) % 5000],
                regions[oid % len(regions)],
                ts(paid + 48 * HOUR) if platform == "douyin" else None,
                imported,
            )


def _plan_tickets(g: Gen, candidates: list[tuple]) -> list[tuple]:
    """Choose each ticket's kind, time and final state; number them in the order they were opened."""
    rng, rand, now = g.rng, g.rng.random, g.now
    planned = []
    for oid, sid, pid, amount, paid, _shipped, signed, nick in candidates:
        kind = rng.choices(TICKET_KINDS, TICKET_KIND_WEIGHTS)[0]
        base = paid if kind == "refund_only" or signed is None else signed
        opened = staff_hours(g, base + HOUR + int(rand() * 6 * DAY))
        if opened > now - 10 * MINUTE:
            continue
        age = now - opened
        if age > 20 * DAY:
            status = (
                "in_progress"
                if rand() < 0.003
                else rng.choices(["closed", "resolved", "rejected"], [80, 12, 8])[0]
            )
        else:
            status = rng.choices(OPEN_STATES, OPEN_WEIGHTS)[0]
        reason = "quality" if kind == "repair" else rng.choices(REASONS, [35, 45, 20])[0]
        planned.append((opened, kind, reason, status, oid, sid, pid, amount, nick))
    planned.sort()
    tickets, per_month = [], {}
    for tid, (opened, kind, reason, status, oid, sid, _, amount, nick) in enumerate(planned, start=1):
        month = ts(opened + 8 * HOUR)[:7].replace("-", "")
        per_month[month] = per_month.get(month, 0) + 1
        tickets.append(
            (tid, kind, reason, status, sid, oid, amount, nick, opened, f"SH-{month}-{per_month[month]:04d}")
        )
    return tickets


def _events(g: Gen, tickets: list[tuple], ticket_rows: list[tuple]) -> Iterator[tuple]:
    """Yield each ticket's timeline events (one ledger entry each) and fill ``ticket_rows`` with final states."""
    rng, rand, now = g.rng, g.rng.random, g.now
    service = g.shared["staff"]["service"]
    stub = g.stub
    eid = 0
    n_attach = 0
    max_attach = g.n(2500, 5)
    attachments = g.shared.setdefault("attachments", [])
    for tid, kind, reason, status, _, oid, amount, nick, opened, code in tickets:
        owner = service[tid % len(service)]
        kind_text = KIND_TEXT[kind]
        steps: list[tuple[str, str, dict]] = [("created", f"买家申请{kind_text}", {"status": "new"})]
        if status != "new":
            steps.append(("reply", "您好，已收到您的申请，正在为您处理", {"status": "in_progress"}))
        finished = status in ("resolved", "rejected", "closed")
        for _ in range(int(rand() * 1.8) if finished else int(rand() * 1.3)):
            steps.append((*g.pick(MIDDLE), {}))
        if kind in ("return_refund", "exchange", "repair") and status not in (
            "new",
            "in_progress",
            "waiting_customer",
        ):
            steps.append(("status", "等待买家寄回", {"from": "in_progress", "to": "waiting_return"}))
            if status != "waiting_return":
                steps.append(("status", "已收到退货", {"from": "waiting_return", "to": "return_received"}))
        if status == "waiting_customer":
            steps.append(("status", "等待买家补充凭证", {"from": "in_progress", "to": "waiting_customer"}))
        refund = None
        if status in ("resolved", "closed") and kind in (
            "refund_only",
            "return_refund",
            "price_protection",
            "promise_claim",
        ):
            refund = amount if kind in ("refund_only", "return_refund") else max(100, amount // 10)
            steps.append(("refund", f"已退款 {refund / 100:.2f} 元", {"refund_fen": refund}))
        if finished:
            text = {
                "resolved": "处理完毕",
                "rejected": "不符合售后条件，已驳回",
                "closed": "处理完毕，买家确认，工单关闭",
            }
            steps.append(("status", text[status], {"from": "in_progress", "to": status}))
        if n_attach < max_attach and rand() < 0.02:
            steps.insert(1, ("attachment", "买家上传凭证照片", {}))
        at = opened
        first_response = return_received = resolved = closed = waiting = None
        for index, (ev_kind, body, data) in enumerate(steps):
            if index:
                at = min(
                    now - MINUTE,
                    staff_hours(g, at + 3 * MINUTE + int(rand() * (30 * HOUR if index > 2 else 3 * HOUR))),
                )
            eid += 1
            actor = None if ev_kind == "created" else owner
            if ev_kind == "attachment":
                n_attach += 1
                content, media = fake_file(g, f"ticket {tid} photo", "jpg")
                sha = add_vault_file(g, content, f"凭证-{code}.jpg", media, None, at - US)
                attachments.append(("ticket", tid, sha, "买家凭证", None, ts(at)))
                data = {"sha256": sha}
            if ev_kind == "reply" and first_response is None:
                first_response = at
            to = data.get("to")
            if to == "return_received":
                return_received = at
            elif to in ("resolved", "rejected"):
                resolved = at
            elif to == "closed":
                resolved = closed = at
            elif to == "waiting_customer":
                waiting = at
            stub("ticket_event", eid, at, actor, f"ticket.{ev_kind}", {"ticket": code, "event": ev_kind})
            yield (eid, tid, ts(at), actor, ev_kind, body, sa_json(data))
        satisfaction = None
        if status == "closed" and rand() < 0.7:
            satisfaction = rng.choices([1, 2, 3, 4, 5], [3, 4, 10, 28, 55])[0]
        # The nearest binding deadline as core.services.ticket_deadlines caches it, with the rule's own keys:
        # a refund request's first response (internal, 48 h here), otherwise the legal 15-day handling line.
        due = None if finished else opened + (48 * HOUR if kind == "refund_only" else 15 * DAY)
        due_rule = "" if finished else ("first_response" if kind == "refund_only" else "handling_breach")
        ticket_rows.append(
            (
                tid,
                code,
                kind,
                reason,
                status,
                oid,
                owner,
                f"{kind_text}：订单 {oid}",
                nick,
                ts(opened),
                ts(first_response),
                ts(return_received),
                ts(resolved),
                ts(closed),
                ts(waiting),
                refund,
                satisfaction,
                "超出七天无理由期限" if status == "rejected" else "",
                ts(due),
                due_rule,
                owner if tid % 10 == 0 else None,
            )
        )
        stub("ticket", tid, at, actor, "ticket.updated", {"code": code, "status": status})
