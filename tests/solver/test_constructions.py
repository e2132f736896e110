"""Constructions from design theory: the designs are what they claim, and their plans are perfect."""

import csv
import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from speeddating.evaluation import evaluate, schedule_errors
from speeddating.problem import Problem, Schedule, pair
from speeddating.solver.constructions import CONSTRUCTIONS, construct
from speeddating.solver.designs import (
    ResolvableDesign,
    affine_geometry,
    difference_matrix,
    rgdd_32,
    transversal_design,
)
from speeddating.solver.finite_fields import FiniteField, Ring, prime_power
from tests.conftest import CheckPlan


def organisations(*sizes: int) -> tuple[int, ...]:
    """Organisation indices for organisations of the given head counts, colleagues consecutive."""
    return tuple(org for org, size in enumerate(sizes) for _ in range(size))


def roster(path: Path) -> tuple[int, ...]:
    with path.open(encoding="utf-8") as fh:
        names = [row["organisation"] for row in csv.DictReader(fh)]
    index = {name: i for i, name in enumerate(dict.fromkeys(names))}
    return tuple(index[name] for name in names)


def write_plan(problem: Problem, schedule: Schedule, path: Path) -> None:
    """The minimal speeddating-plan/1 file for `schedule`."""
    document = {
        "format": "speeddating-plan/1",
        "attendees": [
            {"id": f"p{p}", "name": f"Person {p}", "organisation": f"Org {org}"}
            for p, org in enumerate(problem.organisation_of)
        ],
        "rounds": [
            {
                "number": r + 1,
                "tables": [{"number": t + 1, "attendees": [f"p{p}" for p in table]} for t, table in enumerate(tables)],
            }
            for r, tables in enumerate(schedule)
        ],
    }
    path.write_text(json.dumps(document), encoding="utf-8")


PERFECT = [
    pytest.param(organisations(*[1] * 16), 5, 4, "affine-geometry", id="AG(2,4) 16 at 4, 5 rounds"),
    pytest.param(organisations(*[1] * 9), 4, 3, "affine-geometry", id="AG(2,3) 9 at 3, 4 rounds"),
    pytest.param(organisations(*[1] * 25), 6, 5, "affine-geometry", id="AG(2,5) 25 at 5, 6 rounds"),
    pytest.param(organisations(*[1] * 27), 13, 3, "affine-geometry", id="AG(3,3) 27 at 3, 13 rounds"),
    pytest.param(organisations(4, 4, 4, 4), 4, 4, "affine-geometry", id="AG(2,4) organisations on lines"),
    pytest.param(organisations(3, 3, 3), 3, 3, "affine-geometry", id="3 organisations of 3 at 3"),
    pytest.param(organisations(3, 3, 2, 2, 2, 2, 1, 1), 4, 4, "affine-geometry", id="AG(2,4) mixed organisations"),
    pytest.param(organisations(5, 4, 4), 4, 4, "affine-geometry", id="13 people, forced colleagues"),
    pytest.param(organisations(*[1] * 15), 5, 4, "affine-geometry", id="15 at 4: AG(2,4) less a point"),
    pytest.param(organisations(4, 4, 2, 2, 2), 4, 4, "affine-geometry", id="14 at 4: AG(2,4) less two points"),
    pytest.param(organisations(5, 5, 5, 5), 5, 4, "transversal-design", id="TD(4,5) 4 organisations of 5"),
    pytest.param(organisations(*[4] * 8), 8, 4, "transversal-design", id="TD(4,8) 8 organisations of 4"),
    pytest.param(organisations(7, 7, 7, 7, 6), 7, 5, "transversal-design", id="TD(5,7) less a point"),
    pytest.param(
        organisations(12, 7, 5, 6, 6, 4, 4, 3, 1), 12, 4, "transversal-design", id="TD(4,12) over Z_2 x Z_6, packed"
    ),
    pytest.param(organisations(*[12] * 5, 11), 12, 6, "transversal-design", id="TD(6,12) less a point"),
    pytest.param(organisations(15, 15, 10, 5, 9, 6), 15, 4, "transversal-design", id="TD(4,15) over Z_15, packed"),
    pytest.param(
        organisations(20, 4, 18, 6, 14, 10, 12, 12), 24, 4, "transversal-design", id="TD(4,24) over Z_2 x Z_12, packed"
    ),
    pytest.param(organisations(*[1] * 15), 7, 3, "kirkman", id="KTS(15) 7 rounds"),
    pytest.param(organisations(*[1] * 28), 9, 4, "resolvable-quadruples", id="RBIBD(28,4,1) 9 rounds"),
    pytest.param(organisations(*[1] * 32), 10, 4, "resolvable-gdd", id="4-RGDD(2^16) the golfers' 8-4-10"),
    pytest.param(organisations(*[2] * 16), 10, 4, "resolvable-gdd", id="4-RGDD(2^16) 16 organisations of 2"),
    pytest.param(organisations(*[1] * 32), 9, 4, "resolvable-gdd", id="4-RGDD(2^16) 9 rounds"),
    pytest.param(organisations(*[2] * 15), 10, 4, "resolvable-gdd", id="4-RGDD(2^16) less a group"),
]


