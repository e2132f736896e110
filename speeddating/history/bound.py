"""How many re-meetings a session cannot avoid, whatever the plan.

A re-meeting is a pair met in an earlier session who meet again (history repeat), an extra
meeting of a pair within the session (repeat), or a colleague pair beyond the forced ones: a
plan can trade one kind for another, so only their sum has a sound floor.

Call a pair fresh when its people belong to different organisations, have not met before (in an
earlier session or in a round already held) and are present together in some round. Only the
first meeting of a fresh pair escapes all three counts, so a plan seating T pairs in all and
meeting D distinct fresh pairs has

    history + repeats + same_org >= T - D

and every upper bound on D gives a floor, once the forced colleague pairs are subtracted from
both sides. The floor returned is the largest of three:

Per person: over the session p sits beside at least S_p others (the smallest table of each round
they attend, less themselves), and only F_p fresh pairs include them. Every seat beyond F_p goes
to a colleague, a person met before, or someone met again; each pair is counted by both people:

    history + repeats + same_org >= ceil(sum_p max(0, S_p - F_p) / 2)

All fresh pairs: D is at most the number of fresh pairs.

Per table: the fresh pairs a table meets for the first time form a graph H on its people, and no
pair is in the H of two tables. A table of 4 holds 5 pairs of H only if H is a diamond (a clique of
4 less one pair) and 6 only if H is a clique of 4; a table of 3 holds 3 only if H is a triangle. So
D is at most 4 per table of 4, 2 per table of 3 and every pair of a larger table, plus the best
packing of pair-disjoint cliques of 4 (worth 2 each), diamonds (1) and triangles (1) of fresh pairs,
at most one per table and as many per person as the rounds they attend. Counting cliques and not
only head counts is what catches a late session whose fresh pairs are scattered: few tables can
then be all new. The packing is bounded by its linear relaxation, solved by GLOP; the dual
solution, rounded, is checked in integers (weak duality), so floating point error can only weaken
the bound, never make it unsound. When the fresh pairs hold more than PATTERN_LIMIT candidate
diamonds and triangles the packing is skipped: such a session has new people to spare.
"""

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from math import comb, floor

from ortools.linear_solver import pywraplp

from speeddating.history.patterns import pattern_bound
from speeddating.problem import Pair, Problem, Schedule, pair

PATTERN_LIMIT = 6_000
"""Most candidate diamonds and triangles the packing looks at: GLOP takes about 0.3 s at the limit."""

DUAL_SCALE = 1 << 24
"""The LP duals are rounded down to multiples of 1 / DUAL_SCALE so the bound is checked exactly."""

BASE_PAIRS = {3: 2, 4: 4}
"""Most first meetings a table of this size holds without a triangle (of 3) or a diamond (of 4)."""


@dataclass(frozen=True)
class Pattern:
    """Fresh pairs that let one table of `table` people hold `gain` more first meetings than its base."""

    gain: int
    people: tuple[int, ...]
    pairs: tuple[Pair, ...]
    table: int


def forced_reunions(problem: Problem, plan: Schedule = ()) -> int:
    """A sound lower bound on the history repeats + repeats within the session + avoidable colleague
    pairs of `plan` (a schedule of `problem`, or none): the largest of the per-person, all-fresh-pairs,
    per-table and table-pattern floors. When `plan` seats colleagues together only where the head
    counts force it, as the tool always tries first, the bound holds for every such plan and the
    table-pattern programme gets that rule too, which makes it much tighter; otherwise it holds for
    every plan. The tables of `plan` also help the programme converge sooner."""
    if not problem.past_encounters and not problem.session_encounters:
        return first_session_floor(problem)
    fresh = fresh_pairs(problem)
    floor, leftover = head_count_floor(problem, fresh)
    most_fresh = pattern_bound(
        problem, fresh, useless=leftover - floor, seeds=plan, colleagues_apart=keeps_colleagues_apart(problem, plan)
    )
    return floor if most_fresh is None else max(floor, leftover - most_fresh)


