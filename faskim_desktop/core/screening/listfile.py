"""Reading and validating the official cekal list file (CSV in UTF-8, or XLSX).

Header row: ``reference,name,aliases,dob,nationality,passports,list_type,reason,valid_from,
valid_until``. Aliases and passport numbers are separated by ``;``; ``dob`` is ``YYYY-MM-DD``,
``YYYY`` or empty; nationality is ISO 3166-1 alpha-3; list_type is ``cegah`` or ``tangkal``;
validity dates are ``YYYY-MM-DD`` or empty.

Validation never stops at the first problem: every error is collected with its line number and
field (``RowError``) so the sender of the list can correct the file in one pass. Rows are
streamed, so a national list never has to sit in memory as Python objects.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.core.screening.matcher import Dob, parse_dob
from faskim_desktop.core.screening.normalise import NormalName, normalise, normalise_passport

COLUMNS = (
    "reference",
    "name",
    "aliases",
    "dob",
    "nationality",
    "passports",
    "list_type",
    "reason",
    "valid_from",
    "valid_until",
)
REQUIRED = ("reference", "name", "list_type")
LIST_TYPES = ("cegah", "tangkal")
_ALPHA3 = re.compile(r"^[A-Z]{3}$")
MAX_REFERENCE = 64
MAX_NAME = 300
MAX_REASON = 2000


@dataclass(frozen=True)
class RowError:
    line: int  # 1-based line of the file (CSV) or row of the sheet (XLSX); 0 = the file itself
    field: str  # column name, or "" for the file / the whole row
    code: str
    params: tuple[tuple[str, object], ...] = ()

    def message(self, language: str | None = None) -> str:
        params = dict(self.params)
        params.setdefault("line", self.line)
        params.setdefault("field", self.field)
        text = messages.text(self.code, params, language)
        if not self.line:
            return text
        where_code = "cekal.import.where_field" if self.field else "cekal.import.where"
        return f"{messages.text(where_code, {'line': self.line, 'field': self.field}, language)}: {text}"


class ListFileError(FaskimError):
    """The list file was refused; ``errors`` holds every problem found. Nothing was written."""

    code = "cekal.import.invalid"

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("cekal.import.invalid", count=len(errors))


@dataclass(frozen=True)
class ListRow:
    line: int
    reference: str
    name: str
    aliases: tuple[str, ...]
    dob: str  # as given (validated)
    dob_parsed: Dob | None
    nationality: str
    passports: tuple[str, ...]  # normalised
    list_type: str
    reason: str
    valid_from: date | None
    valid_until: date | None
    names: tuple[NormalName, ...] = ()  # the name, then each alias, normalised

    def digest(self) -> int:
        """A content hash for the diff between versions (signed 63-bit)."""
        blob = "\x1f".join(
            (
                self.name,
                "\x1e".join(self.aliases),
                self.dob,
                self.nationality,
                "\x1e".join(self.passports),
                self.list_type,
                self.reason,
                self.valid_from.isoformat() if self.valid_from else "",
                self.valid_until.isoformat() if self.valid_until else "",
            )
        )
        return int.from_bytes(hashlib.blake2b(blob.encode(), digest_size=8).digest(), "big") >> 1


# --- reading raw rows ---------------------------------------------------------------------------


def _is_xlsx(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm") or head.startswith(b"PK\x03\x04")


def _raw_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of the file, header included; raises ListFileError for unreadable files."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError as err:
        raise ListFileError([RowError(0, "", "cekal.import.unreadable", (("reason", err.strerror or ""),))]) from err
    if size == 0:
        raise ListFileError([RowError(0, "", "cekal.import.empty_file")])
    if _is_xlsx(path, head):
        yield from _xlsx_rows(path)
    else:
        yield from _csv_rows(path, head)


def _csv_rows(path: Path, head: bytes) -> Iterator[tuple[int, list[str]]]:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (len(head) >= 2 and b"\x00" in head):
        raise ListFileError([RowError(0, "", "cekal.import.encoding", (("detail", "UTF-16"),))])
    # Streamed: a national list is decoded line by line, never held as one string.
    handle = path.open("r", encoding="utf-8-sig", errors="strict", newline="")
    reader = csv.reader(handle)
    start = 1
    try:
        for cells in reader:
            if "\x00" in "".join(cells):
                raise ListFileError([RowError(start, "", "cekal.import.encoding", (("detail", "NUL"),))])
            yield start, cells
            start = reader.line_num + 1
    except UnicodeDecodeError as err:
        raise ListFileError([RowError(_bad_byte_line(path), "", "cekal.import.encoding", (("detail", "byte"),))]) from err
    except csv.Error as err:
        raise ListFileError([RowError(reader.line_num, "", "cekal.import.csv_syntax")]) from err
    finally:
        handle.close()


def _bad_byte_line(path: Path) -> int:
    """The line of the first byte sequence that is not UTF-8 (only called when decoding failed)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.readline(1 << 20), b""):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return line
            line += chunk.count(b"\n")
    return line


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    if not zipfile.is_zipfile(path):
        raise ListFileError([RowError(0, "", "cekal.import.not_xlsx")])
    try:
        import openpyxl
    except ImportError as err:  # pragma: no cover - openpyxl is a declared dependency
        raise ListFileError([RowError(0, "", "cekal.import.not_xlsx")]) from err
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many types for damaged workbooks
        raise ListFileError([RowError(0, "", "cekal.import.not_xlsx")]) from err
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(v) for v in values]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):  # datetime is a date too: Excel stores dates as datetimes
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a year typed into a number cell
    return str(value)


