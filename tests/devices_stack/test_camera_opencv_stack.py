"""OpenCV camera driver on the stand-in camera: an MJPG video of the astronaut portrait."""

from __future__ import annotations

import os

import numpy as np
import pytest
from contract import check_driver, check_error
from stack_support import create, stand_in_missing

from faskim_desktop.devices.errors import NotConnected, UnsupportedSetting

pytestmark = pytest.mark.stack


@pytest.fixture
def video(stack_env: dict[str, str]) -> str:
    path = stack_env["FASKIM_TEST_CAMERA"]
    if not os.path.exists(path):
        stand_in_missing(f"camera video {path} missing (scripts/devices start)")
    return path


def test_contract_at_a_configured_resolution(drivers, video: str) -> None:
    driver = create(drivers, "camera", "opencv")
    frames = check_driver(driver, device_id=video, settings={"width": 320, "height": 240, "fps": 30})
    assert all((f.width, f.height) == (320, 240) for f in frames)


def test_frames_show_the_face(drivers, video: str) -> None:
    import cv2

    driver = create(drivers, "camera", "opencv")
    driver.open(video)
    try:
        frame = driver.read_frame(timeout=5.0)
    finally:
        driver.close()
    assert (frame.width, frame.height) == (512, 512)
    image = np.frombuffer(frame.data, dtype=np.uint8).reshape(frame.height, frame.width, 3)
    assert image.std() > 20, "a real photo, not a blank frame"
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    cascade = cv2.CascadeClassifier(os.path.join(cv2.data.haarcascades, "haarcascade_frontalface_default.xml"))
    faces = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(80, 80))
    assert len(faces) == 1


def test_video_loops_like_a_live_camera(drivers, video: str) -> None:
    driver = create(drivers, "camera", "opencv")
    driver.open(video, {"fps": 1000})  # fast pacing: the file holds 30 frames
    try:
        frames = [driver.read_frame(timeout=5.0) for _ in range(45)]
    finally:
        driver.close()
    assert len({f.data[:4096] for f in frames}) > 1, "frames change over time"
    assert all(len(f.data) == f.width * f.height * 3 for f in frames)


def test_configured_sources_are_listed(drivers, video: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FASKIM_CAMERA_SOURCES", video)
    driver = create(drivers, "camera", "opencv")
    assert video in [d.id for d in driver.devices()]


def test_missing_source_is_not_connected(drivers, video: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    driver = create(drivers, "camera", "opencv")
    with pytest.raises(NotConnected) as info:
        driver.open(str(tmp_path / "unplugged.avi"))
    check_error(info.value, NotConnected)
    with pytest.raises(NotConnected):
        driver.read_frame()
    # The same instance works once a real source is chosen.
    driver.open(video)
    assert driver.read_frame(timeout=5.0).width == 512
    driver.close()


def test_bad_setting_is_refused(drivers, video: str) -> None:
    driver = create(drivers, "camera", "opencv")
    with pytest.raises(UnsupportedSetting) as info:
        driver.open(video, {"width": "wide", "height": 240})
    check_error(info.value, UnsupportedSetting)
    assert not driver.is_open
