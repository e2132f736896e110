"""Relabelling a plan: people exchanged across all rounds keep every meeting count, dodge past pairs."""

from hypothesis import given, settings

from speeddating.evaluation import encounters, evaluate, schedule_errors
from speeddating.problem import Problem, pair
from speeddating.solver.constructions import construct
from speeddating.solver.costs import pair_costs
from speeddating.solver.greedy import greedy_schedule
from speeddating.solver.local_search import Seating
from speeddating.solver.relabel import relabelled
from tests.solver.strategies import problems


def test_relabelling_dodges_the_pairs_of_the_session_before() -> None:
    """16 strangers met in 2 rounds of an affine plane: the same 2 rounds given to other people meet
    nobody again (the plane has 3 more rounds, so such a relabelling exists)."""
    design = construct(Problem(tuple(range(16)), rounds=2))
    assert design is not None
    first = design[1]
    history = {pair(a, b): 1.0 for a, b in encounters(first)}
    problem = Problem(tuple(range(16)), rounds=2, past_encounters=history)
    assert evaluate(problem, first).history_repeats == 48
    again = relabelled(problem, first, seed=0)
    assert schedule_errors(problem, again) == []
    assert (evaluate(problem, again).history_repeats, evaluate(problem, again).repeat_pairs) == (0, 0)


@settings(max_examples=40, deadline=None)
@given(problems())
def test_relabelling_keeps_meeting_counts_and_pinned_seats_and_never_costs_more(problem: Problem) -> None:
    start = greedy_schedule(problem, seed=1)
    again = relabelled(problem, start, seed=2)
    assert schedule_errors(problem, again) == []
    assert sorted(encounters(again).values()) == sorted(encounters(start).values())
    moved = {
        p
        for tables, before in zip(again, start, strict=True)
        for t, b in zip(tables, before, strict=True)
        for p in set(t) ^ set(b)
    }
    assert not moved & ({p for p, _ in problem.fixed_tables} | {p for p, _ in problem.absences})
    costs = pair_costs(problem)
    assert Seating(problem, costs, again).cost <= Seating(problem, costs, start).cost + 1e-6
