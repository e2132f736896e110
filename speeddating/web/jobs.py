"""Plans being computed: one background thread per session, its progress kept for the page to stream.

The optimiser runs until its time limit and cannot be interrupted from outside yet, so "stop" lets the run
finish in the background and throws its result away: the organiser gets the page back at once and the
previous plan, if any, stays. The thread runs in a copy of the request's context, so messages and documents
come out in the language of the page that asked.
"""

import contextvars
import enum
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from speeddating.errors import UserError
from speeddating.i18n import t
from speeddating.status import Phase, Progress, ProgressEvent
from speeddating.web.workflow import Planned

Work = Callable[[Progress], Planned]
"""The planning to do, given the function to call with each progress event; raises UserError to refuse."""
Keep = Callable[[Planned], None]
"""What to do with the plan of a run that was not stopped (write it into the session's folder)."""


class JobState(enum.Enum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    STOPPED = "stopped"


@dataclass
class PlanJob:
    """One run of the optimiser for one session, as the page shows it."""

    time_limit: float
    started: float = field(default_factory=time.monotonic)
    events: list[ProgressEvent] = field(default_factory=list)
    state: JobState = JobState.RUNNING
    error: str = ""
    finished: float | None = None
    over: threading.Event = field(default_factory=threading.Event)
    """Set when the thread has ended, whatever the outcome (stopped runs end later than they stop)."""

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def improvements(self) -> list[ProgressEvent]:
        """The better plans found so far, in order (the last is the best)."""
        return [event for event in self.events if event.phase is Phase.IMPROVED]

    @property
    def past_pairs(self) -> int:
        """Pairs of these people the history says have met (0 before the first recorded session)."""
        return max((event.past_pairs for event in self.events if event.phase is Phase.HISTORY), default=0)

    @property
    def running(self) -> bool:
        return self.state is JobState.RUNNING


class Jobs:
    """The runs of this server, by session id (a restart forgets them; the plans written stay)."""

    def __init__(self) -> None:
        self._jobs: dict[str, PlanJob] = {}
        self._lock = threading.Lock()

    def get(self, session_id: str) -> PlanJob | None:
        with self._lock:
            return self._jobs.get(session_id)

    def start(self, session_id: str, time_limit: float, work: Work, keep: Keep) -> PlanJob:
        """Run `work` in the background unless this session is already being planned; `keep` commits its result
        (called only when the run was not stopped)."""
        with self._lock:
            current = self._jobs.get(session_id)
            if current is not None and current.running:
                return current
            job = PlanJob(time_limit)
            self._jobs[session_id] = job
        context = contextvars.copy_context()
        thread = threading.Thread(target=context.run, args=(self._run, job, work, keep), daemon=True)
        thread.start()
        return job

    def stop(self, session_id: str) -> None:
        with self._lock:
            job = self._jobs.get(session_id)
            if job is not None and job.running:
                job.state = JobState.STOPPED
                job.finished = time.monotonic()

    def _run(self, job: PlanJob, work: Work, keep: Keep) -> None:
        try:
            planned = work(job.events.append)
            with self._lock:
                if job.running:
                    keep(planned)
                    job.state = JobState.DONE
        except UserError as error:
            self._fail(job, str(error))
        except Exception as error:  # a fault of ours: the page says so in one line instead of waiting forever
            self._fail(job, t("The planning stopped on an unexpected error: {reason}", reason=error))
        finally:
            job.finished = job.finished or time.monotonic()
            job.over.set()

    def _fail(self, job: PlanJob, message: str) -> None:
        """A run that fails after it was stopped stays stopped: the organiser no longer waits for it."""
        with self._lock:
            if job.running:
                job.error, job.state = message, JobState.FAILED
