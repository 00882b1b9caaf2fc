"""The sample studio's public-opinion register (issue 6's sample): incidents found, handled and closed.

Each incident is worked step by step through the real incident services (:mod:`core.services.incidents`,
:mod:`core.services.incident_actions`) under a fixed clock, after the after-sales desk, so its rows and ledger
entries are the same on every build and the ledger verifies. The incidents refer to the sample's real tickets,
products, sessions and hosts (``tools/sample_tickets.py``); buyers appear only as masked nicknames.

What the register shows at the sample's today (2026-11-28 12:00, Asia/Shanghai):

- YQ-202609-001, closed, tier III: a 小红书 note about rotten 脐橙 from the 25 Sep stream; confirmed IV, escalated
  to III (reposted by local accounts, several similar complaints that morning), contacted, statement within the
  4-hour clock, compensation, fix plan, two corrective actions done, closed with its root cause.
- YQ-202610-001, closed, de-escalated III → IV: a 黑猫投诉 about the engraved cup refused a no-reason return; the
  buyer withdrew it after a call and a free re-engraving; one corrective action done.
- YQ-202611-001, open, tier II: a 微博 digital blogger amplifies three S3 earphone charging-case faults; statement
  within its 2 hours, the 24-hour fix-plan clock honestly missed (the supplier's test report is due 2 Dec), one
  corrective action open, due after today.
- YQ-202611-002, open, tier IV: a 抖音 comment about sand in the black fungus (the after-sales request nobody has
  answered since Friday), seen at 11:20 and not yet contacted: its 1-hour first-contact clock runs out at 12:20.
"""

from __future__ import annotations

import struct
import tempfile
import zlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from core import clock
from core.db import models as m
from core.domain.codes import Role
from core.domain.roles import Actor
from core.services import incident_actions, incidents

STAFF = {
    "王芳": Actor(1, "王芳", Role.OWNER),
    "李明": Actor(2, "李明", Role.OPERATOR),
    "陈静": Actor(3, "陈静", Role.SERVICE),
    "赵磊": Actor(4, "赵磊", Role.SERVICE),
}
YEAR = 2026

Pixel = Callable[[int, int], tuple[int, int, int]]


