"""Simulated card printer: accepts PDFs, keeps each job in a folder, reports job states.

A job moves pending → processing → completed, one step per ``job_state`` poll, so callers'
polling loops are exercised deterministically. Each job leaves ``job-NNNN.pdf`` and a JSON
sidecar (title, page size, duplex) in ``output_dir``, which tests and the technician can open.
"""

from __future__ import annotations

import json
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from faskim_desktop.devices.errors import BadData, DeviceOffline, MediaProblem, UnsupportedSetting
from faskim_desktop.devices.protocols import DeviceKind, JobState, PrintJob
from faskim_desktop.devices.simulated.base import FaultMode, SimulatedDriver

PAGE_SIZES = ("CR80", "A4")


@dataclass
class _Job:
    job_id: str
    path: Path
    state: JobState = JobState.PENDING
    reason: str = ""


class SimulatedCardPrinter(SimulatedDriver):
    kind = DeviceKind.PRINTER
    label = "Printer kartu simulasi"
    extra_faults = frozenset({FaultMode.PAPER_JAM, FaultMode.OFFLINE, FaultMode.GARBAGE})

    def __init__(self, seed: int = 0, delay: float = 0.0, output_dir: str | Path | None = None) -> None:
        super().__init__(seed, delay)
        self._output_dir = Path(output_dir) if output_dir else None
        self.duplex = True
        self._jobs: dict[str, _Job] = {}
        self._next = 1
        self._lock = threading.Lock()

    def _apply_settings(self, settings: dict[str, object]) -> None:
        if settings.get("output_dir"):
            self._output_dir = Path(str(settings["output_dir"]))
        self.duplex = bool(settings.get("duplex", True))

    @property
    def output_dir(self) -> Path:
        if self._output_dir is None:
            self._output_dir = Path(tempfile.mkdtemp(prefix="faskim-sim-printer-"))
        self._output_dir.mkdir(parents=True, exist_ok=True)
        return self._output_dir

    def supports_duplex(self) -> bool:
        return self.duplex

    def submit(self, pdf: bytes, title: str, duplex: bool = False, page_size: str = "CR80") -> PrintJob:
        fault = self._begin()
        device = self.device_label
        if fault == FaultMode.OFFLINE:
            raise DeviceOffline(device=device)
        if fault == FaultMode.PAPER_JAM:
            raise MediaProblem(device=device, reason="card jam")
        if fault == FaultMode.GARBAGE or not pdf.startswith(b"%PDF-"):
            raise BadData(device=device, reason="not a PDF document")
        if page_size not in PAGE_SIZES:
            raise MediaProblem(device=device, reason="page size refused", page_size=page_size)
        if duplex and not self.duplex:
            raise UnsupportedSetting(device=device, setting="duplex", value="on")
        with self._lock:
            job_id = f"sim-{self._next:04d}"
            self._next += 1
        path = self.output_dir / f"job-{job_id}.pdf"
        path.write_bytes(pdf)
        meta = {"job_id": job_id, "title": title, "duplex": duplex, "page_size": page_size}
        path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
        job = _Job(job_id, path)
        with self._lock:
            self._jobs[job_id] = job
        return PrintJob(job_id, job.state)

    def job_state(self, job_id: str) -> PrintJob:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise BadData(device=self.device_label, reason="unknown job", job_id=job_id)
        fault = self._fault
        if fault == FaultMode.OFFLINE:
            raise DeviceOffline(device=self.device_label)
        with self._lock:
            if job.state in (JobState.PENDING, JobState.PROCESSING) and fault == FaultMode.PAPER_JAM:
                job.state, job.reason = JobState.FAILED, "media-jam"
            elif job.state == JobState.PENDING:
                job.state = JobState.PROCESSING
            elif job.state == JobState.PROCESSING:
                job.state = JobState.COMPLETED
            return PrintJob(job.job_id, job.state, job.reason)

    def job_file(self, job_id: str) -> Path:
        """Where the simulated job's PDF was kept (for tests and the technician)."""
        with self._lock:
            return self._jobs[job_id].path
