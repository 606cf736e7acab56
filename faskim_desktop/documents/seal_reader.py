"""Read the card's Data Matrix seal back from a PDF or an image, then verify it.

The honest path is the one a counter has: rasterise (``pdftoppm`` for a PDF, the file itself for
a PNG/JPEG scan or photo) and decode the symbol with libdmtx. ``pylibdmtx.decode`` cuts its result
at the first NUL byte (it reads the output as a C string), which breaks Base 256 payloads, so this
module drives the same libdmtx calls itself and copies exactly ``outputIdx`` bytes.

Images are tried as given, then rotated by 90/180/270 degrees and scaled down/up, because a phone
photo or a scan is rarely square to the symbol or at a friendly resolution.
"""

from __future__ import annotations

import ctypes
import io
import logging
import shutil
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec
from PIL import Image, ImageOps, UnidentifiedImageError

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.core.seal import PublicKeyLike, SealResult, verify

log = logging.getLogger(__name__)

PDF_DPI = 300
DECODE_TIMEOUT_MS = 4000
TOTAL_BUDGET_S = 12.0


class SealReadError(FaskimError):
    code = "seal.read_error"


MESSAGES: dict[str, dict[str, str]] = {
    "seal.read_error": {"id": "Segel tidak dapat dibaca.", "en": "The seal cannot be read."},
    "seal.not_found": {
        "id": "Tidak ada segel Data Matrix yang terbaca pada berkas ini.",
        "en": "No readable Data Matrix seal in this file.",
    },
    "seal.file_unreadable": {
        "id": "Berkas tidak dapat dibuka sebagai PDF atau gambar: {name}.",
        "en": "The file cannot be opened as a PDF or an image: {name}.",
    },
    "seal.decoder_missing": {
        "id": "Pustaka libdmtx (paket libdmtx0b dan pylibdmtx) tidak terpasang.",
        "en": "The libdmtx library (package libdmtx0b and pylibdmtx) is not installed.",
    },
    "seal.pdftoppm_missing": {
        "id": "Program pdftoppm (paket poppler-utils) tidak ditemukan.",
        "en": "The pdftoppm program (package poppler-utils) was not found.",
    },
}
messages.register(MESSAGES)


def _decode_raw(image: Image.Image, timeout_ms: int) -> list[bytes]:
    """Every Data Matrix payload libdmtx finds in ``image``, byte-exact (NULs included)."""
    try:
        with warnings.catch_warnings():  # pylibdmtx compares versions with distutils' LooseVersion
            warnings.simplefilter("ignore", DeprecationWarning)
            from pylibdmtx import wrapper as w
    except ImportError as exc:  # the Python package or the shared library is missing
        raise SealReadError("seal.decoder_missing") from exc
    gray = image.convert("L")
    pixels = gray.tobytes()
    width, height = gray.size
    buffer = ctypes.create_string_buffer(pixels, len(pixels))
    results: list[bytes] = []
    img = w.dmtxImageCreate(ctypes.cast(buffer, w.c_ubyte_p), width, height, w.DmtxPackOrder.DmtxPack8bppK)
    if not img:
        return results
    try:
        decoder = w.dmtxDecodeCreate(img, 1)
        if not decoder:
            return results
        try:
            deadline = w.dmtxTimeAdd(w.dmtxTimeNow(), timeout_ms)
            while True:
                region = w.dmtxRegionFindNext(decoder, ctypes.byref(deadline))
                if not region:
                    break
                try:
                    message = w.dmtxDecodeMatrixRegion(decoder, region, w.DmtxUndefined)
                    if message:
                        try:
                            results.append(ctypes.string_at(message.contents.output, message.contents.outputIdx))
                        finally:
                            w.dmtxMessageDestroy(ctypes.byref(message))
                finally:
                    w.dmtxRegionDestroy(ctypes.byref(region))
                if results:
                    break
        finally:
            w.dmtxDecodeDestroy(ctypes.byref(decoder))
    finally:
        w.dmtxImageDestroy(ctypes.byref(img))
    return results


