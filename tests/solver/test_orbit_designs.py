"""The orbit search behind `rgdd_32`: what it finds is a design, and `rgdd_32` is what it asks for."""

from collections import Counter
from itertools import combinations

from benchmarks.orbit_designs import base_class, search
from speeddating.problem import pair
from speeddating.solver.designs import rgdd_32, xor_developed


def test_search_finds_a_design_that_xor_developed_rebuilds() -> None:
    """16 people at tables of 4 for 5 rounds (an affine plane's parameters), each pair exactly once."""
    found = search(2, 4, 4, 0, 5, seed=0, workers=1, time_limit=30)
    assert found is not None
    design = xor_developed("found", 2, 4, [base_class(tables, 2) for tables in found], 0)
    assert [set(c) for c in design.classes] == [set(tables) for tables in found]
    met = Counter(pair(a, b) for blocks in design.classes for block in blocks for a, b in combinations(block, 2))
    assert set(met.values()) == {1}
    assert len(met) == 16 * 15 // 2


def test_rgdd_32_is_fixed_by_every_translation() -> None:
    """Its rounds are what the orbit search asks for: invariant under x -> x XOR s on each part."""
    for blocks in rgdd_32().classes:
        for s in range(8):
            assert {tuple(sorted((p // 8) * 8 + ((p % 8) ^ s) for p in b)) for b in blocks} == set(blocks)
