"""Simulated drivers for every device kind, shipped for demos, training and tests.

Each is deterministic under a seed and has selectable fault modes (``base.FaultMode``) that
raise the typed errors of ``devices.errors`` and clear without a restart. Import the driver
modules directly (the registry does it lazily); this package imports nothing heavy.
"""

from faskim_desktop.devices.simulated.base import FAULT_ERRORS, FaultMode, SimulatedDriver

__all__ = ["FAULT_ERRORS", "FaultMode", "SimulatedDriver"]
