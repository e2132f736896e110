"""Search for the base classes of cyclically developed resolvable designs (tables of 3 and 4).

    python -m benchmarks.starter_search --family nkts --points 24 [--time-limit 60] [--seed 0]
    python -m benchmarks.starter_search --family rgdd3 --points 72 --method tabu --tries 40

Points are Z_n × parts plus a few fixed points ∞ (fixed by the group). A base class is a partition
of all points into blocks; adding t in Z_n to every coordinate gives n classes, and each extra
*transversal* block T (one point per part) gives one class more, {T + s : s in Z_n}. The design
joins every pair exactly once (or never, inside a group) when each pair orbit is covered exactly
once: inside part i, each difference ±d; between parts i < j, each difference d; a fixed point
with each part. The search fixes how many blocks of each shape (points per part) the base class
has, then gives CP-SAT one coordinate per block slot with AllDifferent over the coordinates of
each part and over the differences of each kind, which it settles in seconds where the direct
model of the rounds does not finish (and proves no starter exists, as for NKTS(18)); on large
schemes with three parts, local search over the same slots is often faster: simulated annealing
(`--method anneal`) or a tabu search on the slots (`--method tabu`).
Where the fixed points allow it, the base class is asked to be fixed by rotating the parts.

The families (v people, r rounds) and their schemes:
- kts: Kirkman triple systems, v ≡ 3 (mod 12): Z_(v-1)/2 × 2 ∪ {∞}, r = (v-1)/2;
  v ≡ 9 (mod 12): Z_v/3 × 3 with (v-3)/6 transversal classes, r = (v-1)/2.
- nkts: nearly Kirkman triple systems (groups of 2), v ≡ 0 (mod 6): Z_(v-2)/2 × 2 ∪ {∞0, ∞1}.
- rbibd: resolvable (v, 4, 1) designs, v ≡ 4 (mod 12): Z_(v-1)/3 × 3 ∪ {∞}.
- rgdd2: 4-RGDDs of type 2^(v/2), v ≡ 8 (mod 12): Z_(v-2)/3 × 3 ∪ {∞0, ∞1}.
- rgdd3: 4-RGDDs of type 3^(v/3), v ≡ 0 (mod 12): Z_(v-3)/3 × 3 ∪ {∞0, ∞1, ∞2}.
The printed strings are what `speeddating.solver.designs.developed` reads.
"""

import argparse
import math
import random
from dataclasses import dataclass, replace
from itertools import combinations, combinations_with_replacement, pairwise
from typing import TypeVar

from ortools.sat.python import cp_model

from speeddating.solver.finite_fields import Ring, prime_power

Shape = tuple[int, ...]
"""Points of a block in each part."""


@dataclass(frozen=True)
class Scheme:
    """Where a family's design lives: Z_modulus × parts ∪ `fixed` points, blocks of `block_size`,
    `classes` base classes each developed by Z_modulus (classes × modulus rounds, plus transversals);
    GF(modulus) × parts, developed by its additive group, when `over_field` (only the orbit cover of
    `symmetric_starters` searches those)."""

    modulus: int
    parts: int
    fixed: int
    block_size: int
    transversals: int = 0
    pure_excluded: int | None = None
    """A difference ±d never covered inside a part (its pairs are groups): n/2 for even n."""
    mixed_excluded: int | None = None
    """A difference never covered between two parts of one bundle (0: the groups {x_0, x_1, ...})."""
    classes: int = 1
    bundle: int | None = None
    """Parts come in bundles of this many consecutive parts, `mixed_excluded` left out inside each
    (None: all parts are one bundle)."""
    over_field: bool = False

    @property
    def points(self) -> int:
        return self.modulus * self.parts + self.fixed

    @property
    def ring(self) -> Ring:
        """The coordinates: Z_modulus, or GF(modulus)."""
        return Ring(self.modulus, self.over_field)

    def on_field(self) -> "Scheme":
        """The same scheme over GF(modulus) (ValueError unless modulus is an odd prime power: in GF(2^e)
        every x + d + d is x, so a pure difference would be met twice)."""
        if prime_power(self.modulus) is None or self.modulus % 2 == 0:
            raise ValueError(f"the scheme over Z_{self.modulus} has no counterpart over a field")
        return replace(self, over_field=True)

    def pure_orbits(self) -> int:
        """Differences ±d to cover inside each part (n/2 of an even n is always the excluded one)."""
        return (self.modulus - 1) // 2

    def excluded(self, p: int, q: int) -> int | None:
        """The difference never covered between parts p and q, if any."""
        same_bundle = self.bundle is None or p // self.bundle == q // self.bundle
        return self.mixed_excluded if same_bundle else None

    def mixed_orbits(self, p: int = 0, q: int = 1) -> int:
        """Differences to cover between parts p and q."""
        return self.modulus - (self.excluded(p, q) is not None)


