"""Search for starters fixed by one more symmetry μ (or a group of them): an exact cover over orbits of blocks.

    python -m benchmarks.symmetric_starters --family rbibd --points 100 --multiplier -1 --fixed-blocks
    python -m benchmarks.symmetric_starters --family rgdd2 --points 44 --multiplier 11 --turn-parts 1
    python -m benchmarks.symmetric_starters --family nkts --points 30 --classes 2 --multiplier 1 \
        --part-images 1:0:3:2 --turn-classes 1
    python -m benchmarks.symmetric_starters --family rgdd2 --points 92 --classes 2 --multiplier 1 \
        --time-limit 10 --sweep GROUPS.txt

The schemes are `starter_search`'s (K base classes over Z_n × parts ∪ ∞ points, each developed mod n;
K = 1 unless `--classes`; with `--field`, over GF(n) × parts, developed by its additive group Z_p^e),
where searching the coordinates of every block found nothing in hours on the large sizes. Here the base
classes are also asked to be fixed by μ: (x, part j) -> (a x, j + `turn_parts`, or the part
`part_images` names), ∞i -> ∞(i + `turn_fixed`, or the ∞ `fixed_images` names), base class c -> c +
`turn_classes`, for a unit a of the ring (over a field, x -> a x^(p^f) with `--frobenius f`). μ
normalises the translations, so it maps pair orbits (differences ±d inside a part, d
between two parts, an ∞ with a part) to pair orbits; it must keep the groups (checked: a unit keeps the
differences 0 and n/2, and a part permutation must keep the bundles of parts whose difference 0 is a
group). The base classes together are then a union of orbits of blocks, a block being placed in one
class and μ moving it to its image in class c + `turn_classes`. Every orbit whose blocks in each class
are disjoint and which covers distinct pair orbits, none a group, is a candidate, and CP-SAT picks
candidates covering each point once in each class and each pair orbit once over all classes: an exact
cover some ten times smaller than the base classes, which it settles in seconds to minutes.
`--fixed-blocks` keeps only blocks μ fixes (unions of point orbits), the one case where enumerating all
4-point blocks of 100 points would be too slow.

Schemes that work (one CP-SAT worker, seed 0):
- RBIBD(3q + 1, 4, 1) for q ≡ 1 (mod 4), here 100 (Z_33 × 3 ∪ {∞}): μ = negation, blocks fixed; the
  blocks {a_i, -a_i, b_j, -b_j} cover their pure differences ±2a, ±2b once whatever the choice.
- 4-RGDD of type 2^u on Z_r × 3 ∪ {∞0, ∞1} (groups {x_j, (x + r/2)_j} and the ∞ pair): a of order 3
  (odd, as every unit of an even r), the parts turned, the ∞ fixed; 44 (a = 11 mod 14), 56 (a = 13 mod 18).
  No μ holding the negation works for an even r with both ∞ fixed or swapped: a block orbit holding B and
  -B covers each pure difference twice, so every block but the ∞ ones is fixed by x -> -x, and then only
  the three blocks through the points 0_j, (r/2)_j can cover the six mixed differences 0 and r/2.
- 4-RGDD of type 3^u on Z_r × 3 ∪ {∞0, ∞1, ∞2} (groups {x_0, x_1, x_2} and the ∞): 72 with the parts and
  the ∞ turned (a = 1: 23 has no unit of order 3); 96 with a group of 9 (`--also`): x -> 5x with the ∞ turned
  and x -> 5x with the parts turned, the ∞ fixed.
- Two classes: NKTS(30) on Z_7 × 4 ∪ {∞0, ∞1} (groups {x_0, x_1}, {x_2, x_3}) with μ swapping the parts
  of each group and the two classes (1.5 deterministic s). For an odd n, Z_n × 2 parts is Z_2n × 1 part,
  so a class swap with the parts of each group swapped is the one-class scheme over Z_2n again (44 over
  Z_7 × 6 that way has the 13,766 candidate orbits of its Z_14 search).
- Over a field: RBIBD(28) on GF(9) × 3 ∪ {∞} with μ = (4 x^3, j + 1) (its square is the negation; tests).
`--also` adds symmetries: the base classes are then fixed by the group all generate, whose orbits of
blocks are larger still. `--least` asks ∞0's block of the first class to be the least of its multiples
by the units commuting with μ (a symmetry of every such cover), `--most-per-part` bounds a block's points
in one part; both only shrink the search. The candidates are enumerated with numpy, every joinable
block moved by every element of the group at once (80 people, 78,814 orbits: 3 s, where a block at
a time took 47 s); `--sweep` tries a file of groups, one a line. The strings printed are what
`speeddating.solver.designs.developed` reads (classes separated by "; ").
"""

import argparse
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from ortools.sat.python import cp_model

from benchmarks.starter_search import Scheme, one_worker_solver, scheme
from speeddating.solver.designs import developed

Key = tuple[str, int, int, int]
"""A pair orbit under the translations: ("pure", part, ±d, 0), ("mixed", p, q, d) or ("fixed", ∞, part, 0)."""

Placed = tuple[int, tuple[int, ...]]
"""A block of one base class: (class, its points)."""

Points = NDArray[np.int64]
"""Rows of points (blocks, or where each group element sends each point)."""

CHUNK = 1_000_000
"""Rows of blocks moved at once (times the group's order), which bounds the memory numpy takes."""


def sorted_columns(columns: list[Points]) -> list[Points]:
    """The i-th least of the `columns` at each place, for each i (a block's points, one column per
    point, sorted block by block): a network of minima and maxima, much faster than numpy's sort on
    millions of rows of 3 or 4."""
    columns = list(columns)
    for end in range(len(columns) - 1, 0, -1):
        for i in range(end):
            columns[i], columns[i + 1] = np.minimum(columns[i], columns[i + 1]), np.maximum(columns[i], columns[i + 1])
    return columns


def all_distinct(values: Points, repeated: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Per row of `values` (blocks × images × entries), whether the entries of its images not
    `repeated` are all distinct."""
    rows, images, entries = values.shape
    unique = -1 - np.arange(rows * images * entries).reshape(values.shape)
    flat = np.where(repeated[..., None], unique, values).reshape(rows, images * entries)
    flat.sort(axis=1)
    repeats: NDArray[np.bool_] = (flat[:, 1:] == flat[:, :-1]).any(axis=1)
    return ~repeats


@dataclass(frozen=True)
class Symmetry:
    """μ: (x, j) -> (multiplier · x^(p^frobenius), j + turn_parts), ∞i -> ∞(i + turn_fixed), base class
    c -> c + turn_classes (a Frobenius power only over a field GF(p^e); the multiplier a unit).

    `part_images`, when given, is where each part goes instead of the turn (e.g. swapping the two parts
    of every group bundle: (1, 0, 3, 2, 5, 4)), and `fixed_images` where each ∞ goes (e.g. (0, 2, 1));
    a μ moving the classes asks one class to be the image of another rather than each class to be fixed."""

    multiplier: int
    turn_parts: int = 0
    turn_fixed: int = 0
    turn_classes: int = 0
    part_images: tuple[int, ...] = ()
    frobenius: int = 0
    fixed_images: tuple[int, ...] = ()

    def part(self, j: int, parts: int) -> int:
        return self.part_images[j] if self.part_images else (j + self.turn_parts) % parts

    def fixed_point(self, i: int, fixed: int) -> int:
        return self.fixed_images[i] if self.fixed_images else (i + self.turn_fixed) % fixed


def symmetry(text: str) -> Symmetry:
    """A symmetry written A,PARTS,FIXED[,CLASSES]: PARTS and FIXED a turn, or the image of each part (∞)
    joined by ":"; A the multiplier a, or over a field aFf for x -> a · x^(p^f) ("F": x -> x^p)."""
    a, parts, fixed, *classes = text.split(",")
    multiplier, frobenius = a.split("F") if "F" in a else (a, "0")
    return Symmetry(
        int(multiplier or 1),
        0 if ":" in parts else int(parts),
        0 if ":" in fixed else int(fixed),
        int(classes[0]) if classes else 0,
        images(parts),
        int(frobenius or 1),
        images(fixed),
    )


def images(text: str) -> tuple[int, ...]:
    """A permutation written "1:0:3:2" (nothing for a turn, written as one number)."""
    return tuple(int(j) for j in text.split(":")) if ":" in text else ()


class OrbitCover:
    """The points of a scheme (part j's x is j·n + x, ∞i is n·parts + i, x an element of its ring Z_n
    or GF(n)), their pair orbits and the group the symmetries generate, acting on the blocks of the
    scheme's base classes."""

    def __init__(self, s: Scheme, *generators: Symmetry) -> None:
        self.scheme = s
        self.ring = s.ring
        self.size = s.modulus * s.parts + s.fixed
        self.keys = [[self.key(p, q) for q in range(self.size)] for p in range(self.size)]
        self.automorphisms = [self.ring.automorphism(self.ring.element(g.multiplier), g.frobenius) for g in generators]
        self.images = [self.image_of(g, a) for g, a in zip(generators, self.automorphisms, strict=True)]
        self.class_images = [[(c + g.turn_classes) % s.classes for c in range(s.classes)] for g in generators]

    def image_of(self, g: Symmetry, automorphism: tuple[int, ...]) -> list[int]:
        """Where the symmetry g, whose coordinates move by `automorphism`, sends each point (ValueError
        unless it is one that keeps the groups)."""
        s, n = self.scheme, self.scheme.modulus
        if g.part_images and sorted(g.part_images) != list(range(s.parts)):
            raise ValueError(f"{g.part_images} is not a permutation of the {s.parts} parts")
        if g.fixed_images and sorted(g.fixed_images) != list(range(s.fixed)):
            raise ValueError(f"{g.fixed_images} is not a permutation of the {s.fixed} ∞ points")
        image = [
            automorphism[p % n] + n * g.part(p // n, s.parts)
            if p < n * s.parts
            else n * s.parts + g.fixed_point(p - n * s.parts, s.fixed)
            for p in range(self.size)
        ]
        if any(
            (self.keys[p][q] is None) != (self.keys[image[p]][image[q]] is None)
            for p, q in combinations(range(self.size), 2)
        ):
            raise ValueError(f"{g} does not keep the groups")
        return image

    def key(self, p: int, q: int) -> Key | None:
        """The pair orbit of points p and q, or None for a pair no block may join (a group, two ∞)."""
        s, n, finite = self.scheme, self.scheme.modulus, self.scheme.modulus * self.scheme.parts
        if p == q or (p >= finite and q >= finite):
            return None
        if q >= finite or p >= finite:
            fixed, other = max(p, q), min(p, q)
            return ("fixed", fixed - finite, other // n, 0)
        (i, x), (j, y) = sorted((divmod(p, n), divmod(q, n)))
        if i == j:
            e = min(self.ring.minus(y, x), self.ring.minus(x, y))
            return None if e == s.pure_excluded else ("pure", i, e, 0)
        d = self.ring.minus(y, x)
        return None if d == s.excluded(i, j) else ("mixed", i, j, d)

    def orbit(self, placed: Placed) -> list[Placed]:
        """The blocks the symmetries make of `placed` (its orbit under the group they generate), itself first."""
        out, seen = [placed], {placed}
        for c, block in out:
            for image, classes in zip(self.images, self.class_images, strict=True):
                turned = (classes[c], tuple(sorted(image[p] for p in block)))
                if turned not in seen:
                    seen.add(turned)
                    out.append(turned)
        return out

    def first_classes(self) -> list[int]:
        """The least class of each orbit of classes under the group: every block orbit has a block there."""
        reached: set[int] = set()
        firsts = []
        for c in range(self.scheme.classes):
            if c not in reached:
                firsts.append(c)
                reached.update(d for d, _ in self.orbit((c, ())))
        return firsts

    def blocks(self, fixed_only: bool, most_per_part: int, through_fixed: bool = False) -> Points:
        """Every block of `block_size` points joining no group pair, at most `most_per_part` of them in
        one part, one row each in increasing order (only blocks every symmetry fixes if `fixed_only`,
        in the order of the point orbits they join; only blocks through an ∞ point if `through_fixed`)."""
        k, n = self.scheme.block_size, self.scheme.modulus
        finite = n * self.scheme.parts
        if fixed_only:
            orbits = sorted({min(b for _, b in self.orbit((0, (p,)))) for p in range(self.size)})
            point_orbits = [tuple(sorted(q for _, (q,) in self.orbit((0, first)))) for first in orbits]
            fixed = []
            for count in range(1, k + 1):
                for chosen in combinations(point_orbits, count):
                    block = tuple(sorted(p for orbit in chosen for p in orbit))
                    crowded = any(sum(p // n == j for p in block) > most_per_part for j in range(self.scheme.parts))
                    if len(block) == k and self.joinable(block) and not crowded:
                        fixed.append(block)
            fixed_blocks = np.array(fixed, dtype=np.int64).reshape(-1, k)
            return fixed_blocks[fixed_blocks[:, -1] >= finite] if through_fixed else fixed_blocks
        joinable = np.array([[key is not None for key in row] for row in self.keys])
        part = np.array([p // n if p < finite else -1 - p for p in range(self.size)])
        every = np.arange(self.size)
        blocks: Points = every[:, None]
        for step in range(1, k):
            grown = []
            for chunk in np.array_split(blocks, len(blocks) * self.size // CHUNK + 1):
                allowed = joinable[chunk].all(axis=1) & (every > chunk[:, -1:])
                allowed &= (part[chunk][:, :, None] == part).sum(axis=1) < most_per_part
                if through_fixed and step == k - 1:
                    allowed &= every >= finite
                rows, added = np.nonzero(allowed)
                grown.append(np.column_stack((chunk[rows], added)))
            blocks = np.concatenate(grown)
        return blocks

    def joinable(self, block: tuple[int, ...]) -> bool:
        return all(self.keys[p][q] is not None for p, q in combinations(block, 2))

    def commuting_units(self) -> list[int]:
        """The units u whose multiplication x_j -> (u x)_j commutes with every symmetry (all of them
        for multipliers; under a Frobenius power, those it fixes). Each keeps every group, so it maps a
        solution to a solution."""
        mul = self.ring.mul
        return [
            u
            for u in range(self.ring.order)
            if self.ring.is_unit(u)
            and all(a[mul[u][x]] == mul[u][a[x]] for a in self.automorphisms for x in range(self.ring.order))
        ]

    def least_under_units(self, orbit: list[Placed], units: list[int]) -> bool:
        """False when the orbit holds ∞0's block of the first class and one of the commuting `units`
        would make the least coordinate of its first part smaller: each solution has such a multiple,
        so asking for the least one only cuts the search."""
        n, finite = self.scheme.modulus, self.scheme.modulus * self.scheme.parts
        holding = [b for c, b in orbit if c == 0 and finite in b]
        if not holding:
            return True
        points = [p for p in holding[0] if p < finite]
        first = min(p // n for p in points)
        values = [p % n for p in points if p // n == first]
        return min(values) == min(self.ring.mul[u][x] for u in units for x in values)

    def group(self) -> tuple[Points, Points]:
        """Every element of the group the symmetries generate, as where it sends each point (one row per
        element) and each base class, the identity first."""
        identity = (tuple(range(self.size)), tuple(range(self.scheme.classes)))
        elements, reached = [identity], {identity}
        for points, classes in elements:
            for image, moved in zip(self.images, self.class_images, strict=True):
                element = (tuple(image[p] for p in points), tuple(moved[c] for c in classes))
                if element not in reached:
                    reached.add(element)
                    elements.append(element)
        return np.array([p for p, _ in elements]), np.array([c for _, c in elements])

    def candidates(
        self, fixed_only: bool, least: bool = False, most_per_part: int | None = None, through_fixed: bool = False
    ) -> list[list[Placed]]:
        """The orbits of blocks the base classes may hold: in each class disjoint blocks, over the orbit
        distinct pair orbits, each orbit listed once (from its least block, itself first), in the order
        of that block and its class; with `least`, ∞0's block only in the form `least_under_units` keeps;
        `most_per_part` bounds the points of a block in one part; `through_fixed` keeps the orbits of
        blocks through an ∞ point (the symmetries keep the ∞ together), a tenth of them or less.

        Every joinable block is moved by every element of the group at once with numpy (millions of
        blocks on 80-100 points); `least` is checked in Python on the orbits found, far fewer."""
        k, size = self.scheme.block_size, self.size
        point_images, class_images = self.group()
        key_ids: dict[Key, int] = {}
        key_of = np.array(
            [[-1 if key is None else key_ids.setdefault(key, len(key_ids)) for key in row] for row in self.keys]
        )
        pairs = list(combinations(range(k), 2))
        blocks = self.blocks(fixed_only, most_per_part or k, through_fixed)
        found: list[tuple[int, int, list[Placed]]] = []
        for order, c in enumerate(self.first_classes()):
            classes = class_images[:, c]
            for offset in range(0, len(blocks), CHUNK // len(classes)):
                chunk = blocks[offset : offset + CHUNK // len(classes)]
                columns = sorted_columns([point_images[:, chunk[:, i]] for i in range(k)])
                codes = sum(
                    (column * size ** (k - 1 - i) for i, column in enumerate(columns)), classes[:, None] * size**k
                )
                least_first = np.nonzero(codes.min(axis=0) == codes[0])[0]
                codes = codes[:, least_first].T
                images = np.stack([column[:, least_first].T for column in columns], axis=2)
                repeated = np.zeros(codes.shape, dtype=bool)
                for j in range(1, len(classes)):
                    repeated[:, j] = (codes[:, j : j + 1] == codes[:, :j]).any(axis=1)
                disjoint = np.nonzero(all_distinct(classes[:, None] * size + images, repeated))[0]
                images, repeated, least_first = images[disjoint], repeated[disjoint], least_first[disjoint]
                keys = np.stack([key_of[images[..., a], images[..., b]] for a, b in pairs], axis=2)
                kept = np.nonzero(all_distinct(keys, repeated))[0]
                moved = classes.tolist()
                for first, blocks_moved, copies in zip(
                    least_first[kept].tolist(), images[kept].tolist(), repeated[kept].tolist(), strict=True
                ):
                    orbit = [
                        (moved[j], tuple(b))
                        for j, (b, copy) in enumerate(zip(blocks_moved, copies, strict=True))
                        if not copy
                    ]
                    found.append((offset + first, order, orbit))
        units = self.commuting_units()
        return [orbit for _, _, orbit in sorted(found) if not least or self.least_under_units(orbit, units)]

    def uncovered_fixed(self, orbits: list[list[Placed]]) -> list[str]:
        """The ∞ points of a class and the pair orbits of an ∞ with a part that no orbit of `orbits`
        covers: only blocks through that ∞ can, so when one is missing from the orbits through the ∞
        points, no cover exists, which is told without the other orbits (nine tenths of them) or CP-SAT."""
        finite = self.scheme.modulus * self.scheme.parts
        points = {(c, p) for orbit in orbits for c, block in orbit for p in block}
        keys = {self.keys[p][q] for orbit in orbits for _, block in orbit for p, q in combinations(block, 2)}
        classes, parts = range(self.scheme.classes), range(self.scheme.parts)
        return [
            f"{self.label(p)} in class {c}" for c in classes for p in range(finite, self.size) if (c, p) not in points
        ] + [
            f"{self.label(finite + i)} with part {j}"
            for i in range(self.scheme.fixed)
            for j in parts
            if ("fixed", i, j, 0) not in keys
        ]

    def label(self, p: int) -> str:
        n, finite = self.scheme.modulus, self.scheme.modulus * self.scheme.parts
        if p >= finite:
            return "∞" if self.scheme.fixed == 1 else f"∞{p - finite}"
        return f"{p % n}_{p // n}"

    def written(self, block: tuple[int, ...]) -> str:
        """The block as `developed` reads it, its ∞ first."""
        finite = self.scheme.modulus * self.scheme.parts
        return " ".join(self.label(p) for p in sorted(block, key=lambda p: (p < finite, p)))


def solve_cover(
    cover: OrbitCover,
    fixed_only: bool,
    *,
    least: bool = False,
    most_per_part: int | None = None,
    seed: int,
    time_limit: float,
) -> tuple[str, list[list[str]] | None]:
    """CP-SAT's status and the base classes fixed (or permuted) by the symmetries, as `developed` reads
    them, or None when it finds none in `time_limit` deterministic seconds (one worker, so a run
    repeats exactly)."""
    orbits = cover.candidates(fixed_only, least, most_per_part)
    print(f"{len(orbits)} candidate orbits")
    model = cp_model.CpModel()
    chosen = [model.new_bool_var("") for _ in orbits]
    by_point: dict[tuple[int, int], list[cp_model.IntVar]] = {
        (c, p): [] for c in range(cover.scheme.classes) for p in range(cover.size)
    }
    by_key: dict[Key, list[cp_model.IntVar]] = {key: [] for row in cover.keys for key in row if key is not None}
    for x, orbit in zip(chosen, orbits, strict=True):
        for c, block in orbit:
            for p in block:
                by_point[c, p].append(x)
            for p, q in combinations(block, 2):
                key = cover.keys[p][q]
                assert key is not None
                by_key[key].append(x)
    for group in (*by_point.values(), *by_key.values()):
        model.add_exactly_one(group)
    solver = one_worker_solver(time_limit, seed)
    status = solver.solve(model)
    print(
        f"{solver.status_name(status)} after {solver.wall_time:.1f} s ({solver.deterministic_time:.1f} deterministic)"
    )
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return solver.status_name(status), None
    picked = [orbit for x, orbit in zip(chosen, orbits, strict=True) if solver.value(x)]
    base = [[cover.written(b) for orbit in picked for d, b in orbit if d == c] for c in range(cover.scheme.classes)]
    return solver.status_name(status), base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", required=True, choices=("nkts", "rbibd", "rgdd2", "rgdd3"))
    parser.add_argument("--points", type=int, required=True)
    parser.add_argument("--classes", type=int, default=1, help="base classes, each developed by Z_(rounds/classes)")
    parser.add_argument("--multiplier", type=int, required=True, help="a in x -> a x (a unit mod n)")
    parser.add_argument("--field", action="store_true", help="coordinates in GF(n), not Z_n (n a prime power)")
    parser.add_argument("--frobenius", type=int, default=0, help="over a field, μ takes x to a x^(p^this)")
    parser.add_argument("--turn-parts", type=int, default=0, help="μ moves part j to j + this")
    parser.add_argument("--part-images", help="instead, where μ sends each part, joined by ':' (1:0:3:2)")
    parser.add_argument("--turn-fixed", type=int, default=0, help="μ moves ∞i to ∞(i + this)")
    parser.add_argument("--fixed-images", help="instead, where μ sends each ∞, joined by ':' (0:2:1)")
    parser.add_argument("--turn-classes", type=int, default=0, help="μ moves base class c to c + this")
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        help="one more symmetry A,PARTS,FIXED[,CLASSES] (PARTS a turn or images joined by ':'; A may be "
        "aFf for a x^(p^f) over a field): the base classes are fixed by the group all make",
    )
    parser.add_argument("--fixed-blocks", action="store_true", help="only blocks μ fixes")
    parser.add_argument("--least", action="store_true", help="∞0's block least under the units (cuts symmetry)")
    parser.add_argument("--most-per-part", type=int, help="points of a block in one part, at most")
    parser.add_argument("--count-only", action="store_true", help="print the number of candidates and stop")
    parser.add_argument("--sweep", type=Path, help="a file of groups to try in turn, one a line (--also strings)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--time-limit", type=float, default=60.0, help="CP-SAT deterministic seconds")
    args = parser.parse_args()
    s = scheme(args.family, args.points, args.classes)
    if args.field:
        s = s.on_field()
    mu = Symmetry(
        args.multiplier,
        args.turn_parts,
        args.turn_fixed,
        args.turn_classes,
        images(args.part_images or ""),
        args.frobenius,
        images(args.fixed_images or ""),
    )
    if args.sweep:
        sweep(s, mu, args)
        return
    cover = OrbitCover(s, mu, *(symmetry(text) for text in args.also))
    if args.count_only:
        print(len(cover.candidates(args.fixed_blocks, args.least, args.most_per_part)), "candidate orbits")
        return
    _, base = solved(cover, args)
    report(s, base)


def solved(cover: OrbitCover, args: argparse.Namespace) -> tuple[str, list[list[str]] | None]:
    """`solve_cover` with the command line's options."""
    return solve_cover(
        cover,
        args.fixed_blocks,
        least=args.least,
        most_per_part=args.most_per_part,
        seed=args.seed,
        time_limit=args.time_limit,
    )


def sweep(s: Scheme, mu: Symmetry, args: argparse.Namespace) -> None:
    """Try each group of the `--sweep` file in turn (a line: the symmetries added to μ, as `--also`
    writes them, blank-separated), with `--time-limit` each, and count the outcomes: the way to rule
    out hundreds of groups, most of which fail at once (with `--count-only`, only each group's number of
    candidates, to order the file). The orbits through the ∞ points come first: when they leave an ∞
    uncovered (`uncovered_fixed`), the group is out without the rest."""
    outcomes: Counter[str] = Counter()
    for line in args.sweep.read_text(encoding="utf-8").splitlines():
        if not line.split():
            continue
        print("==", line, flush=True)
        cover = OrbitCover(s, mu, *(symmetry(text) for text in line.split()))
        if args.count_only:
            print(len(cover.candidates(args.fixed_blocks, args.least, args.most_per_part)), "candidate orbits")
            continue
        missing = cover.uncovered_fixed(cover.candidates(args.fixed_blocks, args.least, args.most_per_part, True))
        if missing:
            print("INFEASIBLE: no candidate orbit covers", ", ".join(missing[:3]), "..." * (len(missing) > 3))
            outcomes["INFEASIBLE, an ∞ uncovered"] += 1
            continue
        status, base = solved(cover, args)
        outcomes[status] += 1
        if base is not None:
            report(s, base)
    print("outcomes:", ", ".join(f"{count} {status}" for status, count in sorted(outcomes.items())))


def report(s: Scheme, base: list[list[str]] | None) -> None:
    """What the base classes found develop into, and the string to store them as."""
    if base is None:
        print("no base classes found")
        return
    design = developed("found", s.ring, s.parts, base)
    met = [pair for blocks in design.classes for block in blocks for pair in combinations(block, 2)]
    apart = sum(len(g) * (len(g) - 1) // 2 for g in design.groups)
    print(
        f"modulus {s.modulus}, parts {s.parts}: {len(met)} pairs joined ({len(set(met))} distinct), {apart} in groups"
    )
    print(repr("; ".join(", ".join(blocks) for blocks in base)), flush=True)


if __name__ == "__main__":
    main()
