"""The floor on re-meetings: tight on hand cases, never above what brute force achieves; the
table-pattern programme never below the most fresh pairs some schedule meets."""

from collections import Counter
from collections.abc import Iterator
from itertools import combinations, combinations_with_replacement, product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speeddating.evaluation import Evaluation, evaluate
from speeddating.history import bound, patterns
from speeddating.history.bound import (
    Pattern,
    forced_reunions,
    fresh_pairs,
    head_count_floor,
    keeps_colleagues_apart,
    packing_bound,
    per_person_floor,
)
from speeddating.history.patterns import UNSET, Pricing, Room, pattern_bound, rooms_of
from speeddating.problem import Pair, Problem, Schedule

Tables = tuple[tuple[int, ...], ...]


def seatings(people: tuple[int, ...], sizes: tuple[int, ...]) -> Iterator[Tables]:
    """Every way to seat `people` at tables of `sizes`, each way once (the first person picks their table)."""
    if not people:
        yield ()
        return
    first, others = people[0], people[1:]
    for size in sorted(set(sizes)):
        left = list(sizes)
        left.remove(size)
        for mates in combinations(others, size - 1):
            rest = tuple(p for p in others if p not in mates)
            for tables in seatings(rest, tuple(left)):
                yield ((first, *mates), *tables)


def reunions(evaluation: Evaluation) -> int:
    return evaluation.history_repeats + evaluation.repeat_pairs + evaluation.avoidable_same_org


def every_schedule(problem: Problem) -> Iterator[Schedule]:
    """Every schedule up to the order of rounds when the same people are present in all of them
    (such rounds are interchangeable, so each multiset of rounds is tried once)."""
    options = [list(seatings(problem.present(r), problem.table_sizes(r))) for r in range(problem.rounds)]
    same_people = all(problem.present(r) == problem.present(0) for r in range(problem.rounds))
    return combinations_with_replacement(options[0], problem.rounds) if same_people else product(*options)


def fewest_reunions(problem: Problem) -> int:
    """The true minimum over every schedule, as `evaluate` measures it."""
    return min(reunions(evaluate(problem, schedule)) for schedule in every_schedule(problem))


def most_fresh_met(problem: Problem) -> int:
    """The most distinct fresh pairs any schedule meets."""
    fresh = fresh_pairs(problem)
    return max(
        len({two for tables in schedule for table in tables for two in combinations(sorted(table), 2)} & fresh)
        for schedule in every_schedule(problem)
    )


def two_sides(fresh_inside: set[Pair]) -> Problem:
    """12 people of 12 organisations in two sides of 6 who all met within their side, except
    `fresh_inside`: over 2 rounds everyone has 6 new people for 6 seats, so no per-person deficit."""
    sides = (range(6), range(6, 12))
    past = {two: 1.0 for side in sides for two in combinations(side, 2) if two not in fresh_inside}
    return Problem(tuple(range(12)), rounds=2, past_encounters=past)


# Each table of round 1 pairs two of one side with two of the other, round 2 mixes the pairs again.
TWO_SIDES_SCHEDULE: Schedule = (
    ((0, 1, 6, 7), (2, 3, 8, 9), (4, 5, 10, 11)),
    ((0, 2, 10, 11), (1, 4, 8, 9), (3, 5, 6, 7)),
)


def test_a_first_session_with_pairs_to_spare_forces_nothing() -> None:
    assert forced_reunions(Problem((0, 0, 1, 1, 2, 2, 3, 3), rounds=2)) == 0


def test_a_first_session_longer_than_the_network_forces_repeats() -> None:
    """3 rounds of 2 tables of 4 seat 36 pairs; the 4 pairs of colleagues can be kept apart, so of the
    24 pairs of people of two organisations, 12 at least meet twice."""
    assert forced_reunions(Problem((0, 0, 1, 1, 2, 2, 3, 3), rounds=3)) == 12


def test_everyone_met_everyone_forces_every_cross_pair() -> None:
    organisations = (0, 0, 1, 1, 2, 2, 3, 3)
    past = {(a, b): 1.0 for a, b in combinations(range(8), 2) if organisations[a] != organisations[b]}
    problem = Problem(organisations, rounds=1, past_encounters=past)
    assert forced_reunions(problem) == 12  # 2 tables x 6 pairs, all cross-organisation


def test_fresh_people_enough_for_every_seat_force_nothing() -> None:
    organisations = (0, 0, 1, 1, 2, 2, 3, 3)
    past = {(0, 2): 1.0, (1, 3): 1.0}
    assert forced_reunions(Problem(organisations, rounds=1, past_encounters=past)) == 0


