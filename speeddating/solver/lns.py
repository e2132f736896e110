"""Large neighbourhood search: free part of the plan, fix the rest, let CP-SAT re-seat the freed part.

Tabu search moves two people at a time; some improvements need many people to move together
(a whole round re-dealt). Each step frees either two whole rounds or a few tables in every round
(tables with conflicts first), pins everyone else to their current seat through the problem's own
`fixed_tables`, and solves that small problem with the ordinary CP-SAT model, hinted with the
current plan. A step is kept when the plan is not worse by `Evaluation.rank()`, so the search
never loses ground but may drift across plateaus.

Work is counted in CP-SAT deterministic time, so a seed and a budget give the same steps on any
machine; the wall-clock deadline is only a safety cap.
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from speeddating.evaluation import Evaluation, encounters, evaluate
from speeddating.problem import Problem, Schedule
from speeddating.solver.costs import proven_best
from speeddating.solver.cpsat_model import solve_model
from speeddating.status import Stop

STEP_DETERMINISTIC_TIME = 0.5
"""CP-SAT deterministic time per neighbourhood: enough to re-seat two rounds of ~50 people."""

TABLES_PER_ROUND = 3


@dataclass(frozen=True)
class LnsOutcome:
    schedule: Schedule
    evaluation: Evaluation
    steps: int
    improvements: int


def freed_rounds(problem: Problem, schedule: Schedule, rng: random.Random) -> set[int]:
    """A round with a conflict (if any) and another one at random."""
    hot = sorted({r for r, _ in conflicted_tables(problem, schedule)})
    first = rng.choice(hot) if hot else rng.randrange(problem.rounds)
    return {first, rng.choice([r for r in range(problem.rounds) if r != first])}


def conflicted_tables(problem: Problem, schedule: Schedule) -> list[tuple[int, int]]:
    """(round, table) pairs seating a colleague pair, a repeat or a pair met before."""
    met = encounters(schedule)
    old = {**problem.past_encounters, **problem.session_encounters}
    found = []
    for r, tables in enumerate(schedule):
        for t, table in enumerate(tables):
            pairs = [(a, b) if a < b else (b, a) for i, a in enumerate(table) for b in table[i + 1 :]]
            if any(problem.same_org(a, b) or met[a, b] > 1 or (a, b) in old for a, b in pairs):
                found.append((r, t))
    return found


def freed_tables(problem: Problem, schedule: Schedule, rng: random.Random) -> set[tuple[int, int]]:
    """A few tables per round, conflicted ones first, the rest at random."""
    conflicted = conflicted_tables(problem, schedule)
    chosen: set[tuple[int, int]] = set()
    for r, tables in enumerate(schedule):
        hot = [t for rr, t in conflicted if rr == r]
        rng.shuffle(hot)
        cold = [t for t in range(len(tables)) if t not in hot]
        rng.shuffle(cold)
        chosen.update((r, t) for t in (hot + cold)[:TABLES_PER_ROUND])
    return chosen


def pinned(problem: Problem, schedule: Schedule, free: Callable[[int, int], bool]) -> Problem:
    """`problem` with everyone whose (round, table) is not free fixed to their current seat."""
    fixed = dict(problem.fixed_tables)
    for r, tables in enumerate(schedule):
        for t, table in enumerate(tables):
            if not free(r, t):
                fixed.update({(p, r): t for p in table})
    return replace(problem, fixed_tables=fixed)


def neighbourhood(problem: Problem, schedule: Schedule, step: int, rng: random.Random) -> Problem:
    """Alternately two whole rounds and a few tables in every round."""
    if step % 2 == 0 and problem.rounds > 2:
        rounds = freed_rounds(problem, schedule, rng)
        return pinned(problem, schedule, lambda r, _t: r in rounds)
    tables = freed_tables(problem, schedule, rng)
    return pinned(problem, schedule, lambda r, t: (r, t) in tables)


def large_neighbourhood_search(
    problem: Problem,
    start: Schedule,
    *,
    seed: int = 0,
    deterministic_budget: float = 10.0,
    deadline: float = float("inf"),
    workers: int = 1,
    on_improvement: Callable[[Schedule], None] | None = None,
    stop: Stop | None = None,
) -> LnsOutcome:
    """Re-solve neighbourhoods of `start` until the budget or the deadline runs out, the plan is
    proven best or `stop` is requested; returns the best plan (never worse than `start`)."""
    rng = random.Random(seed)
    best, best_eval = start, evaluate(problem, start)
    steps = improvements = 0
    spent = 0.0
    while spent < deterministic_budget and not proven_best(problem, best_eval):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or (stop is not None and stop.requested):
            break
        sub = neighbourhood(problem, best, steps, rng)
        outcome = solve_model(
            sub,
            hint=best,
            deterministic_time=STEP_DETERMINISTIC_TIME,
            time_limit=remaining,
            workers=workers,
            seed=seed + steps,
            stop=stop,
        )
        steps += 1
        spent += STEP_DETERMINISTIC_TIME
        if outcome.schedule is None:
            continue
        candidate = evaluate(problem, outcome.schedule)
        if candidate.rank() <= best_eval.rank():
            if candidate.rank() < best_eval.rank():
                improvements += 1
                if on_improvement is not None:
                    on_improvement(outcome.schedule)
            best, best_eval = outcome.schedule, candidate
    return LnsOutcome(best, best_eval, steps, improvements)
