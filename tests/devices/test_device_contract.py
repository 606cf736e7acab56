"""The shared contract over every registered simulated driver, plus each of its fault modes."""

from __future__ import annotations

import pytest

from faskim_desktop.devices import registry
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.simulated import FAULT_ERRORS, FaultMode
from tests.devices.contract import check_driver, check_fault, check_not_open

SIMULATED = [spec for spec in registry.DriverRegistry().specs() if spec.name == registry.SIMULATED]
FAULT_CASES = []
for _spec in SIMULATED:
    _driver = registry.DriverRegistry().create(_spec.kind, _spec.name)
    for _mode in sorted(_driver.supported_faults):
        FAULT_CASES.append(pytest.param(_spec.kind, _mode, id=f"{_spec.kind.value}-{_mode.value}"))


def test_every_kind_has_a_registered_simulator() -> None:
    assert {spec.kind for spec in SIMULATED} == set(DeviceKind)


@pytest.mark.parametrize("kind", [s.kind for s in SIMULATED], ids=lambda k: k.value)
def test_simulated_driver_meets_contract(kind: DeviceKind) -> None:
    driver = registry.DriverRegistry().create(kind, "simulated")
    check_driver(driver)


@pytest.mark.parametrize("kind", [s.kind for s in SIMULATED], ids=lambda k: k.value)
def test_operation_before_open_is_typed_error(kind: DeviceKind) -> None:
    check_not_open(registry.DriverRegistry().create(kind, "simulated"))


@pytest.mark.parametrize(("kind", "mode"), FAULT_CASES)
def test_fault_gives_typed_error_and_clears(kind: DeviceKind, mode: FaultMode) -> None:
    driver = registry.DriverRegistry().create(kind, "simulated")
    check_fault(driver, mode, FAULT_ERRORS[mode])


@pytest.mark.parametrize(
    ("kind", "faults"),
    [
        (DeviceKind.CAMERA, {"low_quality", "garbage"}),
        (DeviceKind.FINGERPRINT, {"low_quality", "garbage"}),
        (DeviceKind.SCANNER, {"garbage", "paper_jam"}),
        (DeviceKind.PRINTER, {"paper_jam", "offline", "garbage"}),
        (DeviceKind.SMARTCARD, {"card_removed", "garbage"}),
    ],
    ids=lambda v: v.value if isinstance(v, DeviceKind) else "",
)
def test_each_kind_offers_its_faults(kind: DeviceKind, faults: set[str]) -> None:
    driver = registry.DriverRegistry().create(kind, "simulated")
    offered = {m.value for m in driver.supported_faults}
    assert {"disconnected", "timeout", "busy"} | faults <= offered
