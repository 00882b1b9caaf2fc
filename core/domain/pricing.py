"""Is a claimed original price (划线价/原价) backed? (直播前准备：价格标示核验)

Pure; the window length and the citation come from the ``pricing`` rule data (``resources/rules/pricing.json``).

Basis: 明码标价和禁止价格欺诈规定 Art 16 — a struck-through "original" price must not exceed the lowest price
actually charged in the seven days before the comparison (DOMAIN.md §2). Contract of :func:`check_price_claim`:

- no claimed original price (None) → ``no_claim``;
- a claim but no lowest price for the window → ``unbacked`` (nothing shows the price was ever charged);
- a claim above the window's lowest price → ``higher_than_7d_lowest`` (``excess_fen`` says by how much);
- otherwise ``ok`` (a claim equal to the lowest price is allowed: "不高于").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from core import i18n
from core.domain.money import yuan
from core.errors import InvalidInput

i18n.register(
    {
        "pricing.no_claim": ("未标示原价", "No original price is claimed"),
        "pricing.ok": (
            "原价 {claimed} 不高于前 {days} 日最低成交价 {lowest}",
            "The original price {claimed} is not above the {days}-day lowest price {lowest}",
        ),
        "pricing.unbacked": (
            "原价 {claimed} 无据：没有前 {days} 日的成交价可以支撑，请补录或删除",
            "The original price {claimed} is unbacked: no price charged in the {days} days before supports it",
        ),
        "pricing.higher": (
            "原价 {claimed} 高于前 {days} 日最低成交价 {lowest}（高出 {excess}）",
            "The original price {claimed} is above the {days}-day lowest price {lowest} (by {excess})",
        ),
        "pricing.negative": ("价格不能为负数：{field}", "A price cannot be negative: {field}"),
    }
)

ClaimState = Literal["ok", "unbacked", "higher_than_7d_lowest", "no_claim"]


@dataclass(frozen=True)
class PriceClaimCheck:
    """The verdict on one lineup item's claimed original price, with its basis."""

    state: ClaimState
    claimed_original_fen: int | None
    live_price_fen: int
    lowest_fen: int | None
    window_days: int
    excess_fen: int  # how far the claim is above the lowest price (0 unless higher_than_7d_lowest)
    message: str
    basis: str

    @property
    def flagged(self) -> bool:
        return self.state in ("unbacked", "higher_than_7d_lowest")


def _data(rules: Mapping[str, Any]) -> Mapping[str, Any]:
    return rules["data"] if "data" in rules and "reference_window_days" not in rules else rules


def window_days(rules: Mapping[str, Any]) -> int:
    """The comparison window in days from the ``pricing`` rule data."""
    return int(_data(rules)["reference_window_days"])


def check_price_claim(
    claimed_original_fen: int | None,
    live_price_fen: int,
    lowest_7d_fen: int | None,
    *,
    rules: Mapping[str, Any],
) -> PriceClaimCheck:
    """Judge a claimed original price against the lowest price charged in the window (see the module contract)."""
    for name, value in (
        ("claimed_original_fen", claimed_original_fen),
        ("live_price_fen", live_price_fen),
        ("lowest_7d_fen", lowest_7d_fen),
    ):
        if value is not None and value < 0:
            raise InvalidInput(i18n.t("pricing.negative", field=name), field=name)
    data = _data(rules)
    days = int(data["reference_window_days"])
    basis = data["claim_basis"]
    excess = 0
    if claimed_original_fen is None:
        state: ClaimState = "no_claim"
        message = i18n.t("pricing.no_claim")
    elif lowest_7d_fen is None:
        state = "unbacked"
        message = i18n.t("pricing.unbacked", claimed=yuan(claimed_original_fen), days=days)
    elif claimed_original_fen > lowest_7d_fen:
        state = "higher_than_7d_lowest"
        excess = claimed_original_fen - lowest_7d_fen
        message = i18n.t(
            "pricing.higher",
            claimed=yuan(claimed_original_fen),
            days=days,
            lowest=yuan(lowest_7d_fen),
            excess=yuan(excess),
        )
    else:
        state = "ok"
        message = i18n.t(
            "pricing.ok", claimed=yuan(claimed_original_fen), days=days, lowest=yuan(lowest_7d_fen)
        )
    return PriceClaimCheck(
        state=state,
        claimed_original_fen=claimed_original_fen,
        live_price_fen=live_price_fen,
        lowest_fen=lowest_7d_fen,
        window_days=days,
        excess_fen=excess,
        message=message,
        basis=basis,
    )


def lowest_price_in_window(prices: Iterable[tuple[datetime, int]], before: datetime, days: int) -> int | None:
    """The lowest price charged in ``[before - days, before)``; None when nothing was charged in that window.

    ``prices`` are (when charged, price in fen), e.g. the live prices of the same product in earlier sessions.
    ``days`` comes from the rule data (:func:`window_days`). Datetimes must be all aware or all naive.
    """
    start = before - timedelta(days=days)
    in_window = [fen for at, fen in prices if start <= at < before]
    return min(in_window) if in_window else None
