"""The ``faskim`` administration command line.

Each command group lives in its own module of this package and exposes
``register(subparsers)``; the modules are found at start-up, so adding a group never touches
this file. A command handler returns the process exit code. Expected failures
(``FaskimError``) are printed as one sentence in the user's language, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

from faskim_desktop import __version__
from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="faskim", description="Faskim Desktop administration")
    parser.add_argument("--version", action="version", version=f"faskim {__version__}")
    parser.add_argument(
        "--lang",
        choices=messages.LANGUAGES,
        default=os.environ.get("FASKIM_LANG", messages.DEFAULT_LANGUAGE),
        help="language of messages (default: id)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    messages.set_language(args.lang)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.handler(args) or 0)
    except FaskimError as err:
        print(err.message(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
