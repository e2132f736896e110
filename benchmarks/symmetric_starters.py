"""Search for starters fixed by one more symmetry μ (or two): an exact cover over μ-orbits of blocks.

    python -m benchmarks.symmetric_starters --family rbibd --points 100 --multiplier -1 --fixed-blocks
    python -m benchmarks.symmetric_starters --family rgdd2 --points 44 --multiplier 11 --turn-parts 1

The schemes are `starter_search`'s (one base class over Z_n × parts ∪ ∞ points, developed mod n), where
searching the coordinates of every block found nothing in hours on the large sizes. Here the base class
is also asked to be fixed by μ: (x, part j) -> (a x, j + `turn_parts`), ∞i -> ∞(i + `turn_fixed`), for a
unit a of Z_n. μ normalises the translations, so it maps pair orbits (differences ±d inside a part, d
between two parts, an ∞ with a part) to pair orbits, and groups to groups (a unit keeps the differences
0 and n/2, and ∞ pairs stay ∞ pairs); a μ-fixed base class is a
union of μ-orbits of blocks. Every orbit whose blocks are disjoint and cover distinct pair orbits,
none a group, is a candidate, and CP-SAT picks candidates covering each point once and each pair orbit
once: an exact cover some ten times smaller than the base class, which it settles in seconds to
minutes. `--fixed-blocks` keeps only blocks μ fixes (unions of point orbits), the one case where
enumerating all 4-point blocks of 100 points would be too slow.

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
`--also` adds a second symmetry: the base class is then fixed by the group both generate, whose orbits of
blocks are larger still. `--least` asks ∞0's block to be the least of its multiples by units (a symmetry
of every such cover), `--most-per-part` bounds a block's points in one part; both only shrink the search.
The strings printed are what `speeddating.solver.designs.developed` reads.
"""

import argparse
import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from ortools.sat.python import cp_model

from benchmarks.starter_search import Scheme, scheme
from speeddating.solver.designs import developed

Key = tuple[str, int, int, int]
"""A pair orbit under the translations: ("pure", part, ±d, 0), ("mixed", p, q, d) or ("fixed", ∞, part, 0)."""


@dataclass(frozen=True)
class Symmetry:
    """μ: (x, j) -> (multiplier · x, j + turn_parts), ∞i -> ∞(i + turn_fixed)."""

    multiplier: int
    turn_parts: int = 0
    turn_fixed: int = 0


