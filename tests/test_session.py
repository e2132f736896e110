"""The session workflow's stop: the best plan found so far comes back at once, saved like any plan, its
status kept by the file and said in plain words."""

from collections.abc import Callable
from pathlib import Path

from speeddating.i18n import use_language
from speeddating.plan import read_plan, write_plan
from speeddating.planning import measure
from speeddating.roster import Roster
from speeddating.session import PlanOptions, ReplanOptions, plan_session, replan_session
from speeddating.status import Phase, ProgressEvent, SolveStatus, Stop
from speeddating.summary import summary_lines
from tests.conftest import CheckPlan
from tests.helpers import people, solved_plan

LONG = 600.0
"""A time limit the tests would wait out if the stop were not honoured."""


def stopping_at_first_plan(stop: Stop) -> Callable[[ProgressEvent], None]:
    def report(event: ProgressEvent) -> None:
        if event.phase is Phase.IMPROVED:
            stop.request()

    return report


def test_a_stopped_plan_is_saved_like_any_other_and_says_it_was_stopped(tmp_path: Path, check_plan: CheckPlan) -> None:
    stop = Stop()
    roster = Roster(tuple(people(28, 9)))
    options = PlanOptions(time_limit=LONG)
    result = plan_session(roster, options=options, progress=stopping_at_first_plan(stop), stop=stop)
    assert result.status is SolveStatus.INTERRUPTED and result.quality.interrupted
    path = tmp_path / "plan.json"
    write_plan(result.plan, path)
    assert check_plan(path)["valid"]
    again = read_plan(path)
    assert again.quality == result.quality
    assert measure(again).status is SolveStatus.INTERRUPTED  # figures recomputed, the stop still said
    with use_language("fr"):
        lines = summary_lines(again, measure(again))
    assert "Optimalité : arrêté avant la fin, meilleur plan trouvé jusque-là, non prouvé" in lines


def test_a_finished_plan_file_has_no_word_of_a_stop(tmp_path: Path) -> None:
    plan = solved_plan(people(9, 3), 2)
    path = tmp_path / "plan.json"
    write_plan(plan, path)
    assert "interrupted" not in path.read_text(encoding="utf-8")
    assert measure(read_plan(path)).status is not SolveStatus.INTERRUPTED


def test_a_stopped_replan_keeps_the_best_reseating_found_so_far(check_plan: CheckPlan, tmp_path: Path) -> None:
    """Stopped as soon as it starts: the previous version repaired for the absent person."""
    attendees = people(28, 9)
    plan = solved_plan(attendees, 7)
    stop = Stop()
    stop.request()
    options = ReplanOptions(from_round=2, absent=(attendees[0].id,), time_limit=LONG)
    result = replan_session(plan, options, stop=stop)
    assert result.status is SolveStatus.INTERRUPTED
    assert all(attendees[0].id not in table.attendees for rnd in result.plan.rounds[1:] for table in rnd.tables)
    assert result.plan.rounds[0] == plan.rounds[0]
    path = tmp_path / "plan.json"
    write_plan(result.plan, path)
    assert check_plan(path, "--allow-absent")["valid"]
