"""Live quality checks on a camera frame for the card photo (SOP step 7), and the card crop.

Qt-free: the capture page calls :meth:`PhotoChecker.assess` on each preview frame (on the
camera's worker thread) and shows the result of every check with its reason in words.

What is checked, and the norms the numbers come from
----------------------------------------------------
ICAO Doc 9303 part 3 (section on the displayed portrait) refers to ISO/IEC 19794-5 for the
portrait's geometry. ISO/IEC 19794-5:2005 *full frontal* image, and the ICAO "Portrait Quality"
technical report (2018) that restates it for 35 × 45 mm photos, ask for:

* exactly one face, frontal, centred on the image's vertical centre line;
* head width (ear to ear) 50–75 % of the image width (ISO/IEC 19794-5 §8.3.4, "A" ratio);
* chin-to-crown length 70–80 % of the image height (ICAO: 32–36 mm of 45 mm). ISO/IEC 19794-5
  measures the crown as the top of the head *ignoring the hair*; we estimate it from the face box;
* eye-centre distance ≥ 90 px for a full frontal image (§8.4.1), and 1/4 of the width for a
  *token* image (§9.2: width ≥ 240 px ⇒ ≥ 60 px). The photo box on the ID-1 card is 21.4 × 27.5 mm
  (resources/card/layout.json); printed at 300–600 dpi it is a token-size image, so we ask for
  ≥ 60 px between the eyes in the camera frame (the card crop of 350 × 450 px then upsamples by
  at most 1.5×). This is ``Thresholds.min_eye_distance`` and is configurable;
* in focus, evenly lit without saturated or crushed areas, on a plain uniform background
  (ISO/IEC 19794-5 §7.2 and §8.2: focus, no over/under-exposure, uniform background).

The card photo is cropped around the face to the ICAO 35 × 45 mm proportion (7:9) so that the
estimated chin-to-crown length is 75 % of the crop height (the middle of 70–80 %), the face
centred horizontally. The live checks therefore ask whether *that crop is possible here*: the
head is large enough that the crop has enough pixels, small enough that the crop fits the frame,
and the head width then falls within 50–75 % of the crop width.

The face is found with OpenCV's frontal-face Haar cascade on a downscaled, equalised grey image
(detection is the costly part; the other measures run on the full-resolution face region). The
estimate of crown and chin from the Haar box (crown ≈ box top − 0.40·h, chin ≈ box top + 1.15·h,
head width ≈ 1.10·w) was measured on the public-domain NASA astronaut portrait that the tests use.

Every check returns a ``CheckResult`` with a stable ``code`` and a ``reason`` message code whose
Indonesian and English words are registered below; nothing here carries personal data.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

import cv2
import numpy as np

from faskim_desktop.core import messages

log = logging.getLogger(__name__)

CARD_ASPECT = 35 / 45  # ICAO photo proportion (width / height), as the card's photo box (21.4 × 27.5 mm)
CARD_SIZE = (350, 450)  # pixels of the stored card photo (width, height)

# Face-box → head geometry (fractions of the Haar box), see the module docstring.
CROWN_ABOVE_BOX = 0.40
CHIN_BELOW_BOX_TOP = 1.15
HEAD_WIDTH_OF_BOX = 1.10
HEAD_SHARE_OF_CROP = 0.75  # chin-to-crown as a share of the crop height (ICAO 70–80 %)
CROWN_MARGIN_OF_CROP = 0.10  # space above the crown as a share of the crop height

CHECKS = ("one_face", "centred", "head_size", "eye_distance", "sharpness", "exposure", "background")


@dataclass(frozen=True)
class Thresholds:
    detect_width: int = 224  # frames are downscaled to this width for face detection (speed)
    min_face_share: float = 0.22  # smallest face box searched, as a share of the frame height
    centre_tolerance: float = 0.08  # face centre within ±8 % of the width from the centre line
    head_width_share: tuple[float, float] = (0.50, 0.75)  # ISO/IEC 19794-5 head width / image width
    min_crop_height: int = 300  # px of the frame under the card crop (head ≥ 225 px)
    min_eye_distance: float = 60.0  # px, ISO/IEC 19794-5 token geometry (W/4 with W ≥ 240)
    min_sharpness: float = 60.0  # variance of the Laplacian over the face (grey levels²)
    exposure_mean: tuple[float, float] = (70.0, 200.0)  # mean grey level of the face
    max_clipped: float = 0.05  # share of face pixels at ≤ 5 or ≥ 250
    max_background_std: float = 28.0  # grey-level std of the background band around the head


@dataclass(frozen=True)
class CheckResult:
    code: str  # one of CHECKS
    passed: bool
    reason: str  # message code (words in messages), "photo.ok" when passed
    value: float | None = None  # the measured quantity, for the technician and the tests

    @property
    def label(self) -> str:
        return f"photo.check.{self.code}"


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass(frozen=True)
class Assessment:
    width: int
    height: int
    checks: tuple[CheckResult, ...]
    faces: tuple[Box, ...] = ()
    eyes: tuple[Box, ...] = ()
    crop: Box | None = None  # the card crop in frame coordinates, when one face was found
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def failed(self) -> tuple[CheckResult, ...]:
        return tuple(c for c in self.checks if not c.passed)

    def check(self, code: str) -> CheckResult:
        return next(c for c in self.checks if c.code == code)

    def summary(self) -> dict[str, bool]:
        return {c.code: c.passed for c in self.checks}


def _cascade(name: str) -> cv2.CascadeClassifier:
    path = cv2.data.haarcascades + name
    classifier = cv2.CascadeClassifier(path)
    if classifier.empty():
        raise RuntimeError(f"OpenCV cascade not found: {name}")
    return classifier


def frame_array(width: int, height: int, data: bytes) -> np.ndarray:
    """A camera ``Frame``'s bytes as a BGR array (no copy)."""
    return np.frombuffer(data, np.uint8).reshape(height, width, 3)


