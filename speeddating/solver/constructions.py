"""Perfect plans from design theory, for the sizes where a resolvable design is known.

A resolvable design with λ <= 1 seats people so that nobody meets anyone twice; what remains is to
put people on its points so that colleagues are spread as evenly as the tables allow, and to drop
a few points when the head count falls just short of the design (the "adjacent sizes").

Both are done by one device: a set of *groups*, points no block of the rounds used joins (the
groups of a transversal design, or the blocks of a parallel class left unused). An organisation
placed inside one group never has two people at one table; an organisation larger than a group,
when groups are as large as a class has blocks, fills whole groups (one person per table each) and
puts the rest in one more group, which keeps it as even as the layout allows. The points left
over for missing people (fewer than a table's seats) go together in one group, so each round
loses at most one seat per table and keeps the `table_layout` the problem expects. Only when every
class of a design where all pairs meet is wanted is there no such group: the missing points then
share one block of the last round, which alone is rebalanced at the cost of a few repeats.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from speeddating.evaluation import encounters, evaluate, schedule_errors
from speeddating.problem import Problem, Schedule, pair
from speeddating.solver.designs import (
    Block,
    ParallelClass,
    ResolvableDesign,
    affine_geometry,
    kirkman,
    nearly_kirkman,
    resolvable_gdd,
    resolvable_quadruples,
    transversal_design,
)
from speeddating.solver.finite_fields import prime_power

PACKING_NODES = 20_000
"""Search nodes allowed to pack organisations into groups before giving up (it is bin packing)."""

DesignFinder = Callable[[int, int], ResolvableDesign | None]
"""(seats per table, tables per round) -> the design with that shape, if the family has one."""


@dataclass(frozen=True)
class Construction:
    """A family of resolvable designs and how to seat a problem on them."""

    name: str
    description: str
    design_for: DesignFinder

    def covers(self, problem: Problem) -> bool:
        """True when this construction gives a plan for `problem` (it builds one: milliseconds)."""
        return self.build(problem) is not None

    def build(self, problem: Problem) -> Schedule | None:
        """A plan fitting the layout with no avoidable colleague pair, or None when the design can't help.

        It has no repeat either, except in a round rebalanced for several missing people.
        """
        if not is_plain(problem):
            return None
        layout = problem.table_sizes(0)
        design = self.design_for(layout[0], len(layout))
        return None if design is None else seat_on_design(problem, design)


def is_plain(problem: Problem) -> bool:
    """Everyone in every round, no pinned seat, no history and no pair wish: what designs can serve."""
    return not (
        problem.absences
        or problem.fixed_tables
        or problem.past_encounters
        or problem.session_encounters
        or problem.keep_apart
        or problem.should_meet
    )


def seat_on_design(problem: Problem, design: ResolvableDesign) -> Schedule | None:
    """Seat `problem` on the first `problem.rounds` classes of `design`, with no avoidable colleague pair.

    The design's own groups come first (they keep its first classes); else the last class is given
    up and its blocks become the groups; else, when every class is wanted and several people are
    missing, they go on one block of the last class and that round alone is rebalanced.
    """
    for classes, groups in _options(design, problem.rounds):
        seating = _place(problem, groups, len(classes[0]), design.points - problem.people)
        if seating is not None:
            schedule = _fit_layout(problem, _seat(classes, seating))
            if evaluate(problem, schedule).avoidable_same_org == 0:
                return schedule
    return None


def _options(design: ResolvableDesign, rounds: int) -> Iterator[tuple[tuple[ParallelClass, ...], tuple[Block, ...]]]:
    """(classes to use, groups to place organisations and missing people in) in order of preference."""
    classes = design.classes
    if rounds <= len(classes):
        yield classes[:rounds], design.groups or tuple((p,) for p in range(design.points))
    if rounds < len(classes):
        yield classes[:-1][:rounds], classes[-1]
    elif rounds == len(classes) and not design.groups:
        yield classes, classes[-1]


def _place(problem: Problem, groups: tuple[Block, ...], tables: int, missing: int) -> list[int | None] | None:
    """Person on each point (None where nobody sits), colleagues spread evenly; None if no packing found."""
    size = len(groups[0])
    members: dict[int, list[int]] = {}
    for p in range(problem.people):
        members.setdefault(problem.organisation_of[p], []).append(p)
    whole: list[list[int | None]] = []
    items: list[list[int | None]] = [[None] * missing] if missing else []
    for people in members.values():
        if len(people) > size and size != tables:
            return None
        full = len(people) // size
        whole += [list(people[i * size : (i + 1) * size]) for i in range(full)]
        if len(people) > full * size:
            items.append(list(people[full * size :]))
    bins = _pack(sorted(items, key=len, reverse=True), len(groups) - len(whole), size)
    if bins is None:
        return None
    seating: list[int | None] = [None] * sum(map(len, groups))
    for group, occupants in zip(groups, whole + bins, strict=True):
        for point, person in zip(group, occupants, strict=True):
            seating[point] = person
    return seating


def _pack(items: list[list[int | None]], bins: int, capacity: int) -> list[list[int | None]] | None:
    """Fill `bins` bins of `capacity` exactly with `items` (largest first), each item kept whole."""
    load: list[list[int | None]] = [[] for _ in range(bins)]
    nodes = 0

    def place(i: int) -> bool:
        nonlocal nodes
        nodes += 1
        if i == len(items):
            return True
        if nodes > PACKING_NODES:
            return False
        tried: set[int] = set()
        for b in range(bins):
            room = capacity - len(load[b])
            if room >= len(items[i]) and room not in tried:
                tried.add(room)
                load[b] += items[i]
                if place(i + 1):
                    return True
                del load[b][len(load[b]) - len(items[i]) :]
        return False

    return load if place(0) else None


def _seat(classes: tuple[ParallelClass, ...], seating: list[int | None]) -> Schedule:
    """One round per class: each block's people, larger tables first."""
    rounds = []
    for blocks in classes:
        tables = [tuple(sorted(p for p in (seating[point] for point in block) if p is not None)) for block in blocks]
        rounds.append(tuple(sorted(tables, key=len, reverse=True)))
    return tuple(rounds)


