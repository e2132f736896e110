"""Benchmark: re-planning on the day must take seconds, not minutes.

100 people from 10 organisations of uneven sizes (2 stay seated, 4 host a table, 2 pairs kept
apart) are planned for the breakfast; then, for each seed, the plan is re-planned from round 3
with 5 absent and 3 late arrivals. Printed per run: wall-clock and processor seconds of `replan`
(everything: repair, solve, numbering, measuring; on a busy machine the processor seconds are what
an idle one would take), the quality of the whole session as the independent checker
measures it, and how many people change table compared with the first version.

    python benchmarks/replan_bench.py [--time-limit 3] [--seeds 0 1 2] [--from-round 3] [--absent 5] [--added 3]
                                      [--sizes 25 25 25 25] [--no-fewest-moves]

With --compare, what fewest moves (replan's default) buys over the plain search (--no-fewest-moves)
instead: the 24-person reference session (5 rounds), the 52-person one (6 rounds), the 100 people
above (6 rounds) and, where repeats are forced, the 24 people over 7 rounds, each re-planned from
--from-round for 1 absentee, 3 absentees and 2 late arrivals (chosen by seed), in both modes.
Printed per run and mode: people who change table (absentees and newcomers aside), seat changes
(person-rounds), new pairs over their bound, repeats, colleague pairs and seconds; then the totals
per session and mode.

    python benchmarks/replan_bench.py --compare [--time-limit 3] [--seeds 0 1 2] [--from-round 3]
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.timing import processor_seconds
from speeddating.constraints import OrganiserConstraints, organiser_constraints
from speeddating.event import default_event
from speeddating.importer import read_roster
from speeddating.plan import Plan, write_plan
from speeddating.planning import build_plan, problem_for
from speeddating.replan import Move, Replanned, replan
from speeddating.roster import Attendee
from speeddating.session import revise
from speeddating.solver import solve

REPO = Path(__file__).resolve().parent.parent
CHECKER = next(
    p
    for p in (REPO.parent / "shared" / "tools" / "check_plan.py", REPO / "tests" / "tools" / "check_plan.py")
    if p.exists()
)
INSTANCES = REPO / "instances"
ORGANISATION_SIZES = (18, 14, 12, 10, 10, 9, 8, 7, 6, 6)
FLAGGED = frozenset({"p001", "p021", "p041", "p056", "p071", "p086"})
"""The 100-person session's people who stay seated or host: never drawn as absentees."""
APART = frozenset({("p002", "p030"), ("p050", "p090")})
COLUMNS = (
    "seed",
    "seconds",
    "cpu",
    "method",
    "same_org",
    "forced",
    "repeats",
    "new",
    "bound",
    "moves",
    "moved",
    "apart_kept",
    "valid",
)
CHANGES = {"1 absent": (1, 0), "3 absent": (3, 0), "2 late": (0, 2)}
"""Compared situations: (absentees, late arrivals)."""


def attendees(sizes: tuple[int, ...]) -> list[Attendee]:
    """People of organisations of these sizes; the 1st and 21st stay seated, the 41st, 56th, 71st and 86th host."""
    people = []
    for org, size in enumerate(sizes):
        for k in range(size):
            people.append((f"Person {org}-{k}", f"Organisation {org}"))
    flags = {
        0: ("reste_assis", "oui"),
        20: ("reste_assis", "oui"),
        40: ("animateur", "oui"),
        55: ("animateur", "oui"),
        70: ("animateur", "oui"),
        85: ("animateur", "oui"),
    }
    return [
        Attendee(f"p{i + 1:03d}", name, organisation, attributes=(flags[i],) if i in flags else ())
        for i, (name, organisation) in enumerate(people)
    ]


def first_plan(
    people: list[Attendee], constraints: OrganiserConstraints, time_limit: float, rounds: int | None = None
) -> Plan:
    event = default_event()
    problem = problem_for(people, rounds or event.rounds_that_fit(), event.table_size, constraints=constraints)
    result = solve(problem, time_limit=time_limit, seed=0, workers=1)
    return build_plan(people, event, result, seed=0, time_limit=time_limit)


def revised_and_moves(plan: Plan, from_round: int, replanned: Replanned) -> tuple[Plan, tuple[Move, ...]]:
    """The new version as the session workflow finishes it, and who moves."""
    result = revise(plan, replanned, from_round)
    assert result.revision is not None
    return result.plan, result.revision.moves


def check(path: Path) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, str(CHECKER), str(path), "--json", "--allow-absent"],
        capture_output=True,
        text=True,
        check=False,
    )
    figures: dict[str, object] = json.loads(completed.stdout)
    return figures


Constraints = Callable[[Sequence[Attendee]], OrganiserConstraints]


def hosts_and_apart(everyone: Sequence[Attendee]) -> OrganiserConstraints:
    """The 100-person session's constraints, for newcomers too: its stays-seated and hosts, two pairs apart."""
    base = organiser_constraints(everyone)
    return OrganiserConstraints(base.stays_seated, base.hosts, APART)


def compared_sessions() -> list[tuple[str, Plan, Constraints]]:
    """The first versions re-planned by --compare, planned for 10 s with seed 0."""
    reference24 = list(read_roster(INSTANCES / "spro24.csv").attendees)
    people100 = attendees(ORGANISATION_SIZES)
    return [
        (
            "24 people, 5 rounds",
            first_plan(reference24, organiser_constraints(reference24), 10.0, 5),
            organiser_constraints,
        ),
        (
            "52 people, 6 rounds",
            first_plan(list(read_roster(INSTANCES / "agence52.csv").attendees), OrganiserConstraints(), 10.0, 6),
            organiser_constraints,
        ),
        ("100 people, 6 rounds", first_plan(people100, hosts_and_apart(people100), 10.0, 6), hosts_and_apart),
        (
            "24 people, 7 rounds (repeats forced)",
            first_plan(reference24, OrganiserConstraints(), 10.0, 7),
            organiser_constraints,
        ),
    ]


