"""Named points of a build where the kill tests stop it dead, to prove no point is unsafe.

Set TOOLKIT_KILL_AT to one of POINTS and the build SIGKILLs itself on reaching it, as a
power cut or the OOM killer would: no cleanup, no `finally`. For tests only; unset, it is a
dictionary lookup per point (a handful per build).
"""

from __future__ import annotations

import os
import signal

ENV = "TOOLKIT_KILL_AT"
POINTS = (
    "extracted",  # every file read and extracted, nothing written yet
    "shards",  # Parquet shards written to the staging folder; no report, no card
    "staged",  # staging complete, the output folder not yet replaced
    "set_aside",  # the previous build moved aside, the new one not yet in its place
    "swapped",  # the new build in place, the previous one not yet deleted
    "card_copy",  # half the --card copy written (to its temporary file)
)


def reached(point: str) -> None:
    """Die here if the kill tests asked for this point (a no-op otherwise)."""
    if os.environ.get(ENV) == point:
        os.kill(os.getpid(), signal.SIGKILL)
