"""``commands.toml`` -> a validated :class:`Spec`; loading and error reporting."""

from bossbot.spec.auto import Auto, ServerSettings
from bossbot.spec.cache import Cache
from bossbot.spec.document import Spec
from bossbot.spec.fit import Fit
from bossbot.spec.loader import SpecError, load_spec, parse_spec
from bossbot.spec.models import Budgets, Command, Limits, Role, SiteGroup, Upload
from bossbot.spec.option import Option
from bossbot.spec.presentation import Hints, Results
from bossbot.spec.units import format_size, parse_duration, parse_size

__all__ = [
    "Auto",
    "Budgets",
    "Cache",
    "Command",
    "Fit",
    "Hints",
    "Limits",
    "Option",
    "Results",
    "Role",
    "ServerSettings",
    "SiteGroup",
    "Spec",
    "SpecError",
    "Upload",
    "format_size",
    "load_spec",
    "parse_duration",
    "parse_size",
    "parse_spec",
]
