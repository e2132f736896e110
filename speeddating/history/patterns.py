"""How many fresh pairs a session can meet at most, by a linear programme over whole tables.

The plan is relaxed to a choice of tables: in each room (rounds with the same people present and
the same table sizes, pooled) `tables[k]` tables of k people, each person present at as many
tables as the room has rounds, and each fresh pair counted once however many tables hold it:

    max  sum_e z_e   subject to   z_e <= 1,   z_e <= sum of x_S over the tables S holding e,
         sum of x_S over the tables S of room r holding p = rounds(r)   (everyone present is seated),
         sum of x_S over the tables S of size k in room r <= tables(r, k),
         sum of c_o(S) x_S over the tables S of room r <= forced(r, o)   (plans keeping colleagues apart),
         x >= 0,

where c_o(S) counts the pairs of organisation o at table S and forced(r, o) those its head count
forces over the rounds of room r. The last rows hold for the plans that seat colleagues together
only where they must (the tool's first rule): each round of such a plan holds, for each
organisation, just the colleague pairs its head count forces (no fewer exist, and more in one would
exceed the total). Without them the programme may buy fresh pairs with colleague pairs, which such
a plan never does, and its floor is then far below what these plans can reach.

There are too many tables to write down, so the programme grows by column generation: GLOP solves
it over the tables found so far, and the tables worth adding are those of highest weight under its
duals (`Pricing`, an exact branch and bound over tables of 3 to 7), together with rounds of tables
built greedily around the best ones (columns that fit together, so fewer rounds of generation).

Every choice of duals of the right signs bounds the true maximum (Lagrangian relaxation): with pair
weights pi_e in [0, 1], any person costs mu and colleague costs lambda >= 0 (0 where colleagues may
sit together freely),

    distinct fresh pairs <= sum_e (1 - pi_e) + sum_r (rounds(r) * sum_p mu_rp + sum_o forced(r, o) lambda_ro)
                            + sum_(r, k) tables(r, k) * max(0, max over tables S of size k in r of
                                                              pi(S) - mu(S) - sum_o lambda_ro c_o(S)),

so the duals are rounded to multiples of 1 / SCALE and the bound is computed in integers with the
exact maximum table weight, or an upper bound on it when the search runs out of budget: floating
point error and budgets can weaken the bound, never make it unsound.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from math import comb

import numpy as np
from numpy.typing import NDArray
from ortools.linear_solver import pywraplp

from speeddating.problem import Pair, Problem, Schedule, fewest_pairs
from speeddating.solver.greedy import greedy_schedule

SCALE = 1 << 30
"""Duals are rounded to multiples of 1 / SCALE so the bound is computed exactly in integers."""

ITERATIONS = 40
"""Most rounds of column generation (each one GLOP solve and one pricing per room and table size)."""

PIVOTS = 12_000
"""Most simplex iterations of GLOP over the whole generation: past them the best bound so far stands."""

SEARCH_BUDGET = 3_000_000
"""Most candidate tables one pricing looks at (array elements scanned); past it the search bounds what is left."""

FRESH_LIMIT = 12_000
"""Past this many fresh pairs the programme is not built: such a session has new people to spare."""

COLUMNS_PER_SEARCH = 100
"""Most tables one pricing offers to the programme."""

ROUNDS_OFFERED = 10
"""Rounds of disjoint tables built greedily per pricing, each around one of its best tables."""

BARRED = 64 * SCALE
"""The charge of a colleague pair where none may sit together: more than any table's fresh pairs weigh."""

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
    colleague_pairs: dict[int, int] | None = field(default=None, hash=False)
    """Organisation -> most pairs of its people at the room's tables over all its rounds (the forced
    ones); None for no limit."""


