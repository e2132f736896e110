"""The groups of symmetries to sweep on the 4-RGDDs of type 2^u with several base classes, one a line.

    python -m benchmarks.symmetry_groups --points 68 > groups68.txt
    python -m benchmarks.symmetry_groups --points 92 --classes 3 > groups92.txt
    python -m benchmarks.symmetric_starters --family rgdd2 --points 92 --classes 3 --multiplier 1 \
        --least --time-limit 10 --sweep groups92.txt

Each line holds the generators of one group as `symmetric_starters --also` writes them (A,PARTS,FIXED,
CLASSES, the parts as their images), what `--sweep` reads. The symmetries are (x, j) -> (a x, σ(j)),
the two ∞ kept or swapped, the base classes turned; a is a unit of Z_n, σ keeps the groups.

- Two classes over Z_n × 6 ∪ {∞0, ∞1} (68: n = 11, 92: n = 15; groups {x_j, x_(j+1)} for the bundles
  of parts {0, 1}, {2, 3}, {4, 5}): the groups of order 8 (or `--orders`) that one or two elements of
  2-power order generate, a of 2-power order, σ one of the 48 permutations keeping the bundles, one group
  per conjugacy class under those σ (the units and the swaps are central). Left out, as proved not to work
  (benchmarks/RESULTS.md, "Item 4"), the groups holding (a ≠ 1, σ = id, ∞ and classes fixed): the
  octahedron; (±1, id, either, classes swapped): a pure difference covered in both classes; (1, id, ∞
  swapped, classes fixed): both ∞ blocks on the same points. On Z_11: 328 groups of order 8, none of 16.
- Three classes over Z_10 × 9 ∪ {∞0, ∞1} (92; groups {x_j, (x + 5)_j}): T = (1, j -> j + 3, ∞ fixed,
  classes turned) and one M = (a, σ, ∞ fixed or swapped, classes fixed) of order 2 or 4, σ commuting with
  T, so the groups of order 6 or 12; left out, those with an element (a ≠ 1, σ = id, classes fixed) and
  the ∞ collision above: 36 groups (every conjugate listed, `--representatives` for one per class).
"""

import argparse
from collections.abc import Iterable
from itertools import combinations, permutations, product
from math import gcd

Element = tuple[int, tuple[int, ...], int, int]
"""(a, σ as the image of each part, ∞ swapped (1) or kept (0), turn of the base classes)."""

Group = frozenset[Element]


class Symmetries:
    """The symmetries of one scheme: units of Z_n, permutations of `parts` parts, the two ∞, `classes` classes."""

    def __init__(self, modulus: int, parts: int, classes: int) -> None:
        self.modulus = modulus
        self.parts = parts
        self.classes = classes
        self.identity: Element = (1, tuple(range(parts)), 0, 0)

    def compose(self, g: Element, h: Element) -> Element:
        """g after h."""
        return (
            g[0] * h[0] % self.modulus,
            tuple(g[1][j] for j in h[1]),
            g[2] ^ h[2],
            (g[3] + h[3]) % self.classes,
        )

    def order(self, g: Element) -> int:
        count, power = 1, g
        while power != self.identity:
            power = self.compose(g, power)
            count += 1
        return count

    def units(self, two_power: bool) -> list[int]:
        """The units of Z_n (only those of 2-power order if `two_power`)."""
        units = [a for a in range(1, self.modulus) if gcd(a, self.modulus) == 1]
        return [a for a in units if not two_power or is_two_power(self.order((a, self.identity[1], 0, 0)))]

    def generated(self, generators: Iterable[Element], limit: int) -> Group | None:
        """The group the generators make, or None when it has more than `limit` elements."""
        gens = list(generators)
        out, frontier = {self.identity}, [self.identity]
        while frontier:
            x = frontier.pop()
            for g in gens:
                y = self.compose(g, x)
                if y not in out:
                    out.add(y)
                    frontier.append(y)
                    if len(out) > limit:
                        return None
        return frozenset(out)

    def conjugated(self, group: Group, w: tuple[int, ...]) -> Group:
        """The group with its parts renamed by w (w σ w⁻¹ for each σ)."""
        inverse = [0] * self.parts
        for i, j in enumerate(w):
            inverse[j] = i
        return frozenset((a, tuple(w[s[inverse[j]]] for j in range(self.parts)), f, c) for a, s, f, c in group)

    def representatives(self, groups: Iterable[Group], renamings: list[tuple[int, ...]]) -> list[Group]:
        """One group of each conjugacy class under the part renamings, in a fixed order."""
        seen: set[Group] = set()
        kept = []
        for group in sorted(groups, key=sorted):
            if group not in seen:
                seen.update(self.conjugated(group, w) for w in renamings)
                kept.append(group)
        return kept

    def generators(self, group: Group) -> tuple[Element, ...]:
        """A smallest set of elements generating the group (the first in sorted order)."""
        others = sorted(group - {self.identity})
        for size in range(1, len(others) + 1):
            for chosen in combinations(others, size):
                if self.generated(chosen, len(group)) == group:
                    return chosen
        return ()

    def written(self, g: Element) -> str:
        """g as `symmetric_starters --also` reads it."""
        a, sigma, fixed, classes = g
        return f"{a if a != self.modulus - 1 else -1},{':'.join(map(str, sigma))},{fixed},{classes}"