def people_moved(moves: Sequence[Move]) -> tuple[int, int]:
    """People who change table while seated before and after, and such seat changes (person-rounds)."""
    seated = [m for m in moves if m.before is not None and m.after is not None]
    return len({m.attendee_id for m in seated}), len(seated)


def compare(time_limit: float, seeds: Sequence[int], from_round: int) -> None:
    """The plain search and fewest moves side by side on the compared sessions and situations."""
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0] * 5)
    print(f"{'session':38} {'situation':9} seed  mode     moved  seats  new/bound  repeats  colleagues  seconds")
    for name, plan, constraints_of in compared_sessions():
        orgs = sorted({a.organisation for a in plan.attendees})
        for situation, (away, late) in CHANGES.items():
            for seed in seeds:
                rng = random.Random(seed)
                absent = rng.sample([a for a in plan.attendees if a.id not in FLAGGED], away)
                added = [Attendee("", f"Late {seed}-{k}", rng.choice(orgs)) for k in range(late)]
                for mode in ("plain", "fewest"):
                    started = time.perf_counter()
                    revised, moves = revised_and_moves(
                        plan,
                        from_round,
                        replan(
                            plan,
                            from_round,
                            absent,
                            added,
                            constraints_of=constraints_of,
                            time_limit=time_limit,
                            seed=0,
                            revised_at="2026-12-08T08:40",
                            fewest_moves=mode == "fewest",
                        ),
                    )
                    seconds = time.perf_counter() - started
                    quality = revised.quality
                    assert quality is not None
                    moved, seats = people_moved(moves)
                    total = totals[name, mode]
                    for i, value in enumerate(
                        (moved, seats, quality.distinct_new_pairs, quality.repeat_pairs, seconds)
                    ):
                        total[i] += value
                    print(
                        f"{name:38} {situation:9} {seed:4}  {mode:7} {moved:6} {seats:6}  "
                        f"{quality.distinct_new_pairs:4}/{quality.new_pairs_bound:<4} {quality.repeat_pairs:8} "
                        f"{quality.same_org_pairs:11} {seconds:8.1f}",
                        flush=True,
                    )
    print("\ntotals per session and mode: people moved, seat changes, new pairs, repeats, seconds")
    for (name, mode), sums in totals.items():
        print(f"{name:38} {mode:7} " + " ".join(f"{value:7.0f}" for value in sums[:4]) + f" {sums[4]:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--time-limit", type=float, default=3.0, help="re-planning time limit (seconds)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--from-round", type=int, default=3)
    parser.add_argument("--absent", type=int, default=5, help="people absent from --from-round on")
    parser.add_argument("--added", type=int, default=3, help="late arrivals")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(ORGANISATION_SIZES),
        help="organisation head counts (default: 100 people in 10 uneven organisations)",
    )
    parser.add_argument(
        "--no-fewest-moves", dest="fewest_moves", action="store_false", help="re-plan with the plain search"
    )
    parser.add_argument("--compare", action="store_true", help="plain search against fewest moves (see above)")
    args = parser.parse_args()
    if args.compare:
        compare(args.time_limit, args.seeds, args.from_round)
        return
    people = attendees(tuple(args.sizes))
    base = organiser_constraints(people)
    constraints = OrganiserConstraints(base.stays_seated, base.hosts, APART)
    original = first_plan(people, constraints, 10.0)
    assert original.quality is not None
    print(
        f"first plan: {len(people)} people, {len(original.rounds)} rounds, "
        f"new pairs {original.quality.distinct_new_pairs}/{original.quality.new_pairs_bound}, "
        f"repeats {original.quality.repeat_pairs}"
    )
    print(" ".join(f"{c:>10}" for c in COLUMNS))
    with tempfile.TemporaryDirectory() as folder:
        for seed in args.seeds:
            rng = random.Random(seed)
            absent = rng.sample([a for a in people if a.id not in FLAGGED], args.absent)
            added = [
                Attendee("", f"Late {seed}-{k}", f"Organisation {rng.randrange(len(args.sizes) + 2)}")
                for k in range(args.added)
            ]
            started, processor = time.perf_counter(), processor_seconds()
            revised, moves = revised_and_moves(
                original,
                args.from_round,
                replan(
                    original,
                    args.from_round,
                    absent,
                    added,
                    constraints_of=lambda everyone: OrganiserConstraints(
                        organiser_constraints(everyone).stays_seated, base.hosts, APART
                    ),
                    time_limit=args.time_limit,
                    seed=seed,
                    revised_at="2026-12-08T08:40",
                    fewest_moves=args.fewest_moves,
                ),
            )
            seconds, processor = time.perf_counter() - started, processor_seconds() - processor
            path = Path(folder) / f"replan-{seed}.json"
            write_plan(revised, path)
            figures = check(path)
            assert revised.quality is not None
            row = [
                seed,
                f"{seconds:.2f}",
                f"{processor:.2f}",
                revised.solver.method,
                figures["same_org_pairs"],
                figures["forced_same_org"],
                figures["repeat_pairs"],
                figures["distinct_new_pairs"],
                figures["new_pairs_bound"],
                len(moves),
                len({m.attendee_id for m in moves}),
                revised.quality.keep_apart_violations == 0,
                figures["valid"],
            ]
            print(" ".join(f"{v!s:>10}" for v in row))


if __name__ == "__main__":
    main()
