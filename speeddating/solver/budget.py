"""From the user's time limit to work in deterministic units, and the wall-clock safety cap.

Every component measures its work in units that do not depend on the machine's load: priced swaps
for the tabu search, CP-SAT deterministic time (one worker, or interleaved workers) for the models,
counted steps for the rest. `--time-limit` is turned into those units at rates calibrated on a
2-core machine (one core's worth per component), so an idle machine of that kind takes about the
limit, a busy one longer, and both give the same plan for the same seed.

The wall clock only stops a run that would take several times the limit (a much slower or heavily
loaded machine); only then does the plan depend on the machine.
"""

SWAPS_PER_SECOND = 15_000_000
"""Tabu work units (priced swaps) per second of time limit: about one core-second's worth."""

SAFETY_FACTOR = 10.0
SAFETY_SECONDS = 30.0
"""The wall-clock cap: this many times the time limit, plus these seconds."""


def safety_cap(started: float, time_limit: float) -> float:
    """The `time.monotonic()` instant past which every component stops, whatever its budget left."""
    return started + SAFETY_FACTOR * time_limit + SAFETY_SECONDS
