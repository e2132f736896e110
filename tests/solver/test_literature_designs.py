"""The resolvable designs of the literature for tables of 3 and 4: each is what it claims, and golfer
sessions (everyone in an organisation of their own) get perfect plans from them at once."""

from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import pytest

from benchmarks.difference_matrices import search as search_difference_matrix
from benchmarks.starter_search import Scheme, scheme, search
from benchmarks.symmetric_starters import OrbitCover, Placed, Symmetry, solve_cover
from speeddating.problem import Problem
from speeddating.solver import solve
from speeddating.solver.constructions import construct
from speeddating.solver.designs import (
    ResolvableDesign,
    developed,
    kirkman,
    nearly_kirkman,
    resolvable_gdd,
    resolvable_quadruples,
)
from speeddating.solver.finite_fields import AbelianGroup
from speeddating.solver.starters import STARTERS
from tests.conftest import CheckPlan
from tests.solver.test_constructions import assert_perfect, assert_resolvable_gdd, organisations

FAMILIES: dict[str, tuple[Callable[[int], ResolvableDesign | None], int]] = {
    "kts": (kirkman, 3),
    "nkts": (nearly_kirkman, 3),
    "rbibd": (resolvable_quadruples, 4),
    "rgdd2": (resolvable_gdd, 4),
    "rgdd3": (resolvable_gdd, 4),
}
"""Search-script family -> (the function giving its designs, table size)."""


def known_designs() -> list[tuple[ResolvableDesign, int]]:
    """Every design the family functions give up to 150 people, with its table size."""
    found = []
    for function, k in dict.fromkeys(FAMILIES.values()):
        for points in range(3 * k, 151, k):
            design = function(points)
            if design is not None:
                found.append((design, k))
    return found


@pytest.mark.parametrize(("design", "k"), known_designs(), ids=lambda d: getattr(d, "name", ""))
def test_each_design_is_a_resolvable_group_divisible_design(design: ResolvableDesign, k: int) -> None:
    """Blocks of k, groups all of one size g (1: every pair meets), and (v - g)/(k - 1) rounds."""
    assert_resolvable_gdd(design)
    group = len(design.groups[0]) if design.groups else 1
    assert {len(g) for g in design.groups} <= {group}
    assert len(design.classes[0][0]) == k
    assert len(design.classes) * (k - 1) == design.points - group


def test_the_known_sizes() -> None:
    """Closed forms, stored starters and transversal designs filled with a smaller one of the family: every
    size up to 100 at tables of 3 from 15 on; at tables of 4, those below; and above 100, those below."""
    sizes = {(k, design.points) for design, k in known_designs()}
    assert {v for k, v in sizes if k == 3 and v < 100} == set(range(15, 100, 3))
    assert {v for k, v in sizes if k == 3 and v > 100} == {108, 111, 117, 123, 129, 135, 144, 147}
    fours = {v for k, v in sizes if k == 4}
    assert fours == {
        16,
        24,
        28,
        32,
        36,
        40,
        44,
        48,
        52,
        56,
        60,
        64,
        72,
        76,
        80,
        88,
        96,
        100,
        112,
        124,
        128,
        136,
        144,
        148,
    }


@pytest.mark.parametrize(
    ("function", "points", "name"),
    [
        (kirkman, 117, "KTS(39) in TD(3,39)"),
        (nearly_kirkman, 108, "nkts(36) in TD(3,36)"),
        (nearly_kirkman, 144, "nkts(48) in TD(3,48)"),
        (resolvable_gdd, 128, "4-RGDD(2^16) in TD(4,32)"),
        (resolvable_gdd, 144, "rgdd3(36) in TD(4,36)"),
    ],
)
def test_a_transversal_design_filled_with_the_family_gives_the_family_on_k_times_the_points(
    function: Callable[[int], ResolvableDesign | None], points: int, name: str
) -> None:
    """No closed form or starter is known here for these sizes; the filled TD has all the rounds."""
    design = function(points)
    assert design is not None and design.name == name


