"""SANE driver against the `test` backend through the project's SANE_CONFIG_DIR."""

from __future__ import annotations

import io

import numpy as np
import pytest
from contract import check_driver, check_error
from PIL import Image
from stack_support import create, stand_in_missing

from faskim_desktop.devices.errors import DeviceBusy, MediaProblem, UnsupportedSetting
from faskim_desktop.devices.protocols import ScanSettings

pytestmark = pytest.mark.stack


@pytest.fixture
def scanner_id(stack_env: dict[str, str], drivers) -> str:
    device = stack_env["FASKIM_TEST_SCANNER"]
    driver = create(drivers, "scanner", "sane")
    if device not in [d.id for d in driver.devices()]:
        stand_in_missing(f"SANE does not list {device} (SANE_CONFIG_DIR={stack_env['SANE_CONFIG_DIR']})")
    return device


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)))


def test_contract_gives_real_pixels(drivers, scanner_id: str) -> None:
    driver = create(drivers, "scanner", "sane")
    pages = check_driver(driver, device_id=scanner_id)
    assert len(pages) == 1
    page = pages[0]
    assert page.dpi == 75
    image = pixels(page.png)
    assert image.shape == (page.height, page.width, 3)
    assert image.std() > 20 and len(np.unique(image.reshape(-1, 3), axis=0)) > 4, "a pattern, not a blank"
    # The test backend scans its default 80 x 100 mm area: the size follows the resolution.
    assert abs(page.width - 80 / 25.4 * 75) <= 2 and abs(page.height - 100 / 25.4 * 75) <= 2


def test_gray_at_another_resolution(drivers, scanner_id: str) -> None:
    driver = create(drivers, "scanner", "sane")
    driver.open(scanner_id)
    try:
        (page,) = driver.scan(ScanSettings(resolution=150, mode="gray", source="flatbed"))
    finally:
        driver.close()
    image = pixels(page.png)
    assert image.ndim == 2 and page.dpi == 150
    assert abs(page.width - 80 / 25.4 * 150) <= 2


def test_feeder_gives_several_pages(drivers, scanner_id: str) -> None:
    driver = create(drivers, "scanner", "sane")
    driver.open(scanner_id)
    try:
        pages = driver.scan(ScanSettings(resolution=50, mode="color", source="adf"))
    finally:
        driver.close()
    assert len(pages) >= 2
    assert all(pixels(p.png).std() > 20 for p in pages)


def test_unsupported_resolution(drivers, scanner_id: str) -> None:
    driver = create(drivers, "scanner", "sane")
    driver.open(scanner_id)
    try:
        with pytest.raises(UnsupportedSetting) as info:
            driver.scan(ScanSettings(resolution=99999))
        check_error(info.value, UnsupportedSetting)
        assert info.value.params["setting"] == "resolution"
        assert driver.scan(ScanSettings(resolution=50))  # the same device still scans
    finally:
        driver.close()


def test_jammed_feeder_then_clear(drivers, scanner_id: str) -> None:
    """The test backend's read-return-value option makes every read fail as a jam."""
    driver = create(drivers, "scanner", "sane")
    jam = {"enable-test-options": True, "read-return-value": "SANE_STATUS_JAMMED"}
    driver.open(scanner_id, {"backend_options": jam})
    try:
        with pytest.raises(MediaProblem) as info:
            driver.scan(ScanSettings(resolution=50, source="adf"))
        check_error(info.value, MediaProblem)
        assert info.value.params["pages"] == []
    finally:
        driver.close()
    driver.open(scanner_id, {"backend_options": {"enable-test-options": True, "read-return-value": "Default"}})
    try:
        assert driver.scan(ScanSettings(resolution=50))
    finally:
        driver.close()


def test_scanner_held_elsewhere_is_busy_until_released(drivers, scanner_id: str) -> None:
    holder = create(drivers, "scanner", "sane")
    other = create(drivers, "scanner", "sane")
    holder.open(scanner_id)
    try:
        with pytest.raises(DeviceBusy) as info:
            other.open(scanner_id)
        check_error(info.value, DeviceBusy)
    finally:
        holder.close()
    other.open(scanner_id)  # free again: the same instance gets it
    try:
        assert other.scan(ScanSettings(resolution=50))
    finally:
        other.close()
