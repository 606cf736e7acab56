"""Imported first by each benchmark: re-runs it under the project's .venv when started with
another interpreter (``scripts/bench/NAME`` uses ``/usr/bin/env python3``)."""

import os
import sys
from pathlib import Path

_VENV_PYTHON = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "python"
if _VENV_PYTHON.exists() and Path(sys.prefix).resolve() != _VENV_PYTHON.parents[1].resolve():
    os.execv(str(_VENV_PYTHON), [str(_VENV_PYTHON), sys.argv[0], *sys.argv[1:]])