def test_fresh_pairs_without_triangles_leave_two_old_pairs_per_table() -> None:
    problem = two_sides(set())
    assert per_person_floor(problem, fresh_pairs(problem)) == 0
    assert forced_reunions(problem) == 12  # 6 tables, at most 4 new pairs each
    assert reunions(evaluate(problem, TWO_SIDES_SCHEDULE)) == 12


def test_one_new_pair_inside_a_side_gives_one_table_one_more() -> None:
    problem = two_sides({(0, 1)})  # 15 diamonds, all through (0, 1): only one table can use one
    assert per_person_floor(problem, fresh_pairs(problem)) == 0
    assert forced_reunions(problem) == 11
    assert reunions(evaluate(problem, TWO_SIDES_SCHEDULE)) == 11


def test_too_many_patterns_fall_back_to_the_head_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bound, "PATTERN_LIMIT", 0)
    problem = two_sides({(0, 1)})
    assert head_count_floor(problem, fresh_pairs(problem))[0] == 0


def cycle_of_eight() -> Problem:
    """8 people of 8 organisations in one round, who met everyone but their two neighbours on a cycle."""
    cycle = {tuple(sorted((p, (p + 1) % 8))) for p in range(8)}
    return Problem(
        tuple(range(8)), rounds=1, past_encounters={two: 1.0 for two in combinations(range(8), 2) if two not in cycle}
    )


def test_fresh_pairs_on_a_cycle_give_a_table_of_four_three_of_them_at_most() -> None:
    problem = cycle_of_eight()
    assert head_count_floor(problem, fresh_pairs(problem)) == (4, 12)  # 8 fresh pairs, no triangle
    assert forced_reunions(problem) == 6  # two paths of 4 people: 3 + 3 of the 12 pairs seated
    assert fewest_reunions(problem) == 6


def test_too_many_fresh_pairs_skip_the_programme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "FRESH_LIMIT", 7)
    assert forced_reunions(cycle_of_eight()) == 4


def test_a_plan_in_hand_starts_the_programme_without_changing_the_floor() -> None:
    problem = cycle_of_eight()
    assert forced_reunions(problem, (((0, 1, 2, 3), (4, 5, 6, 7)),)) == 6
    assert forced_reunions(problem, (((0, 1, 2), (3, 4, 5, 6, 7)),)) == 6  # not this layout: ignored


def test_a_bound_the_caller_already_has_stops_the_programme() -> None:
    problem = cycle_of_eight()
    fresh = fresh_pairs(problem)
    assert pattern_bound(problem, fresh, useless=len(fresh) + 1) == 6
    assert pattern_bound(problem, fresh, useless=6) is None


def test_rooms_pool_the_rounds_with_the_same_people() -> None:
    problem = Problem(tuple(range(7)), rounds=4, absences=frozenset({(6, 1), (6, 3)}))
    rooms, room_of_round = rooms_of(problem)
    assert rooms == [
        Room(tuple(range(7)), 2, Counter({4: 2, 3: 2})),
        Room(tuple(range(6)), 2, Counter({3: 4})),
    ]
    assert room_of_round == [0, 1, 0, 1]


def test_fresh_pairs_leave_out_colleagues_the_past_and_pairs_never_present_together() -> None:
    problem = Problem(
        (0, 0, 1, 2),
        rounds=2,
        absences=frozenset({(3, 0)}),
        past_encounters={(0, 2): 1.0},
        session_encounters={(1, 2): 1},
    )
    assert fresh_pairs(problem) == {(0, 3), (1, 3), (2, 3)}


@settings(max_examples=40, deadline=None)
@given(
    organisations=st.lists(st.integers(0, 2), min_size=6, max_size=6),
    rounds=st.integers(2, 3),
    met=st.sets(st.sampled_from(list(combinations(range(6), 2))), max_size=15),
)
def test_bound_never_exceeds_what_some_schedule_achieves_at_tables_of_three(
    organisations: list[int], rounds: int, met: set[Pair]
) -> None:
    problem = Problem(tuple(organisations), rounds=rounds, table_size=3, past_encounters={p: 1.0 for p in met})
    assert forced_reunions(problem) <= fewest_reunions(problem)


@settings(max_examples=40, deadline=None)
@given(
    organisations=st.lists(st.integers(0, 2), min_size=6, max_size=6),
    rounds=st.integers(1, 3),
    absent=st.none() | st.tuples(st.integers(0, 5), st.integers(0, 2)),
)
def test_a_first_session_floor_never_exceeds_what_some_schedule_achieves(
    organisations: list[int], rounds: int, absent: tuple[int, int] | None
) -> None:
    absences = frozenset() if absent is None or absent[1] >= rounds else frozenset({absent})
    problem = Problem(tuple(organisations), rounds=rounds, table_size=3, absences=absences)
    assert forced_reunions(problem) <= fewest_reunions(problem)


