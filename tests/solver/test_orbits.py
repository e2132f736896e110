"""Plans fixed by a group: the invariant rounds are exactly the invariant partitions, organisations are
laid out so that the group respects them, and what is found is perfect."""

import random
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from benchmarks.orbit_designs import xor_group
from speeddating.problem import Problem, pair
from speeddating.solver import solve
from speeddating.solver.orbits import (
    Group,
    cyclic_shift,
    invariant_rounds,
    merged_organisations,
    orbit_layout,
    orbit_schedule,
)
from tests.conftest import CheckPlan
from tests.solver.test_constructions import assert_perfect, organisations


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


@pytest.mark.parametrize(
    ("group", "colleague"),
    [
        pytest.param(cyclic_shift(12, 3), [(p // 6) * 3 + p % 3 for p in range(12)], id="Z3, 6 orgs of 2"),
        pytest.param(cyclic_shift(12, 4), list(range(12)), id="Z4 on 12, no colleagues"),
        pytest.param(xor_group(2, 3), [(p // 4) * 4 + min(p % 4, p % 4 ^ 3) for p in range(12)], id="Z2^2, pairs"),
    ],
)
def test_invariant_rounds_are_exactly_the_invariant_partitions(group: Group, colleague: list[int]) -> None:
    expected = {
        partition
        for partition in all_partitions(list(range(12)), 3)
        if all(frozenset(tuple(sorted(g[p] for p in b)) for b in partition) == partition for g in group)
        and all(len({colleague[p] for p in block}) == 3 for block in partition)
    }
    found = invariant_rounds(group, 3, colleague)
    assert found is not None and expected
    assert len(found) == len(set(found))
    assert {frozenset(tables) for tables in found} == expected


def test_enumeration_gives_up_past_its_limits() -> None:
    assert invariant_rounds(cyclic_shift(12, 4), 3, list(range(12)), candidate_limit=2) is None
    assert invariant_rounds(cyclic_shift(12, 4), 3, list(range(12)), steps=5) is None


@pytest.mark.parametrize("seed", range(30))
def test_the_shift_maps_colleagues_to_colleagues(seed: int) -> None:
    rng = random.Random(seed)
    organisation_of = organisations(*[rng.choice([1, 2, 3, 3, 4, 6]) for _ in range(rng.randint(2, 9))])
    for order in range(2, 7):
        layout = orbit_layout(organisation_of, order)
        if layout is None:
            continue
        people = len(organisation_of)
        assert sorted(layout) == list(range(people))
        org_at = {point: organisation_of[person] for person, point in enumerate(layout)}
        for shift in cyclic_shift(people, order):
            for a, b in combinations(range(people), 2):
                assert (org_at[a] == org_at[b]) == (org_at[shift[a]] == org_at[shift[b]])


def test_head_counts_the_shift_cannot_respect_get_no_layout() -> None:
    assert orbit_layout(organisations(2, 1), 3) is None  # one organisation of 2, one of 1: no set of 3
    assert orbit_layout(organisations(4, 4, 1), 3) is None
    assert orbit_layout(organisations(3, 3, 3), 3) is not None


def test_six_organisations_of_four_over_five_rounds_are_seated_perfectly(tmp_path: Path, check_plan: CheckPlan) -> None:
    """spro24's head counts: every person meets 15 of the 20 people of other organisations, none twice
    (the hill-climber reaches 173 of 180, the tabu search alone 179)."""
    problem = Problem(organisations(*[4] * 6), 5)
    found = orbit_schedule(problem, seed=0, deterministic_time=10.0)
    assert found is not None
    assert found[0] == 3
    assert_perfect(problem, found[1], tmp_path, check_plan)


@pytest.mark.parametrize(
    "problem",
    [
        pytest.param(Problem(organisations(*[4] * 6), 5, absences=frozenset({(0, 1)})), id="absence"),
        pytest.param(Problem(organisations(*[4] * 6), 5, past_encounters={(0, 4): 1.0}), id="history"),
        pytest.param(Problem(organisations(*[1] * 14), 4, table_size=3), id="tables of 4 at a size of 3"),
        pytest.param(Problem(organisations(*[1] * 44), 5), id="too many people"),
    ],
)
def test_only_plain_small_sessions_with_tables_of_size_or_one_less(problem: Problem) -> None:
    assert orbit_schedule(problem, seed=0, deterministic_time=10.0) is None


def test_the_portfolio_uses_it_and_proves_the_plan_best() -> None:
    """Four organisations of 6 at tables of 4 for 5 rounds: no design seats them (organisations of 6 fit
    neither the groups nor the tables of the 4-GDD of type 3^8, and TD(4, 6) does not exist); each
    person meets 15 of the 18 others."""
    problem = Problem(organisations(*[6] * 4), 5)
    result = solve(problem, time_limit=10, seed=0, workers=1)
    assert result.method == "orbits:Z6"
    assert result.optimal and result.evaluation.distinct_new_pairs == result.proven_bound == 180
    met = Counter(pair(a, b) for tables in result.schedule for table in tables for a, b in combinations(table, 2))
    assert set(met.values()) == {1}


@pytest.mark.parametrize("seed", range(30))
def test_merging_only_joins_whole_organisations_into_layouts_that_fit(seed: int) -> None:
    rng = random.Random(seed)
    organisation_of = organisations(*[rng.choice([1, 1, 2, 3, 4, 5]) for _ in range(rng.randint(3, 12))])
    for order in range(2, 7):
        merged = merged_organisations(organisation_of, order, largest=8)
        if merged is None:
            continue
        assert orbit_layout(merged, order) is not None
        assert max(Counter(merged).values()) <= max(8, *Counter(organisation_of).values())
        for a, b in combinations(range(len(organisation_of)), 2):
            if organisation_of[a] == organisation_of[b]:
                assert merged[a] == merged[b]


def test_organisations_that_do_not_fit_are_merged_and_the_plan_is_still_perfect(
    tmp_path: Path, check_plan: CheckPlan
) -> None:
    """Head counts 4, 4, 3, 2, 2, 2, 2, 2, 1, 1, 1 fit no shift as they are; merged into four groups of
    6 they fit Z6, and the plan keeps every real colleague apart with no repeat."""
    problem = Problem(organisations(4, 4, 3, 2, 2, 2, 2, 2, 1, 1, 1), 5)
    assert all(orbit_layout(problem.organisation_of, m) is None for m in (3, 4, 6))
    found = orbit_schedule(problem, seed=0, deterministic_time=10.0)
    assert found is not None
    assert_perfect(problem, found[1], tmp_path, check_plan)


def test_empty_seats_are_points_too(tmp_path: Path, check_plan: CheckPlan) -> None:
    """30 people at 8 tables (six of 4, two of 3): the two empty seats are laid out as an organisation
    of their own, so they never share a table, and the plan keeps the problem's table layout."""
    problem = Problem(organisations(4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 1, 1), 7)
    assert problem.table_sizes(0) == (4, 4, 4, 4, 4, 4, 3, 3)
    found = orbit_schedule(problem, seed=0, deterministic_time=10.0)
    assert found is not None
    assert_perfect(problem, found[1], tmp_path, check_plan)
