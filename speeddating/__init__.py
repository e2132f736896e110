"""speeddating: plan speed-networking sessions that mix organisations and never repeat a pair.

The names an integrator needs are importable from here: read an attendee file, an event and a plan; plan,
re-plan, check and record a session (`speeddating.session`, the workflow every front end calls); write the
plan files and the printables; the result, status and progress types. They are loaded on first use, so that
`import speeddating` (and the command line's `--help`) stays fast::

    import speeddating
    roster = speeddating.read_roster(Path("attendees.csv"))
    result = speeddating.plan_session(roster, options=speeddating.PlanOptions(rounds=5, time_limit=10))
    speeddating.write_plan_files(result.plan, Path("plan"))
"""

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from speeddating.errors import PlanFormatError as PlanFormatError
    from speeddating.errors import UserError as UserError
    from speeddating.event import Event as Event
    from speeddating.event import default_event as default_event
    from speeddating.event import load_event as load_event
    from speeddating.exporters.pdf import write_printables as write_printables
    from speeddating.history.store import SessionInfo as SessionInfo
    from speeddating.history.store import SessionStatus as SessionStatus
    from speeddating.i18n import use_language as use_language
    from speeddating.importer import read_roster as read_roster
    from speeddating.notice import Notice as Notice
    from speeddating.plan import Plan as Plan
    from speeddating.plan import Quality as Quality
    from speeddating.plan import SeriesPlace as SeriesPlace
    from speeddating.plan import read_plan as read_plan
    from speeddating.plan import write_plan as write_plan
    from speeddating.replan import Move as Move
    from speeddating.roster import Attendee as Attendee
    from speeddating.roster import Roster as Roster
    from speeddating.session import Checked as Checked
    from speeddating.session import PlanOptions as PlanOptions
    from speeddating.session import Recorded as Recorded
    from speeddating.session import ReplanOptions as ReplanOptions
    from speeddating.session import Result as Result
    from speeddating.session import Revision as Revision
    from speeddating.session import SeriesResult as SeriesResult
    from speeddating.session import check_plan as check_plan
    from speeddating.session import plan_series as plan_series
    from speeddating.session import plan_session as plan_session
    from speeddating.session import record_planned as record_planned
    from speeddating.session import record_session as record_session
    from speeddating.session import recorded_sessions as recorded_sessions
    from speeddating.session import replan_session as replan_session
    from speeddating.session import write_plan_files as write_plan_files
    from speeddating.session import write_series_files as write_series_files
    from speeddating.status import Phase as Phase
    from speeddating.status import ProgressEvent as ProgressEvent
    from speeddating.status import SolveStatus as SolveStatus

PUBLIC = {
    "speeddating.errors": ("PlanFormatError", "UserError"),
    "speeddating.event": ("Event", "default_event", "load_event"),
    "speeddating.exporters.pdf": ("write_printables",),
    "speeddating.history.store": ("SessionInfo", "SessionStatus"),
    "speeddating.i18n": ("use_language",),
    "speeddating.importer": ("read_roster",),
    "speeddating.notice": ("Notice",),
    "speeddating.plan": ("Plan", "Quality", "SeriesPlace", "read_plan", "write_plan"),
    "speeddating.replan": ("Move",),
    "speeddating.roster": ("Attendee", "Roster"),
    "speeddating.session": (
        "Checked",
        "PlanOptions",
        "Recorded",
        "ReplanOptions",
        "Result",
        "Revision",
        "SeriesResult",
        "check_plan",
        "plan_series",
        "plan_session",
        "record_planned",
        "record_session",
        "recorded_sessions",
        "replan_session",
        "write_plan_files",
        "write_series_files",
    ),
    "speeddating.status": ("Phase", "ProgressEvent", "SolveStatus"),
}
"""Module -> the names re-exported from it (the block above says the same to type checkers)."""

_HOME = {name: module for module, names in PUBLIC.items() for name in names}

__all__ = ["__version__", *_HOME]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use."""
    if name not in _HOME:
        raise AttributeError(f"module 'speeddating' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})