def keeps_colleagues_apart(problem: Problem, plan: Schedule) -> bool:
    """Whether `plan`, a schedule of every round of `problem`, seats in each round just the colleague
    pairs its head counts force."""
    return len(plan) == problem.rounds and all(
        sorted(map(len, tables)) == sorted(problem.table_sizes(rnd))
        and sum(1 for table in tables for a, b in combinations(table, 2) if problem.same_org(a, b))
        == problem.forced_same_org(rnd)
        for rnd, tables in enumerate(plan)
    )


def head_count_floor(problem: Problem, fresh: set[Pair]) -> tuple[int, int]:
    """(the largest of the per-person, all-fresh-pairs and per-table floors, the seat pairs left
    once the forced colleague pairs are taken out: the floor is this less the fresh pairs met)."""
    sizes = [size for rnd in range(problem.rounds) for size in problem.table_sizes(rnd)]
    leftover = sum(comb(size, 2) for size in sizes) - problem.forced_same_org_total()
    most_fresh = min(len(fresh), table_bound(problem, fresh, Counter(sizes)))
    return max(0, per_person_floor(problem, fresh), leftover - most_fresh), leftover


def first_session_floor(problem: Problem) -> int:
    """The per-person and all-fresh-pairs floors when nobody has met yet, from head counts alone: every
    pair of people of two organisations is then fresh, or fewer are when absences keep some apart, so
    counting them all keeps the floor sound. No pair is listed, which a list of thousands could not afford;
    a first session's floor is what more rounds than the network has people to meet force."""
    sizes = [size for rnd in range(problem.rounds) for size in problem.table_sizes(rnd)]
    leftover = sum(comb(size, 2) for size in sizes) - problem.forced_same_org_total()
    heads = Counter(problem.organisation_of)
    cross_pairs = comb(problem.people, 2) - sum(comb(count, 2) for count in heads.values())
    partners = Counter({person: problem.people - heads[org] for person, org in enumerate(problem.organisation_of)})
    return max(0, seat_floor(problem, partners), leftover - cross_pairs)


def fresh_pairs(problem: Problem) -> set[Pair]:
    """Pairs whose first meeting in this plan would be new: other organisation, never met, present together."""
    fresh: set[Pair] = set()
    for group in {problem.present(rnd) for rnd in range(problem.rounds)}:
        fresh.update(
            (a, b)
            for a, b in combinations(group, 2)
            if not problem.same_org(a, b)
            and (a, b) not in problem.past_encounters
            and (a, b) not in problem.session_encounters
        )
    return fresh


def per_person_floor(problem: Problem, fresh: set[Pair]) -> int:
    """The floor from each person's seats against the fresh pairs that include them."""
    return seat_floor(problem, Counter(person for two in fresh for person in two))


