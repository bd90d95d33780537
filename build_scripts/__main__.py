"""``python -m build_scripts``: see :mod:`build_scripts.cli`."""

import sys

from build_scripts.cli import main

sys.exit(main())
