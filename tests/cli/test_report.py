"""``faskim report``: PDF/CSV/XLSX files written, figures from the store, bad input in words."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from faskim_desktop.cli import main
from faskim_desktop.core import clock, demo_data
from faskim_desktop.documents.compose import reports as compose


@pytest.fixture
def seeded(workspace):  # type: ignore[no-untyped-def]
    demo_data.seed_cases(workspace.store, 600, days=20, seed=2)
    return workspace


def test_daily_report_files(seeded, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    day = clock.today() - timedelta(days=2)
    pdf, csv, xlsx = tmp_path / "d.pdf", tmp_path / "d.csv", tmp_path / "d.xlsx"
    assert main(["report", "daily", "--date", day.isoformat(), "--out", str(pdf), "--csv", str(csv),
                 "--xlsx", str(xlsx), "--by", "loket1"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.read_bytes().startswith(b"PK")
    expected = compose.counter_daily_data(seeded.store, day)
    assert f"Permohonan diterima (tanda terima),{expected.received}\n" in csv.read_text(encoding="utf-8-sig")


def test_payments_and_sla_reports(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    today = clock.today()
    assert main(["report", "payments", "--date", today.isoformat(), "--out", str(tmp_path / "p.pdf")]) == 0
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    assert main(["report", "sla", "--month", f"{today:%Y-%m}", "--out", str(tmp_path / "s.pdf"),
                 "--xlsx", str(tmp_path / "s.xlsx")]) == 0
    assert (tmp_path / "s.pdf").stat().st_size > 5000


def test_search_command_prints_cases(seeded, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["report", "search", "000001"]) == 0
    assert "-000001" in capsys.readouterr().out
    assert main(["report", "search", "zzqqxx"]) == 1


@pytest.mark.parametrize("argv", [
    ["report", "daily", "--date", "2026-13-40", "--out", "x.pdf"],
    ["report", "daily", "--date", "kemarin", "--out", "x.pdf"],
    ["report", "sla", "--month", "2026-00", "--out", "x.pdf"],
    ["report", "sla", "--month", "November", "--out", "x.pdf"],
])
def test_malformed_dates_are_refused_in_words(workspace, argv, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "tidak valid" in capsys.readouterr().err


def test_no_output_file_named(workspace, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["report", "daily", "--date", clock.today().isoformat()]) == 2
    assert "--out" in capsys.readouterr().err
