"""``faskim cekal``: import (counts, diff, every error), screen (JSON lines), versions; query parser fuzz."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from faskim_desktop.cli import main
from faskim_desktop.cli.cekal import alert_threshold, parse_query_line
from faskim_desktop.core.errors import ValidationError

from .conftest import row, write_list


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FASKIM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FASKIM_DB_URL", raising=False)
    monkeypatch.setenv("FASKIM_NO_KEYRING", "1")
    return tmp_path / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:  # fmt: skip
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_screen_versions(data_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rows = [row("REF-1", "Budi Santoso", dob="1975-07-01", nationality="IDN", passports="X1234567"),
            row("REF-2", "Muhammad Yusuf", dob="1980", list_type="cegah")]  # fmt: skip
    code, out, _ = run(capsys, "--lang", "en", "cekal", "import", str(write_list(tmp_path / "a.csv", rows)))
    assert code == 0 and "Version 1 imported: 2 entries" in out and "2 added" in out
    code, out, _ = run(capsys, "--lang", "en", "cekal", "import", str(write_list(tmp_path / "b.csv", rows[:1])))
    assert code == 0 and "1 removed" in out and "1 unchanged" in out
    code, out, _ = run(capsys, "cekal", "versions", "--json")
    assert code == 0 and [v["removed"] for v in json.loads(out)] == [0, 1]

    lines = "\n".join(
        [
            json.dumps({"id": 1, "name": "Boedi Santoso", "dob": "1975-07-01", "nationality": "IDN", "passport": None}),
            "this is not json",
            json.dumps({"id": "p", "name": "Someone Else", "dob": None, "nationality": None, "passport": "x-1234567"}),
            json.dumps({"id": 3, "name": "Budi Santoso", "dob": "01-07-1975"}),
            json.dumps({"id": 4, "name": "Clean Person", "dob": "1990-01-01"}),
            json.dumps([1, 2]),
            "",
        ]
    )
    code, out, _ = run(capsys, "--lang", "en", "cekal", "screen", stdin=lines, monkeypatch=monkeypatch)
    assert code == 0
    results = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in results] == [1, None, "p", 3, 4, None]
    assert results[0]["hits"][0]["entry"] == "REF-1" and 0 <= results[0]["hits"][0]["score"] <= 100
    assert "Same date of birth" in results[0]["hits"][0]["reasons"]
    assert "error" in results[1] and "error" in results[3] and "error" in results[5]
    assert results[2]["hits"][0]["entry"] == "REF-1"
    assert results[4]["hits"] == []


def test_import_failure_lists_every_error(data_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rows = [row("A", "Budi", dob="1980-99-01"), row("A", "Ani", list_type="x")]
    code, out, err = run(capsys, "--lang", "en", "cekal", "import", str(write_list(tmp_path / "bad.csv", rows)))
    assert code == 1 and out == ""
    assert "Line 2, field dob" in err and "Line 3, field reference" in err and "Line 3, field list_type" in err
    code, out, _ = run(capsys, "--lang", "en", "cekal", "versions")
    assert "No cekal list imported yet." in out


def test_import_missing_file(data_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(capsys, "cekal", "import", str(tmp_path / "nope.csv"))
    assert code == 1 and err


def test_alert_threshold_falls_back_to_default() -> None:
    class Unknown:
        def get(self, key: str) -> int:
            raise KeyError(key)

    class Declared:
        def get(self, key: str) -> int:
            return 90

    assert alert_threshold(Unknown()) == 80 and alert_threshold(Declared()) == 90 and alert_threshold(None) == 80


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
            lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(
                ["id", "name", "dob", "nationality", "passport", "x"]), children, max_size=6),
            max_leaves=12,
        ).map(json.dumps),
    )
)
def test_query_parser_never_fails_unexpectedly(line: str) -> None:
    try:
        _id, query = parse_query_line(line)
    except ValidationError as err:
        assert err.message("en")
        return
    assert isinstance(query.name, str)


def test_reindex(data_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rows = [row("REF-1", "Budi Santoso", dob="1975-07-01"), row("REF-2", "Siti Aminah binti Hasan")]
    assert run(capsys, "cekal", "import", str(write_list(tmp_path / "a.csv", rows)))[0] == 0
    code, out, _ = run(capsys, "--lang", "en", "cekal", "reindex")
    assert code == 0 and out.startswith("The cekal list index was rebuilt:")
    keys = int(out.split(":")[1].split()[0])
    assert keys > 10
