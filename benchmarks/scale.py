"""How time and memory grow with the head count: 50 to 1,000 people, 8 rounds, organisations of
mixed sizes (a few large agencies, many small partners).

    python -m benchmarks.scale [--time-limit 60] [--sizes 50,100,200,500,1000] [--seed 0] [--workers 2]

Each size runs in a fresh process so that its peak resident memory (getrusage) is its own; the
peak of Python allocations (numpy included) comes from tracemalloc. "first clean plan" is the time
to the first plan without an avoidable colleague pair (the greedy dealing, before any search).
"""

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import tracemalloc

from speeddating.evaluation import evaluate
from speeddating.problem import Problem
from speeddating.solver import solve
from speeddating.solver.greedy import greedy_schedule

ROUNDS = 8


def mixed_organisations(people: int, seed: int) -> tuple[int, ...]:
    """Three large organisations, a third, an eighth and a sixteenth of the room (the job centre
    outnumbers the tables, so some colleague pairs are forced), the rest of one to eight people."""
    rng = random.Random(seed)
    sizes: list[int] = []
    for share in (3, 8, 16):
        sizes.append(max(2, people // share))
    while sum(sizes) < people:
        sizes.append(min(rng.randint(1, 8), people - sum(sizes)))
    return tuple(org for org, size in enumerate(sizes) for _ in range(size))


def measure(people: int, time_limit: float, seed: int, workers: int) -> dict[str, float | int | str]:
    problem = Problem(mixed_organisations(people, seed), ROUNDS)
    tracemalloc.start()
    started = time.monotonic()
    first = evaluate(problem, greedy_schedule(problem, seed))
    first_clean = time.monotonic() - started
    result = solve(problem, time_limit=time_limit, seed=seed, workers=workers)
    _, peak = tracemalloc.get_traced_memory()
    e = result.evaluation
    return {
        "people": people,
        "organisations": problem.organisations,
        "greedy_avoidable": first.avoidable_same_org,
        "first_clean": round(first_clean, 2),
        "seconds": round(result.seconds, 1),
        "method": result.method,
        "same_org": e.same_org_pairs,
        "forced": e.forced_same_org,
        "repeats": e.repeat_pairs,
        "distinct": e.distinct_new_pairs,
        "bound": result.proven_bound,
        "traced_mb": round(peak / 2**20),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--sizes", default="50,100,200,500,1000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.time_limit, args.seed, args.workers)))
        return
    print(f"time limit {args.time_limit:g} s, {ROUNDS} rounds, tables of 4, seed {args.seed}, workers {args.workers}\n")
    print(
        "| people | organisations | greedy: avoidable colleague pairs (s) | solve: same-org (forced) | repeats"
        " | distinct/bound | method | seconds | peak Python MB | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        command = [
            sys.executable,
            "-m",
            "benchmarks.scale",
            "--one",
            str(size),
            "--time-limit",
            str(args.time_limit),
            "--seed",
            str(args.seed),
            "--workers",
            str(args.workers),
        ]
        r = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        print(
            f"| {r['people']} | {r['organisations']} | {r['greedy_avoidable']} ({r['first_clean']}) |"
            f" {r['same_org']} ({r['forced']}) | {r['repeats']} | {r['distinct']}/{r['bound']} | {r['method']} |"
            f" {r['seconds']} | {r['traced_mb']} | {r['rss_mb']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
