"""The driver registry: which drivers exist for each device kind, and can they run here.

Drivers are declared as entry points of the group ``faskim_desktop.drivers``: the name is
``"kind:driver"`` (e.g. ``"camera:opencv"``) and the value ``"module:Class"``. The built-in
drivers are declared the same way in this project's ``pyproject.toml``, so a third-party package
adds a driver exactly as we do.

Nothing is imported until a driver is asked for. A driver whose module fails to import (a
missing ``cv2``, ``gi`` or ``smartcard``) or whose ``available()`` classmethod reports a reason
is listed as *unavailable with that reason*; the registry never lets that exception escape.

When the application runs from a source checkout that was never pip-installed there is no
package metadata: the registry then reads the same table from ``pyproject.toml`` beside the
package, and as the last resort the ``BUILTIN_DRIVERS`` list below (simulated drivers only).
"""

from __future__ import annotations

import importlib
import logging
import threading
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from faskim_desktop.devices.errors import DeviceError, DeviceTimeout, DeviceUnavailable
from faskim_desktop.devices.protocols import DeviceDescriptor, DeviceKind, Driver

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "faskim_desktop.drivers"
DISTRIBUTION = "faskim-desktop"
SIMULATED = "simulated"
DEVICE_LIST_TIMEOUT = 15.0  # seconds a driver may take to list its devices

# Last-resort list when neither package metadata nor pyproject.toml can be read (e.g. a frozen
# build). Every entry here must also be in pyproject.toml's entry-point table (a test checks).
BUILTIN_DRIVERS: dict[str, str] = {
    "camera:simulated": "faskim_desktop.devices.simulated.camera:SimulatedCamera",
    "fingerprint:simulated": "faskim_desktop.devices.simulated.fingerprint:SimulatedFingerprintReader",
    "scanner:simulated": "faskim_desktop.devices.simulated.scanner:SimulatedScanner",
    "printer:simulated": "faskim_desktop.devices.simulated.printer:SimulatedCardPrinter",
    "smartcard:simulated": "faskim_desktop.devices.simulated.smartcard:SimulatedSmartCardReader",
}


@dataclass(frozen=True)
class DriverSpec:
    """One declared driver: where it comes from and what to import. Nothing imported yet."""

    kind: DeviceKind
    name: str
    target: str  # "package.module:Class"
    origin: str = "entry-point"  # "entry-point:<dist>", "pyproject", "builtin", "test"

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.name}"


@dataclass(frozen=True)
class DriverStatus:
    """A driver's availability on this computer; ``reason`` is empty when available."""

    kind: DeviceKind
    name: str
    target: str
    origin: str
    available: bool
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "driver": self.name,
            "target": self.target,
            "origin": self.origin,
            "available": self.available,
            "reason": self.reason,
        }


@dataclass
class _Loaded:
    cls: type | None = None
    reason: str = ""
    checked: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


def parse_entry(name: str, value: str, origin: str) -> DriverSpec | None:
    """A spec from an entry point's name and value, or None (logged) when malformed."""
    kind_text, sep, driver = name.partition(":")
    if not sep or not driver.strip():
        log.warning("driver entry point %r ignored: name must be 'kind:driver'", name)
        return None
    try:
        kind = DeviceKind(kind_text.strip())
    except ValueError:
        log.warning("driver entry point %r ignored: unknown device kind", name)
        return None
    module, colon, attr = value.partition(":")
    if not colon or not module.strip() or not attr.strip():
        log.warning("driver entry point %r ignored: value must be 'module:Class'", name)
        return None
    return DriverSpec(kind, driver.strip(), f"{module.strip()}:{attr.strip()}", origin)


def _pyproject_path() -> Path:
    return Path(__file__).resolve().parents[2] / "pyproject.toml"


