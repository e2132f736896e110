"""Search for starters fixed by one more symmetry μ (or a group of them): an exact cover over orbits of blocks.

    python -m benchmarks.symmetric_starters --family rbibd --points 100 --multiplier -1 --fixed-blocks
    python -m benchmarks.symmetric_starters --family rgdd2 --points 44 --multiplier 11 --turn-parts 1
    python -m benchmarks.symmetric_starters --family nkts --points 30 --classes 2 --multiplier 1 \
        --part-images 1:0:3:2 --turn-classes 1

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
in one part; both only shrink the search. The strings printed are what `speeddating.solver.designs.developed`
reads (classes separated by "; ").
"""

import argparse
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from ortools.sat.python import cp_model

from benchmarks.starter_search import Scheme, scheme
from speeddating.solver.designs import developed

Key = tuple[str, int, int, int]
"""A pair orbit under the translations: ("pure", part, ±d, 0), ("mixed", p, q, d) or ("fixed", ∞, part, 0)."""

Placed = tuple[int, tuple[int, ...]]
"""A block of one base class: (class, its points)."""


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

    def blocks(self, fixed_only: bool, most_per_part: int) -> Iterator[tuple[int, ...]]:
        """Every block of `block_size` points joining no group pair, at most `most_per_part` of them in
        one part (only blocks every symmetry fixes if `fixed_only`)."""
        k, n, finite = self.scheme.block_size, self.scheme.modulus, self.scheme.modulus * self.scheme.parts
        if fixed_only:
            orbits = sorted({min(b for _, b in self.orbit((0, (p,)))) for p in range(self.size)})
            point_orbits = [tuple(sorted(q for _, (q,) in self.orbit((0, first)))) for first in orbits]
            for count in range(1, k + 1):
                for chosen in combinations(point_orbits, count):
                    block = tuple(sorted(p for orbit in chosen for p in orbit))
                    crowded = any(sum(p // n == j for p in block) > most_per_part for j in range(self.scheme.parts))
                    if len(block) == k and self.joinable(block) and not crowded:
                        yield block
            return

        def extend(block: tuple[int, ...]) -> Iterator[tuple[int, ...]]:
            if len(block) == k:
                yield block
                return
            for p in range((block[-1] + 1) if block else 0, self.size):
                same_part = p < finite and sum(q // n == p // n for q in block) >= most_per_part
                if not same_part and all(self.keys[q][p] is not None for q in block):
                    yield from extend((*block, p))

        yield from extend(())

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

    def candidates(self, fixed_only: bool, least: bool = False, most_per_part: int | None = None) -> list[list[Placed]]:
        """The orbits of blocks the base classes may hold: in each class disjoint blocks, over the orbit
        distinct pair orbits, each orbit listed once (from its least block); with `least`, ∞0's block
        only in the form `least_under_units` keeps; `most_per_part` bounds the points of a block in one part."""
        found = []
        firsts = self.first_classes()
        units = self.commuting_units()
        for block in self.blocks(fixed_only, most_per_part or self.scheme.block_size):
            for c in firsts:
                orbit = self.orbit((c, block))
                if min(orbit) != (c, block) or (least and not self.least_under_units(orbit, units)):
                    continue
                points = [(d, p) for d, b in orbit for p in b]
                keys = [self.keys[p][q] for _, b in orbit for p, q in combinations(b, 2)]
                if len(set(points)) == len(points) and len(set(keys)) == len(keys):
                    found.append(orbit)
        return found

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
) -> list[list[str]] | None:
    """The base classes fixed (or permuted) by the symmetries, as `developed` reads them, or None when
    CP-SAT finds none in `time_limit` deterministic seconds (one worker, so a run repeats exactly)."""
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
    solver = cp_model.CpSolver()
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = time_limit
    status = solver.solve(model)
    print(
        f"{solver.status_name(status)} after {solver.wall_time:.1f} s ({solver.deterministic_time:.1f} deterministic)"
    )
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    picked = [orbit for x, orbit in zip(chosen, orbits, strict=True) if solver.value(x)]
    return [[cover.written(b) for orbit in picked for d, b in orbit if d == c] for c in range(cover.scheme.classes)]


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
    cover = OrbitCover(s, mu, *(symmetry(text) for text in args.also))
    if args.count_only:
        print(len(cover.candidates(args.fixed_blocks, args.least, args.most_per_part)), "candidate orbits")
        return
    base = solve_cover(
        cover,
        args.fixed_blocks,
        least=args.least,
        most_per_part=args.most_per_part,
        seed=args.seed,
        time_limit=args.time_limit,
    )
    if base is None:
        print("no base classes found")
        return
    design = developed("found", s.ring, s.parts, base)
    met = [pair for blocks in design.classes for block in blocks for pair in combinations(block, 2)]
    apart = sum(len(g) * (len(g) - 1) // 2 for g in design.groups)
    print(
        f"modulus {s.modulus}, parts {s.parts}: {len(met)} pairs joined ({len(set(met))} distinct), {apart} in groups"
    )
    print(repr("; ".join(", ".join(blocks) for blocks in base)))


if __name__ == "__main__":
    main()
