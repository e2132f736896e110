"""Several sessions planned at once from the Plan screen (the CLI's `plan --sessions`): session 1 in its own
session, each later one in a session of its own on the home page, all kept in the history as planned."""

import json
import time
from pathlib import Path

from starlette.testclient import TestClient

from speeddating.event import default_event
from speeddating.history.store import SessionStatus, list_sessions, open_history
from speeddating.importer import read_roster
from speeddating.status import Phase, Stop
from speeddating.web.app import Settings, create_app
from speeddating.web.jobs import Jobs, PlanJob
from speeddating.web.screens.attendees import edited_roster
from speeddating.web.screens.event import saved_event
from speeddating.web.screens.plan import keep_series_drafts, series_drafts
from speeddating.web.screens.progress import progress_report
from speeddating.web.security import Guard
from speeddating.web.site import Pages, Site
from speeddating.web.workflow import plan_sessions
from speeddating.web.workspace import Workspace
from tests.conftest import CheckPlan
from tests.web.conftest import planning_timeout

RUNNING = (">Arrêter</button>", "Arrêt en cours")
"""What the Plan screen shows while a run goes on: its stop button, then, once asked, that it is stopping."""


def test_a_series_makes_a_session_per_later_session_and_planning_again_reuses_them(
    tmp_path: Path, french_export: Path, check_plan: CheckPlan
) -> None:
    workspace = Workspace(tmp_path / "data")
    draft = workspace.new_draft().store_attendees(french_export.read_bytes(), french_export.name)
    draft = draft.save(pairs={"apart": [["p01", "p02"]], "meet": []})
    roster = edited_roster(draft)
    assert roster is not None
    planned = plan_sessions(
        roster, saved_event(draft), sessions=3, history=workspace.history, time_limit=1.0, apart=(("p01", "p02"),)
    )
    keep_series_drafts(workspace, draft, planned)
    later = [session.id for session in series_drafts(workspace, workspace.draft(draft.id))]
    assert len(later) == 2 and len(workspace.drafts()) == 3
    previous: list[Path] = []
    for number, session_id in enumerate([draft.id, *later], start=1):
        session = workspace.draft(session_id)
        plan_file = session.plan_folder / "plan.json"
        assert check_plan(plan_file, *(f"--previous={path}" for path in previous))["valid"]
        document = json.loads(plan_file.read_text(encoding="utf-8"))
        assert (document["series"]["session"], document["series"]["sessions"]) == (number, 3)
        assert document["constraints"]["keep_apart"] == [["p01", "p02"]]
        assert session.state["pairs"] == {"apart": [["p01", "p02"]], "meet": []}
        assert (number == 1) == ("séance" not in session.title)
        previous.append(plan_file)
    assert "Série de 3 séances" in " ".join(workspace.draft(draft.id).state["plan_notes"])
    with open_history(workspace.history) as connection:
        kept = list_sessions(connection)
    assert [(info.status, info.series_number) for info in kept] == [(SessionStatus.PLANNED, k) for k in (1, 2, 3)]
    keep_series_drafts(workspace, workspace.draft(draft.id), planned)
    assert [session.id for session in series_drafts(workspace, workspace.draft(draft.id))] == later and len(
        workspace.drafts()
    ) == 3
    with open_history(workspace.history) as connection:
        assert len(list_sessions(connection)) == 3  # planned again: replaced, not added


def test_the_progress_of_a_series_says_which_session_is_planned_and_each_sessions_figures(
    tmp_path: Path, french_export: Path
) -> None:
    """The progress screen fed with a real series' events: session 1 of 3 while its own search runs, then
    sessions 2 and 3 together, each session's figures in order, the last ones those of the series kept."""
    workspace = Workspace(tmp_path / "data")
    draft = workspace.new_draft().store_attendees(french_export.read_bytes(), french_export.name)
    roster = edited_roster(draft)
    assert roster is not None
    site, job = Site(Pages(), workspace, Jobs()), PlanJob(time_limit=3.0, sessions=3)
    planned = plan_sessions(
        roster, saved_event(draft), sessions=3, history=workspace.history, time_limit=1.0, progress=job.events.append
    )
    later = next(index for index, event in enumerate(job.events) if event.phase is Phase.SESSION and event.session == 2)
    events, job.events = job.events, job.events[:later]
    during_first = progress_report(site, job)
    assert "Planification de la séance 1 sur 3 ; les séances suivantes viennent après elle." in during_first
    assert "Séance 1 : " in during_first and "Séance 2 : " not in during_first
    job.events = events
    report = progress_report(site, job)
    assert "La séance 1 est planifiée ; planification des séances 2 et 3 ensemble." in report
    lines = [report.index(f"Séance {number} : ") for number in (1, 2, 3)]
    assert lines == sorted(lines)
    third = planned.series.sessions[2].quality
    assert f"Séance 3 : {third.distinct_new_pairs} nouvelles rencontres sur {third.new_pairs_bound} possibles" in report


def test_the_plan_screen_plans_a_series_and_its_stop_keeps_the_best_series_so_far(
    tmp_path: Path, guard: Guard, origin: str, french_export: Path
) -> None:
    data = tmp_path / "data"
    draft = Workspace(data).new_draft().store_attendees(french_export.read_bytes(), french_export.name)
    with TestClient(create_app(Settings(data=data, guard=guard)), base_url=origin) as client:
        client.cookies.set(guard.cookie, guard.token)
        client.headers["origin"] = origin
        page = client.get(f"/sessions/{draft.id}/plan").text
        assert '<option value="1" selected>celle-ci seulement</option>' in page
        client.post(f"/sessions/{draft.id}/plan/start", data={"time_limit": "120", "sessions": "2"})
        running = client.get(f"/sessions/{draft.id}/plan").text
        assert "Planification de la séance 1 sur 2 ; les séances suivantes viennent après elle." in running
        client.post(f"/sessions/{draft.id}/plan/stop")
        waited = time.monotonic() + planning_timeout(120) / 1000
        while any(running in (page := client.get(f"/sessions/{draft.id}/plan").text) for running in RUNNING):
            assert time.monotonic() < waited, "the stopped series never ended"
            time.sleep(0.2)
    workspace = Workspace(data)
    later = [session.id for session in series_drafts(workspace, workspace.draft(draft.id))]
    assert len(later) == 1 and (workspace.draft(later[0]).plan_folder / "plan.json").is_file()
    assert '<option value="2" selected>2</option>' in page and "Les séances suivantes de cette série" in page
    assert f'href="/sessions/{later[0]}/plan"' in page


def test_a_series_stopped_before_it_starts_hands_back_every_session_at_once(tmp_path: Path, instances: Path) -> None:
    """spro24's joint plan falls short in session 1, so every candidate runs, the session-first search on two
    workers included: a stop requested beforehand makes each hand back what it has."""
    roster = read_roster(instances / "spro24.csv")
    stop = Stop()
    stop.request()
    planned = plan_sessions(
        roster, default_event(), sessions=3, history=tmp_path / "history.db", time_limit=60.0, stop=stop
    )
    rounds = [len(result.plan.rounds) for result in planned.series.sessions]
    assert len(rounds) == 3 and len(set(rounds)) == 1
    seated = [
        sorted(x for table in r.tables for x in table.attendees) for s in planned.series.sessions for r in s.plan.rounds
    ]
    assert all(people == sorted(a.id for a in roster.attendees) for people in seated)
    met = list(planned.series.met_after)
    assert met == sorted(met) and met[-1] <= planned.series.possible
