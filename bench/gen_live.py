"""Live sessions, hosts, lineups, the on-air timeline, checklist runs, scripts and the promises said on air."""

from __future__ import annotations

from bench.gen_base import CST, DAY, HOUR, MINUTE, US, Gen, sa_json, ts
from bench.gen_catalog import add_vault_file, fake_file

THEMES = [
    "宠粉福利夜",
    "秋冬好物专场",
    "源头工厂直供",
    "美妆护肤专场",
    "数码家居专场",
    "年货节专场",
    "618 大促",
    "双十一预热",
    "新品首发",
    "清仓特惠",
]
SLOTS = [(10, 0), (14, 0), (19, 30), (20, 0)]  # local start times
PLATFORM_WEIGHTS = (("douyin", 0.6), ("kuaishou", 0.25), ("wechat", 0.15))

PROMISE_KINDS = [
    # kind, weight, wording templates, terms
    (
        "shipping_time",
        25,
        ["今天下单的 {h} 小时内全部发货", "现货，{h} 小时内发出，超时赔付"],
        lambda r: {"ship_within_hours": r.choice([24, 48, 72])},
    ),
    (
        "gift",
        22,
        ["前 {n} 单加送同款小样一份", "下单就送定制收纳袋，送完即止，限 {n} 份"],
        lambda r: {"gift": "小样", "limit": r.choice([100, 200, 500])},
    ),
    (
        "return_terms",
        15,
        ["支持 {d} 天无理由退换，运费我们出", "收到不满意 {d} 天内包退"],
        lambda r: {"return_days": r.choice([7, 15, 30])},
    ),
    (
        "price_protection",
        10,
        ["{d} 天价保，买贵了退差价", "保证全网最低，{d} 天内买贵退差"],
        lambda r: {"price_protection_days": r.choice([7, 15, 30])},
    ),
    (
        "compensation",
        6,
        ["假一赔{m}", "破损包赔，坏一赔{m}"],
        lambda r: {"compensation_multiple": r.choice([3, 4, 10])},
    ),
    (
        "quality_guarantee",
        10,
        ["质量问题一年内免费换新", "保修两年，只换不修"],
        lambda r: {"guarantee_days": r.choice([365, 730])},
    ),
    (
        "lottery",
        8,
        ["整点抽 {n} 位送免单", "评论区抽 {n} 位送同款"],
        lambda r: {"winners": r.choice([3, 5, 10])},
    ),
    ("other", 4, ["今晚下单的都送运费险", "明天统一加急顺丰"], lambda r: {}),
]

LINT_TERMS = [
    ("最", "factual_ranking"),
    ("第一", "quoted_certificate"),
    ("国家级", "quoted_certificate"),
    ("100%", "objective_data"),
    ("顶级", "brand_name"),
    ("全网最低", "objective_data"),
]


def _local(day_start_us: int, hour: int, minute: int) -> int:
    return day_start_us + hour * HOUR + minute * MINUTE - CST


