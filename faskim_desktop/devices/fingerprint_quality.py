"""A fingerprint image quality score (0–100) that any fingerprint driver can use.

libfprint gives images but no quality number, and there is no pip-installable NFIQ 2, so this
is a small, documented stand-in in the spirit of NFIQ's local clarity measures (NIST IR 7151):
the image is cut into 16×16 blocks (about 0.8 mm at 500 dpi); a block is foreground when its
grey levels vary; the score combines how coherent the ridge orientation is in foreground blocks
(squared-gradient coherence, Kass & Witkin) with how much of the image is foreground.
It is a screening aid for re-capture, not a certified NFIQ value.
"""

from __future__ import annotations

import cv2
import numpy as np

BLOCK = 16


def quality_score(gray: np.ndarray) -> int:
    """0 (unusable) … 100 (clear ridges over the whole area) for an 8-bit grey image."""
    if gray.ndim != 2 or gray.shape[0] < 2 * BLOCK or gray.shape[1] < 2 * BLOCK:
        return 0
    img = gray.astype(np.float32)
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3)
    h = (img.shape[0] // BLOCK) * BLOCK
    w = (img.shape[1] // BLOCK) * BLOCK

    def blocks(a: np.ndarray) -> np.ndarray:
        return a[:h, :w].reshape(h // BLOCK, BLOCK, w // BLOCK, BLOCK)

    gxx = blocks(gx * gx).sum(axis=(1, 3))
    gyy = blocks(gy * gy).sum(axis=(1, 3))
    gxy = blocks(gx * gy).sum(axis=(1, 3))
    std = blocks(img).std(axis=(1, 3))
    coherence = np.sqrt((gxx - gyy) ** 2 + 4 * gxy**2) / np.maximum(gxx + gyy, 1e-6)
    foreground = std > 20.0
    if not foreground.any():
        return 0
    clarity = float(coherence[foreground].mean())  # 0..1
    coverage = float(foreground.mean())  # 0..1
    contrast = float(np.clip(std[foreground].mean() / 60.0, 0, 1))
    score = 100.0 * clarity**1.5 * min(1.0, coverage / 0.6) * (0.5 + 0.5 * contrast)
    return round(float(np.clip(score, 0, 100)))
