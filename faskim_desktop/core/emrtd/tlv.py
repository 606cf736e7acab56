"""BER-TLV as used on eMRTD chips (ISO/IEC 7816-4 §5.2, ITU-T X.690 §8.1).

Data from a chip is untrusted: every parse is bounded by the buffer, lengths are checked
before slicing, and anything that does not fit raises ``TLVError`` with a short reason code —
never ``IndexError``, never a loop that does not advance. Constructed values are parsed only
when asked (``children``), so deeply nested input costs nothing until it is walked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from faskim_desktop.core.emrtd.errors import TLVError

MAX_TAG_BYTES = 4
MAX_LENGTH_BYTES = 4  # lengths up to 4 GiB; an eMRTD file is at most a few hundred KiB


@dataclass(frozen=True)
class TLV:
    tag: int
    value: bytes
    header_length: int  # tag + length bytes
    raw: bytes = b""  # the whole object as it was encoded (for signatures over original bytes)

    @property
    def constructed(self) -> bool:
        first = self.tag
        while first > 0xFF:
            first >>= 8
        return bool(first & 0x20)

    @property
    def total_length(self) -> int:
        return self.header_length + len(self.value)

    def children(self) -> list[TLV]:
        if not self.constructed:
            raise TLVError(reason=f"tag {self.tag:X} is primitive")
        return parse_all(self.value)

    def find(self, tag: int) -> TLV | None:
        """The first direct child with ``tag``."""
        for child in self.children():
            if child.tag == tag:
                return child
        return None

    def require(self, tag: int) -> TLV:
        found = self.find(tag)
        if found is None:
            raise TLVError(reason=f"tag {tag:X} missing in {self.tag:X}")
        return found


def read_tag(data: bytes, offset: int) -> tuple[int, int]:
    """The tag starting at ``offset`` and the offset after it."""
    if offset >= len(data):
        raise TLVError(reason="truncated tag")
    first = data[offset]
    tag = first
    offset += 1
    if first & 0x1F == 0x1F:  # high tag number form: subsequent bytes, b8 = "more follows"
        count = 1
        while True:
            if offset >= len(data):
                raise TLVError(reason="truncated tag")
            byte = data[offset]
            offset += 1
            count += 1
            if count > MAX_TAG_BYTES:
                raise TLVError(reason="tag too long")
            tag = (tag << 8) | byte
            if not byte & 0x80:
                break
    return tag, offset


def read_length(data: bytes, offset: int) -> tuple[int, int]:
    """The length starting at ``offset`` and the offset after it."""
    if offset >= len(data):
        raise TLVError(reason="truncated length")
    first = data[offset]
    offset += 1
    if first < 0x80:
        return first, offset
    if first == 0x80:
        raise TLVError(reason="indefinite length")
    count = first & 0x7F
    if count > MAX_LENGTH_BYTES:
        raise TLVError(reason="length too long")
    if offset + count > len(data):
        raise TLVError(reason="truncated length")
    return int.from_bytes(data[offset : offset + count], "big"), offset + count


def read_header(data: bytes, offset: int = 0) -> tuple[int, int, int]:
    """(tag, value length, header length) of the object at ``offset``, value not required.

    Used on the first bytes of a file to learn its full size before reading the rest.
    """
    tag, pos = read_tag(data, offset)
    length, pos = read_length(data, pos)
    return tag, length, pos - offset


def parse_one(data: bytes, offset: int = 0) -> tuple[TLV, int]:
    """The object at ``offset`` and the offset just after it."""
    tag, pos = read_tag(data, offset)
    length, pos = read_length(data, pos)
    end = pos + length
    if end > len(data):
        raise TLVError(reason="truncated value")
    return TLV(tag, bytes(data[pos:end]), pos - offset, bytes(data[offset:end])), end


def iter_tlv(data: bytes) -> Iterator[TLV]:
    offset = 0
    while offset < len(data):
        tlv, nxt = parse_one(data, offset)
        offset = nxt  # always > offset: a header is at least two bytes
        yield tlv


def parse_all(data: bytes) -> list[TLV]:
    """Every object in ``data`` back to back; trailing garbage is an error."""
    return list(iter_tlv(data))


def expect(data: bytes, tag: int) -> TLV:
    """Parse the single object of a file that must start with ``tag`` (trailing bytes ignored)."""
    tlv, _ = parse_one(data, 0)
    if tlv.tag != tag:
        raise TLVError(reason=f"expected tag {tag:X}, found {tlv.tag:X}")
    return tlv


def encode_length(length: int) -> bytes:
    if length < 0:
        raise ValueError("negative length")
    if length < 0x80:
        return bytes([length])
    size = (length.bit_length() + 7) // 8
    return bytes([0x80 | size]) + length.to_bytes(size, "big")


def encode_tag(tag: int) -> bytes:
    return tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")


def encode(tag: int, value: bytes) -> bytes:
    return encode_tag(tag) + encode_length(len(value)) + value


# -- DER object identifiers (ITU-T X.690 §8.19) -------------------------------------------------


def decode_oid(value: bytes) -> str:
    if not value or value[-1] & 0x80:
        raise TLVError(reason="bad object identifier")
    arcs: list[int] = []
    current = 0
    for byte in value:
        current = (current << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(current)
            current = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first, *arcs[1:]])


def encode_oid(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray()
    for arc in [40 * arcs[0] + arcs[1], *arcs[2:]]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out.extend(reversed(chunk))
    return encode(0x06, bytes(out))
