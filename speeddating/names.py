"""Forgiving name matching: the organiser types "helene chevalier" at 8:40, not an id.

A query matches an id, a full name (case, accents, spacing, hyphens and word order ignored), or,
failing that, the people whose name words all start with the query's words ("Anne M"). Several
matches are refused with the candidates listed; "Name (Organisation)" narrows homonyms down.
"""

import difflib
import re
from collections import Counter
from collections.abc import Sequence

from speeddating.errors import UserError
from speeddating.i18n import and_more, t
from speeddating.roster import Attendee
from speeddating.text import clean, fold

CANDIDATES_SHOWN = 5

_ORGANISATION_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<organisation>[^()]*)\)\s*$")


class NameMatchError(UserError):
    """A name that designates nobody, or several people (exit status 2)."""


def describe(attendee: Attendee) -> str:
    """How a candidate is shown: name, organisation and id, enough to type an unambiguous query."""
    return f"{attendee.name} ({attendee.organisation}, {attendee.id})"


def labels(attendees: Sequence[Attendee]) -> dict[str, str]:
    """Id -> how to name someone in a list: the name, with the organisation when another person
    has the same name ("Anne Martin (CIO)"), and the id too when even that is shared."""
    names = Counter(fold(a.name) for a in attendees)
    with_org = Counter((fold(a.name), a.organisation_key) for a in attendees)
    return {
        a.id: a.name
        if names[fold(a.name)] == 1
        else f"{a.name} ({a.organisation})"
        if with_org[fold(a.name), a.organisation_key] == 1
        else describe(a)
        for a in attendees
    }


def _words(text: str) -> list[str]:
    return sorted(fold(text).split())


def _starts_every_word(query: list[str], name: list[str]) -> bool:
    """Each query word begins a distinct word of the name ("an mar" -> "Anne Martin")."""
    remaining = list(name)
    for word in sorted(query, key=len, reverse=True):
        found = next((w for w in remaining if w.startswith(word)), None)
        if found is None:
            return False
        remaining.remove(found)
    return True


def candidates(query: str, attendees: Sequence[Attendee]) -> list[Attendee]:
    """Everyone `query` may designate, best kind of match only (id, then full name, then prefixes)."""
    text = clean(query)
    by_id = [a for a in attendees if a.id == text] or [a for a in attendees if fold(a.id) == fold(text)]
    if by_id:
        return by_id
    organisation = ""
    suffix = _ORGANISATION_SUFFIX.match(text)
    if suffix:
        text, organisation = suffix["name"], fold(suffix["organisation"])
    pool = [a for a in attendees if organisation in a.organisation_key] if organisation else list(attendees)
    words = _words(text)
    if not words:
        return []
    exact = [a for a in pool if _words(a.name) == words]
    return exact or [a for a in pool if _starts_every_word(words, _words(a.name))]


def _closest(query: str, attendees: Sequence[Attendee]) -> list[Attendee]:
    """The few people whose folded names look most like the query, for the error message."""
    folded = {fold(a.name): a for a in reversed(attendees)}
    near = difflib.get_close_matches(fold(query), list(folded), n=CANDIDATES_SHOWN, cutoff=0.5)
    return [folded[name] for name in near]


def match_person(query: str, attendees: Sequence[Attendee]) -> Attendee:
    """The one attendee `query` designates; NameMatchError listing candidates otherwise."""
    found = candidates(query, attendees)
    if len(found) == 1:
        return found[0]
    if found:
        listing = t("; ").join(describe(a) for a in found[:CANDIDATES_SHOWN])
        raise NameMatchError(
            t(
                "'{query}' could be several people: {candidates}{more}. Give the full name, the "
                "organisation in brackets, for example 'Anne Martin (Mission Locale)', or the id.",
                query=clean(query),
                candidates=listing,
                more=and_more(len(found) - CANDIDATES_SHOWN),
            )
        )
    near = _closest(query, attendees)
    if near:
        raise NameMatchError(
            t(
                "'{query}' matches nobody in the attendee list; close names: {candidates}.",
                query=clean(query),
                candidates=t("; ").join(describe(a) for a in near),
            )
        )
    raise NameMatchError(
        t("'{query}' matches nobody in the attendee list; check the spelling or give the id.", query=clean(query))
    )


def match_people(queries: Sequence[str], attendees: Sequence[Attendee]) -> list[Attendee]:
    """Every query matched, or one NameMatchError with a line per query that fails."""
    matched: list[Attendee] = []
    problems: list[str] = []
    for query in queries:
        try:
            matched.append(match_person(query, attendees))
        except NameMatchError as error:
            problems.append(str(error))
    if problems:
        raise NameMatchError("\n".join(problems))
    return matched
