"""Step 7 at the counter with simulated devices: the live photo checks and automatic capture on
the public-domain portrait, fingerprints with quality, a reader unplugged mid-capture, a finger
exception co-signed by the supervisor, a camera that stops mid-preview and recovers, a child
photographed face only."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from faskim_desktop.core import clock, sop
from faskim_desktop.core.scripted_case import Artefacts, carry, sample_entry
from faskim_desktop.core.services.biometrics import BiometricsService
from faskim_desktop.core.services.utama_views import biometric_files
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.gui.build_ui import ensure_built
from faskim_desktop.store.tables import Case
from tests.conftest import PASSWORD, wait_idle
from tests.gui.langkah_utama_support import case_at, crew, portrait_frame, scan_page

ensure_built()

from faskim_desktop.gui.pages.step_biometrik import BiometrikPage  # noqa: E402


def _page(qtbot, ctx, case):  # type: ignore[no-untyped-def]
    page = BiometrikPage(ctx)
    qtbot.addWidget(page)
    page.resize(1030, 640)
    page.show()
    page.load(case)
    wait_idle(qtbot, ctx)
    return page


def _camera_shows(qtbot, ctx, frame) -> None:  # type: ignore[no-untyped-def]
    """Make the simulated camera film the portrait (the driver is opened on its worker first)."""
    done = []
    ctx.devices.run(DeviceKind.CAMERA, lambda d: setattr(d, "frame_array", lambda n: frame), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)


def test_photo_auto_capture_fingerprints_and_a_cosigned_exception(qtbot, workspace, seat_factory, artifacts):
    case = case_at(workspace, sop.State.BIOMETRIK)
    ctx = seat_factory("loket1")
    page = _page(qtbot, ctx, case)
    assert list(page.finger_rows) == ["right_thumb", "left_thumb", "right_index", "left_index"]

    _camera_shows(qtbot, ctx, portrait_frame())
    page.camera_button.click()
    qtbot.waitUntil(lambda: "otomatis" in page.message.text(), timeout=15_000)  # all checks passed: captured
    wait_idle(qtbot, ctx)
    assert all(label.text().startswith("✔") for label in page.check_labels.values())
    files = {f.kind: f for f in biometric_files(workspace, case.id)}
    assert {"photo", "photo_original"} <= set(files)
    original = workspace.files.get(files["photo_original"].path, files["photo_original"].sha256)
    card = workspace.files.get(files["photo"].path, files["photo"].sha256)
    assert original.startswith(b"\x89PNG") and card.startswith(b"\xff\xd8")
    on_disk = (workspace.files.root / files["photo"].path).read_bytes()
    assert b"JFIF" not in on_disk[:64] and not on_disk.startswith(b"\xff\xd8")  # encrypted at rest
    (artifacts / "screenshots").mkdir(exist_ok=True)
    qtbot.wait(100)
    page.grab().save(str(artifacts / "screenshots" / "utama_biometrik_foto.png"))

    # three fingers through the simulated reader, each with its quality
    for _ in range(3):
        page.next_finger_button.click()
        qtbot.waitUntil(lambda: page.next_finger_button.isEnabled(), timeout=10_000)
        wait_idle(qtbot, ctx)
    status = BiometricsService(workspace, ctx.principal).status(case.id)
    assert len(status.fingers_done) == 3 and all(q >= 40 for q in status.fingers_done.values())

    # the reader is unplugged during the fourth capture: a message, nothing stored, retry possible
    reader = ctx.devices._drivers[DeviceKind.FINGERPRINT]
    reader.set_fault("disconnected")
    page.next_finger_button.click()
    qtbot.waitUntil(lambda: "Pemindai sidik jari" in page.message.text(), timeout=10_000)
    assert page.next_finger_button.isEnabled()
    assert BiometricsService(workspace, ctx.principal).status(case.id).attempts.get("left_index", 0) == 0

    # the finger cannot be captured: an exception the supervisor co-signs (wrong password refused)
    assert page.exc_finger.currentData() == "left_index"
    page.exc_reason.setText("Jari diperban")
    page.exc_user.setText("spv1")
    page.exc_password.setText("bukan-sandi")
    page.exc_button.click()
    wait_idle(qtbot, ctx)
    assert "left_index" not in BiometricsService(workspace, ctx.principal).status(case.id).exceptions
    page.exc_user.setText("spv1")
    page.exc_password.setText(PASSWORD)
    page.exc_button.click()
    wait_idle(qtbot, ctx)
    status = BiometricsService(workspace, ctx.principal).status(case.id)
    assert status.exceptions == {"left_index": "Jari diperban"} and status.complete
    qtbot.wait(100)
    page.grab().save(str(artifacts / "screenshots" / "utama_biometrik_sidik.png"))

    moved = []
    page.case_changed.connect(moved.append)
    page.complete_button.click()
    wait_idle(qtbot, ctx)
    assert moved and moved[0].state is sop.State.REGISTER


def test_a_camera_that_stops_mid_preview_recovers(qtbot, workspace, seat_factory, artifacts):
    from faskim_desktop.devices.settings import DeviceChoice, DeviceSettings

    settings = DeviceSettings(workspace.folder)  # the drawn face: a close-up that fails the checks
    settings.set_choice(DeviceKind.CAMERA, DeviceChoice("simulated", "", {"subject": "drawn"}))
    settings.save()
    case = case_at(workspace, sop.State.BIOMETRIK)
    ctx = seat_factory("loket1")
    page = _page(qtbot, ctx, case)
    page.auto.setChecked(False)
    page.camera_button.click()
    qtbot.waitUntil(lambda: page.frames_seen >= 2, timeout=10_000)
    ctx.devices._drivers[DeviceKind.CAMERA].set_fault("disconnected")
    qtbot.waitUntil(lambda: "Kamera berhenti" in page.message.text(), timeout=10_000)
    assert not page._running
    seen = page.frames_seen
    page.camera_button.click()  # the hub reset the driver: pressing again reopens the camera
    qtbot.waitUntil(lambda: page.frames_seen >= seen + 2, timeout=10_000)
    assert "Kamera menyala" in page.message.text()
    # the simulated camera's drawn face is a close-up: the reasons are shown in words
    assert page.check_labels["head_size"].text().startswith("✘") and "mundur" in page.check_labels["head_size"].text()
    (artifacts / "screenshots").mkdir(exist_ok=True)
    page.grab().save(str(artifacts / "screenshots" / "utama_biometrik_checks.png"))
    page.capture_button.click()  # by button, even with checks failing: saved, the failures noted
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "disimpan" in page.message.text(), timeout=10_000)
    assert BiometricsService(workspace, ctx.principal).status(case.id).photo
    page.stop_camera()


def test_a_child_below_the_age_gives_the_face_only(qtbot, workspace, seat_factory):
    young = dataclasses.replace(sample_entry(7), tanggal_lahir=(clock.today() - timedelta(days=365 * 3)).isoformat())
    outcome = carry(workspace, crew(workspace), entry=young, artefacts=Artefacts(scan=scan_page),
                    until=sop.State.BIOMETRIK)
    ctx = seat_factory("loket1")
    page = _page(qtbot, ctx, outcome.case)
    assert page.finger_rows == {} and not page.fingers_box.isEnabled()
    _camera_shows(qtbot, ctx, portrait_frame())
    page.camera_button.click()
    qtbot.waitUntil(lambda: "otomatis" in page.message.text(), timeout=15_000)
    wait_idle(qtbot, ctx)
    page.complete_button.click()
    wait_idle(qtbot, ctx)
    with workspace.store.read() as session:
        assert session.get(Case, outcome.case.id).state == "register"


def test_retries_are_capped_and_the_best_capture_counts(qtbot, workspace, seat_factory):
    case = case_at(workspace, sop.State.BIOMETRIK)
    ctx = seat_factory("loket1")
    page = _page(qtbot, ctx, case)
    for _ in range(3):
        page.finger_rows["right_thumb"]["button"].click()
        qtbot.waitUntil(lambda: page.next_finger_button.isEnabled(), timeout=10_000)
        wait_idle(qtbot, ctx)
    page.finger_rows["right_thumb"]["button"].click()  # a fourth capture: refused in words, not stored
    qtbot.waitUntil(lambda: page.next_finger_button.isEnabled(), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert "Batas 3 kali" in page.message.text()
    status = BiometricsService(workspace, ctx.principal).status(case.id)
    assert status.attempts["right_thumb"] == 3 and status.fingers_done["right_thumb"] >= 40
    assert "(3×)" in page.finger_rows["right_thumb"]["state"].text()


def test_the_chip_photo_from_step_3_is_shown_beside_the_new_photo(qtbot, workspace, seat_factory, artifacts):
    import io

    import numpy as np
    from PIL import Image

    from faskim_desktop.core.services.chip_photo import ChipPhotoService

    case = case_at(workspace, sop.State.BIOMETRIK)
    buffer = io.BytesIO()
    Image.fromarray(np.full((160, 120, 3), 150, np.uint8)).save(buffer, "JPEG")
    ctx = seat_factory("loket1")
    ChipPhotoService(workspace, ctx.principal).save(case.id, buffer.getvalue(), "image/jpeg")
    page = _page(qtbot, ctx, case)
    qtbot.waitUntil(lambda: page.chip_photo.pixmap() is not None and not page.chip_photo.pixmap().isNull(),
                    timeout=5000)
    page.grab().save(str(artifacts / "screenshots" / "utama_biometrik_chip.png"))
