"""Judging a file by what a parser of its format accepts, not by its first bytes.

Each walker follows the container's own structure to its end and refuses a file whose
structure breaks, or that carries anything after its end (a script, a page, a zip):
a file that starts like an MP4 or a JPEG must be an MP4 or a JPEG all the way through.
"""

from bossbot.media.parse.walk import Malformed, walk

__all__ = ["Malformed", "walk"]