def one_worker_solver(time_limit: float, seed: int) -> cp_model.CpSolver:
    """A CP-SAT solver on one worker, seeded, stopped by deterministic time: the same answer on a busy machine."""
    solver = cp_model.CpSolver()
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = time_limit
    return solver


def scheme(family: str, points: int, classes: int = 1) -> Scheme:
    """The scheme of `family` on `points` people with `classes` base classes (ValueError when the family
    has no such design). With k classes, r rounds become Z_(r/k) × (k times the parts of one class):
    groups of 2 are the differences n/2 inside a part for an even n, else the difference 0 between
    the parts 2j and 2j + 1; groups of 3, the difference 0 between the parts 3j, 3j + 1, 3j + 2."""
    v = points

    def split(rounds: int, parts: int) -> tuple[int, int]:
        if rounds % classes:
            raise ValueError(f"{rounds} rounds do not split into {classes} classes")
        return rounds // classes, parts * classes

    if family == "kts" and v % 12 == 9 and classes == 1:
        return Scheme(v // 3, 3, 0, 3, transversals=(v - 3) // 6)
    if family == "kts" and v % 12 == 3:
        return Scheme(*split((v - 1) // 2, 2), 1, 3, classes=classes)
    if family == "rbibd" and v % 12 == 4:
        return Scheme(*split((v - 1) // 3, 3), 1, 4, classes=classes)
    if family == "rgdd3" and v % 12 == 0:
        return Scheme(*split((v - 3) // 3, 3), 3, 4, mixed_excluded=0, classes=classes, bundle=3)
    pairs = {"nkts": (6, 0, 2, 3), "rgdd2": (12, 8, 3, 4)}
    if family in pairs and v % pairs[family][0] == pairs[family][1] and v >= 18:
        _, _, parts_per_class, k = pairs[family]
        n, parts = split((v - 2) // (k - 1), parts_per_class)
        if n % 2 == 0:
            return Scheme(n, parts, 2, k, pure_excluded=n // 2, classes=classes)
        if parts % 2 == 0:
            return Scheme(n, parts, 2, k, mixed_excluded=0, classes=classes, bundle=2)
    raise ValueError(f"no {family} design on {points} points with {classes} base classes")


def rotate(shape: Shape, times: int = 1) -> Shape:
    """The shape of a block whose points all move `times` parts on (part j to part j + times)."""
    return shape[-times:] + shape[:-times]


def rotations(s: Scheme) -> tuple[int, ...]:
    """Orders of part rotations to try: the base class fixed by x_j -> x_(j+1), ∞a -> ∞(a+1) (turns =
    parts) divides the unknowns by the number of parts; turns = 1 asks nothing. The rotation needs
    the fixed points to be one point (its block is then {∞, 0_0, 0_1, ...}) or one per part, and no
    transversal class; with two parts it pairs each mixed difference d with -d, which an even
    modulus (its pure n/2 left out) cannot do for d = 0 and n/2."""
    if s.classes == 1 and s.transversals == 0 and s.fixed in (1, s.parts) and s.pure_excluded is None:
        return (s.parts, 1)
    return (1,)


def shape_counts(s: Scheme, turns: int, limit: int = 50) -> list[dict[Shape, int]]:
    """Up to `limit` multisets of free block shapes covering each part's points and each kind of
    difference exactly as often as the scheme needs (blocks through fixed points take one point per
    part). With a rotation (`turns` > 1), shapes come in rotation orbits, each orbit counted once."""
    shapes = sorted(
        {
            tuple(counts.count(i) for i in range(s.parts))
            for counts in combinations_with_replacement(range(s.parts), s.block_size)
        },
        reverse=True,
    )
    orbits = sorted({min(rotate(sh, t) for t in range(turns)) for sh in shapes}, reverse=True)
    invariant_block = tuple([s.block_size // s.parts] * s.parts) if s.block_size % s.parts == 0 else None
    free_blocks = s.points // s.block_size - s.fixed
    need_points = s.modulus - s.fixed
    need_pure = s.pure_orbits()
    need_mixed = s.mixed_orbits() - s.fixed - s.transversals
    pairs = list(combinations(range(s.parts), 2))
    found: list[dict[Shape, int]] = []

    def fits(load: list[int], exact: bool) -> bool:
        points, pure, mixed = load[: s.parts], load[s.parts : 2 * s.parts], load[2 * s.parts :]
        if exact:
            return (
                all(x == need_points for x in points)
                and all(x == need_pure for x in pure)
                and all(x == need_mixed for x in mixed)
            )
        return (
            all(x <= need_points for x in points)
            and all(x <= need_pure for x in pure)
            and all(x <= need_mixed for x in mixed)
        )

    def add(load: list[int], orbit: Shape, count: int) -> list[int]:
        size = 1 if orbit == invariant_block else turns
        images = {rotate(orbit, t) for t in range(size)}
        out = list(load)
        for sh in images:
            for p in range(s.parts):
                out[p] += count * sh[p]
                out[s.parts + p] += count * sh[p] * (sh[p] - 1) // 2
            for i, (p, q) in enumerate(pairs):
                out[2 * s.parts + i] += count * sh[p] * sh[q]
        return out

    def blocks_of(orbit: Shape, count: int) -> int:
        return count * (1 if orbit == invariant_block else turns)

    def extend(i: int, left: int, load: list[int], chosen: dict[Shape, int]) -> None:
        if len(found) >= limit or not fits(load, exact=False):
            return
        if i == len(orbits):
            if left == 0 and fits(load, exact=True):
                found.append(dict(chosen))
            return
        orbit = orbits[i]
        count = 0
        while blocks_of(orbit, count) <= left:
            chosen[orbit] = count
            extend(i + 1, left - blocks_of(orbit, count), add(load, orbit, count), chosen)
            count += 1
        del chosen[orbit]

    extend(0, free_blocks, [0] * (2 * s.parts + len(pairs)), {})
    return [{sh: c for sh, c in counts.items() if c} for counts in found]


def balance(counts: dict[Shape, int]) -> int:
    """Sort key: fewest pure pairs (blocks spread over the parts) first."""
    return sum(c * sum(x * (x - 1) for x in sh) for sh, c in counts.items())


Value = TypeVar("Value")


def images(
    s: Scheme, turns: int, label: str, slots: list[tuple[int, Value]], invariant: bool = False
) -> list[tuple[str, list[tuple[int, Value]]]]:
    """The blocks one block stands for under the rotation: itself turned 0..turns-1 parts on (once if
    `invariant`), the ∞ label turned with it; slots are (part, coordinate)."""
    return [
        (
            label if not label or s.fixed == 1 else f"∞{(int(label[1:]) + t) % s.fixed}",
            sorted((((p + t) % s.parts, x) for p, x in slots), key=lambda slot: slot[0]),
        )
        for t in range(1 if invariant else turns)
    ]


Block = tuple[str, list[tuple[int, cp_model.IntVar]]]
"""A block of the model: its ∞ label ("" for none) and its slots (part, coordinate variable)."""


def solve_shapes(
    s: Scheme, counts: dict[Shape, int], turns: int, *, seed: int, workers: int, time_limit: float
) -> tuple[list[list[str]], list[str]] | None:
    """Base class and transversal blocks (as `developed` reads them) with these shapes, or None.

    With a rotation (`turns` > 1), `counts` counts rotation orbits: one block per orbit carries
    variables and its images under the rotation reuse them in the next parts. `time_limit` is in
    CP-SAT's deterministic seconds, so a run with one worker repeats exactly.
    """
    n = s.modulus
    model = cp_model.CpModel()
    blocks: list[Block] = []
    zero = model.new_constant(0)
    if s.fixed == 1 and turns > 1:
        blocks += images(s, turns, "∞", [(p, zero) for p in range(s.parts)], invariant=True)
    else:
        for a in range(s.fixed // turns):
            label = f"∞{a}" if s.fixed > 1 else "∞"
            blocks += images(s, turns, label, [(p, model.new_int_var(0, n - 1, "")) for p in range(s.parts)])
    for shape, count in sorted(counts.items(), reverse=True):
        invariant = turns > 1 and len(set(shape)) == 1
        firsts = []
        for _ in range(count):
            if invariant:
                x = model.new_int_var(0, n - 1, "")
                slots = [(p, x) for p in range(s.parts)]
            else:
                slots = free_slots(model, n, shape)
            firsts.append(slots[0][1])
            blocks += images(s, turns, "", slots, invariant)
        for x, y in pairwise(firsts):
            model.add(x < y)
    if not (s.fixed == 1 and turns > 1):
        model.add(blocks[0][1][0][1] == 0)
    transversals = [
        [zero] + [model.new_int_var(0, n - 1, "") for _ in range(1, s.parts)] for _ in range(s.transversals)
    ]
    for first, second in pairwise(transversals):
        model.add(first[1] < second[1])
    return solve_blocks(model, s, [blocks], transversals, seed=seed, workers=workers, time_limit=time_limit)


def free_slots(model: cp_model.CpModel, n: int, shape: Shape) -> list[tuple[int, cp_model.IntVar]]:
    """The slots of a block of this shape, ordered within each part (points of a part are a set)."""
    slots = [(p, model.new_int_var(0, n - 1, "")) for p in range(len(shape)) for _ in range(shape[p])]
    for (p, x), (q, y) in pairwise(slots):
        if p == q:
            model.add(x < y)
    return slots


def solve_blocks(
    model: cp_model.CpModel,
    s: Scheme,
    classes: list[list[Block]],
    transversals: list[list[cp_model.IntVar]],
    *,
    seed: int,
    workers: int,
    time_limit: float,
) -> tuple[list[list[str]], list[str]] | None:
    """Solve the model once every pair orbit is asked to be covered exactly once: in each class each
    part's coordinates all differ (a partition), and over all classes and transversals the
    differences of each kind (±d inside a part, d between two parts) all differ. The base classes
    and transversal blocks as `developed` reads them, or None when CP-SAT finds none in `time_limit`."""
    n = s.modulus
    for blocks in classes:
        for p in range(s.parts):
            model.add_all_different([x for _, slots in blocks for q, x in slots if q == p])
    pure: dict[int, list[cp_model.IntVar]] = {p: [] for p in range(s.parts)}
    mixed: dict[tuple[int, int], list[cp_model.IntVar]] = {pq: [] for pq in combinations(range(s.parts), 2)}
    half = n // 2
    for _, slots in (block for blocks in classes for block in blocks):
        for (p, x), (q, y) in combinations(slots, 2):
            if p == q:
                d = model.new_int_var(1, n - 1, "")
                model.add(d == y - x)
                e = model.new_int_var(1, half, "")
                flip = model.new_bool_var("")
                model.add(e == d).only_enforce_if(~flip)
                model.add(e == n - d).only_enforce_if(flip)
                model.add(d <= half).only_enforce_if(~flip)
                model.add(d > half).only_enforce_if(flip)
                if s.pure_excluded is not None:
                    model.add(e != s.pure_excluded)
                pure[p].append(e)
            else:
                mixed[p, q].append(difference(model, x, y, n, s.excluded(p, q)))
    for coordinates in transversals:
        for (p, x), (q, y) in combinations(enumerate(coordinates), 2):
            mixed[p, q].append(difference(model, x, y, n, s.excluded(p, q)))
    for group in (*pure.values(), *mixed.values()):
        model.add_all_different(group)
    solver = cp_model.CpSolver()
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    solver.parameters.max_deterministic_time = time_limit
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    written = [
        [" ".join([label] * bool(label) + [f"{solver.value(x)}_{p}" for p, x in slots]) for label, slots in blocks]
        for blocks in classes
    ]
    return written, [" ".join(f"{solver.value(x)}_{p}" for p, x in enumerate(block)) for block in transversals]


Layout = tuple[tuple[tuple[str, Shape], ...], ...]
"""Per base class, its blocks: (∞ label or "", points in each part besides the ∞)."""


def turns_classes(s: Scheme) -> bool:
    """True when the classes can be asked to be images of the first under the turn of `turn_part`
    (with ∞a -> ∞(a+1)): no pair orbit may be fixed by it, so an even number of classes needs the
    difference 0 left out inside runs of that many parts and an odd modulus (d and -d swap)."""
    k = s.classes
    if k == 1 or s.parts % k or s.fixed not in (1, k) or s.transversals:
        return False
    return k % 2 == 1 or (s.modulus % 2 == 1 and s.bundle == k and s.mixed_excluded == 0)


def turn_part(s: Scheme, p: int, times: int) -> int:
    """Part p moved `times` steps round its run of `classes` consecutive parts (3j, 3j+1, 3j+2 for three)."""
    k = s.classes
    return p // k * k + (p % k + times) % k


def turn_label(s: Scheme, label: str, times: int) -> str:
    """The ∞ label moved with the parts (one ∞ stays put)."""
    return label if not label or s.fixed == 1 else f"∞{(int(label[1:]) + times) % s.fixed}"


def layout(
    s: Scheme, seed: int, *, turned: bool = False, most_per_part: int = 2, time_limit: float = 5.0
) -> Layout | None:
    """Block shapes for a scheme with several base classes, chosen by a small CP-SAT model over how
    many blocks of each shape each class has (at most `most_per_part` points of a block in one part):
    each class takes every part's n points, and over all classes the blocks cover each part's pure
    differences, each pair of parts' mixed ones and each ∞ with each part as often as needed.
    The objective spreads the pure pairs over the blocks (as in `balance`), random weights (from `seed`)
    pick one of the many layouts that do; identical classes come together.
    `turned`: class c is the first one turned c times (`turn_part`)."""
    rng = random.Random(seed)
    model = cp_model.CpModel()

    def shapes(size: int) -> list[Shape]:
        return sorted(
            shape
            for shape in {
                tuple(c.count(p) for p in range(s.parts)) for c in combinations_with_replacement(range(s.parts), size)
            }
            if max(shape) <= most_per_part
        )

    free, fixed = shapes(s.block_size), shapes(s.block_size - 1)
    free_blocks = s.points // s.block_size - s.fixed
    count = [{sh: model.new_int_var(0, free_blocks, "") for sh in free} for _ in range(s.classes)]
    chosen = [[{sh: model.new_bool_var("") for sh in fixed} for _ in range(s.fixed)] for _ in range(s.classes)]
    terms: list[list[tuple[Shape, cp_model.IntVar]]] = []
    for c in range(s.classes):
        model.add(sum(count[c].values()) == free_blocks)
        for a in range(s.fixed):
            model.add_exactly_one(chosen[c][a].values())
        terms.append(list(count[c].items()) + [(sh, b) for options in chosen[c] for sh, b in options.items()])
        for p in range(s.parts):
            model.add(sum(sh[p] * x for sh, x in terms[c]) == s.modulus)
    if turned:
        for c in range(1, s.classes):
            for sh, x in count[0].items():
                model.add(count[c][tuple(sh[turn_part(s, p, -c)] for p in range(s.parts))] == x)
            for a in range(s.fixed):
                image = a if s.fixed == 1 else (a + c) % s.fixed
                for sh, b in chosen[0][a].items():
                    model.add(chosen[c][image][tuple(sh[turn_part(s, p, -c)] for p in range(s.parts))] == b)
    everything = [t for class_terms in terms for t in class_terms]
    for p in range(s.parts):
        model.add(sum(sh[p] * (sh[p] - 1) // 2 * x for sh, x in everything) == s.pure_orbits())
    for p, q in combinations(range(s.parts), 2):
        model.add(sum(sh[p] * sh[q] * x for sh, x in everything) == s.mixed_orbits(p, q))
    for a in range(s.fixed):
        for p in range(s.parts):
            model.add(sum(sh[p] * b for c in range(s.classes) for sh, b in chosen[c][a].items()) == 1)
    model.minimize(sum((100 * sum(n * (n - 1) // 2 for n in sh) ** 2 + rng.randrange(100)) * x for sh, x in everything))
    solver = one_worker_solver(time_limit, seed)
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    label = [f"∞{a}" if s.fixed > 1 else "∞" for a in range(s.fixed)]
    classes = [
        tuple((label[a], sh) for a in range(s.fixed) for sh, b in chosen[c][a].items() if solver.value(b))
        + tuple(("", sh) for sh, x in sorted(count[c].items(), reverse=True) for _ in range(solver.value(x)))
        for c in range(s.classes)
    ]
    return tuple(classes) if turned else tuple(sorted(classes))


def solve_layout(
    s: Scheme, shapes: Layout, *, turned: bool = False, seed: int, workers: int, time_limit: float
) -> tuple[list[list[str]], list[str]] | None:
    """Base classes with these block shapes, or None. Symmetry broken: each class is translated so
    that its first block's first coordinate is 0, blocks of one shape in a class are ordered by
    their first coordinate, and identical classes by their first block's second coordinate.
    `turned`: the classes are the first one turned (its variables, moved to other parts)."""
    model = cp_model.CpModel()
    classes: list[list[Block]] = []
    for blocks in shapes[:1] if turned else shapes:
        built: list[Block] = [(label, free_slots(model, s.modulus, shape)) for label, shape in blocks]
        model.add(built[0][1][0][1] == 0)
        for (first_label, first), (label, second) in pairwise(built):
            if not first_label and not label and [p for p, _ in first] == [p for p, _ in second]:
                model.add(first[0][1] < second[0][1])
        classes.append(built)
    classes += [
        [
            (turn_label(s, label, c), sorted(((turn_part(s, p, c), x) for p, x in slots), key=lambda slot: slot[0]))
            for label, slots in classes[0]
        ]
        for c in range(1, s.classes if turned else 1)
    ]
    for (shape, one), (other, next_one) in pairwise(zip(shapes, classes, strict=True)):
        if not turned and shape == other and len(one[0][1]) > 1:
            model.add(one[0][1][1][1] <= next_one[0][1][1][1])
    return solve_blocks(model, s, classes, [], seed=seed, workers=workers, time_limit=time_limit)


def difference(
    model: cp_model.CpModel, x: cp_model.IntVar, y: cp_model.IntVar, n: int, excluded: int | None
) -> cp_model.IntVar:
    """y - x mod n as a new variable (never `excluded`)."""
    w = model.new_int_var(0, n - 1, "")
    wrap = model.new_bool_var("")
    model.add(w == y - x + n * wrap)
    if excluded is not None:
        model.add(w != excluded)
    return w


Slot = tuple[int, int]
"""(block, position in the block) of a representative block of the base class."""

Kind = tuple[int, int, int]
"""A difference orbit: (-1, part, ±d) inside a part, (p, q, d) between parts p < q."""


Representative = tuple[str, list[int]]
"""A block the local searches move: its ∞ label ("" for none) and the part of each of its slots."""


class SlotState:
    """The representative blocks of the base classes, their coordinates, and how often each kind of
    difference is covered: what the local searches move.

    The slots hold the coordinates as a permutation (one pool when the parts rotate, one per part
    otherwise); a move swaps two slots of different blocks of one pool, and the cost is how far each
    kind of difference is from being covered exactly as often as needed (with several classes,
    one pool per part of each class).
    """

    def __init__(self, s: Scheme, classes: list[list[Representative]], turns: int, rng: random.Random) -> None:
        self.scheme, self.turns, self.rotated = s, turns, turns > 1
        self.reps = [rep for blocks in classes for rep in blocks]
        self.class_of = [c for c, blocks in enumerate(classes) for _ in blocks]
        slots = [(b, i) for b, (_, parts) in enumerate(self.reps) for i in range(len(parts))]
        self.pools = (
            [slots]
            if self.rotated
            else [
                [(b, i) for b, i in slots if self.reps[b][1][i] == p and self.class_of[b] == c]
                for c in range(len(classes))
                for p in range(s.parts)
            ]
        )
        self.value: dict[Slot, int] = {}
        for pool in self.pools:
            free = [x for x in range(s.modulus) if not (self.rotated and s.fixed == 1 and x == 0)]
            rng.shuffle(free)
            self.value.update(zip(pool, free, strict=True))
        n = s.modulus
        self.need = {
            (-1, p, e): int(e != s.pure_excluded)
            for p in range(1 if self.rotated else s.parts)
            for e in range(1, n // 2 + 1)
        }
        across = [(0, 1)] if self.rotated else list(combinations(range(s.parts), 2))
        self.need |= {(p, q, d): int(d != s.excluded(p, q)) for p, q in across for d in range(n)}
        if self.rotated and s.fixed == 1:
            self.need[0, 1, 0] = 0
        self.covered = dict.fromkeys(self.need, 0)
        for b in range(len(self.reps)):
            for kind in self.kinds(b):
                self.covered[kind] += 1
        self.cost = sum(abs(self.covered[k] - self.need[k]) for k in self.need)

    def kinds(self, b: int) -> list[Kind]:
        """The difference each pair of block b covers."""
        n, parts = self.scheme.modulus, self.reps[b][1]
        out = []
        for i, j in combinations(range(len(parts)), 2):
            p, q, x, y = parts[i], parts[j], self.value[b, i], self.value[b, j]
            if p == q:
                out.append((-1, 0 if self.rotated else p, min((y - x) % n, (x - y) % n)))
            elif self.rotated:
                out.append((0, 1, (y - x) % n if (q - p) % self.scheme.parts == 1 else (x - y) % n))
            else:
                out.append((p, q, (y - x) % n))
        return out

    def swap(self, first: Slot, second: Slot) -> int:
        """Swap two slots' coordinates (of different blocks), update the cost and return its change."""
        before = self.kinds(first[0]) + self.kinds(second[0])
        self.value[first], self.value[second] = self.value[second], self.value[first]
        after = self.kinds(first[0]) + self.kinds(second[0])
        touched = set(before) | set(after)
        old = sum(abs(self.covered[k] - self.need[k]) for k in touched)
        for kind in before:
            self.covered[kind] -= 1
        for kind in after:
            self.covered[kind] += 1
        delta = sum(abs(self.covered[k] - self.need[k]) for k in touched) - old
        self.cost += delta
        return delta

    def in_conflict(self, slot: Slot) -> bool:
        """True when the slot's block covers some difference more often than needed."""
        return any(self.covered[k] > self.need[k] for k in self.kinds(slot[0]))

    def base_classes(self) -> list[list[str]]:
        """The base classes as `developed` reads them (with the images of each block under the rotation)."""
        s, turns = self.scheme, self.turns
        classes: list[list[tuple[str, list[tuple[int, int]]]]] = [[] for _ in range(max(self.class_of) + 1)]
        if self.rotated and s.fixed == 1:
            classes[0] += images(s, turns, "∞", [(p, 0) for p in range(s.parts)], invariant=True)
        for b, (label, parts) in enumerate(self.reps):
            slots = [(p, self.value[b, i]) for i, p in enumerate(parts)]
            classes[self.class_of[b]] += images(s, turns, label, slots)
        return [
            [" ".join([label] * bool(label) + [f"{x}_{p}" for p, x in slots]) for label, slots in blocks]
            for blocks in classes
        ]


def representatives(s: Scheme, counts: dict[Shape, int], turns: int) -> list[list[Representative]]:
    """The one base class of these shapes: its ∞ blocks (one point per part; none moves when one ∞ is
    turned with the parts) and one block per rotation orbit of each shape."""
    reps: list[Representative] = []
    if not (s.fixed == 1 and turns > 1):
        reps += [(f"∞{a}" if s.fixed > 1 else "∞", list(range(s.parts))) for a in range(s.fixed // turns)]
    for shape, count in sorted(counts.items(), reverse=True):
        reps += [("", [p for p in range(s.parts) for _ in range(shape[p])]) for _ in range(count)]
    return [reps]


def laid_out(shapes: Layout) -> list[list[Representative]]:
    """The blocks of a layout of several base classes, as the local searches move them."""
    return [
        [(label, [p for p, n in enumerate(shape) for _ in range(n)]) for label, shape in blocks] for blocks in shapes
    ]


def anneal_shapes(
    s: Scheme, classes: list[list[Representative]], turns: int, *, seed: int, moves: int
) -> list[list[str]] | None:
    """A base class with these shapes found by simulated annealing over `SlotState` swaps, or None after
    `moves` swaps.

    Where CP-SAT stalls on large rotation-symmetric schemes this often finishes in seconds, for some
    shape multisets only. `seed` fixes the run.
    """
    rng = random.Random(seed)
    state = SlotState(s, classes, turns, rng)
    temperature, cooling = 2.0, (0.3 / 2.0) ** (1 / moves)
    sizes = [len(pool) for pool in state.pools]
    for _ in range(moves):
        if state.cost == 0:
            break
        temperature *= cooling
        first, second = rng.sample(rng.choices(state.pools, sizes)[0], 2)
        if first[0] == second[0]:
            continue
        delta = state.swap(first, second)
        if delta > 0 and rng.random() >= math.exp(-delta / temperature):
            state.swap(first, second)
    return None if state.cost else state.base_classes()


def tabu_shapes(
    s: Scheme, classes: list[list[Representative]], turns: int, *, seed: int, moves: int
) -> list[list[str]] | None:
    """A base class with these shapes found by tabu search over `SlotState` swaps, or None after `moves` steps.

    Each step takes a slot whose block covers some difference too often, tries every swap with the
    other slots of its pool and makes the best one whose slots are not tabu (or any that beats the
    best cost seen); both slots then stay put for a few steps. It escapes the plateaus where the
    annealing wanders (4-RGDD of type 3^u on 60 people and more). `seed` fixes the run.
    """
    rng = random.Random(seed)
    state = SlotState(s, classes, turns, rng)
    pool_of = {slot: pool for pool in state.pools for slot in pool}
    slots = list(pool_of)
    tabu_until = dict.fromkeys(slots, 0)
    best = state.cost
    for step in range(moves):
        if state.cost == 0:
            break
        conflicted = [slot for slot in slots if state.in_conflict(slot)]
        first = rng.choice(conflicted)
        chosen: list[Slot] = []
        chosen_delta = 0
        for second in pool_of[first]:
            if second[0] == first[0]:
                continue
            delta = state.swap(first, second)
            state.swap(first, second)
            allowed = tabu_until[second] <= step or state.cost + delta < best
            if allowed and (not chosen or delta < chosen_delta):
                chosen, chosen_delta = [second], delta
            elif allowed and delta == chosen_delta:
                chosen.append(second)
        if not chosen:
            continue
        second = rng.choice(chosen)
        state.swap(first, second)
        tenure = 2 + rng.randrange(len(slots) // 4 + 1)
        tabu_until[first] = tabu_until[second] = step + tenure
        best = min(best, state.cost)
    return None if state.cost else state.base_classes()


LOCAL_SEARCHES = {"anneal": anneal_shapes, "tabu": tabu_shapes}
"""The local searches over block slots, by `--method` name."""


def search(
    family: str,
    points: int,
    *,
    method: str = "cp-sat",
    classes: int = 1,
    turn: bool = True,
    seed: int = 0,
    workers: int = 1,
    time_limit: float = 60.0,
    moves: int = 300_000,
    tries: int = 4,
) -> tuple[Scheme, list[list[str]], list[str]] | None:
    """The scheme and base classes found for it (and its transversal blocks), or None.

    With one class, CP-SAT tries the `tries` most balanced shape multisets, sharing `time_limit`; the
    local searches make `tries` runs of `moves` moves (seeds seed, seed + 1, ...), going round the
    shape multisets. With several classes, each try takes the layout of seed + try; for CP-SAT its
    classes are turned images of the first when `turn` and the scheme allows it (`turns_classes`)
    and some layout fits.
    """
    s = scheme(family, points, classes)
    if classes > 1:
        turned = method == "cp-sat" and turn and turns_classes(s) and layout(s, seed, turned=True) is not None
        for attempt in range(tries):
            shapes = layout(s, seed + attempt, turned=turned)
            if shapes is None:
                continue
            if method in LOCAL_SEARCHES:
                base = LOCAL_SEARCHES[method](s, laid_out(shapes), 1, seed=seed + attempt, moves=moves)
                if base is not None:
                    return s, base, []
                continue
            limit = time_limit / tries
            found = solve_layout(s, shapes, turned=turned, seed=seed, workers=workers, time_limit=limit)
            if found is not None:
                return s, *found
        return None
    for turns in rotations(s):
        options = sorted(shape_counts(s, turns), key=balance)
        if method in LOCAL_SEARCHES and options and not s.transversals:
            for attempt in range(tries):
                counts = options[attempt % len(options)]
                base = LOCAL_SEARCHES[method](
                    s, representatives(s, counts, turns), turns, seed=seed + attempt, moves=moves
                )
                if base is not None:
                    return s, base, []
        elif method == "cp-sat":
            for counts in options[:tries]:
                limit = time_limit / min(tries, len(options))
                found = solve_shapes(s, counts, turns, seed=seed, workers=workers, time_limit=limit)
                if found is not None:
                    return s, *found
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", required=True, choices=("kts", "nkts", "rbibd", "rgdd2", "rgdd3"))
    parser.add_argument("--points", type=int, required=True)
    parser.add_argument("--classes", type=int, default=1, help="base classes, each developed by Z_(rounds/classes)")
    parser.add_argument("--no-turn", action="store_true", help="several classes: do not ask them to be turned images")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=60.0, help="CP-SAT deterministic seconds in all")
    parser.add_argument("--method", choices=("cp-sat", *LOCAL_SEARCHES), default="cp-sat")
    parser.add_argument("--moves", type=int, default=300_000, help="swaps (annealing) or steps (tabu) per run")
    parser.add_argument("--tries", type=int, default=4, help="shape multisets or layouts (CP-SAT), local search runs")
    args = parser.parse_args()
    found = search(
        args.family,
        args.points,
        method=args.method,
        classes=args.classes,
        turn=not args.no_turn,
        seed=args.seed,
        workers=args.workers,
        time_limit=args.time_limit,
        moves=args.moves,
        tries=args.tries,
    )
    if found is None:
        print("no base class found")
        return
    s, base, transversal = found
    print(f"modulus {s.modulus}, parts {s.parts}, classes {s.classes}")
    print(repr("; ".join(", ".join(blocks) for blocks in base)))
    if transversal:
        print(repr(", ".join(transversal)))


if __name__ == "__main__":
    main()
