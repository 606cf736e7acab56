"""What the case benchmarks share: a throw-away office store, its people, device-like artefacts.

Not a benchmark itself (``scripts/bench/all`` skips files starting with ``_``). The artefacts are
captured once from the simulated devices that ship with the product (scanner pages at 150 dpi,
a 640x480 camera frame, 320x400 fingerprint images) before any timing, so a benchmark measures
the software (validation, encryption, database, documents), not a device's speed.
"""

from __future__ import annotations

import atexit
import io
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("FASKIM_NO_KEYRING", "1")

PASSWORD = "bench-password-1"
PEOPLE = {"loket1": "loket", "spv1": "supervisor", "bendahara1": "bendahara", "wasdakim1": "wasdakim",
          "kakanim1": "kakanim", "infokim1": "infokim"}


def open_office(folder: Path | None = None):  # type: ignore[no-untyped-def]
    """A fresh SQLite store with the fee table and one person per role. Returns (workspace, crew)."""
    from faskim_desktop.config import Settings
    from faskim_desktop.core import office
    from faskim_desktop.core.accounts import Accounts
    from faskim_desktop.core.scripted_case import Crew
    from faskim_desktop.core.workspace import Workspace
    from faskim_desktop.store import migrate
    from faskim_desktop.store.db import Store

    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="faskim-bench-"))
        atexit.register(shutil.rmtree, folder, True)  # a throw-away store: gone when the bench ends
    store = Store(f"sqlite:///{folder / 'faskim.sqlite3'}")
    migrate.upgrade(store)
    ws = Workspace(folder, Settings(folder, environ={}), store)
    with ws.store.write() as session:
        office.set_fee(session, "setup", 400_000, date(2019, 1, 1))
    accounts = Accounts(ws.store)
    for username, roles in PEOPLE.items():
        accounts.add_user("setup", username, username.title(), PASSWORD, roles)
    p = {name: accounts.principal(name) for name in PEOPLE}
    crew = Crew(p["loket1"], p["spv1"], PASSWORD, p["bendahara1"], p["wasdakim1"], p["kakanim1"], p["infokim1"])
    return ws, crew


def _png(image) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def device_artefacts(ws, crew):  # type: ignore[no-untyped-def]
    """Artefacts as the simulated devices produce them, captured once; the card is rendered for real."""
    from PIL import Image

    from faskim_desktop.core.scripted_case import Artefacts
    from faskim_desktop.core.services.card_output import CardOutputService
    from faskim_desktop.devices.protocols import DeviceKind, ScanSettings
    from faskim_desktop.devices.registry import SIMULATED, get_registry
    from faskim_desktop.documents.compose.card import render_case_card

    registry = get_registry()

    def opened(kind):  # type: ignore[no-untyped-def]
        driver = registry.create(kind, SIMULATED)
        found = driver.devices()
        driver.open(found[0].id if found else "", {})
        return driver

    scanner = opened(DeviceKind.SCANNER)
    pages = [page.png for page in scanner.scan(ScanSettings(resolution=150, mode="color"))][:2]
    scanner.close()
    camera = opened(DeviceKind.CAMERA)
    frame = camera.read_frame(timeout=5.0)
    camera.close()
    blue, green, red = Image.frombytes("RGB", (frame.width, frame.height), frame.data).split()
    picture = Image.merge("RGB", (red, green, blue))
    jpeg = io.BytesIO()
    picture.crop((160, 60, 160 + 280, 60 + 360)).resize((350, 450)).save(jpeg, "JPEG", quality=90)
    photo = (_png(picture), jpeg.getvalue())
    reader = opened(DeviceKind.FINGERPRINT)
    prints = {}
    for finger in ("right_thumb", "right_index", "left_thumb", "left_index"):
        capture = reader.capture(finger, timeout=30.0)
        prints[finger] = (_png(Image.frombytes("L", (capture.width, capture.height), capture.pixels)),
                          int(capture.quality))
    reader.close()
    some_print = next(iter(prints.values()))

    def print_card(case) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
        pdf = render_case_card(ws, case.id)  # the card PDF is software time; the printer is not
        CardOutputService(ws, crew.loket).keep(case.id, pdf, 0)
        return True, "bench-job"

    return Artefacts(scan=lambda _category: list(pages), photo=lambda: photo,
                     fingerprint=lambda finger: prints.get(finger, some_print),
                     card_scan=lambda: list(pages[:1]), print_card=print_card)


def rss_mb() -> float:
    """Resident set size of this process (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of ys over xs."""
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
