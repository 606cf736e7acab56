"""Pieces every paper document shares: the office letterhead, the emblem, QR codes, footers.

The emblem is a neutral vector mark drawn here (rings, a five-pointed star and a rice-and-cotton
wreath hint); it deliberately does not imitate the Garuda Pancasila, whose use is regulated
(UU 24/2009). An office that has the right to print the national emblem can swap in its artwork.
"""

from __future__ import annotations

import math
from functools import lru_cache

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from faskim_desktop.documents.datamatrix import draw_matrix
from faskim_desktop.documents.fonts import fit_font_size, fonts, safe_text
from faskim_desktop.documents.models import Office

NAVY = HexColor("#0B3D6E")
GOLD = HexColor("#C9A227")
GREY = HexColor("#6B7280")
LIGHT = HexColor("#E5E7EB")
RED = HexColor("#B91C1C")


def draw_emblem(canvas: Canvas, cx: float, cy: float, radius: float, *, light: bool = False) -> None:
    """A round office emblem centred on (cx, cy)."""
    ring: Color = GOLD
    fill: Color = HexColor("#FFFFFF") if light else NAVY
    canvas.saveState()
    canvas.setFillColor(ring)
    canvas.circle(cx, cy, radius, stroke=0, fill=1)
    canvas.setFillColor(fill)
    canvas.circle(cx, cy, radius * 0.84, stroke=0, fill=1)
    canvas.setStrokeColor(ring)
    canvas.setLineWidth(max(0.2, radius * 0.05))
    canvas.circle(cx, cy, radius * 0.74, stroke=1, fill=0)
    # a ring of beads inside the border
    canvas.setFillColor(ring)
    for i in range(28):
        angle = math.radians(i * (360 / 28))
        lx = cx + math.cos(angle) * radius * 0.62
        ly = cy + math.sin(angle) * radius * 0.62
        canvas.circle(lx, ly, radius * 0.045, stroke=0, fill=1)
    # five-pointed star
    path = canvas.beginPath()
    outer, inner = radius * 0.44, radius * 0.18
    for k in range(10):
        r = outer if k % 2 == 0 else inner
        angle = math.radians(90 + k * 36)
        px, py = cx + math.cos(angle) * r, cy - radius * 0.04 + math.sin(angle) * r
        if k == 0:
            path.moveTo(px, py)
        else:
            path.lineTo(px, py)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def draw_letterhead(canvas: Canvas, office: Office, left: float, right: float, top: float,
                    *, compact: bool = False) -> float:
    """Kop surat: ministry, directorate, office, address; returns the y just below the rule."""
    f = fonts()
    scale = 0.76 if compact else 1.0
    emblem_r = 19 * scale
    draw_emblem(canvas, left + emblem_r, top - emblem_r - 1, emblem_r)
    text_left = left + 2 * emblem_r + 6
    centre = (text_left + right) / 2
    width = right - text_left
    lines = [
        (office.ministry.upper(), f.bold, 8.5 * scale),
        (office.directorate.upper(), f.bold, 8.5 * scale),
    ]
    if office.regional_office:
        lines.append((office.regional_office.upper(), f.bold, 8 * scale))
    lines.append((office.name.upper(), f.bold, 10.5 * scale))
    address = office.address + (f" · Telp. {office.phone}" if office.phone else "")
    lines.append((address, f.regular, 7 * scale))
    y = top - lines[0][2]
    canvas.setFillColor(HexColor("#111827"))
    for i, (text, font, size) in enumerate(lines):
        text = safe_text(text)
        fitted = fit_font_size(text, font, size, width)
        canvas.setFont(font, fitted)
        canvas.drawCentredString(centre, y, text)
        if i + 1 < len(lines):
            y -= max(size, lines[i + 1][2]) * 1.22
    y -= 4 * scale
    y = min(y, top - 2 * emblem_r - 4)
    canvas.setStrokeColor(HexColor("#111827"))
    canvas.setLineWidth(1.6)
    canvas.line(left, y, right, y)
    canvas.setLineWidth(0.5)
    canvas.line(left, y - 2.5, right, y - 2.5)
    return y - 6


@lru_cache(maxsize=128)
def qr_matrix(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code modules of ``value`` (ISO/IEC 18004, error correction level M), rows top-down.

    reportlab's QR encoder does the encoding; the modules are drawn here as one path, which is
    several times faster than its widget (that builds a shape per run of modules, twice).
    """
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """A QR code of ``value`` as a ``size``-point square with its lower-left corner at (x, y).

    No quiet zone is added: leave at least 4 modules of white around it.
    """
    matrix = qr_matrix(value)
    draw_matrix(canvas, [list(row) for row in matrix], x, y, size)


def draw_watermark(canvas: Canvas, text: str, cx: float, cy: float, size: float, angle: float = 30) -> None:
    canvas.saveState()
    canvas.translate(cx, cy)
    canvas.rotate(angle)
    canvas.setFillColor(Color(RED.red, RED.green, RED.blue, alpha=0.22))
    canvas.setFont(fonts().bold, size)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()
