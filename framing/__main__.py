"""``python -m framing``: the command line."""

from framing.cli import main

raise SystemExit(main())