def _fit_layout(problem: Problem, schedule: Schedule) -> Schedule:
    """Move people from fuller to emptier tables until every round has the problem's layout.

    Each move is the one adding the fewest colleagues and encounters already had elsewhere; designs
    give every round the right layout except the one holding several missing people on one block.
    """
    layout = problem.table_sizes(0)
    met = encounters(schedule)
    rounds = []
    for tables in schedule:
        seats = [list(t) for t in tables]
        while moves := [
            (sum(met[pair(p, x)] + problem.people * problem.same_org(p, x) for x in seats[j]), i, p, j)
            for i, donor in enumerate(seats)
            if len(donor) > layout[i]
            for p in donor
            for j, receiver in enumerate(seats)
            if len(receiver) < layout[j]
        ]:
            _, i, p, j = min(moves)
            seats[i].remove(p)
            met.subtract(pair(p, x) for x in seats[i])
            met.update(pair(p, x) for x in seats[j])
            seats[j].append(p)
        rounds.append(tuple(tuple(sorted(t)) for t in seats))
    return tuple(rounds)


def _affine(k: int, tables: int) -> ResolvableDesign | None:
    """AG(n, k) when k is a prime power and `tables` = k^(n-1)."""
    dimension = 1
    while k**dimension < tables:
        dimension += 1
    return affine_geometry(k, dimension + 1) if prime_power(k) and k**dimension == tables else None


def _transversal(k: int, tables: int) -> ResolvableDesign | None:
    """TD(k, g) with g = `tables` larger than k (g = k is the affine plane)."""
    return transversal_design(k, tables) if tables > k else None


def _by_points(design: Callable[[int], ResolvableDesign | None], k: int) -> DesignFinder:
    """A family of designs with blocks of k, looked up by their number of points (k × tables)."""
    return lambda seats, tables: design(seats * tables) if seats == k else None


CONSTRUCTIONS: tuple[Construction, ...] = (
    Construction(
        "affine-geometry",
        "lines of AG(n,q), q = 3, 4, 5: q^n people at tables of q, (q^n-1)/(q-1) rounds, every pair once",
        _affine,
    ),
    Construction(
        "transversal-design",
        "resolvable TD(k,g) (MOLS), g > k with a difference matrix: k organisations of g at tables of k, g rounds",
        _transversal,
    ),
    Construction(
        "kirkman",
        "Kirkman triple systems: v ≡ 3 (mod 6) people at tables of 3, (v-1)/2 rounds, every pair once",
        _by_points(kirkman, 3),
    ),
    Construction(
        "nearly-kirkman",
        "nearly Kirkman triple systems: v ≡ 0 (mod 6) people at tables of 3, (v-2)/2 rounds, all but one met",
        _by_points(nearly_kirkman, 3),
    ),
    Construction(
        "resolvable-quadruples",
        "resolvable (v,4,1) designs: v ≡ 4 (mod 12) people at tables of 4, (v-1)/3 rounds, every pair once",
        _by_points(resolvable_quadruples, 4),
    ),
    Construction(
        "resolvable-gdd",
        "resolvable 4-GDDs of types 2^u and 3^u: tables of 4, each meeting all but the 1 or 2 of their group",
        _by_points(resolvable_gdd, 4),
    ),
)


def construct(problem: Problem) -> tuple[str, Schedule] | None:
    """Best schedule any applicable construction gives (name, schedule), checked to fit, or None."""
    best: tuple[tuple[float, ...], str, Schedule] | None = None
    for construction in CONSTRUCTIONS:
        schedule = construction.build(problem)
        if schedule is None or schedule_errors(problem, schedule):
            continue
        rank = evaluate(problem, schedule).rank()
        if best is None or rank < best[0]:
            best = (rank, construction.name, schedule)
    return None if best is None else (best[1], best[2])
