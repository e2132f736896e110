"""Plans computed in the background: progress kept, a stopped run's best plan kept (also when the server
stops), failures said."""

import json
import threading
from pathlib import Path

from starlette.testclient import TestClient

from speeddating.errors import UserError
from speeddating.status import Phase, Progress, ProgressEvent, Stop
from speeddating.web.app import Settings, create_app
from speeddating.web.jobs import Jobs, JobState, PlanJob
from speeddating.web.screens.progress import progress_report
from speeddating.web.security import Guard
from speeddating.web.site import Pages, Site
from speeddating.web.workspace import Workspace


def test_a_stopped_run_keeps_the_plan_it_hands_back_and_a_new_run_may_start_after() -> None:
    jobs = Jobs()
    kept: list[str] = []

    def until_stopped(report: Progress, stop: Stop) -> str:
        """Stands for the optimiser: it works until asked to stop, then hands back its best plan."""
        report(ProgressEvent(Phase.IMPROVED, 0.1, new_pairs=3, new_pairs_bound=6))
        while not stop.requested:
            assert jobs.get("s1") is not None
            jobs.stop("s1")
        return "best plan so far"

    job = jobs.start("s1", 10.0, until_stopped, kept.append)
    assert job.over.wait(timeout=60)
    assert kept == ["best plan so far"] and job.state is JobState.DONE and not job.stopping
    assert [event.new_pairs for event in job.improvements] == [3]
    assert jobs.start("s1", 10.0, until_stopped, kept.append) is not job


def test_one_run_per_session_at_a_time() -> None:
    jobs, release = Jobs(), threading.Event()

    def held(report: Progress, stop: Stop) -> str:
        release.wait(timeout=60)
        return "plan"

    first = jobs.start("s3", 10.0, held, lambda planned: None)
    assert jobs.start("s3", 10.0, held, lambda planned: None) is first
    release.set()
    assert first.over.wait(timeout=60) and first.state is JobState.DONE


def test_a_refused_run_says_why() -> None:
    def refused(report: Progress, stop: Stop) -> str:
        raise UserError("Aucun tour ne tient")

    job = Jobs().start("s2", 10.0, refused, lambda planned: None)
    assert job.over.wait(timeout=60)
    assert job.state is JobState.FAILED and job.error == "Aucun tour ne tient"


def test_a_server_that_stops_stops_its_runs_and_keeps_their_best_plan(
    tmp_path: Path, guard: Guard, origin: str, french_export: Path
) -> None:
    """Ctrl-C (or a test's server ending) while a plan is computed: no optimiser is left working behind the
    server, and the best plan found so far is written, said to be interrupted."""
    data = tmp_path / "data"
    draft = Workspace(data).new_draft().store_attendees(french_export.read_bytes(), french_export.name)
    with TestClient(create_app(Settings(data=data, guard=guard)), base_url=origin) as client:
        client.cookies.set(guard.cookie, guard.token)
        client.headers["origin"] = origin
        client.post(f"/sessions/{draft.id}/plan/start", data={"time_limit": "120"})
        assert ">Arrêter</button>" in client.get(f"/sessions/{draft.id}/plan").text  # still running
    document = json.loads((draft.plan_folder / "plan.json").read_text(encoding="utf-8"))
    assert document["quality"]["interrupted"] is True


def test_a_progress_report_read_as_the_first_plan_arrives_shows_no_figures_rather_than_failing(
    tmp_path: Path,
) -> None:
    """The report is made while the search adds its events: a plan's first figures may arrive after the best
    plan was read and before the figures are shown. Those are shown at the next report, never half (the
    fragment read the events twice and failed on a best plan that was not there yet)."""

    class Arriving(PlanJob):
        """A run whose first figures arrive once the best plan so far has been read."""

        @property
        def improvements(self) -> list[ProgressEvent]:
            seen = super().improvements
            self.events.append(ProgressEvent(Phase.IMPROVED, 0.1, new_pairs=3, new_pairs_bound=6))
            return seen

    site = Site(Pages(), Workspace(tmp_path / "data"), Jobs())
    arriving = Arriving(time_limit=3.0)
    assert "3" not in progress_report(site, arriving).split("</progress>")[1]
    assert "3 nouvelles rencontres sur 6 possibles" in progress_report(site, arriving)