def _variants(image: Image.Image) -> Iterator[Image.Image]:
    """The image as given, rotated, and rescaled: cheapest first."""
    base = ImageOps.exif_transpose(image).convert("L")
    longest = max(base.size)
    scales = [1.0]
    if longest > 2400:
        scales.insert(0, 2000 / longest)
    elif longest < 900:
        scales.append(1800 / longest)
    scales.append(0.5)
    seen: set[tuple[int, int, int]] = set()
    for scale in scales:
        scaled = base if scale == 1.0 else base.resize(
            (max(1, round(base.width * scale)), max(1, round(base.height * scale))), Image.Resampling.LANCZOS
        )
        for angle in (0, 90, 180, 270):
            key = (scaled.width, scaled.height, angle)
            if key in seen or min(scaled.size) < 20:
                continue
            seen.add(key)
            yield scaled if angle == 0 else scaled.rotate(angle, expand=True, fillcolor=255)
        # a slight skew rescue: libdmtx copes with small angles, a 45° turn catches the rest
        yield scaled.rotate(45, expand=True, fillcolor=255)


def _content_crop(image: Image.Image) -> Image.Image | None:
    """The image cut to the box around its dark pixels (with a margin); None when it has none."""
    gray = image.convert("L")
    dark = gray.point(lambda v: 255 if v < 110 else 0)
    box = dark.getbbox()
    if box is None:
        return None
    pad = max(8, round(0.02 * max(gray.size)))
    left, top, right, bottom = box
    return gray.crop((max(0, left - pad), max(0, top - pad), min(gray.width, right + pad),
                      min(gray.height, bottom + pad)))


def read_from_image(image: Image.Image, timeout_ms: int = DECODE_TIMEOUT_MS,
                    budget_s: float = TOTAL_BUDGET_S) -> bytes | None:
    """The first Data Matrix payload found in ``image`` (tried in several turns and scales)."""
    cropped = _content_crop(image)
    if cropped is None:  # a blank page or a white image: nothing to look for
        return None
    deadline = time.monotonic() + budget_s
    for variant in _variants(cropped):
        remaining_ms = int((deadline - time.monotonic()) * 1000)
        if remaining_ms <= 0:
            log.info("seal search gave up after %.0f s", budget_s)
            return None
        found = _decode_raw(variant, min(timeout_ms, remaining_ms))
        if found:
            return found[0]
    return None


def rasterise_pdf(path: Path, dpi: int = PDF_DPI) -> list[Image.Image]:
    """Every page of the PDF as an image, through poppler's pdftoppm."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise SealReadError("seal.pdftoppm_missing")
    with tempfile.TemporaryDirectory(prefix="faskim-seal-") as tmp:
        prefix = Path(tmp) / "page"
        proc = subprocess.run(
            [exe, "-r", str(dpi), "-gray", "-png", str(path), str(prefix)],
            capture_output=True, timeout=120, check=False,
        )
        if proc.returncode != 0:
            raise SealReadError("seal.file_unreadable", name=path.name)
        pages = []
        for page in sorted(Path(tmp).glob("page*.png")):
            with Image.open(page) as opened:
                pages.append(opened.copy())
    return pages


def read_seal(path: str | Path) -> bytes:
    """The seal's payload bytes from a card PDF (any page) or a PNG/JPEG image of the card."""
    file = Path(path)
    try:
        head = file.read_bytes()[:8]
    except OSError as exc:
        raise SealReadError("seal.file_unreadable", name=file.name) from exc
    if head.startswith(b"%PDF"):
        images: Iterable[Image.Image] = reversed(rasterise_pdf(file))  # the seal is on the back
    else:
        try:
            with Image.open(io.BytesIO(file.read_bytes())) as opened:
                opened.load()
                images = [opened.copy()]
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
            raise SealReadError("seal.file_unreadable", name=file.name) from exc
    for image in images:
        payload = read_from_image(image)
        if payload is not None:
            return payload
    raise SealReadError("seal.not_found")


TrustedKeys = Iterable[PublicKeyLike] | Mapping[bytes, ec.EllipticCurvePublicKey]


def verify_file(path: str | Path, trusted: TrustedKeys) -> SealResult:
    """Read and verify; a file without a readable seal raises ``SealReadError``."""
    return verify(read_seal(path), trusted)


def verify_image(image: Image.Image, trusted: TrustedKeys) -> SealResult:
    """Read and verify from an image in memory (a camera frame or a scan in the verify page)."""
    payload = read_from_image(image)
    if payload is None:
        raise SealReadError("seal.not_found")
    return verify(payload, trusted)
