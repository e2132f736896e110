"""Resolvable designs: points split into blocks, class by class, no two points sharing two blocks.

Each parallel class is one round (its blocks are the tables), so a design with λ <= 1 gives rounds
in which nobody meets anyone twice. The families here are the classical ones for the Social Golfer
Problem: lines of affine geometries over GF(q), resolvable transversal designs (mutually orthogonal
Latin squares) and 1-rotational designs developed from a base parallel class.
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
