"""Benchmark `solve` against the baselines on the reference and generated instances.

    python -m benchmarks.run [--time-limit 10] [--only NAME] [--seed 0] [--workers 2] [--no-baselines]

The direct CP-SAT model gets the same time limit and workers as `solve`, on sessions of up to
DIRECT_MAX_PEOPLE people (beyond, building it alone takes longer than the limit).

Figures come from `speeddating.evaluation`, which measures exactly what check_plan.py measures.
"""

import argparse
import csv
import os
import platform
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from benchmarks.baselines import direct_model, hill_climber, random_schedule
from speeddating.evaluation import Evaluation, evaluate
from speeddating.problem import Problem, Schedule
from speeddating.solver import solve

INSTANCES = Path(__file__).resolve().parent.parent / "instances"
DIRECT_MAX_PEOPLE = 60


@dataclass(frozen=True)
class Instance:
    name: str
    problem: Problem
    time_limit: float | None = None
    """Overrides --time-limit (the 500-person session gets its 60 s)."""


def read_organisations(path: Path) -> tuple[int, ...]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        index: dict[str, int] = {}
        return tuple(index.setdefault(row["organisation"], len(index)) for row in csv.DictReader(fh))


def random_organisations(people: int, rng: random.Random) -> tuple[int, ...]:
    """Organisations of 1 to 4 people (2 and 3 twice as likely), as partner networks send them."""
    sizes: list[int] = []
    while sum(sizes) < people:
        sizes.append(min(rng.choice((1, 2, 2, 3, 3, 4)), people - sum(sizes)))
    return tuple(org for org, size in enumerate(sizes) for _ in range(size))


