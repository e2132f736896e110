"""Benchmark: three sessions of the same people, each recorded before the next is planned.

For each instance and each planner (speeddating at each time limit, and the round-by-round
hill-climber of `baselines`), session 1 is planned without history, recorded in a fresh store,
then sessions 2 and 3 are planned reading that store: each planner follows its own sessions.
Every plan is measured by the independent checker with `--previous` on all earlier plans.
"reunions" is history repeats + repeats within the session + avoidable colleague pairs, printed
next to the floor no plan can beat (`speeddating.history.bound`): a plan can trade one kind of
re-meeting for another, so only the sum has a sound floor. "s" is wall-clock seconds, "cpu" the
processor seconds of this process and of the searches it ran in others (on a busy machine the wall
clock says more about the neighbours than about the solver).

Instances: the reference lists given as files, `network33` (generated: 33 people of 6
organisations of 8, 7, 6, 5, 4 and 3, whose first session can be perfect), or organisation sizes
such as 10,7,6,4,3,3 (the 33-person network of issue 13: its 10 colleagues at 9 tables force one
colleague pair a round).

    python benchmarks/history_sessions.py [--time-limit 10 60] [--seed 0] [--workers 2] [INSTANCE ...]

(INSTANCE before --time-limit, which takes several values.)
"""

import argparse
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from benchmarks.baselines import hill_climber
from benchmarks.checker import check
from benchmarks.timing import processor_seconds
from speeddating.evaluation import evaluate
from speeddating.event import default_event
from speeddating.history.bound import forced_reunions
from speeddating.history.store import add_plan, open_history, past_encounters
from speeddating.importer import read_roster
from speeddating.plan import write_plan
from speeddating.planning import build_plan, problem_for
from speeddating.problem import Problem
from speeddating.roster import Attendee
from speeddating.solver import SolveResult, solve
from speeddating.status import SolveStatus

REPO = Path(__file__).resolve().parent.parent
DATES = ("2026-01-13", "2026-03-10", "2026-05-12")
NETWORK33 = (8, 7, 6, 5, 4, 3)
COLUMNS = ("planner", "session", "history", "repeats", "reunions", "forced", "same_org", "new", "bound", "s", "cpu")

Planner = Callable[[Problem], SolveResult]


def network(sizes: Sequence[int]) -> list[Attendee]:
    """People of generated organisations of these sizes."""
    organisations = [org for org, size in enumerate(sizes) for _ in range(size)]
    return [
        Attendee(f"n{i + 1:02d}", f"Person {i + 1:02d}", f"Network org {org}") for i, org in enumerate(organisations)
    ]


def network33() -> list[Attendee]:
    return network(NETWORK33)


def attendees_of(instance: str) -> list[Attendee]:
    """An instance file, `network33`, or a network given by its organisation sizes (9,6,6,5,4,3)."""
    if instance == "network33":
        return network33()
    if instance[0].isdigit():
        return network([int(size) for size in instance.split(",")])
    return list(read_roster(Path(instance)).attendees)


def speeddating(time_limit: float, seed: int, workers: int) -> Planner:
    return lambda problem: solve(problem, time_limit=time_limit, seed=seed, workers=workers)


def climbing(seed: int) -> Planner:
    def plan(problem: Problem) -> SolveResult:
        schedule = hill_climber(problem, seed)
        evaluation = evaluate(problem, schedule)
        return SolveResult(schedule, evaluation, SolveStatus.FEASIBLE, evaluation.new_pairs_bound, "hill-climber", 0.0)

    return plan


def run_sessions(name: str, attendees: Sequence[Attendee], planner: Planner, folder: Path) -> list[list[str]]:
    """Plan, check and record three sessions with `planner`; one row of figures per session."""
    db = folder / "history.db"
    plans: list[Path] = []
    rows = []
    for number, date in enumerate(DATES, 1):
        event = replace(default_event(), title=f"{name} #{number}", date=date)
        past = past_encounters(db, attendees) if db.exists() else {}
        problem = problem_for(attendees, event.rounds_that_fit(), event.table_size, past=past)
        started, processor = time.perf_counter(), processor_seconds()
        result = planner(problem)
        seconds, processor = time.perf_counter() - started, processor_seconds() - processor
        planned = build_plan(attendees, event, result)
        path = folder / f"session-{number}.json"
        write_plan(planned, path)
        figures = check(path, *(option for earlier in plans for option in ("--previous", str(earlier))))
        if not figures["valid"]:
            raise SystemExit(f"{path}: {figures['errors']}")
        reunions = (
            figures["history_repeats"]
            + figures["repeat_pairs"]
            + figures["same_org_pairs"]
            - figures["forced_same_org"]
        )
        rows.append(
            [
                str(number),
                str(figures["history_repeats"]),
                str(figures["repeat_pairs"]),
                str(reunions),
                str(forced_reunions(problem, result.schedule)),
                f"{figures['same_org_pairs']} ({figures['forced_same_org']})",
                str(figures["distinct_new_pairs"]),
                str(figures["new_pairs_bound"]),
                f"{seconds:.1f}",
                f"{processor:.1f}",
            ]
        )
        if number < len(DATES):  # the last session needs no record (and may seat an earlier one's tables)
            with open_history(db, write=True) as connection:
                add_plan(connection, planned)
        plans.append(path)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "instances",
        nargs="*",
        default=[str(REPO / "instances" / "spro24.csv"), str(REPO / "instances" / "agence52.csv"), "network33"],
    )
    parser.add_argument("--time-limit", type=float, nargs="+", default=[10.0, 60.0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    planners = {"hill-climber": climbing(args.seed)}
    planners.update({f"{limit:g} s": speeddating(limit, args.seed, args.workers) for limit in args.time_limit})
    for instance in args.instances:
        name = instance if instance[0].isdigit() else Path(instance).stem
        attendees = attendees_of(instance)
        table = []
        for label, planner in planners.items():
            with tempfile.TemporaryDirectory() as folder:
                table += [[label, *row] for row in run_sessions(name, attendees, planner, Path(folder))]
        print(f"\n{name}: {len(attendees)} people (seed {args.seed}, {args.workers} worker(s))", flush=True)
        widths = [max(len(column), *(len(row[i]) for row in table)) for i, column in enumerate(COLUMNS)]
        for row in (list(COLUMNS), *table):
            print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)), flush=True)


if __name__ == "__main__":
    main()
