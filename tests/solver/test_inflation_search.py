"""The inflation search of 84 people (benchmarks/inflation_search.py): its model is the construction's
(one OA(4,3) per base block of RBIBD(3q + 1), its blocks placed on the translates in three base classes),
and the symbol shifts it offers are the ones that differ."""

from itertools import combinations

import pytest

from benchmarks.inflation_search import ROWS, Inflation
from speeddating.solver.designs import quadruples_3q1
from speeddating.solver.finite_fields import FiniteField


@pytest.mark.parametrize(("q", "phi"), [(5, ()), (9, (0, 0)), (9, (1, 0)), (9, (1, 1))])
def test_the_model_counts_are_the_constructions(q: int, phi: tuple[int, ...]) -> None:
    """Per base block 81 rows, each placed on q translates in 3 classes; constraints: each of the 6 column
    pairs of each OA shows each of the 9 symbol pairs once, each row of an OA is placed once, each of the
    3(3q + 1) points is in each base class once, (0, 0, 0, 0) in the first OA, and for φ = 0 the cuts
    (the 27 rows of the ∞ block with symbol 0 at ∞ kept off the q - 1 other translates, the classes
    ordered). RBIBD(28): 567 + 15,309 variables, 1,848 and 1,198 constraints, as RESULTS.md says."""
    inflation = Inflation(q, phi)
    model, u, w = inflation.model()
    blocks = (3 * q + 1) // 4
    assert len(inflation.base) == blocks
    assert len(u) == blocks * 81 and len(w) == blocks * q * 81 * 3
    cuts = 27 * (q - 1) * 3 + 2 if not any(phi) else 0
    assert len(model.proto.constraints) == blocks * 6 * 9 + blocks * 81 + 3 * (3 * q + 1) * 3 + 1 + cuts


def test_every_placed_block_is_a_transversal_of_four_groups_on_a_translate() -> None:
    """The block on B_o + g with symbols r takes one point of the group of each point of B_o + g."""
    inflation = Inflation(5)
    design = quadruples_3q1(5)
    assert design is not None
    for o in range(len(inflation.base)):
        for g in range(5):
            translate = set(design.classes[g][o])
            for r in ROWS:
                block = inflation.block(o, g, r)
                assert {p // 3 for p in block} == translate
                assert all(a // 3 != b // 3 for a, b in combinations(block, 2))


def test_a_symbol_shift_needs_a_field_of_characteristic_3() -> None:
    with pytest.raises(ValueError, match="no linear map"):
        Inflation(5, (1,))


def test_the_squares_of_gf9_keep_the_base_class_so_three_symbol_shifts_differ() -> None:
    """Multiplying by a square keeps RBIBD(28)'s base class, so it maps φ to φ composed with it: φ = g_0 to
    g_1 and g_0 + g_1 to g_0 + 2 g_1 (up to a scale, a renaming of the symbols), never one to the other."""
    field = FiniteField(9)
    design = quadruples_3q1(9)
    assert design is not None
    base = {frozenset(block) for block in design.classes[0]}

    def kernel(phi: tuple[int, int]) -> frozenset[int]:
        return frozenset(g for g in range(9) if (phi[0] * (g % 3) + phi[1] * (g // 3)) % 3 == 0)

    kernels = {kernel((1, 0)), kernel((0, 1)), kernel((1, 1)), kernel((1, 2))}
    images: dict[frozenset[int], set[frozenset[int]]] = {k: set() for k in kernels}
    for s in sorted({field.mul[x][x] for x in range(1, 9)}):
        scaled = {frozenset(p if p == 27 else 9 * (p // 9) + field.mul[s][p % 9] for p in block) for block in base}
        assert scaled == base
        for k in kernels:
            images[k].add(frozenset(field.mul[s][g] for g in k))
    assert images[kernel((1, 0))] == {kernel((1, 0)), kernel((0, 1))}
    assert images[kernel((1, 1))] == {kernel((1, 1)), kernel((1, 2))}
