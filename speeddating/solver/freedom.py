"""Starting plans by freedom, after Triska & Musliu ("An effective greedy heuristic for the Social
Golfer Problem", Annals of OR, 2012).

The card-dealing greedy (`greedy.py`) seats one person at a time where it costs least, which leaves
the last tables of a round with whoever remains, often people who already met. This one fills each
table two people at a time and, among the pairs that cost least to add (usually: strangers to each
other and to the table), takes the pair that keeps the table's *freedom* largest: how many people
still unseated this round could join it without meeting anyone twice or a colleague. Tables thus
keep room for the people left over, and rounds come out with far fewer repeats on tight sessions;
the tabu search then starts much closer to a perfect plan.

Each choice prices every pair of candidates at once with a matrix product, so a round costs
O(people³) in numpy: meant for small sessions (`FREEDOM_MAX_PEOPLE`), where starting plans matter
most and rounds are tight.
"""

import random
from collections import Counter

import numpy as np
import numpy.typing as npt

from speeddating.problem import Problem, Schedule
from speeddating.solver.costs import Matrix, Tally, pair_costs

Flags = npt.NDArray[np.bool_]

FREEDOM_MAX_PEOPLE = 64
"""Up to this size a plan by freedom takes well under a second; beyond, dealing is used."""

ROUND_TRIES = 8
"""Orders tried per round (the best kept)."""

TIE = 1e-9
"""Costs closer than this are equal."""


def open_pairs(add: Matrix, people: int) -> Flags:
    """`open[a, b]`: a and b may still meet at no cost beyond a new pair (strangers, not colleagues),
    from the square `add` matrix of a small session."""
    return np.asarray(add[:people, :people] < 0)


def seat_round_by_freedom(problem: Problem, rnd: int, tally: Tally, rng: random.Random) -> tuple[tuple[int, ...], ...]:
    """Round `rnd` seated `ROUND_TRIES` times (`deal_round`), the cheapest kept and recorded in `tally`.

    Pair by pair, the last tables of a round get whoever is left; another order of the same rules
    often avoids that, and a round costs milliseconds."""
    best: tuple[float, tuple[tuple[int, ...], ...]] | None = None
    for _ in range(ROUND_TRIES):
        cost, tables = deal_round(problem, rnd, tally, rng)
        for table in tables:
            for i in range(len(table) - 1, 0, -1):
                tally.seat(list(table[:i]), table[i], -1)
        if best is None or cost < best[0] - TIE:
            best = (cost, tables)
    assert best is not None
    for table in best[1]:
        for i, person in enumerate(table):
            tally.seat(list(table[:i]), person, +1)
    return best[1]


def deal_round(
    problem: Problem, rnd: int, tally: Tally, rng: random.Random
) -> tuple[float, tuple[tuple[int, ...], ...]]:
    """Seat round `rnd` pair by pair, cheapest pairs first, then those leaving the table most freedom;
    records the round's meetings in `tally` and returns their cost with the tables."""
    cost = 0.0
    sizes = problem.table_sizes(rnd)
    tables: list[list[int]] = [[] for _ in sizes]
    for (person, r), table in sorted(problem.fixed_tables.items()):
        if r == rnd:
            cost += sum(tally.add_pair(person, other) for other in tables[table])
            tally.seat(tables[table], person, +1)
            tables[table].append(person)
    seated = {p for table in tables for p in table}
    unseated = [p for p in problem.present(rnd) if p not in seated]
    rng.shuffle(unseated)
    order = sorted(range(len(sizes)), key=lambda t: -sizes[t])
    for after, t in enumerate(order, start=1):
        while len(tables[t]) < sizes[t]:
            left = Counter(problem.organisation_of[p] for p in unseated)
            here = {problem.organisation_of[p] for p in tables[t]}
            due = {org for org, count in left.items() if count > len(order) - after and org not in here}
            urgent = np.array([problem.organisation_of[p] in due for p in unseated])
            picks = 1 if sizes[t] - len(tables[t]) == 1 or len(unseated) == 1 else 2
            needs = (urgent, min(picks, len(due)))
            chosen = _best_addition(tally, problem.people, tables[t], unseated, needs, picks, rng)
            for person in chosen:
                cost += sum(tally.add_pair(person, other) for other in tables[t])
                tally.seat(tables[t], person, +1)
                tables[t].append(person)
                unseated.remove(person)
    return cost, tuple(tuple(table) for table in tables)


def _best_addition(
    tally: Tally,
    people: int,
    table: list[int],
    unseated: list[int],
    due: tuple[Flags, int],
    picks: int,
    rng: random.Random,
) -> tuple[int, ...]:
    """`picks` (1 or 2) people for `table`, at least `due[1]` of them flagged in `due[0]` (of an
    organisation with more people left than tables, so one of them must sit here): least cost, then
    most freedom (people who could still join them), then chance."""
    urgent, required = due
    candidates = np.array(unseated, dtype=np.intp)
    members = np.array(table, dtype=np.intp)
    add = tally.add_rows(np.arange(people + 1))
    joining = add[candidates][:, members].sum(axis=1)
    welcome = np.asarray(np.asarray(add[:people][:, members] < 0).all(axis=1))
    compatible: Flags = (open_pairs(add, people) & welcome[None, :])[candidates]
    if picks == 1:
        cost = np.where(urgent >= required, joining, np.inf)
        best = np.flatnonzero(cost <= cost.min() + TIE)
        freedom = compatible[best].sum(axis=1)
        best = best[freedom == freedom.max()]
        return (int(candidates[best[rng.randrange(len(best))]]),)
    urgency = urgent[:, None].astype(int) + urgent[None, :]
    cost = joining[:, None] + joining[None, :] + add[candidates][:, candidates]
    cost[urgency < required] = np.inf
    np.fill_diagonal(cost, np.inf)
    shared = compatible.astype(np.float64)
    freedom = np.where(cost <= cost.min() + TIE, shared @ shared.T, -1.0)
    rows, cols = np.nonzero(freedom == freedom.max())
    pick = rng.randrange(len(rows))
    return int(candidates[rows[pick]]), int(candidates[cols[pick]])


def freedom_schedule(problem: Problem, seed: int = 0) -> Schedule:
    """A complete schedule built round by round by freedom (deterministic for a given seed)."""
    rng = random.Random(seed)
    tally = Tally(pair_costs(problem))
    return tuple(seat_round_by_freedom(problem, rnd, tally, rng) for rnd in range(problem.rounds))
