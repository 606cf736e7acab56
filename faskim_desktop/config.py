"""Workstation settings, declared once.

Every option the application reads from its environment or its workstation settings file is
declared here with its type, default and environment variable. Domain data (fees, office
details, document checklist) lives in the database, not here; window geometry lives in QSettings
in the GUI. Precedence: environment variable, then the workstation file, then the default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

# The login window reads this module before it shows: json and platformdirs are imported where
# they are used, and Option is a NamedTuple rather than a dataclass, to keep a cold start short.

APP_NAME = "faskim-desktop"
SETTINGS_FILE = "workstation.json"


class Option(NamedTuple):
    key: str
    type: type
    default: Any
    env: str | None
    help: str


OPTIONS: tuple[Option, ...] = (
    Option("db_url", str, "", "FASKIM_DB_URL",
           "SQLAlchemy URL of the store; empty = SQLite file in the data folder"),
    Option("language", str, "id", "FASKIM_LANG", "user interface language: id or en"),
    Option("simulated_devices", bool, False, "FASKIM_SIMULATED", "use the simulated driver for every device kind"),
    Option("idle_lock_minutes", int, 10, "FASKIM_IDLE_LOCK_MINUTES", "minutes without input before the session locks"),
    Option("idle_warning_seconds", int, 60, None, "seconds of warning before the idle lock"),
    Option("lockout_attempts", int, 5, None, "failed logins before an account is locked"),
    Option("lockout_minutes", int, 15, None, "minutes an account stays locked"),
    Option("poll_interval_ms", int, 1000, "FASKIM_POLL_MS", "how often work queues are refreshed"),
    Option("seat_name", str, "", "FASKIM_SEAT", "name of this workstation (counter number)"),
    Option("document_printer", str, "", "FASKIM_DOCUMENT_PRINTER",
           "print queue for A4/A5 documents (receipts, kuitansi, reports); empty = the card printer's"),
    Option("log_level", str, "INFO", "FASKIM_LOG_LEVEL", "application log level"),
    Option("cekal_alert_score", int, 80, "FASKIM_CEKAL_ALERT_SCORE", "cekal alert score 0-100"),
    Option("backup_dir", str, "", "FASKIM_BACKUP_DIR", "folder for the scheduled daily backups; empty = none"),
    Option("backup_keep", int, 14, None, "daily backups kept by rotation"),
    Option("biometric_retention_days", int, 0, None,
           "days to keep photos/fingerprints after handover; 0 keeps them"),
)

_BY_KEY = {option.key: option for option in OPTIONS}


LOCATION_FILE = "location.json"


def _location_path() -> Path:
    # Where the data folder is, kept outside it (it cannot record its own move).
    import platformdirs  # not needed when FASKIM_DATA_DIR names the folder: kept off the start-up path

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / LOCATION_FILE


def data_dir() -> Path:
    """The data folder: FASKIM_DATA_DIR, else the folder chosen in the app's settings, else the
    platform's user data folder."""
    configured = os.environ.get("FASKIM_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    try:
        chosen = _read_json(_location_path()).get("data_dir")
    except (OSError, ValueError, AttributeError):
        chosen = None
    if isinstance(chosen, str) and chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def choose_data_dir(folder: Path | None) -> None:
    """Remember the data folder for the next start (None: back to the platform default)."""
    path = _location_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_json(path, {"data_dir": str(folder) if folder else ""})


def _read_json(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    import json

    return json.loads(text)


def _write_json(path: Path, value: Any) -> None:
    """Written beside and renamed: a crash never leaves half a file."""
    import json

    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(value, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def _coerce(option: Option, raw: object) -> Any:
    if option.type is bool and isinstance(raw, str):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    try:
        return option.type(raw)
    except (TypeError, ValueError):
        return option.default


class Settings:
    """The workstation's settings, read from the environment and ``workstation.json``."""

    def __init__(self, folder: Path | None = None, environ: Mapping[str, str] | None = None) -> None:
        self.folder = folder or data_dir()
        self._environ = os.environ if environ is None else environ
        self._file_values = self._read_file()

    @property
    def path(self) -> Path:
        return self.folder / SETTINGS_FILE

    def _read_file(self) -> dict[str, Any]:
        try:
            loaded = _read_json(self.path)
        except (OSError, ValueError):
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def get(self, key: str) -> Any:
        option = _BY_KEY[key]
        if option.env and option.env in self._environ:
            return _coerce(option, self._environ[option.env])
        if key in self._file_values:
            return _coerce(option, self._file_values[key])
        return option.default

    def set(self, key: str, value: Any) -> None:
        option = _BY_KEY[key]
        self._file_values[key] = _coerce(option, value)
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_json(self.path, self._file_values)

    def db_url(self) -> str:
        return self.get("db_url") or f"sqlite:///{self.folder / 'faskim.sqlite3'}"
