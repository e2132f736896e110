"""How many fresh pairs a session can meet at most, by a linear programme over whole tables.

The plan is relaxed to a choice of tables: in each room (rounds with the same people present and
the same table sizes, pooled) `tables[k]` tables of k people, each person at no more tables than
the rounds of that room, and each fresh pair counted once however many tables hold it:

    max  sum_e z_e   subject to   z_e <= 1,   z_e <= sum of x_S over the tables S holding e,
         sum of x_S over the tables S of room r holding p <= rounds(r),
         sum of x_S over the tables S of size k in room r <= tables(r, k),   x >= 0.

There are too many tables to write down, so the programme grows by column generation: GLOP solves
it over the tables found so far, and the tables worth adding are those of highest weight under its
duals (`Pricing`, an exact branch and bound over tables of 3 to 7).

Every non-negative choice of duals bounds the true maximum (Lagrangian relaxation): with pair
weights pi_e in [0, 1] and person costs mu >= 0,

    distinct fresh pairs <= sum_e (1 - pi_e) + sum_r rounds(r) * sum_p mu_rp
                            + sum_(r, k) tables(r, k) * max(0, max over tables S of size k in r of pi(S) - mu(S)),

so the duals are rounded to multiples of 1 / SCALE and the bound is computed in integers with the
exact maximum table weight, or an upper bound on it when the search runs out of budget: floating
point error and budgets can weaken the bound, never make it unsound.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
from numpy.typing import NDArray
from ortools.linear_solver import pywraplp

from speeddating.problem import Pair, Problem, Schedule
from speeddating.solver.greedy import greedy_schedule

SCALE = 1 << 30
"""Duals are rounded to multiples of 1 / SCALE so the bound is computed exactly in integers."""

ITERATIONS = 60
"""Most rounds of column generation (each one GLOP solve and one pricing per room and table size)."""

SEARCH_BUDGET = 3_000_000
"""Most candidate tables one pricing looks at (array elements scanned); past it the search bounds what is left."""

FRESH_LIMIT = 12_000
"""Past this many fresh pairs the programme is not built: such a session has new people to spare."""

COLUMNS_PER_SEARCH = 100
"""Most tables one pricing offers to the programme."""

UNSET = -(1 << 62)
"""Below any table weight: marks the cells of the pair matrix that are not a pair."""

TOLERANCE = 1e-6
"""GLOP's values are floats: a value this close to an integer counts as reaching it."""

Vector = NDArray[np.int64]


@dataclass(frozen=True)
class Room:
    """Rounds pooled because the same people are present at the same table sizes."""

    people: tuple[int, ...]
    rounds: int
    tables: Counter[int] = field(hash=False)
    """Table size -> number of tables of that size over all the rounds of the room."""


def rooms_of(problem: Problem) -> tuple[list[Room], list[int]]:
    """The rooms of a session, in the order of their first round, and the room of each round."""
    keys = [(problem.present(rnd), problem.table_sizes(rnd)) for rnd in range(problem.rounds)]
    pooled = list(dict.fromkeys(keys))
    rooms = []
    for people, sizes in pooled:
        rounds = keys.count((people, sizes))
        rooms.append(Room(people, rounds, Counter({size: rounds * count for size, count in Counter(sizes).items()})))
    return rooms, [pooled.index(key) for key in keys]


