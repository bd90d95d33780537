"""``python -m build_scripts.bench``: see :mod:`build_scripts.bench.run`."""

import sys

from build_scripts.bench.run import main

sys.exit(main())