def _specs_from_pyproject(path: Path) -> list[DriverSpec] | None:
    """The driver table of a source checkout's pyproject.toml, or None when it is not ours."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    project = data.get("project", {})
    if project.get("name") != DISTRIBUTION:
        return None
    table = project.get("entry-points", {}).get(ENTRY_POINT_GROUP, {})
    if not isinstance(table, Mapping):
        return None
    specs = [parse_entry(str(k), str(v), "pyproject") for k, v in table.items()]
    return [s for s in specs if s is not None]


def discover(pyproject: Path | None = None) -> list[DriverSpec]:
    """Every declared driver: installed entry points, then this checkout's pyproject.toml.

    A source checkout's table wins over installed metadata for the same ``kind:driver`` (an
    editable install's metadata may be older than the file being edited).
    """
    found: dict[str, DriverSpec] = {}
    own_installed = False
    try:
        eps = metadata.entry_points(group=ENTRY_POINT_GROUP)
    except Exception:  # broken metadata of some other package must not stop the counter
        log.exception("reading driver entry points failed")
        eps = ()
    for ep in eps:
        dist = getattr(getattr(ep, "dist", None), "name", None) or "?"
        if dist.replace("_", "-").lower() == DISTRIBUTION:
            own_installed = True
        spec = parse_entry(ep.name, ep.value, f"entry-point:{dist}")
        if spec is not None:
            found[spec.key] = spec
    local = _specs_from_pyproject(pyproject or _pyproject_path())
    if local is not None:
        for spec in local:
            found[spec.key] = spec
    elif not own_installed:
        for name, value in BUILTIN_DRIVERS.items():
            spec = parse_entry(name, value, "builtin")
            if spec is not None:
                found.setdefault(spec.key, spec)
    return list(found.values())


def _sort_key(spec: DriverSpec) -> tuple[int, str]:
    # Real drivers first, the simulator last: a counter should pick real hardware by default.
    return (1 if spec.name == SIMULATED else 0, spec.name)


class DriverRegistry:
    """Declared drivers, imported on first use; thread-safe."""

    def __init__(self, specs: Iterable[DriverSpec] | None = None) -> None:
        specs = discover() if specs is None else list(specs)
        self._specs: dict[str, DriverSpec] = {s.key: s for s in specs}
        self._loaded: dict[str, _Loaded] = {key: _Loaded() for key in self._specs}

    # -- what is declared --------------------------------------------------------------------

    def specs(self, kind: DeviceKind | str | None = None) -> list[DriverSpec]:
        kinds = list(DeviceKind) if kind is None else [DeviceKind(kind)]
        out: list[DriverSpec] = []
        for k in kinds:
            out.extend(sorted((s for s in self._specs.values() if s.kind == k), key=_sort_key))
        return out

    def spec(self, kind: DeviceKind | str, name: str) -> DriverSpec:
        key = f"{DeviceKind(kind).value}:{name}"
        try:
            return self._specs[key]
        except KeyError:
            raise DeviceUnavailable(device=key, reason="driver tidak terdaftar / not registered") from None

    def recheck(self) -> None:
        """Forget the availability answers so the next question imports and asks again.

        A driver that was unavailable because its daemon was down or its library missing can
        become available without restarting the application (the technician's "reload").
        """
        for key in self._specs:
            self._loaded[key] = _Loaded()

    # -- lazy import and availability ---------------------------------------------------------

    def _load(self, spec: DriverSpec) -> _Loaded:
        state = self._loaded[spec.key]
        with state.lock:
            if state.checked:
                return state
            state.checked = True
            module_name, _, attr = spec.target.partition(":")
            try:
                module = importlib.import_module(module_name)
                cls = module
                for part in attr.split("."):
                    cls = getattr(cls, part)
            except Exception as exc:  # ImportError, but also a module that fails while importing
                state.reason = _reason_from(exc)
                log.info("driver %s unavailable: import failed (%s)", spec.key, type(exc).__name__)
                return state
            if not isinstance(cls, type):
                state.reason = f"{spec.target} is not a class"
                return state
            state.reason = _availability_reason(cls)
            state.cls = cls
            if state.reason:
                log.info("driver %s unavailable: %s", spec.key, state.reason)
            return state

    def status(self, kind: DeviceKind | str, name: str) -> DriverStatus:
        spec = self.spec(kind, name)
        state = self._load(spec)
        ok = state.cls is not None and not state.reason
        return DriverStatus(spec.kind, spec.name, spec.target, spec.origin, ok, state.reason)

    def statuses(self, kind: DeviceKind | str | None = None) -> list[DriverStatus]:
        return [self.status(s.kind, s.name) for s in self.specs(kind)]

    def available_drivers(self, kind: DeviceKind | str) -> list[str]:
        """Names of the drivers of ``kind`` that can run here, real ones before the simulator."""
        return [st.name for st in self.statuses(kind) if st.available]

    def driver_class(self, kind: DeviceKind | str, name: str) -> type:
        spec = self.spec(kind, name)
        state = self._load(spec)
        if state.cls is None or state.reason:
            raise DeviceUnavailable(device=spec.key, reason=state.reason)
        return state.cls

    def create(self, kind: DeviceKind | str, name: str, **kwargs: Any) -> Driver:
        """A new driver instance; raises ``DeviceUnavailable`` with the reason when it cannot run."""
        cls = self.driver_class(kind, name)
        spec = self.spec(kind, name)
        try:
            return cls(**kwargs)
        except DeviceError:
            raise
        except Exception as exc:
            log.warning("driver %s failed to start (%s)", spec.key, type(exc).__name__)
            raise DeviceUnavailable(device=spec.key, reason=_reason_from(exc)) from exc

    def list_devices(
        self, kind: DeviceKind | str, name: str, timeout: float = DEVICE_LIST_TIMEOUT
    ) -> list[DeviceDescriptor]:
        """A new instance's ``devices()``, given up after ``timeout`` seconds (``DeviceTimeout``).

        The listing runs on a daemon thread: a library that hangs (a daemon that never answers)
        costs the caller ``timeout`` seconds, not the whole technician page or CLI.
        """
        timeout = DEVICE_LIST_TIMEOUT if timeout is None else timeout
        box: dict[str, Any] = {}

        def work() -> None:
            try:
                box["devices"] = self.create(kind, name).devices()
            except BaseException as exc:
                box["error"] = exc

        thread = threading.Thread(target=work, name=f"list-{DeviceKind(kind).value}-{name}", daemon=True)
        thread.start()
        thread.join(timeout)
        if thread.is_alive():
            log.warning(
                "driver %s:%s did not list its devices within %.0f s", DeviceKind(kind).value, name, timeout
            )
            raise DeviceTimeout(device=f"{DeviceKind(kind).value}:{name}", timeout=timeout)
        if "error" in box:
            raise box["error"]
        return list(box["devices"])

    def describe_all(
        self, with_devices: bool = False, timeout: float = DEVICE_LIST_TIMEOUT
    ) -> list[dict[str, Any]]:
        """Every declared driver of every kind with availability, reason and (optionally) devices.

        Device listing errors (and listings slower than ``timeout``) are reported in the entry
        (``devices_error``), never raised, so one broken stack does not hide the others.
        """
        out: list[dict[str, Any]] = []
        for st in self.statuses():
            entry = st.as_dict()
            if with_devices:
                entry["devices"] = []
                entry["devices_error"] = ""
                if st.available:
                    try:
                        entry["devices"] = [
                            _descriptor_dict(d) for d in self.list_devices(st.kind, st.name, timeout)
                        ]
                    except DeviceError as err:
                        entry["devices_error"] = err.message()
                    except Exception as exc:
                        entry["devices_error"] = _reason_from(exc)
            out.append(entry)
        return out


def _descriptor_dict(d: DeviceDescriptor) -> dict[str, Any]:
    return {"id": d.id, "label": d.label, "details": dict(d.details)}


def _reason_from(exc: BaseException) -> str:
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        return f"modul Python '{exc.name}' tidak terpasang / Python module '{exc.name}' is not installed"
    if isinstance(exc, DeviceError):
        reason = exc.params.get("reason")
        return str(reason) if reason else exc.message()
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _availability_reason(cls: type) -> str:
    check = getattr(cls, "available", None)
    if check is None:
        return ""
    try:
        result = check()
    except Exception as exc:
        return _reason_from(exc)
    if result is None or result is True:
        return ""
    if result is False:
        return "not available"
    if isinstance(result, tuple) and len(result) == 2:  # (ok, reason) is accepted too
        ok, reason = result
        return "" if ok else (str(reason) or "not available")
    return str(result)


# -- the process-wide registry -----------------------------------------------------------------

_default: DriverRegistry | None = None
_default_lock = threading.Lock()


def get_registry() -> DriverRegistry:
    global _default
    with _default_lock:
        if _default is None:
            _default = DriverRegistry()
        return _default


def set_registry(registry: DriverRegistry | None) -> None:
    """Replace (tests) or forget (None: rediscover on next use) the process-wide registry."""
    global _default
    with _default_lock:
        _default = registry


def available_drivers(kind: DeviceKind | str) -> list[str]:
    return get_registry().available_drivers(kind)


def create(kind: DeviceKind | str, name: str, **kwargs: Any) -> Driver:
    return get_registry().create(kind, name, **kwargs)


def describe_all(with_devices: bool = False, timeout: float | None = None) -> list[dict[str, Any]]:
    return get_registry().describe_all(with_devices=with_devices, timeout=timeout)
