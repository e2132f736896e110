"""Our figures must mean what the independent checker means: compare on random plans."""

import importlib.util
import random
from types import ModuleType
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from speeddating.evaluation import evaluate, schedule_errors
from speeddating.event import Event
from speeddating.plan import plan_to_dict
from speeddating.planning import build_plan, past_pairs
from speeddating.problem import Problem, Schedule, table_layout
from speeddating.roster import Attendee
from speeddating.solver import SolveResult
from speeddating.status import SolveStatus
from tests.conftest import checker_path


def load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_plan", checker_path())
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHECKER = load_checker()


def random_schedule(people: int, rounds: int, size: int, rng: random.Random) -> Schedule:
    layout = table_layout(people, size)
    result = []
    for _ in range(rounds):
        order = list(range(people))
        rng.shuffle(order)
        tables, start = [], 0
        for seats in layout:
            tables.append(tuple(order[start : start + seats]))
            start += seats
        result.append(tuple(tables))
    return tuple(result)


def as_plan_dict(attendees: list[Attendee], schedule: Schedule, problem: Problem) -> dict[str, Any]:
    evaluation = evaluate(problem, schedule)
    result = SolveResult(schedule, evaluation, SolveStatus.FEASIBLE, evaluation.new_pairs_bound, "", 0.0)
    return plan_to_dict(build_plan(attendees, Event(), result))


@settings(max_examples=40, deadline=None)
@given(
    people=st.integers(6, 30),
    organisations=st.integers(1, 8),
    rounds=st.integers(1, 5),
    size=st.integers(3, 5),
    seed=st.integers(0, 10**6),
)
def test_evaluation_matches_the_checker(people: int, organisations: int, rounds: int, size: int, seed: int) -> None:
    rng = random.Random(seed)
    attendees = [Attendee(f"p{i}", f"Person {i}", f"Org {rng.randrange(organisations)}") for i in range(people)]
    earlier = random_schedule(people, 2, size, rng)
    plain = Problem(tuple(int(a.organisation[4:]) for a in attendees), 2, size)
    previous = as_plan_dict(attendees, earlier, plain)
    history = {
        frozenset((attendees[a].identity, attendees[b].identity)): 1.0
        for tables in earlier
        for table in tables
        for a in table
        for b in table
        if a < b
    }
    problem = Problem(plain.organisation_of, rounds, size, past_encounters=past_pairs(attendees, history))
    schedule = random_schedule(people, rounds, size, rng)
    assert schedule_errors(problem, schedule) == []
    ours = evaluate(problem, schedule)
    theirs = CHECKER.check(as_plan_dict(attendees, schedule, problem), [previous], False, 2, 6)
    assert theirs["valid"], theirs["errors"]
    assert ours.same_org_pairs == theirs["same_org_pairs"]
    assert ours.forced_same_org == theirs["forced_same_org"]
    assert ours.repeat_pairs == theirs["repeat_pairs"]
    assert ours.history_repeats == theirs["history_repeats"]
    assert ours.distinct_new_pairs == theirs["distinct_new_pairs"]
    assert ours.new_pairs_bound == theirs["new_pairs_bound"]


def test_perfect_needs_every_figure_at_its_best() -> None:
    problem = Problem((0, 1, 2, 3), 1)
    evaluation = evaluate(problem, (((0, 1, 2, 3),),))
    assert evaluation.perfect
    repeated = evaluate(Problem((0, 1, 2, 3), 2), (((0, 1, 2, 3),), ((0, 1, 2, 3),)))
    assert repeated.repeat_pairs == 6
    assert not repeated.perfect


def test_rank_puts_colleagues_before_repeats() -> None:
    problem = Problem((0, 0, 1, 2, 3, 4), 2, table_size=3)
    colleagues = evaluate(problem, (((0, 1, 2), (3, 4, 5)), ((0, 3, 4), (1, 2, 5))))
    repeats = evaluate(problem, (((0, 2, 3), (1, 4, 5)), ((0, 2, 4), (1, 3, 5))))
    assert colleagues.same_org_pairs == 1 and repeats.same_org_pairs == 0
    assert repeats.repeat_pairs > 0
    assert repeats.rank() < colleagues.rank()


def test_a_pair_met_twice_in_frozen_rounds_meeting_again_is_one_more_repeat() -> None:
    problem = Problem((0, 1, 2, 3), 1, session_encounters={(0, 1): 2})
    assert evaluate(problem, (((0, 1, 2, 3),),)).repeat_pairs == 1
