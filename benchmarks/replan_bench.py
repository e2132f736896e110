"""Benchmark: re-planning on the day must take seconds, not minutes.

100 people from 10 organisations of uneven sizes (2 stay seated, 4 host a table, 2 pairs kept
apart) are planned for the breakfast; then, for each seed, the plan is re-planned from round 3
with 5 absent and 3 late arrivals. Printed per run: wall-clock seconds of `replan` (everything:
repair, solve, numbering, measuring), the quality of the whole session as the independent checker
measures it, and how many people change table compared with the first version.

    python benchmarks/replan_bench.py [--time-limit 3] [--seeds 0 1 2] [--from-round 3] [--absent 5] [--added 3]
                                      [--sizes 25 25 25 25]
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from speeddating.constraints import OrganiserConstraints, organiser_constraints
from speeddating.event import default_event
from speeddating.plan import Plan, SolverReport, write_plan
from speeddating.planning import Outcome, build_plan, problem_for
from speeddating.replan import replan
from speeddating.roster import Attendee
from speeddating.solver import solve

REPO = Path(__file__).resolve().parent.parent
CHECKER = next(p for p in (REPO.parent / "shared" / "tools" / "check_plan.py",
                           REPO / "tests" / "tools" / "check_plan.py") if p.exists())
ORGANISATION_SIZES = (18, 14, 12, 10, 10, 9, 8, 7, 6, 6)
COLUMNS = ("seed", "seconds", "method", "same_org", "forced", "repeats", "new", "bound", "moves", "moved",
           "apart_kept", "valid")


def attendees(sizes: tuple[int, ...]) -> list[Attendee]:
    """People of organisations of these sizes; the 1st and 21st stay seated, the 41st, 56th, 71st and 86th host."""
    people = []
    for org, size in enumerate(sizes):
        for k in range(size):
            people.append((f"Person {org}-{k}", f"Organisation {org}"))
    flags = {0: ("reste_assis", "oui"), 20: ("reste_assis", "oui"),
             40: ("animateur", "oui"), 55: ("animateur", "oui"), 70: ("animateur", "oui"), 85: ("animateur", "oui")}
    return [Attendee(f"p{i + 1:03d}", name, organisation,
                     attributes=(flags[i],) if i in flags else ())
            for i, (name, organisation) in enumerate(people)]


def first_plan(people: list[Attendee], constraints: OrganiserConstraints, time_limit: float) -> Plan:
    event = default_event()
    problem = problem_for(people, event.rounds_that_fit(), event.table_size, constraints=constraints)
    result = solve(problem, time_limit=time_limit, seed=0, workers=1)
    outcome = Outcome(result.evaluation, result.optimal, result.proven_bound,
                      SolverReport(result.method, result.seconds, 0, time_limit))
    return build_plan(people, event, result.schedule, outcome)


def check(path: Path) -> dict[str, object]:
    completed = subprocess.run([sys.executable, str(CHECKER), str(path), "--json", "--allow-absent"],
                               capture_output=True, text=True, check=False)
    figures: dict[str, object] = json.loads(completed.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--time-limit", type=float, default=3.0, help="re-planning time limit (seconds)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--from-round", type=int, default=3)
    parser.add_argument("--absent", type=int, default=5, help="people absent from --from-round on")
    parser.add_argument("--added", type=int, default=3, help="late arrivals")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(ORGANISATION_SIZES),
                        help="organisation head counts (default: 100 people in 10 uneven organisations)")
    args = parser.parse_args()
    people = attendees(tuple(args.sizes))
    base = organiser_constraints(people)
    apart = frozenset({("p002", "p030"), ("p050", "p090")})
    constraints = OrganiserConstraints(base.stays_seated, base.hosts, apart)
    original = first_plan(people, constraints, 10.0)
    assert original.quality is not None
    print(f"first plan: {len(people)} people, {len(original.rounds)} rounds, "
          f"new pairs {original.quality.distinct_new_pairs}/{original.quality.new_pairs_bound}, "
          f"repeats {original.quality.repeat_pairs}")
    print(" ".join(f"{c:>10}" for c in COLUMNS))
    with tempfile.TemporaryDirectory() as folder:
        for seed in args.seeds:
            rng = random.Random(seed)
            flagged = {"p001", "p021", "p041", "p056", "p071", "p086"}
            absent = rng.sample([a for a in people if a.id not in flagged], args.absent)
            added = [Attendee("", f"Late {seed}-{k}", f"Organisation {rng.randrange(len(args.sizes) + 2)}")
                     for k in range(args.added)]
            started = time.perf_counter()
            revised, moves = replan(original, args.from_round, absent, added,
                                    constraints_of=lambda everyone: OrganiserConstraints(
                                        organiser_constraints(everyone).stays_seated, base.hosts, apart),
                                    time_limit=args.time_limit, seed=seed, revised_at="2026-12-08T08:40")
            seconds = time.perf_counter() - started
            path = Path(folder) / f"replan-{seed}.json"
            write_plan(revised, path)
            figures = check(path)
            assert revised.quality is not None
            row = [seed, f"{seconds:.2f}", revised.solver.method, figures["same_org_pairs"],
                   figures["forced_same_org"], figures["repeat_pairs"], figures["distinct_new_pairs"],
                   figures["new_pairs_bound"], len(moves), len({m.attendee_id for m in moves}),
                   revised.quality.keep_apart_violations == 0, figures["valid"]]
            print(" ".join(f"{v!s:>10}" for v in row))


if __name__ == "__main__":
    main()
