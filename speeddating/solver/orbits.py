"""Perfect plans fixed by a cyclic group: designs found by computer with a prescribed automorphism.

Where no algebraic construction applies and every person must meet nearly everyone, the search
space is vast but perfect plans, when they exist, are often symmetric. Asking for a plan whose
rounds are each fixed by the shift (i, x) -> (i, x + 1 mod m) of people laid out as n/m orbits of m
shrinks the problem to a set packing: pairs fall into orbits, every invariant round covers whole
orbits, and a perfect plan is `rounds` invariant rounds that cover no pair orbit twice. The
candidate rounds are enumerated (a few thousand on 24-32 people) and CP-SAT picks among them in
about a second, where the direct model does not finish: 24 people from 6 organisations of 4 over 5
rounds (spro24), for instance, are all seated with 180 new pairs out of 180 with m = 3.

The organisations must be laid out so that the shift maps colleagues to colleagues: an organisation
whose size m divides fills whole orbits; others go in sets of m of the same size, the k-th of
each set on position x = k of the same orbits. Organisations that fit neither way are merged (as
if they were one) into sizes that m divides, as long as everyone keeps enough people to meet: a
perfect plan that keeps merged organisations apart keeps the real ones apart too.
"""

import math
import time
from collections import Counter
from itertools import combinations

from ortools.sat.python import cp_model

from speeddating.problem import Problem, Schedule
from speeddating.solver.constructions import is_plain
from speeddating.solver.cpsat_model import interruptibly

ORBIT_MAX_PEOPLE = 40
"""Above this, invariant rounds are too many to enumerate and sessions are roomy enough anyway."""

MERGE_NODES = 20_000
"""Merges tried at most to lay organisations out for one group order."""

CANDIDATE_LIMIT = 30_000
ENUMERATION_STEPS = 1_000_000
"""Invariant rounds kept, and tables tried to find them, at most per group order (about a second):
beyond, the order is too small to be worth it (the candidates only grow as the order shrinks)."""

Table = tuple[int, ...]
Round = tuple[Table, ...]
Group = tuple[tuple[int, ...], ...]
"""A permutation group on the points 0..n-1, as the list of its elements (identity included)."""