# --- validation ---------------------------------------------------------------------------------


def _parse_date(text: str) -> date | None:
    if not text:
        return None
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(text)
    return date.fromisoformat(text)


def _check_row(line: int, cells: list[str], positions: list[int], errors: list[RowError]) -> ListRow | None:
    width = len(cells)
    (reference, name, aliases_text, dob_text, nationality, passports_text, list_type, reason, valid_from,
     valid_until) = [cells[p].strip() if p < width else "" for p in positions]  # fmt: skip
    before = len(errors)

    def bad(field: str, code: str, **params: object) -> None:
        errors.append(RowError(line, field, code, tuple(params.items())))

    if not reference:
        bad("reference", "cekal.import.required")
    elif len(reference) > MAX_REFERENCE:
        bad("reference", "cekal.import.too_long", limit=MAX_REFERENCE)
    names: list[NormalName] = []
    if not name:
        bad("name", "cekal.import.required")
    elif len(name) > MAX_NAME:
        bad("name", "cekal.import.too_long", limit=MAX_NAME)
    else:
        normal = normalise(name)
        if normal.empty:
            bad("name", "cekal.import.name_unreadable")
        names.append(normal)
    aliases: tuple[str, ...] = ()
    if aliases_text:
        aliases = tuple(a.strip() for a in aliases_text.split(";") if a.strip())
        for alias in aliases:
            if len(alias) > MAX_NAME:
                bad("aliases", "cekal.import.too_long", limit=MAX_NAME)
                continue
            normal = normalise(alias)
            if normal.empty:
                bad("aliases", "cekal.import.name_unreadable")
            names.append(normal)
    dob: Dob | None = None
    if dob_text:
        try:
            dob = parse_dob(dob_text)
        except ValueError:
            bad("dob", "cekal.import.bad_dob")
    nationality = nationality.upper()
    if nationality and not _ALPHA3.match(nationality):
        bad("nationality", "cekal.import.bad_nationality")
    passports: list[str] = []
    if passports_text:
        for raw in passports_text.split(";"):
            if raw.strip():
                number = normalise_passport(raw)
                if not number or len(raw.strip()) > 32:
                    bad("passports", "cekal.import.bad_passport")
                else:
                    passports.append(number)
    list_type = list_type.lower()
    if not list_type:
        bad("list_type", "cekal.import.required")
    elif list_type not in LIST_TYPES:
        bad("list_type", "cekal.import.bad_list_type")
    if len(reason) > MAX_REASON:
        bad("reason", "cekal.import.too_long", limit=MAX_REASON)
    dates: dict[str, date | None] = {}
    for field, text in (("valid_from", valid_from), ("valid_until", valid_until)):
        try:
            dates[field] = _parse_date(text)
        except ValueError:
            dates[field] = None
            bad(field, "cekal.import.bad_date")
    if dates["valid_from"] and dates["valid_until"] and dates["valid_until"] < dates["valid_from"]:
        bad("valid_until", "cekal.import.validity_reversed")
    if len(errors) > before:
        return None
    return ListRow(
        line=line,
        reference=reference,
        name=name,
        aliases=aliases,
        dob=dob_text,
        dob_parsed=dob,
        nationality=nationality,
        passports=tuple(dict.fromkeys(passports)),
        list_type=list_type,
        reason=reason,
        valid_from=dates["valid_from"],
        valid_until=dates["valid_until"],
        names=tuple(names),
    )


def records(path: Path, errors: list[RowError]) -> Iterator[tuple[int, list[str], list[int], bool]]:
    """(line, cells, column positions, is a duplicate) of every data row, before field checks.

    Problems of the file as a whole raise ``ListFileError`` at once (empty, wrong encoding, not
    a workbook, header without the required columns); row-level problems found here (too many
    cells, a reference already used) are appended to ``errors``.
    """
    seen: dict[str, int] = {}  # reference -> first line
    header_seen = False
    names: list[str] = []
    positions: list[int] = []
    for line, cells in _raw_rows(Path(path)):
        if not header_seen:
            if not any(c.strip() for c in cells):
                continue  # blank lines before the header
            header_seen = True
            names = [c.strip().lower().lstrip("\ufeff") for c in cells]
            index = {name: position for position, name in enumerate(names) if name}
            missing = [c for c in COLUMNS if c not in index]
            if missing:
                raise ListFileError(
                    [RowError(line, "", "cekal.import.missing_columns", (("columns", ", ".join(missing)),))]
                )
            positions = [index[c] for c in COLUMNS]
            continue
        if not "".join(cells).strip():
            continue  # blank line
        if len(cells) > len(names) and any(c.strip() for c in cells[len(names) :]):
            errors.append(RowError(line, "", "cekal.import.row_length", (("expected", len(names)),)))
            continue
        reference = cells[positions[0]].strip() if positions[0] < len(cells) else ""
        duplicate = False
        if reference:  # duplicates are found among every row, valid or not
            first = seen.setdefault(reference, line)
            if first != line:
                errors.append(RowError(line, "reference", "cekal.import.duplicate_reference", (("first", first),)))
                duplicate = True
        yield line, cells, positions, duplicate
    if not header_seen:
        raise ListFileError([RowError(0, "", "cekal.import.empty_file")])


