"""Benchmark: the re-meeting floor of later sessions, before (head counts) and after (table patterns).

Each network meets for three sessions (--sessions) of five rounds; each session is planned by `solve` against
the pairs met in the sessions before (weight 1) and is then taken as held. For sessions 2 and 3 the
table prints the plan's re-meetings (history repeats + repeats within the session + avoidable
colleague pairs, as `evaluate` and check_plan.py count them) and whether it keeps colleagues apart
where possible, the head-count floor (per person, all fresh pairs, per table: the floor of
`head_count_floor`), the floor `forced_reunions` proves for any plan (the head counts and the
table-pattern programme, the larger) and the one it proves for this plan (for every plan keeping
colleagues apart, when this one does), each with the processor time it took. No plan can have fewer
re-meetings than the first two floors, and no plan keeping colleagues apart fewer than the third.

    python -m benchmarks.floors [--sessions 3] [--time-limit 10] [--seed 0] [NETWORK ...]

A NETWORK is an instance file name (spro24, agence52) or organisation sizes such as 9,6,6,5,4,3.
"""

import argparse
import time
from collections.abc import Callable
from functools import partial
from itertools import combinations
from pathlib import Path
from typing import TypeVar

from speeddating.evaluation import evaluate
from speeddating.history.bound import forced_reunions, fresh_pairs, head_count_floor
from speeddating.importer import read_roster
from speeddating.planning import organisation_indices
from speeddating.problem import Pair, Problem
from speeddating.solver import solve

INSTANCES = Path(__file__).resolve().parent.parent / "instances"
NETWORKS = ("10,7,6,4,3,3", "9,6,6,5,4,3", "spro24", "agence52", "10,10,10,10,10,10")
COLUMNS = ("session", "fresh", "plan", "apart", "before", "before_ms", "any_plan", "any_ms", "after", "after_ms")
ROUNDS = 5
T = TypeVar("T")


def organisations_of(network: str) -> tuple[int, ...]:
    """Organisation index per person: from an instance file, or from sizes like 9,6,6,5,4,3."""
    if network[0].isdigit():
        return tuple(org for org, size in enumerate(int(s) for s in network.split(",")) for _ in range(size))
    return organisation_indices(read_roster(INSTANCES / f"{network}.csv").attendees)


def timed(compute: Callable[[], T]) -> tuple[T, float]:
    """The value and the processor milliseconds it took (the machine is shared: wall time misleads)."""
    started = time.process_time()
    value = compute()
    return value, (time.process_time() - started) * 1000


def run_network(network: str, sessions: int, time_limit: float, seed: int) -> list[list[str]]:
    """Sessions planned one after the other; one row of figures for each session after the first."""
    organisations = organisations_of(network)
    past: dict[Pair, float] = {}
    rows = []
    for session in range(1, sessions + 1):
        problem = Problem(organisations, rounds=ROUNDS, past_encounters=dict(past))
        found = solve(problem, time_limit=time_limit, seed=seed, workers=1)
        if session > 1:
            figures = evaluate(problem, found.schedule)
            reunions = figures.history_repeats + figures.repeat_pairs + figures.avoidable_same_org
            fresh = fresh_pairs(problem)
            (before, _), before_ms = timed(partial(head_count_floor, problem, fresh))
            any_plan, any_ms = timed(partial(forced_reunions, problem))
            after, after_ms = timed(partial(forced_reunions, problem, found.schedule))
            row = [
                *(session, len(fresh), reunions, found.evaluation.avoidable_same_org == 0),
                *(before, f"{before_ms:.0f}", any_plan, f"{any_ms:.0f}", after, f"{after_ms:.0f}"),
            ]
            rows.append([str(cell) for cell in row])
        for tables in found.schedule:
            for table in tables:
                past.update((two, 1.0) for two in combinations(sorted(table), 2) if not problem.same_org(*two))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("networks", nargs="*", default=list(NETWORKS))
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for network in args.networks:
        rows = run_network(network, args.sessions, args.time_limit, args.seed)
        people = len(organisations_of(network))
        print(f"\n{network}: {people} people, {ROUNDS} rounds a session (time limit {args.time_limit:g} s)")
        widths = [max(len(column), *(len(row[i]) for row in rows)) for i, column in enumerate(COLUMNS)]
        for row in (list(COLUMNS), *rows):
            print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
