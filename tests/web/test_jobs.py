"""Plans computed in the background: progress kept, a stopped run's plan thrown away, failures said."""

import threading

from speeddating.errors import UserError
from speeddating.status import Phase, Progress, ProgressEvent
from speeddating.web.jobs import Jobs, JobState
from speeddating.web.workflow import Planned


def test_a_stopped_run_keeps_nothing_and_a_new_run_may_start_at_once() -> None:
    jobs = Jobs()
    release = threading.Event()
    kept: list[Planned] = []

    def slow(report: Progress) -> Planned:
        report(ProgressEvent(Phase.IMPROVED, 0.1, new_pairs=3, new_pairs_bound=6))
        release.wait(timeout=60)
        raise UserError("never seen: the run was stopped")

    job = jobs.start("s1", 10.0, slow, kept.append)
    assert jobs.start("s1", 10.0, slow, kept.append) is job  # one run per session at a time
    jobs.stop("s1")
    assert job.state is JobState.STOPPED and not job.running
    release.set()
    assert job.over.wait(timeout=60)
    assert kept == [] and job.state is JobState.STOPPED and job.error == ""
    assert [event.new_pairs for event in job.improvements] == [3]


def test_a_refused_run_says_why() -> None:
    def refused(report: Progress) -> Planned:
        raise UserError("Aucun tour ne tient")

    job = Jobs().start("s2", 10.0, refused, lambda planned: None)
    assert job.over.wait(timeout=60)
    assert job.state is JobState.FAILED and job.error == "Aucun tour ne tient"
