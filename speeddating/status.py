"""How a search stands: its status once it is over, and the events it reports while it runs.

Both are plain values, never text: each front end words them in its user's language (the CLI's progress
line on stderr, the web page's progress bar). Kept free of heavy imports, so that the solver, the plan and
the front ends can all share them.
"""

import enum
from collections.abc import Callable
from dataclasses import dataclass


class SolveStatus(enum.Enum):
    """What is known about a plan's quality (in the manner of PyJobShop's `SolveStatus`)."""

    OPTIMAL = "optimal"
    """Proven best: no plan has fewer colleague pairs or repeats, or more new encounters."""
    FEASIBLE = "feasible"
    """The best plan found within the time limit; the result's bound says how much better one could be."""


def status_of(proven_optimal: bool) -> SolveStatus:
    return SolveStatus.OPTIMAL if proven_optimal else SolveStatus.FEASIBLE


class Phase(enum.Enum):
    """The step of the workflow an event reports."""

    HISTORY = "history"
    """The history was read: `past_pairs` pairs of attendees have already met."""
    IMPROVED = "improved"
    """The search found a better plan, whose figures the event carries."""


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
    """The internal component that found the plan, for debugging; `summary.method_description` words it."""


Progress = Callable[[ProgressEvent], None]
"""Called with each event of a run, in order, from the thread that runs it."""
