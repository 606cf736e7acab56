"""Bad files and images from outside: cekal list imports, camera frames, card seal images, chip data.

Each yields a typed refusal or a correct result in bounded time, never an unhandled exception or
a hang; a refused cekal import writes nothing.
"""

from __future__ import annotations

import csv
import io
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from faskim_desktop.core.emrtd import lds
from faskim_desktop.core.emrtd.errors import LdsError, TLVError
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.core.workspace import Workspace
from tests.fuzz.conftest import snapshot, within

SLOW = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- cekal list files ----------------------------------------------------------------------------

def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


@st.composite
def list_files(draw: st.DrawFn) -> bytes:
    """Random bytes, or a CSV with the real header and rows of anything (wrong widths too)."""
    from faskim_desktop.core.screening.listfile import COLUMNS

    kind = draw(st.sampled_from(["bytes", "csv", "header_only", "bom"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    cell = st.one_of(st.text(max_size=30), st.sampled_from(["", "cegah", "tangkal", "1980-01-02", "IDN", "A1;B2"]))
    header = list(COLUMNS) if draw(st.booleans()) else draw(st.lists(st.text(max_size=12), max_size=12))
    rows = [header, *draw(st.lists(st.lists(cell, max_size=len(COLUMNS) + 2), max_size=8))]
    data = _csv(rows if kind != "header_only" else rows[:1])
    return (b"\xef\xbb\xbf" + data) if kind == "bom" else data


@SLOW
@given(list_files())
@example(b"")
@example(b"\xff\xfe\x00\x00garbage")
def test_cekal_import_refuses_whole_or_imports(workspace: Workspace, tmp_path_factory: pytest.TempPathFactory,
                                               data: bytes) -> None:
    from faskim_desktop.core.screening import importer

    path = tmp_path_factory.mktemp("cekal") / "list.csv"
    path.write_bytes(data)
    before = snapshot(workspace)
    try:
        result = within(60, lambda: importer.import_list(workspace.store, path, "fuzz"))
    except FaskimError as err:
        assert err.message("id") and err.message("en")
        assert snapshot(workspace) == before, "a refused import wrote something"
        return
    assert result.entries >= 0 and importer.current_version(workspace.store) == result.version


# --- camera frames into the photo checks ---------------------------------------------------------

@st.composite
def frames(draw: st.DrawFn) -> np.ndarray:
    height, width = draw(st.integers(32, 480)), draw(st.integers(32, 640))
    style = draw(st.sampled_from(["noise", "flat", "stripes"]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if style == "noise":
        return rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    if style == "flat":
        return np.full((height, width, 3), draw(st.integers(0, 255)), dtype=np.uint8)
    frame = np.zeros((height, width, 3), dtype=np.uint8)
    frame[:, :: draw(st.integers(1, 20))] = 255
    return frame


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frames())
def test_photo_checks_judge_any_frame(frame: np.ndarray) -> None:
    from faskim_desktop.core.photo_checks import PhotoChecker

    assessment = within(10, lambda: _checker().assess(frame))
    assert (assessment.width, assessment.height) == (frame.shape[1], frame.shape[0])
    assert assessment.checks and all(c.reason for c in assessment.failed)
    if not assessment.faces:  # no face: never a passing photo, never a card crop
        assert not assessment.passed and assessment.crop is None
    assert PhotoChecker is not None


_CHECKER = []


def _checker():  # type: ignore[no-untyped-def]
    from faskim_desktop.core.photo_checks import PhotoChecker

    if not _CHECKER:
        _CHECKER.append(PhotoChecker())
    return _CHECKER[0]


@pytest.mark.parametrize("shape", [(10, 10, 3), (480, 640), (480, 640, 4), (0, 0, 3), (31, 640, 3)])
def test_photo_checks_refuse_what_is_not_a_colour_frame(shape: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="BGR frame"):
        _checker().assess(np.zeros(shape, dtype=np.uint8))


# --- card seal images ----------------------------------------------------------------------------

dmtx = pytest.importorskip("pylibdmtx.pylibdmtx", reason="pylibdmtx/libdmtx0b not installed", exc_type=ImportError)


def _seal_image(payload: bytes, scale: int = 4) -> Image.Image:
    from faskim_desktop.documents import datamatrix

    matrix = datamatrix.encode(payload)
    quiet = 3
    image = Image.new("L", (len(matrix) + 2 * quiet, len(matrix) + 2 * quiet), 255)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                image.putpixel((c + quiet, r + quiet), 0)
    return image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)


@st.composite
def seal_images(draw: st.DrawFn) -> Image.Image:
    """Noise, blank pages, odd modes and sizes, and real seals damaged as scans damage them."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    kind = draw(st.sampled_from(["noise", "blank", "damaged", "mode"]))
    if kind == "noise":
        size = (draw(st.integers(1, 300)), draw(st.integers(1, 300)))
        return Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    if kind == "blank":
        return Image.new(draw(st.sampled_from(["L", "RGB", "1"])), (draw(st.integers(1, 500)), 50),
                         draw(st.integers(0, 255)))
    image = _seal_image(rng.randbytes(draw(st.integers(1, 120)))).convert("RGB")
    if kind == "mode":
        return image.convert(draw(st.sampled_from(["1", "P", "RGBA", "CMYK", "I", "F"])))
    pixels = image.load()
    for _ in range(draw(st.integers(0, 6))):  # blots and scratches
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        for dx in range(rng.randrange(1, 30)):
            for dy in range(rng.randrange(1, 30)):
                if x + dx < image.width and y + dy < image.height:
                    pixels[x + dx, y + dy] = (rng.randrange(256),) * 3
    image = image.rotate(draw(st.integers(-30, 30)), expand=True, fillcolor=(255, 255, 255))
    box = (rng.randrange(0, 20), rng.randrange(0, 20), image.width - rng.randrange(0, 20),
           image.height - rng.randrange(0, 20))
    return image.crop(box)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seal_images())
def test_seal_reader_answers_any_image_in_bounded_time(image: Image.Image) -> None:
    from faskim_desktop.core import seal
    from faskim_desktop.documents.seal_reader import read_from_image

    payload = within(10, lambda: read_from_image(image, timeout_ms=300, budget_s=2.0))
    assert payload is None or isinstance(payload, bytes)
    if payload is not None:
        result = seal.verify(payload, {})
        assert not result.valid and result.reason_code  # a random payload is never a valid seal


def test_seal_reader_still_reads_a_clean_seal() -> None:
    from faskim_desktop.documents.seal_reader import read_from_image

    assert read_from_image(_seal_image(b"faskim-fuzz")) == b"faskim-fuzz"


@SLOW
@given(st.binary(max_size=3000))
@example(b"%PDF-1.4\n%garbage")
@example(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
def test_seal_files_of_any_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    from faskim_desktop.documents.seal_reader import SealReadError, read_seal

    path = tmp_path_factory.mktemp("seal") / "card.bin"
    path.write_bytes(data)
    with pytest.raises(SealReadError):
        within(60, lambda: read_seal(path))


# --- chip data (ICAO 9303 part 10 LDS files) -----------------------------------------------------

MRZ_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"


@FAST
@given(st.sampled_from([(44, 2), (36, 2), (30, 3)]), st.data())
def test_dg1_with_any_mrz_text(shape: tuple[int, int], data: st.DataObject) -> None:
    width, count = shape
    lines = [data.draw(st.text(alphabet=MRZ_CHARS, min_size=width, max_size=width)) for _ in range(count)]
    try:
        parsed = lds.parse_dg1(lds.build_dg1(lines))
    except LdsError as err:
        assert err.code.startswith("emrtd.") and err.params.get("file") == "DG1"
        return
    assert parsed.document_number is not None


@FAST
@given(st.binary(min_size=0, max_size=400), st.integers(0, 65535), st.integers(0, 65535), st.data())
def test_dg2_mutated_records(body: bytes, width: int, height: int, data: st.DataObject) -> None:
    image = b"\xff\xd8\xff\xe0" + body
    good = lds.build_dg2(image, width, height)
    face = lds.parse_dg2(good)
    assert (face.data, face.width, face.height, face.mime) == (image, width, height, lds.JPEG)
    damaged = bytearray(good)
    for _ in range(data.draw(st.integers(1, 8))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(damaged)))
    for candidate in (bytes(damaged), bytes(damaged[:cut])):
        try:
            result = lds.parse_dg2(candidate)
        except (LdsError, TLVError) as err:
            assert err.code.startswith("emrtd.")
        else:
            assert result.mime in (lds.JPEG, lds.JPEG2000) and len(result.data) <= len(candidate)


def test_chip_photo_service_refuses_what_is_not_an_image(workspace: Workspace) -> None:
    from faskim_desktop.core import sop
    from faskim_desktop.core.scripted_case import carry
    from faskim_desktop.core.services.chip_photo import ChipPhotoService
    from tests.conftest import principals, standard_crew

    p = principals(workspace)
    crew = standard_crew(p)
    case = carry(workspace, crew, until=sop.State.ENTRI).case
    assert case is not None
    service = ChipPhotoService(workspace, crew.loket)
    rng = random.Random(7)
    for junk, media in ((b"", "image/jpeg"), (b"\xff\xd8\xff", "image/jpeg"), (rng.randbytes(500), "image/jpeg"),
                        (b"\x00" * 100, "image/jp2"), (b"\xff\xd8\xff\xe0" + rng.randbytes(300), "image/jpeg")):
        before = snapshot(workspace)
        with pytest.raises(FaskimError):
            service.save(case.id, junk, media)
        assert snapshot(workspace) == before
    real = io.BytesIO()
    Image.new("RGB", (60, 80), (120, 100, 90)).save(real, "JPEG")
    assert service.save(case.id, real.getvalue(), "image/jpeg") > 0
