"""Benchmark: several sessions of the same people, planned one by one, at once, or as one long plan.

For each instance and time limit T (per session), three sessions of the event's rounds:

- `sequential`: today's way, each session planned with T seconds and the earlier ones as history;
- `joint cut`: one plan of all the rounds with 3 T seconds, cut in three in its order;
- `series`: `speeddating.series.plan_series` with T seconds per session;
- `hill-climber`: the round-by-round hill-climber of `baselines` over all the rounds, cut in three.

Every session is written as a plan file and measured by the independent checker, with `--previous`
on the earlier sessions. "session 1" is its new pairs of the most possible, "avoidable" its avoidable
colleague pairs and "repeats" its pairs met twice; "later repeats" counts the pairs met twice within
one of the later sessions (meetings of an earlier session's pairs are not counted there); "met after
k" counts the distinct cross-organisation pairs met in the first k sessions, of the "possible" pairs
between people of different organisations.

    python -m benchmarks.series [--time-limit 10 60] [--sessions 3] [--seed 0] [--workers 2] [INSTANCE ...]

INSTANCE is spro24, agence52, net45 (a generated network of 45 people from 8 organisations) or net48 (48 people
from 9 organisations, 3 to 8).
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.baselines import hill_climber
from speeddating.event import default_event
from speeddating.importer import read_roster
from speeddating.plan import Plan, plan_to_json
from speeddating.planning import problem_for, timed_rounds
from speeddating.problem import Problem, Schedule
from speeddating.roster import Attendee
from speeddating.series import chunks, cross_pairs, following, plan_series, tiled
from speeddating.solver import solve

REPO = Path(__file__).resolve().parent.parent
CHECKER = next(
    p
    for p in (REPO.parent / "shared" / "tools" / "check_plan.py", REPO / "tests" / "tools" / "check_plan.py")
    if p.exists()
)
NETWORKS = {"net45": (9, 8, 7, 6, 5, 4, 3, 3), "net48": (8, 7, 6, 6, 5, 5, 4, 4, 3)}
"""The generated networks: organisation sizes (none outnumbers the tables)."""

Strategy = Callable[[Problem, int, float, int, int], list[Schedule]]


def network(sizes: Sequence[int], seed: int = 45) -> tuple[Attendee, ...]:
    """People of organisations of these `sizes`, listed in a shuffled order."""
    people = [
        Attendee(id=f"n{org}-{k}", name=f"Person {org}-{k}", organisation=f"Organisation {org}")
        for org, size in enumerate(sizes)
        for k in range(size)
    ]
    random.Random(seed).shuffle(people)
    return tuple(people)


def attendees_of(name: str) -> tuple[Attendee, ...]:
    if name in NETWORKS:
        return network(NETWORKS[name])
    return read_roster(REPO / "instances" / f"{name}.csv").attendees


def sequential(problem: Problem, sessions: int, time_limit: float, seed: int, workers: int) -> list[Schedule]:
    planned: list[Schedule] = []
    for _ in range(sessions):
        result = solve(following(problem, planned), time_limit=time_limit, seed=seed, workers=workers)
        planned.append(result.schedule)
    return planned


def joint_cut(problem: Problem, sessions: int, time_limit: float, seed: int, workers: int) -> list[Schedule]:
    result = solve(tiled(problem, sessions), time_limit=sessions * time_limit, seed=seed, workers=workers)
    return chunks(result.schedule, problem.rounds)


def series(problem: Problem, sessions: int, time_limit: float, seed: int, workers: int) -> list[Schedule]:
    planned = plan_series(problem, sessions, time_limit=time_limit, seed=seed, workers=workers)
    return [session.schedule for session in planned.sessions]


def climber(problem: Problem, sessions: int, time_limit: float, seed: int, workers: int) -> list[Schedule]:
    return chunks(hill_climber(tiled(problem, sessions), seed), problem.rounds)


STRATEGIES: dict[str, Strategy] = {
    "sequential": sequential,
    "joint cut": joint_cut,
    "series": series,
    "hill-climber": climber,
}


def check(plan: Path, previous: Sequence[Path]) -> dict[str, Any]:
    command = [sys.executable, str(CHECKER), str(plan), "--json"]
    for earlier in previous:
        command += ["--previous", str(earlier)]
    figures: dict[str, Any] = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    if not figures["valid"]:
        raise SystemExit(f"{plan}: {figures['errors']}")
    return figures


def measured(attendees: Sequence[Attendee], sessions: Sequence[Schedule], folder: Path) -> list[dict[str, Any]]:
    """The checker's figures of each session, the earlier ones given as --previous."""
    event = default_event()
    ids = [a.id for a in attendees]
    paths: list[Path] = []
    figures = []
    for number, schedule in enumerate(sessions, 1):
        seating = [[[ids[p] for p in table] for table in tables] for tables in schedule]
        path = folder / f"session-{number}.json"
        path.write_text(plan_to_json(Plan(attendees=tuple(attendees), rounds=timed_rounds(event, seating))))
        figures.append(check(path, paths))
        paths.append(path)
    return figures


def row(
    name: str, problem: Problem, attendees: Sequence[Attendee], sessions: Sequence[Schedule], seconds: float
) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        figures = measured(attendees, sessions, Path(folder))
    first = figures[0]
    met = 0
    after = []
    for session in figures:
        met += session["distinct_new_pairs"]
        after.append(str(met))
    return [
        name,
        f"{first['distinct_new_pairs']}/{first['new_pairs_bound']}",
        str(first["same_org_pairs"] - first["forced_same_org"]),
        str(first["repeat_pairs"]),
        str(sum(session["repeat_pairs"] for session in figures[1:])),
        *after,
        str(cross_pairs(problem)),
        f"{seconds:.0f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("instances", nargs="*", default=["spro24", "agence52", "net45"])
    parser.add_argument("--time-limit", type=float, nargs="+", default=[10.0, 60.0])
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", nargs="+", choices=sorted(STRATEGIES), default=sorted(STRATEGIES))
    args = parser.parse_args()
    header = [
        "strategy",
        "session 1",
        "avoidable",
        "repeats",
        "later repeats",
        *(f"met after {k}" for k in range(1, args.sessions + 1)),
        "possible",
        "seconds",
    ]
    for name in args.instances:
        attendees = attendees_of(name)
        rounds = default_event().rounds_that_fit()
        problem = problem_for(attendees, rounds, 4)
        for time_limit in args.time_limit:
            rows = [header]
            for strategy in (s for s in STRATEGIES if s in args.only):
                started = time.monotonic()
                sessions = STRATEGIES[strategy](problem, args.sessions, time_limit, args.seed, args.workers)
                rows.append(row(strategy, problem, attendees, sessions, time.monotonic() - started))
            print(
                f"\n{name}: {len(attendees)} people, {args.sessions} sessions of {rounds} rounds, "
                f"{time_limit:g} s per session, seed {args.seed}, {args.workers} worker(s)"
            )
            widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
            for cells in rows:
                print("  ".join(cell.rjust(width) for cell, width in zip(cells, widths, strict=True)))


if __name__ == "__main__":
    main()
