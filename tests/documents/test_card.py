"""The card PDF: CR80 page, contents inside the safe margins, the seal readable and valid."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from faskim_desktop.core import seal
from faskim_desktop.documents.card import load_layout, render_card, seal_fields
from faskim_desktop.documents.models import CardData

from .helpers import make_photo, needs_pdftoppm, rasterise, save_artifacts

CR80_POINTS = (242.65, 153.01)
SAFE_MM = 1.5


def media_boxes(pdf: bytes) -> list[tuple[float, ...]]:
    found = re.findall(rb"/MediaBox\s*\[\s*([-\d. ]+)\]", pdf)
    return [tuple(float(v) for v in box.split()) for box in found]


def test_pages_are_exactly_cr80(card: CardData, signer: seal.SealSigner) -> None:
    pdf = render_card(card, signer=signer)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert b"/Subtype /Image" in pdf  # the photo
    boxes = media_boxes(pdf)
    assert len(boxes) == 2  # front and back
    for x0, y0, x1, y1 in boxes:
        assert (x0, y0) == (0, 0)
        assert abs(x1 - CR80_POINTS[0]) <= 0.1 and abs(y1 - CR80_POINTS[1]) <= 0.1


def test_layout_keeps_text_and_photo_inside_safe_margin() -> None:
    layout = load_layout()
    width, height = layout.raw["card"]["width"], layout.raw["card"]["height"]
    front, back = layout.raw["front"], layout.raw["back"]
    photo = front["photo"]
    assert photo["x"] >= SAFE_MM and photo["y"] >= SAFE_MM
    assert photo["x"] + photo["w"] <= width - SAFE_MM and photo["y"] + photo["h"] <= height - SAFE_MM
    for side in (front, back):
        for spec in side["fields"]:
            assert spec["x"] >= SAFE_MM and spec["x"] + spec["max_w"] <= width - SAFE_MM + 1e-9
            assert SAFE_MM + 1.5 <= spec["y"] <= height - SAFE_MM - 3
    s = back["seal"]
    assert s["x"] >= SAFE_MM and s["x"] + s["size"] <= width - SAFE_MM and s["y"] + s["size"] <= height - SAFE_MM


@needs_pdftoppm
def test_words_sit_inside_the_card(card: CardData, signer: seal.SealSigner, tmp_path: Path) -> None:
    """pdftotext -bbox gives every word's box: all must be inside the 1.5 mm safe area."""
    long_name = dataclasses.replace(card, name="Maximiliana Konstantina Alexandrovna Wijayakusuma-Rasmussen")
    source = tmp_path / "card.pdf"
    source.write_bytes(render_card(long_name, signer=signer))
    html = subprocess.run(["pdftotext", "-bbox", str(source), "-"], capture_output=True, check=True,
                          text=True).stdout
    boxes = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html)
    assert len(boxes) > 40
    margin = SAFE_MM / 25.4 * 72
    for x0, y0, x1, y1, word in boxes:
        assert float(x0) >= margin - 0.2 and float(y0) >= margin - 0.2, word
        assert float(x1) <= CR80_POINTS[0] - margin + 0.2, word
        assert float(y1) <= CR80_POINTS[1] - margin + 0.2, word
    assert "WIJAYAKUSUMA-RASMUSSEN" in html


@needs_pdftoppm
def test_photo_is_drawn_inside_its_box(card: CardData, signer: seal.SealSigner, tmp_path: Path) -> None:
    magenta = (255, 0, 255)
    wide = Image.new("RGB", (800, 300), magenta)  # a wrong-aspect photo must be fitted, not stretched
    import io

    buf = io.BytesIO()
    wide.save(buf, "PNG")
    pdf = render_card(dataclasses.replace(card, photo=buf.getvalue()), signer=signer)
    front = Image.open(rasterise(pdf, tmp_path, dpi=300)[0]).convert("RGB")
    px = front.load()
    xs, ys = [], []
    for y in range(0, front.height, 2):
        for x in range(0, front.width, 2):
            r, g, b = px[x, y]
            if r > 200 and g < 60 and b > 200:
                xs.append(x)
                ys.append(y)
    assert xs, "photo not drawn"
    dots_per_mm = front.width / 85.60
    spec = load_layout().raw["front"]["photo"]
    assert min(xs) >= spec["x"] * dots_per_mm - 2 and max(xs) <= (spec["x"] + spec["w"]) * dots_per_mm + 2
    assert min(ys) >= spec["y"] * dots_per_mm - 2 and max(ys) <= (spec["y"] + spec["h"]) * dots_per_mm + 2
    aspect = (max(xs) - min(xs)) / max(1, max(ys) - min(ys))
    assert aspect == pytest.approx(800 / 300, rel=0.06)


