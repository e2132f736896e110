"""Who is who across sessions: matching the attendees of a roster to the people of the store.

The name compares whatever its order, case, accents or punctuation ("ROYER Mathieu" is "Mathieu
Royer", `text.person_key`), and the organisation as its variants do (`organisations.same_organisation`:
"ML Blois" is "Mission Locale"). The rule, applied in passes so a stronger match always wins over a
weaker one, and each stored person is claimed by at most one attendee (the first in roster order):

1. the same identity key as when the person was first recorded (`Attendee.identity`);
2. the same email (case and surrounding blanks ignored): a person keeps their history when they
   change organisation;
3. the same name and organisation: a person keeps their history when their email changes;
4. the same name alone, when exactly one stored person bears it and exactly one attendee of the
   roster does, and no two known emails differ: a person listed without email whose organisation
   changed or was renamed.

Anyone left unmatched is new to the store. When several stored people fit an attendee, or a stored
person bears their name but the rest does not match, the attendee is counted as new and the doubt is
reported, never guessed.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from speeddating.organisations import same_organisation
from speeddating.roster import Attendee
from speeddating.text import person_key


@dataclass(frozen=True)
class KnownPerson:
    """A person as the store knows them (keys already folded; `name_key` as `person_key` gives it)."""

    id: int
    identity: str
    email: str
    name_key: str
    organisation_key: str
    name: str = ""
    organisation: str = ""


def email_key(attendee: Attendee) -> str:
    return attendee.email.strip().casefold()


def _compatible(attendee: Attendee, person: KnownPerson) -> bool:
    """Two known emails that differ belong to two different people, unless the rest says otherwise."""
    return not (attendee.email and person.email and email_key(attendee) != person.email)


def _same_organisation(attendee: Attendee, person: KnownPerson) -> bool:
    return attendee.organisation_key == person.organisation_key or same_organisation(
        attendee.organisation,
        person.organisation or person.organisation_key,
        [attendee.email] if attendee.email else [],
        [person.email] if person.email else [],
    )


Test = Callable[[Attendee, KnownPerson], bool]

PASSES: tuple[Test, ...] = (
    lambda a, p: p.identity == a.identity,
    lambda a, p: bool(a.email) and p.email == email_key(a),
    lambda a, p: p.name_key == person_key(a.name) and _same_organisation(a, p),
    lambda a, p: _compatible(a, p) and p.name_key == person_key(a.name),
)
NAME_ONLY = 3


@dataclass(frozen=True)
class Doubt:
    """An attendee counted as new although stored people bear their name."""

    attendee: Attendee
    candidates: tuple[KnownPerson, ...]


@dataclass(frozen=True)
class Resolution:
    matched: dict[str, int]
    """Attendee id -> stored person id, for the attendees the store already knows."""
    doubts: tuple[Doubt, ...] = ()


def resolve(attendees: Sequence[Attendee], people: Sequence[KnownPerson]) -> Resolution:
    """Who of `attendees` the store knows, and who might be known but could not be told apart."""
    matched: dict[str, int] = {}
    claimed: set[int] = set()
    names_listed = Counter(person_key(a.name) for a in attendees)
    names_stored = Counter(p.name_key for p in people)
    for number, test in enumerate(PASSES):
        for attendee in attendees:
            name = person_key(attendee.name)
            if attendee.id in matched or (number == NAME_ONLY and (names_listed[name] > 1 or names_stored[name] > 1)):
                continue
            found = [p for p in people if p.id not in claimed and test(attendee, p)]
            if len(found) == 1:
                matched[attendee.id] = found[0].id
                claimed.add(found[0].id)
    doubts = tuple(
        Doubt(attendee, same_name)
        for attendee in attendees
        if attendee.id not in matched
        and (same_name := tuple(p for p in people if p.id not in claimed and p.name_key == person_key(attendee.name)))
    )
    return Resolution(matched, doubts)
