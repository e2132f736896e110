"""Plans being computed: one background thread per session, its progress kept for the page to stream.

"Stop" asks the optimiser to end now (`status.Stop`): the run hands back the best plan found so far, kept
like any other, its status INTERRUPTED. The thread runs in a copy of the request's context, so messages and
documents come out in the language of the page that asked.
"""

import contextvars
import enum
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from speeddating.errors import UserError
from speeddating.i18n import t
from speeddating.status import Phase, Progress, ProgressEvent, Stop

T = TypeVar("T")
"""What a run makes: a plan (the Plan screen) or a re-plan's result (On the day)."""
Work = Callable[[Progress, Stop], T]
"""The planning to do, given the function to call with each progress event and the stop to honour;
raises UserError to refuse."""
Keep = Callable[[T], None]
"""What to do with the plan of a run, stopped early or not (write it into the session's folder)."""


class JobState(enum.Enum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass
class PlanJob:
    """One run of the optimiser for one session, as the page shows it."""

    time_limit: float
    sessions: int = 1
    """Sessions the run plans: for a series, the progress says which session is being planned and the
    figures of each session so far."""
    started: float = field(default_factory=time.monotonic)
    events: list[ProgressEvent] = field(default_factory=list)
    state: JobState = JobState.RUNNING
    error: str = ""
    finished: float | None = None
    over: threading.Event = field(default_factory=threading.Event)
    """Set when the thread has ended, whatever the outcome."""
    stop: Stop = field(default_factory=Stop)

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def session(self) -> int:
        """The session of the series being planned (from 2 on, with the sessions after it); 1 for a plan."""
        return max((event.session for event in self.events if event.phase is Phase.SESSION), default=1)

    @property
    def improvements(self) -> list[ProgressEvent]:
        """The better plans found so far for the session being planned, in order (the last is the best)."""
        return [event for event in self.events if event.phase is Phase.IMPROVED and event.session == self.session]

    @property
    def session_bests(self) -> list[ProgressEvent]:
        """The figures of each session reported so far, in the order of the sessions: the last event of each."""
        best = {event.session: event for event in self.events if event.phase is Phase.IMPROVED}
        return [best[number] for number in sorted(best)]

    @property
    def past_pairs(self) -> int:
        """Pairs of these people the history says have met (0 before the first recorded session)."""
        return max((event.past_pairs for event in self.events if event.phase is Phase.HISTORY), default=0)

    @property
    def running(self) -> bool:
        return self.state is JobState.RUNNING

    @property
    def stopping(self) -> bool:
        """Asked to stop, and finishing with the best plan found so far."""
        return self.running and self.stop.requested


class Jobs:
    """The runs of this server, by session id (a restart forgets them; the plans written stay)."""

    def __init__(self) -> None:
        self._jobs: dict[str, PlanJob] = {}
        self._lock = threading.Lock()

    def get(self, session_id: str) -> PlanJob | None:
        with self._lock:
            return self._jobs.get(session_id)

    def start(self, session_id: str, time_limit: float, work: Work[T], keep: Keep[T], sessions: int = 1) -> PlanJob:
        """Run `work` (planning `sessions` sessions) in the background unless this session is already being
        planned; `keep` commits its result."""
        with self._lock:
            current = self._jobs.get(session_id)
            if current is not None and current.running:
                return current
            job = PlanJob(time_limit, sessions)
            self._jobs[session_id] = job
        context = contextvars.copy_context()
        thread = threading.Thread(target=context.run, args=(self._run, job, work, keep), daemon=True)
        thread.start()
        return job

    def stop(self, session_id: str) -> None:
        """Ask the session's run to end with the best plan found so far (it goes on for a moment)."""
        job = self.get(session_id)
        if job is not None and job.running:
            job.stop.request()

    def stop_all(self, wait: float) -> None:
        """Ask every run to end with its best plan so far and give them `wait` seconds to write it: a server
        that stops (Ctrl-C, a test's server) leaves no optimiser working behind it, nor a plan half kept."""
        with self._lock:
            running = [job for job in self._jobs.values() if job.running]
        for job in running:
            job.stop.request()
        deadline = time.monotonic() + wait
        for job in running:
            job.over.wait(max(0.0, deadline - time.monotonic()))

    def _run(self, job: PlanJob, work: Work[T], keep: Keep[T]) -> None:
        try:
            keep(work(job.events.append, job.stop))
            job.state = JobState.DONE
        except UserError as error:
            job.error, job.state = str(error), JobState.FAILED
        except Exception as error:  # a fault of ours: the page says so in one line instead of waiting forever
            job.error = t("The planning stopped on an unexpected error: {reason}", reason=error)
            job.state = JobState.FAILED
        finally:
            job.finished = time.monotonic()
            job.over.set()
