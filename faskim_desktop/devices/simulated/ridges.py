"""Synthetic fingerprint ridges at 500 dpi.

The method follows the SFinGe idea (Cappelli, Maio, Maltoni): an orientation field from the
positions of cores and deltas (the Sherlock–Monro zero-pole model), then ridges grown from noise
by repeatedly filtering with Gabor kernels tuned to the local orientation and to a ridge period of
about 9 px (0.46 mm at 500 dpi, a typical adult inter-ridge distance). Everything is drawn from
one seed, so a person+finger pair always gives the same print and different pairs differ.
"""

from __future__ import annotations

import cv2
import numpy as np

DPI = 500
_BINS = 16


def orientation_field(rng: np.random.Generator, width: int, height: int) -> tuple[np.ndarray, str]:
    """Ridge orientation (radians, mod pi) per pixel and the pattern class drawn."""
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float64)
    z = xx + 1j * yy
    pattern = str(rng.choice(["arch", "left_loop", "right_loop", "whorl"], p=[0.1, 0.35, 0.35, 0.2]))
    cx = width * (0.5 + rng.uniform(-0.08, 0.08))
    cy = height * (0.42 + rng.uniform(-0.06, 0.06))
    if pattern == "arch":
        bow = rng.uniform(0.5, 1.0)
        theta = np.arctan(bow * np.cos(np.pi * xx / width) * (1.2 - yy / height) * 1.5) + np.pi / 2
        return np.mod(theta - np.pi / 2, np.pi), pattern
    cores: list[complex] = []
    deltas: list[complex] = []
    if pattern == "whorl":
        sep = width * rng.uniform(0.04, 0.08)
        cores = [complex(cx - sep, cy), complex(cx + sep, cy - sep * 0.5)]
        deltas = [
            complex(cx - width * 0.42, cy + height * 0.38),
            complex(cx + width * 0.42, cy + height * 0.38),
        ]
    else:
        side = -1 if pattern == "left_loop" else 1
        cores = [complex(cx, cy)]
        deltas = [complex(cx + side * width * rng.uniform(0.3, 0.4), cy + height * rng.uniform(0.3, 0.4))]
    theta = np.zeros_like(xx)
    for d in deltas:
        theta += np.angle(z - d)
    for c in cores:
        theta -= np.angle(z - c)
    theta = 0.5 * theta + rng.uniform(-0.15, 0.15)
    return np.mod(theta, np.pi), pattern


def _kernels(period: float) -> list[np.ndarray]:
    size = int(period * 2.2) | 1
    out = []
    for k in range(_BINS):
        ridge_dir = np.pi * k / _BINS
        # getGaborKernel's theta is the direction across the stripes, i.e. normal to the ridges.
        kern = cv2.getGaborKernel((size, size), period * 0.45, ridge_dir + np.pi / 2, period, 1.0, 0)
        kern -= kern.mean()
        out.append((kern / np.abs(kern).sum()).astype(np.float32))
    return out


def synthesize(seed: int, width: int = 320, height: int = 400, quality: float = 1.0) -> np.ndarray:
    """An 8-bit grey fingerprint (dark ridges on white) of ``width``×``height`` at 500 dpi.

    ``quality`` below 1 adds smudging and noise (used for the low-quality fault).
    """
    rng = np.random.default_rng(seed)
    theta, _ = orientation_field(rng, width, height)
    period = rng.uniform(8.5, 10.0)
    bins = np.round(theta / np.pi * _BINS).astype(int) % _BINS
    kernels = _kernels(period)
    img = rng.standard_normal((height, width)).astype(np.float32)
    for _ in range(6):
        out = np.zeros_like(img)
        for k, kern in enumerate(kernels):
            mask = bins == k
            if mask.any():
                out[mask] = cv2.filter2D(img, -1, kern, borderType=cv2.BORDER_REFLECT)[mask]
        img = np.tanh(out / (out.std() + 1e-6) * 1.5)
    # The finger's contact area: an ellipse with a soft, seeded edge and uneven pressure.
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    ex, ey = width * rng.uniform(0.40, 0.46), height * rng.uniform(0.44, 0.49)
    r = ((xx - width / 2) / ex) ** 2 + ((yy - height * 0.52) / ey) ** 2
    contact = np.clip((1.0 - r) * 6.0, 0, 1)
    pressure = cv2.GaussianBlur(rng.uniform(0.75, 1.0, (height, width)).astype(np.float32), (0, 0), 25)
    pressure /= pressure.max()
    ink = (img * 0.5 + 0.5) * contact * pressure  # 1 where a ridge touches
    if quality < 1.0:
        smudge = cv2.GaussianBlur(ink, (0, 0), 1.0 + 4.0 * (1.0 - quality))
        ink = quality * smudge + (1.0 - quality) * rng.uniform(0, 1, ink.shape).astype(np.float32) * contact
    grey = 245.0 - 205.0 * ink + rng.normal(0, 4.0, ink.shape)
    return np.clip(grey, 0, 255).astype(np.uint8)
