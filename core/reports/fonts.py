"""The embedded CJK font for every PDF.

ReportLab embeds only TrueType-outline fonts; WenQuanYi Micro Hei (Apache-2.0, bundled in resources/fonts with
its licence) is one. Every paragraph, table style, chart label and legend must name ``FONT_NAME`` or each
Chinese character silently prints as a black box.
"""

from __future__ import annotations

from core.paths import resource

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")

_registered = False


def register_fonts() -> str:
    """Register the font with ReportLab once; returns its name. Raises FileNotFoundError naming the file."""
    global _registered
    if not _registered:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        path = resource(*FONT_FILE)
        if not path.is_file():
            raise FileNotFoundError(f"font file missing: {path}")
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
        _registered = True
    return FONT_NAME
