"""The floor on re-meetings: tight on a hand case, never above what brute force achieves."""

from itertools import combinations, product

from hypothesis import given, settings
from hypothesis import strategies as st

from speeddating.evaluation import evaluate
from speeddating.history.bound import forced_reunions
from speeddating.problem import Pair, Problem, Schedule


def splits_in_two_tables_of_three() -> list[tuple[tuple[int, ...], ...]]:
    """Every way to seat 6 people at two tables of 3."""
    return [((0, *rest), tuple(p for p in range(1, 6) if p not in rest)) for rest in combinations(range(1, 6), 2)]


def test_no_history_no_repeat_forced() -> None:
    assert forced_reunions(Problem((0, 0, 1, 1, 2, 2, 3, 3), rounds=3)) == 0


def test_everyone_met_everyone_forces_every_cross_pair() -> None:
    organisations = (0, 0, 1, 1, 2, 2, 3, 3)
    past = {(a, b): 1.0 for a, b in combinations(range(8), 2) if organisations[a] != organisations[b]}
    problem = Problem(organisations, rounds=1, past_encounters=past)
    assert forced_reunions(problem) == 12  # 2 tables x 6 pairs, all cross-organisation


def test_fresh_people_enough_for_every_seat_force_nothing() -> None:
    organisations = (0, 0, 1, 1, 2, 2, 3, 3)
    past = {(0, 2): 1.0, (1, 3): 1.0}
    assert forced_reunions(Problem(organisations, rounds=1, past_encounters=past)) == 0


@settings(max_examples=60, deadline=None)
@given(
    organisations=st.lists(st.integers(0, 2), min_size=6, max_size=6),
    met=st.sets(st.sampled_from(list(combinations(range(6), 2))), max_size=15),
)
def test_bound_never_exceeds_what_some_schedule_achieves(organisations: list[int], met: set[Pair]) -> None:
    problem = Problem(tuple(organisations), rounds=2, table_size=3, past_encounters={p: 1.0 for p in met})
    reunions = []
    for rounds in product(splits_in_two_tables_of_three(), repeat=2):
        schedule: Schedule = tuple(rounds)
        evaluation = evaluate(problem, schedule)
        reunions.append(evaluation.history_repeats + evaluation.repeat_pairs + evaluation.avoidable_same_org)
    assert forced_reunions(problem) <= min(reunions)