@settings(max_examples=40, deadline=None)
@given(
    organisations=st.lists(st.integers(0, 4), min_size=8, max_size=8),
    met=st.sets(st.sampled_from(list(combinations(range(8), 2))), min_size=1, max_size=20),
    met_today=st.sets(st.sampled_from(list(combinations(range(8), 2))), max_size=3),
    absent=st.none() | st.integers(0, 7),
)
def test_bound_never_exceeds_what_some_schedule_achieves_at_tables_of_four(
    organisations: list[int], met: set[Pair], met_today: set[Pair], absent: int | None
) -> None:
    problem = Problem(
        tuple(organisations),
        rounds=2,
        absences=frozenset() if absent is None else frozenset({(absent, 1)}),
        past_encounters={p: 1.0 for p in met},
        session_encounters={p: 1 for p in met_today},
    )
    assert forced_reunions(problem) <= fewest_reunions(problem)


@settings(max_examples=60, deadline=None)
@given(
    shapes=st.lists(
        st.tuples(st.sets(st.integers(0, 6), min_size=3, max_size=4), st.integers(1, 2), st.integers(0, 9)),
        max_size=9,
    ),
    attendance=st.lists(st.integers(1, 2), min_size=7, max_size=7),
    tables=st.tuples(st.integers(1, 3), st.integers(1, 3)),
)
def test_packing_bound_is_never_below_the_best_packing(
    shapes: list[tuple[set[int], int, int]], attendance: list[int], tables: tuple[int, int]
) -> None:
    patterns = []
    for people, gain, drop in shapes:
        pairs = list(combinations(sorted(people), 2))
        del pairs[drop % len(pairs)]
        patterns.append(Pattern(gain, tuple(sorted(people)), tuple(pairs), len(people)))
    caps = Counter(dict(enumerate(attendance)))
    table_caps = Counter({3: tables[0], 4: tables[1]})
    best = 0
    for chosen in product((False, True), repeat=len(patterns)):
        picked = [p for p, keep in zip(patterns, chosen, strict=True) if keep]
        pairs = [two for p in picked for two in p.pairs]
        seats = Counter(person for p in picked for person in p.people)
        sizes = Counter(p.table for p in picked)
        if len(pairs) == len(set(pairs)) and seats <= caps and sizes <= table_caps:
            best = max(best, sum(p.gain for p in picked))
    assert best <= packing_bound(patterns, caps, table_caps) <= sum(p.gain for p in patterns)


@settings(max_examples=40, deadline=None)
@given(
    organisations=st.lists(st.integers(0, 3), min_size=7, max_size=7),
    rounds=st.integers(1, 2),
    met=st.sets(st.sampled_from(list(combinations(range(7), 2))), max_size=18),
    absent=st.none() | st.integers(0, 6),
)
def test_programme_never_below_the_most_fresh_pairs_a_schedule_meets(
    organisations: list[int], rounds: int, met: set[Pair], absent: int | None
) -> None:
    problem = Problem(
        tuple(organisations),
        rounds=rounds,
        absences=frozenset() if absent is None else frozenset({(absent, rounds - 1)}),
        past_encounters={p: 1.0 for p in met},
    )
    fresh = fresh_pairs(problem)
    most = pattern_bound(problem, fresh, useless=len(fresh) + 1)
    assert most is not None
    assert most_fresh_met(problem) <= most


def table_weight(weights: list[list[int]], costs: list[int], table: tuple[int, ...]) -> int:
    return sum(weights[a][b] for a, b in combinations(table, 2)) - sum(costs[p] for p in table)