def rooms_of(problem: Problem, colleagues_apart: bool = False) -> tuple[list[Room], list[int]]:
    """The rooms of a session, in the order of their first round, and the room of each round; with
    `colleagues_apart`, each room holds no more colleague pairs than its head counts force."""
    keys = [(problem.present(rnd), problem.table_sizes(rnd)) for rnd in range(problem.rounds)]
    pooled = list(dict.fromkeys(keys))
    rooms = []
    for people, sizes in pooled:
        rounds = keys.count((people, sizes))
        tables = Counter({size: rounds * count for size, count in Counter(sizes).items()})
        heads = problem.head_counts(keys.index((people, sizes))).items()
        forced = {org: rounds * fewest_pairs(count, len(sizes)) for org, count in heads} if colleagues_apart else None
        rooms.append(Room(people, rounds, tables, forced))
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

    def search(self, threshold: int, budget: int) -> tuple[int, list[tuple[int, ...]]]:
        """(an upper bound on the heaviest table's weight, at least `threshold`; up to
        COLUMNS_PER_SEARCH tables heavier than `threshold` met on the way, heaviest first, as sorted
        indices into the people). Past `budget` scanned entries the search stops exploring and
        bounds what it leaves."""
        self.best = threshold
        self.overflow = threshold
        self.left = budget
        self.threshold = threshold
        self.found: list[tuple[int, tuple[int, ...]]] = []
        self._branch((), 0, np.arange(len(self.costs)), -self.costs)
        self.found.sort(key=lambda item: (-item[0], item[1]))
        return max(self.best, self.overflow), [chosen for _, chosen in self.found[:COLUMNS_PER_SEARCH]]

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
        """Complete the table with the best two candidates, scanning every pair of those that may
        beat the best table (a candidate's score bounds twice what it adds, as in `_branch`)."""
        if len(candidates) < 2:
            return
        scores = 2 * gains + self.tops[1][candidates]
        top = np.partition(scores, len(scores) - 2)[-2:]
        ceiling = 2 * value + int(top.sum())
        if ceiling <= 2 * self.best:
            return
        hopeful = scores > 2 * self.best - 2 * value - int(top.max())
        candidates, gains = candidates[hopeful], gains[hopeful]
        count = len(candidates)
        self.left -= count * count
        if self.left < 0:
            self.overflow = max(self.overflow, ceiling // 2)
            return
        values = self.weights.take(candidates, axis=0).take(candidates, axis=1)
        values += gains[:, None]
        values += gains + value
        values[self.lower(count)] = UNSET
        self.best = max(self.best, int(values.max()))
        heavy = np.flatnonzero(values > self.threshold)
        if len(heavy) > COLUMNS_PER_SEARCH:
            heavy = heavy[np.argpartition(values.flat[heavy], -COLUMNS_PER_SEARCH)[-COLUMNS_PER_SEARCH:]]
        for first, second in zip(*np.unravel_index(heavy, values.shape), strict=True):
            table = tuple(sorted((*chosen, int(candidates[first]), int(candidates[second]))))
            self.found.append((int(values[first, second]), table))

    def round_around(self, first: tuple[int, ...], threshold: int) -> list[tuple[int, ...]]:
        """Tables with nobody in two, starting from `first`, each next one built greedily among the
        people left (the heaviest pair, then the person adding most), while heavier than `threshold`."""
        free = np.ones(len(self.costs), dtype=bool)
        tables = [first]
        while True:
            free[list(tables[-1])] = False
            people = np.flatnonzero(free)
            if len(people) < self.size:
                return tables[1:]
            weights = self.weights.take(people, axis=0).take(people, axis=1)
            costs = self.costs[people]
            pairs = weights - costs[:, None] - costs[None, :]
            np.fill_diagonal(pairs, UNSET)
            start = np.unravel_index(int(pairs.argmax()), pairs.shape)
            table = [int(start[0]), int(start[1])]
            value = int(pairs[start])
            gains = weights[table[0]] + weights[table[1]] - costs
            while len(table) < self.size:
                gains[table] = UNSET
                person = int(gains.argmax())
                value += int(gains[person])
                table.append(person)
                gains += weights[person]
            if value <= threshold:
                return tables[1:]
            tables.append(tuple(sorted(int(people[i]) for i in table)))


@dataclass(frozen=True)
class Duals:
    """Scaled duals of the programme: pair weights (in [0, SCALE]), and per room the person costs,
    the table-size thresholds and the cost of a colleague pair of each organisation (all >= 0 but the
    person costs: everyone present is seated)."""

    pairs: dict[Pair, int]
    persons: list[dict[int, int]]
    tables: list[dict[int, int]]
    colleagues: list[dict[int, int]]


class Relaxation:
    """The restricted programme over the tables found so far, in GLOP."""

    def __init__(self, rooms: list[Room], fresh: list[Pair], organisation_of: Sequence[int]) -> None:
        self.solver = pywraplp.Solver.CreateSolver("GLOP")
        # Its coefficients are small integers: scaling them only perturbs GLOP, which then failed on some
        # sessions once everyone present had to be seated.
        self.solver.SetSolverSpecificParametersAsString("use_preprocessing: false use_scaling: false")
        self.rooms = rooms
        self.organisation_of = organisation_of
        infinity = self.solver.infinity()
        self.pair_rows = {two: self.solver.Constraint(-infinity, 0.0) for two in fresh}
        objective = self.solver.Objective()
        for row in self.pair_rows.values():
            counted = self.solver.NumVar(0.0, 1.0, "")
            row.SetCoefficient(counted, 1)
            objective.SetCoefficient(counted, 1)
        objective.SetMaximization()
        self.person_rows = [
            {person: self.solver.Constraint(room.rounds, room.rounds) for person in room.people} for room in rooms
        ]
        self.table_rows = [
            {size: self.solver.Constraint(-infinity, count) for size, count in room.tables.items()} for room in rooms
        ]
        self.colleague_rows = [
            {org: self.solver.Constraint(-infinity, most) for org, most in (room.colleague_pairs or {}).items() if most}
            for room in rooms
        ]
        self.columns: list[set[tuple[int, ...]]] = [set() for _ in rooms]
        self.pivots = 0

    def add(self, room: int, table: tuple[int, ...]) -> bool:
        """Offer a table of `room` (people in increasing order); False when it is already there or
        does not fit the room (a plan in hand for other head counts)."""
        people, sizes = self.person_rows[room], self.table_rows[room]
        if table in self.columns[room] or len(table) not in sizes or not all(p in people for p in table):
            return False
        limits = self.rooms[room].colleague_pairs
        colleagues = {} if limits is None else colleague_pairs(table, self.organisation_of)
        if limits is not None and any(not limits[org] for org in colleagues):
            return False
        self.columns[room].add(table)
        chosen = self.solver.NumVar(0.0, self.solver.infinity(), "")
        for two in combinations(table, 2):
            if two in self.pair_rows:
                self.pair_rows[two].SetCoefficient(chosen, -1)
        for person in table:
            people[person].SetCoefficient(chosen, 1)
        sizes[len(table)].SetCoefficient(chosen, 1)
        for org, count in colleagues.items():
            if org in self.colleague_rows[room]:
                self.colleague_rows[room][org].SetCoefficient(chosen, count)
        return True

    def solve(self) -> float | None:
        """The programme's value over the tables so far, None if GLOP fails."""
        status = self.solver.Solve()
        self.pivots += self.solver.iterations()
        return self.solver.Objective().Value() if status == pywraplp.Solver.OPTIMAL else None

    def duals(self) -> Duals:
        """The duals of the last solve, scaled and clipped (`scaled`)."""
        rooms = range(len(self.rooms))
        return Duals(
            self.pair_weights(),
            [self.person_costs(i) for i in rooms],
            [self.table_costs(i) for i in rooms],
            [{org: scaled(row.dual_value(), None) for org, row in rows.items()} for rows in self.colleague_rows],
        )

    def pair_weights(self) -> dict[Pair, int]:
        return {two: scaled(row.dual_value(), SCALE) for two, row in self.pair_rows.items()}

    def person_costs(self, room: int) -> dict[int, int]:
        return {person: round(row.dual_value() * SCALE) for person, row in self.person_rows[room].items()}

    def table_costs(self, room: int) -> dict[int, int]:
        return {size: scaled(row.dual_value(), None) for size, row in self.table_rows[room].items()}


def scaled(value: float, most: int | None) -> int:
    """A dual as an integer multiple of 1 / SCALE, clipped to [0, most]."""
    rounded = max(0, round(value * SCALE))
    return rounded if most is None else min(most, rounded)


def price(rooms: list[Room], duals: Duals, organisation_of: Sequence[int]) -> tuple[int, list[list[tuple[int, ...]]]]:
    """(the Lagrangian bound at `duals`, times SCALE; per room, tables heavier than the threshold of
    their size: the best the search met and rounds built around the best of those)."""
    bound = sum(SCALE - weight for weight in duals.pairs.values())
    offers: list[list[tuple[int, ...]]] = []
    for index, room in enumerate(rooms):
        weights, costs = room_weights(room, duals.pairs, duals.persons[index])
        if room.colleague_pairs is not None:
            charges = {org: duals.colleagues[index].get(org, BARRED) for org in room.colleague_pairs}
            charge_colleagues(weights, room, organisation_of, charges)
            bound += sum(most * charges[org] for org, most in room.colleague_pairs.items())
        bound += room.rounds * int(costs.sum())
        found: list[tuple[int, ...]] = []
        for size, count in room.tables.items():
            pricing = Pricing(weights, costs, size)
            threshold = duals.tables[index][size]
            heaviest, tables = pricing.search(threshold, SEARCH_BUDGET)
            bound += count * max(0, heaviest)
            rounds = [table for first in tables[:ROUNDS_OFFERED] for table in pricing.round_around(first, threshold)]
            found += [tuple(room.people[i] for i in table) for table in [*tables, *rounds]]
        offers.append(found)
    return bound, offers


def pattern_bound(
    problem: Problem, fresh: set[Pair], useless: int, seeds: Schedule = (), colleagues_apart: bool = False
) -> int | None:
    """A certified upper bound on the distinct fresh pairs a plan meets (a plan seating colleagues
    together only where forced, with `colleagues_apart`), or None when the programme is too large or
    shows it cannot go below `useless` (a bound the caller already has). The tables of `seeds` (a
    plan in hand, if any) and of the greedy plan start the programme: they only make it converge
    sooner."""
    if len(fresh) > FRESH_LIMIT:
        return None
    rooms, room_of_round = rooms_of(problem, colleagues_apart)
    relaxation = Relaxation(rooms, sorted(fresh), problem.organisation_of)
    for schedule in (seeds, greedy_schedule(problem)):
        for room_index, seated in zip(room_of_round, schedule, strict=False):
            for table in seated:
                relaxation.add(room_index, tuple(sorted(table)))
    best: int | None = None
    for _ in range(ITERATIONS):
        value = relaxation.solve()
        if value is None:
            return best
        if value >= useless - TOLERANCE:
            return None
        bound, offers = price(rooms, relaxation.duals(), problem.organisation_of)
        best = bound // SCALE if best is None else min(best, bound // SCALE)
        added = [relaxation.add(index, table) for index, tables in enumerate(offers) for table in tables]
        if best <= value + TOLERANCE or not any(added) or relaxation.pivots > PIVOTS:
            break
    return best


def room_weights(room: Room, pi: dict[Pair, int], mu: dict[int, int]) -> tuple[Vector, Vector]:
    """The pair weights (fresh pairs of the room only) and person costs, indexed like `room.people`."""
    where = {person: i for i, person in enumerate(room.people)}
    weights = np.zeros((len(room.people), len(room.people)), dtype=np.int64)
    for (a, b), weight in pi.items():
        if a in where and b in where:
            weights[where[a], where[b]] = weights[where[b], where[a]] = weight
    return weights, np.array([mu[person] for person in room.people], dtype=np.int64)


def colleague_pairs(table: Sequence[int], organisation_of: Sequence[int]) -> dict[int, int]:
    """Organisation -> pairs of its people at `table` (only organisations with two or more there)."""
    heads = Counter(organisation_of[person] for person in table)
    return {org: comb(count, 2) for org, count in heads.items() if count > 1}


def charge_colleagues(weights: Vector, room: Room, organisation_of: Sequence[int], charges: dict[int, int]) -> None:
    """Price each colleague pair of `room` at minus its organisation's charge in its pair weights
    (colleagues are never a fresh pair, so their cells held 0)."""
    organisations = np.array([organisation_of[person] for person in room.people])
    for org, charge in charges.items():
        members = np.flatnonzero(organisations == org)
        weights[np.ix_(members, members)] = -charge
        weights[members, members] = 0
