"""The sample's order lines and the platform exports they are imported from (see ``tools/sample_aftersales.py``).

Every past stream sold 20–60 order lines of its lineup (the last one, 27 Nov, far more of the cleanser whose gift was
promised to the first 100 buyers: :data:`LAST_STREAM`), paid while each product was on air at its live price,
shipped a day or two later and signed for two to four days after that; buyers are masked nicknames (小鱼**), their
names, phones and street addresses appear only in the export files, where the importer masks or drops them.
An export shows each line as of its moment (抖店: UTF-8 with BOM, tab-prefixed order numbers; 视频号: GB18030).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from core.db import models as m
from core.services import live_timeline

# The last stream (27 Nov): lines per product. 130 cleansers against a gift for the first 100; the oats' gift was
# for the first 50, and fewer were sold.
LAST_STREAM = {"CS-001": 130, "CS-002": 46, "FD-003": 38, "EL-001": 52, "HM-001": 24, "JW-001": 5}

NICKNAMES = (
    "小鱼", "阳光", "橘子汽水", "糖糖", "木子", "晴天", "一一", "奶茶", "花花", "大橙子", "小熊", "安安", "七七",
    "豆豆", "满天星", "悠悠", "小雨", "芒果", "暖暖", "星星", "蓝莓", "米粒", "飞鱼", "柠檬", "果果", "团子",
    "云朵", "西瓜", "可可", "布丁", "麦兜", "小白", "甜甜圈", "阿狸", "跳跳糖", "向日葵",
)  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = (
    "芳",
    "静",
    "敏",
    "伟",
    "磊",
    "娜",
    "丽",
    "强",
    "洋",
    "艳",
    "婷",
    "晓燕",
    "子涵",
    "雨欣",
    "浩然",
    "佳怡",
)
PLACES = (
    ("广东省", "广州市", "天河区体育西路"), ("广东省", "深圳市", "南山区科技园"), ("浙江省", "杭州市", "西湖区文三路"),
    ("江苏省", "南京市", "鼓楼区中山北路"), ("上海市", "上海市", "浦东新区张杨路"), ("北京市", "北京市", "朝阳区望京街"),
    ("四川省", "成都市", "武侯区科华北路"), ("湖北省", "武汉市", "洪山区珞喻路"), ("福建省", "厦门市", "思明区湖滨南路"),
    ("山东省", "青岛市", "市南区香港中路"), ("湖南省", "长沙市", "岳麓区麓山南路"), ("河南省", "郑州市", "金水区花园路"),
)  # fmt: skip

DOUYIN_HEADERS = (
    "主订单编号", "子订单编号", "选购商品", "商家编码", "商品数量", "订单应付金额", "订单提交时间", "支付完成时间",
    "发货时间", "签收时间", "订单状态", "售后状态", "买家昵称", "收件人", "收件人手机号", "省", "市", "详细地址",
)  # fmt: skip
WECHAT_HEADERS = (
    "订单号", "商品名称", "商品编码", "商品数量", "订单实际支付金额", "下单时间", "支付时间", "发货时间", "签收时间",
    "订单状态", "售后状态", "收件人", "收件人手机", "省份", "城市", "详细地址",
)  # fmt: skip


@dataclass
class Line:
    """One order line as the platform knows it (times local, aware); the export shows it as of a moment."""

    platform: str
    order: str
    sub: str
    session_id: int
    sku: str
    title: str
    quantity: int
    price_fen: int
    paid: datetime
    shipped: datetime | None
    signed: datetime | None
    nickname: str
    recipient: str
    phone: str
    place: tuple[str, str, str]
    cancelled: datetime | None = None  # refunded before shipping
    after_sales: datetime | None = None  # a ticket was opened

    def row(self, at: datetime) -> list[str]:
        """The export row of this line as of ``at``."""

        def shown(moment: datetime | None) -> str:
            return moment.strftime("%Y-%m-%d %H:%M:%S") if moment is not None and moment <= at else ""

        douyin = self.platform == "douyin"
        service = ("售后中" if douyin else "售后处理中") if shown(self.after_sales) else ""
        if shown(self.cancelled):
            status, service = "已关闭", "退款成功"
        elif shown(self.signed):
            status = "已完成"
        elif shown(self.shipped):
            status = "已发货" if douyin else "待收货"
        else:
            status = "待发货"
        total = self.price_fen * self.quantity
        amount = f"{total // 100}.{total % 100:02d}"
        submitted = (self.paid - timedelta(seconds=17 + len(self.order) % 40)).strftime("%Y-%m-%d %H:%M:%S")
        paid, shipped, signed = shown(self.paid), shown(self.shipped), shown(self.signed)
        province, city, street = self.place
        address = f"{province}{city}{street}{len(self.order) * 7 % 200 + 1}号"
        if douyin:
            return [
                f"\t{self.order}", f"\t{self.sub}", self.title, self.sku, str(self.quantity), amount, submitted,
                paid, shipped, signed, status, service, self.nickname, self.recipient, self.phone, province,
                city, address,
            ]  # fmt: skip
        return [
            self.order, self.title, self.sku, str(self.quantity), amount, submitted, paid, shipped, signed, status,
            service, self.recipient, self.phone, province, city, address,
        ]  # fmt: skip


def local(text: str, zone: ZoneInfo) -> datetime:
    """``"11-28 10:20"`` in the sample's year, studio time."""
    return datetime.strptime(f"2026-{text}", "%Y-%m-%d %H:%M").replace(tzinfo=zone)


