"""Relabelling: the same plan with people exchanged across all its rounds, to dodge pairs met before.

A design's plan for the plain session (nobody met anyone) has no repeat within the session, and
exchanging two people everywhere keeps that: every pair's meeting count moves to another pair. So
for a session after others, the design is a fine starting plan once its points are given to
people so that as few past pairs as possible meet again: a quadratic assignment of people to
points, searched by tabu over exchanges of two people. Without relabelling, the design handed to
session 2 is the one session 1 used, and every pair meets again.

With P the meetings of each pair of points and C the cost matrix of each pair of people
(`PairCosts`), the plan costs sum over point pairs of C[person at x, person at y] for each meeting;
all exchanges are priced at once from H = P · C_σᵀ (C_σ: C with rows and columns in point order),
the textbook delta of the quadratic assignment problem. Only people present in every round with
no pinned seat are exchanged (others would not fit the other person's seats). Its matrices are square
in the people, as is the product: it serves designs, a few hundred people at most.
"""

import random

import numpy as np
import numpy.typing as npt

from speeddating.problem import Problem, Schedule
from speeddating.solver.costs import pair_costs

Matrix = npt.NDArray[np.float64]

TIE = 1e-9

SHORTEST_TENURE = 3
LONGEST_TENURE = 10
"""Iterations during which an exchanged person may not be exchanged again (unless it beats the best)."""

WORK = 75_000_000
MOST_ITERATIONS = 2_000
"""An iteration of n people costs about n³ multiply-adds (the product H): this many in all (a tenth of
a second) bounds the iterations, themselves at most MOST_ITERATIONS."""


def meetings(schedule: Schedule, people: int) -> tuple[Matrix, Matrix]:
    """(first, again): 1 where two people meet at all, and how many times more than once."""
    met = np.zeros((people, people))
    for tables in schedule:
        for table in tables:
            members = np.array(table, dtype=np.intp)
            met[members[:, None], members[None, :]] += 1
    np.fill_diagonal(met, 0)
    return (met > 0).astype(np.float64), np.maximum(met - 1, 0)


def exchangeable(problem: Problem) -> list[int]:
    """People present in every round with no pinned seat."""
    pinned = {p for p, _ in problem.fixed_tables} | {p for p, _ in problem.absences}
    return [p for p in range(problem.people) if p not in pinned]


def relabelled(problem: Problem, schedule: Schedule, *, seed: int) -> Schedule:
    """`schedule` with people exchanged across all rounds so that it costs least for `problem`
    (colleagues apart, pairs met before kept apart), after a counted number of tabu steps."""
    n = problem.people
    iterations = min(MOST_ITERATIONS, WORK // n**3)
    costs = pair_costs(problem)
    everyone = np.arange(n)
    first_cost, again_cost = costs.first_rows(everyone)[:, :n], costs.again_rows(everyone)[:, :n]
    first, again = meetings(schedule, n)
    free = np.array(exchangeable(problem), dtype=np.intp)
    if len(free) < 2:
        return schedule
    person_at = np.arange(n)
    rng = random.Random(seed)
    tabu_until = np.zeros(n, dtype=np.int64)
    current = best = (
        float((first * first_cost[person_at][:, person_at]).sum() + (again * again_cost[person_at][:, person_at]).sum())
        / 2
    )
    best_order = person_at.copy()
    for iteration in range(1, iterations + 1):
        cost_first = first_cost[person_at][:, person_at]
        cost_again = again_cost[person_at][:, person_at]
        exchange = first @ cost_first.T + again @ cost_again.T
        own = np.diag(exchange)
        delta = exchange + exchange.T - own[:, None] - own[None, :] + 2 * (first * cost_first + again * cost_again)
        delta = delta[free[:, None], free[None, :]]
        allowed = (tabu_until[free] < iteration)[:, None] & (tabu_until[free] < iteration)[None, :]
        allowed |= current + delta < best - TIE
        np.fill_diagonal(allowed, False)
        if not allowed.any():
            continue
        delta = np.where(allowed, delta, np.inf)
        cheapest = float(delta.min())
        rows, cols = np.nonzero(delta <= cheapest + TIE)
        pick = rng.randrange(len(rows))
        x, y = int(free[rows[pick]]), int(free[cols[pick]])
        person_at[x], person_at[y] = person_at[y], person_at[x]
        current += cheapest
        tabu_until[[x, y]] = iteration + rng.randint(SHORTEST_TENURE, LONGEST_TENURE)
        if current < best - TIE:
            best, best_order = current, person_at.copy()
    return tuple(tuple(tuple(int(best_order[p]) for p in table) for table in tables) for tables in schedule)