@pytest.mark.parametrize(("organisation_of", "rounds", "table_size", "name"), PERFECT)
def test_construction_is_perfect(
    organisation_of: tuple[int, ...], rounds: int, table_size: int, name: str, tmp_path: Path, check_plan: CheckPlan
) -> None:
    problem = Problem(organisation_of, rounds, table_size)
    found = construct(problem)
    assert found is not None
    assert found[0] == name
    assert_perfect(problem, found[1], tmp_path, check_plan)


@pytest.mark.parametrize(
    ("file", "rounds", "name"),
    [
        ("sgp28.csv", 7, "transversal-design"),
        ("sgp28.csv", 9, "resolvable-quadruples"),
        ("agence52.csv", 6, "transversal-design"),
    ],
)
def test_reference_instances(
    file: str, rounds: int, name: str, instances: Path, tmp_path: Path, check_plan: CheckPlan
) -> None:
    """sgp28: TD(4,7) up to 7 rounds, the resolvable 2-(28,4,1) design beyond; agence52's organisations
    (11, 9, 6, 5, 4, 4, 3, 3, 3, 2, 2) pack into the four groups of 13 of TD(4,13)."""
    problem = Problem(roster(instances / file), rounds)
    found = construct(problem)
    assert found is not None
    assert found[0] == name
    assert_perfect(problem, found[1], tmp_path, check_plan)


def assert_perfect(problem: Problem, schedule: Schedule, tmp_path: Path, check_plan: CheckPlan) -> None:
    assert schedule_errors(problem, schedule) == []
    evaluation = evaluate(problem, schedule)
    assert evaluation.repeat_pairs == 0
    assert evaluation.same_org_pairs == evaluation.forced_same_org == problem.forced_same_org_total()
    assert evaluation.distinct_new_pairs == evaluation.new_pairs_bound
    assert evaluation.perfect
    write_plan(problem, schedule, tmp_path / "plan.json")
    figures = check_plan(tmp_path / "plan.json", "--max-size", str(max(problem.table_sizes(0))))
    assert figures["valid"], figures["errors"]
    for key in ("same_org_pairs", "forced_same_org", "repeat_pairs", "distinct_new_pairs", "new_pairs_bound"):
        assert figures[key] == getattr(evaluation, key), key


def test_fewer_rounds_take_the_first_classes() -> None:
    full = construct(Problem(organisations(*[1] * 28), 9))
    part = construct(Problem(organisations(*[1] * 28), 8))
    assert full is not None and part is not None
    assert part[1] == full[1][:8]


def test_several_missing_people_rebalance_one_round_only() -> None:
    """14 people in all 5 rounds of AG(2,4): the two missing points share a line, so that round
    alone moves one person and repeats two meetings; the other rounds stay perfect."""
    problem = Problem(organisations(*[1] * 14), 5)
    found = construct(problem)
    assert found is not None
    assert schedule_errors(problem, found[1]) == []
    evaluation = evaluate(problem, found[1])
    assert (evaluation.same_org_pairs, evaluation.repeat_pairs) == (0, 2)
    assert evaluate(problem, found[1][:4]).repeat_pairs == 0


