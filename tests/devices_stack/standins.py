"""Where the device stand-ins of ``scripts/devices start`` are, read from their env file."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENV_FILE = Path(os.environ.get("FASKIM_DEVICES_ENV", REPO / ".run" / "devices" / "env"))
NOT_STARTED = f"device stand-ins not started ({ENV_FILE} missing): run 'scripts/devices start' as root"


class EnvFileError(ValueError):
    pass


def parse_env(text: str) -> dict[str, str]:
    """``KEY='value'`` / ``KEY=value`` lines; '#' comments and blank lines ignored."""
    env: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ").strip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise EnvFileError(f"line {number}: not KEY=value")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif value[:1] in ("'", '"'):
            raise EnvFileError(f"line {number}: unterminated quote")
        env[key] = value
    return env


def load() -> dict[str, str] | None:
    if not ENV_FILE.exists():
        return None
    return parse_env(ENV_FILE.read_text())