def seat_floor(problem: Problem, partners: Counter[int]) -> int:
    """The per-person floor: each person's seats beside others beyond their `partners` (the fresh
    pairs that include them) go to re-meetings, each counted by its two people."""
    seats = Counter[int]()
    for rnd in range(problem.rounds):
        smallest = min(problem.table_sizes(rnd), default=0)
        for person in problem.present(rnd):
            seats[person] += smallest - 1
    excess = sum(max(0, seats[person] - partners[person]) for person in seats)
    return -(-excess // 2) - problem.forced_same_org_total()


def table_bound(problem: Problem, fresh: set[Pair], tables: Counter[int]) -> int:
    """Upper bound on the distinct fresh pairs a plan meets, table by table (see the module docstring)."""
    base = sum(count * BASE_PAIRS.get(size, comb(size, 2)) for size, count in tables.items())
    dense = sum(count * (comb(size, 2) - BASE_PAIRS[size]) for size, count in tables.items() if size in BASE_PAIRS)
    if not dense or base >= len(fresh):
        return base + dense
    patterns = dense_patterns(problem, fresh, tables)
    if patterns is None:
        return base + dense
    attendance = Counter(person for rnd in range(problem.rounds) for person in problem.present(rnd))
    return base + min(dense, packing_bound(patterns, attendance, tables))


def dense_patterns(problem: Problem, fresh: set[Pair], tables: Counter[int]) -> list[Pattern] | None:
    """Triangles (for tables of 3), diamonds and cliques of 4 (for tables of 4) of fresh pairs whose
    people are present together in a round with such a table; None when there are too many."""
    neighbours: dict[int, set[int]] = {}
    for a, b in fresh:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    common = {(a, b): sorted(neighbours[a] & neighbours[b]) for a, b in sorted(fresh)}
    candidates = sum(
        (len(shared) if tables[3] else 0) + (comb(len(shared), 2) if tables[4] else 0) for shared in common.values()
    )
    if candidates > PATTERN_LIMIT:
        return None
    patterns: list[Pattern] = []
    for (a, b), shared in common.items():
        if tables[3]:
            patterns += [Pattern(1, (a, b, c), ((a, b), pair(a, c), pair(b, c)), 3) for c in shared if c > b]
        if tables[4]:
            for c, d in combinations(shared, 2):
                spokes = (pair(a, c), pair(a, d), pair(b, c), pair(b, d))
                patterns.append(Pattern(1, (a, b, c, d), ((a, b), *spokes), 4))
                if b < c and (c, d) in fresh:  # each clique once, from its two smallest people
                    patterns.append(Pattern(2, (a, b, c, d), ((a, b), *spokes, (c, d)), 4))
    rooms: dict[int, set[frozenset[int]]] = {}
    for rnd in range(problem.rounds):
        for size in set(problem.table_sizes(rnd)):
            rooms.setdefault(size, set()).add(frozenset(problem.present(rnd)))
    return [p for p in patterns if any(room.issuperset(p.people) for room in rooms.get(p.table, ()))]


def packing_bound(patterns: Sequence[Pattern], attendance: Counter[int], tables: Counter[int]) -> int:
    """Certified upper bound on the total gain of patterns chosen with no pair twice, each person in
    at most `attendance[person]` of them and at most `tables[size]` for tables of each size."""
    rows: dict[Hashable, int] = {}
    capacity: list[int] = []

    def row(key: Hashable, limit: int) -> int:
        if key not in rows:
            rows[key] = len(capacity)
            capacity.append(limit)
        return rows[key]

    columns = [
        [row(two, 1) for two in pattern.pairs]
        + [row(("person", person), attendance[person]) for person in pattern.people]
        + [row(("table", pattern.table), tables[pattern.table])]
        for pattern in patterns
    ]
    gains = [pattern.gain for pattern in patterns]
    duals = [max(0, floor(value * DUAL_SCALE)) for value in relaxation_duals(gains, columns, capacity)]
    scaled = sum(limit * dual for limit, dual in zip(capacity, duals, strict=True)) + sum(
        max(0, gain * DUAL_SCALE - sum(duals[i] for i in column)) for gain, column in zip(gains, columns, strict=True)
    )
    return scaled // DUAL_SCALE


def relaxation_duals(gains: Sequence[int], columns: Sequence[Sequence[int]], capacity: Sequence[int]) -> list[float]:
    """Row duals of max gains.x subject to sum of x over each row <= capacity, 0 <= x <= 1 (zeros if
    GLOP fails: any non-negative duals still give a valid, weaker, bound)."""
    solver = pywraplp.Solver.CreateSolver("GLOP")
    constraints = [solver.Constraint(-solver.infinity(), limit) for limit in capacity]
    objective = solver.Objective()
    for gain, column in zip(gains, columns, strict=True):
        chosen = solver.NumVar(0.0, 1.0, "")
        objective.SetCoefficient(chosen, gain)
        for index in column:
            constraints[index].SetCoefficient(chosen, 1)
    objective.SetMaximization()
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return [0.0] * len(capacity)
    return [constraint.dual_value() for constraint in constraints]
