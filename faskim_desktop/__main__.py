"""``python -m faskim_desktop`` starts the GUI, like ``faskim-desktop``."""

import sys

from faskim_desktop.gui.app import main

sys.exit(main())
