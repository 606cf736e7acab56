"""The Kartu Fasilitas Keimigrasian: an ID-1 (CR80) two-page PDF, front then back.

Page size is exactly 85.60 × 53.98 mm (ISO/IEC 7810 ID-1). Positions come from
``resources/card/layout.json`` (millimetres from the top-left corner); this module only knows how
to draw each element. The back carries the signed seal (``faskim_desktop.core.seal``) as a
Base 256 Data Matrix, in the spirit of ICAO Doc 9303 part 13's Visible Digital Seal.

Labels are bilingual on the card itself (Indonesian / English), as on Indonesian immigration
documents, so there is no ``language`` switch here.
"""

from __future__ import annotations

import io
import json
import logging
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.core.seal import SealFields, SealSigner, decode
from faskim_desktop.documents import datamatrix
from faskim_desktop.documents.fonts import RESOURCES, fit_font_size, fonts, safe_text, wrap
from faskim_desktop.documents.formatting import sex_name, short_date
from faskim_desktop.documents.letterhead import draw_emblem
from faskim_desktop.documents.models import CardData

log = logging.getLogger(__name__)

LAYOUT_FILE = RESOURCES / "layout.json"
CARD_WIDTH_MM = 85.60
CARD_HEIGHT_MM = 53.98
PHOTO_MAX_PIXELS = 640  # photo height embedded (≈ 630 dpi over 25.7 mm): sharp and small

LABELS: dict[str, str] = {
    "name": "Nama / Name",
    "sex": "Jenis Kelamin / Sex",
    "nationality": "Kewarganegaraan / Nationality",
    "birth": "Tempat, Tgl. Lahir / Place, Date of Birth",
    "passport_number": "No. Paspor / Passport No.",
    "passport_expiry": "Paspor Berlaku s.d. / Passport Expiry",
    "niora": "NIORA",
    "register_number": "No. Register / Register No.",
    "issue_date": "Tgl. Dikeluarkan / Date of Issue",
    "valid_until": "Berlaku Hingga / Valid Until",
    "issued_at": "Dikeluarkan di / Issued at",
}
COUNTRY = "REPUBLIK INDONESIA · REPUBLIC OF INDONESIA"
TITLE = "KARTU FASILITAS KEIMIGRASIAN"
TITLE_EN = "IMMIGRATION FACILITY CARD"
PHOTO_PLACEHOLDER = "FOTO / PHOTO"
SEAL_CAPTION = "Segel digital · Digital seal"
NOTE = (
    "Kartu ini milik Pemerintah Republik Indonesia dan wajib dibawa bersama paspor. "
    "Bila ditemukan, harap diserahkan ke kantor imigrasi terdekat. "
    "This card is the property of the Government of the Republic of Indonesia; carry it with "
    "your passport. If found, please return it to the nearest immigration office."
)


@dataclass(frozen=True)
class Layout:
    raw: dict[str, Any]

    @property
    def width(self) -> float:
        return float(self.raw["card"]["width"]) * mm

    @property
    def height(self) -> float:
        return float(self.raw["card"]["height"]) * mm

    @property
    def safe_margin(self) -> float:
        return float(self.raw["card"]["safe_margin"]) * mm

    def color(self, name: str) -> HexColor:
        return HexColor(self.raw["colors"][name])

    def x(self, value_mm: float) -> float:
        return value_mm * mm

    def y(self, value_mm: float) -> float:
        """Top-based millimetres to reportlab's bottom-based points."""
        return self.height - value_mm * mm


class CardLayoutError(FaskimError):
    code = "card.layout_error"


messages.register({
    "card.layout_error": {
        "id": "Templat kartu tidak dapat dibaca: {path}.",
        "en": "The card template cannot be read: {path}.",
    },
})


def layout_path() -> Path:
    """FASKIM_CARD_LAYOUT (an office's own template) or the shipped resources/card/layout.json."""
    configured = os.environ.get("FASKIM_CARD_LAYOUT")
    return Path(configured) if configured else LAYOUT_FILE


def load_layout(path: Path | None = None) -> Layout:
    return _load_layout(path or layout_path())


@cache
def _load_layout(path: Path) -> Layout:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        for key in ("card", "colors", "front", "back"):
            raw[key]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CardLayoutError(path=str(path)) from exc
    return Layout(raw)


def seal_fields(card: CardData) -> SealFields:
    """The card fields the seal signs (the same values the card prints)."""
    return SealFields(
        register_number=card.register_number,
        name=card.name,
        sex=card.sex.upper(),
        place_of_birth=card.place_of_birth,
        date_of_birth=card.date_of_birth,
        nationality=card.nationality.upper(),
        passport_number=card.passport_number,
        passport_expiry=card.passport_expiry,
        niora=card.niora,
        issue_date=card.issue_date,
        valid_until=card.valid_until,
    )


