"""Step 7 through the real drivers on the OS stand-ins: fingerprints captured by libfprint's
virtual_image device and saved by the biometrics service; the photo checks on frames from the
OpenCV camera driver (the astronaut video) and the card crop saved encrypted."""

from __future__ import annotations

import numpy as np
import pytest
from stack_support import create, push_fingerprint

from faskim_desktop.core import sop
from faskim_desktop.core.photo_checks import PhotoChecker, crop_card, encode_jpeg, encode_png
from faskim_desktop.core.scripted_case import Artefacts, carry
from faskim_desktop.core.services.biometrics import BiometricsService
from faskim_desktop.devices.simulated.ridges import synthesize
from tests.gui.langkah_utama_support import crew, scan_page

pytestmark = pytest.mark.stack


def _case(ws):  # type: ignore[no-untyped-def]
    return carry(ws, crew(ws), artefacts=Artefacts(scan=scan_page), until=sop.State.BIOMETRIK).case


def test_fingerprints_through_libfprint_virtual_image(workspace, stack_env, drivers) -> None:
    import cv2

    driver = create(drivers, "fingerprint", "libfprint")
    ids = [d.id for d in driver.devices() if d.id.startswith("virtual_image")]
    if not ids:
        pytest.skip("libfprint lists no virtual_image device")
    case = _case(workspace)
    people = crew(workspace)
    service = BiometricsService(workspace, people.loket)
    driver.open(ids[0])
    try:
        for n, finger in enumerate(service.status(case.id).fingers_required):
            image = synthesize(100 + n, 320, 400)
            push_fingerprint(stack_env["FP_VIRTUAL_IMAGE"], image.tobytes(), 320, 400)
            captured = driver.capture(finger, timeout=10.0)
            assert captured.pixels == image.tobytes()
            pixels = np.frombuffer(captured.pixels, np.uint8).reshape(captured.height, captured.width)
            ok, png = cv2.imencode(".png", pixels)
            assert ok
            status = service.save_fingerprint(case.id, finger, png.tobytes(), captured.quality)
            assert status.fingers_done.get(finger, 0) == captured.quality >= 40
    finally:
        driver.close()
    service.save_photo(case.id, b"\x89PNG-original", b"\xff\xd8card", {"test": True})
    assert service.complete(case.id).state is sop.State.REGISTER


def test_photo_checks_on_the_opencv_camera(workspace, stack_env, drivers) -> None:
    driver = create(drivers, "camera", "opencv")
    driver.open(stack_env["FASKIM_TEST_CAMERA"])
    try:
        frame = driver.read_frame(timeout=5.0)
    finally:
        driver.close()
    bgr = np.frombuffer(frame.data, np.uint8).reshape(frame.height, frame.width, 3)
    result = PhotoChecker().assess(bgr)
    assert result.check("one_face").passed and result.crop is not None
    case = _case(workspace)
    service = BiometricsService(workspace, crew(workspace).loket)
    service.save_photo(case.id, encode_png(bgr), encode_jpeg(crop_card(bgr, result.crop)), result.summary())
    assert service.status(case.id).photo
