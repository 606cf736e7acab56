"""libfprint driver against the virtual_image device: an image pushed in comes back by capture."""

from __future__ import annotations

import numpy as np
import pytest
from contract import check_driver, check_error
from stack_support import create, push_fingerprint, stand_in_missing

from faskim_desktop.devices.errors import DeviceError, DeviceTimeout, LowQuality
from faskim_desktop.devices.simulated.ridges import synthesize

pytestmark = pytest.mark.stack


@pytest.fixture
def virtual_id(stack_env: dict[str, str], drivers) -> str:
    driver = create(drivers, "fingerprint", "libfprint")
    ids = [d.id for d in driver.devices() if d.id.startswith("virtual_image")]
    if not ids:
        stand_in_missing("libfprint lists no virtual_image device (FP_VIRTUAL_IMAGE not set before start?)")
    return ids[0]


@pytest.fixture
def socket_path(stack_env: dict[str, str]) -> str:
    return stack_env["FP_VIRTUAL_IMAGE"]


def ridge_image(seed: int, width: int = 320, height: int = 400, quality: float = 1.0) -> np.ndarray:
    return synthesize(seed, width, height, quality=quality)


def test_contract_pushed_image_comes_back(drivers, virtual_id: str, socket_path: str) -> None:
    image = ridge_image(11)
    pusher = push_fingerprint(socket_path, image.tobytes(), 320, 400)
    driver = create(drivers, "fingerprint", "libfprint")
    captured = check_driver(driver, device_id=virtual_id, finger="right_index")
    pusher.join(5)
    assert (captured.width, captured.height) == (320, 400)
    assert captured.pixels == image.tobytes(), "libfprint returned exactly the pushed pixels"
    assert captured.dpi == 500
    assert captured.quality >= 60, "clear synthetic ridges score high"


def test_quality_follows_the_ridges(drivers, virtual_id: str, socket_path: str) -> None:
    driver = create(drivers, "fingerprint", "libfprint")
    driver.open(virtual_id)
    try:
        push_fingerprint(socket_path, ridge_image(5).tobytes(), 320, 400)
        clear = driver.capture("left_thumb", timeout=10.0)
        push_fingerprint(socket_path, ridge_image(5, quality=0.35).tobytes(), 320, 400)
        try:
            smudged = driver.capture("left_thumb", timeout=10.0).quality
        except LowQuality:  # libfprint itself found too few minutiae
            smudged = 0
    finally:
        driver.close()
    assert clear.finger == "left_thumb"
    assert smudged < clear.quality


def test_minimum_quality_setting(drivers, virtual_id: str, socket_path: str) -> None:
    driver = create(drivers, "fingerprint", "libfprint")
    driver.open(virtual_id, {"min_quality": 100})
    try:
        push_fingerprint(socket_path, ridge_image(5, quality=0.6).tobytes(), 320, 400)
        with pytest.raises(LowQuality) as info:
            driver.capture("right_index", timeout=10.0)
        check_error(info.value, LowQuality)
    finally:
        driver.close()


def test_timeout_then_capture_again(drivers, virtual_id: str, socket_path: str) -> None:
    driver = create(drivers, "fingerprint", "libfprint")
    driver.open(virtual_id)
    try:
        with pytest.raises(DeviceTimeout) as info:
            driver.capture("right_index", timeout=0.3)  # nobody touches the reader
        check_error(info.value, DeviceTimeout)
        image = ridge_image(21)
        push_fingerprint(socket_path, image.tobytes(), 320, 400)
        assert driver.capture("right_index", timeout=10.0).pixels == image.tobytes()
    finally:
        driver.close()


def test_wrong_size_image_is_refused_then_works(drivers, virtual_id: str, socket_path: str) -> None:
    """A 48 x 48 px push (2.4 mm at 500 dpi) cannot be a finger: a typed error, then a retry works."""
    driver = create(drivers, "fingerprint", "libfprint")
    driver.open(virtual_id)
    try:
        tiny = ridge_image(3, 48, 48)
        push_fingerprint(socket_path, tiny.tobytes(), 48, 48)
        with pytest.raises(DeviceError) as info:
            driver.capture("right_index", timeout=10.0)
        check_error(info.value)
        assert info.value.code in ("device.low_quality", "device.bad_data")
        image = ridge_image(4)
        push_fingerprint(socket_path, image.tobytes(), 320, 400)
        assert driver.capture("right_index", timeout=10.0).pixels == image.tobytes()
    finally:
        driver.close()
