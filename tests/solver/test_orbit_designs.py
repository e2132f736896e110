"""The orbit search behind `rgdd_32`: it enumerates exactly the invariant rounds, and what it finds is a design."""

from collections import Counter
from itertools import combinations

from benchmarks.orbit_designs import base_class, invariant_rounds, search
from speeddating.problem import pair
from speeddating.solver.designs import rgdd_32, xor_developed


def all_partitions(points: list[int], size: int) -> list[frozenset[tuple[int, ...]]]:
    """Every partition of `points` into blocks of `size` (brute force, for tiny sets)."""
    if not points:
        return [frozenset()]
    first, rest = points[0], points[1:]
    return [
        block_set | {(first, *others)}
        for others in combinations(rest, size - 1)
        for block_set in all_partitions([p for p in rest if p not in others], size)
    ]


def test_invariant_rounds_are_exactly_the_translation_invariant_partitions() -> None:
    """Z_2^2 × 3 (12 points), tables of 3, partner XOR 3: against every partition, filtered by hand."""
    size, partner = 4, 3

    def moved(block: tuple[int, ...], s: int) -> tuple[int, ...]:
        return tuple(sorted((p // size) * size + ((p % size) ^ s) for p in block))

    expected = {
        frozenset(partition)
        for partition in all_partitions(list(range(12)), 3)
        if all(frozenset(moved(b, s) for b in partition) == partition for s in range(size))
        and not any(a // size == b // size and (a % size) ^ (b % size) == partner
                    for block in partition for a, b in combinations(block, 2))
    }
    found = [frozenset(tables) for tables in invariant_rounds(2, 3, 3, partner, limit=10**6)]
    assert expected
    assert len(found) == len(set(found))
    assert set(found) == expected


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
