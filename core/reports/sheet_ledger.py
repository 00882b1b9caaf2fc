"""The closing of a printed record that stands as evidence: the ledger head it was printed against, how to check
it, a signature line; and the two-pass layout that lets every footer say "page n of m".

Basis: 电子商务法 Art 62 (original records in a dispute) — a printed pack names the ledger entry it was made from,
so ``verify`` can show later that nothing recorded before it changed. Shared by the evidence pack and the incident
summary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from core import i18n
from core.reports.fonts import register_fonts
from core.reports.sheet_style import SheetStyles, build_a4, para


def ledger_close(
    st: SheetStyles, *, heading: str, count_line: str, ledger_hash: str, verify_line: str, stamp: str
) -> Flowable:
    """The ledger section kept on one page: heading, "ledger of n entries", the head hash, how to verify, then the
    signature/stamp line after some room to sign."""
    return KeepTogether(
        [
            para(heading, st.h2),
            para(count_line, st.body),
            para(ledger_hash, st.body),
            Spacer(1, st.size * 0.4),
            para(verify_line, st.small),
            Spacer(1, st.size * 2.5),
            para(stamp, st.body),
        ]
    )


def build_numbered_a4(
    story: Callable[[str], list[Flowable]],
    *,
    title: str,
    author: str,
    size: float,
    footer_text: Callable[[int, int | str], str],
) -> bytes:
    """Lay ``story(font)`` out twice (flowables are used up by a layout, so the story is built afresh): the first
    pass counts the pages, the second prints ``footer_text(page, pages)`` on each."""
    font = register_fonts()
    _, pages = build_a4(story(font), title=title, author=author, font=font, size=size,
                        footer_text=lambda page: footer_text(page, "?"))  # fmt: skip
    pdf, _ = build_a4(story(font), title=title, author=author, font=font, size=size,
                      footer_text=lambda page: footer_text(page, pages))  # fmt: skip
    return pdf


def record_close(st: SheetStyles, prefix: str, data: Any) -> Flowable:
    """:func:`ledger_close` for a record whose i18n keys are ``<prefix>.s.ledger``, ``.ledger``, ``.verify`` and
    ``.stamp`` and whose data has ``ledger_count`` and ``ledger_hash`` (the evidence pack, the incident summary)."""
    t = i18n.t
    return ledger_close(
        st,
        heading=t(f"{prefix}.s.ledger"),
        count_line=t(f"{prefix}.ledger", count=data.ledger_count),
        ledger_hash=data.ledger_hash,
        verify_line=t(f"{prefix}.verify", count=data.ledger_count),
        stamp=t(f"{prefix}.stamp"),
    )


def record_pdf(prefix: str, data: Any, story: Callable[[str], list[Flowable]], *, size: float) -> bytes:
    """:func:`build_numbered_a4` for such a record: titled "<prefix>.title code", by the studio, each footer
    ``<prefix>.footer`` with the code, the ledger head and "page n of m"."""
    t = i18n.t
    return build_numbered_a4(
        story,
        title=f"{t(f'{prefix}.title')} {data.code}",
        author=data.studio_name,
        size=size,
        footer_text=lambda page, pages: t(
            f"{prefix}.footer",
            code=data.code,
            count=data.ledger_count,
            hash=data.ledger_hash[:12],
            page=page,
            pages=pages,
        ),
    )


__all__ = ["build_numbered_a4", "ledger_close", "record_close", "record_pdf"]