class PhotoChecker:
    """Holds the cascades (loading them takes ~50 ms); one instance per camera worker.

    OpenCV cascades are not documented as thread-safe, so calls are serialised by a lock.
    """

    def __init__(self, thresholds: Thresholds | None = None) -> None:
        self.t = thresholds or Thresholds()
        self._faces = _cascade("haarcascade_frontalface_default.xml")
        self._eyes = _cascade("haarcascade_eye.xml")
        self._glasses = _cascade("haarcascade_eye_tree_eyeglasses.xml")  # second try: eyes behind glasses
        self._lock = threading.Lock()

    # --- detection ---------------------------------------------------------------------------

    def _detect_faces(self, grey: np.ndarray) -> list[Box]:
        width = grey.shape[1]
        scale = min(1.0, self.t.detect_width / width)
        small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
        # stretch the grey levels so detection does not depend on exposure (exposure is its own check)
        small = cv2.normalize(small, None, 0, 255, cv2.NORM_MINMAX)
        min_side = max(24, int(small.shape[0] * self.t.min_face_share))
        found = self._faces.detectMultiScale(small, scaleFactor=1.2, minNeighbors=4, minSize=(min_side, min_side))
        boxes = [Box(int(x / scale), int(y / scale), int(w / scale), int(h / scale)) for (x, y, w, h) in found]
        return sorted(boxes, key=lambda b: b.w * b.h, reverse=True)

    def _detect_eyes(self, grey: np.ndarray, face: Box) -> list[Box]:
        top = grey[face.y + int(face.h * 0.15): face.y + int(face.h * 0.60), face.x: face.x + face.w]
        if top.size == 0:
            return []
        scale = min(1.0, 88 / max(1, top.shape[1]))  # eyes are found on a small copy (speed)
        small = cv2.resize(top, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else top
        small = cv2.normalize(small, None, 0, 255, cv2.NORM_MINMAX)
        width = small.shape[1]
        lo, hi = max(8, int(width * 0.14)), max(12, int(width * 0.42))
        oy = face.y + int(face.h * 0.15)
        eyes: list[Box] = []
        for cascade in (self._eyes, self._glasses):
            found = cascade.detectMultiScale(small, scaleFactor=1.15, minNeighbors=3, minSize=(lo, lo), maxSize=(hi, hi))
            eyes = _eye_pair([Box(face.x + int(x / scale), oy + int(y / scale), int(w / scale), int(h / scale))
                              for (x, y, w, h) in found], face)
            if len(eyes) == 2:
                break
        return eyes

    # --- the checks --------------------------------------------------------------------------

    def assess(self, frame: np.ndarray) -> Assessment:
        if frame.ndim != 3 or frame.shape[2] != 3 or frame.shape[0] < 32 or frame.shape[1] < 32:
            raise ValueError("a BGR frame of at least 32 × 32 pixels is expected")
        with self._lock:
            return self._assess(frame)

    def _assess(self, frame: np.ndarray) -> Assessment:
        t = self.t
        height, width = frame.shape[:2]
        grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        faces = self._detect_faces(grey)
        results: list[CheckResult] = []

        if not faces:
            results.append(CheckResult("one_face", False, "photo.no_face", 0))
        elif len(faces) > 1:
            results.append(CheckResult("one_face", False, "photo.many_faces", len(faces)))
        else:
            results.append(CheckResult("one_face", True, "photo.ok", 1))

        if len(faces) != 1:
            # Without exactly one face only the whole-frame measures can be judged.
            region = grey[height // 4: height * 3 // 4, width // 4: width * 3 // 4]
            for code in ("centred", "head_size", "eye_distance"):
                results.append(CheckResult(code, False, "photo.needs_one_face"))
            results.append(self._sharpness(region))
            results.append(self._exposure(region))
            results.append(CheckResult("background", False, "photo.needs_one_face"))
            return Assessment(width, height, tuple(results), tuple(faces))

        face = faces[0]
        eyes = self._detect_eyes(grey, face)
        crown = face.y - CROWN_ABOVE_BOX * face.h
        chin = face.y + CHIN_BELOW_BOX_TOP * face.h
        head_len = chin - crown
        head_w = HEAD_WIDTH_OF_BOX * face.w
        crop_h = head_len / HEAD_SHARE_OF_CROP
        crop_w = crop_h * CARD_ASPECT
        cx = face.centre[0]
        if len(eyes) == 2:
            cx = (eyes[0].centre[0] + eyes[1].centre[0]) / 2  # ICAO: the eyes' midpoint on the centre line
        top = crown - CROWN_MARGIN_OF_CROP * crop_h
        crop_x, crop_y = cx - crop_w / 2, top
        extra = {"head_len": head_len, "head_w": head_w, "crop_h": crop_h}

        # centred: horizontal offset from the frame's centre line
        offset = (cx - width / 2) / width
        extra["offset"] = offset
        if abs(offset) > t.centre_tolerance:
            results.append(CheckResult("centred", False, "photo.move_right" if offset < 0 else "photo.move_left",
                                       round(offset, 3)))
        else:
            results.append(CheckResult("centred", True, "photo.ok", round(offset, 3)))

        # head size: the ICAO crop must fit the frame and have enough pixels; head width share
        share = head_w / crop_w
        extra["head_width_share"] = share
        fits_vertically = crop_h <= height * 1.02
        # a crop that sticks out at the top or bottom is moved inside if the head stays within it
        crop_y = min(max(crop_y, 0.0), max(0.0, height - crop_h))
        head_inside = crown >= crop_y - 0.02 * crop_h and chin <= crop_y + crop_h + 0.02 * crop_h
        fits_sideways = crop_x >= -0.02 * crop_w and crop_x + crop_w <= width + 0.02 * crop_w
        if not fits_vertically or not head_inside:
            head = CheckResult("head_size", False, "photo.too_close", round(crop_h / height, 3))
        elif crop_h < t.min_crop_height:
            head = CheckResult("head_size", False, "photo.too_far", round(crop_h / height, 3))
        elif not t.head_width_share[0] <= share <= t.head_width_share[1]:
            head = CheckResult("head_size", False, "photo.head_proportion", round(share, 3))
        elif not fits_sideways:
            head = CheckResult("head_size", False, "photo.too_close", round(crop_h / height, 3))
        else:
            head = CheckResult("head_size", True, "photo.ok", round(share, 3))
        results.append(head)

        # eye distance
        if len(eyes) == 2:
            distance = abs(eyes[1].centre[0] - eyes[0].centre[0])
            if distance >= t.min_eye_distance:
                results.append(CheckResult("eye_distance", True, "photo.ok", round(distance, 1)))
            else:
                results.append(CheckResult("eye_distance", False, "photo.eyes_too_close", round(distance, 1)))
        else:
            results.append(CheckResult("eye_distance", False, "photo.eyes_not_found", float(len(eyes))))

        # sharpness and exposure on the face region
        region = grey[max(0, face.y): face.y + face.h, max(0, face.x): face.x + face.w]
        results.append(self._sharpness(region))
        results.append(self._exposure(region))

        # background: a band around the crop's upper part, outside the head
        results.append(self._background(grey, face, crown, crop_x, crop_y, crop_w, crop_h))

        crop = Box(round(crop_x), round(crop_y), round(crop_w), round(crop_h))
        return Assessment(width, height, tuple(results), (face,), tuple(eyes), crop, extra)

    def _sharpness(self, region: np.ndarray) -> CheckResult:
        if region.size == 0:
            return CheckResult("sharpness", False, "photo.blurred", 0.0)
        value = float(cv2.Laplacian(region, cv2.CV_64F).var())
        ok = value >= self.t.min_sharpness
        return CheckResult("sharpness", ok, "photo.ok" if ok else "photo.blurred", round(value, 1))

    def _exposure(self, region: np.ndarray) -> CheckResult:
        if region.size == 0:
            return CheckResult("exposure", False, "photo.too_dark", 0.0)
        mean = float(region.mean())
        low, high = self.t.exposure_mean
        clipped = float(np.count_nonzero((region <= 5) | (region >= 250))) / region.size
        if mean < low:
            return CheckResult("exposure", False, "photo.too_dark", round(mean, 1))
        if mean > high:
            return CheckResult("exposure", False, "photo.too_bright", round(mean, 1))
        if clipped > self.t.max_clipped:
            return CheckResult("exposure", False, "photo.clipped", round(clipped, 3))
        return CheckResult("exposure", True, "photo.ok", round(mean, 1))

    def _background(self, grey: np.ndarray, face: Box, crown: float, crop_x: float, crop_y: float,
                    crop_w: float, crop_h: float) -> CheckResult:
        height, width = grey.shape
        x0, x1 = int(max(0, crop_x)), int(min(width, crop_x + crop_w))
        y0, y1 = int(max(0, crop_y)), int(min(height, face.y + face.h * 0.5))
        band = max(4, int(crop_w * 0.12))
        head_left = int(face.centre[0] - HEAD_WIDTH_OF_BOX * face.w * 0.75)
        head_right = int(face.centre[0] + HEAD_WIDTH_OF_BOX * face.w * 0.75)
        parts = [grey[y0: max(y0, int(crown) - 2), x0:x1]]  # above the crown
        parts.append(grey[y0:y1, x0: min(x0 + band, max(x0, head_left))])  # left of the head
        parts.append(grey[y0:y1, max(x1 - band, min(x1, head_right)): x1])  # right of the head
        kept = [p.ravel() for p in parts if p.size]
        pixels = np.concatenate(kept) if kept else np.empty(0, np.uint8)
        if pixels.size < 50:
            return CheckResult("background", False, "photo.background_unknown", None)
        std = float(pixels.std())
        ok = std <= self.t.max_background_std
        return CheckResult("background", ok, "photo.ok" if ok else "photo.background", round(std, 1))


def _eye_pair(eyes: list[Box], face: Box) -> list[Box]:
    """The two eye candidates that look most like a left/right pair; fewer when not found."""
    if len(eyes) < 2:
        return eyes
    best: tuple[float, Box, Box] | None = None
    for i, a in enumerate(eyes):
        for b in eyes[i + 1:]:
            left, right = (a, b) if a.centre[0] < b.centre[0] else (b, a)
            dx = right.centre[0] - left.centre[0]
            dy = abs(right.centre[1] - left.centre[1])
            if dx < face.w * 0.2 or dy > face.h * 0.15:
                continue
            # prefer a level pair straddling the face's centre line
            score = dy + abs((left.centre[0] + right.centre[0]) / 2 - face.centre[0])
            if best is None or score < best[0]:
                best = (score, left, right)
    return [best[1], best[2]] if best else [eyes[0]]


def crop_card(frame: np.ndarray, crop: Box, size: tuple[int, int] = CARD_SIZE) -> np.ndarray:
    """The card photo (35:45) cut from ``frame``; any part outside the frame is filled with the
    nearest edge (only slivers: ``head_size`` fails when the crop really does not fit)."""
    height, width = frame.shape[:2]
    pad = max(0, -crop.x, -crop.y, crop.x + crop.w - width, crop.y + crop.h - height)
    source = frame
    x, y = crop.x, crop.y
    if pad:
        source = cv2.copyMakeBorder(frame, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
        x, y = x + pad, y + pad
    piece = source[y: y + crop.h, x: x + crop.w]
    interpolation = cv2.INTER_AREA if crop.h > size[1] else cv2.INTER_CUBIC
    return cv2.resize(piece, size, interpolation=interpolation)


def encode_png(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".png", image)
    if not ok:
        raise ValueError("PNG encoding failed")
    return data.tobytes()


def encode_jpeg(image: np.ndarray, quality: int = 92) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [int(cv2.IMWRITE_JPEG_QUALITY), quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return data.tobytes()


MESSAGES = {
    "photo.ok": {"id": "Memenuhi syarat", "en": "Meets the requirement"},
    "photo.check.one_face": {"id": "Tepat satu wajah", "en": "Exactly one face"},
    "photo.check.centred": {"id": "Wajah di tengah", "en": "Face centred"},
    "photo.check.head_size": {"id": "Ukuran kepala (ICAO)", "en": "Head size (ICAO)"},
    "photo.check.eye_distance": {"id": "Jarak antarmata", "en": "Distance between the eyes"},
    "photo.check.sharpness": {"id": "Ketajaman", "en": "Sharpness"},
    "photo.check.exposure": {"id": "Pencahayaan", "en": "Exposure"},
    "photo.check.background": {"id": "Latar belakang polos", "en": "Plain background"},
    "photo.no_face": {"id": "Wajah tidak terlihat. Minta pemohon menghadap kamera.",
                      "en": "No face seen. Ask the applicant to face the camera."},
    "photo.many_faces": {"id": "Terlihat lebih dari satu wajah. Hanya pemohon yang boleh di depan kamera.",
                         "en": "More than one face is visible. Only the applicant may be in front of the camera."},
    "photo.needs_one_face": {"id": "Belum dapat dinilai: perlu tepat satu wajah.",
                             "en": "Cannot be judged yet: exactly one face is needed."},
    "photo.move_left": {"id": "Wajah tidak di tengah: minta pemohon bergeser ke kiri (dari sisi kamera).",
                        "en": "Face not centred: ask the applicant to move left (as the camera sees it)."},
    "photo.move_right": {"id": "Wajah tidak di tengah: minta pemohon bergeser ke kanan (dari sisi kamera).",
                         "en": "Face not centred: ask the applicant to move right (as the camera sees it)."},
    "photo.too_close": {"id": "Kepala terlalu besar/terpotong: minta pemohon mundur sedikit.",
                        "en": "Head too large or cut off: ask the applicant to step back a little."},
    "photo.too_far": {"id": "Kepala terlalu kecil: minta pemohon mendekat ke kamera.",
                      "en": "Head too small: ask the applicant to come closer to the camera."},
    "photo.head_proportion": {"id": "Proporsi kepala di luar ketentuan ICAO (lebar kepala 50–75% lebar foto).",
                              "en": "Head proportions outside ICAO rules (head width 50–75% of the photo width)."},
    "photo.eyes_not_found": {"id": "Kedua mata tidak terlihat jelas: mata terbuka, tanpa kacamata/poni menutupi.",
                             "en": "Both eyes are not clearly visible: eyes open, no glasses or fringe covering."},
    "photo.eyes_too_close": {"id": "Jarak antarmata terlalu kecil untuk resolusi foto kartu: minta pemohon mendekat.",
                             "en": "The eyes are too close together for the card photo's resolution: come closer."},
    "photo.blurred": {"id": "Gambar kabur: minta pemohon diam, periksa fokus kamera.",
                      "en": "Image blurred: ask the applicant to keep still, check the camera focus."},
    "photo.too_dark": {"id": "Terlalu gelap: tambah pencahayaan pada wajah.",
                       "en": "Too dark: add light on the face."},
    "photo.too_bright": {"id": "Terlalu terang: kurangi pencahayaan pada wajah.",
                         "en": "Too bright: reduce the light on the face."},
    "photo.clipped": {"id": "Ada bagian wajah yang terlalu terang atau terlalu gelap (pantulan/bayangan).",
                      "en": "Parts of the face are blown out or crushed (glare or shadow)."},
    "photo.background": {"id": "Latar belakang tidak polos/merata: gunakan latar polos tanpa benda.",
                         "en": "Background not plain or even: use a plain backdrop with nothing behind."},
    "photo.background_unknown": {"id": "Latar belakang tidak dapat dinilai (kepala terlalu dekat ke tepi).",
                                 "en": "Background cannot be judged (head too near the edge)."},
}
messages.register(MESSAGES)
