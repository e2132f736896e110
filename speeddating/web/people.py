"""What the organiser changed by hand on the imported list: people removed, people added, who stays seated
and who hosts a table. Kept apart from the file (which stays as uploaded) and applied on each reading, so
that importing a corrected file keeps the changes that still make sense.

Flags are written as the attendee columns the planner already reads (`reste_assis`, `animateur`), so the
plan treats a box ticked here exactly as a column of the spreadsheet.
"""

from dataclasses import dataclass, replace
from typing import Any

from speeddating.constraints import HOST_COLUMNS, STAYS_SEATED_COLUMNS, YES
from speeddating.roster import Attendee, Roster
from speeddating.text import clean, fold

FLAG_COLUMNS = {"stays_seated": STAYS_SEATED_COLUMNS, "host": HOST_COLUMNS}
"""The two flags of the people list, and the attendee columns each one stands for."""


def flagged(attendee: Attendee, flag: str) -> bool:
    return fold(attendee.attribute(*FLAG_COLUMNS[flag])) in YES


def _with_flag(attendee: Attendee, flag: str, value: bool) -> Attendee:
    columns = {fold(name) for name in FLAG_COLUMNS[flag]}
    kept = tuple((key, text) for key, text in attendee.attributes if fold(key) not in columns)
    return replace(attendee, attributes=(*kept, (FLAG_COLUMNS[flag][-1], "oui" if value else "non")))


@dataclass(frozen=True)
class PeopleEdits:
    """The organiser's changes, by attendee id (ids of added people start with "n")."""

    removed: tuple[str, ...] = ()
    added: tuple[Attendee, ...] = ()
    flags: tuple[tuple[str, str, bool], ...] = ()
    """(attendee id, flag, value): the last word on a flag, whatever the file says."""

    @classmethod
    def from_state(cls, state: Any) -> "PeopleEdits":
        if not isinstance(state, dict):
            return cls()
        added = tuple(
            Attendee(id=str(item["id"]), name=str(item["name"]), organisation=str(item["organisation"]))
            for item in state.get("added", [])
        )
        flags = tuple((str(i), str(f), bool(v)) for i, f, v in state.get("flags", []) if f in FLAG_COLUMNS)
        return cls(tuple(str(i) for i in state.get("removed", [])), added, flags)

    def to_state(self) -> dict[str, Any]:
        return {
            "removed": list(self.removed),
            "added": [{"id": a.id, "name": a.name, "organisation": a.organisation} for a in self.added],
            "flags": [list(flag) for flag in self.flags],
        }

    def apply(self, roster: Roster) -> Roster:
        """The roster as the organiser left it: file order, then the people added, without the removed."""
        attendees = [a for a in (*roster.attendees, *self.added) if a.id not in self.removed]
        for attendee_id, flag, value in self.flags:
            attendees = [_with_flag(a, flag, value) if a.id == attendee_id else a for a in attendees]
        return replace(roster, attendees=tuple(attendees))

    def remove(self, attendee_id: str) -> "PeopleEdits":
        if any(a.id == attendee_id for a in self.added):
            return replace(self, added=tuple(a for a in self.added if a.id != attendee_id))
        return replace(self, removed=tuple(dict.fromkeys((*self.removed, attendee_id))))

    def add(self, name: str, organisation: str) -> "PeopleEdits":
        number = max((int(a.id[1:]) for a in self.added), default=0) + 1
        person = Attendee(id=f"n{number:02d}", name=clean(name), organisation=clean(organisation))
        return replace(self, added=(*self.added, person))

    def flag(self, attendee_id: str, flag: str, value: bool) -> "PeopleEdits":
        others = tuple(item for item in self.flags if item[:2] != (attendee_id, flag))
        return replace(self, flags=(*others, (attendee_id, flag, value)))
