"""Greedy and tabu search: plans always fit the problem, runs are reproducible, conflicts go away."""

from dataclasses import replace

from hypothesis import given, settings

from speeddating.evaluation import evaluate, schedule_errors
from speeddating.problem import Problem
from speeddating.solver.costs import pair_costs
from speeddating.solver.greedy import fit_schedule, greedy_schedule
from speeddating.solver.local_search import Seating, steepest_descent, tabu_search, tenure
from tests.solver.strategies import problems


@settings(max_examples=40, deadline=None)
@given(problems())
def test_greedy_fits_and_repeats(problem: Problem) -> None:
    schedule = greedy_schedule(problem, seed=3)
    assert schedule_errors(problem, schedule) == []
    assert greedy_schedule(problem, seed=3) == schedule


@settings(max_examples=30, deadline=None)
@given(problems())
def test_tabu_search_fits_repeats_and_never_worsens(problem: Problem) -> None:
    start = greedy_schedule(problem)
    outcome = tabu_search(problem, start, seed=5, work_budget=20_000)
    assert schedule_errors(problem, outcome.schedule) == []
    assert tabu_search(problem, start, seed=5, work_budget=20_000).schedule == outcome.schedule
    assert outcome.cost <= tabu_search(problem, start, seed=5, work_budget=0).cost


def test_greedy_spreads_organisations() -> None:
    """Six organisations of four at six tables of four: no colleague pair at all."""
    problem = Problem(tuple(p // 4 for p in range(24)), rounds=5)
    assert evaluate(problem, greedy_schedule(problem)).same_org_pairs == 0


def test_tabu_search_removes_repeats() -> None:
    problem = Problem(tuple(range(16)), rounds=4)
    start = greedy_schedule(problem)
    outcome = tabu_search(problem, start, seed=1, work_budget=3_000_000)
    assert evaluate(problem, start).repeat_pairs > 0
    assert evaluate(problem, outcome.schedule).repeat_pairs == 0


def test_tenure_is_shorter_after_earlier_sessions() -> None:
    """Pairs met before leave few good seats: a swapped person is held there for fewer iterations."""
    first = Problem(tuple(p // 3 for p in range(33)), rounds=5)
    later = replace(first, past_encounters={(0, 3): 1.0})
    assert tenure(later)[0] < tenure(first)[0]
    assert tenure(later)[1] < tenure(first)[1]
    assert 1 <= tenure(later)[0] <= tenure(later)[1]


def test_tabu_search_scales_to_hundreds() -> None:
    problem = Problem(tuple(p % 80 for p in range(500)), rounds=8)
    start = greedy_schedule(problem)
    outcome = tabu_search(problem, start, seed=0, work_budget=200_000)
    assert schedule_errors(problem, outcome.schedule) == []
    assert evaluate(problem, outcome.schedule).avoidable_same_org == 0


@settings(max_examples=40, deadline=None)
@given(problems())
def test_fit_schedule_makes_a_nearby_plan_fit(problem: Problem) -> None:
    """A plan for the plain session (everyone present, nothing pinned), cut short by a round, fits
    `problem` once fitted: absentees gone, fixed people at their table, the missing round dealt."""
    plain = Problem(problem.organisation_of, problem.rounds, problem.table_size)
    nearby = greedy_schedule(plain, seed=1)[: max(1, problem.rounds - 1)]
    fitted = fit_schedule(problem, nearby, seed=1)
    assert schedule_errors(problem, fitted) == []
    if problem.rounds > 1 and not problem.absences and not problem.fixed_tables:
        assert fitted[: problem.rounds - 1] == nearby


@settings(max_examples=30, deadline=None)
@given(problems())
def test_steepest_descent_fits_repeats_and_never_worsens(problem: Problem) -> None:
    start = greedy_schedule(problem, seed=2)
    preferred = [[set(table) for table in tables] for tables in greedy_schedule(problem, seed=4)]
    descended = steepest_descent(problem, start, preferred, work_budget=1_000_000)
    assert schedule_errors(problem, descended) == []
    assert steepest_descent(problem, start, preferred, work_budget=1_000_000) == descended
    costs = pair_costs(problem)
    assert Seating(problem, costs, descended).cost <= Seating(problem, costs, start).cost + 1e-6


def test_steepest_descent_brings_people_back_at_no_cost() -> None:
    """Strangers only: every seating costs the same, so the descent puts both swapped people back."""
    problem = Problem(tuple(range(8)), rounds=1)
    preferred = [[{0, 1, 2, 3}, {4, 5, 6, 7}]]
    descended = steepest_descent(problem, (((0, 1, 2, 4), (3, 5, 6, 7)),), preferred, work_budget=1_000_000)
    assert [set(table) for table in descended[0]] == preferred[0]
