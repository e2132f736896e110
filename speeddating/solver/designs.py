"""Resolvable designs: points split into blocks, class by class, no two points sharing two blocks.

Each parallel class is one round (its blocks are the tables), so a design with λ <= 1 gives rounds
in which nobody meets anyone twice. The families here are the classical ones for the Social Golfer
Problem: lines of affine geometries over GF(q), resolvable transversal designs (mutually orthogonal
Latin squares), Kirkman triple systems of order 3q from GF(q), designs developed from a base
parallel class over Z_n (stored in `starters`, found by `benchmarks/starter_search.py`, or by
`benchmarks/symmetric_starters.py` when also fixed by a multiplier symmetry), and
designs whose classes are unions of translates under the group Z_2^k (found by
`benchmarks/orbit_designs.py`). The family functions at the end give, for a number of points, the
design of that family when one is known here.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import product

from speeddating.solver.finite_fields import AbelianGroup, FiniteField, Ring, prime_power
from speeddating.solver.starters import DIFFERENCE_MATRICES, STARTERS

Block = tuple[int, ...]
ParallelClass = tuple[Block, ...]


@dataclass(frozen=True)
class ResolvableDesign:
    """Points 0..points-1 and parallel classes (each a partition of the points into blocks).

    `groups` are sets of points no block joins (the groups of a group divisible design, such as the
    organisations of a transversal design); empty when every pair meets.
    """

    name: str
    points: int
    classes: tuple[ParallelClass, ...]
    groups: tuple[Block, ...] = ()


def affine_geometry(q: int, dimension: int) -> ResolvableDesign:
    """Lines of AG(dimension, q): q^dimension points, blocks of q, one class per direction.

    Every pair of points lies on exactly one line, and the lines parallel to one direction partition
    the space, so the (q^dimension - 1)/(q - 1) directions are rounds in which every pair meets
    exactly once (AG(2, 4): 16 people, tables of 4, 5 rounds; AG(3, 3): a Kirkman system on 27).
    """
    field = FiniteField(q)
    vectors = list(product(range(q), repeat=dimension))
    index = {v: i for i, v in enumerate(vectors)}
    directions = [v for v in vectors if any(v) and v[next(i for i, c in enumerate(v) if c)] == 1]
    classes = []
    for d in directions:
        seen: set[int] = set()
        lines = []
        for v in vectors:
            if index[v] in seen:
                continue
            line = tuple(
                index[tuple(field.add[c][field.mul[t][e]] for c, e in zip(v, d, strict=True))] for t in range(q)
            )
            seen.update(line)
            lines.append(tuple(sorted(line)))
        classes.append(tuple(lines))
    return ResolvableDesign(f"AG({dimension},{q})", q**dimension, tuple(classes))


def prime_power_factors(n: int) -> list[int]:
    """The prime powers whose product is n, one per prime, smallest prime first (36 -> [4, 9])."""
    factors = []
    p = 2
    while n > 1:
        q = 1
        while n % p == 0:
            n //= p
            q *= p
        if q > 1:
            factors.append(q)
        p += 1
    return factors


@dataclass(frozen=True)
class DifferenceMatrix:
    """k rows over an abelian group of order n (elements 0..n-1, `add` its table), n columns: for any two
    rows, the differences of their entries column by column are every element once."""

    add: tuple[tuple[int, ...], ...]
    rows: tuple[tuple[int, ...], ...]


def difference_matrix(k: int, order: int) -> DifferenceMatrix | None:
    """An (order, k, 1) difference matrix, or None when none is known here.

    MacNeish's product: over GF(q) the rows x = 0..k-1 of x · m (m the column) differ by (x - x') · m,
    every element once, when q >= k; over the product of the fields of the prime power factors of the
    order, entry by entry, the same holds factor by factor. Where a factor is below k (12 = 4 · 3 or 21 = 3 · 7
    at tables of 4), a matrix found by search over an abelian group of that order is stored in
    `starters.DIFFERENCE_MATRICES`.
    """
    factors = prime_power_factors(order)
    if factors and min(factors) >= k:
        fields = [FiniteField(q) for q in factors]
        digits = list(product(*(range(q) for q in reversed(factors))))  # last factor varies slowest
        number = {tuple(reversed(d)): i for i, d in enumerate(digits)}
        elements = list(number)
        add = tuple(
            tuple(number[tuple(f.add[a][b] for f, a, b in zip(fields, x, y, strict=True))] for y in elements)
            for x in elements
        )
        rows = tuple(
            tuple(number[tuple(f.mul[row][m] for f, m in zip(fields, column, strict=True))] for column in elements)
            for row in range(k)
        )
        return DifferenceMatrix(add, rows)
    if order in DIFFERENCE_MATRICES:
        moduli, stored_rows = DIFFERENCE_MATRICES[order]
        found = [tuple(int(x) for x in row.split()) for row in stored_rows.split("; ")]
        rows = ((0,) * order, tuple(range(order)), *found)
        if len(rows) >= k:
            return DifferenceMatrix(AbelianGroup(moduli).add, rows[:k])
    return None


def transversal_design(k: int, g: int) -> ResolvableDesign | None:
    """Resolvable TD(k, g) from a (g, k, 1) difference matrix: k groups of g, every block one point per
    group; None when no matrix is known here.

    Column m of the matrix, translated by each element c of its group, gives the block
    {x·g + (D[x][m] + c)}: the g translates of one column partition the points (a class), and two
    points of different groups x, x' lie in exactly one block, since D[x] - D[x'] meets each difference
    once. So g rounds in which every cross-group pair meets exactly once (k - 1 mutually orthogonal
    Latin squares; over GF(g) these are the lines y = m x + c of AG(2, g) on the verticals x < k).
    """
    matrix = difference_matrix(k, g)
    if matrix is None:
        return None
    classes = tuple(
        tuple(tuple(x * g + matrix.add[row[m]][c] for x, row in enumerate(matrix.rows)) for c in range(g))
        for m in range(g)
    )
    groups = tuple(tuple(range(x * g, (x + 1) * g)) for x in range(k))
    return ResolvableDesign(f"TD({k},{g})", k * g, classes, groups)


def developed(
    name: str, ring: Ring, parts: int, base_classes: Sequence[Sequence[str]], transversals: Sequence[str] = ()
) -> ResolvableDesign:
    """The design with points `ring` × parts plus fixed points ∞ (or ∞0, ∞1, ...), developed by the
    additions of `ring` (Z_n, or the additive group Z_p^e of GF(p^e)).

    Points are written "x_j" (x an element of the ring, part j) and "∞a"; class t of a base class adds t to
    every x and fixes the ∞s, and each transversal block T (one point per part) gives one more class,
    {T + s : s in the ring}. The base classes are a starter: partitions of the points whose blocks
    (with the transversals) cover, all together, every difference ±d within a part, every
    difference between two parts and every ∞ with every part exactly once, so the developed classes
    join every pair once, except the differences left out on purpose: those pairs are the groups of
    a group divisible design (found from the pairs never joined). Several base classes let a
    smaller group do the work (k classes under Z_(r/k) for r rounds).
    `benchmarks/starter_search.py` finds such starters.
    """
    fixed = sorted({p for base in base_classes for block in base for p in block.split() if p.startswith("∞")})

    def coordinates(block: str) -> list[tuple[int, int]]:
        """Each point "x_j" as (x, j), the i-th ∞ label as (i, parts)."""
        return [
            (fixed.index(p), parts) if p in fixed else (int(p.split("_")[0]), int(p.split("_")[1]))
            for p in block.split()
        ]

    classes = tuple(
        translate
        for base in base_classes
        for translate in _translates(ring.add, parts, [coordinates(block) for block in base])
    ) + tuple(tuple(block for (block,) in _translates(ring.add, parts, [coordinates(t)])) for t in transversals)
    points = ring.order * parts + len(fixed)
    return ResolvableDesign(name, points, classes, unjoined_groups(points, classes))


def unjoined_groups(points: int, classes: Sequence[ParallelClass]) -> tuple[Block, ...]:
    """The groups of points no block joins (each point with those it never meets), or () when every
    pair meets; for a group divisible design these are its groups."""
    met: list[set[int]] = [set() for _ in range(points)]
    for blocks in classes:
        for block in blocks:
            for p in block:
                met[p].update(block)
    everyone = set(range(points))
    groups = sorted({tuple(sorted(everyone - seen | {p})) for p, seen in enumerate(met)})
    return () if all(len(g) == 1 for g in groups) else tuple(groups)


def xor_developed(name: str, bits: int, parts: int, base_classes: Sequence[str], partner: int) -> ResolvableDesign:
    """A design on Z_2^bits × parts whose classes are fixed by every translation x -> x XOR s.

    Points are written "x_j" (x in 0..2^bits - 1, part j); each base class lists one block of each
    orbit of blocks, and the class is all their translates (a block fixed by some translation gives
    fewer than 2^bits of them). The groups are the pairs {x_j, (x XOR partner)_j}.
    """
    size = 1 << bits

    def point(text: str, shift: int) -> int:
        x, j = (int(s) for s in text.split("_"))
        return j * size + (x ^ shift)

    classes = tuple(
        tuple(sorted({tuple(sorted(point(p, s) for p in block.split())) for block in base for s in range(size)}))
        for base in (line.split(",") for line in base_classes)
    )
    groups = tuple(
        (j * size + x, j * size + (x ^ partner)) for j in range(parts) for x in range(size) if x < x ^ partner
    )
    return ResolvableDesign(name, size * parts, classes, groups)


def rgdd_32() -> ResolvableDesign:
    """A resolvable 4-GDD of type 2^16: 32 people at 8 tables of 4 for 10 rounds, each meeting 30 of 31.

    The Social Golfer Problem's classic 8-4-10 (first solved by A. Aguado in 2004). Here every class
    is fixed by Z_2^3 acting on Z_2^3 × 4 (partner x XOR 7), which cuts the search to an exact cover
    of 72 pair orbits by 4,800 invariant classes, which CP-SAT solves in seconds
    (`python -m benchmarks.orbit_designs`, seed 0, printed these base classes).
    """
    return xor_developed(
        "4-RGDD(2^16)",
        3,
        4,
        [
            "0_0 1_0 2_0 3_0, 0_1 1_1 4_1 5_1, 0_2 3_2 5_2 6_2, 0_3 2_3 4_3 6_3",
            "0_0 4_0 2_2 6_2, 0_1 3_1 0_3 3_3",
            "0_0 5_0 0_3 5_3, 0_1 2_1 0_2 2_2",
            "0_0 6_0 1_1 7_1, 0_2 1_2 4_3 5_3",
            "0_0 0_1 1_2 6_3",
            "0_0 2_1 7_2 7_3",
            "0_0 3_1 4_2 2_3",
            "0_0 4_1 0_2 3_3",
            "0_0 5_1 3_2 1_3",
            "0_0 6_1 5_2 4_3",
        ],
        7,
    )


def nkts_18() -> ResolvableDesign:
    """A nearly Kirkman triple system on 18 points: 6 tables of 3 for 8 rounds, each meeting 16 of 17.

    No starter over Z_8 × 2 ∪ {∞0, ∞1} exists (the search proves it), so here every class is fixed
    by the swap x_j <-> (x XOR 1)_j of Z_2 × 9, whose pairs are the groups
    (`python -m benchmarks.orbit_designs --bits 1 --parts 9 --table-size 3 --partner 1 --rounds 8
    --workers 1` printed these base classes).
    """
    return xor_developed(
        "NKTS(18)",
        1,
        9,
        [
            "0_0 0_1 0_6, 0_2 0_4 0_8, 0_3 0_5 1_7",
            "0_0 1_1 0_4, 0_2 1_5 1_7, 0_3 1_6 0_8",
            "0_0 0_2 0_3, 0_1 0_4 0_5, 0_6 1_7 0_8",
            "0_0 1_2 1_6, 0_1 1_3 1_7, 0_4 1_5 1_8",
            "0_0 1_3 0_5, 0_1 1_2 0_8, 0_4 0_6 0_7",
            "0_0 1_4 0_7, 0_1 0_3 1_8, 0_2 0_5 1_6",
            "0_0 1_5 0_8, 0_1 0_2 0_7, 0_3 1_4 0_6",
            "0_0 1_7 1_8, 0_1 1_5 1_6, 0_2 1_3 1_4",
        ],
        1,
    )


def _field_arithmetic(q: int) -> tuple[FiniteField, tuple[int, ...], tuple[int, ...]]:
    """GF(q), the powers of its primitive element, and the negative of each element."""
    field = FiniteField(q)
    return field, field.primitive_powers(), tuple(row.index(0) for row in field.add)


def _translates(
    add: Sequence[Sequence[int]], parts: int, base: Sequence[Sequence[tuple[int, int]]]
) -> list[ParallelClass]:
    """The translates of a base class over a ring whose addition table is `add` (Z_n or GF(q)), times `parts`
    parts: point (x, j) is j * n + x, and part `parts` holds the fixed points ∞, never moved."""
    n = len(add)
    return [
        tuple(tuple(sorted(j * n + (x if j == parts else add[x][s]) for x, j in block)) for block in base)
        for s in range(n)
    ]


def kirkman_2q1(q: int) -> ResolvableDesign:
    """A KTS(2q + 1) for a prime power q = 6t + 1: points GF(q) × {0, 1} ∪ {∞}, q rounds of tables of 3.

    With g primitive, ε = g^2t a cube root of unity and y = ε - ε², the base class holds {∞, 0_0, 0_1},
    the blocks {x_0, -x_0, (xy)_1} for x in ε^j g^k (k < t), and the cosets {x, εx, ε²x} in part 1
    left over. The first blocks cover each pure difference of part 0 once (2x runs over a system
    of cosets of the sixth roots) and, since (y + 1)/(y - 1) = -ε, each mixed difference once; the
    cosets cover part 1's. Its q translates join every pair exactly once (in the manner of
    Ray-Chaudhuri and Wilson's direct constructions; KTS(15), 27, ..., 99: every v ≡ 3 mod 12).
    """
    field, power, negative = _field_arithmetic(q)
    t = (q - 1) // 6
    epsilon = power[2 * t]
    y = field.add[epsilon][negative[field.mul[epsilon][epsilon]]]
    start = power.index(y) % (2 * t)
    halves = [field.mul[power[2 * t * j]][power[k]] for k in range(t) for j in range(3)]
    cosets = [power[(start + t + m) % (2 * t) + 2 * t * j] for m in range(t) for j in range(3)]
    base = [
        [(0, 2), (0, 0), (0, 1)],
        *([(x, 0), (negative[x], 0), (field.mul[x][y], 1)] for x in halves),
        *([(x, 1) for x in cosets[i : i + 3]] for i in range(0, len(cosets), 3)),
    ]
    return ResolvableDesign(f"KTS({2 * q + 1})", 2 * q + 1, tuple(_translates(field.add, 2, base)))


def kirkman_3q(q: int) -> ResolvableDesign:
    """A KTS(3q) for a prime power q = 6t + 1: points GF(q) × {0, 1, 2}, (9t + 1) rounds of tables of 3.

    With g primitive, the cube roots of unity are 1, g^2t, g^4t. The base class holds {0_0, 0_1, 0_2},
    the cosets {g^i, g^(i+2t), g^(i+4t)} for i < t in each part (their differences are the cosets
    of the sixth roots, each once), and the transversals A_i = {g^i_0, g^(i+2t)_1, g^(i+4t)_2} with
    ⌊i/t⌋ odd; its q translates are q rounds. Each A_i with ⌊i/t⌋ even gives one more round, its
    q translates. Every pair meets exactly once (a classical direct construction; KTS(21), 39, 57,
    75 and 93 come from it).
    """
    field, power, _ = _field_arithmetic(q)
    t = (q - 1) // 6

    def transversal(i: int) -> list[tuple[int, int]]:
        return [(power[(i + 2 * t * j) % (q - 1)], j) for j in range(3)]

    cosets = [[(power[(i + 2 * t * s) % (q - 1)], j) for s in range(3)] for i in range(t) for j in range(3)]
    base = [[(0, 0), (0, 1), (0, 2)], *cosets, *(transversal(i) for i in range(6 * t) if (i // t) % 2)]
    rounds = _translates(field.add, 3, base) + [
        tuple(block for (block,) in _translates(field.add, 3, [transversal(i)]))
        for i in range(6 * t)
        if (i // t) % 2 == 0
    ]
    return ResolvableDesign(f"KTS({3 * q})", 3 * q, tuple(rounds))


def quadruples_3q1(q: int) -> ResolvableDesign | None:
    """A resolvable (3q + 1, 4, 1) design for a prime power q ≡ 1 (mod 4), when GF(q) has a non-square λ
    with λ² - 1 a non-square too: points GF(q) × {0, 1, 2} ∪ {∞}, q rounds of tables of 4.

    The base class holds {∞, 0_0, 0_1, 0_2} and, for x in a set S of squares with S ∪ -S all the
    squares, {x_j, -x_j, λx_(j+1), -λx_(j+1)} for each part j (mod 3). Part j gets the squares and
    λ times them: every nonzero element once. Pure differences ±2x and ±2λx are each once, mixed
    ones ±(λ - 1)x and ±(λ + 1)x too since λ² - 1 is a non-square. RBIBD(16), 28, 40, 52, 76, 88.
    """
    field, power, negative = _field_arithmetic(q)
    squares = set(power[::2])
    lam = next(
        (x for x in range(2, q) if x not in squares and field.add[field.mul[x][x]][negative[1]] not in squares), None
    )
    if lam is None:
        return None
    halves = sorted(x for x in squares if x < negative[x])
    base = [[(0, 3), (0, 0), (0, 1), (0, 2)]]
    for x in halves:
        scaled = field.mul[lam][x]
        for j in range(3):
            base.append([(x, j), (negative[x], j), (scaled, (j + 1) % 3), (negative[scaled], (j + 1) % 3)])
    return ResolvableDesign(f"RBIBD({3 * q + 1},4,1)", 3 * q + 1, tuple(_translates(field.add, 3, base)))


def stored(family: str, points: int) -> ResolvableDesign | None:
    """The design `starters` holds for (family, points), developed, or None."""
    starter = STARTERS.get((family, points))
    if starter is None:
        return None
    transversals = starter.transversals.split(", ") if starter.transversals else []
    base_classes = [base.split(", ") for base in starter.base_classes.split("; ")]
    return developed(f"{family}({points})", Ring(starter.modulus), starter.parts, base_classes, transversals)


def filled_transversal(filler: ResolvableDesign, k: int) -> ResolvableDesign | None:
    """TD(k, g) on k copies of `filler` (g points, blocks of k): the g rounds of the transversal design
    across the copies, then the filler's rounds in all k copies at once; None without a TD(k, g).

    Two points of different copies meet once, in the TD; two of one copy as the filler has them. So the
    result is of the filler's family on k·g points, with all its rounds: g + (g - 1)/2 = (3g - 1)/2 for a
    Kirkman system (KTS(117) from TD(3, 39) and KTS(39)), g + (g - 2)/2 for a nearly Kirkman one,
    g + (g - 2)/3 or g + (g - 3)/3 for the 4-GDDs of types 2^u and 3^u (2^64 from TD(4, 32) and 2^16).
    """
    g = filler.points
    transversal = transversal_design(k, g)
    if transversal is None:
        return None
    inside = tuple(
        tuple(tuple(x * g + p for p in block) for x in range(k) for block in blocks) for blocks in filler.classes
    )
    groups = tuple(tuple(x * g + p for p in group) for x in range(k) for group in filler.groups)
    return ResolvableDesign(f"{filler.name} in TD({k},{g})", k * g, transversal.classes + inside, groups)


def _filled(family: Callable[[int], ResolvableDesign | None], points: int, k: int) -> ResolvableDesign | None:
    """The family's design on `points` as a TD(k, points/k) filled with the family's design on points/k."""
    filler = family(points // k) if points % k == 0 else None
    return None if filler is None else filled_transversal(filler, k)


@cache
def kirkman(points: int) -> ResolvableDesign | None:
    """A Kirkman triple system on `points` (≡ 3 mod 6): tables of 3, (points - 1)/2 rounds, every pair once.

    The affine spaces AG(n, 3) (9, 27, 81 points) are the affine-geometry family's."""
    if points % 12 == 3 and prime_power((points - 1) // 2):
        return kirkman_2q1((points - 1) // 2)
    if points % 3 == 0 and (points // 3) % 6 == 1 and prime_power(points // 3):
        return kirkman_3q(points // 3)
    return stored("kts", points) or _filled(kirkman, points, 3)


@cache
def nearly_kirkman(points: int) -> ResolvableDesign | None:
    """A nearly Kirkman triple system on `points` (≡ 0 mod 6, >= 18): tables of 3, (points - 2)/2 rounds,
    everyone meeting everyone but one partner (groups of 2)."""
    return nkts_18() if points == 18 else stored("nkts", points) or _filled(nearly_kirkman, points, 3)


@cache
def resolvable_quadruples(points: int) -> ResolvableDesign | None:
    """A resolvable (points, 4, 1) design (points ≡ 4 mod 12): tables of 4, (points - 1)/3 rounds, every
    pair once. AG(2, 4) and AG(3, 4) (16, 64 points) are the affine-geometry family's; 100 (q = 33, no prime
    power) is a stored starter fixed by x -> -x."""
    q = (points - 1) // 3
    closed_form = quadruples_3q1(q) if points % 12 == 4 and prime_power(q) else None
    return closed_form or stored("rbibd", points) or _filled(resolvable_quadruples, points, 4)


@cache
def resolvable_gdd(points: int) -> ResolvableDesign | None:
    """A resolvable 4-GDD: of type 2^u (points ≡ 8 mod 12, (points - 2)/3 rounds) or 3^u (points ≡ 0
    mod 12, (points - 3)/3 rounds); tables of 4, everyone meeting all but their group."""
    if points == 32:
        return rgdd_32()
    return stored("rgdd2", points) or stored("rgdd3", points) or _filled(resolvable_gdd, points, 4)
