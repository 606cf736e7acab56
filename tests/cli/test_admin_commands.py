"""The admin command line on a fresh data folder: db upgrade, user add, audit verify."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def faskim(*args: str, data: Path, password: str | None = None, lang: str = "id") -> subprocess.CompletedProcess:
    env = {**os.environ, "FASKIM_DATA_DIR": str(data), "FASKIM_LANG": lang}
    env.pop("FASKIM_DB_URL", None)
    if password is not None:
        env["FASKIM_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "faskim_desktop.cli", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_first_admin_then_audit_verify_names_an_edited_row(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert faskim("db", "upgrade", data=data).returncode == 0
    made = faskim("user", "add", "kepala", "--full-name", "Kepala Kantor", "--roles", "admin,kakanim",
                  data=data, password="sandi-rahasia")
    assert made.returncode == 0, made.stderr
    assert "kepala" in made.stdout
    listed = faskim("user", "list", data=data)
    assert "kepala" in listed.stdout and "admin,kakanim" in listed.stdout
    ok = faskim("audit", "verify", data=data)
    assert ok.returncode == 0 and "utuh" in ok.stdout
    conn = sqlite3.connect(data / "faskim.sqlite3")
    conn.execute("UPDATE audit_event SET actor = 'penyusup' WHERE seq = 1")
    conn.commit()
    conn.close()
    broken = faskim("audit", "verify", data=data)
    assert broken.returncode == 1
    assert "#1" in broken.stdout and "diubah" in broken.stdout
    english = faskim("audit", "verify", "--json", data=data, lang="en")
    assert '"first_broken_seq": 1' in english.stdout and "edited" in english.stdout


def test_errors_are_one_sentence_not_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "faskim.sqlite3").write_bytes(b"\x00garbage" * 500)
    result = faskim("audit", "verify", data=data)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "basis data" in result.stderr.lower()
    short = faskim("user", "add", "baru", "--full-name", "X", "--roles", "loket", data=tmp_path / "d2", password="pendek")
    assert short.returncode == 2 and "minimal 8" in short.stderr
