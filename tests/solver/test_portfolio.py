"""`solve` end to end on instances whose best plan is known."""

import time
from collections.abc import Callable
from itertools import combinations

import pytest

from speeddating.evaluation import evaluate, schedule_errors
from speeddating.problem import Problem, pair
from speeddating.solver import solve
from speeddating.solver.constructions import construct
from speeddating.solver.greedy import greedy_schedule
from speeddating.solver.portfolio import nearby_design
from speeddating.status import Phase, ProgressEvent, SolveStatus, Stop


def test_nine_people_three_organisations_perfect_and_proven() -> None:
    problem = Problem((0, 0, 0, 1, 1, 1, 2, 2, 2), rounds=3, table_size=3)
    result = solve(problem, time_limit=5)
    assert schedule_errors(problem, result.schedule) == []
    assert result.evaluation.distinct_new_pairs == result.proven_bound == 27
    assert result.evaluation.same_org_pairs == 0 and result.optimal


def test_sixteen_people_five_rounds_perfect() -> None:
    """An affine plane of order 4: everyone meets everyone exactly once."""
    problem = Problem(tuple(range(16)), rounds=5)
    result = solve(problem, time_limit=20)
    assert result.evaluation.perfect and result.optimal
    assert result.evaluation.distinct_new_pairs == 120


def test_forced_colleagues_one_pair_per_round() -> None:
    """Ten colleagues among nine tables: exactly one colleague pair per round, no more."""
    problem = Problem((0,) * 10 + tuple(range(1, 27)), rounds=3)
    result = solve(problem, time_limit=4)
    assert result.evaluation.same_org_pairs == result.evaluation.forced_same_org == 3


def test_keep_apart_absences_fixed_seats_respected() -> None:
    keep_apart = frozenset({(0, 1), (2, 3), (4, 10)})
    problem = Problem(
        tuple(p % 6 for p in range(20)),
        rounds=4,
        keep_apart=keep_apart,
        absences=frozenset({(5, 0), (6, 3)}),
        fixed_tables={(0, 1): 0, (1, 1): 0, (7, 2): 3},
    )
    result = solve(problem, time_limit=3, seed=1)
    assert schedule_errors(problem, result.schedule) == []
    assert result.evaluation.keep_apart_violations == 1, "only the pair fixed to one table"


def test_same_seed_same_plan_and_progress_reported() -> None:
    problem = Problem(tuple(p % 7 for p in range(21)), rounds=4)
    events: list[ProgressEvent] = []
    first = solve(problem, time_limit=5, seed=4, progress=events.append)
    assert first.schedule == solve(problem, time_limit=5, seed=4).schedule
    assert events and all(event.phase is Phase.IMPROVED for event in events)
    assert [e.elapsed for e in events] == sorted(e.elapsed for e in events)
    assert (events[-1].new_pairs, events[-1].same_org_pairs) == (
        first.evaluation.distinct_new_pairs,
        first.evaluation.same_org_pairs,
    )


