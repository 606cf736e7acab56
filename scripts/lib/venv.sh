# Shared by scripts/run and scripts/test: the project's virtual environment.
# ensure_venv EXTRAS  — create .venv if missing and install the project with those extras.
# The install is skipped when pyproject.toml has not changed since the last one.

ensure_venv() {
  local extras="$1"
  local python="${FASKIM_PYTHON:-}"
  if [ -z "$python" ]; then
    for candidate in python3.13 python3.12 python3.11 python3; do
      if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        python="$candidate"; break
      fi
    done
  fi
  [ -n "$python" ] || { echo "Python 3.11 or newer is needed (apt-get install python3 python3-venv)." >&2; exit 2; }
  if [ ! -x "$REPO/.venv/bin/python" ]; then
    echo "Creating .venv with $python ..."
    "$python" -m venv "$REPO/.venv" || { echo "Could not create .venv (apt-get install python3-venv)." >&2; exit 2; }
    "$REPO/.venv/bin/python" -m pip install --quiet --upgrade pip wheel setuptools
  fi
  local stamp="$REPO/.venv/.faskim-installed-$extras"
  if [ ! -f "$stamp" ] || [ "$REPO/pyproject.toml" -nt "$stamp" ]; then
    echo "Installing Faskim Desktop and its dependencies into .venv ($extras) ..."
    "$REPO/.venv/bin/python" -m pip install --quiet -e "$REPO[$extras]"
    touch "$stamp"
  fi
}
