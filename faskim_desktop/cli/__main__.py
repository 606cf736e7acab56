"""``python -m faskim_desktop.cli`` is the ``faskim`` command."""

import sys

from faskim_desktop.cli import main

sys.exit(main())
