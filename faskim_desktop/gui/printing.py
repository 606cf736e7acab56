"""Sending a generated PDF to the OS print queue, keeping a copy for reprints."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from faskim_desktop.devices.protocols import DeviceKind, PrintJob
from faskim_desktop.gui.context import SeatContext


def keep_copy(ctx: SeatContext, pdf: bytes, name: str) -> Path:
    """Generated documents are kept in the data folder's output/ (never with personal data in
    the file name: ``name`` is a document kind and a number)."""
    folder = ctx.ws.output_dir / datetime.now().strftime("%Y-%m-%d")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    return path


def print_pdf(
    ctx: SeatContext,
    pdf: bytes,
    title: str,
    page_size: str = "A4",
    on_done: Callable[[PrintJob], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Queue ``pdf`` on the printer's worker; the result or the typed device error comes back
    on the GUI thread."""
    assert ctx.devices is not None
    if page_size == "CR80":
        ctx.devices.run(DeviceKind.PRINTER, lambda driver: driver.submit(pdf, title, False, page_size),
                        on_done, on_error)
    else:
        ctx.devices.print_document(lambda driver: driver.submit(pdf, title, False, page_size), on_done, on_error)
