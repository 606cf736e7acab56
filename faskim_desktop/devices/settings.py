"""Per-workstation device choices: which driver, which device and its settings, per kind.

Stored as JSON (``devices.json``) in the data folder — given explicitly, else ``FASKIM_DATA_DIR``,
else the platform's user data folder — keyed by workstation (``FASKIM_SEAT``, else the host
name) so several seats sharing a data folder keep their own devices. The settings each kind
understands are declared once in ``KIND_SETTINGS`` with type and default; the technician page
builds its form from it. A damaged file never stops the counter: it is set aside as
``devices.json.bad`` and the defaults are used.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from faskim_desktop.devices.protocols import DeviceKind

log = logging.getLogger(__name__)

FILE_NAME = "devices.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: type
    default: Any
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def coerce(self, raw: object) -> Any:
        """``raw`` as this setting's type, or the default when it does not fit."""
        try:
            if self.type is bool:
                value: Any = raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes", "ya")
            elif self.type is int:
                if isinstance(raw, bool):
                    return self.default
                value = int(raw)  # type: ignore[call-overload]
            else:
                value = self.type(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        if self.minimum is not None and value < self.minimum:
            return self.default
        if self.maximum is not None and value > self.maximum:
            return self.default
        return value


KIND_SETTINGS: dict[DeviceKind, tuple[SettingSpec, ...]] = {
    DeviceKind.CAMERA: (
        SettingSpec("width", int, 640, minimum=160, maximum=3840),
        SettingSpec("height", int, 480, minimum=120, maximum=2160),
        SettingSpec("fps", int, 15, minimum=1, maximum=60),
    ),
    DeviceKind.FINGERPRINT: (SettingSpec("min_quality", int, 40, minimum=0, maximum=100),),
    DeviceKind.SCANNER: (
        SettingSpec("resolution", int, 200, choices=(75, 100, 150, 200, 300, 600)),
        SettingSpec("mode", str, "color", choices=("color", "gray", "lineart")),
        SettingSpec("source", str, "flatbed", choices=("flatbed", "adf")),
    ),
    DeviceKind.PRINTER: (SettingSpec("duplex", bool, False),),
    DeviceKind.SMARTCARD: (),
}


@dataclass
class DeviceChoice:
    driver: str = ""  # "" = not chosen yet
    device: str = ""
    settings: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"driver": self.driver, "device": self.device, "settings": dict(self.settings)}


def default_data_dir() -> Path:
    configured = os.environ.get("FASKIM_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("faskim-desktop", appauthor=False))


def default_workstation() -> str:
    return os.environ.get("FASKIM_SEAT") or socket.gethostname() or "workstation"


def _clean_choice(kind: DeviceKind, raw: object) -> DeviceChoice:
    if not isinstance(raw, dict):
        return DeviceChoice()
    driver = raw.get("driver")
    device = raw.get("device")
    settings = raw.get("settings")
    clean: dict[str, Any] = {}
    if isinstance(settings, dict):
        specs = {s.key: s for s in KIND_SETTINGS[kind]}
        for key, value in settings.items():
            if not isinstance(key, str):
                continue
            if key in specs:
                clean[key] = specs[key].coerce(value)
            elif isinstance(value, (str, int, float, bool)):  # driver-specific extras kept as-is
                clean[key] = value
    return DeviceChoice(
        driver if isinstance(driver, str) else "",
        device if isinstance(device, str) else "",
        clean,
    )


class DeviceSettings:
    """The device choices of one workstation, read from and written to ``devices.json``."""

    def __init__(self, data_dir: Path | str | None = None, workstation: str | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.workstation = workstation or default_workstation()
        self.problem = ""  # "" | "unreadable" | "malformed": why the file was not used
        self._all: dict[str, Any] = {}
        self._choices: dict[DeviceKind, DeviceChoice] = {k: DeviceChoice() for k in DeviceKind}
        self.load()

    @property
    def path(self) -> Path:
        return self.data_dir / FILE_NAME

    def load(self) -> None:
        self.problem = ""
        self._all = {"version": FORMAT_VERSION, "workstations": {}}
        self._choices = {k: DeviceChoice() for k in DeviceKind}
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError:
            self.problem = "unreadable"
            log.warning("device settings unreadable: %s", self.path)
            return
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or not isinstance(data.get("workstations", {}), dict):
                raise ValueError("not a settings object")
        except ValueError:
            self.problem = "malformed"
            log.warning("device settings malformed; set aside and using defaults")
            with contextlib.suppress(OSError):
                os.replace(self.path, self.path.with_name(FILE_NAME + ".bad"))
            return
        self._all = data
        self._all.setdefault("workstations", {})
        mine = self._all["workstations"].get(self.workstation, {})
        if isinstance(mine, dict):
            for kind in DeviceKind:
                self._choices[kind] = _clean_choice(kind, mine.get(kind.value))

    def choice(self, kind: DeviceKind | str) -> DeviceChoice:
        current = self._choices[DeviceKind(kind)]
        return DeviceChoice(current.driver, current.device, dict(current.settings))

    def set_choice(self, kind: DeviceKind | str, choice: DeviceChoice) -> None:
        kind = DeviceKind(kind)
        self._choices[kind] = _clean_choice(kind, choice.as_dict())

    def effective_settings(self, kind: DeviceKind | str) -> dict[str, Any]:
        """The kind's declared settings with defaults filled in, plus any driver extras."""
        kind = DeviceKind(kind)
        out = {s.key: s.default for s in KIND_SETTINGS[kind]}
        out.update(self._choices[kind].settings)
        return out

    def save(self) -> Path:
        """Write atomically (temp file + rename), keeping other workstations' entries."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        data = dict(self._all)
        data["version"] = FORMAT_VERSION
        stations = dict(data.get("workstations", {}))
        stations[self.workstation] = {k.value: c.as_dict() for k, c in self._choices.items()}
        data["workstations"] = stations
        fd, tmp = tempfile.mkstemp(prefix=".devices-", suffix=".json", dir=self.data_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=2, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._all = data
        return self.path
