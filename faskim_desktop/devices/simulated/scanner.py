"""Simulated flatbed/ADF scanner: rendered A4 form pages as PNG.

Each page is an A4 sheet (210 × 297 mm, ISO 216) drawn with Pillow at the requested resolution:
a heading "FORMULIR ...", numbered blank fields and a page footer, with seeded speckle so the
output is deterministic under a seed but not perfectly clean. The ADF holds ``adf_pages`` sheets.
"""

from __future__ import annotations

import io
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from faskim_desktop.devices.errors import BadData, MediaProblem, UnsupportedSetting
from faskim_desktop.devices.protocols import DeviceKind, ScannedPage, ScanSettings
from faskim_desktop.devices.simulated.base import FaultMode, SimulatedDriver, derive_seed, setting_int

A4_MM = (210.0, 297.0)
RESOLUTIONS = (75, 100, 150, 200, 300, 600)
MODES = ("color", "gray", "lineart")
SOURCES = ("flatbed", "adf")

_TITLES = (
    "FORMULIR PERMOHONAN KARTU FASILITAS KEIMIGRASIAN",
    "SURAT PERMOHONAN",
    "LAMPIRAN DOKUMEN PENDUKUNG",
)


@lru_cache(maxsize=16)
def _font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(name, px)
        except OSError:
            continue
    return ImageFont.load_default(px)


def render_page(index: int, total: int, dpi: int, mode: str, seed: int) -> Image.Image:
    """Page ``index`` (0-based) of a simulated form at ``dpi``."""
    w = round(A4_MM[0] / 25.4 * dpi)
    h = round(A4_MM[1] / 25.4 * dpi)
    mm = dpi / 25.4
    img = Image.new("RGB", (w, h), (250, 249, 244))
    draw = ImageDraw.Draw(img)
    title = _TITLES[index % len(_TITLES)]
    draw.rectangle(
        [15 * mm, 12 * mm, w - 15 * mm, 30 * mm], outline=(20, 40, 110), width=max(1, int(0.5 * mm))
    )
    draw.text((20 * mm, 16 * mm), "DIREKTORAT JENDERAL IMIGRASI", fill=(20, 40, 110), font=_font(int(4 * mm)))
    draw.text((20 * mm, 22.5 * mm), title, fill=(10, 10, 10), font=_font(int(4.2 * mm)))
    body = _font(int(3.2 * mm))
    y = 42 * mm
    for n in range(1, 15):
        draw.text((20 * mm, y), f"{n}.", fill=(30, 30, 30), font=body)
        draw.text((28 * mm, y), f"Isian {n}", fill=(30, 30, 30), font=body)
        draw.line(
            [(75 * mm, y + 4 * mm), (w - 20 * mm, y + 4 * mm)], fill=(90, 90, 90), width=max(1, int(0.2 * mm))
        )
        y += 12 * mm
    draw.text(
        (20 * mm, h - 20 * mm), f"Halaman {index + 1} dari {total} — SIMULASI", fill=(60, 60, 60), font=body
    )
    rng = np.random.default_rng(derive_seed("scan", seed, index, dpi, mode))
    arr = np.asarray(img, dtype=np.int16)
    arr = arr + rng.normal(0, 2.5, arr.shape).astype(np.int16)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    if mode == "gray":
        return out.convert("L")
    if mode == "lineart":
        return out.convert("L").point(lambda v: 255 if v > 160 else 0).convert("1")
    return out


class SimulatedScanner(SimulatedDriver):
    kind = DeviceKind.SCANNER
    label = "Pemindai dokumen simulasi"
    extra_faults = frozenset({FaultMode.GARBAGE, FaultMode.PAPER_JAM})

    def __init__(self, seed: int = 0, delay: float = 0.0) -> None:
        super().__init__(seed, delay)
        self.adf_pages = 3

    def _apply_settings(self, settings: dict[str, object]) -> None:
        self.adf_pages = setting_int(settings, "adf_pages", 3, 0, 50, self.label)

    def scan(self, settings: ScanSettings) -> list[ScannedPage]:
        if settings.resolution not in RESOLUTIONS:
            raise UnsupportedSetting(device=self.label, setting="resolution", value=settings.resolution)
        if settings.mode not in MODES:
            raise UnsupportedSetting(device=self.label, setting="mode", value=settings.mode)
        if settings.source not in SOURCES:
            raise UnsupportedSetting(device=self.label, setting="source", value=settings.source)
        fault = self._begin()
        if fault == FaultMode.GARBAGE:
            raise BadData(device=self.device_label, reason="empty scan", pages=[])
        total = self.adf_pages if settings.source == "adf" else 1
        if total == 0:
            raise MediaProblem(device=self.device_label, reason="feeder empty", pages=[])
        pages: list[ScannedPage] = []
        for i in range(total):
            if fault == FaultMode.PAPER_JAM and i == min(1, total - 1):
                # Jam on the second sheet (or the only one): keep what was scanned before it.
                raise MediaProblem(device=self.device_label, reason="paper jam", pages=pages)
            img = render_page(i, total, settings.resolution, settings.mode, self.seed)
            buf = io.BytesIO()
            img.save(buf, "PNG", dpi=(settings.resolution, settings.resolution))
            pages.append(ScannedPage(img.width, img.height, settings.resolution, buf.getvalue()))
        return pages