def _slots(db: Any, session_id: int) -> dict[str, list[tuple[datetime, datetime, int]]]:
    """Per SKU, the (start, end, price) stretches its buyers paid in: the stream's own timeline for the last one,
    else the lineup in order across the session's actual window."""
    with db.sessions() as session:
        live = session.get(m.LiveSession, session_id)
        lineup = session.execute(
            select(m.Product.sku, m.LineupItem.live_price_fen)
            .join(m.Product, m.Product.id == m.LineupItem.product_id)
            .where(m.LineupItem.session_id == session_id)
            .order_by(m.LineupItem.position)
        ).all()
        segments = live_timeline.timeline(session, session_id) if live.status == "ended" else ()
        by_id = dict(session.execute(select(m.Product.id, m.Product.sku)).all())
    prices = dict(lineup)
    slots: dict[str, list] = {}
    if segments:
        for seg in segments:
            price = seg.price_fen or prices[by_id[seg.product_id]]
            slots.setdefault(by_id[seg.product_id], []).append((seg.started_at, seg.ended_at, price))
        return slots
    start = live.actual_start + timedelta(minutes=3)
    width = (live.actual_end - timedelta(minutes=5) - start) / len(lineup)
    for index, (sku, price) in enumerate(lineup):
        slots[sku] = [(start + width * index, start + width * (index + 1), price)]
    return slots


def _moment(stretches: list[tuple[datetime, datetime, int]], offset: float) -> tuple[datetime, int]:
    """The moment ``offset`` seconds into the stretches laid end to end, and the price then."""
    for begin, end, price in stretches:
        length = (end - begin).total_seconds()
        if offset <= length:
            return begin + timedelta(seconds=int(offset)), price
        offset -= length
    begin, _end, price = stretches[-1]
    return begin, price


def plan_orders(db: Any, past: list[dict[str, Any]], zone: ZoneInfo, rng: random.Random) -> list[Line]:
    with db.sessions() as session:
        names = dict(session.execute(select(m.Product.sku, m.Product.name)).all())
        platforms = dict(session.execute(select(m.LiveSession.id, m.LiveSession.platform)).all())
    lines: list[Line] = []
    numbers: set[str] = set()
    for row in past:
        sid = row["id"]
        platform = platforms[sid]
        slots = _slots(db, sid)
        if sid == past[-1]["id"]:
            counts = dict(LAST_STREAM)
        else:
            skus = sorted(slots)
            weights = [rng.uniform(0.4, 2.0) for _ in skus]
            picks = rng.choices(skus, weights, k=rng.randint(22, 58))
            counts = {sku: picks.count(sku) for sku in skus if sku in picks}
        for sku in sorted(counts):
            stretches = slots[sku]
            total = sum((end - begin).total_seconds() for begin, end, _ in stretches)
            for _ in range(counts[sku]):
                offset = rng.uniform(20, total - 5)
                paid, price = _moment(stretches, offset)
                paid = paid.astimezone(zone)
                number = ""
                while not number or number in numbers:
                    number = (
                        f"69{rng.randrange(10**16, 10**17)}"
                        if platform == "douyin"
                        else f"37{rng.randrange(10**17, 10**18)}"
                    )
                numbers.add(number)
                ship_day = paid.date() + timedelta(days=1 if rng.random() < 0.8 else 2)
                shipped = datetime.combine(ship_day, time(10), zone) + timedelta(minutes=rng.randint(0, 420))
                signed_day = ship_day + timedelta(days=rng.randint(2, 4))
                signed = datetime.combine(signed_day, time(9), zone) + timedelta(minutes=rng.randint(0, 660))
                stem = rng.choice(NICKNAMES)
                lines.append(
                    Line(
                        platform,
                        number,
                        str(int(number) + 1) if platform == "douyin" else "",
                        sid,
                        sku,
                        names[sku],
                        2 if rng.random() < 0.12 else 1,
                        price,
                        paid,
                        shipped,
                        signed,
                        f"{stem[:2]}**",
                        rng.choice(SURNAMES) + rng.choice(GIVEN),
                        f"1{rng.choice('3589')}{rng.randrange(10**8, 10**9)}",
                        rng.choice(PLACES),
                    )
                )
    lines.sort(key=lambda line: (line.paid, line.order))
    return lines


def write_export(folder: Path, platform: str, rows: list[list[str]], at: datetime) -> Path:
    if platform == "douyin":
        path, headers, encoding = folder / f"抖店订单导出_{at:%Y%m%d}.csv", DOUYIN_HEADERS, "utf-8-sig"
    else:
        path, headers, encoding = folder / f"视频号订单导出_{at:%Y%m%d}.csv", WECHAT_HEADERS, "gb18030"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(rows)
    return path