def check_records(
    batch: list[tuple[int, list[str], list[int], bool]],
) -> tuple[list[RowError], list[ListRow]]:
    """Field checks of a batch of records (run in worker processes for large files)."""
    errors: list[RowError] = []
    rows: list[ListRow] = []
    for line, cells, positions, duplicate in batch:
        row = _check_row(line, cells, positions, errors)
        if row is not None and not duplicate:
            rows.append(row)
    return errors, rows


def read_rows(path: Path, errors: list[RowError]) -> Iterator[ListRow]:
    """Valid rows of the file, in order; every problem found is appended to ``errors``."""
    for line, cells, positions, duplicate in records(path, errors):
        row = _check_row(line, cells, positions, errors)
        if row is not None and not duplicate:
            yield row


def check_file(path: Path) -> list[RowError]:
    """Every error of the file, without touching any store."""
    errors: list[RowError] = []
    try:
        for _row in read_rows(path, errors):
            pass
    except ListFileError as err:
        return err.errors
    return errors


messages.register(
    {
        "cekal.import.invalid": {
            "id": "Daftar cekal tidak diimpor: {count} kesalahan ditemukan. Tidak ada data yang diubah.",
            "en": "The cekal list was not imported: {count} errors found. Nothing was changed.",
        },
        "cekal.import.where": {"id": "Baris {line}", "en": "Line {line}"},
        "cekal.import.where_field": {"id": "Baris {line}, kolom {field}", "en": "Line {line}, field {field}"},
        "cekal.import.unreadable": {
            "id": "Berkas tidak dapat dibaca ({reason}).",
            "en": "The file cannot be read ({reason}).",
        },
        "cekal.import.empty_file": {
            "id": "Berkas kosong: tidak ada baris judul maupun data.",
            "en": "The file is empty: no header row and no data.",
        },
        "cekal.import.encoding": {
            "id": "Berkas bukan teks UTF-8 ({detail}). Simpan ulang sebagai CSV UTF-8 lalu coba lagi.",
            "en": "The file is not UTF-8 text ({detail}). Save it again as CSV UTF-8 and retry.",
        },
        "cekal.import.csv_syntax": {
            "id": "format CSV rusak (tanda kutip tidak ditutup).",
            "en": "broken CSV (an unclosed quote).",
        },
        "cekal.import.not_xlsx": {
            "id": "Berkas bukan buku kerja Excel (.xlsx) yang sah.",
            "en": "The file is not a valid Excel workbook (.xlsx).",
        },
        "cekal.import.missing_columns": {
            "id": "Baris judul tidak memuat kolom: {columns}.",
            "en": "The header row lacks the columns: {columns}.",
        },
        "cekal.import.row_length": {
            "id": "jumlah kolom lebih dari {expected}.",
            "en": "more than {expected} columns.",
        },
        "cekal.import.required": {"id": "wajib diisi.", "en": "is required."},
        "cekal.import.too_long": {
            "id": "terlalu panjang (paling banyak {limit} karakter).",
            "en": "too long (at most {limit} characters).",
        },
        "cekal.import.name_unreadable": {
            "id": "nama tidak memuat huruf Latin yang dapat dibandingkan.",
            "en": "the name holds no Latin letters that can be compared.",
        },
        "cekal.import.bad_dob": {
            "id": "tanggal lahir harus TTTT-BB-HH, TTTT, atau kosong.",
            "en": "date of birth must be YYYY-MM-DD, YYYY or empty.",
        },
        "cekal.import.bad_nationality": {
            "id": "kewarganegaraan harus kode ISO 3166 tiga huruf (mis. IDN).",
            "en": "nationality must be a three-letter ISO 3166 code (e.g. IDN).",
        },
        "cekal.import.bad_passport": {
            "id": "nomor paspor tidak sah (huruf dan angka, paling banyak 32).",
            "en": "invalid passport number (letters and digits, at most 32).",
        },
        "cekal.import.bad_list_type": {
            "id": "jenis daftar harus 'cegah' atau 'tangkal'.",
            "en": "list type must be 'cegah' or 'tangkal'.",
        },
        "cekal.import.bad_date": {
            "id": "tanggal harus TTTT-BB-HH atau kosong.",
            "en": "date must be YYYY-MM-DD or empty.",
        },
        "cekal.import.validity_reversed": {
            "id": "berlaku sampai lebih awal dari berlaku mulai.",
            "en": "valid until is earlier than valid from.",
        },
        "cekal.import.duplicate_reference": {
            "id": "nomor referensi sudah dipakai di baris {first}.",
            "en": "reference already used on line {first}.",
        },
    }
)