@pytest.mark.parametrize(
    "problem",
    [
        pytest.param(Problem(organisations(*[1] * 16), 5, absences=frozenset({(0, 1)})), id="absence"),
        pytest.param(Problem(organisations(*[1] * 16), 5, past_encounters={(0, 1): 1.0}), id="history"),
        pytest.param(Problem(organisations(*[1] * 16), 5, session_encounters={(0, 1): 1}), id="session"),
        pytest.param(Problem(organisations(*[1] * 16), 5, fixed_tables={(0, 0): 1}), id="fixed seat"),
        pytest.param(Problem(organisations(*[1] * 16), 5, keep_apart=frozenset({(0, 1)})), id="keep apart"),
        pytest.param(Problem(organisations(*[1] * 16), 6), id="more rounds than classes"),
        pytest.param(Problem(organisations(*[1] * 30), 5, 5), id="30 at 5: no design"),
        pytest.param(Problem(organisations(*[1] * 12), 3), id="12 at 4: 3 tables"),
        pytest.param(Problem(organisations(8, 8), 5), id="colleagues would meet"),
        pytest.param(Problem(organisations(*[2] * 7), 5), id="14 in pairs, 5 rounds"),
    ],
)
def test_nothing_covers_what_designs_cannot_do(problem: Problem) -> None:
    assert not any(c.covers(problem) for c in CONSTRUCTIONS)
    assert construct(problem) is None


def test_each_construction_covers_only_its_shapes() -> None:
    covered = {
        c.name: [
            (n, k) for n, k in [(16, 4), (20, 4), (15, 3), (28, 4), (32, 4)] if c.covers(Problem(tuple(range(n)), 3, k))
        ]
        for c in CONSTRUCTIONS
    }
    assert covered == {
        "affine-geometry": [(16, 4)],
        "transversal-design": [(20, 4), (15, 3), (28, 4), (32, 4)],
        "kirkman": [(15, 3)],
        "nearly-kirkman": [],
        "resolvable-quadruples": [(16, 4), (28, 4)],
        "resolvable-gdd": [(32, 4)],
    }


DESIGNS = [
    affine_geometry(3, 2),
    affine_geometry(4, 2),
    affine_geometry(5, 2),
    affine_geometry(3, 3),
    affine_geometry(4, 3),
    rgdd_32(),
]


@pytest.mark.parametrize("design", DESIGNS, ids=lambda d: d.name)
def test_design_is_resolvable_and_joins_each_pair_once(design: ResolvableDesign) -> None:
    assert_resolvable_gdd(design)


MATRIX_ORDERS = [(3, 4), (3, 15), (3, 40), (4, 9), (4, 12), (4, 15), (4, 20), (4, 21), (4, 35), (4, 36), (5, 8)]
MATRIX_ORDERS += [(4, 24), (5, 12), (5, 49), (6, 7), (6, 12)]


@pytest.mark.parametrize(("k", "order"), MATRIX_ORDERS, ids=lambda value: str(value))
def test_difference_matrices_over_products_of_fields_and_stored(k: int, order: int) -> None:
    """Any two rows differ, column by column, by every element of the group once (12 × 6, 15 × 4 and 21 × 4
    are stored: a prime power factor is below k); the transversal design it gives joins every cross-group pair
    once."""
    matrix = difference_matrix(k, order)
    assert matrix is not None and len(matrix.rows) == k
    add = matrix.add
    zero = next(e for e in range(order) if all(add[e][x] == x for x in range(order)))
    minus = [add[x].index(zero) for x in range(order)]
    assert all(add[x][y] == add[y][x] for x in range(order) for y in range(order))
    for upper, lower in combinations(matrix.rows, 2):
        assert sorted(add[a][minus[b]] for a, b in zip(upper, lower, strict=True)) == list(range(order))
    design = transversal_design(k, order)
    assert design is not None
    assert_resolvable_gdd(design)