def orbit_layout(organisation_of: tuple[int, ...], order: int) -> tuple[int, ...] | None:
    """Point of each person (orbit * order + position) so that shifting positions maps colleagues to
    colleagues, or None when the head counts do not allow it."""
    members: dict[int, list[int]] = {}
    for person, organisation in enumerate(organisation_of):
        members.setdefault(organisation, []).append(person)
    point = [0] * len(organisation_of)
    orbit = 0
    by_size: dict[int, list[list[int]]] = {}
    for people in members.values():
        if len(people) % order == 0:
            for k, person in enumerate(people):
                point[person] = (orbit + k // order) * order + k % order
            orbit += len(people) // order
        else:
            by_size.setdefault(len(people), []).append(people)
    for size, organisations in sorted(by_size.items()):
        if len(organisations) % order:
            return None
        for start in range(0, len(organisations), order):
            for position, people in enumerate(organisations[start : start + order]):
                for k, person in enumerate(people):
                    point[person] = (orbit + k) * order + position
            orbit += size
    return tuple(point)


def merged_organisations(organisation_of: tuple[int, ...], order: int, largest: int) -> tuple[int, ...] | None:
    """Organisations, some merged, so that `orbit_layout` can place them for `order`; None if no merge
    into organisations of at most `largest` people does it.

    Merging only forbids more meetings, so a perfect plan for the merged organisations is perfect
    for the real ones whenever it exists at all; it stays possible while every merged organisation
    leaves each member enough people to meet (`largest`). Organisations that already fit (a size
    `order` divides, or sets of `order` of one size) stay; the rest are merged into organisations
    whose size `order` divides, by a small search.
    """
    members: dict[int, int] = Counter(organisation_of)
    by_size: dict[int, list[int]] = {}
    for organisation, size in members.items():
        if size % order:
            by_size.setdefault(size, []).append(organisation)
    leftover = sorted(
        (o for same in by_size.values() for o in same[len(same) - len(same) % order :]), key=lambda o: -members[o]
    )
    merged_into = {o: o for o in members}
    nodes = 0

    def merge(rest: list[int]) -> bool:
        nonlocal nodes
        if not rest:
            return True
        first, others = rest[0], rest[1:]
        for count in range(1, len(others) + 1):
            for partners in combinations(others, count):
                nodes += 1
                if nodes > MERGE_NODES:
                    return False
                size = members[first] + sum(members[o] for o in partners)
                if size % order == 0 and size <= largest:
                    for o in partners:
                        merged_into[o] = first
                    if merge([o for o in others if o not in partners]):
                        return True
                    for o in partners:
                        merged_into[o] = o
        return False

    if not merge(leftover):
        return None
    return tuple(merged_into[o] for o in organisation_of)


def cyclic_shift(points: int, order: int) -> Group:
    """The shifts (i, x) -> (i, x + s mod order) of the points i * order + x."""
    return tuple(tuple((p // order) * order + (p + s) % order for p in range(points)) for s in range(order))


def invariant_rounds(
    group: Group,
    table_size: int,
    colleague: list[int],
    *,
    candidate_limit: int = CANDIDATE_LIMIT,
    steps: int = ENUMERATION_STEPS,
) -> list[Round] | None:
    """Every partition of the points into tables of `table_size`, fixed by `group`, with no two
    points of one organisation (`colleague[p]`: p's organisation) at a table, each built once (the
    table of the lowest free point first); None when there are more than `candidate_limit` or
    finding them tries more than `steps` tables."""
    points = len(group[0])
    found: list[Round] = []
    tried = 0

    def extend(seated: int, tables: list[Table]) -> bool:
        """False as soon as a limit is passed."""
        nonlocal tried
        free = [p for p in range(points) if not seated >> p & 1]
        if not free:
            found.append(tuple(sorted(tables)))
            return len(found) <= candidate_limit
        for others in combinations(free[1:], table_size - 1):
            tried += 1
            if tried > steps:
                return False
            table = (free[0], *others)
            if len({colleague[p] for p in table}) < table_size:
                continue
            orbit = {tuple(sorted(g[p] for p in table)) for g in group}
            cells = [p for t in orbit for p in t]
            if (
                len(set(cells)) == len(cells)
                and not any(seated >> p & 1 for p in cells)
                and not extend(seated | sum(1 << p for p in cells), tables + sorted(orbit))
            ):
                return False
        return True

    return found if extend(0, []) else None


def pack(
    candidates: list[Round],
    group: Group,
    rounds: int,
    *,
    seed: int,
    deterministic_time: float,
    workers: int = 1,
    interleave: bool = True,
) -> tuple[list[Round] | None, float]:
    """`rounds` of the invariant `candidates` in which no pair meets twice, if CP-SAT finds them within
    its budget, and the deterministic time it spent. A pair's orbit is met in a round as a whole, so
    it is enough that no two chosen rounds share a pair orbit. Several workers are interleaved (same
    answer every run) unless `interleave` is False (truly parallel: faster, not reproducible)."""
    orbit_of: dict[tuple[int, int], int] = {}
    for a, b in combinations(range(len(group[0])), 2):
        if (a, b) not in orbit_of:
            index = len(orbit_of)
            for g in group:
                orbit_of[min(g[a], g[b]), max(g[a], g[b])] = index
    model = cp_model.CpModel()
    chosen = [model.new_bool_var(f"round{i}") for i in range(len(candidates))]
    covering: dict[int, list[cp_model.IntVar]] = {}
    for var, tables in zip(chosen, candidates, strict=True):
        for orbit in {orbit_of[a, b] for table in tables for a, b in combinations(table, 2)}:
            covering.setdefault(orbit, []).append(var)
    for variables in covering.values():
        model.add_at_most_one(variables)
    model.add(sum(chosen) == rounds)
    solver = cp_model.CpSolver()
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    solver.parameters.interleave_search = interleave and workers > 1
    solver.parameters.max_deterministic_time = deterministic_time
    solver.parameters.catch_sigint_signal = False
    status = interruptibly(lambda: solver.solve(model), solver.stop_search)
    spent = solver.response_proto.deterministic_time
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, spent
    return [tables for var, tables in zip(chosen, candidates, strict=True) if solver.value(var)], spent


def orbit_schedule(
    problem: Problem, *, seed: int, deterministic_time: float, deadline: float = math.inf
) -> tuple[int, Schedule] | None:
    """A perfect plan of `problem` fixed by a shift of some order m (returned with it), or None.

    Only for plain sessions whose tables hold `table_size` or one less: the empty seats are points
    too, one organisation of their own, so no table gets two. The orders tried are the divisors of
    the number of seats, largest first (their candidates are fewest, and an infeasible packing is
    proven fast), until one has too many candidates; CP-SAT shares `deterministic_time`, and no new
    order is tried past the wall-clock `deadline` (`time.monotonic()`).
    """
    people, size = problem.people, problem.table_size
    layout_sizes = problem.table_sizes(0)
    if (
        not is_plain(problem)
        or people > ORBIT_MAX_PEOPLE
        or problem.rounds < 2
        or not size - 1 <= min(layout_sizes) <= max(layout_sizes) <= size
    ):
        return None
    points = len(layout_sizes) * size
    empty_seat = max(problem.organisation_of) + 1
    organisation_of = problem.organisation_of + (empty_seat,) * (points - people)
    largest = min(len(layout_sizes), people - problem.rounds * (size - 1))
    budget = deterministic_time
    for order in (m for m in range(points // 2, 1, -1) if points % m == 0):
        merged = merged_organisations(organisation_of, order, largest)
        layout = None if merged is None else orbit_layout(merged, order)
        if merged is None or layout is None:
            continue
        colleague = [0] * points
        for person, point in enumerate(layout):
            colleague[point] = merged[person]
        group = cyclic_shift(points, order)
        candidates = invariant_rounds(group, size, colleague)
        if candidates is None or budget <= 0 or time.monotonic() > deadline:
            return None
        found, spent = pack(candidates, group, problem.rounds, seed=seed, deterministic_time=budget)
        budget -= spent
        if found is not None:
            person_at = {point: person for person, point in enumerate(layout) if person < people}
            return order, tuple(
                tuple(
                    sorted(
                        (tuple(sorted(person_at[p] for p in table if p in person_at)) for table in tables),
                        key=len,
                        reverse=True,
                    )
                )
                for tables in found
            )
    return None