class OrbitCover:
    """The points of a scheme (part j's x is j·n + x, ∞i is n·parts + i), their pair orbits and μ."""

    def __init__(self, s: Scheme, mu: Symmetry, also: Symmetry | None = None) -> None:
        n = s.modulus
        self.scheme = s
        self.size = n * s.parts + s.fixed
        self.images = [self.image_of(g) for g in (mu, *([also] if also else []))]
        self.keys = [[self.key(p, q) for q in range(self.size)] for p in range(self.size)]

    def image_of(self, g: Symmetry) -> list[int]:
        """Where the symmetry g sends each point."""
        s, n = self.scheme, self.scheme.modulus
        if math.gcd(g.multiplier, n) != 1:
            raise ValueError(f"{g.multiplier} is not a unit modulo {n}")
        return [
            (g.multiplier * (p % n)) % n + n * ((p // n + g.turn_parts) % s.parts)
            if p < n * s.parts
            else n * s.parts + (p - n * s.parts + g.turn_fixed) % s.fixed
            for p in range(self.size)
        ]

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
            e = min((y - x) % n, (x - y) % n)
            return None if e == s.pure_excluded else ("pure", i, e, 0)
        d = (y - x) % n
        return None if d == s.excluded(i, j) else ("mixed", i, j, d)

    def orbit(self, block: tuple[int, ...]) -> list[tuple[int, ...]]:
        """The blocks the symmetries make of `block` (its orbit under the group they generate), itself first."""
        out, seen = [block], {block}
        for current in out:
            for image in self.images:
                turned = tuple(sorted(image[p] for p in current))
                if turned not in seen:
                    seen.add(turned)
                    out.append(turned)
        return out

    def blocks(self, fixed_only: bool, most_per_part: int) -> Iterator[tuple[int, ...]]:
        """Every block of `block_size` points joining no group pair, at most `most_per_part` of them in
        one part (only μ-fixed ones if `fixed_only`)."""
        k, n, finite = self.scheme.block_size, self.scheme.modulus, self.scheme.modulus * self.scheme.parts
        if fixed_only:
            orbits = sorted({min(self.orbit((p,))) for p in range(self.size)})
            point_orbits = [tuple(sorted(q for (q,) in self.orbit(first))) for first in orbits]
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

    def least_under_units(self, orbit: list[tuple[int, ...]]) -> bool:
        """False when the orbit holds ∞0's block and a unit u (x_j -> (u x)_j, which commutes with μ and
        keeps every group) would make the least coordinate of its first part smaller: each solution has
        such a multiple, so asking for the least one only cuts the search."""
        n, finite = self.scheme.modulus, self.scheme.modulus * self.scheme.parts
        holding = [b for b in orbit if finite in b]
        if not holding:
            return True
        points = [p for p in holding[0] if p < finite]
        first = min(p // n for p in points)
        values = [p % n for p in points if p // n == first]
        units = [u for u in range(1, n) if math.gcd(u, n) == 1]
        return min(values) == min(u * x % n for u in units for x in values)

    def candidates(
        self, fixed_only: bool, least: bool = False, most_per_part: int | None = None
    ) -> list[list[tuple[int, ...]]]:
        """The μ-orbits of blocks a μ-fixed base class may hold: disjoint blocks covering distinct pair
        orbits, each orbit listed once (from its least block); with `least`, ∞0's block only in the
        form `least_under_units` keeps; `most_per_part` bounds the points of a block in one part."""
        found = []
        for block in self.blocks(fixed_only, most_per_part or self.scheme.block_size):
            orbit = self.orbit(block)
            if min(orbit) != block or (least and not self.least_under_units(orbit)):
                continue
            points = [p for b in orbit for p in b]
            keys = [self.keys[p][q] for b in orbit for p, q in combinations(b, 2)]
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
) -> list[str] | None:
    """The blocks of a μ-fixed base class (as `developed` reads them), or None when CP-SAT finds none in
    `time_limit` deterministic seconds (one worker, so a run repeats exactly)."""
    orbits = cover.candidates(fixed_only, least, most_per_part)
    print(f"{len(orbits)} candidate orbits")
    model = cp_model.CpModel()
    chosen = [model.new_bool_var("") for _ in orbits]
    by_point: dict[int, list[cp_model.IntVar]] = {p: [] for p in range(cover.size)}
    by_key: dict[Key, list[cp_model.IntVar]] = {}
    for p, q in combinations(range(cover.size), 2):
        key = cover.keys[p][q]
        if key is not None:
            by_key.setdefault(key, [])
    for x, orbit in zip(chosen, orbits, strict=True):
        for block in orbit:
            for p in block:
                by_point[p].append(x)
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
    return [cover.written(b) for x, orbit in zip(chosen, orbits, strict=True) if solver.value(x) for b in orbit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", required=True, choices=("rbibd", "rgdd2", "rgdd3"))
    parser.add_argument("--points", type=int, required=True)
    parser.add_argument("--multiplier", type=int, required=True, help="a in x -> a x (a unit mod n)")
    parser.add_argument("--turn-parts", type=int, default=0, help="μ moves part j to j + this")
    parser.add_argument("--turn-fixed", type=int, default=0, help="μ moves ∞i to ∞(i + this)")
    parser.add_argument(
        "--also", help="a second symmetry A,TURN_PARTS,TURN_FIXED: the base class is fixed by the group both make"
    )
    parser.add_argument("--fixed-blocks", action="store_true", help="only blocks μ fixes")
    parser.add_argument("--least", action="store_true", help="∞0's block least under the units (cuts symmetry)")
    parser.add_argument("--most-per-part", type=int, help="points of a block in one part, at most")
    parser.add_argument("--count-only", action="store_true", help="print the number of candidates and stop")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--time-limit", type=float, default=60.0, help="CP-SAT deterministic seconds")
    args = parser.parse_args()
    s = scheme(args.family, args.points)
    also = Symmetry(*(int(v) for v in args.also.split(","))) if args.also else None
    cover = OrbitCover(s, Symmetry(args.multiplier % s.modulus, args.turn_parts, args.turn_fixed), also)
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
        print("no base class found")
        return
    design = developed("found", s.modulus, s.parts, [base])
    met = [pair for blocks in design.classes for block in blocks for pair in combinations(block, 2)]
    apart = sum(len(g) * (len(g) - 1) // 2 for g in design.groups)
    print(
        f"modulus {s.modulus}, parts {s.parts}: {len(met)} pairs joined ({len(set(met))} distinct), {apart} in groups"
    )
    print(repr(", ".join(base)))


if __name__ == "__main__":
    main()
