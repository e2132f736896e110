"""Search for a 4-RGDD of type 3^28 (84 people, 27 rounds) by inflating RBIBD(28,4,1) by 3.

    python -m benchmarks.inflation_search --time-limit 60 --phi 1,1
    python -m benchmarks.inflation_search --q 5

`--q` inflates RBIBD(3q + 1,4,1) over GF(q) instead (q ≡ 1 mod 4; 5: a 4-RGDD of type 3^16, 48 people,
the tests' small model; UNKNOWN at 200 deterministic s); what follows says it for q = 9.

Points (p, i) for p a point of RBIBD(28,4,1) (GF(9) × 3 ∪ {∞}, developed by the 9 translations of
GF(9)) and i in Z_3; groups {p} × Z_3. On each of the 63 blocks B a transversal design TD(4,3) (an
orthogonal array OA(4,3): 9 rows over Z_3, any two columns showing each pair of symbols once) joins
every pair of B × Z_3 from different groups once, so the 567 blocks make a 4-GDD of type 3^28; it is
resolvable when they split into 27 parallel classes of 21. No TD(4,3) is resolvable alone (that would
be a TD(5,3): three mutually orthogonal Latin squares of order 3), so a class mixes blocks of several B.

The design and its resolution are asked to be fixed by the translations t_g: (p, i) -> (p + g, i + φ(g))
of GF(9), φ a linear map GF(9) = Z_3^2 -> Z_3 (`--phi a,b`: φ(g) = a g_0 + b g_1, 0 by default; only 0
over a field of another characteristic). Multiplying by a square of GF(9) keeps RBIBD(28) and its
resolution and maps φ to φ composed with it, and scaling φ is renaming the symbols, so three choices
differ: 0, g_0 (equivalent to g_1) and g_0 + g_1 (to g_0 + 2 g_1). The
TD on B + g is the TD on B moved by t_g, so only the 7 TDs of the base class of RBIBD(28) are chosen
(u[o, r]: row r of Z_3^4 in the OA of block o, its columns the block's points in the order the base
class writes them), and the 27 classes are the translates of 3 base classes (w[o, g, r, k]: the block
on B_o + g with symbols r is in base class k). The constraints: each OA's pairs once; each block of the
design in exactly one class (the translates of base class k by h hold t_h of its blocks); each base
class a partition of the 84 points. The Z_3 turn (p, i) -> (p, i + 1) of the brief cannot be used: it
keeps every B × Z_3, so it would fix each TD, whose rows would then fall into three turned triples of
disjoint blocks, a resolution of the TD(4,3), which does not exist.

Symmetries cut: the base classes are interchangeable and each may be replaced by a translate, so
(∞, 0)'s block in base class k is on B_0 (the block through ∞) itself, and the classes are ordered by
the symbols of that block; relabelling the symbols of each part of GF(9) × 3 (a permutation per part,
which commutes with the translations) makes (0, 0, 0, 0) a row of B_0's OA.
"""

import argparse
from itertools import combinations, product

from ortools.sat.python import cp_model

from benchmarks.starter_search import one_worker_solver
from speeddating.solver.designs import ResolvableDesign, quadruples_3q1
from speeddating.solver.finite_fields import FiniteField

Row = tuple[int, ...]

ROWS: list[Row] = list(product(range(3), repeat=4))
"""The 81 possible blocks of a TD(4,3) on a block's points: a symbol for each of its 4 points."""

Choice = tuple[int, int, Row, int]
"""(o, g, r, k): the block on B_o + g with symbols r, placed in base class k."""


