"""Diagnostics export: what a technician sends to support, as one zip, without personal data.

The zip holds ``versions.json`` (Python, platform, the libraries the device stacks use),
``drivers.json`` (every driver with availability, reason and devices), ``settings.json`` (this
workstation's device choices) and ``log.txt`` (recent log lines). Every text line passes
``scrub`` first, which replaces anything that looks like personal data — MRZ lines, NIK,
document numbers, dates, e-mail addresses, phone numbers, long digit/hex/base64 runs and the
value of personal keys (``nama=``, ``passport:``…) — because log discipline can slip and the
zip leaves the office.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import logging
import platform
import re
import sys
import threading
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

from faskim_desktop import __version__
from faskim_desktop.devices.registry import DriverRegistry, get_registry
from faskim_desktop.devices.settings import DeviceSettings

log = logging.getLogger(__name__)

LIBRARIES = (
    "faskim-desktop",
    "PySide6",
    "PySide6-Essentials",
    "opencv-python-headless",
    "numpy",
    "pillow",
    "reportlab",
    "pyscard",
    "python-sane",
    "pygobject",
    "platformdirs",
)

REDACTED = "[disaring]"
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\s*")
_PERSONAL_KEYS = (
    r"nama|name|surname|given|paspor|passport|nik|kk|nomor|number|no_dok|doc(?:ument)?_?no|"
    r"dob|birth|lahir|tgl|tanggal|alamat|address|mrz|sponsor|ibu|ayah|mother|father|email|telepon|phone|hp"
)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # key=value / key: value / "key": "value" for personal keys; the value runs to , ; ) or end.
    (
        re.compile(rf"""(?i)(["']?\b(?:{_PERSONAL_KEYS})\w*["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^,;)\]}}]+)"""),
        rf"\1{REDACTED}",
    ),
    (re.compile(r"[A-Z0-9<]{8,}<[A-Z0-9<]*"), REDACTED),  # MRZ fragments (ICAO 9303 filler '<')
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), REDACTED),  # e-mail
    (
        re.compile(
            r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
        ),
        REDACTED,
    ),  # dates
    (re.compile(r"\b[A-Z]{1,2}\s?\d{6,8}\b"), REDACTED),  # passport / document numbers
    (re.compile(r"(?<![\w.])\+?\d[\d ()-]{7,}\d\b"), REDACTED),  # NIK, phone, any long number
    (re.compile(r"\b[0-9A-Fa-f]{24,}\b"), REDACTED),  # hex dumps (APDUs may carry DG1 data)
    (re.compile(r"(?<![\w+/])(?=[A-Za-z+/]*\d)[A-Za-z0-9+/]{32,}={0,2}"), REDACTED),  # base64 blobs
)


def scrub(line: str) -> str:
    """``line`` with anything that looks like personal data replaced; a leading timestamp is kept."""
    m = _TIMESTAMP.match(line)
    head, body = (line[: m.end()], line[m.end() :]) if m else ("", line)
    for pattern, repl in _PATTERNS:
        body = pattern.sub(repl, body)
    return head + body


class RecentLogBuffer(logging.Handler):
    """Keeps the last ``capacity`` log lines (already scrubbed) for the diagnostics export."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__(logging.INFO)
        self._lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self._buf_lock = threading.Lock()
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = scrub(self.format(record).replace("\n", " | "))
        except Exception:
            self.handleError(record)
            return
        with self._buf_lock:
            self._lines.append(line)

    def lines(self) -> list[str]:
        with self._buf_lock:
            return list(self._lines)


_buffer: RecentLogBuffer | None = None


def install_log_buffer(capacity: int = 2000) -> RecentLogBuffer:
    """Attach (once) the recent-lines buffer to the root logger and return it."""
    global _buffer
    if _buffer is None:
        _buffer = RecentLogBuffer(capacity)
        logging.getLogger().addHandler(_buffer)
    return _buffer


def versions() -> dict[str, Any]:
    libs: dict[str, str] = {}
    for name in LIBRARIES:
        try:
            libs[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            libs[name] = ""
    return {
        "faskim_desktop": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "libraries": libs,
    }


def _log_file_lines(data_dir: Path, limit: int) -> list[str]:
    logs = sorted((data_dir / "logs").glob("*.log"), key=lambda p: p.stat().st_mtime) if data_dir else []
    if not logs:
        return []
    try:
        text = logs[-1].read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return text.splitlines()[-limit:]


def collect(
    data_dir: Path | None = None,
    registry: DriverRegistry | None = None,
    with_devices: bool = True,
    workstation: str | None = None,
) -> dict[str, Any]:
    reg = registry or get_registry()
    settings = DeviceSettings(data_dir, workstation)
    return {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "versions": versions(),
        "drivers": reg.describe_all(with_devices=with_devices),
        "settings": {
            "workstation": settings.workstation,
            "problem": settings.problem,
            "choices": {k.value: settings.choice(k).as_dict() for k in settings._choices},
        },
    }


def export_zip(
    target: Path | str,
    data_dir: Path | None = None,
    registry: DriverRegistry | None = None,
    log_lines: list[str] | None = None,
    with_devices: bool = True,
    workstation: str | None = None,
) -> Path:
    """Write the diagnostics zip to ``target`` and return its path. Blocking: use a worker."""
    target = Path(target)
    info = collect(data_dir, registry, with_devices, workstation)
    settings_dir = DeviceSettings(data_dir, workstation).data_dir
    lines = list(log_lines) if log_lines is not None else (_buffer.lines() if _buffer else [])
    lines += _log_file_lines(settings_dir, 500)
    text = "\n".join(scrub(line) for line in lines)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("versions.json", json.dumps(info["versions"], indent=2))
        zf.writestr("drivers.json", scrub_json(info["drivers"]))
        zf.writestr("settings.json", scrub_json(info["settings"]))
        zf.writestr("log.txt", text + ("\n" if text else ""))
        zf.writestr(
            "README.txt",
            f"Faskim Desktop diagnostics, created {info['created']}.\n"
            "Personal data is filtered out of every file (diagnostics.scrub).\n",
        )
    log.info("diagnostics exported (%d log lines)", len(lines))
    return target


def scrub_json(value: Any) -> str:
    return "\n".join(scrub(line) for line in json.dumps(value, indent=2, ensure_ascii=False).splitlines())
