"""``python -m bossbot``: the same as the ``bossbot`` console script."""

from bossbot.cli import main

raise SystemExit(main())
