"""boss-bot benchmarks: run with ``uv run python -m bench [--quick]``.

Every figure drives the real bot (``python -m bossbot run`` as a subprocess) against the
tests' fake Discord and loopback media server, or the real job store, and is printed
beside its target; the JSON goes to ``bench/results/latest.json``.

Modules: ``figures`` (results, table, JSON), ``botproc`` (the bot process, its spec and
its /proc usage), ``latency`` (command acknowledgement), ``pipeline`` (throughput and
resources), ``startup``, ``storescale`` (the SQLite store with 10,000 jobs).
"""
