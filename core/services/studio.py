"""The studio profile (基本要求): who the studio legally is, its shops and its published after-sales policy.

The legal name and 统一社会信用代码 matter because a room operator that does not clearly show who the seller is is
treated as the seller (SPC 法释〔2022〕8号 Art 12); they are printed on every report.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from core import clock, i18n
from core.db.models import Studio
from core.domain.codes import Platform
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require

i18n.register(
    {
        "studio.unknown_field": (
            "没有名为“{field}”的店铺资料项",
            "The studio profile has no field “{field}”",
        ),
        "studio.too_long": ("“{label}”最多 {n} 个字符", "“{label}” may have at most {n} characters"),
        "studio.credit_code.format": (
            "统一社会信用代码应为 18 位，由数字和大写字母组成（不含 I、O、Z、S、V）",
            "The unified social credit code has 18 characters: digits and capital letters except I, O, Z, S, V",
        ),
        "studio.credit_code.check": (
            "统一社会信用代码的校验位不对（应为 {expected}），请核对营业执照",
            "The unified social credit code's check character is wrong (should be {expected}); check the "
            "business licence",
        ),
        "studio.timezone": (
            "“{value}”不是有效的时区（例如 Asia/Shanghai）",
            "“{value}” is not a valid time zone (e.g. Asia/Shanghai)",
        ),
        "studio.retention": (
            "资料保存年限须为 {min}–{max} 年（法定至少 3 年）",
            "Retention must be {min}–{max} years (the law requires at least 3)",
        ),
        "studio.shops": (
            "店铺需填写平台（{platforms}）和店铺名称",
            "Each shop needs a platform ({platforms}) and a shop name",
        ),
        "studio.phone": (
            "客服电话只能包含数字、空格和 + - ( )",
            "The service phone may hold digits, spaces and + - ( ) only",
        ),
        "studio.field.legal_name": ("企业名称", "Legal name"),
        "studio.field.display_name": ("直播间名称", "Studio name"),
        "studio.field.after_sales_policy": ("售后政策", "After-sales policy"),
        "studio.field.return_address": ("退货地址", "Return address"),
        "studio.field.service_phone": ("客服电话", "Service phone"),
    }
)

# GB 32100-2015 法人和其他组织统一社会信用代码编码规则: 31 characters (no I O Z S V), weights 3^(i-1) mod 31.
CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_CREDIT_CODE = re.compile(f"^[{CREDIT_CODE_CHARS}]{{18}}$")
_PHONE = re.compile(r"^[0-9+\-() ]*$")
# Records kept at least 3 years (电子商务法 Art 31; 直播电商监督管理办法): the minimum is law, not a preference.
MIN_RETENTION_YEARS, MAX_RETENTION_YEARS = 3, 30
_LENGTHS = {
    "legal_name": 200,
    "display_name": 100,
    "service_phone": 40,
    "after_sales_policy": 20_000,
    "return_address": 1000,
}


@dataclass(frozen=True)
class StudioProfile:
    legal_name: str
    credit_code: str
    display_name: str
    shops: tuple[dict[str, str], ...]  # {"platform": Platform code, "shop": name}
    after_sales_policy: str
    return_address: str
    service_phone: str
    timezone: str
    retention_years: int


def credit_code_check_char(first17: str) -> str:
    """The 18th character of a 统一社会信用代码 for its first 17 (GB 32100-2015 §4.3, MOD 31)."""
    total = sum(CREDIT_CODE_CHARS.index(c) * w for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARS[(31 - total % 31) % 31]


def check_credit_code(code: str) -> str:
    """The normalised code (trimmed, upper case) or :class:`InvalidInput` naming ``credit_code``; "" is allowed."""
    code = code.strip().upper()
    if not code:
        return ""
    if not _CREDIT_CODE.match(code):
        raise InvalidInput(i18n.t("studio.credit_code.format"), field="credit_code")
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise InvalidInput(i18n.t("studio.credit_code.check", expected=expected), field="credit_code")
    return code


def _profile(row: Studio) -> StudioProfile:
    return StudioProfile(
        legal_name=row.legal_name,
        credit_code=row.credit_code,
        display_name=row.display_name,
        shops=tuple(dict(s) for s in (row.shops or [])),
        after_sales_policy=row.after_sales_policy,
        return_address=row.return_address,
        service_phone=row.service_phone,
        timezone=row.timezone,
        retention_years=row.retention_years,
    )


def _row(session: Session) -> Studio:
    row = session.get(Studio, 1)
    if row is None:
        row = _blank()
        session.add(row)
        session.flush()
    return row


def _blank() -> Studio:
    text = dict.fromkeys(
        (
            "legal_name",
            "credit_code",
            "display_name",
            "after_sales_policy",
            "return_address",
            "service_phone",
        ),
        "",
    )
    return Studio(id=1, shops=[], timezone="Asia/Shanghai", retention_years=MIN_RETENTION_YEARS, **text)


def get_profile(session: Session) -> StudioProfile:
    """The studio's profile; an empty one (Asia/Shanghai, 3 years' retention) while none was saved.

    Read-only: reading never writes, so a read on the background lane never holds the write lock.
    """
    row = session.get(Studio, 1)
    return _profile(row if row is not None else _blank())


def studio_zone(session: Session) -> zoneinfo.ZoneInfo:
    """The studio's timezone (the profile's): every time is shown in it and every "today" is its calendar day."""
    return zoneinfo.ZoneInfo(_row(session).timezone or "Asia/Shanghai")


def studio_today(session: Session, now: datetime | None = None) -> date:
    """Today's date in the studio's timezone at ``now`` (default :func:`core.clock.now`, so a fixed clock holds).

    Papers expire, hosts come of age and rule versions are dated by this calendar, not the computer's.
    """
    return (now or clock.now()).astimezone(studio_zone(session)).date()


def _check_shops(value: Any) -> list[dict[str, str]]:
    platforms = [p.value for p in Platform]
    message = i18n.t("studio.shops", platforms=", ".join(platforms))
    if not isinstance(value, list | tuple):
        raise InvalidInput(message, field="shops")
    shops = []
    for index, shop in enumerate(value):
        platform = str(shop.get("platform", "")) if isinstance(shop, dict) else ""
        name = str(shop.get("shop", "")).strip() if isinstance(shop, dict) else ""
        if platform not in platforms or not name or len(name) > 100:
            raise InvalidInput(message, field="shops", row=index + 1)
        shops.append({"platform": platform, "shop": name})
    return shops


def _clean(name: str, value: Any) -> Any:
    if name == "credit_code":
        return check_credit_code(str(value or ""))
    if name == "timezone":
        key = str(value or "").strip()
        try:
            zoneinfo.ZoneInfo(key)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise InvalidInput(i18n.t("studio.timezone", value=key), field="timezone") from None
        return key
    if name == "retention_years":
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not (MIN_RETENTION_YEARS <= value <= MAX_RETENTION_YEARS)
        ):
            message = i18n.t("studio.retention", min=MIN_RETENTION_YEARS, max=MAX_RETENTION_YEARS)
            raise InvalidInput(message, field=name)
        return value
    if name == "shops":
        return _check_shops(value)
    text = str(value or "").strip()
    if len(text) > _LENGTHS[name]:
        label = i18n.t(f"studio.field.{name}")
        raise InvalidInput(i18n.t("studio.too_long", label=label, n=_LENGTHS[name]), field=name)
    if name == "service_phone" and not _PHONE.match(text):
        raise InvalidInput(i18n.t("studio.phone"), field=name)
    return text


def update_profile(session: Session, actor: Actor, **changes: Any) -> StudioProfile:
    """Change the named fields (``studio.edit``: owner only) and return the new profile.

    Every field is validated before anything is written; the first bad one raises :class:`InvalidInput` naming it.
    """
    require(actor, "studio.edit")
    known = {f.name for f in fields(StudioProfile)}
    cleaned = {}
    for name, value in changes.items():
        if name not in known:
            raise InvalidInput(i18n.t("studio.unknown_field", field=name), field=name)
        cleaned[name] = _clean(name, value)
    row = _row(session)
    for name, value in cleaned.items():
        setattr(row, name, value)
    session.flush()
    return _profile(row)