class Pricing:
    """The heaviest tables of `size` people, a table weighing the pair weights `weights` (symmetric,
    zero diagonal) of its pairs less the person costs `costs` of its people.

    Depth-first branch and bound: a node holds the people chosen so far and the candidates left,
    each with its gain (its weights to the chosen less its cost). Completing the table with m more
    people adds at most half of the m largest `2 gain + its m - 1 largest weights`, so candidates are
    tried by decreasing score and the loop stops once that ceiling cannot beat the best table found.
    The last two people are chosen at once, over the matrix of all candidate pairs.
    """

    def __init__(self, weights: Vector, costs: Vector, size: int) -> None:
        self.weights = weights
        self.costs = costs
        self.size = size
        self.masks: dict[int, NDArray[np.bool_]] = {}
        ranked = -np.sort(-weights, axis=1)
        self.tops = [np.zeros(len(costs), dtype=np.int64)] + [ranked[:, :j].sum(axis=1) for j in range(1, size)]

    def lower(self, count: int) -> NDArray[np.bool_]:
        """The cells on and below the diagonal of a count x count matrix (not pairs of two people)."""
        if count not in self.masks:
            self.masks[count] = ~np.triu(np.ones((count, count), dtype=bool), 1)
        return self.masks[count]

    def search(
        self, threshold: int, budget: int, *, keep: int = COLUMNS_PER_SEARCH, people: Vector | None = None
    ) -> tuple[int, list[tuple[int, ...]]]:
        """(an upper bound on the heaviest table's weight, at least `threshold`; up to `keep` tables
        heavier than `threshold` met on the way, heaviest first, as sorted indices into the people).
        Only tables among `people` are looked at, if given. Past `budget` scanned entries the
        search stops exploring and bounds what it leaves."""
        self.best = threshold
        self.overflow = threshold
        self.left = budget
        self.threshold = threshold
        self.keep = keep
        self.found: list[tuple[int, tuple[int, ...]]] = []
        candidates = np.arange(len(self.costs)) if people is None else people
        self._branch((), 0, candidates, -self.costs[candidates])
        self.found.sort(key=lambda item: (-item[0], item[1]))
        return max(self.best, self.overflow), [chosen for _, chosen in self.found[:keep]]

    def _branch(self, chosen: tuple[int, ...], value: int, candidates: Vector, gains: Vector) -> None:
        missing = self.size - len(chosen)
        if missing == 2:
            self._last_pair(chosen, value, candidates, gains)
            return
        self.left -= len(candidates)
        scores = 2 * gains + self.tops[missing - 1][candidates]
        order = np.argsort(-scores, kind="stable")
        candidates, gains, scores = candidates[order], gains[order], scores[order]
        for i in range(len(candidates) - missing + 1):
            ceiling = 2 * value + int(scores[i : i + missing].sum())
            if ceiling <= 2 * self.best:
                return
            if self.left < 0:
                self.overflow = max(self.overflow, ceiling // 2)
                return
            person = candidates[i]
            rest = candidates[i + 1 :]
            self._branch(
                (*chosen, int(person)), value + int(gains[i]), rest, gains[i + 1 :] + self.weights[person, rest]
            )

    def _last_pair(self, chosen: tuple[int, ...], value: int, candidates: Vector, gains: Vector) -> None:
        """Complete the table with the best two candidates, scanning every pair of them."""
        count = len(candidates)
        self.left -= count * count
        if count < 2:
            return
        if self.left < 0:
            self.overflow = max(self.overflow, value + int(np.sort(gains)[-2:].sum()) + SCALE)
            return
        values = self.weights.take(candidates, axis=0).take(candidates, axis=1)
        values += gains[:, None]
        values += gains + value
        values[self.lower(count)] = UNSET
        self.best = max(self.best, int(values.max()))
        heavy = np.flatnonzero(values > self.threshold)
        if len(heavy) > self.keep:
            heavy = heavy[np.argpartition(values.flat[heavy], -self.keep)[-self.keep :]]
        for first, second in zip(*np.unravel_index(heavy, values.shape), strict=True):
            table = tuple(sorted((*chosen, int(candidates[first]), int(candidates[second]))))
            self.found.append((int(values[first, second]), table))


class Relaxation:
    """The restricted programme over the tables found so far, in GLOP."""

    def __init__(self, rooms: list[Room], fresh: list[Pair]) -> None:
        self.solver = pywraplp.Solver.CreateSolver("GLOP")
        self.solver.SetSolverSpecificParametersAsString("use_preprocessing: false")
        self.rooms = rooms
        self.fresh = fresh
        infinity = self.solver.infinity()
        self.pair_rows = {two: self.solver.Constraint(-infinity, 0.0) for two in fresh}
        objective = self.solver.Objective()
        for row in self.pair_rows.values():
            counted = self.solver.NumVar(0.0, 1.0, "")
            row.SetCoefficient(counted, 1)
            objective.SetCoefficient(counted, 1)
        objective.SetMaximization()
        self.person_rows = [
            {person: self.solver.Constraint(-infinity, room.rounds) for person in room.people} for room in rooms
        ]
        self.table_rows = [
            {size: self.solver.Constraint(-infinity, count) for size, count in room.tables.items()} for room in rooms
        ]
        self.columns: list[set[tuple[int, ...]]] = [set() for _ in rooms]

    def add(self, room: int, table: tuple[int, ...]) -> bool:
        """Offer a table of `room` (people in increasing order); False when it is already there or
        does not fit the room (a plan in hand for other head counts)."""
        people, sizes = self.person_rows[room], self.table_rows[room]
        if table in self.columns[room] or len(table) not in sizes or not all(p in people for p in table):
            return False
        self.columns[room].add(table)
        chosen = self.solver.NumVar(0.0, self.solver.infinity(), "")
        for two in combinations(table, 2):
            if two in self.pair_rows:
                self.pair_rows[two].SetCoefficient(chosen, -1)
        for person in table:
            people[person].SetCoefficient(chosen, 1)
        sizes[len(table)].SetCoefficient(chosen, 1)
        return True

    def solve(self) -> float | None:
        """The programme's value over the tables so far, None if GLOP fails."""
        return self.solver.Objective().Value() if self.solver.Solve() == pywraplp.Solver.OPTIMAL else None

    def pair_weights(self) -> dict[Pair, int]:
        return {two: scaled(row.dual_value(), SCALE) for two, row in self.pair_rows.items()}

    def person_costs(self, room: int) -> dict[int, int]:
        return {person: scaled(row.dual_value(), None) for person, row in self.person_rows[room].items()}

    def table_costs(self, room: int) -> dict[int, int]:
        return {size: scaled(row.dual_value(), None) for size, row in self.table_rows[room].items()}


def scaled(value: float, most: int | None) -> int:
    """A dual as an integer multiple of 1 / SCALE, clipped to [0, most]."""
    rounded = max(0, round(value * SCALE))
    return rounded if most is None else min(most, rounded)


def pattern_bound(problem: Problem, fresh: set[Pair], useless: int, seeds: Schedule = ()) -> int | None:
    """A certified upper bound on the distinct fresh pairs a plan meets, or None when the programme
    is too large or shows it cannot go below `useless` (a bound the caller already has). The tables
    of `seeds` (a plan in hand, if any) and of the greedy plan start the programme: they only make
    it converge sooner."""
    if len(fresh) > FRESH_LIMIT:
        return None
    rooms, room_of_round = rooms_of(problem)
    relaxation = Relaxation(rooms, sorted(fresh))
    for schedule in (seeds, greedy_schedule(problem)):
        for room_index, seated in zip(room_of_round, schedule, strict=False):
            for table in seated:
                relaxation.add(room_index, tuple(sorted(table)))
    best: int | None = None
    for _ in range(ITERATIONS):
        value = relaxation.solve()
        if value is None or value >= useless - TOLERANCE:
            return None
        pi = relaxation.pair_weights()
        bound = sum(SCALE - weight for weight in pi.values())
        added = False
        for index, room in enumerate(rooms):
            weights, costs = room_weights(room, pi, relaxation.person_costs(index))
            bound += room.rounds * int(costs.sum())
            threshold = relaxation.table_costs(index)
            for size, count in room.tables.items():
                pricing = Pricing(weights, costs, size)
                heaviest, tables = pricing.search(threshold[size], SEARCH_BUDGET)
                bound += count * max(0, heaviest)
                for table in [*tables, *disjoint_tables(pricing, tables[:1], threshold[size])]:
                    added |= relaxation.add(index, tuple(room.people[i] for i in table))
        best = bound // SCALE if best is None else min(best, bound // SCALE)
        if best <= value + TOLERANCE or not added:
            break
    return best


def disjoint_tables(pricing: Pricing, first: list[tuple[int, ...]], threshold: int) -> list[tuple[int, ...]]:
    """Tables heavier than `threshold` with nobody in two, heaviest first from `first`: a round of
    good tables, so that the programme gets columns that fit together and not only variations of
    the heaviest table."""
    free = np.ones(len(pricing.costs), dtype=bool)
    chosen = list(first)
    while chosen:
        free[list(chosen[-1])] = False
        if free.sum() < pricing.size:
            break
        _, tables = pricing.search(threshold, SEARCH_BUDGET, keep=1, people=np.flatnonzero(free))
        chosen += tables[:1]
        if not tables:
            break
    return chosen[len(first) :]


def room_weights(room: Room, pi: dict[Pair, int], mu: dict[int, int]) -> tuple[Vector, Vector]:
    """The pair weights (fresh pairs of the room only) and person costs, indexed like `room.people`."""
    where = {person: i for i, person in enumerate(room.people)}
    weights = np.zeros((len(room.people), len(room.people)), dtype=np.int64)
    for (a, b), weight in pi.items():
        if a in where and b in where:
            weights[where[a], where[b]] = weights[where[b], where[a]] = weight
    return weights, np.array([mu[person] for person in room.people], dtype=np.int64)
