"""Benchmark: the same seed gives the same plan however busy the machine is.

Each session is solved once as the machine is, then again while other processes spin in a busy
loop (by default one per core), and the two plans are compared. Printed per session: wall-clock and
processor seconds of each run (the searches in other processes included), whether the plans are
identical, and the figures of the plan.

    python -m benchmarks.determinism [--busy 2] [--seed 0] [--workers 2]
"""

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from benchmarks.history_sessions import network33
from benchmarks.timing import processor_seconds
from speeddating.evaluation import encounters
from speeddating.importer import read_roster
from speeddating.planning import problem_for
from speeddating.problem import Problem, pair
from speeddating.solver import SolveResult, solve

INSTANCES = Path(__file__).resolve().parent.parent / "instances"
BUSY_LOOP = "while True: pass"


def spro24() -> Problem:
    return problem_for(read_roster(INSTANCES / "spro24.csv").attendees, 5)


def network33_second_session() -> Problem:
    """The generated 33-person network after a first session planned for 10 s with seed 0."""
    first = problem_for(network33(), 5)
    met = encounters(solve(first, time_limit=10, seed=0, workers=1).schedule)
    history = {pair(a, b): 1.0 for a, b in met if not first.same_org(a, b)}
    return replace(first, past_encounters=history)


def event528() -> Problem:
    """528 people of 88 organisations of 6 (the size the printing benchmark prints), 8 rounds."""
    return Problem(tuple(p % 88 for p in range(528)), rounds=8)


SESSIONS: dict[str, tuple[Callable[[], Problem], float]] = {
    "spro24 x5": (spro24, 5.0),
    "network33, session 2": (network33_second_session, 5.0),
    "528 people x8": (event528, 2.0),
}


def timed(problem: Problem, time_limit: float, seed: int, workers: int) -> tuple[SolveResult, float, float]:
    started, processor = time.perf_counter(), processor_seconds()
    result = solve(problem, time_limit=time_limit, seed=seed, workers=workers)
    return result, time.perf_counter() - started, processor_seconds() - processor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--busy", type=int, default=os.cpu_count() or 1, help="busy processes in the second run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"{'session':22} {'limit':>5}  {'as is: s / cpu':>15}  {'busy: s / cpu':>15}  same  new/bound  repeats")
    for name, (make, limit) in SESSIONS.items():
        problem = make()
        calm, calm_seconds, calm_cpu = timed(problem, limit, args.seed, args.workers)
        loops = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP]) for _ in range(args.busy)]
        try:
            busy, busy_seconds, busy_cpu = timed(problem, limit, args.seed, args.workers)
        finally:
            for loop in loops:
                loop.kill()
                loop.wait()
        figures = calm.evaluation
        print(
            f"{name:22} {limit:5g}  {calm_seconds:6.1f} / {calm_cpu:6.1f}  {busy_seconds:6.1f} / {busy_cpu:6.1f}  "
            f"{'yes' if busy.schedule == calm.schedule else 'NO':>4}  "
            f"{figures.distinct_new_pairs:>4}/{figures.new_pairs_bound:<4}  {figures.repeat_pairs:7}",
            flush=True,
        )


if __name__ == "__main__":
    main()
