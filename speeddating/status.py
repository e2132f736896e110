"""How a search stands: its status once it is over, and the events it reports while it runs.

Both are plain values, never text: each front end words them in its user's language (the CLI's progress
line on stderr, the web page's progress bar). Kept free of heavy imports, so that the solver, the plan and
the front ends can all share them.
"""

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass


class SolveStatus(enum.Enum):
    """What is known about a plan's quality (in the manner of PyJobShop's `SolveStatus`)."""

    OPTIMAL = "optimal"
    """Proven best: no plan has fewer colleague pairs or repeats, or more new encounters."""
    FEASIBLE = "feasible"
    """The best plan found within the time limit; the result's bound says how much better one could be."""
    INTERRUPTED = "interrupted"
    """Stopped on request before the time limit: the best plan found until then, not proven best."""


def status_of(proven_optimal: bool, interrupted: bool = False) -> SolveStatus:
    if proven_optimal:
        return SolveStatus.OPTIMAL
    return SolveStatus.INTERRUPTED if interrupted else SolveStatus.FEASIBLE


class Stop:
    """A request, from another thread, to end a search now and keep the best plan found so far (the web
    page's stop button). Loops check `requested` where they check the wall clock; a CP-SAT solve is
    stopped by whoever waits for it (`cpsat_model.finish`)."""

    def __init__(self) -> None:
        self._requested = threading.Event()

    @property
    def requested(self) -> bool:
        return self._requested.is_set()

    def request(self) -> None:
        self._requested.set()


class Phase(enum.Enum):
    """The step of the workflow an event reports."""

    HISTORY = "history"
    """The history was read: `past_pairs` pairs of attendees have already met."""
    IMPROVED = "improved"
    """The search found a better plan, whose figures the event carries; in a series, session `session`'s
    figures in the best series so far."""
    SESSION = "session"
    """A series' search moves on to session `session`: 1 first, then 2, with every later session planned
    from there on, together."""


@dataclass(frozen=True)
class ProgressEvent:
    """One step of a planning run, with its figures (the ones that do not apply to the phase stay 0)."""

    phase: Phase
    elapsed: float
    """Seconds since the run started."""
    same_org_pairs: int = 0
    repeat_pairs: int = 0
    new_pairs: int = 0
    new_pairs_bound: int = 0
    past_pairs: int = 0
    method: str = ""
    """The internal component that found the plan, for debugging; `wording.method_description` words it."""
    session: int = 1
    """The session of a series the event is about, from 1 (a single plan is session 1 of 1)."""
    sessions: int = 1
    """Sessions in the series being planned: 1 for a single plan."""


Progress = Callable[[ProgressEvent], None]
"""Called with each event of a run, in order, from the thread that runs it."""
