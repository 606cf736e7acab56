"""Shared helpers of the Langkah Utama (steps 5–7) GUI tests: the crew, cases put at a step,
realistic scans and the public-domain portrait as camera frames."""

from __future__ import annotations

import io

import cv2
import numpy as np
import skimage.data
from PIL import Image, ImageDraw

from faskim_desktop.core import sop
from faskim_desktop.core.scripted_case import Artefacts, Crew, carry
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.workspace import Workspace
from tests.conftest import PASSWORD, principals


def crew(ws: Workspace, loket: str = "loket1", supervisor: str = "spv1") -> Crew:
    people = principals(ws)
    return Crew(people[loket], people[supervisor], PASSWORD, people["bendahara1"], people["wasdakim1"],
                people["kakanim1"], people["infokim1"])


def scan_page(category: str) -> list[bytes]:
    """A drawn A4-like page with lines of 'text', so thumbnails look like documents."""
    page = Image.new("RGB", (420, 594), (250, 250, 246))
    draw = ImageDraw.Draw(page)
    draw.rectangle((30, 30, 390, 70), outline=(20, 40, 90), width=2)
    draw.text((40, 42), category.upper(), fill=(20, 40, 90))
    for row in range(16):
        y = 100 + row * 28
        draw.line((40, y, 380 - (row % 4) * 40, y), fill=(90, 90, 90), width=3)
    buffer = io.BytesIO()
    page.save(buffer, "PNG")
    return [buffer.getvalue()]


def case_at(ws: Workspace, state: sop.State, loket: str = "loket1") -> CaseRef:
    outcome = carry(ws, crew(ws, loket), artefacts=Artefacts(scan=scan_page), until=state)
    assert outcome.case is not None and outcome.case.state is state
    return outcome.case


def portrait_frame() -> np.ndarray:
    """The astronaut portrait framed 640x480 as a webcam would: every photo check passes."""
    portrait = np.ascontiguousarray(skimage.data.astronaut()[:, :, ::-1])
    return cv2.resize(portrait[0:300, 24:424], (640, 480), interpolation=cv2.INTER_CUBIC)