def _values(card: CardData) -> dict[str, str]:
    nationality = card.nationality_name or card.nationality
    if card.nationality_name:
        nationality = f"{card.nationality_name} ({card.nationality})"
    return {
        "name": card.name.upper(),
        "sex": f"{sex_name(card.sex, 'id')} / {card.sex.upper()}",
        "nationality": nationality.upper(),
        "birth": f"{card.place_of_birth.upper()}, {short_date(card.date_of_birth)}",
        "passport_number": card.passport_number,
        "passport_expiry": short_date(card.passport_expiry),
        "niora": card.niora,
        "register_number": card.register_number,
        "issue_date": short_date(card.issue_date),
        "valid_until": short_date(card.valid_until),
        "issued_at": f"{card.office.name}, {card.office.city}" if card.office.city else card.office.name,
    }


def _text(canvas: Canvas, layout: Layout, spec: dict[str, Any], text: str, font: str,
          *, centred: bool = False, min_size: float = 3.2) -> None:
    text = safe_text(text)
    size = fit_font_size(text, font, float(spec["size"]), float(spec["max_w"]) * mm, min_size)
    canvas.setFont(font, size)
    if centred:
        canvas.drawCentredString(layout.x(spec["x"]), layout.y(spec["y"]), text)
    else:
        canvas.drawString(layout.x(spec["x"]), layout.y(spec["y"]), text)


def _fields(canvas: Canvas, layout: Layout, side: dict[str, Any], values: dict[str, str]) -> None:
    f = fonts()
    label_size = float(side["label_size"])
    value_size = float(side["value_size"])
    min_size = float(side["value_min_size"])
    offset = float(side["value_offset"])
    for spec in side["fields"]:
        key = spec["key"]
        max_w = float(spec["max_w"]) * mm
        x = layout.x(spec["x"])
        canvas.setFillColor(layout.color("label"))
        label = LABELS[key]
        canvas.setFont(f.condensed, fit_font_size(label, f.condensed, label_size, max_w, 3.0))
        canvas.drawString(x, layout.y(spec["y"]), label)
        canvas.setFillColor(layout.color("value"))
        value = safe_text(values[key])
        size = fit_font_size(value, f.condensed_bold, value_size, max_w, min_size)
        lines = [value]
        if size <= min_size and int(spec.get("lines", 1)) > 1:
            lines = wrap(value, f.condensed_bold, min_size, max_w)[: int(spec["lines"])]
            size = min_size
        canvas.setFont(f.condensed_bold, size)
        y = layout.y(float(spec["y"]) + offset)
        for line in lines:
            canvas.drawString(x, y, line)
            y -= size * 1.12


def _photo_image(photo: bytes | None) -> Image.Image | None:
    if not photo:
        return None
    try:
        with Image.open(io.BytesIO(photo)) as opened:
            if opened.format not in ("JPEG", "PNG"):
                log.warning("card photo ignored: format %s", opened.format)
                return None
            image = opened.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        log.warning("card photo unreadable; placeholder drawn")
        return None
    if image.height > PHOTO_MAX_PIXELS:
        ratio = PHOTO_MAX_PIXELS / image.height
        image = image.resize((max(1, round(image.width * ratio)), PHOTO_MAX_PIXELS), Image.Resampling.LANCZOS)
    return image


def _draw_photo(canvas: Canvas, layout: Layout, spec: dict[str, Any], photo: bytes | None) -> None:
    x, w, h = layout.x(spec["x"]), spec["w"] * mm, spec["h"] * mm
    y = layout.y(spec["y"] + spec["h"])
    canvas.setFillColor(layout.color("tint"))
    canvas.rect(x, y, w, h, stroke=0, fill=1)
    image = _photo_image(photo)
    if image is None:
        canvas.setFillColor(HexColor("#9CA3AF"))
        canvas.circle(x + w / 2, y + h * 0.62, w * 0.2, stroke=0, fill=1)
        path = canvas.beginPath()
        path.moveTo(x + w * 0.14, y + h * 0.16)
        path.curveTo(x + w * 0.16, y + h * 0.44, x + w * 0.84, y + h * 0.44, x + w * 0.86, y + h * 0.16)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFillColor(HexColor("#4B5563"))
        canvas.setFont(fonts().condensed, 4.2)
        canvas.drawCentredString(x + w / 2, y + h * 0.06, PHOTO_PLACEHOLDER)
    else:
        # fit by aspect inside the box (no distortion, no crop), centred
        scale = min(w / image.width, h / image.height)
        dw, dh = image.width * scale, image.height * scale
        canvas.drawImage(ImageReader(image), x + (w - dw) / 2, y + (h - dh) / 2, dw, dh)
    canvas.setStrokeColor(layout.color("label"))
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, w, h, stroke=1, fill=0)


def _front(canvas: Canvas, layout: Layout, card: CardData) -> None:
    f = fonts()
    side = layout.raw["front"]
    band = side["band"]
    canvas.setFillColor(layout.color("band"))
    canvas.rect(layout.x(band["x"]), layout.y(band["y"] + band["h"]), band["w"] * mm, band["h"] * mm,
                stroke=0, fill=1)
    em = side["emblem"]
    draw_emblem(canvas, layout.x(em["cx"]), layout.y(em["cy"]), em["r"] * mm)
    canvas.setFillColor(HexColor("#FFFFFF"))
    _text(canvas, layout, side["country"], COUNTRY, f.condensed)
    _text(canvas, layout, side["title"], TITLE, f.bold)
    canvas.setFillColor(layout.color("accent"))
    _text(canvas, layout, side["title_en"], TITLE_EN, f.condensed_bold)
    canvas.setFillColor(layout.color("value"))
    _text(canvas, layout, side["office"], card.office.name.upper(), f.condensed_bold)
    _draw_photo(canvas, layout, side["photo"], card.photo)
    _fields(canvas, layout, side, _values(card))
    _accent_line(canvas, layout, side["accent_line"])