def _png(width: int, height: int, pixel: Pixel) -> bytes:
    """A deterministic RGB PNG (stored deflate blocks, no compression library settings involved)."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw += bytes(pixel(x, y))
    data = bytes(raw)
    blocks = bytearray(b"\x78\x01")
    for start in range(0, len(data), 65535):
        part = data[start : start + 65535]
        final = 1 if start + 65535 >= len(data) else 0
        blocks += struct.pack("<BHH", final, len(part), 0xFFFF ^ len(part)) + part
    blocks += struct.pack(">I", zlib.adler32(data))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", bytes(blocks)) + chunk(b"IEND", b"")


def _text_lines(x: int, y: int, top: int, width: int) -> bool:
    """Grey bars standing in for lines of text below ``top``."""
    row = (y - top) % 9
    return y >= top and row < 4 and 8 <= x < width - 8 - ((y - top) // 9 % 3) * 10


def _xiaohongshu(x: int, y: int) -> tuple[int, int, int]:
    """A phone screenshot of a 小红书 note: red top bar, a photo of oranges with dark rotten patches, text."""
    if y < 12:
        return (255, 36, 66)
    if 16 <= y < 96 and 6 <= x < 90:
        for cx, cy, rotten in ((28, 40, True), (62, 38, False), (30, 74, False), (64, 72, True)):
            d = (x - cx) ** 2 + (y - cy) ** 2
            if d < 15**2:
                return (
                    (92, 74, 40)
                    if rotten and (x - cx + 4) ** 2 + (y - cy - 3) ** 2 < 7**2
                    else (244, 146, 32)
                )
        return (226, 214, 196)
    return (170, 170, 170) if _text_lines(x, y, 104, 96) else (255, 255, 255)


def _weibo(x: int, y: int) -> tuple[int, int, int]:
    """A phone screenshot of a 微博 post: orange top bar, avatar, text, a photo of a charging case."""
    if y < 12:
        return (255, 130, 0)
    if 16 <= y < 30 and 6 <= x < 20:
        return (120, 150, 190)
    if 60 <= y < 116 and 16 <= x < 80:
        return (40, 40, 44) if 30 <= x < 66 and 72 <= y < 104 else (236, 236, 240)
    return (160, 160, 160) if _text_lines(x, y, 34, 96) and y < 58 else (255, 255, 255)


def _douyin(x: int, y: int) -> tuple[int, int, int]:
    """A phone screenshot of a 抖音 comment list: dark background, avatars and light text bars."""
    if y < 12:
        return (22, 24, 35)
    if (y - 16) % 30 < 12 and 6 <= x < 18 and y >= 16:
        return (254, 44, 85) if (y - 16) // 30 == 1 else (90, 96, 120)
    if x >= 24 and (y - 16) % 30 < 12 and _text_lines(x, y, 16, 96):
        return (230, 230, 236)
    return (22, 24, 35)


# Steps in the studio's local time (year 2026), per incident; run in time order across incidents.
# "open": channel, link, summary, reach, snapshot (first seen = the step's time); "shot": file name, painter;
# "link": (type, ref) pairs — ticket (session id, SKU), product SKU, session id, host (session id: its first host);
# "reach": the reach figure now known; "tier": tier, reason; "act": kind, body; "fix": title, owner, due "MM-DD";
# "done": n-th corrective action of the incident; "close": root cause.
INCIDENTS: tuple[tuple[tuple[Any, ...], ...], ...] = (
    (
        ("09-29 09:10", "陈静", "open", "xiaohongshu", "https://www.xiaohongshu.com/explore/66f8a3c1000000001e0394b2",
         "小红书笔记：直播间赣南脐橙开箱多个烂果，评论区有人附和", 1200,
         "小红书笔记《直播间抢的赣南脐橙，开箱烂了 6 个😭》 作者：橙子不甜**（09-29 08:47 发布）\n"
         "正文：周五晚上在抖音“星禾优选”直播间抢的 5kg 脐橙，今天到了，一箱烂了 6 个，发霉还流水。主播说现摘现发、"
         "坏果包赔，结果客服让我等。大家买水果别冲动！\n配图 3 张：开箱、烂果特写、订单截图（订单号已打码）\n"
         "评论 48 条（“我也是，烂了两个”“同一场买的，也有坏的”），点赞 310，收藏 96（截至 09:10）"),
        ("09-29 09:12", "陈静", "shot", "小红书笔记截图.png", _xiaohongshu),
        ("09-29 09:15", "陈静", "link", ("ticket", (3, "FR-001")), ("product", "FR-001"), ("session", 3),
         ("host", 3)),
        ("09-29 09:18", "陈静", "tier", "IV", ""),
        ("09-29 09:35", "陈静", "act", "contacted", "小红书私信作者致歉，请她发来订单号，承诺按实际坏果全额退款"),
        ("09-29 11:30", "陈静", "act", "note",
         "上午另有 4 位同场买家私信/工单反映脐橙烂果；笔记被 2 个广州本地生活号转发，互动已过万"),
        ("09-29 11:32", "陈静", "reach", 12000),
        ("09-29 11:40", "李明", "tier", "III",
         "当日同类反馈 5 条，笔记被本地生活号转发、互动过万，已超出单条投诉；按 III 级由客服+运营处理"),
        ("09-29 14:50", "李明", "act", "statement",
         "关于 9 月 25 日直播间赣南脐橙坏果的说明：本批脐橙从产地到仓途中遇高温，部分果子在途腐坏，是我们品控没有"
         "做到位，向大家道歉。购买本场脐橙的买家，凡有坏果，凭照片按坏果数全额退款，无需寄回；坏果超过三分之一的"
         "整箱退款。今天起生鲜到仓先抽检再发货，整改方案明天公布。客服电话 020-3888-0000。——星禾优选直播间"),
        ("09-29 15:30", "陈静", "act", "compensation",
         "作者订单整箱退款，另送 10 元无门槛券；其余 4 位买家按坏果数全额退款，均已到账"),
        ("09-30 10:00", "李明", "act", "fix_plan",
         "1. 生鲜到仓每批开箱抽检 5%，坏果率超过 2% 整批拒收、退回供应商；2. 脐橙改用单果网套加隔层、加厚泡沫箱，"
         "气温高于 28℃ 加冰袋；3. 发货前仓库剔除软果并拍照留存。"),
        ("09-30 10:10", "李明", "fix", "生鲜到仓抽检：每批开箱抽检 5%，坏果率超过 2% 整批拒收", "李明", "10-07"),
        ("09-30 10:12", "李明", "fix", "脐橙包装升级：单果网套、隔层、加厚泡沫箱，高温天加冰袋", "王芳", "10-10"),
        ("10-06 16:00", "李明", "done", 0),
        ("10-09 17:00", "王芳", "done", 1),
        ("10-10 10:00", "王芳", "close",
         "供应商禾丰产地直发前未剔除软果，9 月底高温运输 3 天；我们没有到仓抽检，包装也没有隔层。"
         "已建立生鲜到仓抽检、升级包装，10 月两场脐橙未再出现坏果投诉。"),
    ),
    (
        ("10-28 09:30", "陈静", "open", "heimao", "https://tousu.sina.com.cn/complaint/view/17354210683/",
         "黑猫投诉：刻字保温杯被拒七天无理由退货", 300,
         "黑猫投诉 编号 17354210683（10-27 22:16 发布） 投诉对象：星禾优选旗舰店 投诉要求：退货退款\n"
         "“直播间买的刻字保温杯收到不想要了，商家说定制的不给退。主播直播时根本没说定制不能退，要求退款。”"
         " 用户：小鹿**"),
        ("10-28 09:33", "陈静", "link", ("ticket", (14, "HM-002")), ("product", "HM-002"), ("session", 14)),
        ("10-28 09:35", "陈静", "tier", "III", ""),
        ("10-28 10:00", "陈静", "act", "contacted",
         "电话联系买家，解释定制商品的规则，提出可免费重新刻字一次或补差价换购其他款式"),
        ("10-28 11:20", "陈静", "act", "statement",
         "（黑猫投诉商家回复）您好，您购买的是定制刻字保温杯，下单页已提示并经您确认“定制商品不支持七天无理由"
         "退货”（消费者权益保护法第二十五条）。给您带来不便很抱歉，我们可为您免费重新刻字一次，或补差价换购其他"
         "款式，客服已电话联系您。"),
        ("10-30 11:00", "陈静", "act", "note", "买家已在黑猫点了“已解决”并撤诉"),
        ("10-30 11:05", "李明", "tier", "IV", "买家已撤诉，仅此一单、未扩散；降为 IV 级，由客服跟进补偿"),
        ("10-30 11:10", "陈静", "act", "compensation", "免费重新刻字一次，买家接受"),
        ("10-30 11:15", "李明", "fix", "直播口播和商品讲解卡加上“定制刻字商品不支持七天无理由退货”", "李明", "11-02"),
        ("11-02 18:00", "李明", "done", 0),
        ("11-03 10:00", "王芳", "close",
         "定制商品不退的提示只在下单页，直播口播和讲解卡都没有提到，买家以为可以退；已在口播和讲解卡补上。"),
    ),
    (
        ("11-24 20:30", "赵磊", "open", "weibo", "https://weibo.com/6372815540/P3kQz8vLm",
         "微博数码博主转发：声科 S3 耳机充电仓故障，点名本直播间", 120000,
         "微博 @数码老K测评（粉丝 38.6 万） 11-24 19:52：\n“粉丝私信我：在星禾优选直播间买的声科 S3 降噪耳机，"
         "一个月内充电仓就坏了，这已经是第三个类似反馈。买之前三思。#直播间耳机翻车#”\n"
         "配图：充电仓指示灯不亮的照片\n转发 1.2 万，评论 3400，点赞 2.1 万（截至 20:30）"),
        ("11-24 20:32", "赵磊", "shot", "微博截图.png", _weibo),
        ("11-24 20:36", "赵磊", "link", ("ticket", (24, "EL-001")), ("ticket", (18, "EL-001")),
         ("ticket", (6, "EL-001")), ("product", "EL-001"), ("session", 24)),
        ("11-24 20:45", "王芳", "tier", "II", ""),
        ("11-24 21:00", "赵磊", "act", "contacted", "私信博主致歉，说明三位买家均已在售后处理中，请他转达客服联系方式"),
        ("11-24 22:05", "王芳", "act", "statement",
         "关于声科 S3 降噪耳机充电仓问题的说明：我们已收到 3 位买家的反馈，均已按国家三包规定换新或维修。"
         "问题充电仓已送声科检测，检测结果出来后第一时间公布整改方案。如您的 S3 也有类似问题，请私信客服或拨打"
         " 020-3888-0000，我们按三包规定为您处理。——星禾优选直播间"),
        ("11-25 10:30", "赵磊", "act", "note", "声科回复：问题充电仓已寄回检测，报告需 5 个工作日（预计 12-02）；整改方案等报告"),
        ("11-25 10:40", "李明", "fix", "S3 到货按批次抽检充电仓（每批 20 台），检测报告出来前每场开播前试充", "李明",
         "12-03"),
        ("11-26 16:00", "赵磊", "act", "note", "又接到 1 位买家私信问充电仓，已登记；暂无新的故障"),
    ),
    (
        ("11-28 11:20", "陈静", "open", "douyin", "https://www.douyin.com/video/7441886520193829156",
         "抖音评论：木耳泡开全是沙子，退货申请没人理", 600,
         "抖音 @星禾优选 短视频《11月25日直播回放精选》评论区 用户 木木爱吃辣**（11-28 10:58）：\n"
         "“周三直播间买的黑木耳，泡开全是沙子和碎渣，申请退货一天了没人理，还敢继续卖？”\n点赞 37，回复 5"),
        ("11-28 11:21", "陈静", "shot", "抖音评论截图.png", _douyin),
        ("11-28 11:23", "陈静", "link", ("ticket", (29, "FD-002")), ("product", "FD-002"), ("session", 29)),
        ("11-28 11:25", "陈静", "tier", "IV", ""),
    ),
)  # fmt: skip


def _local(text: str, zone: ZoneInfo) -> datetime:
    return datetime.strptime(f"{YEAR}-{text}", "%Y-%m-%d %H:%M").replace(tzinfo=zone)


def _target(session: Any, kind: str, ref: Any) -> int:
    """The id of a link target named by sample data (see INCIDENTS)."""
    if kind == "ticket":
        sid, sku = ref
        (found,) = session.scalars(
            select(m.Ticket.id)
            .join(m.Order, m.Order.id == m.Ticket.order_id)
            .join(m.Product, m.Product.id == m.Order.product_id)
            .where(m.Ticket.session_id == sid, m.Product.sku == sku)
        ).all()
        return int(found)
    if kind == "product":
        return int(session.scalar(select(m.Product.id).where(m.Product.sku == ref)))
    if kind == "host":
        return int(
            session.scalars(
                select(m.SessionHost.user_id)
                .where(m.SessionHost.session_id == ref)
                .order_by(m.SessionHost.user_id)
            ).first()
        )
    return int(ref)


def _step(
    db: Any, state: dict[int, Any], index: int, step: tuple[Any, ...], folder: Path, zone: ZoneInfo
) -> None:
    """Run one incident step in its own unit of work."""
    when, who, action, *args = step
    actor = STAFF[who]
    with db.unit_of_work(actor) as session:
        if action == "open":
            channel, link, summary, reach, snapshot = args
            row = incidents.open_incident(
                session, actor, channel=channel, link=link, snapshot_text=snapshot,
                first_seen_at=_local(when, zone), summary=summary, reach=reach,
            )  # fmt: skip
            state[index] = {"id": row.id, "corrective": []}
            return
        incident_id = state[index]["id"]
        if action == "shot":
            name, painter = args
            path = folder / name
            path.write_bytes(_png(96, 160, painter))
            incidents.attach_screenshot(session, actor, db.vault_dir, incident_id, path)
            path.unlink()
        elif action == "link":
            for kind, ref in args:
                incidents.link_to(session, actor, incident_id, kind, _target(session, kind, ref))
        elif action == "reach":
            incidents.update_reach(session, actor, incident_id, args[0])
        elif action == "tier":
            incidents.set_tier(session, actor, incident_id, args[0], reason=args[1])
        elif action == "act":
            incident_actions.record_action(session, actor, incident_id, args[0], body=args[1])
        elif action == "fix":
            title, owner, due = args
            due_on = date.fromisoformat(f"{YEAR}-{due}")
            row = incident_actions.add_corrective_action(
                session, actor, incident_id, title=title, owner_id=STAFF[owner].user_id, due_on=due_on
            )
            state[index]["corrective"].append(row.id)
        elif action == "done":
            incident_actions.mark_action_done(session, actor, state[index]["corrective"][args[0]])
        elif action == "close":
            incident_actions.close_incident(session, actor, incident_id, root_cause=args[0])
        else:
            raise ValueError(f"unknown sample incident step {action!r}")


def add_incidents(db: Any, past_sessions: list[dict[str, Any]], zone: ZoneInfo) -> int:
    """Work the sample incidents through the services, in time order; return how many were registered."""
    past_ids = {row["id"] for row in past_sessions}
    events = sorted(
        (
            (_local(step[0], zone), index, n, step)
            for index, spec in enumerate(INCIDENTS)
            for n, step in enumerate(spec)
        ),
        key=lambda e: (e[0], e[1], e[2]),
    )
    for _at, _index, _n, step in events:
        if step[2] == "link":
            bad = [ref for kind, ref in step[3:] if kind == "session" and ref not in past_ids]
            if bad:
                raise ValueError(f"sample incident linked to a session that has not happened: {bad}")
    state: dict[int, Any] = {}
    with tempfile.TemporaryDirectory() as folder, clock.fixed(events[0][0]):
        for at, index, _n, step in events:
            clock.set_to(at)
            _step(db, state, index, step, Path(folder), zone)
    return len(state)
