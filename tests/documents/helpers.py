"""Helpers shared by the document tests (rendering PDFs to PNG, artefacts, a synthetic photo)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

PASSPHRASE = "kunci-kantor-uji-123"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "documents"


def make_photo(colour: tuple[int, int, int] = (200, 160, 130), size: tuple[int, int] = (350, 450),
               fmt: str = "JPEG") -> bytes:
    image = Image.new("RGB", size, (226, 231, 238))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.3, h * 0.17, w * 0.7, h * 0.56), fill=colour)
    draw.rectangle((w * 0.17, h * 0.66, w * 0.83, h), fill=(40, 60, 120))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def pdftoppm_available() -> bool:
    return shutil.which("pdftoppm") is not None


def rasterise(pdf: bytes, tmp_path: Path, dpi: int = 150, name: str = "doc") -> list[Path]:
    """Render every page with poppler; poppler failing means the PDF is not valid."""
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / name)], check=True,
                   capture_output=True, timeout=60)
    return sorted(tmp_path.glob(f"{name}-*.png"))


def save_artifacts(pdf: bytes, name: str, dpi: int = 110) -> list[Path]:
    """Keep the PDF and its rendered pages in artifacts/documents for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    if not pdftoppm_available():
        return []
    return rasterise(pdf, ARTIFACTS, dpi, name)


needs_pdftoppm = pytest.mark.skipif(not pdftoppm_available(), reason="pdftoppm (poppler-utils) not installed")
