"""Read the page geometry of a print job file as the IPP printer received it.

CUPS sends an IPP Everywhere printer one of: Apple raster (URF, ``UNIRAST``), PWG raster
(PWG 5102.4, ``RaS2``) or PDF, whichever the printer's ``document-format-supported`` and the
filter chain pick. Each parser returns the pages as (width_mm, height_mm, extras).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path


class SpoolFormatError(ValueError):
    pass


@dataclass(frozen=True)
class SpoolPage:
    width_mm: float
    height_mm: float
    dpi: int = 0
    duplex: str = ""  # "", "simplex", "long-edge", "short-edge"


URF_DUPLEX = {1: "simplex", 2: "short-edge", 3: "long-edge"}
PWG_HEADER = 1796


def urf_pages(data: bytes) -> list[SpoolPage]:
    """Apple raster: 'UNIRAST\\0', page count, then per page a 32-byte header and RLE lines.

    Only the first page header is read (the RLE body would have to be decoded to skip it);
    that is enough to know the job's page size.
    """
    if not data.startswith(b"UNIRAST\x00") or len(data) < 12 + 32:
        raise SpoolFormatError("not a URF file")
    bpp, _colour, duplex, _quality = data[12:16]
    width, height, dpi = struct.unpack(">III", data[24:36])
    if not bpp or not width or not height or not dpi:
        raise SpoolFormatError("URF page header with zero fields")
    return [SpoolPage(width / dpi * 25.4, height / dpi * 25.4, dpi, URF_DUPLEX.get(duplex, str(duplex)))]


def pwg_pages(data: bytes) -> list[SpoolPage]:
    """PWG raster: 'RaS2' then per page a 1796-byte big-endian header and RLE-packed lines.

    Header offsets from the CUPS raster v2 layout PWG 5102.4 uses: Duplex 272, HWResolution
    276, Tumble 368, cupsWidth 372, cupsHeight 376. Only the first page header is read.
    """
    if not data.startswith(b"RaS2"):
        raise SpoolFormatError("not a PWG raster file")
    header = data[4 : 4 + PWG_HEADER]
    if len(header) < PWG_HEADER:
        raise SpoolFormatError("truncated PWG page header")
    duplex = struct.unpack(">I", header[272:276])[0]
    xres, yres = struct.unpack(">II", header[276:284])
    tumble = struct.unpack(">I", header[368:372])[0]
    width_px, height_px = struct.unpack(">II", header[372:380])
    if not xres or not yres or not width_px or not height_px:
        raise SpoolFormatError("PWG page header with zero fields")
    side = "simplex" if not duplex else ("short-edge" if tumble else "long-edge")
    return [SpoolPage(width_px / xres * 25.4, height_px / yres * 25.4, xres, side)]


_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


def pdf_pages(data: bytes) -> list[SpoolPage]:
    """A PDF's page MediaBoxes (uncompressed page dictionaries, as cups-filters writes them)."""
    if not data.startswith(b"%PDF"):
        raise SpoolFormatError("not a PDF")
    boxes = _MEDIABOX.findall(data)
    if not boxes:
        raise SpoolFormatError("no MediaBox in the PDF")
    return [
        SpoolPage((float(x1) - float(x0)) / 72 * 25.4, (float(y1) - float(y0)) / 72 * 25.4)
        for x0, y0, x1, y1 in boxes
    ]


def job_pages(path: Path) -> list[SpoolPage]:
    data = path.read_bytes()
    for parser in (urf_pages, pwg_pages, pdf_pages):
        try:
            return parser(data)
        except SpoolFormatError:
            continue
    raise SpoolFormatError(f"{path.name}: not URF, PWG raster or PDF")
