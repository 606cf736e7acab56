"""Fonts for the documents: DejaVu (covers names with diacritics), Helvetica as the fallback.

DejaVu Sans ships in ``resources/card/fonts`` (Bitstream Vera/DejaVu licence, beside the files);
when it is missing the system copy is tried, and when neither exists the PDF core fonts are used
— they cover Latin-1, which is enough for Indonesian text but not for every foreign name.
Registration happens once per process.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "card"
_SEARCH = (RESOURCES / "fonts", Path("/usr/share/fonts/truetype/dejavu"))


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str
    condensed: str
    condensed_bold: str
    embedded: bool  # True when a TrueType font with wide coverage is in use


def _find(filename: str) -> Path | None:
    for folder in _SEARCH:
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    return None


@cache
def fonts() -> FontSet:
    wanted = {
        "FaskimSans": "DejaVuSans.ttf",
        "FaskimSans-Bold": "DejaVuSans-Bold.ttf",
        "FaskimSansCond": "DejaVuSansCondensed.ttf",
        "FaskimSansCond-Bold": "DejaVuSansCondensed-Bold.ttf",
    }
    try:
        for name, filename in wanted.items():
            path = _find(filename)
            if path is None:
                raise FileNotFoundError(filename)
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path)))
        return FontSet("FaskimSans", "FaskimSans-Bold", "FaskimSansCond", "FaskimSansCond-Bold", True)
    except (FileNotFoundError, TTFError, OSError) as exc:
        log.warning("DejaVu fonts unavailable (%s); using Helvetica", type(exc).__name__)
        return FontSet("Helvetica", "Helvetica-Bold", "Helvetica", "Helvetica-Bold", False)


def safe_text(text: str) -> str:
    """Text the current fonts can show: with Helvetica, characters outside Latin-1 become '?'."""
    if fonts().embedded:
        return text
    return text.encode("latin-1", "replace").decode("latin-1")


def fit_font_size(text: str, font: str, size: float, max_width: float, min_size: float = 4.0) -> float:
    """The largest size <= ``size`` at which ``text`` fits in ``max_width`` points."""
    width = pdfmetrics.stringWidth(text, font, size)
    if width <= max_width or width == 0:
        return size
    return max(min_size, size * max_width / width)


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Greedy word wrap; a single word longer than the line is cut by characters."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}".strip()
            if pdfmetrics.stringWidth(candidate, font, size) <= max_width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while pdfmetrics.stringWidth(word, font, size) > max_width and len(word) > 1:
                cut = len(word)
                while cut > 1 and pdfmetrics.stringWidth(word[:cut], font, size) > max_width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines
