"""Re-planning with fewest moves (the default): seats kept unless keeping them costs a colleague pair or a
repeat; compared with the plain search (--no-fewest-moves), which keeps the best plan it finds."""

import json
import random
import time
from pathlib import Path

import pytest

from speeddating.evaluation import evaluate
from speeddating.plan import Plan, plan_to_dict, write_plan
from speeddating.problem import Problem, Schedule
from speeddating.replan import Homes, Move, moves_rank, reseat
from speeddating.roster import Attendee
from speeddating.wording import move_lines
from tests.conftest import CheckPlan
from tests.helpers import people, replanned, run_cli, solved_plan


@pytest.fixture(scope="module")
def plan24() -> Plan:
    return solved_plan(people(24, 6), 5)


@pytest.fixture(scope="module")
def plan22() -> Plan:
    return solved_plan(people(22, 5), 6)


def moved(moves: tuple[Move, ...]) -> set[str]:
    """People who change table while seated before and after (absentees and newcomers aside)."""
    return {m.attendee_id for m in moves if m.before is not None and m.after is not None}


def checked(plan: Plan, folder: Path, check_plan: CheckPlan) -> dict[str, int]:
    write_plan(plan, folder / "plan.json")
    figures = check_plan(folder / "plan.json", "--allow-absent")
    assert figures["valid"], figures["errors"]
    assert plan.quality is not None and figures["distinct_new_pairs"] == plan.quality.distinct_new_pairs
    return figures


def assert_no_more_conflicts(fewest: Plan, plain: Plan, tmp_path: Path, check_plan: CheckPlan) -> None:
    """Both plans are valid for the checker, and fewest moves has no more colleague pairs or repeats."""
    (tmp_path / "fewest").mkdir()
    (tmp_path / "plain").mkdir()
    mine = checked(fewest, tmp_path / "fewest", check_plan)
    theirs = checked(plain, tmp_path / "plain", check_plan)
    assert mine["same_org_pairs"] <= theirs["same_org_pairs"]
    assert mine["repeat_pairs"] <= theirs["repeat_pairs"]


def test_nothing_changed_means_nobody_moves(plan24: Plan) -> None:
    new, moves = replanned(plan24, 2, time_limit=1, fewest_moves=True)
    assert moves == ()
    assert plan_to_dict(new)["rounds"] == plan_to_dict(plan24)["rounds"]


@pytest.mark.parametrize("absentee", ["p01", "p10", "p24"])
def test_one_absentee_moves_at_most_their_tablemates(plan24: Plan, absentee: str) -> None:
    absent = [plan24.attendee(absentee)]
    _, moves = replanned(plan24, 3, absent, time_limit=1, fewest_moves=True)
    tablemates = {x for rnd in plan24.rounds[2:] for t in rnd.tables if absentee in t.attendees for x in t.attendees}
    assert moved(moves) <= tablemates - {absentee}, move_lines(moves)
    assert {(m.attendee_id, m.round) for m in moves if m.after is None} == {(absentee, r) for r in (3, 4, 5)}


@pytest.mark.parametrize("size", [4, 3])
def test_one_absentee_in_a_tight_plan_moves_no_more_people_than_the_plain_search(
    plan22: Plan, size: int, tmp_path: Path, check_plan: CheckPlan
) -> None:
    """22 people over 6 rounds must repeat pairs: the plain search may move many people to save a repeat,
    and so must fewest moves; an absentee from a table of three leaves two people whom someone joins."""
    absentee = next(t for t in plan22.rounds[2].tables if len(t.attendees) == size).attendees[0]
    absent = [plan22.attendee(absentee)]
    new, moves = replanned(plan22, 3, absent, time_limit=1, fewest_moves=True)
    plain, plain_moves = replanned(plan22, 3, absent, time_limit=1, fewest_moves=False)
    assert len(moved(moves)) <= len(moved(plain_moves))
    assert plan_to_dict(new)["rounds"][:2] == plan_to_dict(plan22)["rounds"][:2]
    assert_no_more_conflicts(new, plain, tmp_path, check_plan)


SCENARIOS = {
    "three absent": (3, 3, 0),
    "two late": (3, 0, 2),
    "one absent, one late, from round 2": (2, 1, 1),
    "four absent, from round 2": (2, 4, 0),
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_fewest_moves_never_adds_a_colleague_pair_or_a_repeat(
    plan24: Plan, scenario: str, tmp_path: Path, check_plan: CheckPlan
) -> None:
    from_round, away, late = SCENARIOS[scenario]
    rng = random.Random(from_round * 10 + away + late)
    absent = rng.sample(list(plan24.attendees), away)
    added = [Attendee("", f"Late {k}", f"Org {rng.randrange(8)}") for k in range(late)]
    fewest, fewest_moves = replanned(plan24, from_round, absent, added, time_limit=1, fewest_moves=True)
    plain, plain_moves = replanned(plan24, from_round, absent, added, time_limit=1, fewest_moves=False)
    assert_no_more_conflicts(fewest, plain, tmp_path, check_plan)
    assert len(moved(fewest_moves)) <= len(moved(plain_moves))
    frozen = from_round - 1
    assert plan_to_dict(fewest)["rounds"][:frozen] == plan_to_dict(plan24)["rounds"][:frozen]


def test_two_late_arrivals_move_fewer_people_than_in_the_plain_search(plan24: Plan) -> None:
    """Seven tables instead of six: the plain search reseats more people than making room needs; with
    the same colleague pairs and repeats, the new pairs are the same too (every seat pair is one or
    the other)."""
    added = [Attendee("", "Late One", "Org 2"), Attendee("", "Late Two", "Org 9")]
    fewest, fewest_moves = replanned(plan24, 2, added=added, time_limit=1, fewest_moves=True)
    plain, plain_moves = replanned(plan24, 2, added=added, time_limit=1, fewest_moves=False)
    assert fewest.quality is not None and plain.quality is not None
    assert (fewest.quality.same_org_pairs, fewest.quality.repeat_pairs) == (0, 0)
    assert fewest.quality.distinct_new_pairs == plain.quality.distinct_new_pairs
    assert len(moved(fewest_moves)) < len(moved(plain_moves)), move_lines(fewest_moves)


@pytest.mark.parametrize("fewest_moves", [True, False])
def test_the_same_seed_gives_the_same_plan_whatever_the_clock(
    plan22: Plan, fewest_moves: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Work is counted, not timed: with the clock stopped, as on an infinitely fast machine, the plan is
    the one the real clock gives (22 people over 6 rounds must repeat pairs: the searches run in full)."""
    absent = [plan22.attendee("p05")]
    added = [Attendee("", "Late One", "Org 2")]
    first, _ = replanned(plan22, 2, absent, added, time_limit=1, fewest_moves=fewest_moves, revised_at="x")
    monkeypatch.setattr(time, "monotonic", lambda: 0.0)
    again, _ = replanned(plan22, 2, absent, added, time_limit=1, fewest_moves=fewest_moves, revised_at="x")
    assert plan_to_dict(first)["rounds"] == plan_to_dict(again)["rounds"]


def small_problem() -> tuple[Problem, Schedule]:
    """12 people over 3 rounds with every kind of pair the model weighs: met twice in frozen rounds,
    met in earlier sessions (fractional weights), kept apart, wished to meet."""
    schedule = (
        ((0, 4, 8), (1, 5, 9), (2, 6, 10), (3, 7, 11)),
        ((0, 5, 10), (1, 6, 11), (2, 7, 8), (3, 4, 9)),
        ((0, 6, 9), (1, 4, 8), (2, 5, 11), (3, 7, 10)),
    )
    problem = Problem(
        organisation_of=(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5),
        rounds=3,
        table_size=3,
        session_encounters={(0, 4): 2, (1, 9): 1},
        past_encounters={(0, 8): 0.5, (3, 7): 1 / 3},
        keep_apart=frozenset({(2, 6)}),
        should_meet=frozenset({(0, 11)}),
    )
    return problem, schedule


def test_a_reseating_that_frees_nothing_gives_the_plan_back() -> None:
    """The conflict caps are the plan's own figures as the model counts them: the plan fits under them."""
    problem, schedule = small_problem()
    homes: Homes = {(p, r): t for r, tables in enumerate(schedule) for t, table in enumerate(tables) for p in table}
    found, optimal = reseat(
        problem, schedule, homes, [set(), set(), set()], deterministic_time=1, time_limit=10, seed=0, workers=1
    )
    assert found == schedule and optimal


@pytest.mark.slow
def test_a_reseating_never_adds_a_conflict() -> None:
    """Everyone's home is their first-round table: going home in every round would repeat every pair."""
    problem, schedule = small_problem()
    homes: Homes = {(p, r): t for r in range(3) for t, table in enumerate(schedule[0]) for p in table}
    everything = [set(range(4)) for _ in schedule]
    found, _ = reseat(problem, schedule, homes, everything, deterministic_time=2, time_limit=10, seed=0, workers=1)
    assert found is not None
    before, after = moves_rank(problem, schedule, homes), moves_rank(problem, found, homes)
    assert all(x <= y for x, y in zip(after[:5], before[:5], strict=True)) and after < before
    assert evaluate(problem, found).keep_apart_violations <= evaluate(problem, schedule).keep_apart_violations


@pytest.mark.slow
def test_cli_moves_fewest_people_unless_told_not_to(plan24: Plan, tmp_path: Path, check_plan: CheckPlan) -> None:
    write_plan(plan24, tmp_path / "plan.json")
    moved_people = {}
    for flag in ("--fewest-moves", "", "--no-fewest-moves"):
        out_dir = tmp_path / (flag or "default")
        code, out, err = run_cli(
            *filter(
                None,
                (
                    "replan",
                    str(tmp_path / "plan.json"),
                    "--from-round",
                    "2",
                    "--add",
                    "Late One,Org 2",
                    "--add",
                    "Late Two,Org 9",
                    flag,
                    "--time-limit",
                    "1",
                    "--no-history",
                    "--json",
                    "--quiet",
                    "--out",
                    str(out_dir),
                ),
            )
        )
        assert code == 0, err
        moves = json.loads(out)["moves"]
        moved_people[flag] = {m["attendee_id"] for m in moves if m["before"] is not None and m["after"] is not None}
        assert check_plan(out_dir / "plan.json", "--allow-absent")["valid"]
    assert moved_people["--fewest-moves"] == moved_people[""]
    assert len(moved_people[""]) < len(moved_people["--no-fewest-moves"])