def test_transversal_designs_need_a_difference_matrix() -> None:
    """MacNeish's product needs every prime power factor at least k; 12 (over Z_2 × Z_6), 15, 21 and 24
    (over Z_2 × Z_12) have stored matrices at k = 4, and orders twice an odd number have none over an abelian
    group (Hall and Paige)."""
    assert [g for g in range(5, 41) if transversal_design(4, g) is None] == [
        6,
        10,
        14,
        18,
        22,
        26,
        30,
        33,
        34,
        38,
        39,
    ]
    assert [g for g in range(4, 31) if transversal_design(3, g) is None] == [6, 10, 14, 18, 22, 26, 30]


def assert_resolvable_gdd(design: ResolvableDesign) -> None:
    """Every class partitions the points into equal blocks; pairs in a group never meet, others exactly once."""
    met: Counter[tuple[int, int]] = Counter()
    for blocks in design.classes:
        assert sorted(p for block in blocks for p in block) == list(range(design.points))
        assert len({len(block) for block in blocks}) == 1
        met.update(pair(a, b) for block in blocks for a, b in combinations(block, 2))
    apart = {pair(a, b) for group in design.groups for a, b in combinations(group, 2)}
    assert set(met.values()) == {1}
    assert set(met) == set(combinations(range(design.points), 2)) - apart


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9, 16, 27])
def test_finite_field_axioms(q: int) -> None:
    field = FiniteField(q)
    elements = range(q)
    for a in elements:
        assert field.add[a][0] == a and field.mul[a][1] == a
        assert sum(field.add[a][b] == 0 for b in elements) == 1
        if a:
            assert sum(field.mul[a][b] == 1 for b in elements) == 1
        for b in elements:
            assert field.add[a][b] == field.add[b][a] and field.mul[a][b] == field.mul[b][a]
            for c in elements:
                assert field.mul[a][field.add[b][c]] == field.add[field.mul[a][b]][field.mul[a][c]]
                assert field.mul[a][field.mul[b][c]] == field.mul[field.mul[a][b]][c]


def test_prime_powers() -> None:
    assert [q for q in range(2, 30) if prime_power(q)] == [2, 3, 4, 5, 7, 8, 9, 11, 13, 16, 17, 19, 23, 25, 27, 29]
    assert prime_power(27) == (3, 3)
    with pytest.raises(ValueError):
        FiniteField(6)


@pytest.mark.parametrize(
    ("ring", "multiplier", "frobenius"), [(Ring(14), 3, 0), (Ring(9, True), 1, 1), (Ring(27, True), 5, 2)]
)
def test_ring_automorphisms_keep_sums_and_products_by_the_ring(ring: Ring, multiplier: int, frobenius: int) -> None:
    """x -> a · x^(p^f) is a bijection keeping sums, and its Frobenius part keeps products; it fixes
    the prime field when a is 1 (GF(3) inside GF(9) and GF(27))."""
    image = ring.automorphism(multiplier, frobenius)
    frobenius_only = ring.automorphism(1, frobenius)
    elements = range(ring.order)
    assert sorted(image) == list(elements)
    for x in elements:
        for y in elements:
            assert image[ring.add[x][y]] == ring.add[image[x]][image[y]]
            assert frobenius_only[ring.mul[x][y]] == ring.mul[frobenius_only[x]][frobenius_only[y]]
    fixed = [x for x in elements if frobenius_only[x] == x]
    assert fixed == ([0, 1, 2] if frobenius else list(elements))
    assert ring.add[ring.element(-1)][1] == 0 and ring.minus(0, 1) == ring.element(-1)


def test_a_ring_automorphism_needs_a_unit_and_a_field_for_the_frobenius() -> None:
    with pytest.raises(ValueError, match="not a unit modulo 14"):
        Ring(14).automorphism(7)
    with pytest.raises(ValueError, match="no Frobenius"):
        Ring(27).automorphism(1, 1)
    assert Ring(27, True).automorphism(1, 3) == tuple(range(27))


@pytest.mark.parametrize("q", [3, 4, 5, 7, 9, 25, 49])
def test_primitive_powers_run_through_every_nonzero_element(q: int) -> None:
    field = FiniteField(q)
    powers = field.primitive_powers()
    assert sorted(powers) == list(range(1, q))
    assert all(field.mul[a][powers[1]] == b for a, b in zip(powers, powers[1:] + powers[:1], strict=True))
