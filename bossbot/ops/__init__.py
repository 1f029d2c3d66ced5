"""Operations: the doctor's checks, the metrics registry and the HTTP endpoint."""

from bossbot.ops.checks import Check
from bossbot.ops.doctor import diagnose, failed, report
from bossbot.ops.listener import MetricsListener
from bossbot.ops.metrics import Metrics
from bossbot.ops.probe import probe
from bossbot.ops.server import MetricsServer, gateway_alive, problem_of, start_metrics_server

__all__ = [
    "Check",
    "Metrics",
    "MetricsListener",
    "MetricsServer",
    "diagnose",
    "failed",
    "gateway_alive",
    "probe",
    "problem_of",
    "report",
    "start_metrics_server",
]
