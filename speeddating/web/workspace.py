"""The data folder behind the page: the history and one folder per session being prepared.

State lives here, never only in the browser, so that closing the tab or restarting the server loses
nothing. The browser names a session by an id this module made (checked against a strict pattern and
looked up among the folders it created); nothing the browser sends is ever used as a file path, and an
uploaded file is stored under a name of our own, its original name kept only as text to show.
"""

import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from speeddating.fileio import atomic_write_bytes, atomic_write_text

SESSION_ID = re.compile(r"[0-9a-f]{10}")
ATTENDEE_FILE = "attendees"
ATTENDEE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".ods", ".xls")
"""Kept from the uploaded name only when it is one of these (the importer reads the content, whatever the name)."""
DRAFTS = "sessions"
STATE_FILE = "state.json"
PLAN_FOLDER = "plan"
HISTORY_FILE = "history.db"
NOTICES_FILE = "notices.json"


class UnknownSession(LookupError):
    """An id that names no session of this data folder (mistyped address, session removed)."""


@dataclass(frozen=True)
class Draft:
    """One session being prepared: its folder and what the organiser decided so far (`state.json`)."""

    id: str
    folder: Path
    state: dict[str, Any]

    @property
    def created(self) -> str:
        return str(self.state.get("created", ""))

    @property
    def title(self) -> str:
        event = self.state.get("event") or {}
        return str(event.get("title", ""))

    @property
    def plan_folder(self) -> Path:
        """Where the plan and its documents are written (by the page, never named by the browser)."""
        return self.folder / PLAN_FOLDER

    @property
    def resume_step(self) -> str:
        """Where to pick this session up again: its plan once there is one, else the step after the import."""
        if (self.plan_folder / "plan.json").is_file():
            return "plan"
        return "event" if self.attendee_file is not None else "import"

    @property
    def attendee_file(self) -> Path | None:
        """The attendee list as uploaded (stored under our own name), None before the first upload."""
        found = [self.folder / (ATTENDEE_FILE + suffix) for suffix in ATTENDEE_SUFFIXES]
        return next((path for path in found if path.is_file()), None)

    @property
    def attendee_name(self) -> str:
        """The file's name on the organiser's computer: only ever shown, never used as a path."""
        return str(self.state.get("attendee_name", ""))

    def store_attendees(self, data: bytes, original_name: str) -> "Draft":
        """Keep a newly uploaded list in place of the previous one."""
        suffix = Path(original_name).suffix.lower()
        target = self.folder / (ATTENDEE_FILE + (suffix if suffix in ATTENDEE_SUFFIXES else ".csv"))
        previous = self.attendee_file
        atomic_write_bytes(target, data)
        if previous is not None and previous != target:
            previous.unlink()
        return self.save(attendee_name=original_name)

    def save(self, **changes: Any) -> "Draft":
        """This draft with `changes` merged into its state, written at once (atomically)."""
        state = {**self.state, **changes}
        atomic_write_text(self.folder / STATE_FILE, json.dumps(state, ensure_ascii=False, indent=2))
        return Draft(self.id, self.folder, state)


class Workspace:
    """The data folder (`serve --data DIR`, by default the user's data folder)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def history(self) -> Path:
        return self.root / HISTORY_FILE

    def keep_notice(self, key: str, message: str) -> None:
        """A message for the next showing of a page (the outcome of a form posted to it), shown once."""
        notices = self._notices()
        notices[key] = message
        self.root.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.root / NOTICES_FILE, json.dumps(notices, ensure_ascii=False))

    def take_notice(self, key: str) -> str:
        notices = self._notices()
        message = str(notices.pop(key, ""))
        if message:
            atomic_write_text(self.root / NOTICES_FILE, json.dumps(notices, ensure_ascii=False))
        return message

    def _notices(self) -> dict[str, Any]:
        try:
            found = json.loads((self.root / NOTICES_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    @property
    def drafts_folder(self) -> Path:
        return self.root / DRAFTS

    def drafts(self) -> list[Draft]:
        """The sessions being prepared, newest first."""
        if not self.drafts_folder.is_dir():
            return []
        found = [self._load(path.name) for path in self.drafts_folder.iterdir() if SESSION_ID.fullmatch(path.name)]
        return sorted(found, key=lambda draft: draft.created, reverse=True)

    def new_draft(self) -> Draft:
        session_id = secrets.token_hex(5)
        folder = self.drafts_folder / session_id
        folder.mkdir(parents=True)
        return Draft(session_id, folder, {}).save(created=dt.datetime.now().isoformat(timespec="seconds"))

    def draft(self, session_id: str) -> Draft:
        """The draft named `session_id`, or UnknownSession (the id is never joined to a path unchecked)."""
        if not SESSION_ID.fullmatch(session_id) or not (self.drafts_folder / session_id / STATE_FILE).is_file():
            raise UnknownSession(session_id)
        return self._load(session_id)

    def _load(self, session_id: str) -> Draft:
        folder = self.drafts_folder / session_id
        try:
            state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = {}
        return Draft(session_id, folder, state if isinstance(state, dict) else {})