@pytest.mark.parametrize("moduli", [(13,), (2, 6)], ids=["Z_13", "Z_2 x Z_6"])
def test_the_search_finds_difference_matrices(moduli: tuple[int, ...]) -> None:
    """Rows 2 and 3 (rows 0 and 1 being 0 ... 0 and 0 ... n - 1): every two rows differ by each element once,
    over Z_13 and over Z_2 × Z_6 (Z_12 has none: its Sylow 2-subgroup is cyclic)."""
    group = AbelianGroup(moduli)
    found = search_difference_matrix(group, 4, time_limit=20, seed=0)
    assert found is not None
    order, add = group.order, group.add
    rows = [[0] * order, list(range(order)), *found]
    minus = [add[x].index(0) for x in range(order)]
    for upper, lower in combinations(rows, 2):
        assert sorted(add[a][minus[b]] for a, b in zip(upper, lower, strict=True)) == list(range(order))


@pytest.mark.parametrize(("family", "points"), sorted(STARTERS))
def test_every_stored_starter_is_used_and_fits_its_scheme(family: str, points: int) -> None:
    starter = STARTERS[family, points]
    expected = scheme(family, points, classes=starter.base_classes.count("; ") + 1)
    assert (starter.modulus, starter.parts) == (expected.modulus, expected.parts)
    function, _ = FAMILIES[family]
    design = function(points)
    assert design is not None and design.name == f"{family}({points})"


@pytest.mark.parametrize(
    ("family", "points", "method", "classes"),
    [
        ("kts", 21, "cp-sat", 1),
        ("nkts", 24, "cp-sat", 1),
        ("nkts", 30, "cp-sat", 1),
        ("nkts", 30, "cp-sat", 2),
        ("nkts", 30, "anneal", 2),
        ("rgdd3", 36, "cp-sat", 1),
        ("rgdd3", 36, "anneal", 1),
        ("rgdd3", 36, "tabu", 1),
    ],
)
def test_the_search_finds_starters_that_develop_into_designs(
    family: str, points: int, method: str, classes: int
) -> None:
    """Two classes under Z_7 (NKTS(30): Z_7 × 4 ∪ {∞0, ∞1}, groups {x_0, x_1}, {x_2, x_3}) as under Z_14."""
    found = search(family, points, method=method, classes=classes, seed=0, time_limit=30, tries=4)
    assert found is not None
    used, base, transversals = found
    assert len(base) == classes
    design = developed("found", used.ring, used.parts, base, transversals)
    assert design.points == points
    assert_resolvable_gdd(design)


@pytest.mark.parametrize(
    ("s", "generators", "fixed_only", "least"),
    [
        pytest.param(scheme("rbibd", 40), [Symmetry(12)], True, False, id="RBIBD(40): negation, fixed blocks"),
        pytest.param(scheme("rbibd", 100), [Symmetry(32)], True, False, id="RBIBD(100): negation, fixed blocks"),
        pytest.param(scheme("rgdd3", 24), [Symmetry(2, turn_fixed=1)], False, False, id="3^8: x -> 2x, the ∞ turned"),
        pytest.param(scheme("rgdd3", 24), [Symmetry(2, 1, 1)], False, False, id="3^8: x -> 2x, parts and ∞ turned"),
        pytest.param(scheme("rgdd3", 24), [Symmetry(2, 1, 1)], False, True, id="3^8: the same, ∞0's block least"),
        pytest.param(
            scheme("rgdd3", 24),
            [Symmetry(2, turn_fixed=1), Symmetry(2, 1)],
            False,
            False,
            id="3^8: a group of 9, as 3^32",
        ),
        pytest.param(
            scheme("nkts", 30, classes=2),
            [Symmetry(1, turn_classes=1, part_images=(1, 0, 3, 2))],
            False,
            False,
            id="NKTS(30), two classes: the parts of each group and the classes swapped",
        ),
        pytest.param(
            scheme("rbibd", 28).on_field(),
            [Symmetry(-1)],
            True,
            False,
            id="RBIBD(28) over GF(9) × 3 ∪ {∞}: negation, fixed blocks",
        ),
        pytest.param(
            scheme("rbibd", 28).on_field(),
            [Symmetry(4, 1, frobenius=1)],
            False,
            True,
            id="RBIBD(28) over GF(9): x -> 4 x^3 (its square the negation) with the parts turned, ∞0's block least",
        ),
    ],
)
def test_the_orbit_cover_finds_starters_fixed_by_the_symmetry(
    s: Scheme, generators: list[Symmetry], fixed_only: bool, least: bool
) -> None:
    cover = OrbitCover(s, *generators)
    status, base = solve_cover(cover, fixed_only, least=least, seed=0, time_limit=10)
    assert status in {"OPTIMAL", "FEASIBLE"} and base is not None and len(base) == s.classes
    design = developed("found", s.ring, s.parts, base)
    assert design.points == s.points
    assert_resolvable_gdd(design)
    index = {cover.label(p): p for p in range(cover.size)}
    placed = {
        (c, frozenset(index[label] for label in block.split())) for c, blocks in enumerate(base) for block in blocks
    }
    for image, moved in zip(cover.images, cover.class_images, strict=True):
        assert {(moved[c], frozenset(image[p] for p in block)) for c, block in placed} == placed


