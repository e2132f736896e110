"""Golfer sessions (everyone in an organisation of their own): speeddating against the literature.

    python -m benchmarks.golfers [--time-limit 2] [--seed 0] [--workers 2] [--no-baselines] [--only 3|4]
    python -m benchmarks.golfers --coverage [--up-to 150]

For tables of 3 and 4 and every head count up to 100 that fills its tables, the most rounds in which
nobody meets anyone twice is known (the Social Golfer Problem; Miller, Valkov & Abel, Symmetry 2026,
18(2):269 tabulate it up to 150 people): (v - 1)/(k - 1) rounded down, reached by Kirkman and nearly
Kirkman triple systems, resolvable (v, 4, 1) designs and resolvable 4-GDDs of types 2^u and 3^u,
except for a few small sizes. Each session is planned over that many rounds, where the literature's
answer is 0 repeats; the table shows speeddating's repeats and time, each plan checked by
check_plan.py, beside the round-by-round hill-climber of `baselines`. `--coverage` lists instead, for
every size up to `--up-to`, the literature's rounds beside the most rounds a design built here gives
(no solving: the designs themselves, which the tests check).
"""

import argparse
import os
import platform
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.baselines import hill_climber
from benchmarks.checker import check
from speeddating.evaluation import evaluate
from speeddating.event import Event
from speeddating.plan import write_plan
from speeddating.planning import build_plan
from speeddating.problem import Problem
from speeddating.roster import Attendee
from speeddating.solver import solve
from speeddating.solver.constructions import CONSTRUCTIONS

TARGETS = ((40, 4), (21, 3), (24, 3), (24, 4), (36, 4))
"""The sessions of issue 13, at the literature's number of rounds."""

SMALL = {
    (6, 3): (1, "two tables"),
    (12, 3): (4, "proven, not 5"),
    (8, 4): (1, "two tables"),
    (12, 4): (1, "three tables"),
    (20, 4): (5, "no 4-RGDD of type 2^10"),
}
"""Sizes where the bound is not reached: (people, table size) -> (most rounds, why)."""


def literature(people: int, k: int) -> tuple[int, str]:
    """Most rounds with no pair twice for `people` at tables of `k`, and the design reaching it."""
    if (people, k) in SMALL:
        return SMALL[people, k]
    if k == 3:
        return (people - 1) // 2, "KTS" if people % 6 == 3 else "NKTS"
    family = {4: "RBIBD(v,4,1)", 8: "4-RGDD 2^u", 0: "4-RGDD 3^u"}[people % 12]
    return (people - 1) // 3, family


def sessions(sizes: tuple[int, ...]) -> list[tuple[int, int]]:
    """The five targets, then every (people, table size) up to 100 people with full tables."""
    sweep = [(v, k) for k in sizes for v in range(2 * k, 101, k) if (v, k) not in TARGETS]
    return [(v, k) for v, k in TARGETS if k in sizes] + sweep


def designed_rounds(people: int, k: int) -> tuple[int, str]:
    """The most rounds with no pair twice that a construction here gives `people` at tables of `k`
    (one round, any seating, when none applies), and its name."""
    found = [(1, "any seating")]
    for construction in CONSTRUCTIONS:
        design = construction.design_for(k, people // k)
        if design is not None:
            found.append((len(design.classes), construction.name))
    return max(found)


def coverage(up_to: int) -> None:
    """Print, per size, the literature's rounds and those the designs here reach."""
    print("| people | table | literature: rounds (design) | built here: rounds (construction) | gap |")
    print("|---|---|---|---|---|")
    for k in (3, 4):
        for people in range(2 * k, up_to + 1, k):
            rounds, design = literature(people, k)
            reached, name = designed_rounds(people, k)
            gap = rounds - min(reached, rounds)
            print(f"| {people} | {k} | {rounds} ({design}) | {reached} ({name}) | {gap or ''} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time-limit", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--only", type=int, choices=(3, 4), help="tables of this size only")
    parser.add_argument("--coverage", action="store_true", help="list the rounds the designs reach, no solving")
    parser.add_argument("--up-to", type=int, default=150, help="largest head count of --coverage")
    args = parser.parse_args()
    if args.coverage:
        coverage(args.up_to)
        return
    machine = f"{platform.node() or 'unknown'} ({platform.machine()}, {os.cpu_count()} cores)"
    print(
        f"Run {date.today().isoformat()} on {machine}, time limit {args.time_limit:g} s,"
        f" seed {args.seed}, workers {args.workers}\n"
    )
    print(
        "| people | table | rounds | literature | hill-climber: repeats (s)"
        " | speeddating: repeats | checker | method | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for people, k in sessions((args.only,) if args.only else (3, 4)):
            rounds, design = literature(people, k)
            problem = Problem(tuple(range(people)), rounds, k)
            baseline = ""
            if not args.no_baselines:
                started = time.monotonic()
                climbed = hill_climber(problem, args.seed)
                baseline = f"{evaluate(problem, climbed).repeat_pairs} ({time.monotonic() - started:.1f})"
            started = time.monotonic()
            result = solve(problem, time_limit=args.time_limit, seed=args.seed, workers=args.workers)
            seconds = time.monotonic() - started
            attendees = [Attendee(f"p{p}", f"Person {p}", f"Org {p}") for p in range(people)]
            path = Path(folder) / "plan.json"
            write_plan(build_plan(attendees, Event(table_size=k), result), path)
            figures = check(path, "--max-size", str(k))
            verdict = f"{figures['repeat_pairs']} repeats" if figures["valid"] else "invalid"
            print(
                f"| {people} | {k} | {rounds} | 0 ({design}) | {baseline} | {result.evaluation.repeat_pairs}"
                f" | {verdict} | {result.method} | {seconds:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
