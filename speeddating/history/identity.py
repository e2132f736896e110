"""Who is who across sessions: matching the attendees of a roster to the people of the store.

The rule, applied in passes so a stronger match always wins over a weaker one, and each stored
person is claimed by at most one attendee (the first in roster order):

1. the same identity key as when the person was first recorded (`Attendee.identity`);
2. the same email (case and surrounding blanks ignored) — a person keeps their history when
   they change organisation;
3. the same name and organisation, ignoring case, accents, hyphens and spacing;
4. the same name alone, when exactly one stored person bears it and exactly one attendee of the
   roster does — a person listed without email whose organisation changed or was renamed.

Passes 3 and 4 never match two different emails: a stored email that differs from the
attendee's means a different person. Anyone left unmatched is new to the store.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from speeddating.roster import Attendee
from speeddating.text import fold


@dataclass(frozen=True)
class KnownPerson:
    """A person as the store knows them (keys already folded)."""

    id: int
    identity: str
    email: str
    name_key: str
    organisation_key: str


def email_key(attendee: Attendee) -> str:
    return attendee.email.strip().casefold()


def _compatible(attendee: Attendee, person: KnownPerson) -> bool:
    """Two known emails that differ belong to two different people."""
    return not (attendee.email and person.email and email_key(attendee) != person.email)


Test = Callable[[Attendee, KnownPerson], bool]

PASSES: tuple[Test, ...] = (
    lambda a, p: p.identity == a.identity,
    lambda a, p: bool(a.email) and p.email == email_key(a),
    lambda a, p: _compatible(a, p) and p.name_key == fold(a.name) and p.organisation_key == a.organisation_key,
    lambda a, p: _compatible(a, p) and p.name_key == fold(a.name),
)
NAME_ONLY = 3


def resolve(attendees: Sequence[Attendee], people: Sequence[KnownPerson]) -> dict[str, int]:
    """Attendee id -> stored person id, for the attendees the store already knows."""
    matched: dict[str, int] = {}
    claimed: set[int] = set()
    names_listed = Counter(fold(a.name) for a in attendees)
    names_stored = Counter(p.name_key for p in people)
    for number, test in enumerate(PASSES):
        for attendee in attendees:
            name = fold(attendee.name)
            if attendee.id in matched or (number == NAME_ONLY and (names_listed[name] > 1 or names_stored[name] > 1)):
                continue
            candidates = [p for p in people if p.id not in claimed and test(attendee, p)]
            if len(candidates) == 1:
                matched[attendee.id] = candidates[0].id
                claimed.add(candidates[0].id)
    return matched
