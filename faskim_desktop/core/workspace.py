"""Everything one running application needs, opened from the data folder.

The GUI, the command line and the self-test open a ``Workspace`` and hand it to the services;
nothing else reads the environment or opens the database.
"""

from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass
from pathlib import Path

from faskim_desktop.config import Settings, data_dir
from faskim_desktop.core import messages
from faskim_desktop.core import search as _search  # noqa: F401  (keeps the search index current on every write)
from faskim_desktop.core import sla as _sla  # noqa: F401  (keeps the SLA roll-up current on every write)
from faskim_desktop.core.errors import StoreError
from faskim_desktop.core.filestore import FileStore
from faskim_desktop.store import migrate
from faskim_desktop.store.db import Store

log = logging.getLogger(__name__)


@dataclass
class Workspace:
    folder: Path
    settings: Settings
    store: Store
    _files: FileStore | None = None

    @property
    def files(self) -> FileStore:
        if self._files is None:  # the key is only touched when a file is first needed
            self._files = FileStore(self.folder / "files", self.keys_dir)
        return self._files

    @property
    def keys_dir(self) -> Path:
        return self.folder / "keys"

    @property
    def logs_dir(self) -> Path:
        return self.folder / "logs"

    @property
    def output_dir(self) -> Path:
        """Generated documents kept for printing and reprinting."""
        return self.folder / "output"

    def close(self) -> None:
        self.store.dispose()


def open_workspace(folder: Path | None = None, upgrade: bool = False, check: bool = True) -> Workspace:
    """Open the data folder and its store.

    ``upgrade`` creates or migrates the schema (``faskim db upgrade``, first run); otherwise a
    store at another revision is refused with a StoreError that says what to do.
    """
    folder = folder or data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError("workspace.folder", path=str(folder), reason=err.strerror or str(err)) from err
    settings = Settings(folder)
    store = Store(settings.db_url())
    try:
        if upgrade:
            migrate.upgrade(store)
        elif check:
            migrate.check_schema(store)
    except Exception:
        store.dispose()
        raise
    return Workspace(folder, settings, store)


class _NoPersonalData(logging.Filter):
    """Last line of defence: records carrying an argument marked personal are dropped.

    The code logs ids and codes only; this filter exists so that a slip cannot write an
    ``extra={"personal": True}`` record to disk.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "personal", False)


def configure_logging(folder: Path, level: str = "INFO") -> Path:
    logs = folder / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / "faskim.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_NoPersonalData())
    root = logging.getLogger()
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    # SQL statements carry the personal data as parameters: never log them, whatever the level.
    for noisy in ("sqlalchemy", "alembic", "PIL"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path


messages.register(
    {
        "workspace.folder": {
            "id": "Folder data {path} tidak dapat dibuat atau dibuka ({reason}). Periksa izin folder "
            "atau atur FASKIM_DATA_DIR ke folder lain.",
            "en": "The data folder {path} cannot be created or opened ({reason}). Check its permissions "
            "or point FASKIM_DATA_DIR at another folder.",
        },
    }
)
