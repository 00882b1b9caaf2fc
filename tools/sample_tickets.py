"""The sample studio's after-sales desk as it was worked, ticket by ticket (data for ``tools/sample_aftersales.py``).

Each ticket: its type and reason, the order it is about — ``(session id, SKU)`` picks that session's first unused
order line of the product, ``(session id, SKU, n)`` the n-th paid (0-based) — or a summary and buyer for a ticket
opened from scratch, optional ``shipped``/``signed`` times of that order (the export then carries them), and its
steps in the studio's local time (year 2026). Step actions: ``open`` (the buyer's words), ``assign`` (owner's name
or None), ``reply`` (a reply template id or the text sent), ``status`` (new status, note), ``reject`` (reason),
``note``, ``call`` (satisfaction or None, comment, reached), ``link`` (a promise of the order's session, by a piece
of its wording), ``attach`` (file name, caption: a generated photo).

What the desk shows at the sample's today (2026-11-28 12:00, a Saturday): every status of the ticket flow; three
tickets due within 24 hours (the legal 7-day refund after a return came back on 21 Nov, WeChat's 48-hour request
and complaint limits), two overdue (a request nobody answered on Friday morning, a repair past the studio's 7-day
target), and one past the 15-day handling line (asked for photos on 11 Nov and forgotten: waiting on the buyer
pauses only the studio's own clocks, never the legal one).
"""

from __future__ import annotations

from typing import Any

CJ, ZL = "陈静", "赵磊"

