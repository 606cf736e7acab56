"""What the command groups share: opening the workspace, printing, asking for a password."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

from faskim_desktop.core.workspace import Workspace, open_workspace


def workspace(upgrade: bool = False, folder: Path | None = None) -> Workspace:
    """The workspace from FASKIM_DATA_DIR/FASKIM_DB_URL.

    Commands that write create or migrate the store when ``upgrade`` is set (a fresh machine
    needs no separate set-up step); otherwise a store at another schema is refused with words.
    """
    return open_workspace(folder, upgrade=upgrade)


def read_password(prompt: str, env: str = "FASKIM_PASSWORD") -> str:
    """From the environment (scripts) or the terminal, never from the command line (ps shows it)."""
    if env in os.environ:
        return os.environ[env]
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass(prompt)


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))
