"""Money as people read and type it: yuan on screen ("¥12.34"), integer fen in core."""

from __future__ import annotations

import re

from core.domain.money import yuan, yuan_text

_YUAN = re.compile(r"^\d{1,9}(\.\d{1,2})?$")


def parse_yuan(text: str) -> int | None:
    """What a person typed, in fen: "59.9" → 5990, "¥1,299" → 129900, "" → None.

    Raises ``ValueError`` for anything else (negative numbers, more than two decimals, words); the caller shows
    its own sentence next to the field.
    """
    cleaned = text.strip().replace("¥", "").replace("￥", "").replace(",", "").replace("，", "").strip()
    if cleaned.endswith("元"):
        cleaned = cleaned[:-1].strip()
    if not cleaned:
        return None
    if not _YUAN.match(cleaned):
        raise ValueError(text)
    whole, _, cents = cleaned.partition(".")
    return int(whole) * 100 + int((cents + "00")[:2])


__all__ = ["parse_yuan", "yuan", "yuan_text"]  # yuan, yuan_text: core.domain.money's, one format
