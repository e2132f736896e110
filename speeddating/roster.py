"""The attendees of one session, as the importer hands them to the rest of the tool."""

from collections import Counter
from dataclasses import dataclass, field

from speeddating.text import fold

STAYS_SEATED = "stays_seated"
"""The attribute that keeps a person at one table all session (reduced mobility), "yes" when set."""


@dataclass(frozen=True)
class Attendee:
    """One person. `id` is unique within a roster; `attributes` keeps extra columns as text."""

    id: str
    name: str
    organisation: str
    email: str = ""
    attributes: tuple[tuple[str, str], ...] = ()

    @property
    def organisation_key(self) -> str:
        """Organisations compare without case, accents, hyphens or extra blanks."""
        return fold(self.organisation)

    @property
    def identity(self) -> str:
        """Who this is across sessions: the email when known, else name and organisation."""
        if self.email:
            return "email:" + self.email.strip().casefold()
        return "name:" + fold(self.name) + "|" + fold(self.organisation)

    def attribute(self, *names: str) -> str:
        """The first non-empty extra column among `names` (compared folded), else ''."""
        wanted = {fold(n) for n in names}
        for key, value in self.attributes:
            if fold(key) in wanted and value.strip():
                return value
        return ""


@dataclass(frozen=True)
class OrganisationMerge:
    """A spelling of an organisation counted in another one's name, and why (for the aliases file)."""

    spelling: str
    organisation: str
    reason: str


@dataclass(frozen=True)
class Roster:
    """The attendees in file order, each organisation under the one name printed for it.

    `warnings` are what the organiser should check (merges, people left out); `notes` how the file was
    read (the columns used); `merges` every spelling counted in another organisation's name."""

    attendees: tuple[Attendee, ...]
    source: str = ""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    notes: tuple[str, ...] = field(default=(), compare=False)
    merges: tuple[OrganisationMerge, ...] = field(default=(), compare=False)

    def __len__(self) -> int:
        return len(self.attendees)

    def organisation_counts(self) -> list[tuple[str, int]]:
        """(display name, head count) per organisation, largest first, then alphabetical."""
        counts = Counter(a.organisation_key for a in self.attendees)
        display: dict[str, str] = {}
        for a in self.attendees:
            display.setdefault(a.organisation_key, a.organisation)
        return sorted(((display[k], c) for k, c in counts.items()), key=lambda x: (-x[1], fold(x[0])))

    def by_id(self) -> dict[str, Attendee]:
        return {a.id: a for a in self.attendees}
