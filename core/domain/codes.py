"""The short text codes stored in the database for every closed set of values.

Stored as text (not native enums) so a later rule set can add a value without a table rebuild.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"  # 店主
    OPERATOR = "operator"  # 场控
    SERVICE = "service"  # 客服
    HOST = "host"  # 主播


class Platform(StrEnum):
    DOUYIN = "douyin"  # 抖店
    KUAISHOU = "kuaishou"  # 快手小店
    TAOBAO = "taobao"  # 淘宝/天猫
    WECHAT = "wechat"  # 视频号/微信小店
    GENERIC = "generic"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    READY = "ready"
    LIVE = "live"
    ENDED = "ended"
    REVIEWED = "reviewed"


class ChecklistItemState(StrEnum):
    OPEN = "open"
    DONE = "done"
    NOT_APPLICABLE = "na"
    WAIVED = "waived"


class PromiseKind(StrEnum):
    RETURN_TERMS = "return_terms"
    SHIPPING_TIME = "shipping_time"
    GIFT = "gift"
    PRICE_PROTECTION = "price_protection"
    COMPENSATION = "compensation"
    QUALITY_GUARANTEE = "quality_guarantee"
    LOTTERY = "lottery"
    OTHER = "other"


class CorrectionKind(StrEnum):
    AMENDMENT = "amendment"
    RETRACTION = "retraction"
    ON_AIR = "on_air"  # 口误更正, said on air


class TicketKind(StrEnum):
    REFUND_ONLY = "refund_only"
    RETURN_REFUND = "return_refund"
    EXCHANGE = "exchange"
    REPAIR = "repair"  # 三包
    COMPLAINT = "complaint"
    PROMISE_CLAIM = "promise_claim"
    PRICE_PROTECTION = "price_protection"
    INQUIRY = "inquiry"


class TicketReason(StrEnum):
    QUALITY = "quality"
    NO_REASON = "no_reason"
    OTHER = "other"


class TicketStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    WAITING_CUSTOMER = "waiting_customer"
    WAITING_RETURN = "waiting_return"
    RETURN_RECEIVED = "return_received"
    RESOLVED = "resolved"
    REJECTED = "rejected"
    CLOSED = "closed"


class IncidentTier(StrEnum):
    IV = "IV"
    III = "III"
    II = "II"
    I = "I"  # noqa: E741 - the tier's own name


class IncidentStatus(StrEnum):
    OPEN = "open"
    HANDLING = "handling"
    REVIEW = "review"
    CLOSED = "closed"


class CorrectiveSource(StrEnum):
    INCIDENT = "incident"
    EVALUATION = "evaluation"
    CHECKLIST = "checklist"