def _accent_line(canvas: Canvas, layout: Layout, spec: dict[str, Any]) -> None:
    canvas.setStrokeColor(layout.color("accent"))
    canvas.setLineWidth(float(spec["width"]) * mm)
    canvas.line(layout.x(spec["x1"]), layout.y(spec["y"]), layout.x(spec["x2"]), layout.y(spec["y"]))


def _back(canvas: Canvas, layout: Layout, card: CardData, seal: bytes, show_guides: bool) -> None:
    f = fonts()
    side = layout.raw["back"]
    band = side["band"]
    canvas.setFillColor(layout.color("band"))
    canvas.rect(layout.x(band["x"]), layout.y(band["y"] + band["h"]), band["w"] * mm, band["h"] * mm,
                stroke=0, fill=1)
    canvas.setFillColor(HexColor("#FFFFFF"))
    _text(canvas, layout, side["band_text"], f"{TITLE} · {TITLE_EN}", f.condensed_bold)

    spec = side["seal"]
    size = float(spec["size"]) * mm
    matrix = datamatrix.encode(seal)
    datamatrix.draw_matrix(canvas, matrix, layout.x(spec["x"]), layout.y(spec["y"]) - size, size)
    canvas.setFillColor(layout.color("label"))
    _text(canvas, layout, side["seal_caption"], SEAL_CAPTION, f.condensed, centred=True)
    header = decode(seal).header  # print what the seal itself says, not what the card data claims
    _text(canvas, layout, side["seal_key"], f"{header.office_code} · {header.key_id_hex}", f.condensed, centred=True)

    _fields(canvas, layout, side, _values(card))

    canvas.setFillColor(layout.color("value"))
    position = card.signing_official.position or "Kepala Kantor"
    _text(canvas, layout, side["signature_title"], f"{position} / Head of Office", f.condensed)
    if show_guides:  # preview only: the blank card stays clean for the wet signature and stamp
        area = side["signature_area"]
        stamp = side["stamp_area"]
        canvas.saveState()
        canvas.setStrokeColor(HexColor("#9CA3AF"))
        canvas.setLineWidth(0.25)
        canvas.setDash(1, 1)
        canvas.rect(layout.x(area["x"]), layout.y(area["y"] + area["h"]), area["w"] * mm, area["h"] * mm)
        canvas.circle(layout.x(stamp["cx"]), layout.y(stamp["cy"]), stamp["r"] * mm)
        canvas.setFont(f.condensed, 3.4)
        canvas.setFillColor(HexColor("#9CA3AF"))
        canvas.drawCentredString(layout.x(stamp["cx"]), layout.y(stamp["cy"]) - 1, "cap dinas")
        canvas.drawCentredString(layout.x(area["x"] + area["w"] / 2), layout.y(area["y"] + area["h"] / 2) - 1,
                                 "tanda tangan")
        canvas.restoreState()
    canvas.setFillColor(layout.color("value"))
    _text(canvas, layout, side["official_name"], card.signing_official.name, f.condensed_bold)
    if card.signing_official.nip:
        _text(canvas, layout, side["official_nip"], f"NIP. {card.signing_official.nip}", f.condensed)

    note = side["note"]
    canvas.setFillColor(layout.color("label"))
    canvas.setFont(f.condensed, float(note["size"]))
    y = layout.y(note["y"])
    for line in wrap(NOTE, f.condensed, float(note["size"]), float(note["max_w"]) * mm)[:4]:
        canvas.drawString(layout.x(note["x"]), y, line)
        y -= float(note["leading"]) * mm
    _accent_line(canvas, layout, side["accent_line"])


def render_card(card: CardData, *, signer: SealSigner | None = None, seal: bytes | None = None,
                show_guides: bool = False) -> bytes:
    """The card as a 2-page PDF (front, back), CR80 pages.

    Give either ``signer`` (the seal is signed now, dated ``card.issue_date``) or a ``seal``
    signed earlier (bytes from ``SealSigner.sign``). ``show_guides`` outlines the stamp and
    signature areas for on-screen previews; leave it off for the card printer.
    """
    if seal is None:
        if signer is None:
            raise ValueError("render_card needs a signer or a signed seal")
        seal = signer.sign(seal_fields(card), card.issue_date)
    layout = load_layout()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(layout.width, layout.height), pageCompression=1)
    canvas.setTitle(f"Kartu Fasilitas Keimigrasian {card.register_number}")
    canvas.setAuthor(card.office.name)
    canvas.setSubject("Kartu Fasilitas Keimigrasian")
    _front(canvas, layout, card)
    canvas.showPage()
    _back(canvas, layout, card, seal, show_guides)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