def is_two_power(n: int) -> bool:
    return n & (n - 1) == 0


def bundle_permutations(bundles: int, size: int) -> list[tuple[int, ...]]:
    """The permutations of bundles × size parts keeping the bundles of consecutive parts (bundles moved
    among themselves, the parts of each permuted)."""
    found = []
    for order in permutations(range(bundles)):
        for inner in product(list(permutations(range(size))), repeat=bundles):
            image = [0] * (bundles * size)
            for b, (target, within) in enumerate(zip(order, inner, strict=True)):
                for i, w in enumerate(within):
                    image[b * size + i] = target * size + w
            found.append(tuple(image))
    return found


def pair_bundle_groups(modulus: int, orders: set[int]) -> tuple[Symmetries, list[Group]]:
    """Two classes over Z_n × 6 ∪ {∞0, ∞1}: the groups of the wanted `orders` one or two 2-power elements
    generate, free of the elements ruled out, one per conjugacy class under the bundle permutations."""
    sym = Symmetries(modulus, 6, 2)
    sigmas = bundle_permutations(3, 2)
    elements = [
        g for g in product(sym.units(True), sigmas, (0, 1), (0, 1)) if g != sym.identity and is_two_power(sym.order(g))
    ]

    def ruled_out(g: Element) -> bool:
        a, sigma, fixed, classes = g
        if sigma != sym.identity[1] or g == sym.identity:
            return False
        return (
            (fixed, classes) == (0, 0)
            or (classes == 1 and a in (1, modulus - 1))
            or (a == 1 and (fixed, classes) == (1, 0))
        )

    found = set()
    for i, g in enumerate(elements):
        for pair in [(g,)] + [(g, h) for h in elements[i + 1 :]]:
            group = sym.generated(pair, max(orders))
            if group is not None and len(group) in orders and not any(ruled_out(x) for x in group):
                found.add(group)
    return sym, sym.representatives(found, sigmas)


def turned_class_groups(representatives: bool) -> tuple[Symmetries, list[Group]]:
    """Three classes over Z_10 × 9 ∪ {∞0, ∞1}: T (parts + 3, classes turned) with one M of order 2 or 4
    (a, σ commuting with T, ∞ kept or swapped, classes fixed), free of the elements ruled out."""
    sym = Symmetries(10, 9, 3)
    turn: Element = (1, tuple((j + 3) % 9 for j in range(9)), 0, 1)
    commuting = [s for s in permutations(range(9)) if all(s[(j + 3) % 9] == (s[j] + 3) % 9 for j in range(9))]

    def ruled_out(g: Element) -> bool:
        a, sigma, fixed, classes = g
        return sigma == sym.identity[1] and classes == 0 and (a != 1 or fixed == 1)

    found = set()
    for m in product(sym.units(False), commuting, (0, 1), (0,)):
        if sym.order(m) in (2, 4):
            group = sym.generated((turn, m), 12)
            if group is not None and not any(ruled_out(x) for x in group):
                found.add(group)
    return sym, sym.representatives(found, commuting) if representatives else sorted(found, key=sorted)


def lines(sym: Symmetries, groups: list[Group]) -> list[str]:
    """One `--sweep` line per group: its generators."""
    return [" ".join(sym.written(g) for g in sym.generators(group)) for group in groups]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, choices=(68, 92), required=True)
    parser.add_argument("--classes", type=int, choices=(2, 3), default=2)
    parser.add_argument("--orders", default="8", help="group orders wanted, joined by ',' (two classes)")
    parser.add_argument("--representatives", action="store_true", help="one group per conjugacy class (3 classes)")
    args = parser.parse_args()
    if args.classes == 3:
        if args.points != 92:
            parser.error("three classes only for 92 people (30 rounds)")
        sym, groups = turned_class_groups(args.representatives)
    else:
        sym, groups = pair_bundle_groups((args.points - 2) // 6, {int(o) for o in args.orders.split(",")})
    for line in lines(sym, groups):
        print(line)


if __name__ == "__main__":
    main()
