"""A Data Matrix ECC 200 encoder for binary payloads (ISO/IEC 16022), drawn as vectors.

reportlab ships an ``ECC200DataMatrix`` widget, but it only makes the 44×44 symbol in C40 mode
(144 data codewords, upper-case text): too small for a signed seal of the card's fields plus a
64-byte ECDSA signature. ICAO Doc 9303 part 13 (Visible Digital Seals) stores the seal as binary
in a Data Matrix, so this module encodes in **Base 256** mode and picks the smallest square
symbol (10×10 … 104×104) that holds the payload.

The pieces follow ISO/IEC 16022:2006:
- 5.2.9 Base 256 encodation with the 255-state randomising algorithm (Annex B.1);
- 5.2.2 pad codewords randomised with the 253-state algorithm (Annex B.2 — note: "first pad is
  129 unrandomised");
- Reed-Solomon error correction over GF(256) with the field polynomial x^8+x^5+x^3+x^2+1
  (0x12D), generator roots 2^1 … 2^n, blocks interleaved for the larger symbols (5.7, Table 7);
- the module placement algorithm of Annex F ("utah" shapes and the four corner cases);
- finder and clock patterns around each data region (5.1).

``encode()`` returns the module matrix (rows of booleans, True = dark, row 0 at the top);
``draw_matrix()`` paints it onto a reportlab canvas. The encoder is checked against libdmtx
(pylibdmtx) in the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class SymbolSize:
    size: int  # modules per side, finder patterns included
    regions: int  # data regions per side
    data_codewords: int
    ecc_per_block: int
    blocks: int

    @property
    def region_size(self) -> int:
        return self.size // self.regions - 2

    @property
    def mapping_size(self) -> int:
        return self.region_size * self.regions


# ISO/IEC 16022 Table 7, square symbols up to 104×104 (120+ need uneven blocks; not needed here).
SQUARE_SIZES: tuple[SymbolSize, ...] = (
    SymbolSize(10, 1, 3, 5, 1),
    SymbolSize(12, 1, 5, 7, 1),
    SymbolSize(14, 1, 8, 10, 1),
    SymbolSize(16, 1, 12, 12, 1),
    SymbolSize(18, 1, 18, 14, 1),
    SymbolSize(20, 1, 22, 18, 1),
    SymbolSize(22, 1, 30, 20, 1),
    SymbolSize(24, 1, 36, 24, 1),
    SymbolSize(26, 1, 44, 28, 1),
    SymbolSize(32, 2, 62, 36, 1),
    SymbolSize(36, 2, 86, 42, 1),
    SymbolSize(40, 2, 114, 48, 1),
    SymbolSize(44, 2, 144, 56, 1),
    SymbolSize(48, 2, 174, 68, 1),
    SymbolSize(52, 2, 204, 42, 2),
    SymbolSize(64, 4, 280, 56, 2),
    SymbolSize(72, 4, 368, 36, 4),
    SymbolSize(80, 4, 456, 48, 4),
    SymbolSize(88, 4, 576, 56, 4),
    SymbolSize(96, 4, 696, 68, 4),
    SymbolSize(104, 4, 816, 56, 6),
)

MAX_PAYLOAD = 800  # bytes that fit in 104×104 with the Base 256 header


class DataMatrixCapacityError(ValueError):
    """The payload does not fit the largest symbol this encoder makes."""


# --- Galois field GF(256), primitive polynomial 0x12D (ISO/IEC 16022 5.7.1) -------------------

_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _i in range(255):
    _EXP[_i] = _value
    _LOG[_value] = _i
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x12D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


def _gf_mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[_LOG[a] + _LOG[b]]


def _generator(degree: int) -> list[int]:
    """Coefficients of prod(x - 2^i), i = 1..degree, highest power first (leading 1 dropped)."""
    poly = [1]
    for i in range(1, degree + 1):
        root = _EXP[i]
        nxt = [0] * (len(poly) + 1)
        for j, coef in enumerate(poly):
            nxt[j] ^= coef
            nxt[j + 1] ^= _gf_mul(coef, root)
        poly = nxt
    return poly[1:]


_GENERATORS: dict[int, list[int]] = {}


def _reed_solomon(data: list[int], degree: int) -> list[int]:
    gen = _GENERATORS.get(degree)
    if gen is None:
        gen = _GENERATORS[degree] = _generator(degree)
    remainder = [0] * degree
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = [*remainder[1:], 0]
        if factor:
            for j in range(degree):
                remainder[j] ^= _gf_mul(gen[j], factor)
    return remainder


# --- encodation -------------------------------------------------------------------------------

def _randomise_255(value: int, position: int) -> int:
    pseudo = ((149 * position) % 255) + 1
    tmp = value + pseudo
    return tmp if tmp <= 255 else tmp - 256


def _base256_codewords(payload: bytes) -> list[int]:
    codewords = [231]  # latch to Base 256
    length = len(payload)
    header = [length] if length <= 249 else [length // 250 + 249, length % 250]
    for value in [*header, *payload]:
        codewords.append(_randomise_255(value, len(codewords) + 1))
    return codewords


def _pad(codewords: list[int], capacity: int) -> list[int]:
    padded = list(codewords)
    if len(padded) < capacity:
        padded.append(129)
    while len(padded) < capacity:
        position = len(padded) + 1
        pseudo = ((149 * position) % 253) + 1
        tmp = 129 + pseudo
        padded.append(tmp if tmp <= 254 else tmp - 254)
    return padded


def choose_size(payload_length: int) -> SymbolSize:
    needed = 1 + (1 if payload_length <= 249 else 2) + payload_length
    for size in SQUARE_SIZES:
        if size.data_codewords >= needed:
            return size
    raise DataMatrixCapacityError(f"payload of {payload_length} bytes is too large")


def _with_ecc(data: list[int], size: SymbolSize) -> list[int]:
    blocks = size.blocks
    ecc = [0] * (size.ecc_per_block * blocks)
    for b in range(blocks):
        block_data = data[b::blocks]  # interleaved: codeword i belongs to block i mod blocks
        block_ecc = _reed_solomon(block_data, size.ecc_per_block)
        for j, value in enumerate(block_ecc):
            ecc[j * blocks + b] = value
    return data + ecc


# --- placement (ISO/IEC 16022 Annex F) --------------------------------------------------------

class _Placer:
    def __init__(self, nrow: int, ncol: int, codewords: list[int]) -> None:
        self.nrow = nrow
        self.ncol = ncol
        self.codewords = codewords
        self.grid: list[list[int | None]] = [[None] * ncol for _ in range(nrow)]

    def module(self, row: int, col: int, index: int, bit: int) -> None:
        if row < 0:
            row += self.nrow
            col += 4 - ((self.nrow + 4) % 8)
        if col < 0:
            col += self.ncol
            row += 4 - ((self.ncol + 4) % 8)
        value = self.codewords[index] if index < len(self.codewords) else 0
        self.grid[row][col] = (value >> (8 - bit)) & 1

    def utah(self, row: int, col: int, index: int) -> None:
        for bit, (dr, dc) in enumerate(((-2, -2), (-2, -1), (-1, -2), (-1, -1), (-1, 0), (0, -2), (0, -1), (0, 0)), 1):
            self.module(row + dr, col + dc, index, bit)

    def corner(self, cells: tuple[tuple[int, int], ...], index: int) -> None:
        for bit, (r, c) in enumerate(cells, 1):
            self.module(r, c, index, bit)

    def place(self) -> list[list[int]]:
        nrow, ncol = self.nrow, self.ncol
        index, row, col = 0, 4, 0
        while True:
            if row == nrow and col == 0:
                self.corner(((nrow - 1, 0), (nrow - 1, 1), (nrow - 1, 2), (0, ncol - 2), (0, ncol - 1),
                             (1, ncol - 1), (2, ncol - 1), (3, ncol - 1)), index)
                index += 1
            if row == nrow - 2 and col == 0 and ncol % 4:
                self.corner(((nrow - 3, 0), (nrow - 2, 0), (nrow - 1, 0), (0, ncol - 4), (0, ncol - 3),
                             (0, ncol - 2), (0, ncol - 1), (1, ncol - 1)), index)
                index += 1
            if row == nrow - 2 and col == 0 and ncol % 8 == 4:
                self.corner(((nrow - 3, 0), (nrow - 2, 0), (nrow - 1, 0), (0, ncol - 2), (0, ncol - 1),
                             (1, ncol - 1), (2, ncol - 1), (3, ncol - 1)), index)
                index += 1
            if row == nrow + 4 and col == 2 and ncol % 8 == 0:
                self.corner(((nrow - 1, 0), (nrow - 1, ncol - 1), (0, ncol - 3), (0, ncol - 2), (0, ncol - 1),
                             (1, ncol - 3), (1, ncol - 2), (1, ncol - 1)), index)
                index += 1
            while True:  # sweep up and to the right
                if col >= 0 and row < nrow and self.grid[row][col] is None:
                    self.utah(row, col, index)
                    index += 1
                row -= 2
                col += 2
                if row < 0 or col >= ncol:
                    break
            row += 1
            col += 3
            while True:  # sweep down and to the left
                if row >= 0 and col < ncol and self.grid[row][col] is None:
                    self.utah(row, col, index)
                    index += 1
                row += 2
                col -= 2
                if row >= nrow or col < 0:
                    break
            row += 3
            col += 1
            if row >= nrow and col >= ncol:
                break
        if self.grid[nrow - 1][ncol - 1] is None:  # the fixed pattern of the unused corner
            self.grid[nrow - 1][ncol - 1] = 1
            self.grid[nrow - 2][ncol - 2] = 1
        return [[cell or 0 for cell in line] for line in self.grid]


def _add_finders(mapping: list[list[int]], size: SymbolSize) -> list[list[bool]]:
    n = size.size
    region = size.region_size
    symbol = [[False] * n for _ in range(n)]
    for ry in range(size.regions):
        for rx in range(size.regions):
            top = ry * (region + 2)
            left = rx * (region + 2)
            for i in range(region + 2):
                symbol[top + region + 1][left + i] = True  # solid bottom edge
                symbol[top + i][left] = True  # solid left edge
                symbol[top][left + i] = i % 2 == 0  # clock track on top
                symbol[top + i][left + region + 1] = i % 2 == 1  # clock track on the right
            symbol[top + region + 1][left + region + 1] = True
            symbol[top][left] = True
            for y in range(region):
                for x in range(region):
                    symbol[top + 1 + y][left + 1 + x] = bool(mapping[ry * region + y][rx * region + x])
    return symbol


def encode(payload: bytes) -> list[list[bool]]:
    """The module matrix of the smallest square Data Matrix that carries ``payload`` in Base 256."""
    if not isinstance(payload, bytes | bytearray):
        raise TypeError("payload must be bytes")
    size = choose_size(len(payload))
    data = _pad(_base256_codewords(bytes(payload)), size.data_codewords)
    codewords = _with_ecc(data, size)
    mapping = _Placer(size.mapping_size, size.mapping_size, codewords).place()
    return _add_finders(mapping, size)


def draw_matrix(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, side: float) -> None:
    """Paint ``matrix`` as a square of ``side`` points with its lower-left corner at (x, y).

    Dark runs of a row are drawn as one rectangle each, which keeps the PDF small and avoids
    hairline gaps between neighbouring modules in some rasterisers.
    """
    n = len(matrix)
    module = side / n
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for r, line in enumerate(matrix):
        top = y + side - (r + 1) * module
        c = 0
        while c < n:
            if line[c]:
                start = c
                while c < n and line[c]:
                    c += 1
                path.rect(x + start * module, top, (c - start) * module, module)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
