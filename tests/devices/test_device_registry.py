"""Driver discovery: entry points, the pyproject fallback, lazy import and failure reasons."""

from __future__ import annotations

import sys
import textwrap
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from faskim_desktop.devices import registry
from faskim_desktop.devices.errors import DeviceUnavailable
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.registry import DriverRegistry, DriverSpec, parse_entry

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


@pytest.fixture
def plugin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder on sys.path holding small driver modules written by the test."""
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "fk_good.py").write_text(
        textwrap.dedent("""
        from faskim_desktop.devices.simulated.camera import SimulatedCamera

        class RealishCamera(SimulatedCamera):
            name = "realish"
        """)
    )
    (tmp_path / "fk_explodes.py").write_text("raise RuntimeError('vendor SDK missing its licence file')\n")
    (tmp_path / "fk_needs_lib.py").write_text("import fk_library_that_is_not_installed\n")
    (tmp_path / "fk_unavailable.py").write_text(
        textwrap.dedent("""
        class NoDaemon:
            @classmethod
            def available(cls):
                return "pcscd is not running"

        class CheckCrashes:
            @classmethod
            def available(cls):
                raise OSError("socket refused")

        class TupleStyle:
            @classmethod
            def available(cls):
                return (False, "no queue")

        class CtorFails:
            def __init__(self):
                raise RuntimeError("cannot open bus")

        NOT_A_CLASS = 3
        """)
    )
    yield tmp_path
    for name in ("fk_good", "fk_explodes", "fk_needs_lib", "fk_unavailable"):
        sys.modules.pop(name, None)


def spec(kind: str, name: str, target: str) -> DriverSpec:
    return DriverSpec(DeviceKind(kind), name, target, "test")


def test_builtin_list_is_declared_in_pyproject() -> None:
    table = tomllib.loads(PYPROJECT.read_text())["project"]["entry-points"][registry.ENTRY_POINT_GROUP]
    for name, target in registry.BUILTIN_DRIVERS.items():
        assert table.get(name) == target, f"{name} missing from pyproject's driver table"


def test_discovery_finds_a_simulator_for_every_kind() -> None:
    found = {(s.kind, s.name) for s in registry.discover()}
    assert {(k, "simulated") for k in DeviceKind} <= found


def test_import_is_lazy(plugin_dir: Path) -> None:
    reg = DriverRegistry([spec("camera", "good", "fk_good:RealishCamera")])
    assert "fk_good" not in sys.modules
    assert reg.available_drivers("camera") == ["good"]
    assert "fk_good" in sys.modules


@pytest.mark.parametrize(
    ("target", "reason_part"),
    [
        ("fk_explodes:Driver", "licence"),
        ("fk_needs_lib:Driver", "fk_library_that_is_not_installed"),
        ("fk_missing_module:Driver", "fk_missing_module"),
        ("fk_unavailable:NoDaemon", "pcscd is not running"),
        ("fk_unavailable:CheckCrashes", "socket refused"),
        ("fk_unavailable:TupleStyle", "no queue"),
        ("fk_unavailable:Absent", "Absent"),
        ("fk_unavailable:NOT_A_CLASS", "not a class"),
    ],
)
def test_broken_driver_is_unavailable_with_reason(plugin_dir: Path, target: str, reason_part: str) -> None:
    reg = DriverRegistry(
        [
            spec("camera", "broken", target),
            spec("camera", "simulated", registry.BUILTIN_DRIVERS["camera:simulated"]),
        ]
    )
    status = reg.status("camera", "broken")
    assert not status.available
    assert reason_part in status.reason
    assert reg.available_drivers("camera") == ["simulated"]
    with pytest.raises(DeviceUnavailable) as info:
        reg.create("camera", "broken")
    assert reason_part in info.value.message("en")
    entry = next(e for e in reg.describe_all(with_devices=True) if e["driver"] == "broken")
    assert entry["available"] is False and reason_part in entry["reason"] and entry["devices"] == []


def test_constructor_failure_is_unavailable_not_a_crash(plugin_dir: Path) -> None:
    reg = DriverRegistry([spec("printer", "bus", "fk_unavailable:CtorFails")])
    with pytest.raises(DeviceUnavailable) as info:
        reg.create("printer", "bus")
    assert "cannot open bus" in info.value.message("id")
    entry = reg.describe_all(with_devices=True)[0]
    assert "cannot open bus" in entry["devices_error"]


def test_unknown_driver_name_is_typed_error() -> None:
    with pytest.raises(DeviceUnavailable):
        DriverRegistry([]).create("camera", "nope")


def test_real_drivers_listed_before_the_simulator(plugin_dir: Path) -> None:
    reg = DriverRegistry(
        [
            spec("camera", "simulated", registry.BUILTIN_DRIVERS["camera:simulated"]),
            spec("camera", "good", "fk_good:RealishCamera"),
        ]
    )
    assert reg.available_drivers(DeviceKind.CAMERA) == ["good", "simulated"]
    assert reg.create("camera", "good").name == "realish"


def test_describe_all_lists_devices_of_available_drivers() -> None:
    reg = DriverRegistry([spec("scanner", "simulated", registry.BUILTIN_DRIVERS["scanner:simulated"])])
    (entry,) = reg.describe_all(with_devices=True)
    assert entry["available"] and entry["reason"] == "" and entry["devices"][0]["id"] == "sim-scanner-0"
    assert "devices" not in reg.describe_all()[0]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("camera", "m:C"),  # no driver part
        ("camera:", "m:C"),
        ("toaster:x", "m:C"),  # unknown kind
        ("camera:x", "module_without_class"),
        ("camera:x", ":C"),
        ("camera:x", "m:"),
    ],
)
def test_malformed_entry_points_are_ignored(name: str, value: str) -> None:
    assert parse_entry(name, value, "test") is None


def test_installed_entry_points_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ep = metadata.EntryPoint("camera:vendor", "vendor_cam:Camera", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(
        metadata, "entry_points", lambda group: [ep] if group == registry.ENTRY_POINT_GROUP else []
    )
    specs = registry.discover(pyproject=tmp_path / "absent.toml")
    keys = {s.key for s in specs}
    assert "camera:vendor" in keys
    # Not installed and no checkout: the built-in list keeps the simulators available.
    assert set(registry.BUILTIN_DRIVERS) <= keys
    assert next(s for s in specs if s.key == "camera:simulated").origin == "builtin"


def test_source_checkout_table_is_used_when_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metadata, "entry_points", lambda group: [])
    specs = registry.discover(pyproject=PYPROJECT)
    assert {s.origin for s in specs if s.name == "simulated"} == {"pyproject"}


@pytest.mark.parametrize("content", ["not toml [[[", '[project]\nname = "someone-else"\n', ""])
def test_foreign_or_malformed_pyproject_falls_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: str
) -> None:
    monkeypatch.setattr(metadata, "entry_points", lambda group: [])
    path = tmp_path / "pyproject.toml"
    path.write_text(content)
    keys = {s.key for s in registry.discover(pyproject=path)}
    assert keys == set(registry.BUILTIN_DRIVERS)


def test_module_level_api_uses_the_process_registry(fresh_registry: DriverRegistry) -> None:
    assert "simulated" in registry.available_drivers("fingerprint")
    assert registry.create("fingerprint", "simulated").kind == DeviceKind.FINGERPRINT
    kinds = {e["kind"] for e in registry.describe_all()}
    assert kinds == {k.value for k in DeviceKind}


def test_a_driver_that_hangs_listing_devices_is_reported_not_waited_for() -> None:
    from faskim_desktop.devices.errors import DeviceTimeout
    from tests.devices import fake_drivers

    fake_drivers.RELEASE.clear()
    reg = DriverRegistry(
        [
            spec("camera", "macet", "tests.devices.fake_drivers:HangingCamera"),
            spec("camera", "simulated", registry.BUILTIN_DRIVERS["camera:simulated"]),
        ]
    )
    try:
        with pytest.raises(DeviceTimeout):
            reg.list_devices("camera", "macet", timeout=0.2)
        entries = {e["driver"]: e for e in reg.describe_all(with_devices=True, timeout=0.2)}
        assert entries["macet"]["devices"] == [] and "macet" in entries["macet"]["devices_error"]
        assert entries["simulated"]["devices"][0]["id"] == "sim-camera-0"
    finally:
        fake_drivers.RELEASE.set()


def test_recheck_lets_a_driver_become_available_without_restart(plugin_dir: Path) -> None:
    (plugin_dir / "fk_later.py").write_text(
        "import os\n\n"
        "class Later:\n"
        "    @classmethod\n"
        "    def available(cls):\n"
        "        return None if os.environ.get('FK_DAEMON_UP') else 'daemon not running'\n"
    )
    reg = DriverRegistry([spec("smartcard", "later", "fk_later:Later")])
    assert reg.status("smartcard", "later").reason == "daemon not running"
    import os

    os.environ["FK_DAEMON_UP"] = "1"
    try:
        assert not reg.status("smartcard", "later").available  # answers are cached…
        reg.recheck()
        assert reg.status("smartcard", "later").available  # …until the technician reloads
    finally:
        del os.environ["FK_DAEMON_UP"]
        sys.modules.pop("fk_later", None)
