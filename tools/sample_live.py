"""The sample studio's last stream, replayed on air through the real services (issue 4's sample; see build_sample).

The most recent past session went live through its checklist (:func:`sample_history.run_past_checklists` leaves
it live). Here the operator beside the host puts its lineup products on air in turn (one of them again at a lower
price: a price change), logs what the host promises while each product is on air, fixes one typo in the log
(amendment), withdraws one entry that was a viewer's question read aloud (retraction), logs the host's own on-air
correction of a slip (口误更正), and ends the stream at its planned end. The session stays *ended*: reviewing it
is post-live work (issue 5), which will also compare the limited gift (前100名送…) with the orders.

Every time below is the studio's local clock on the session's day; the clock is fixed (:func:`core.clock.fixed`),
so the rows and their ledger hashes are the same on every build.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from core import clock
from core.db import models as m
from core.domain.codes import Role
from core.domain.roles import Actor
from core.services import live_timeline, promises

OPERATOR = Actor(2, "李明", Role.OPERATOR)
LOGGING_DELAY = timedelta(seconds=9)  # the operator types the promise a few seconds after the host says it

# (local time, event, details). "air": sku and price in fen (None = the lineup's live price); "promise": key, kind,
# wording as said; "amend"/"correct": key of the promise, new wording; "retract": key, reason; "end".
STREAM: tuple[tuple[str, str, tuple[Any, ...]], ...] = (
    ("19:33:10", "air", ("CS-001", None)),
    ("19:36:40", "promise", ("cleanser_ship", "shipping_time", "今晚拍下的洁面乳48小时内发货")),
    ("19:41:05", "promise", ("cleanser_gift", "gift", "前100名下单的宝宝加送洁面乳旅行装一支")),
    (
        "19:47:30",
        "promise",
        ("cleanser_return", "return_terms", "洁面乳未拆封支持7天无理由退货，运费险我们出"),
    ),
    ("19:52:15", "promise", ("cleanser_fake", "compensation", "澜颜官方授权正品，假一赔十")),
    ("19:58:20", "air", ("CS-002", None)),
    ("20:02:45", "promise", ("mask_lottery", "lottery", "点赞到一万，抽5位宝宝送同款面膜一盒")),
    ("20:09:10", "promise", ("mask_price", "price_protection", "面膜7天价保，买贵了退差价")),
    ("20:15:35", "promise", ("mask_ship", "shipping_time", "面膜拍下后84小时内发货")),
    ("20:19:50", "amend", ("mask_ship", "面膜拍下后48小时内发货")),
    ("20:24:05", "air", ("FD-003", None)),
    ("20:28:25", "promise", ("oats_gift", "gift", "燕麦脆前50单送定制木勺一把")),
    ("20:33:40", "promise", ("oats_return", "return_terms", "燕麦脆没开封的支持7天无理由退换")),
    ("20:38:15", "promise", ("oats_post", "other", "燕麦脆买两盒包邮到新疆西藏")),
    ("20:41:30", "retract", ("oats_post", "误记：主播在念观众弹幕里的提问，并没有承诺包邮到新疆西藏")),
    ("20:44:50", "promise", ("invoice", "other", "直播间下单的都能开电子发票")),
    ("20:50:10", "air", ("EL-001", None)),
    ("20:53:35", "promise", ("earbuds_guarantee", "quality_guarantee", "耳机整机质保一年，有问题直接换新")),
    ("20:58:00", "promise", ("earbuds_ship", "shipping_time", "耳机现货，拍下24小时内发货")),
    ("21:00:25", "correct", ("earbuds_ship", "刚才口误，耳机是48小时内发货，不是24小时")),
    ("21:07:45", "promise", ("earbuds_price", "price_protection", "耳机保价30天，双十二降价补差价")),
    (
        "21:18:00",
        "air",
        ("EL-001", 21900),
    ),  # the price change: the same earbuds, ¥219 for the rest of the night
    ("21:18:40", "promise", ("earbuds_drop", "other", "耳机直降到219元，今晚下播前都是这个价")),
    ("21:25:15", "promise", ("earbuds_lottery", "lottery", "评论区扣1，抽3位宝宝送同款耳机")),
    ("21:35:30", "air", ("HM-001", None)),
    ("21:38:50", "promise", ("bedding_return", "return_terms", "四件套30天无理由退换")),
    ("21:44:20", "promise", ("bedding_guarantee", "quality_guarantee", "四件套质保一年，起球包换")),
    ("21:50:05", "promise", ("bedding_ship", "shipping_time", "四件套72小时内发货，新疆西藏除外")),
    ("22:00:40", "air", ("JW-001", None)),
    ("22:04:10", "promise", ("gold_fake", "compensation", "足金999，假一赔十，支持第三方检测")),
    ("22:12:35", "promise", ("gold_box", "other", "手绳每单都配国检证书和礼盒")),
    ("22:30:00", "end", ()),
)


def replay_stream(db: Any, row: dict[str, Any], tz: ZoneInfo) -> int:
    """Replay :data:`STREAM` in the live session ``row['id']`` on its planned day; return the session id."""
    session_id: int = row["id"]
    day = row["planned_start"].astimezone(tz).date()

    def at(clock_time: str) -> datetime:
        return datetime.combine(day, time.fromisoformat(clock_time), tzinfo=tz)

    with db.sessions() as session:
        skus = {sku: pid for sku, pid in session.execute(select(m.Product.sku, m.Product.id))}
    logged: dict[str, int] = {}  # key -> id of the newest row about that promise
    on_air: int | None = None
    first = at(STREAM[0][0])
    if first <= row["actual_start"]:
        raise ValueError("the stream's first event must come after the session went live")
    with clock.fixed(first, step=timedelta(milliseconds=250)):
        for clock_time, event, details in STREAM:
            said = at(clock_time)
            clock.set_to(said + LOGGING_DELAY if event in ("promise", "correct") else said)
            with db.unit_of_work(OPERATOR) as session:
                if event == "air":
                    sku, price = details
                    on_air = skus[sku]
                    live_timeline.put_on_air(
                        session, OPERATOR, session_id, product_id=on_air, price_fen=price
                    )
                elif event == "promise":
                    key, kind, wording = details
                    view = promises.log_promise(
                        session,
                        OPERATOR,
                        session_id,
                        kind=kind,
                        wording=wording,
                        product_id=on_air,
                        said_at=said,
                    )
                    logged[key] = view.id
                elif event == "amend":
                    key, wording = details
                    view = promises.amend(
                        session, OPERATOR, logged[key], session_id=session_id, wording=wording
                    )
                    logged[key] = view.id
                elif event == "retract":
                    key, reason = details
                    promises.retract(session, OPERATOR, logged[key], session_id=session_id, reason=reason)
                elif event == "correct":
                    key, wording = details
                    view = promises.correct_on_air(
                        session, OPERATOR, logged[key], session_id=session_id, wording=wording, said_at=said
                    )
                    logged[key] = view.id
                else:
                    live_timeline.end_session(session, OPERATOR, session_id)
    return session_id