@settings(max_examples=80, deadline=None)
@given(
    data=st.data(),
    people=st.integers(3, 9),
    size=st.integers(3, 5),
    budget=st.sampled_from([0, 30, 10_000]),
)
def test_pricing_finds_the_heaviest_table_or_bounds_it(
    data: st.DataObject, people: int, size: int, budget: int
) -> None:
    size = min(size, people)
    upper = [[0] * people for _ in range(people)]
    for a, b in combinations(range(people), 2):
        upper[a][b] = upper[b][a] = data.draw(st.sampled_from([0, 0, 1, patterns.SCALE // 2, patterns.SCALE]))
    costs = data.draw(st.lists(st.integers(0, patterns.SCALE), min_size=people, max_size=people))
    pricing = Pricing(np.array(upper, dtype=np.int64), np.array(costs, dtype=np.int64), size)
    heaviest, tables = pricing.search(UNSET, budget)
    truth = max(table_weight(upper, costs, table) for table in combinations(range(people), size))
    assert heaviest >= truth
    if budget == 10_000:
        assert heaviest == truth == table_weight(upper, costs, tables[0])
    assert [table_weight(upper, costs, t) for t in tables] == sorted(
        (table_weight(upper, costs, t) for t in tables), reverse=True
    )


@settings(max_examples=40, deadline=None)
@given(data=st.data(), people=st.integers(6, 10), size=st.integers(3, 4))
def test_rounds_offered_are_disjoint_tables_heavier_than_the_threshold(
    data: st.DataObject, people: int, size: int
) -> None:
    upper = [[0] * people for _ in range(people)]
    for a, b in combinations(range(people), 2):
        upper[a][b] = upper[b][a] = data.draw(st.integers(0, 4))
    costs = data.draw(st.lists(st.integers(0, 2), min_size=people, max_size=people))
    threshold = data.draw(st.integers(-4, 4))
    first = tuple(range(size))
    tables = Pricing(np.array(upper, dtype=np.int64), np.array(costs, dtype=np.int64), size).round_around(
        first, threshold
    )
    seated = [person for table in (first, *tables) for person in table]
    assert len(seated) == len(set(seated)) <= people
    assert all(len(table) == size and table_weight(upper, costs, table) > threshold for table in tables)


def test_a_spent_budget_leaves_a_weaker_bound_never_a_wrong_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "PIVOTS", 0)
    monkeypatch.setattr(patterns, "SEARCH_BUDGET", 0)
    problem = cycle_of_eight()
    fresh = fresh_pairs(problem)
    most = pattern_bound(problem, fresh, useless=len(fresh) + 1)
    assert most is not None and most >= most_fresh_met(problem) == 6


def fewest_reunions_apart(problem: Problem) -> tuple[int, Schedule] | None:
    """The true minimum over the schedules keeping colleagues apart where possible, with one of them;
    None when no schedule does (the head counts' floor is then not reached)."""
    apart = [schedule for schedule in every_schedule(problem) if keeps_colleagues_apart(problem, schedule)]
    if not apart:
        return None
    return min(reunions(evaluate(problem, schedule)) for schedule in apart), apart[0]


@settings(max_examples=40, deadline=None)
@given(
    organisations=st.lists(st.integers(0, 3), min_size=8, max_size=8),
    rounds=st.integers(1, 2),
    met=st.sets(st.sampled_from(list(combinations(range(8), 2))), min_size=1, max_size=20),
)
def test_the_floor_of_plans_keeping_colleagues_apart_never_exceeds_what_one_of_them_achieves(
    organisations: list[int], rounds: int, met: set[Pair]
) -> None:
    problem = Problem(tuple(organisations), rounds=rounds, past_encounters={p: 1.0 for p in met})
    found = fewest_reunions_apart(problem)
    if found is not None:
        fewest, schedule = found
        assert forced_reunions(problem, schedule) <= fewest


@settings(max_examples=30, deadline=None)
@given(
    organisations=st.lists(st.integers(0, 2), min_size=7, max_size=7),
    met=st.sets(st.sampled_from(list(combinations(range(7), 2))), min_size=1, max_size=15),
)
def test_the_floor_of_plans_keeping_colleagues_apart_is_sound_at_tables_of_three_and_four(
    organisations: list[int], met: set[Pair]
) -> None:
    problem = Problem(tuple(organisations), rounds=2, past_encounters={p: 1.0 for p in met})
    found = fewest_reunions_apart(problem)
    if found is not None:
        fewest, schedule = found
        assert forced_reunions(problem, schedule) <= fewest


def test_keeping_colleagues_apart_forces_re_meetings_that_seating_them_together_would_spare() -> None:
    # Two of each of four organisations; everyone of A and B has met everyone of C and D. Tables of
    # one of each organisation hold 2 fresh pairs and 4 re-meetings; {A, A, B, B} holds 4 fresh pairs
    # and 2 colleague pairs, so only a plan keeping colleagues apart must have 8.
    organisations = (0, 0, 1, 1, 2, 2, 3, 3)
    past = {(a, b): 1.0 for a in range(4) for b in range(4, 8)}
    problem = Problem(organisations, rounds=1, past_encounters=past)
    apart: Schedule = (((0, 2, 4, 6), (1, 3, 5, 7)),)
    together: Schedule = (((0, 1, 2, 3), (4, 5, 6, 7)),)
    assert reunions(evaluate(problem, together)) == forced_reunions(problem, together) == 4
    assert reunions(evaluate(problem, apart)) == forced_reunions(problem, apart) == 8
