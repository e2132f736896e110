"""Plans computed in the background: progress kept, a stopped run's best plan kept, failures said."""

import threading

from speeddating.errors import UserError
from speeddating.status import Phase, Progress, ProgressEvent, Stop
from speeddating.web.jobs import Jobs, JobState


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
