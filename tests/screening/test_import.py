"""Importing list files: validation of every error, atomicity, versions and their diff."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from faskim_desktop.core.screening import importer
from faskim_desktop.core.screening.listfile import COLUMNS, ListFileError, check_file
from faskim_desktop.store.db import Store

from .conftest import REPO, row, write_list

GOOD = [
    row("R1", "Budi Santoso", dob="1980-01-02", nationality="IDN", passports="A1234567;B7654321"),
    row("R2", "Muhammad Yusuf", aliases="Mohd Yousef;Abu Yusuf", dob="1975", list_type="cegah"),
    row("R3", "Hans Müller", nationality="deu"),
]


def count(store: Store, table: str) -> int:
    with store.read() as session:
        return session.connection().execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


def refused(store: Store, path: Path) -> list:
    with pytest.raises(ListFileError) as caught:
        importer.import_list(store, path)
    assert caught.value.message()  # words in the user's language
    for error in caught.value.errors:
        assert error.message("id") and error.message("en")
    return caught.value.errors


def test_import_counts_and_index(store: Store, tmp_path: Path) -> None:
    result = importer.import_list(store, write_list(tmp_path / "l.csv", GOOD))
    assert (result.entries, result.cegah, result.tangkal) == (3, 1, 2)
    assert (result.names, result.passports, result.added) == (5, 2, 3)
    assert result.keys > 0 and count(store, "cekal_key") == result.keys
    with store.read() as session:
        nat = session.connection().execute(text("SELECT nationality FROM cekal_entry WHERE reference='R3'")).scalar()
    assert nat == "DEU"


def test_example_file_imports(store: Store) -> None:
    result = importer.import_list(store, REPO / "resources" / "cekal" / "example.csv")
    assert result.entries == 5


def test_versions_and_diff(store: Store, tmp_path: Path) -> None:
    first = importer.import_list(store, write_list(tmp_path / "a.csv", GOOD))
    second_rows = [GOOD[0], row("R2", "Muhammad Yusuf", dob="1976", list_type="cegah"), row("R4", "Siti Aminah")]
    second = importer.import_list(store, write_list(tmp_path / "b.csv", second_rows))
    assert (second.added, second.removed, second.changed, second.unchanged) == (1, 1, 1, 1)
    assert importer.changes(store, second.version) == {"added": ["R4"], "removed": ["R3"], "changed": ["R2"]}
    listed = importer.versions(store)
    assert [v.id for v in listed] == [first.version, second.version]
    assert listed[-1].entries == 3 and importer.current_version(store) == second.version
    with store.read() as session:  # unchanged entries keep the version that brought them
        versions = dict(session.connection().execute(text("SELECT reference, version_id FROM cekal_entry")).all())
    assert versions == {"R1": first.version, "R2": second.version, "R4": second.version}


def test_every_error_with_line_and_field(store: Store, tmp_path: Path) -> None:
    rows = [
        row("R1", "Budi", dob="1980-13-01"),  # line 2
        row("", "", list_type="hukum"),  # line 3: three errors
        row("R3", "Ani", valid_from="2025/01/01", valid_until="2024-01-01", nationality="ID"),  # line 4
        row("R1", "Dup"),  # line 5: duplicate
        row("R5", "李小龙", passports="!!!"),  # line 6
        row("R6", "Ok", valid_from="2025-02-01", valid_until="2025-01-01"),  # line 7
    ]
    errors = refused(store, write_list(tmp_path / "bad.csv", rows))
    found = {(e.line, e.field, e.code) for e in errors}
    assert found == {
        (2, "dob", "cekal.import.bad_dob"),
        (3, "reference", "cekal.import.required"),
        (3, "name", "cekal.import.required"),
        (3, "list_type", "cekal.import.bad_list_type"),
        (4, "valid_from", "cekal.import.bad_date"),
        (4, "nationality", "cekal.import.bad_nationality"),
        (5, "reference", "cekal.import.duplicate_reference"),
        (6, "name", "cekal.import.name_unreadable"),
        (6, "passports", "cekal.import.bad_passport"),
        (7, "valid_until", "cekal.import.validity_reversed"),
    }
    assert check_file(tmp_path / "bad.csv") == errors
    assert "Baris 5, kolom reference" in next(e for e in errors if e.line == 5).message("id")
    assert count(store, "cekal_version") == 0 and count(store, "cekal_entry") == 0


def test_bad_import_changes_nothing(store: Store, tmp_path: Path) -> None:
    importer.import_list(store, write_list(tmp_path / "a.csv", GOOD))
    keys = count(store, "cekal_key")
    bad = [*GOOD, row("R9", "Late Error", dob="yesterday")]  # the error is on the last line
    refused(store, write_list(tmp_path / "b.csv", bad))
    assert count(store, "cekal_version") == 1
    assert count(store, "cekal_entry") == 3 and count(store, "cekal_key") == keys


def test_utf8_bom_is_accepted(store: Store, tmp_path: Path) -> None:
    path = write_list(tmp_path / "l.csv", GOOD)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert importer.import_list(store, path).entries == 3


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "latin-1"])
def test_wrong_encoding(store: Store, tmp_path: Path, encoding: str) -> None:
    path = write_list(tmp_path / "l.csv", GOOD)
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    errors = refused(store, path)
    assert [e.code for e in errors] == ["cekal.import.encoding"]
    if encoding == "latin-1":
        assert errors[0].line == 4  # the line holding "Müller"


def test_missing_columns(store: Store, tmp_path: Path) -> None:
    header = [c for c in COLUMNS if c not in ("dob", "list_type")]
    errors = refused(store, write_list(tmp_path / "l.csv", GOOD, header=header))
    assert errors[0].code == "cekal.import.missing_columns"
    assert "dob" in errors[0].message("en") and "list_type" in errors[0].message("en")


def test_zero_byte_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert [e.code for e in refused(store, path)] == ["cekal.import.empty_file"]


def test_header_only(store: Store, tmp_path: Path) -> None:
    assert [e.code for e in refused(store, write_list(tmp_path / "h.csv", []))] == ["cekal.import.no_rows"]


def test_unclosed_quote(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text(",".join(COLUMNS) + '\nR1,"Budi,,,,,tangkal,,,\n', encoding="utf-8")
    errors = refused(store, path)
    assert errors and errors[0].code in ("cekal.import.csv_syntax", "cekal.import.required", "cekal.import.row_length")


def test_xlsx_that_is_not_a_zip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_text("reference,name\n", encoding="utf-8")
    assert [e.code for e in refused(store, path)] == ["cekal.import.not_xlsx"]


def test_zip_that_is_not_a_workbook(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert [e.code for e in refused(store, path)] == ["cekal.import.not_xlsx"]


def test_xlsx_import(store: Store, tmp_path: Path) -> None:
    from datetime import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    sheet.append(["X1", "Siti Aminah", "", datetime(1990, 5, 6), "IDN", "", "cegah", "", "", ""])
    sheet.append(["X2", "Joko", "", 1970, "", "", "tangkal", "", "", "2030-01-01"])
    sheet.append(["X3", "Bad Date", "", "06/05/1990", "", "", "tangkal", "", "", ""])
    path = tmp_path / "list.xlsx"
    book.save(path)
    errors = refused(store, path)
    assert [(e.line, e.field) for e in errors] == [(4, "dob")]
    sheet.delete_rows(4)
    book.save(path)
    result = importer.import_list(store, path)
    assert result.entries == 2 and result.cegah == 1


def test_parallel_preparation_gives_the_same_index(store: Store, tmp_path: Path, monkeypatch, bench) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.csv"
    bench.generate_list(path, 1500, seed=11)
    sequential = importer.import_list(store, path)
    with store.read() as session:
        keys_before = session.connection().execute(text("SELECT key, dob_year, name_id FROM cekal_key")).all()
    monkeypatch.setattr(importer, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(importer, "CHUNK", 500)
    parallel = importer.import_list(store, path)
    assert (parallel.entries, parallel.keys, parallel.unchanged) == (sequential.entries, sequential.keys, 1500)
    with store.read() as session:
        assert session.connection().execute(text("SELECT key, dob_year, name_id FROM cekal_key")).all() == keys_before
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[700] = lines[700].replace(",tangkal,", ",hukum,").replace(",cegah,", ",hukum,")
    lines.append(lines[10])  # a duplicate at the end
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = refused(store, path)
    assert [(e.line, e.field) for e in errors] == [(701, "list_type"), (len(lines), "reference")]
    assert count(store, "cekal_version") == 2


def test_index_rows_sorted_and_a_hash_collision_stored_once(store: Store) -> None:
    """Two key strings of one name hashing alike would repeat a (key, year, name) row: stored once."""
    with store.write() as session:
        conn = session.connection()
        stored = importer._insert_keys(conn, [[7, 3, 7, 3, 5], [1980, 0, 1980, 0, 1975], [2, 1, 2, 4, 3]])
        rows = conn.execute(text("SELECT key, dob_year, name_id FROM cekal_key")).all()
    assert stored == 4
    assert [tuple(r) for r in rows] == [(3, 0, 1), (3, 0, 4), (5, 1975, 3), (7, 1980, 2)]