def tight_sessions(count: int = 8, seed: int = 42) -> list[Instance]:
    """Generated small sessions with as many rounds as the largest organisation allows (or one less),
    so that everyone must meet nearly everyone: no reference answer, the bound is the yardstick."""
    rng = random.Random(seed)
    sessions = []
    for i in range(count):
        people = rng.choice((18, 20, 21, 24, 27, 28, 30, 32, 36))
        size = 4 if people % 4 == 0 else 3
        organisation_of = random_organisations(people, random.Random(100 + i))
        largest = max(Counter(organisation_of).values())
        rounds = min(9, (people - largest) // (size - 1)) - rng.choice((0, 1))
        sessions.append(Instance(f"tight{i} {people} at {size} x{rounds}", Problem(organisation_of, rounds, size)))
    return sessions


SIX_TABLE_NETWORKS = (
    ((5, 5, 4, 4, 3, 3), 5),
    ((3, 5, 2, 8, 2, 3, 1), 6),
    ((6, 6, 4, 4, 2, 2), 6),
    ((5, 5, 3, 3, 3, 2, 1), 6),
    ((7, 3, 3, 2, 2, 2, 1), 6),
)
"""Networks of 20 to 24 people, the breakfast's usual size, seated at five or six tables, where the designs
leave the search alone: six tables have no transversal design TD(4, 6) to seat them, and five tables hold only
five rounds of one (two of these networks also send more people than there are tables). The first has a plan
with no repeat (found once by the tabu search with longer stalls; `solve` at 10 s leaves one)."""


TWELVE_TABLE_NETWORKS = (
    ((11, 9, 6, 5, 4, 4, 3, 3, 2, 1), 8),
    ((11, 9, 6, 5, 4, 4, 3, 3, 2, 1), 12),
    ((10, 8, 7, 6, 6, 5, 5, 4, 3, 2, 1), 15),
)
"""Networks of 48 and 57 people at 12 and 15 tables of 4 over many rounds (a long morning, or the joint plan of
a series): their organisations pack into the four groups of a transversal design TD(4, 12) or TD(4, 15), which
needs a difference matrix over Z_2 × Z_6 or Z_15 (`benchmarks.difference_matrices`)."""


def networks(shapes: Sequence[tuple[tuple[int, ...], int]]) -> list[Instance]:
    """Each (organisation sizes, rounds) at tables of 4, named by its sizes."""
    return [
        Instance(
            f"net{sum(sizes)} {'-'.join(map(str, sizes))} x{rounds}",
            Problem(tuple(org for org, size in enumerate(sizes) for _ in range(size)), rounds),
        )
        for sizes, rounds in shapes
    ]


def instances() -> list[Instance]:
    def file(name: str, rounds: int) -> Instance:
        return Instance(f"{name} x{rounds}", Problem(read_organisations(INSTANCES / f"{name}.csv"), rounds))

    return [
        file("spro24", 5),
        file("sgp28", 7),
        file("sgp28", 9),
        file("sgp28", 10),
        file("agence52", 6),
        Instance("sgp32 x10", Problem(tuple(range(32)), 10)),
        Instance("sgp16 x5", Problem(tuple(range(16)), 5)),
        Instance("nine3 x3", Problem(tuple(p // 3 for p in range(9)), 3, table_size=3)),
        Instance("org48 x5", Problem(tuple(p % 8 for p in range(48)), 5)),
        Instance("big500 x8", Problem(tuple(p % 80 for p in range(500)), 8), time_limit=60),
        *tight_sessions(),
        *networks(SIX_TABLE_NETWORKS),
        *networks(TWELVE_TABLE_NETWORKS),
    ]


def row(name: str, problem: Problem, method: str, e: Evaluation, optimal: str, seconds: float) -> str:
    return (
        f"| {name} | {problem.people} | {problem.rounds} | {method} | {e.same_org_pairs} ({e.forced_same_org})"
        f" | {e.repeat_pairs} | {e.distinct_new_pairs}/{e.new_pairs_bound} | {optimal} | {seconds:.1f} |"
    )


def timed(make: Callable[[], Schedule]) -> tuple[Schedule, float]:
    """The schedule `make` builds and the seconds it took."""
    started = time.monotonic()
    schedule = make()
    return schedule, time.monotonic() - started


def direct_row(instance: Instance, time_limit: float, seed: int, workers: int) -> str:
    """The direct model's row: its plan's figures, or that it found none within the limit."""
    problem = instance.problem
    started = time.monotonic()
    found = direct_model(problem, seed, time_limit, workers)
    seconds = time.monotonic() - started
    if found is None:
        return (
            f"| {instance.name} | {problem.people} | {problem.rounds} | direct model | no plan | | | | {seconds:.1f} |"
        )
    return row(instance.name, problem, "direct model", evaluate(problem, found), "", seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--only", help="run the instances whose name contains this")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-baselines", action="store_true")
    args = parser.parse_args()
    machine = f"{platform.node() or 'unknown'} ({platform.machine()}, {os.cpu_count()} cores)"
    print(
        f"Run {date.today().isoformat()} on {machine}, time limit {args.time_limit:g} s,"
        f" seed {args.seed}, workers {args.workers}\n"
    )
    print("| instance | people | rounds | method | same-org (forced) | repeats | distinct/bound | optimal | seconds |")
    print("|---|---|---|---|---|---|---|---|---|")
    for instance in instances():
        if args.only and args.only not in instance.name:
            continue
        problem = instance.problem
        if not args.no_baselines:
            for label, baseline in (("random", random_schedule), ("hill-climber", hill_climber)):
                schedule, seconds = timed(partial(baseline, problem, args.seed))
                print(row(instance.name, problem, label, evaluate(problem, schedule), "", seconds), flush=True)
            if problem.people <= DIRECT_MAX_PEOPLE:
                print(direct_row(instance, instance.time_limit or args.time_limit, args.seed, args.workers), flush=True)
        result = solve(problem, time_limit=instance.time_limit or args.time_limit, seed=args.seed, workers=args.workers)
        print(
            row(
                instance.name,
                problem,
                f"solve: {result.method}",
                result.evaluation,
                f"{'yes' if result.optimal else 'no'} (bound {result.proven_bound})",
                result.seconds,
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
