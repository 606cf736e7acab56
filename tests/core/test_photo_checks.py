"""Photo checks on the public-domain NASA astronaut portrait (scikit-image) and variants made from it."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import skimage.data

from faskim_desktop.core import messages
from faskim_desktop.core.photo_checks import (
    CARD_ASPECT,
    CARD_SIZE,
    CHECKS,
    Box,
    PhotoChecker,
    crop_card,
    encode_jpeg,
    encode_png,
    frame_array,
)


def astronaut() -> np.ndarray:
    return np.ascontiguousarray(skimage.data.astronaut()[:, :, ::-1])  # RGB -> BGR


def webcam_frame(left: int = 24) -> np.ndarray:
    """A 640x480 frame cut from the portrait as a webcam would frame the applicant."""
    return cv2.resize(astronaut()[0:300, left:left + 400], (640, 480), interpolation=cv2.INTER_CUBIC)


@pytest.fixture(scope="module")
def checker() -> PhotoChecker:
    return PhotoChecker()


def failed_reasons(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {c.code: c.reason for c in result.failed}


def test_the_portrait_passes_every_check(checker: PhotoChecker) -> None:
    result = checker.assess(webcam_frame())
    assert [c.code for c in result.checks] == list(CHECKS)
    assert result.passed, failed_reasons(result)
    assert len(result.faces) == 1 and len(result.eyes) == 2
    assert result.check("eye_distance").value >= 60
    assert 0.5 <= result.check("head_size").value <= 0.75  # head width share of the card crop


def test_the_card_crop_has_the_icao_proportion_and_keeps_the_face(checker: PhotoChecker) -> None:
    frame = webcam_frame()
    result = checker.assess(frame)
    assert result.crop is not None
    assert result.crop.w / result.crop.h == pytest.approx(CARD_ASPECT, abs=0.01)
    card = crop_card(frame, result.crop)
    assert card.shape == (CARD_SIZE[1], CARD_SIZE[0], 3)
    again = checker.assess(card)  # the crop still shows one centred face
    assert again.check("one_face").passed and again.check("centred").passed
    assert frame.shape == (480, 640, 3)  # the original is untouched (kept as the PNG original)
    assert encode_png(frame).startswith(b"\x89PNG") and encode_jpeg(card).startswith(b"\xff\xd8")


def test_a_blurred_frame_fails_on_sharpness(checker: PhotoChecker) -> None:
    result = checker.assess(cv2.GaussianBlur(webcam_frame(), (0, 0), 4))
    assert result.check("one_face").passed
    assert failed_reasons(result).get("sharpness") == "photo.blurred"


def test_a_dark_frame_fails_on_exposure(checker: PhotoChecker) -> None:
    result = checker.assess((webcam_frame() * 0.2).astype(np.uint8))
    assert result.check("one_face").passed  # still found: detection stretches the grey levels
    assert failed_reasons(result).get("exposure") == "photo.too_dark"


def test_an_over_exposed_frame_fails_on_exposure(checker: PhotoChecker) -> None:
    bright = cv2.convertScaleAbs(webcam_frame(), alpha=1.0, beta=110)
    result = checker.assess(bright)
    assert failed_reasons(result).get("exposure") in {"photo.too_bright", "photo.clipped"}


def test_an_off_centre_face_fails_and_says_which_way(checker: PhotoChecker) -> None:
    result = checker.assess(webcam_frame(left=100))  # the face ends up in the left part of the frame
    assert result.check("one_face").passed
    assert failed_reasons(result).get("centred") == "photo.move_right"
    mirrored = checker.assess(np.ascontiguousarray(webcam_frame(left=100)[:, ::-1]))
    assert failed_reasons(mirrored).get("centred") == "photo.move_left"


def test_two_faces_fail(checker: PhotoChecker) -> None:
    half = cv2.resize(webcam_frame()[:, 120:520], (320, 480))
    result = checker.assess(np.hstack([half, half]))
    assert failed_reasons(result)["one_face"] == "photo.many_faces"
    assert result.check("one_face").value == 2
    assert result.crop is None


def test_no_face_fails(checker: PhotoChecker) -> None:
    backdrop = cv2.resize(astronaut()[0:200, 300:512], (640, 480))
    result = checker.assess(backdrop)
    assert failed_reasons(result)["one_face"] == "photo.no_face"
    assert failed_reasons(result)["centred"] == "photo.needs_one_face"


def test_a_head_too_small_or_too_large_fails_on_head_size(checker: PhotoChecker) -> None:
    far = cv2.resize(astronaut(), (640, 640))[8:488, 0:640]  # more of the portrait: the head is small
    result = checker.assess(far)
    assert result.check("one_face").passed
    assert failed_reasons(result).get("head_size") == "photo.too_far"
    near = cv2.resize(astronaut()[40:200, 150:363], (640, 480))  # only the face: too close
    near_result = checker.assess(near)
    if near_result.check("one_face").passed:
        assert failed_reasons(near_result).get("head_size") == "photo.too_close"
    else:
        assert failed_reasons(near_result)["one_face"] == "photo.no_face"


def test_a_cluttered_background_fails(checker: PhotoChecker) -> None:
    frame = webcam_frame().copy()
    stripes = np.zeros((120, 640, 3), np.uint8)
    stripes[:, ::16] = 255
    stripes[:, 1::16] = 255
    frame[0:40] = stripes[0:40]
    frame[:, 0:140] = np.tile(stripes[0:1, 0:140], (480, 1, 1))
    frame[:, 500:640] = np.tile(stripes[0:1, 0:140], (480, 1, 1))
    result = checker.assess(frame)
    assert failed_reasons(result).get("background") == "photo.background"


def test_every_reason_has_words_in_both_languages(checker: PhotoChecker) -> None:
    frames = [webcam_frame(), cv2.GaussianBlur(webcam_frame(), (0, 0), 4), webcam_frame(left=100)]
    reasons = {c.reason for f in frames for c in checker.assess(f).checks} | {f"photo.check.{c}" for c in CHECKS}
    for code in reasons:
        assert messages.has(code)
        assert messages.text(code, language="id") != messages.text(code, language="en")


@pytest.mark.parametrize("shape", [(10, 10, 3), (480, 640), (480, 640, 4)])
def test_malformed_frames_are_refused(checker: PhotoChecker, shape: tuple[int, ...]) -> None:
    with pytest.raises(ValueError):
        checker.assess(np.zeros(shape, np.uint8))


def test_frame_bytes_round_trip_and_a_crop_outside_the_frame_is_padded() -> None:
    frame = webcam_frame()
    assert np.array_equal(frame_array(640, 480, frame.tobytes()), frame)
    with pytest.raises(ValueError):
        frame_array(640, 480, b"\x00" * 100)
    card = crop_card(frame, Box(-10, -10, 350, 450))
    assert card.shape == (450, 350, 3)
