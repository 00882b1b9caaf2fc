"""Money as people read it. Core keeps integer fen; every screen, sheet and message shows yuan as "¥1,299.00"."""

from __future__ import annotations


def yuan(fen: int | None) -> str:
    """Integer fen as the price people read: 1290 → "¥12.90", 129900 → "¥1,299.00", -50 → "-¥0.50"; None → "—"."""
    if fen is None:
        return "—"
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}¥{fen // 100:,}.{fen % 100:02d}"


def yuan_text(fen: int | None) -> str:
    """The amount as people type it (an input box, a spreadsheet's 标价(元) cell): 1290 → "12.90"; None → ""."""
    return "" if fen is None else f"{fen // 100}.{fen % 100:02d}"
