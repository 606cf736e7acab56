"""Fixtures: the demo passport's chip content, built once (signing and JPEG take ~0.5 s)."""

from __future__ import annotations

import pytest

from faskim_desktop.devices.emrtd_emulator import DEMO, ChipContent, EmrtdApplet


@pytest.fixture(scope="session")
def demo_content() -> ChipContent:
    return ChipContent.build(DEMO)


@pytest.fixture
def applet(demo_content: ChipContent) -> EmrtdApplet:
    """A freshly powered demo chip (its state is per test, its files are shared)."""
    return EmrtdApplet(DEMO, demo_content)