@pytest.mark.parametrize("photo", [None, b"", b"not an image", make_photo(fmt="GIF")])
def test_placeholder_when_photo_missing_or_bad(card: CardData, signer: seal.SealSigner, photo: bytes | None) -> None:
    pdf = render_card(dataclasses.replace(card, photo=photo), signer=signer)
    assert b"/Subtype /Image" not in pdf


def test_needs_a_signer_or_a_seal(card: CardData, signer: seal.SealSigner) -> None:
    with pytest.raises(ValueError):
        render_card(card)
    presigned = signer.sign(seal_fields(card), dt.date(2026, 11, 29))
    assert render_card(card, seal=presigned).startswith(b"%PDF")


@needs_pdftoppm
def test_seal_decodes_from_rasterised_pdf_and_verifies(card: CardData, signer: seal.SealSigner,
                                                       key_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("pylibdmtx.pylibdmtx", reason="libdmtx0b not installed", exc_type=ImportError)
    from faskim_desktop.documents.seal_reader import read_seal, verify_file

    pdf = render_card(card, signer=signer)
    save_artifacts(render_card(card, signer=signer, show_guides=True), "card", dpi=300)
    path = tmp_path / "card.pdf"
    path.write_bytes(pdf)
    result = verify_file(path, seal.load_trusted_keys(key_dir))
    assert result.valid, result.reason_code
    assert result.fields == seal_fields(card)

    payload = bytearray(read_seal(path))
    payload[30] ^= 0x01
    assert not seal.verify(bytes(payload), seal.load_trusted_keys(key_dir)).valid


@needs_pdftoppm
def test_seal_reads_from_rotated_downscaled_scan(card: CardData, signer: seal.SealSigner,
                                                 key_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("pylibdmtx.pylibdmtx", reason="libdmtx0b not installed", exc_type=ImportError)
    from faskim_desktop.documents.seal_reader import verify_file

    back = Image.open(rasterise(render_card(card, signer=signer), tmp_path, dpi=300)[1])
    scan = back.rotate(90, expand=True).convert("RGB")
    jpeg = tmp_path / "scan.jpg"
    scan.save(jpeg, "JPEG", quality=85)
    assert verify_file(jpeg, seal.load_trusted_keys(key_dir)).valid


@needs_pdftoppm
def test_verify_image_from_camera_like_frame(card: CardData, signer: seal.SealSigner, key_dir: Path,
                                             tmp_path: Path) -> None:
    pytest.importorskip("pylibdmtx.pylibdmtx", reason="libdmtx0b not installed", exc_type=ImportError)
    from faskim_desktop.documents.seal_reader import SealReadError, verify_image

    back = Image.open(rasterise(render_card(card, signer=signer), tmp_path, dpi=250)[1]).convert("RGB")
    frame = Image.new("RGB", (back.width + 300, back.height + 200), (90, 80, 70))  # card on a desk
    frame.paste(back.rotate(180), (150, 100))
    assert verify_image(frame, seal.load_trusted_keys(key_dir)).valid
    with pytest.raises(SealReadError) as caught:
        verify_image(Image.new("RGB", (640, 480), (255, 255, 255)), {})
    assert caught.value.code == "seal.not_found"


def test_missing_or_broken_template_is_a_typed_error(card: CardData, signer: seal.SealSigner, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from faskim_desktop.documents.card import CardLayoutError

    broken = tmp_path / "layout.json"
    broken.write_text('{"card": {}}')
    for path in (tmp_path / "missing.json", broken):
        monkeypatch.setenv("FASKIM_CARD_LAYOUT", str(path))
        with pytest.raises(CardLayoutError) as caught:
            render_card(card, signer=signer)
        assert caught.value.code == "card.layout_error"
