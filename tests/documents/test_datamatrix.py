"""The Base 256 Data Matrix encoder, checked against libdmtx."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from faskim_desktop.documents import datamatrix

dmtx = pytest.importorskip("pylibdmtx.pylibdmtx", reason="pylibdmtx/libdmtx0b not installed",
                           exc_type=ImportError)

from faskim_desktop.documents.seal_reader import read_from_image  # noqa: E402


def as_image(matrix: list[list[bool]], scale: int = 4, quiet: int = 3) -> Image.Image:
    n = len(matrix)
    image = Image.new("L", (n + 2 * quiet, n + 2 * quiet), 255)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                image.putpixel((c + quiet, r + quiet), 0)
    return image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)


@pytest.mark.parametrize("length", [1, 3, 10, 21, 43, 60, 100, 143, 172, 201, 202, 249, 250, 251, 300, 500])
def test_libdmtx_reads_what_we_encode(length: int) -> None:
    payload = random.Random(length).randbytes(length)
    payload = b"\x00" + payload[1:]  # a NUL byte must survive (pylibdmtx.decode itself would cut it)
    matrix = datamatrix.encode(payload)
    assert len(matrix) == datamatrix.choose_size(length).size
    assert read_from_image(as_image(matrix)) == payload


def test_symbol_grows_with_payload() -> None:
    sizes = [datamatrix.choose_size(n).size for n in (1, 50, 150, 210, 400, 800)]
    assert sizes == sorted(sizes) and sizes[0] == 10 and sizes[-1] == 104


def test_finder_pattern() -> None:
    matrix = datamatrix.encode(b"faskim")
    n = len(matrix)
    assert all(matrix[r][0] for r in range(n))  # solid left edge
    assert all(matrix[n - 1][c] for c in range(n))  # solid bottom edge
    assert [matrix[0][c] for c in range(n)] == [c % 2 == 0 for c in range(n)]


def test_too_large_and_wrong_type() -> None:
    with pytest.raises(datamatrix.DataMatrixCapacityError):
        datamatrix.encode(b"x" * (datamatrix.MAX_PAYLOAD + 20))
    with pytest.raises(TypeError):
        datamatrix.encode("text")  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from([16, 64, 300]), st.sampled_from([0, 128, 255]))
def test_reader_never_raises_on_noise(seed: int, side: int, floor: int) -> None:
    noise = bytes(max(floor, b) for b in random.Random(seed).randbytes(64 * 64))
    image = Image.frombytes("L", (64, 64), noise).resize((side, side))
    result = read_from_image(image, timeout_ms=200, budget_s=1.0)
    assert result is None or isinstance(result, bytes)
