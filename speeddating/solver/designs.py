"""Resolvable designs: points split into blocks, class by class, no two points sharing two blocks.

Each parallel class is one round (its blocks are the tables), so a design with λ <= 1 gives rounds
in which nobody meets anyone twice. The families here are the classical ones for the Social Golfer
Problem: lines of affine geometries over GF(q), resolvable transversal designs (mutually orthogonal
Latin squares), 1-rotational designs developed from a base parallel class, and designs whose
classes are unions of translates under the group Z_2^k (found by `benchmarks/orbit_designs.py`).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

from speeddating.solver.finite_fields import FiniteField

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


def transversal_design(k: int, g: int) -> ResolvableDesign:
    """Resolvable TD(k, g) for a prime power g >= k: k groups of g, every block one point per group.

    The points of AG(2, g) on k vertical lines x = 0..k-1 (the groups); each non-vertical line
    y = m x + c meets every vertical line once, so it is a block, and the g lines of slope m form a
    class. Two points of different groups lie on exactly one such line: g rounds in which every
    cross-group pair meets exactly once (equivalently, k-1 mutually orthogonal Latin squares).
    """
    field = FiniteField(g)
    classes = tuple(
        tuple(tuple(x * g + field.add[field.mul[m][x]][c] for x in range(k)) for c in range(g)) for m in range(g)
    )
    groups = tuple(tuple(range(x * g, (x + 1) * g)) for x in range(k))
    return ResolvableDesign(f"TD({k},{g})", k * g, classes, groups)


def developed(name: str, modulus: int, parts: int, base_class: Sequence[str]) -> ResolvableDesign:
    """The 1-rotational design with points Z_modulus × parts plus one fixed point ∞, developed mod `modulus`.

    Points are written "x_j" (x in Z_modulus, part j) and "∞"; class t adds t to every x of the base
    class and fixes ∞. The base class is a starter: ∞ with one point of each part, and other blocks
    whose differences cover every nonzero ±d within each part and every difference between two
    parts exactly once, so the developed classes join every pair exactly once.
    """
    infinity = modulus * parts

    def point(text: str, shift: int) -> int:
        if text == "∞":
            return infinity
        x, j = (int(s) for s in text.split("_"))
        return j * modulus + (x + shift) % modulus

    classes = tuple(
        tuple(tuple(sorted(point(p, t) for p in block.split())) for block in base_class) for t in range(modulus)
    )
    return ResolvableDesign(name, infinity + 1, classes)


def kirkman_15() -> ResolvableDesign:
    """Kirkman's schoolgirls: a KTS(15), 15 people at 5 tables of 3 for 7 rounds, every pair once.

    1-rotational over Z_7 × {0, 1} ∪ {∞}: pure differences {1, 2, 3} in each half, mixed 0..6.
    """
    return developed("KTS(15)", 7, 2, ["∞ 0_0 0_1", "1_0 6_0 5_1", "1_1 2_1 4_1", "2_0 5_0 3_1", "3_0 4_0 6_1"])


def resolvable_28() -> ResolvableDesign:
    """A resolvable 2-(28, 4, 1) design: 28 people at 7 tables of 4 for 9 rounds, every pair once.

    1-rotational over Z_9 × {0, 1, 2} ∪ {∞}: pure differences {1, 2, 3, 4} in each part and mixed
    differences 0..8 between each two parts, each exactly once in the base class.
    """
    return developed(
        "RBIBD(28,4,1)",
        9,
        3,
        [
            "∞ 0_0 0_1 0_2",
            "1_0 8_0 2_1 4_2",
            "5_0 1_1 2_2 7_2",
            "2_0 3_0 6_0 1_2",
            "4_0 3_1 6_1 8_1",
            "7_1 3_2 5_2 6_2",
            "7_0 4_1 5_1 8_2",
        ],
    )


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