def build(g: Gen) -> None:
    rng = g.rng
    staff = g.shared["staff"]
    operators, hosts, owner = staff["operator"], staff["host"], g.shared["owner_id"]
    n_sessions = g.n(3300, 10)
    n_planned = max(2, round(n_sessions * 0.006))
    n_past = n_sessions - n_planned
    first_day = (g.start // DAY) * DAY
    span_days = (g.now - g.start) // DAY - 1
    products = g.shared["products"]
    sessions, session_hosts, lineups, segments = [], [], [], []
    past: list[tuple] = []
    lineup_id = segment_id = 0
    for sid in range(1, n_sessions + 1):
        is_past = sid <= n_past
        if is_past:
            day = first_day + (sid - 1) * span_days // n_past * DAY
        else:
            day = (g.now // DAY) * DAY + (1 + (sid - n_past - 1) // 2) * DAY
        hour, minute = SLOTS[sid % len(SLOTS)]
        planned_start = _local(day, hour, minute)
        planned_end = planned_start + rng.choice([2, 3, 3, 4]) * HOUR
        if planned_start >= g.now - HOUR:
            is_past = False
        actual_start = planned_start + rng.randint(0, 8) * MINUTE if is_past else None
        actual_end = planned_end + rng.randint(-10, 30) * MINUTE if is_past else None
        if is_past:
            status = "reviewed" if actual_end < g.now - 3 * DAY else "ended"
        else:
            status = "ready" if sid == n_past + 1 else "planned"
        platform = rng.choices([p for p, _ in PLATFORM_WEIGHTS], [w for _, w in PLATFORM_WEIGHTS])[0]
        shop = next(s["shop"] for s in g.shared["shops"] if s["platform"] == platform)
        operator = rng.choice(operators)
        local_day = ts(planned_start + CST)[:10]
        sessions.append(
            (
                sid,
                f"{local_day[5:7]}月{local_day[8:10]}日 {g.pick(THEMES)}",
                platform,
                shop,
                ts(planned_start),
                ts(planned_end),
                ts(actual_start),
                ts(actual_end),
                status,
                f"录屏/{local_day.replace('-', '')}-{sid:05d}.mp4" if is_past else "",
                "",
                operator,
                ts(planned_start - rng.randint(2, 6) * DAY),
            )
        )
        session_host = rng.sample(hosts, 2 if rng.random() < 0.3 else 1)
        session_hosts.extend((sid, h) for h in session_host)
        picks = rng.sample(products, min(len(products), rng.randint(10, 20)))
        lineup = []
        clock = actual_start or planned_start
        slot_len = (planned_end - planned_start) // len(picks)
        for position, (pid, _, list_price, _) in enumerate(picks, start=1):
            lineup_id += 1
            live = max(100, int(list_price * rng.choice([0.6, 0.69, 0.75, 0.8, 0.85, 0.9])) // 10 * 10)
            lowest = list_price if rng.random() > 0.15 else int(list_price * 0.9)
            override = "资质续期中，店主确认已提交" if rng.random() < 0.01 else ""
            lineups.append(
                (
                    lineup_id,
                    sid,
                    pid,
                    position,
                    live,
                    list_price,
                    lowest,
                    "店铺近 7 日成交价截图",
                    int(is_past or rng.random() < 0.5),
                    override,
                    owner if override else None,
                )
            )
            lineup.append((pid, live))
            if is_past:
                segment_id += 1
                seg_end = clock + slot_len - rng.randint(0, 5) * MINUTE
                segments.append((segment_id, sid, pid, ts(clock), ts(seg_end), live))
                _air_entries(g, segment_id, sid, pid, live, clock, seg_end, operator)
                if rng.random() < 0.1:  # a price change on air: a second stretch
                    segment_id += 1
                    segments.append((segment_id, sid, pid, ts(seg_end), ts(seg_end + 3 * MINUTE), live - 500))
                    _air_entries(g, segment_id, sid, pid, live - 500, seg_end, seg_end + 3 * MINUTE, operator)
                clock += slot_len
        if is_past:
            past.append((sid, platform, actual_start, actual_end, lineup, operator, session_host))
    g.insert(
        "live_sessions",
        [
            "id",
            "title",
            "platform",
            "shop",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "status",
            "recording_ref",
            "notes",
            "created_by",
            "created_at",
        ],
        sessions,
    )
    g.insert("session_hosts", ["session_id", "user_id"], session_hosts)
    g.insert(
        "lineup_items",
        [
            "id",
            "session_id",
            "product_id",
            "position",
            "live_price_fen",
            "claimed_original_fen",
            "lowest_7d_fen",
            "price_evidence",
            "gift_stock_confirmed",
            "override_reason",
            "override_by",
        ],
        lineups,
    )
    g.insert(
        "air_segments", ["id", "session_id", "product_id", "started_at", "ended_at", "price_fen"], segments
    )
    g.shared["past_sessions"] = past
    planned = [s[0] for s in sessions[n_past:]]
    g.shared["planned_sessions"] = planned
    _checklists(g, past, planned)
    _scripts(g, past, planned)
    _promises(g, past)
    drafts = [
        (
            sid,
            operators[0],
            sa_json({"kind": "gift", "wording": "前 100 单加送", "product_id": None}),
            ts(g.now - rng.randint(1, 600) * MINUTE),
        )
        for sid in planned[:3]
    ]
    g.insert("console_drafts", ["session_id", "user_id", "data", "updated_at"], drafts)


def _air_entries(
    g: Gen, segment_id: int, sid: int, pid: int, price: int, start: int, end: int, by: int
) -> None:
    """The ledger entries live_timeline.put_on_air writes: ``air.on`` when a segment opens, ``air.off`` at its end."""
    g.stub(
        "air_segment",
        segment_id,
        start,
        by,
        "air.on",
        {"session_id": sid, "product_id": pid, "price_fen": price},
    )
    g.stub("air_segment", segment_id, end, by, "air.off", None)


def _checklists(g: Gen, past: list[tuple], planned: list[int]) -> None:
    rng = g.rng
    items_of, v2_from, owner = g.shared["template_items"], g.shared["template_v2_from"], g.shared["owner_id"]
    runs, run_items = [], []
    item_id = 0
    work = [(s[0], s[2], s[5], "past") for s in past]
    work += [(sid, g.now - 2 * HOUR, g.shared["staff"]["operator"][0], "planned") for sid in planned[:4]]
    for run_id, (sid, start, operator, phase) in enumerate(work, start=1):
        started = start - rng.randint(2, 5) * HOUR
        template = 2 if started >= v2_from else 1
        runs.append((run_id, sid, template, ts(started), None, "", None))
        for pos, template_item in enumerate(items_of[template]):
            item_id += 1
            at = started + (pos + 1) * rng.randint(2, 6) * MINUTE
            if phase == "planned" and pos >= 6 + run_id % 3:
                run_items.append((item_id, run_id, template_item, "open", "", None, None, None))
                g.stub("checklist_item", item_id, started, operator, "checklist.opened", {"run": run_id})
                continue
            roll = rng.random()
            state, reason, by = "done", "", operator
            if roll < 0.06:
                state, reason = "na", "本场无抽奖/赠品，不适用"
            elif roll < 0.08:
                state, reason, by = "waived", "供应商资质原件在途，店主确认扫描件有效", owner
            evidence = None
            if state == "done" and pos < 2 and rng.random() < 0.15:
                content, media = fake_file(g, f"checklist {run_id}/{pos} evidence", "jpg")
                evidence = add_vault_file(g, content, f"清单佐证-{run_id}-{pos}.jpg", media, by, at - US)
            run_items.append((item_id, run_id, template_item, state, reason, by, ts(at), evidence))
            g.stub("checklist_item", item_id, at, by, f"checklist.{state}", {"run": run_id, "state": state})
    g.insert(
        "checklist_runs",
        ["id", "session_id", "template_id", "started_at", "override_by", "override_reason", "override_at"],
        runs,
    )
    g.insert(
        "checklist_run_items",
        ["id", "run_id", "template_item_id", "state", "reason", "by_user_id", "at", "evidence_sha256"],
        run_items,
    )


def _scripts(g: Gen, past: list[tuple], planned: list[int]) -> None:
    rng = g.rng
    hosts = g.shared["staff"]["host"]
    scripts, exemptions = [], []
    body = (
        "家人们看过来！这款{term}好用的宝贝今天直播间专属价，库存有限，拍下后 48 小时内发货，支持七天无理由。"
    )
    script_id = 0
    for sid, _, start, *_ in past:
        script_id += 1
        term, reason = g.pick(LINT_TERMS)
        text = body.format(term=term)
        author = rng.choice(hosts)
        at = start - rng.randint(3, 30) * HOUR
        scripts.append((script_id, sid, None, "开场话术", text, author, ts(at)))
        if rng.random() < 0.45:
            pos = text.index(term)
            ex_id = len(exemptions) + 1
            exemptions.append(
                (
                    ex_id,
                    script_id,
                    term,
                    pos,
                    pos + len(term),
                    reason,
                    "有检测报告/证书原件",
                    author,
                    ts(at + 10 * MINUTE),
                )
            )
            g.stub("lint_exemption", ex_id, at + 10 * MINUTE, author, "lint.exempted", {"term": term})
    for sid in planned:
        script_id += 1
        scripts.append(
            (script_id, sid, None, "开场话术（草稿）", body.format(term="超"), hosts[0], ts(g.now - HOUR))
        )
    for pid, *_ in g.shared["products"]:
        script_id += 1
        scripts.append(
            (
                script_id,
                None,
                pid,
                "商品卖点",
                body.format(term="很"),
                hosts[pid % len(hosts)],
                ts(g.start + pid * HOUR),
            )
        )
    g.insert(
        "scripts", ["id", "session_id", "product_id", "title", "body", "updated_by", "updated_at"], scripts
    )
    g.insert(
        "lint_exemptions",
        ["id", "script_id", "term", "start", "end", "reason_code", "note", "by_user_id", "at"],
        exemptions,
    )


def _promises(g: Gen, past: list[tuple]) -> None:
    rng = g.rng
    total = g.n(60_000, 20)
    kinds = PROMISE_KINDS
    weights = [k[1] for k in kinds]
    rows, by_session = [], {}
    pid = 0
    for index, (sid, _, start, end, lineup, operator, _) in enumerate(past):
        count = total * (index + 1) // len(past) - total * index // len(past)
        said = start
        mine: list[int] = []
        step = max(1, (end - start) // (count + 1))
        for _ in range(count):
            said += rng.randint(step // 2, step * 3 // 2) // 1000 * 1000
            pid += 1
            logged = said + rng.randint(3, 30) * US + rng.randrange(US)
            kind, _, wordings, make_terms = rng.choices(kinds, weights)[0]
            terms = make_terms(rng)
            wording = g.pick(wordings).format(
                h=terms.get("ship_within_hours", 48),
                n=terms.get("limit", terms.get("winners", 100)),
                d=terms.get("return_days", terms.get("price_protection_days", 7)),
                m=terms.get("compensation_multiple", 3),
            )
            product = g.pick(lineup)[0] if rng.random() < 0.8 else None
            corrects, correction, entry_kind = None, None, "promise.logged"
            if mine and rng.random() < 0.03:
                corrects = g.pick(mine)
                correction = rng.choice(["amendment", "retraction", "on_air"])
                wording = ("撤回：" if correction == "retraction" else "更正：") + wording
                entry_kind = "promise.retracted" if correction == "retraction" else "promise.amended"
            rows.append(
                (
                    pid,
                    sid,
                    product,
                    kind,
                    wording,
                    sa_json(terms),
                    ts(said),
                    (said - start) // US,
                    operator,
                    ts(logged),
                    corrects,
                    correction,
                )
            )
            g.stub("promise", pid, logged, operator, entry_kind, {"session": sid, "kind": kind})
            mine.append(pid)
        by_session[sid] = mine
    g.insert(
        "promises",
        [
            "id",
            "session_id",
            "product_id",
            "kind",
            "wording",
            "terms",
            "said_at",
            "offset_seconds",
            "logged_by",
            "logged_at",
            "corrects_id",
            "correction",
        ],
        rows,
    )
    g.shared["session_promises"] = by_session
