"""Where the history lives: one store that follows the organiser from folder to folder.

Each session usually gets its own folder (`speeddating init seance2`), so a history kept in the
current folder was silently left behind in the first one. The store is found, in this order:

1. `--history PATH`;
2. `$SPEEDDATING_DB`;
3. `./speeddating.db`, the former default, when the current folder still has one;
4. `history.db` in the user's data folder (platformdirs: `~/.local/share/speeddating` on Linux,
   `%LOCALAPPDATA%\\speeddating` on Windows, `~/Library/Application Support/speeddating` on macOS).

Every command names the store it used and what it holds (`describe`), so nobody plans against an
empty history without knowing it.
"""

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from speeddating.i18n import t, t_plural

APPLICATION = "speeddating"
LEGACY_DB = Path("speeddating.db")
"""The former default, in the current folder: still used where it exists."""
STORE_NAME = "history.db"
ENVIRONMENT_VARIABLE = "SPEEDDATING_DB"


class Origin(Enum):
    """Why this store: how the organiser can tell which history a command used."""

    OPTION = "option"
    ENVIRONMENT = "environment"
    CURRENT_FOLDER = "current folder"
    USER_DATA = "user data"


@dataclass(frozen=True)
class HistoryLocation:
    path: Path
    origin: Origin


def user_store() -> Path:
    """The default store in the user's data folder, the same from any working folder."""
    import platformdirs  # only where the user's data folder is looked for: --no-history needs none

    return platformdirs.user_data_path(APPLICATION, appauthor=False) / STORE_NAME


def locate(option: Path | None) -> HistoryLocation:
    """The store in force (see the module's order)."""
    if option is not None:
        return HistoryLocation(option, Origin.OPTION)
    from_environment = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if from_environment:
        return HistoryLocation(Path(from_environment), Origin.ENVIRONMENT)
    if LEGACY_DB.is_file():
        return HistoryLocation(LEGACY_DB, Origin.CURRENT_FOLDER)
    return HistoryLocation(user_store(), Origin.USER_DATA)


def database_path(option: Path | None) -> Path:
    """The store's path: --history, else $SPEEDDATING_DB, else ./speeddating.db if present, else the user's."""
    return locate(option).path


def history_path(option: Path | None, no_history: bool) -> Path | None:
    """The database `plan` reads: as `database_path`, or None with --no-history."""
    return None if no_history else database_path(option)


def describe(location: HistoryLocation | None, sessions: int, people: int, planned: int = 0) -> str:
    """The line every command prints: "History: 2 sessions, 41 people — PATH", with the sessions planned and
    not held yet said apart (nobody has met anyone there yet), or why there is none."""
    if location is None:
        return t("History: not used (--no-history).")
    path = location.path.absolute()
    where = (
        t(" (the former place, in the current folder; it stays in use while it is there)")
        if location.origin is Origin.CURRENT_FOLDER
        else ""
    )
    if sessions == 0 and planned == 0:
        return t("History: no session recorded yet — {path}{where}", path=path, where=where)
    held = (
        t(
            "{sessions}, {people}",
            sessions=t_plural("{count} session", "{count} sessions", sessions),
            people=t_plural("{count} person", "{count} people", people),
        )
        if sessions
        else t("no session held yet")
    )
    if planned:
        held = t(
            "{held}; {planned}",
            held=held,
            planned=t_plural("{count} planned, not held yet", "{count} planned, not held yet", planned),
        )
    return t("History: {held} — {path}{where}", held=held, path=path, where=where)