@pytest.mark.parametrize(("people", "rounds", "time_limit"), [(20, 4, 1), (34, 7, 2)])
def test_the_plan_does_not_depend_on_the_clock(
    people: int, rounds: int, time_limit: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Work is counted, not timed: with the clock stopped, as on an infinitely fast machine, the same
    seed gives the same plan as with the real clock (up to 30 people with the model beside the search;
    above, with a second search in another process, whichever ends first). The clock stops at the
    present instant: the other process reads the real one, and must not find the deadline past."""
    past = {(p, p + 1): 1.0 for p in range(people - 1) if p % 6 != 5}
    problem = Problem(tuple(p % 6 for p in range(people)), rounds=rounds, past_encounters=past)
    timed = solve(problem, time_limit=time_limit, seed=2, workers=2)
    assert not timed.optimal, "a case for the whole budget"
    stopped = time.monotonic()
    monkeypatch.setattr(time, "monotonic", lambda: stopped)
    assert solve(problem, time_limit=time_limit, seed=2, workers=2).schedule == timed.schedule


def test_hint_is_a_starting_point() -> None:
    problem = Problem(tuple(p % 4 for p in range(12)), rounds=3, table_size=3)
    hint = tuple((tuple(range(0, 3)), tuple(range(3, 6)), tuple(range(6, 9)), tuple(range(9, 12))) for _ in range(3))
    result = solve(problem, time_limit=3, hint=hint)
    assert schedule_errors(problem, result.schedule) == []
    assert result.evaluation.perfect and result.optimal


def test_a_design_is_offered_and_stops_the_search() -> None:
    """28 people, 9 rounds: only a resolvable design seats everyone without a repeat."""
    problem = Problem(tuple(range(28)), rounds=9)
    result = solve(problem, time_limit=3, seed=0, workers=1)
    assert result.method.startswith("construction:")
    assert result.evaluation.perfect and result.optimal and result.proven_bound == 378


def test_a_nearby_design_is_fitted_as_a_starting_plan() -> None:
    """One absentee and a pinned seat: no design fits as is; the fitted one is a few swaps from
    perfect (the pinned person changed tables), which the tabu search then finds."""
    problem = Problem(tuple(range(28)), rounds=9, absences=frozenset({(0, 3)}), fixed_tables={(5, 2): 0})
    nearby = nearby_design(problem, seed=0)
    assert nearby is not None and nearby[0] == "resolvable-quadruples, fitted"
    assert schedule_errors(problem, nearby[1]) == []
    assert 0 < evaluate(problem, nearby[1]).repeat_pairs <= 2 * 3 * (problem.table_size - 1)
    result = solve(problem, time_limit=3, seed=0, workers=1)
    assert result.evaluation.perfect and result.optimal


def test_the_search_starts_from_the_plan_with_the_most_new_encounters() -> None:
    """46 people at tables of 6 for 9 rounds, two agencies of 12: the fitted design seats two colleague pairs
    more than the dealt plan but a hundred repeats fewer. The search takes those two pairs apart and keeps the
    design's encounters; started from the dealt plan, it ended 40 new encounters short of them."""
    sizes = (12, 3, 2, 1, 3, 12, 1, 6, 6)
    problem = Problem(tuple(org for org, size in enumerate(sizes) for _ in range(size)), rounds=9, table_size=6)
    nearby = nearby_design(problem, seed=0)
    assert nearby is not None
    dealt, fitted = evaluate(problem, greedy_schedule(problem, 0)), evaluate(problem, nearby[1])
    assert dealt.rank() < fitted.rank(), "the dealt plan is the better by the objective's order"
    assert fitted.repeat_pairs + 100 < dealt.repeat_pairs
    result = solve(problem, time_limit=0.3, seed=0, workers=1)
    assert result.evaluation.avoidable_same_org == 0
    assert result.evaluation.distinct_new_pairs >= fitted.distinct_new_pairs


def test_more_rounds_than_the_design_start_from_its_rounds() -> None:
    problem = Problem(tuple(range(28)), rounds=10)
    nearby = nearby_design(problem, seed=0)
    assert nearby is not None and schedule_errors(problem, nearby[1]) == []
    assert evaluate(problem, nearby[1]).repeat_pairs < evaluate(problem, greedy_schedule(problem)).repeat_pairs


def test_forced_repeats_with_every_pair_met_is_proven_best() -> None:
    """28 people, 10 rounds: 420 seat pairs for 378 pairs, so 42 repeats at least; a plan where
    everyone met everyone has exactly those and is proven best by arithmetic, without CP-SAT."""
    problem = Problem(tuple(range(28)), rounds=10)
    result = solve(problem, time_limit=3, seed=0, workers=1)
    assert result.optimal and result.proven_bound == result.evaluation.distinct_new_pairs == 378
    assert result.evaluation.repeat_pairs == 42


def test_rounds_a_design_lacks_are_seated_by_freedom() -> None:
    """32 people, 9 rounds: the transversal design TD(4,8) gives 8 rounds in which each of its four
    groups of 8 never met; seating the 9th round by freedom splits every group into two tables, so
    the fitted start is already perfect (dealing the 9th round like cards repeats pairs)."""
    problem = Problem(tuple(range(32)), rounds=9)
    nearby = nearby_design(problem, seed=0)
    assert nearby is not None and nearby[0] == "transversal-design, fitted"
    assert evaluate(problem, nearby[1]).perfect


def test_a_later_session_starts_from_the_design_rounds_not_yet_held() -> None:
    """spro24's head counts, 2 rounds planned on a 4-GDD of type 3^8, then a second session with
    those pairs as history: the design's next rounds meet nobody again."""
    organisation_of = tuple(p // 4 for p in range(24))
    first = construct(Problem(organisation_of, 2))
    assert first is not None
    history = {pair(a, b): 1.0 for tables in first[1] for table in tables for a, b in combinations(table, 2)}
    problem = Problem(organisation_of, 2, past_encounters=history)
    nearby = nearby_design(problem, seed=0)
    assert nearby is not None
    evaluation = evaluate(problem, nearby[1])
    assert (evaluation.same_org_pairs, evaluation.repeat_pairs, evaluation.history_repeats) == (0, 0, 0)


def test_a_plan_at_the_floor_on_re_meetings_is_proven_best() -> None:
    """16 strangers met in 2 rounds of an affine plane; 4 more rounds: 3 of the plane's other rounds
    meet nobody again, the 4th must re-seat 24 pairs, the floor (each person has 9 strangers left
    for 12 seats); the design's rounds reach it with no repeat, which proves the plan best."""
    design = construct(Problem(tuple(range(16)), rounds=2))
    assert design is not None
    history = {pair(a, b): 1.0 for tables in design[1] for table in tables for a, b in combinations(table, 2)}
    problem = Problem(tuple(range(16)), rounds=4, past_encounters=history)
    result = solve(problem, time_limit=5, seed=0, workers=1)
    assert result.optimal
    assert (result.evaluation.repeat_pairs, result.evaluation.history_repeats) == (0, 24)


NINE_ORGANISATIONS = Problem(tuple(i % 9 for i in range(28)), rounds=7, table_size=5)
"""28 people of 9 organisations over 7 rounds: no starting plan is perfect, and the searches take seconds."""


def stop_after(stop: Stop, methods: tuple[str, ...], events: list[ProgressEvent]) -> Callable[[ProgressEvent], None]:
    """A progress callback that keeps the events and requests `stop` at the first plan one of `methods` finds."""

    def report(event: ProgressEvent) -> None:
        events.append(event)
        if event.method in methods:
            stop.request()

    return report


def test_a_stop_hands_back_the_best_starting_plan_interrupted() -> None:
    stop, events = Stop(), list[ProgressEvent]()
    report = stop_after(stop, ("greedy",), events)
    result = solve(NINE_ORGANISATIONS, time_limit=600, workers=2, progress=report, stop=stop)
    assert result.status is SolveStatus.INTERRUPTED and not result.optimal
    assert schedule_errors(NINE_ORGANISATIONS, result.schedule) == []
    assert all(event.method in ("greedy", "freedom") for event in events)  # no search ran after the stop
    assert result.evaluation.distinct_new_pairs == events[-1].new_pairs < result.proven_bound


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_stop_during_the_search_keeps_what_it_found(workers: int) -> None:
    """With one worker the full model comes after the search, with two it runs beside it: either way a stop
    at the search's first improvement ends the run with that plan or a better one, long before 600 s."""
    stop, events = Stop(), list[ProgressEvent]()
    report = stop_after(stop, ("local-search",), events)
    result = solve(NINE_ORGANISATIONS, time_limit=600, workers=workers, progress=report, stop=stop)
    assert result.status is SolveStatus.INTERRUPTED
    assert schedule_errors(NINE_ORGANISATIONS, result.schedule) == []
    assert result.evaluation == evaluate(NINE_ORGANISATIONS, result.schedule)
    assert result.evaluation.distinct_new_pairs == events[-1].new_pairs
    assert [event.method for event in events].count("lns") == 0