TICKETS: tuple[dict[str, Any], ...] = (
    # --- closed, with the follow-up call --------------------------------------------------------------------------
    {"order": (1, "HM-001"), "shipped": "09-22 15:20", "signed": "09-25 15:10", "kind": "return_refund",
     "reason": "no_reason", "steps": (
        ("09-27 10:12", CJ, "open", "买家：实物颜色比直播间里看到的偏黄，不想要了，申请退货退款"),
        ("09-27 10:13", CJ, "assign", CJ),
        ("09-27 10:20", CJ, "reply", 3),
        ("09-27 10:21", CJ, "status", "waiting_return", "买家已选择上门取件"),
        ("09-30 16:05", CJ, "status", "return_received", "四件套包装完好，吊牌在"),
        ("09-30 16:40", CJ, "reply", 5),
        ("09-30 16:41", CJ, "status", "resolved", "已原路退款"),
        ("10-09 11:00", CJ, "call", 5, "退款很快，下次直播还来", True),
        ("10-09 11:05", CJ, "status", "closed", ""),
    )},
    {"order": (3, "FR-001"), "shipped": "09-26 11:00", "signed": "09-28 18:30", "kind": "refund_only",
     "reason": "quality", "steps": (
        ("09-28 20:05", ZL, "open", "收到的脐橙有两个烂了，要求按坏果退款"),
        ("09-28 20:06", ZL, "assign", ZL),
        ("09-28 20:10", ZL, "reply", 2),
        ("09-28 20:11", ZL, "status", "waiting_customer", ""),
        ("09-29 09:40", ZL, "status", "in_progress", "买家已补发照片：两个脐橙腐烂"),
        ("09-29 10:00", ZL, "status", "resolved", "生鲜按坏果比例仅退款 ¥8.00，买家同意"),
        ("10-09 14:30", ZL, "call", 4, "买家说其余的果子很甜", True),
        ("10-09 14:32", ZL, "status", "closed", ""),
    )},
    {"order": (6, "EL-001"), "shipped": "10-03 10:30", "signed": "10-05 14:00", "kind": "repair",
     "reason": "quality", "steps": (
        ("10-10 21:30", ZL, "open", "耳机左耳没有声音，重新配对也不行"),
        ("10-12 09:15", ZL, "assign", ZL),
        ("10-12 09:16", ZL, "reply", 1),
        ("10-12 09:20", ZL, "status", "in_progress", ""),
        ("10-12 10:00", ZL, "note", "签收第 5 天出现性能故障，在三包七日内，买家选择换新"),
        ("10-12 10:05", ZL, "status", "waiting_return", "寄回声科售后检测"),
        ("10-15 11:00", ZL, "status", "return_received", ""),
        ("10-16 15:00", ZL, "status", "resolved", "检测为左耳单元故障，已换新寄出（顺丰 SF1420 6633 0915）"),
        ("10-22 10:30", ZL, "call", 4, "新耳机正常，就是等了几天", True),
        ("10-22 10:31", ZL, "status", "closed", ""),
    )},
    {"order": (13, "HM-001"), "shipped": "10-20 16:00", "signed": "10-22 16:00", "kind": "exchange",
     "reason": "other", "steps": (
        ("10-23 11:20", CJ, "open", "拍的是1.8m，收到的是1.5m的四件套，要求换货"),
        ("10-23 11:21", CJ, "assign", CJ),
        ("10-23 11:30", CJ, "reply", "{buyer}您好，非常抱歉发错了规格，已为您登记换货，运费由我们承担，请按平台地址寄回。"),
        ("10-23 11:31", CJ, "status", "waiting_return", ""),
        ("10-27 14:10", CJ, "status", "return_received", ""),
        ("10-28 10:00", CJ, "status", "resolved", "已换发 1.8m 四件套"),
        ("11-02 15:00", CJ, "call", 5, "换的很快，满意", True),
        ("11-02 15:01", CJ, "status", "closed", ""),
    )},
    {"order": (15, "HM-001"), "shipped": "10-24 17:00", "signed": "10-28 10:40", "kind": "complaint", "reason": "other", "steps": (
        ("10-27 18:40", CJ, "open", "快递三天没有物流更新，私信客服没人回"),
        ("10-27 18:45", CJ, "assign", CJ),
        ("10-27 18:50", CJ, "reply", "{buyer}您好，抱歉让您久等了，我们马上联系快递核实，今天内给您答复。"),
        ("10-27 18:51", CJ, "status", "in_progress", ""),
        ("10-27 19:30", CJ, "note", "快递中转站积压，已催派送"),
        ("10-28 11:00", CJ, "status", "resolved", "包裹已派送，赠送 ¥5 无门槛券致歉"),
        ("10-30 15:00", CJ, "call", None, "未接通", False),
        ("10-31 10:20", CJ, "call", 3, "物流慢，但处理态度可以", True),
        ("10-31 10:21", CJ, "status", "closed", ""),
    )},
    {"summary": "咨询直播间订单能否开增值税专用发票", "buyer": "悠悠**", "kind": "inquiry", "reason": "other",
     "steps": (
        ("10-20 14:00", CJ, "open", "公司采购，想开专票"),
        ("10-20 14:10", CJ, "reply", "{buyer}您好，可以开具增值税专用发票，请在订单页“申请开票”填写公司抬头和税号。"),
        ("10-20 14:11", CJ, "status", "resolved", ""),
        ("10-21 09:00", CJ, "status", "closed", ""),
    )},
    {"order": (19, "FD-003"), "shipped": "11-03 09:40", "cancelled": "11-04 16:00", "kind": "refund_only",
     "reason": "no_reason", "steps": (
        ("11-03 09:50", ZL, "open", "昨晚拍重复了两单，请退掉一单"),
        ("11-03 09:51", ZL, "assign", ZL),
        ("11-03 10:05", ZL, "status", "in_progress", "仓库 09:40 已发出，已申请快递拦截"),
        ("11-04 16:00", ZL, "status", "resolved", "拦截成功，包裹退回仓库，已仅退款"),
        ("11-05 16:00", ZL, "call", 5, "", True),
        ("11-05 16:01", ZL, "status", "closed", ""),
    )},
    {"order": (14, "HM-002"), "shipped": "10-23 10:00", "signed": "10-25 12:00", "kind": "return_refund",
     "reason": "no_reason", "steps": (
        ("10-26 20:30", CJ, "open", "刻字的保温杯不想要了，申请七天无理由退货"),
        ("10-27 09:10", CJ, "assign", CJ),
        ("10-27 09:20", CJ, "reject", "定制刻字商品，下单页已提示并经买家确认不适用七天无理由退货（消费者权益保护法第二十五条）；"
                                       "可协助重新刻字，补差价即可"),
        ("10-29 15:00", CJ, "call", 2, "买家仍不太满意，已解释规则", True),
        ("10-29 15:01", CJ, "status", "closed", ""),
    )},
    {"order": (20, "CS-002"), "shipped": "11-05 10:00", "signed": "11-07 13:00", "kind": "return_refund",
     "reason": "no_reason", "steps": (
        ("11-08 10:30", CJ, "open", "面膜不想要了，说是没拆封，申请退货退款"),
        ("11-08 10:31", CJ, "assign", CJ),
        ("11-08 10:40", CJ, "reply", 2),
        ("11-08 10:41", CJ, "status", "waiting_customer", "面膜拆封后不适用无理由退货，先请买家拍照确认"),
        ("11-08 19:20", CJ, "status", "in_progress", "买家发来照片"),
        ("11-08 19:25", CJ, "attach", "买家发来的面膜照片.png", "买家照片：外包装已拆，盒内少了 3 片"),
        ("11-09 09:30", CJ, "reject", "照片显示已拆封并使用 3 片；面膜拆封后影响安全卫生，下单页已提示不适用七天无理由退货"
                                       "（消费者权益保护法第二十五条）"),
        ("11-12 11:00", CJ, "call", 3, "买家认可，没有再申诉", True),
        ("11-12 11:01", CJ, "status", "closed", ""),
    )},
    {"order": (25, "HM-001"), "shipped": "11-17 11:00", "signed": "11-19 10:00", "kind": "return_refund",
     "reason": "no_reason", "steps": (
        ("11-20 09:40", ZL, "open", "四件套手感不喜欢，七天无理由退货"),
        ("11-20 09:41", ZL, "assign", ZL),
        ("11-20 09:50", ZL, "reply", 3),
        ("11-20 09:51", ZL, "status", "waiting_return", ""),
        ("11-23 15:00", ZL, "status", "return_received", "未使用，吊牌齐全"),
        ("11-24 10:00", ZL, "reply", 5),
        ("11-24 10:01", ZL, "status", "resolved", "已退款"),
        ("11-26 16:00", ZL, "call", 5, "", True),
        ("11-26 16:01", ZL, "status", "closed", ""),
    )},
    {"order": (22, "SC-001"), "shipped": "11-10 14:00", "signed": "11-12 09:30", "kind": "refund_only",
     "reason": "quality", "steps": (
        ("11-12 21:15", CJ, "open", "防晒用了脸上起红疹，要求退款"),
        ("11-13 09:05", CJ, "assign", CJ),
        ("11-13 09:10", CJ, "reply", 2),
        ("11-13 09:11", CJ, "status", "waiting_customer", ""),
        ("11-13 19:20", CJ, "status", "in_progress", "买家已发照片和就诊记录"),
        ("11-14 10:00", CJ, "status", "resolved", "仅退款，已报供应商澜颜备案"),
        ("11-18 14:00", CJ, "call", 4, "已经好了，感谢处理", True),
        ("11-18 14:01", CJ, "status", "closed", ""),
    )},
    {"order": (18, "EL-001"), "shipped": "10-31 10:00", "signed": "11-02 17:00", "kind": "repair",
     "reason": "quality", "steps": (
        ("11-05 20:00", ZL, "open", "耳机充电仓充不进电"),
        ("11-06 09:10", ZL, "assign", ZL),
        ("11-06 09:12", ZL, "reply", 1),
        ("11-06 09:13", ZL, "status", "waiting_return", "三包期内，寄回更换充电仓"),
        ("11-09 11:00", ZL, "status", "return_received", ""),
        ("11-11 16:00", ZL, "status", "resolved", "已更换充电仓寄回"),
        ("11-14 10:00", ZL, "call", 5, "", True),
        ("11-14 10:01", ZL, "status", "closed", ""),
    )},
    # --- rejected -------------------------------------------------------------------------------------------------
    {"order": (26, "DG-001"), "kind": "return_refund", "reason": "no_reason", "steps": (
        ("11-20 13:00", ZL, "open", "手环会员激活码不想用了，申请退款"),
        ("11-20 13:01", ZL, "assign", ZL),
        ("11-20 13:20", ZL, "reject", "激活码已于 11-19 激活使用，属数字化商品，不适用七天无理由退货（消费者权益保护法第二十五条）"),
    )},
    {"order": (17, "HF-001"), "shipped": "10-29 10:00", "signed": "10-31 11:00", "kind": "return_refund",
     "reason": "no_reason", "steps": (
        ("10-31 20:00", CJ, "open", "益生菌喝了几条不喜欢，想退"),
        ("11-01 10:00", CJ, "assign", CJ),
        ("11-01 10:10", CJ, "reject", "已拆封食用的保健食品不适用无理由退货（下单时已提示并确认）；如有质量问题请提供照片"),
    )},
    # --- resolved, not yet closed ---------------------------------------------------------------------------------
    {"order": (30, "EL-001", 3), "kind": "price_protection", "reason": "other", "steps": (
        ("11-28 09:40", ZL, "open", "买的时候 239.2，后来直播间直降到 219，主播说保价 30 天，要求补差价"),
        ("11-28 09:41", ZL, "assign", ZL),
        ("11-28 09:45", ZL, "link", "耳机保价30天"),
        ("11-28 10:10", ZL, "reply", 6),
        ("11-28 10:15", ZL, "status", "resolved", "按保价承诺补差价 ¥20.20"),
    )},
    {"order": (27, "FD-001"), "shipped": "11-21 10:00", "signed": "11-23 12:00", "kind": "refund_only",
     "reason": "quality", "steps": (
        ("11-24 13:05", CJ, "open", "姜茶有两袋漏了，粘了一盒子"),
        ("11-24 13:06", CJ, "assign", CJ),
        ("11-24 13:10", CJ, "reply", 2),
        ("11-24 13:11", CJ, "status", "waiting_customer", ""),
        ("11-24 19:00", CJ, "status", "in_progress", "照片已收到"),
        ("11-25 10:00", CJ, "status", "resolved", "按两袋仅退款 ¥8.84"),
        ("11-27 15:00", CJ, "call", 4, "补偿及时", True),
    )},
    {"order": (28, "FD-003"), "kind": "inquiry", "reason": "other", "steps": (
        ("11-26 12:00", CJ, "open", "燕麦脆的保质期到什么时候？想送人"),
        ("11-26 12:20", CJ, "reply", "{buyer}您好，本批{product}生产日期 2026-10-08，保质期 12 个月，放心送人。"),
        ("11-26 12:21", CJ, "status", "resolved", ""),
    )},
    # --- open: one past the 15-day line, three due within 24 h, two overdue, the rest fine ------------------------
    {"order": (21, "HM-001"), "shipped": "11-08 11:00", "signed": "11-10 15:30", "kind": "return_refund",
     "reason": "quality", "steps": (
        ("11-11 16:20", ZL, "open", "四件套洗了一次就起球，要求退货退款"),
        ("11-11 16:21", ZL, "assign", ZL),
        ("11-11 16:35", ZL, "reply", 2),
        ("11-11 16:36", ZL, "status", "waiting_customer", "等买家补照片"),
    )},
    {"order": (23, "FD-003"), "shipped": "11-12 15:00", "signed": "11-14 11:00", "kind": "return_refund",
     "reason": "no_reason", "steps": (
        ("11-15 10:00", CJ, "open", "燕麦脆买多了，没拆封，七天无理由退两盒"),
        ("11-16 09:05", CJ, "assign", CJ),
        ("11-16 09:10", CJ, "reply", 3),
        ("11-16 09:11", CJ, "status", "waiting_return", ""),
        ("11-21 15:30", CJ, "status", "return_received", "两盒未拆封"),
        ("11-21 15:35", CJ, "reply", 4),
    )},
    {"order": (28, "HM-001"), "shipped": "11-24 15:00", "signed": "11-26 10:00", "kind": "exchange",
     "reason": "other", "steps": (
        ("11-26 14:00", CJ, "open", "四件套想换成灰色"),
        ("11-26 14:01", CJ, "assign", CJ),
        ("11-26 14:30", CJ, "reply", 1),
        ("11-26 14:31", CJ, "status", "in_progress", ""),
        ("11-27 16:00", CJ, "note", "仓库确认灰色 1.8m 有货，等买家确认收货地址"),
    )},
    {"order": (28, "JW-001"), "shipped": "11-24 16:00", "signed": "11-26 18:00", "kind": "complaint",
     "reason": "quality", "steps": (
        ("11-27 09:30", ZL, "open", "手绳颜色发暗，怀疑不是足金，要投诉"),
        ("11-27 09:31", ZL, "assign", ZL),
        ("11-27 09:50", ZL, "reply", "{buyer}您好，每条手绳都附国检证书，麻烦拍一下证书编号和手绳照片，我们马上核实。"),
        ("11-27 09:51", ZL, "status", "waiting_customer", ""),
    )},
    {"order": (29, "FD-002"), "shipped": "11-26 11:00", "signed": "11-27 09:20", "kind": "return_refund",
     "reason": "quality", "steps": (
        ("11-27 10:05", ZL, "open", "木耳里有很多碎渣和沙子，申请退货退款"),
    )},
    {"order": (24, "EL-001"), "shipped": "11-14 10:00", "signed": "11-16 12:00", "kind": "repair",
     "reason": "quality", "steps": (
        ("11-19 11:00", ZL, "open", "右耳充电仓接触不良，时充时不充"),
        ("11-19 11:01", ZL, "assign", ZL),
        ("11-19 11:30", ZL, "reply", 1),
        ("11-19 11:31", ZL, "status", "in_progress", ""),
        ("11-23 15:00", ZL, "note", "已联系声科售后，等待检测结论"),
    )},
    {"order": (30, "CS-001", 114), "kind": "promise_claim", "reason": "other", "steps": (
        ("11-28 10:20", CJ, "open", "主播说前100名下单送洁面乳旅行装，我很早就拍了，为什么没有赠品"),
        ("11-28 10:21", CJ, "assign", CJ),
        ("11-28 10:22", CJ, "link", "前100名下单"),
        ("11-28 10:30", CJ, "status", "in_progress", ""),
        ("11-28 10:35", CJ, "note", "本场洁面乳付款订单超过 100 笔，该单在第 100 名之后；已报店长王芳决定是否补送"),
    )},
    {"order": (27, "HM-001"), "shipped": "11-21 11:00", "signed": "11-23 14:00", "kind": "exchange",
     "reason": "quality", "steps": (
        ("11-24 10:30", CJ, "open", "被套有一处跳线，要求换一套"),
        ("11-24 10:31", CJ, "assign", CJ),
        ("11-24 10:50", CJ, "reply", 3),
        ("11-24 10:51", CJ, "status", "waiting_return", ""),
    )},
    {"order": (29, "EL-002"), "shipped": "11-26 10:00", "signed": "11-27 16:00", "kind": "return_refund",
     "reason": "no_reason", "steps": (
        ("11-27 20:10", CJ, "open", "充电器买重复了，没拆封，七天无理由退"),
        ("11-28 09:40", CJ, "assign", CJ),
        ("11-28 09:42", CJ, "reply", 3),
        ("11-28 09:45", CJ, "status", "waiting_return", ""),
    )},
    {"order": (26, "FD-001"), "shipped": "11-19 10:00", "signed": "11-21 11:00", "kind": "return_refund",
     "reason": "no_reason", "steps": (
        ("11-22 10:00", ZL, "open", "姜茶口味太辣，没拆封，申请退货"),
        ("11-23 09:30", ZL, "assign", ZL),
        ("11-23 09:35", ZL, "reply", 3),
        ("11-23 09:36", ZL, "status", "waiting_return", ""),
        ("11-27 11:00", ZL, "status", "return_received", "未拆封"),
    )},
    {"order": (29, "SC-001"), "shipped": "11-26 14:00", "signed": "11-27 12:00", "kind": "refund_only",
     "reason": "quality", "steps": (
        ("11-27 21:00", ZL, "open", "防晒乳挤出来是分层的，是不是坏了"),
        ("11-28 09:35", ZL, "assign", ZL),
        ("11-28 09:36", ZL, "reply", 2),
        ("11-28 09:37", ZL, "status", "waiting_customer", ""),
    )},
    {"order": (30, "CS-002"), "kind": "price_protection", "reason": "other", "steps": (
        ("11-28 10:50", CJ, "open", "面膜今天别家店便宜 10 块，主播说 7 天价保"),
        ("11-28 10:51", CJ, "assign", CJ),
        ("11-28 10:52", CJ, "link", "面膜7天价保"),
        ("11-28 11:00", CJ, "status", "in_progress", "核实对方店铺是否同款同规格"),
    )},
    {"order": (30, "CS-001"), "kind": "refund_only", "reason": "no_reason", "steps": (
        ("11-28 11:30", CJ, "open", "拍错了规格，还没发货，请帮我退款"),
    )},
    {"summary": "问昨晚直播间的耳机什么时候发货", "buyer": "橘子汽水**", "kind": "inquiry", "reason": "other",
     "steps": (("11-28 11:45", ZL, "open", "私信：昨晚拍的耳机什么时候发？"),)},
)  # fmt: skip
