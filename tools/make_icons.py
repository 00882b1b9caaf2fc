"""Draw StudioDesk's icon: a warm-red rounded square with 售 (after-sales) in white.

    /tmp/venv/bin/python resources/icons/make_icons.py      (needs Pillow: a build-time tool, not an app dependency)

Writes studiodesk-256.png, studiodesk-512.png, studiodesk.ico (16–256 px) and studiodesk.icns (16–1024 px) beside
this file. The glyph comes from the bundled WenQuanYi Micro Hei (Apache-2.0), so the icon needs no other font.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent.parent / "resources" / "icons"
FONT = HERE.parent / "fonts" / "wqy-microhei.ttc"
TOP, BOTTOM = (234, 88, 62), (196, 40, 40)  # warm red, lighter at the top
MASTER = 1024


def draw(size: int = MASTER) -> Image.Image:
    scale = 4  # draw large and shrink: smooth edges
    big = size * scale
    margin, radius = int(big * 0.06), int(big * 0.2)
    gradient = Image.new("RGBA", (big, big))
    pixels = ImageDraw.Draw(gradient)
    for y in range(big):
        t = y / (big - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM, strict=True))
        pixels.line([(0, y), (big, y)], fill=(*colour, 255))
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).rounded_rectangle((margin, margin, big - margin, big - margin), radius, fill=255)
    icon = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    icon.paste(gradient, (0, 0), mask)
    text = ImageDraw.Draw(icon)
    font = ImageFont.truetype(str(FONT), int(big * 0.6))
    left, top, right, bottom = text.textbbox((0, 0), "售", font=font)
    x = (big - (right - left)) / 2 - left
    y = (big - (bottom - top)) / 2 - top
    text.text((x, y), "售", font=font, fill=(255, 255, 255, 255))
    return icon.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    master = draw()
    for size in (256, 512):
        master.resize((size, size), Image.Resampling.LANCZOS).save(HERE / f"studiodesk-{size}.png")
    master.save(HERE / "studiodesk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    master.save(HERE / "studiodesk.icns")
    print("\n".join(sorted(p.name for p in HERE.glob("studiodesk*"))))


if __name__ == "__main__":
    main()
