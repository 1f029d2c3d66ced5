"""boss-bot benchmarks: run with ``uv run python -m bench [--quick]``.

Every figure drives the real bot (``python -m bossbot run`` as a subprocess) against the
tests' fake Discord and loopback media server, or the real job store, and is printed
beside its target; the JSON goes to ``bench/results/latest.json``.

Modules: ``figures`` (results, table, JSON), ``config`` (raised limits, bytecode cache,
the fake's rate limits), ``botproc`` (the bot process and its /proc usage), ``acks`` and
``latency`` (command acknowledgement), ``ytdlp_cli`` and ``pipeline`` (throughput and
resources), ``startup``, ``storescale`` (the SQLite store with 10,000 jobs), ``machine``.
"""