def test_the_candidates_are_the_orbits_of_the_joinable_blocks() -> None:
    """4-RGDD 2^22 on Z_14 × 3 ∪ {∞0, ∞1} under (11x, j + 1): the 13,776 candidate orbits that the search
    which found the stored 44 counted (benchmarks/RESULTS.md), each the orbit `orbit` makes of its first
    block, no block in two of them; at most two points per part keeps exactly those whose blocks have."""
    cover = OrbitCover(scheme("rgdd2", 44), Symmetry(11, 1))
    orbits = cover.candidates(False)
    assert len(orbits) == 13_776
    assert all(orbit == cover.orbit(orbit[0]) for orbit in orbits)
    blocks = [placed for orbit in orbits for placed in orbit]
    assert len(set(blocks)) == len(blocks)
    n = cover.scheme.modulus

    def at_most_two_per_part(orbit: list[Placed]) -> bool:
        return all(max(Counter(p // n for p in block if p < 3 * n).values()) <= 2 for _, block in orbit)

    assert cover.candidates(False, most_per_part=2) == [orbit for orbit in orbits if at_most_two_per_part(orbit)]


@pytest.mark.parametrize(
    ("generators", "missing"),
    [
        pytest.param(
            [Symmetry(1, part_images=(0, 1, 2, 3, 5, 4))],
            ["∞0 with part 4", "∞0 with part 5", "∞1 with part 4", "∞1 with part 5"],
            id="parts 4 and 5 swapped: a block through a kept ∞ holding x_4 holds x_5, its group",
        ),
        pytest.param([Symmetry(2, 2), Symmetry(-1, turn_fixed=1)], [], id="(2x, j + 2) and (-x, the ∞ swapped)"),
    ],
)
def test_the_orbits_through_the_infinite_points_may_rule_a_group_out(
    generators: list[Symmetry], missing: list[str]
) -> None:
    """Two classes on Z_7 × 6 ∪ {∞0, ∞1}: the orbits through an ∞ are the candidates holding one, and what
    they leave uncovered no cover can cover."""
    cover = OrbitCover(scheme("rgdd2", 44, classes=2), *generators)
    finite = cover.scheme.modulus * cover.scheme.parts
    through = cover.candidates(False, through_fixed=True)
    assert through == [orbit for orbit in cover.candidates(False) if any(b[-1] >= finite for _, b in orbit)]
    assert cover.uncovered_fixed(through) == missing


def test_asking_for_the_least_multiple_keeps_fewer_candidates() -> None:
    """3^8 under x -> 2x with parts and ∞ turned: ∞0's block is kept in one form of each unit orbit."""
    cover = OrbitCover(scheme("rgdd3", 24), Symmetry(2, 1, 1))
    every, least = cover.candidates(False), cover.candidates(False, least=True)
    dropped = {tuple(o) for o in every} - {tuple(o) for o in least}
    infinity = cover.label(cover.size - 3)
    assert infinity == "∞0"
    assert dropped and all(any(infinity in cover.written(b) for _, b in orbit) for orbit in dropped)


def test_two_symmetries_make_orbits_of_the_group_they_generate() -> None:
    """x -> 2x with the ∞ turned, and x -> 2x with the parts turned, on 3^8: a generic block has 9 images."""
    s = scheme("rgdd3", 24)
    one, both = OrbitCover(s, Symmetry(2, turn_fixed=1)), OrbitCover(s, Symmetry(2, turn_fixed=1), Symmetry(2, 1))
    block = (0, (1, 2, s.modulus + 3, 2 * s.modulus + 5))
    assert len(one.orbit(block)) == 3 and len(both.orbit(block)) == 9
    assert set(one.orbit(block)) < set(both.orbit(block))


def test_a_multiplier_must_be_a_unit() -> None:
    with pytest.raises(ValueError, match="not a unit modulo 14"):
        OrbitCover(scheme("rgdd2", 44), Symmetry(2))


def test_a_symmetry_must_keep_the_groups() -> None:
    """Two classes on Z_7 × 6 ∪ {∞0, ∞1}: the groups are the difference 0 between parts 0-1, 2-3, 4-5, which
    turning the parts by one breaks and by two keeps."""
    s = scheme("rgdd2", 44, classes=2)
    with pytest.raises(ValueError, match="does not keep the groups"):
        OrbitCover(s, Symmetry(2, 1))
    with pytest.raises(ValueError, match="not a permutation"):
        OrbitCover(s, Symmetry(1, part_images=(1, 0, 3, 2, 5, 5)))
    assert OrbitCover(s, Symmetry(2, 2)).images[0][0] == 2 * s.modulus


def test_a_symmetry_may_permute_the_infinite_points() -> None:
    """Negation with ∞1 and ∞2 swapped on 3^8 (Z_7 × 3 ∪ {∞0, ∞1, ∞2}): ∞0 stays, the others trade places,
    and ∞0's block, fixed, would be {∞0, 0_0, 0_1, 0_2}, which joins a group: no candidate holds ∞0, so no
    starter of a 4-RGDD of type 3^u is fixed by the negation with one ∞ kept."""
    s = scheme("rgdd3", 24)
    cover = OrbitCover(s, Symmetry(-1, fixed_images=(0, 2, 1)))
    finite = s.modulus * s.parts
    assert cover.images[0][finite:] == [finite, finite + 2, finite + 1]
    assert cover.images[0][1] == s.modulus - 1
    candidates = cover.candidates(False)
    assert candidates and not any(finite in b for orbit in candidates for _, b in orbit)
    with pytest.raises(ValueError, match="not a permutation of the 3 ∞ points"):
        OrbitCover(s, Symmetry(1, fixed_images=(0, 1, 1)))


def test_a_symmetry_moving_the_classes_places_the_images_in_the_other_class() -> None:
    """With the classes swapped, a block's orbit holds blocks of both classes (0_0 1_2 2_3 in the first,
    0_1 1_3 2_2 in the second), and blocks of one orbit may share points when they are in different
    classes (each class is a partition on its own: ∞0's two blocks)."""
    cover = OrbitCover(scheme("nkts", 30, classes=2), Symmetry(1, turn_classes=1, part_images=(1, 0, 3, 2)))
    block = (0, 7 * 2 + 1, 7 * 3 + 2)
    assert cover.orbit((0, block)) == [(0, block), (1, (7, 7 * 2 + 2, 7 * 3 + 1))]
    assert cover.first_classes() == [0]
    orbits = cover.candidates(False)
    assert all({c for c, _ in orbit} == {0, 1} for orbit in orbits)
    assert any(set(orbit[0][1]) & set(orbit[1][1]) for orbit in orbits)


GOLFERS = [
    pytest.param(40, 4, 13, "resolvable-quadruples", id="40 at 4, 13 rounds: RBIBD(40,4,1)"),
    pytest.param(21, 3, 10, "kirkman", id="21 at 3, 10 rounds: KTS(21)"),
    pytest.param(24, 3, 11, "nearly-kirkman", id="24 at 3, 11 rounds: NKTS(24)"),
    pytest.param(24, 4, 7, "resolvable-gdd", id="24 at 4, 7 rounds: 4-RGDD(3^8)"),
    pytest.param(36, 4, 11, "resolvable-gdd", id="36 at 4, 11 rounds: 4-RGDD(3^12)"),
    pytest.param(99, 3, 49, "kirkman", id="99 at 3, 49 rounds: KTS(2q+1)"),
    pytest.param(88, 4, 29, "resolvable-quadruples", id="88 at 4, 29 rounds: RBIBD(3q+1,4,1)"),
    pytest.param(60, 4, 19, "resolvable-gdd", id="60 at 4, 19 rounds: 4-RGDD(3^20)"),
    pytest.param(100, 4, 33, "resolvable-quadruples", id="100 at 4, 33 rounds: RBIBD(100,4,1) fixed by negation"),
    pytest.param(136, 4, 45, "resolvable-quadruples", id="136 at 4, 45 rounds: RBIBD(136,4,1) fixed by negation"),
    pytest.param(44, 4, 14, "resolvable-gdd", id="44 at 4, 14 rounds: 4-RGDD(2^22)"),
    pytest.param(56, 4, 18, "resolvable-gdd", id="56 at 4, 18 rounds: 4-RGDD(2^28)"),
    pytest.param(72, 4, 23, "resolvable-gdd", id="72 at 4, 23 rounds: 4-RGDD(3^24) fixed by turning"),
    pytest.param(96, 4, 31, "resolvable-gdd", id="96 at 4, 31 rounds: 4-RGDD(3^32) fixed by a group of 9"),
    pytest.param(80, 4, 26, "resolvable-gdd", id="80 at 4, 26 rounds: 4-RGDD(2^40), two classes under Z_13"),
    pytest.param(84, 4, 21, "transversal-design", id="84 at 4, 21 rounds: TD(4,21), a stored difference matrix"),
    pytest.param(108, 3, 53, "nearly-kirkman", id="108 at 3, 53 rounds: NKTS(36) in TD(3,36)"),
    pytest.param(128, 4, 42, "resolvable-gdd", id="128 at 4, 42 rounds: 4-RGDD(2^16) in TD(4,32)"),
]


@pytest.mark.parametrize(("people", "table_size", "rounds", "name"), GOLFERS)
def test_golfer_sessions_are_perfect(
    people: int, table_size: int, rounds: int, name: str, tmp_path: Path, check_plan: CheckPlan
) -> None:
    problem = Problem(tuple(range(people)), rounds, table_size)
    found = construct(problem)
    assert found is not None and found[0] == name
    assert_perfect(problem, found[1], tmp_path, check_plan)


@pytest.mark.parametrize(("people", "table_size", "rounds", "name"), GOLFERS[:5])
def test_the_portfolio_seats_golfers_on_the_design_and_proves_it_best(
    people: int, table_size: int, rounds: int, name: str
) -> None:
    result = solve(Problem(tuple(range(people)), rounds, table_size), time_limit=2, seed=0, workers=1)
    assert result.method == f"construction:{name}"
    assert result.optimal and result.evaluation.perfect


@pytest.mark.parametrize(
    ("organisation_of", "rounds", "table_size"),
    [
        pytest.param(organisations(*[2] * 12), 11, 3, id="NKTS(24): 12 organisations of 2 on its groups"),
        pytest.param(organisations(*[3] * 12), 11, 4, id="3^12: 12 organisations of 3 on its groups"),
        pytest.param(
            organisations(4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1), 12, 4, id="RBIBD(40), 12 rounds"
        ),
        pytest.param(organisations(*[3] * 7), 9, 3, id="KTS(21), 9 rounds, 7 organisations of 3"),
        pytest.param(organisations(*[1] * 39), 13, 4, id="39 at 4: RBIBD(40) less a point"),
        pytest.param(organisations(*[1] * 35), 11, 4, id="35 at 4: 3^12 less a point"),
        pytest.param(organisations(*[3] * 7, 1), 7, 4, id="22 at 4: 3^8 less two points, organisations of 3"),
    ],
)
def test_organisations_and_empty_seats_are_placed_on_the_design(
    organisation_of: tuple[int, ...], rounds: int, table_size: int, tmp_path: Path, check_plan: CheckPlan
) -> None:
    """Colleagues go in groups no block joins (the design's own, or the blocks of an unused last
    round); missing people are points of one such group, so no table loses two seats."""
    problem = Problem(organisation_of, rounds, table_size)
    found = construct(problem)
    assert found is not None
    assert_perfect(problem, found[1], tmp_path, check_plan)
