"""How long the four PDFs take to write, from 24 to 528 people, with and without reportlab's C accelerator.

    python -m benchmarks.printing [--sizes 24,100,300,528] [--rounds 5] [--repeat 3] [--profile 528]

Plans are dealt at random in the usual table layout (printing does not care how good they are), with the default
breakfast's themes, so the present-another round prints its presents. Every run is a fresh process, as a `plan` or
`print` command is: nothing is remembered from one run to the next. Figures are the best of `--repeat` runs, in
seconds of processor time (printing runs on one core, so this is what an idle machine takes; the wall-clock total
is beside it, and on a shared machine the best run is the one least disturbed by others). "without accelerator"
hides `_rl_accel` from reportlab, which then measures text in pure Python. The digest of the four files must be the
same in every column: the documents are byte-identical whichever way they are computed. `--profile N` prints the 30
costliest functions for N people instead of the table.
"""

import argparse
import cProfile
import hashlib
import json
import pstats
import random
import subprocess
import sys
import time
from typing import TypedDict

from speeddating.event import DEFAULT_THEMES, Event
from speeddating.plan import Plan, PlannedRound, SeatedTable
from speeddating.problem import table_layout
from speeddating.roster import Attendee

FIRST = ("Anne", "Benoît", "Chloé", "Djamel", "Élodie", "François", "Gaëlle", "Hélène", "Inès", "Jérôme")
LAST = ("Martin", "Lefèvre", "Dubois", "Garçon", "Hébert", "Noël", "Perrin", "Rousseau", "Thévenin", "Nguyễn")


def dealt_plan(people: int, rounds: int, seed: int = 0) -> Plan:
    """`people` attendees over people // 6 organisations, shuffled into tables of four in every round."""
    event = Event(title="Forum de l'emploi", date="2026-12-08", location="Parc des expositions", themes=DEFAULT_THEMES)
    attendees = tuple(
        Attendee(f"p{i:04d}", f"{FIRST[i % 10]} {LAST[(i // 10) % 10]} {i}", f"Structure n° {i % max(1, people // 6)}")
        for i in range(people)
    )
    rng = random.Random(seed)
    planned = []
    for number in range(1, rounds + 1):
        order = list(attendees)
        rng.shuffle(order)
        theme = event.theme_for(number)
        tables, start = [], 0
        for table_number, size in enumerate(table_layout(people, event.table_size), start=1):
            group = order[start : start + size]
            start += size
            presents: tuple[tuple[str, str], ...] = ()
            if theme is not None and theme.presents_another:
                presents = tuple((a.id, group[(k + 1) % len(group)].organisation) for k, a in enumerate(group))
            tables.append(SeatedTable(table_number, tuple(a.id for a in group), presents))
        slot = event.round_slot(number)
        planned.append(PlannedRound(number, tuple(tables), theme, slot.start, slot.end))
    return Plan(attendees, tuple(planned), event)


class Run(TypedDict):
    seconds: dict[str, float]
    wall: float
    digest: str


def one_run(people: int, rounds: int) -> Run:
    """Write the four documents once, in this process: processor seconds per document, wall total, digest."""
    from speeddating.exporters.pdf import DOCUMENTS
    from speeddating.exporters.pdf.style import register_fonts

    register_fonts()
    plan = dealt_plan(people, rounds)
    seconds: dict[str, float] = {}
    digest = hashlib.sha256()
    started_wall = time.perf_counter()
    for name, build in DOCUMENTS:
        started = time.process_time()
        digest.update(build(plan, "A4"))
        seconds[name] = time.process_time() - started
    return Run(seconds=seconds, wall=time.perf_counter() - started_wall, digest=digest.hexdigest()[:12])


def best_of(people: int, rounds: int, repeat: int, accelerator: bool) -> Run:
    """The best processor time of each document, and the best wall total, over `repeat` fresh processes."""
    command = [sys.executable, "-m", "benchmarks.printing", "--one", str(people), "--rounds", str(rounds)]
    runs: list[Run] = []
    for _ in range(repeat):
        completed = subprocess.run(
            command + ([] if accelerator else ["--no-accel"]), capture_output=True, text=True, check=True
        )
        runs.append(json.loads(completed.stdout))
    digests = {run["digest"] for run in runs}
    assert len(digests) == 1, f"{people} people printed differently from one run to the next"
    return Run(
        seconds={name: min(run["seconds"][name] for run in runs) for name in runs[0]["seconds"]},
        wall=min(run["wall"] for run in runs),
        digest=digests.pop(),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="24,100,300,528")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, help="profile one size instead of timing all")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--no-accel", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.no_accel:
        sys.modules["_rl_accel"] = None  # type: ignore[assignment]  # how reportlab is told to do without it
    if options.one:
        print(json.dumps(one_run(options.one, options.rounds)))
        return
    if options.profile:
        from speeddating.exporters.pdf import DOCUMENTS

        plan = dealt_plan(options.profile, options.rounds)
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [build(plan, "A4") for _, build in DOCUMENTS])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return
    print(f"{options.rounds} rounds, A4, best of {options.repeat} fresh processes; processor seconds\n")
    print("| people | table cards | itineraries | agenda | master plan | total | wall | without accelerator | digest |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for people in (int(size) for size in options.sizes.split(",")):
        fast = best_of(people, options.rounds, options.repeat, accelerator=True)
        plain = best_of(people, options.rounds, options.repeat, accelerator=False)
        seconds = fast["seconds"]
        if plain["digest"] != fast["digest"]:
            raise SystemExit(f"{people} people: the accelerator changed the bytes of the documents")
        cells = " | ".join(f"{value:.2f}" for value in seconds.values())
        print(
            f"| {people} | {cells} | **{sum(seconds.values()):.2f}** | {fast['wall']:.2f} "
            f"| {sum(plain['seconds'].values()):.2f} | {fast['digest']} |"
        )


if __name__ == "__main__":
    main()
