"""One PDF per document category of a case's scanned file (SOP Langkah Awal 3a: formulir, surat
permohonan, dokumen lainnya), for viewing and the archive.

Each scanned page (a PNG from the scanner) becomes one A4 page (ISO 216), drawn at its own
aspect ratio inside a 10 mm margin. The PDF carries no personal data in its metadata beyond the
application number and the category.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

MARGIN = 10 * mm


def scans_pdf(pages: Sequence[bytes], title: str = "") -> bytes:
    """``pages``: PNG (or any Pillow-readable) images in order. Raises ValueError when empty."""
    if not pages:
        raise ValueError("no pages")
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Faskim Desktop")
    width, height = A4
    box_w, box_h = width - 2 * MARGIN, height - 2 * MARGIN
    for data in pages:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGB") if image.mode not in {"RGB", "L"} else image.copy()
        scale = min(box_w / picture.width, box_h / picture.height)
        draw_w, draw_h = picture.width * scale, picture.height * scale
        x = (width - draw_w) / 2
        y = (height - draw_h) / 2
        canvas.drawImage(ImageReader(picture), x, y, draw_w, draw_h)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