class Inflation:
    """RBIBD(3q + 1,4,1) over GF(q), its translations, and the CP-SAT model of its resolvable inflation."""

    def __init__(self, q: int = 9, phi: tuple[int, ...] = ()) -> None:
        design = quadruples_3q1(q)
        if design is None:
            raise ValueError(f"no RBIBD({3 * q + 1},4,1) over GF({q}) to inflate")
        self.q = q
        self.field = FiniteField(q)
        if any(phi) and q % 3:
            raise ValueError(f"GF({q}) has no linear map onto Z_3 but 0")
        self.phi = phi
        self.infinity = 3 * q
        self.base = design.classes[0]
        self.shifted = [[self.moved(block, g) for g in range(q)] for block in self.base]
        for o, images in enumerate(self.shifted):
            for g, points in enumerate(images):
                assert sorted(points) == list(design.classes[g][o])

    def translate(self, p: int, g: int) -> int:
        """Point p of RBIBD(3q + 1) (x_j is qj + x, ∞ is 3q) moved by g in GF(q)."""
        return p if p == self.infinity else self.q * (p // self.q) + self.field.add[p % self.q][g]

    def moved(self, block: tuple[int, ...], g: int) -> tuple[int, ...]:
        return tuple(self.translate(p, g) for p in block)

    def turn(self, g: int) -> int:
        """φ(g): the symbol shift of the translation by g (g = g_0 + 3 g_1 + ... as GF(3^e)'s digits)."""
        shift = 0
        for a in self.phi:
            g, digit = divmod(g, 3)
            shift += a * digit
        return shift % 3

    def block(self, o: int, g: int, r: tuple[int, ...]) -> tuple[int, ...]:
        """The inflated block on B_o + g with symbols r: point (p, i) is 3p + i."""
        return tuple(sorted(3 * p + i for p, i in zip(self.shifted[o][g], r, strict=True)))

    def model(self) -> tuple[cp_model.CpModel, dict[tuple[int, Row], cp_model.IntVar], dict[Choice, cp_model.IntVar]]:
        """The model, its OA rows u[o, r] and its placements w[o, g, r, k]."""
        blocks, q = range(len(self.base)), range(self.q)
        model = cp_model.CpModel()
        u = {(o, r): model.new_bool_var(f"u{o}{r}") for o in blocks for r in ROWS}
        w = {
            (o, g, r, k): model.new_bool_var(f"w{o},{g},{r},{k}")
            for o in blocks
            for g in q
            for r in ROWS
            for k in range(3)
        }
        for o in blocks:
            for a, b in combinations(range(4), 2):
                for s, t in product(range(3), repeat=2):
                    model.add_exactly_one(u[o, r] for r in ROWS if (r[a], r[b]) == (s, t))
        negative = [self.field.add[x].index(0) for x in q]
        for o, r in product(blocks, ROWS):
            classes_of = []
            for h, k in product(q, range(3)):
                shift = self.turn(h)
                classes_of.append(w[o, negative[h], tuple((x - shift) % 3 for x in r), k])
            model.add(sum(classes_of) == u[o, r])
        through: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        for (o, g, r, k), x in w.items():
            for point in self.block(o, g, r):
                through.setdefault((point, k), []).append(x)
        for group in through.values():
            model.add_exactly_one(group)
        model.add(u[0, (0, 0, 0, 0)] == 1)
        holding = self.base.index(next(b for b in self.base if self.infinity in b))
        column = self.base[holding].index(self.infinity)
        firsts = [r for r in ROWS if r[column] == 0]
        if not any(self.phi):
            for (o, g, r, _), x in w.items():
                if r[column] == 0 and o == holding and g != 0:
                    model.add(x == 0)
            codes = [sum(ROWS.index(r) * w[holding, 0, r, k] for r in firsts) for k in range(3)]
            model.add(codes[0] < codes[1])
            model.add(codes[1] < codes[2])
        return model, u, w

    def solve(self, seed: int, time_limit: float) -> ResolvableDesign | None:
        """The inflated design CP-SAT finds in `time_limit` deterministic seconds (one worker), or None."""
        model, u, w = self.model()
        print(f"{len(u)} + {len(w)} variables, {len(model.proto.constraints)} constraints", flush=True)
        solver = one_worker_solver(time_limit, seed)
        status = solver.solve(model)
        seconds = f"{solver.wall_time:.1f} s ({solver.deterministic_time:.1f} deterministic)"
        print(f"{solver.status_name(status)} after {seconds}", flush=True)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        chosen = [key for key, x in w.items() if solver.value(x)]
        return self.developed([[self.block(o, g, r) for o, g, r, c in chosen if c == k] for k in range(3)])

    def developed(self, base: list[list[tuple[int, ...]]]) -> ResolvableDesign:
        """The 3q classes: each base class moved by the q translations."""

        def moved(q: int, h: int) -> int:
            return 3 * self.translate(q // 3, h) + (q % 3 + self.turn(h)) % 3

        classes = tuple(
            tuple(tuple(sorted(moved(q, h) for q in block)) for block in blocks)
            for blocks in base
            for h in range(self.q)
        )
        groups = tuple((3 * p, 3 * p + 1, 3 * p + 2) for p in range(self.infinity + 1))
        return ResolvableDesign(f"4-RGDD(3^{self.infinity + 1}) by inflation", 3 * len(groups), classes, groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--q", type=int, default=9, help="inflate RBIBD(3q + 1,4,1) over GF(q)")
    parser.add_argument("--phi", default="0", help="a,b: the translation by g turns the symbols by a g_0 + b g_1")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--time-limit", type=float, default=60.0, help="CP-SAT deterministic seconds")
    args = parser.parse_args()
    design = Inflation(args.q, tuple(int(x) for x in args.phi.split(","))).solve(args.seed, args.time_limit)
    if design is None:
        print("no resolution found")
        return
    met = [pair for blocks in design.classes for block in blocks for pair in combinations(block, 2)]
    print(f"{len(design.classes)} classes, {len(met)} pairs joined ({len(set(met))} distinct)")
    print(repr(design.classes))


if __name__ == "__main__":
    main()
