"""A full run's logs carry ids and codes, never personal data."""

from __future__ import annotations

import logging

from faskim_desktop.core import sop
from faskim_desktop.core.scripted_case import carry, sample_entry
from faskim_desktop.core.services.approval import ApprovalService
from faskim_desktop.core.workspace import configure_logging
from tests.conftest import principals, standard_crew


def test_logs_of_a_full_run_hold_no_personal_data(workspace, tmp_path) -> None:
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    path = configure_logging(tmp_path, "DEBUG")
    try:
        p = principals(workspace)
        crew = standard_crew(p)
        entry = sample_entry(5, name="Zoë Anneliese Vandermeer", passport="NX7730219")
        carry(workspace, crew, entry)
        outcome = carry(workspace, crew, sample_entry(6, "Kenji Tanaka Putra", "JP1234567"), until=sop.State.PERSETUJUAN)
        try:  # a refusal is logged too
            ApprovalService(workspace, p["loket1"]).approve(outcome.case.id)
        except Exception:
            logging.getLogger("faskim_desktop.test").info("refused as expected")
        for handler in root.handlers:
            handler.flush()
    finally:
        for handler in list(root.handlers):
            if handler not in saved[1]:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(saved[0])
    text = path.read_text(encoding="utf-8")
    assert text  # the run did log
    for secret in ("Zoë", "Vandermeer", "NX7730219", "Kenji", "JP1234567", "3174015708800003", "Dewi Lestari",
                   entry.tanggal_lahir, "Kemang", "0812-1111-2222"):
        assert secret not in text, secret
