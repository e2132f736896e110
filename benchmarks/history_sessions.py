"""Benchmark: three sessions of the same people, each recorded before the next is planned.

For each instance, session 1 is planned without history, recorded in a fresh store, then
sessions 2 and 3 are planned reading that store. Every plan is measured by the independent
checker with `--previous` on all earlier plans. "reunions" is history repeats + repeats within
the session + avoidable colleague pairs, printed next to the floor no plan can beat
(`speeddating.history.bound`) and the milliseconds that floor took: a plan can trade one kind of
re-meeting for another, so only the sum has a sound floor.

    python benchmarks/history_sessions.py [--time-limit 10] [--seed 0] [--workers 1] [INSTANCE ...]
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from speeddating.event import default_event
from speeddating.history.bound import forced_reunions
from speeddating.history.store import add_plan, open_history, past_encounters
from speeddating.importer import read_roster
from speeddating.plan import write_plan
from speeddating.planning import build_plan, problem_for
from speeddating.solver import solve

REPO = Path(__file__).resolve().parent.parent
CHECKER = next(
    p
    for p in (REPO.parent / "shared" / "tools" / "check_plan.py", REPO / "tests" / "tools" / "check_plan.py")
    if p.exists()
)
DATES = ("2026-01-13", "2026-03-10", "2026-05-12")
COLUMNS = (
    "session",
    "history",
    "reunions",
    "forced",
    "forced_ms",
    "same_org",
    "forced_org",
    "repeats",
    "new",
    "bound",
    "seconds",
)


def check(plan: Path, previous: list[Path]) -> dict[str, Any]:
    command = [sys.executable, str(CHECKER), str(plan), "--json"]
    for earlier in previous:
        command += ["--previous", str(earlier)]
    figures: dict[str, Any] = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return figures


def run_instance(instance: Path, folder: Path, time_limit: float, seed: int, workers: int) -> list[list[str]]:
    """Plan, check and record three sessions; one row of figures per session."""
    roster = read_roster(instance)
    db = folder / "history.db"
    plans: list[Path] = []
    rows = []
    for number, date in enumerate(DATES, 1):
        event = replace(default_event(), title=f"{instance.stem} #{number}", date=date)
        past = past_encounters(db, roster.attendees) if db.exists() else {}
        problem = problem_for(roster.attendees, event.rounds_that_fit(), event.table_size, past=past)
        result = solve(problem, time_limit=time_limit, seed=seed, workers=workers)
        planned = build_plan(roster.attendees, event, result, seed=seed, time_limit=time_limit)
        path = folder / f"session-{number}.json"
        write_plan(planned, path)
        figures = check(path, plans)
        if not figures["valid"]:
            raise SystemExit(f"{path}: {figures['errors']}")
        reunions = (
            figures["history_repeats"]
            + figures["repeat_pairs"]
            + figures["same_org_pairs"]
            - figures["forced_same_org"]
        )
        started = time.perf_counter()
        floor = forced_reunions(problem)
        floor_ms = (time.perf_counter() - started) * 1000
        rows.append(
            [
                str(number),
                str(figures["history_repeats"]),
                str(reunions),
                str(floor),
                f"{floor_ms:.0f}",
                str(figures["same_org_pairs"]),
                str(figures["forced_same_org"]),
                str(figures["repeat_pairs"]),
                str(figures["distinct_new_pairs"]),
                str(figures["new_pairs_bound"]),
                f"{result.seconds:.1f}",
            ]
        )
        with open_history(db, write=True) as connection:
            add_plan(connection, planned)
        plans.append(path)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "instances",
        nargs="*",
        type=Path,
        default=[REPO / "instances" / "spro24.csv", REPO / "instances" / "agence52.csv"],
    )
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    for instance in args.instances:
        with tempfile.TemporaryDirectory() as folder:
            rows = run_instance(instance, Path(folder), args.time_limit, args.seed, args.workers)
        print(f"\n{instance.name} (time limit {args.time_limit:g} s, seed {args.seed}, {args.workers} worker(s))")
        widths = [max(len(column), *(len(row[i]) for row in rows)) for i, column in enumerate(COLUMNS)]
        for row in (list(COLUMNS), *rows):
            print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
