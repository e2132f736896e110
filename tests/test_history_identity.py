"""Matching the people of a new roster to those the history store already knows."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from speeddating.history.identity import KnownPerson, resolve
from speeddating.roster import Attendee
from speeddating.text import fold, person_key


def known(person: int, name: str, organisation: str, email: str = "") -> KnownPerson:
    identity = Attendee("x", name, organisation, email).identity
    return KnownPerson(person, identity, email.casefold(), person_key(name), fold(organisation), name, organisation)


def matched(roster: list[Attendee], store: list[KnownPerson]) -> dict[str, int]:
    return resolve(roster, store).matched


def test_email_wins_over_a_new_organisation_and_spelling() -> None:
    store = [known(1, "Anne Martin", "Pôle emploi", "anne.martin@example.org")]
    roster = [Attendee("a", "Anne MARTIN-Dupuis", "France Travail", " Anne.Martin@Example.org ")]
    assert matched(roster, store) == {"a": 1}


def test_accents_case_hyphens_and_spaces_are_ignored() -> None:
    store = [known(7, "Éloïse Dupré", "Pôle-Emploi")]
    roster = [Attendee("a", "eloise  DUPRE", "pole emploi")]
    assert matched(roster, store) == {"a": 7}


def test_the_order_of_the_names_is_ignored() -> None:
    store = [known(3, "ROYER Mathieu", "Mission Locale")]
    roster = [Attendee("a", "Mathieu Royer", "Mission Locale"), Attendee("b", "Royer, Mathieu", "CIO")]
    assert matched(roster, store) == {"a": 3}


def test_an_organisation_written_another_way_is_the_same_organisation() -> None:
    """Two people bear the name: the one from "ML Blois" is the one recorded at "Mission Locale du Blaisois"."""
    store = [known(1, "Anne Martin", "Mission Locale du Blaisois"), known(2, "Anne Martin", "CIDFF 41")]
    roster = [Attendee("a", "Anne Martin", "ML Blois")]
    assert matched(roster, store) == {"a": 1}


def test_renamed_organisation_matches_by_name_when_unambiguous() -> None:
    store = [known(1, "Bruno Ngô", "Pôle emploi"), known(2, "Chloé Roux", "CIO")]
    roster = [Attendee("a", "Bruno Ngo", "Maison de l'emploi"), Attendee("b", "Chloé Roux", "CIO")]
    assert matched(roster, store) == {"a": 1, "b": 2}


def test_name_alone_is_not_enough_when_two_stored_people_bear_it_and_the_doubt_is_reported() -> None:
    store = [known(1, "Marie Martin", "CAF"), known(2, "Marie Martin", "CIO")]
    roster = [Attendee("a", "Marie Martin", "France Travail")]
    resolution = resolve(roster, store)
    assert resolution.matched == {}
    (doubt,) = resolution.doubts
    assert doubt.attendee.id == "a" and {person.id for person in doubt.candidates} == {1, 2}


def test_name_alone_is_not_enough_when_two_listed_people_bear_it() -> None:
    store = [known(1, "Marie Martin", "CAF")]
    roster = [Attendee("a", "Marie Martin", "France Travail"), Attendee("b", "Marie Martin", "CIO")]
    assert matched(roster, store) == {}


def test_a_changed_email_is_followed_when_name_and_organisation_match() -> None:
    store = [known(1, "Marie Martin", "CAF", "marie@caf.fr")]
    roster = [Attendee("a", "Marie Martin", "CAF", "m.martin@caf41.fr")]
    assert matched(roster, store) == {"a": 1}


def test_a_changed_email_and_organisation_is_someone_else_said_as_a_doubt() -> None:
    store = [known(1, "Marie Martin", "CAF", "marie@caf.fr")]
    roster = [Attendee("a", "Marie Martin", "CIO", "m.martin@ac-orleans-tours.fr")]
    resolution = resolve(roster, store)
    assert resolution.matched == {} and [doubt.attendee.id for doubt in resolution.doubts] == ["a"]


def test_a_stored_person_is_claimed_once_and_the_stronger_match_wins() -> None:
    store = [known(1, "Paul Henry", "CIO")]
    roster = [Attendee("a", "Paul Henry", "Mission Locale"), Attendee("b", "Paul Henry", "CIO")]
    assert matched(roster, store) == {"b": 1}


def test_email_added_later_still_matches_the_person_recorded_without_one() -> None:
    store = [known(3, "Inès Brûlé", "CIDFF")]
    roster = [Attendee("a", "Inès Brûlé", "CIDFF", "ines@cidff.fr")]
    assert matched(roster, store) == {"a": 3}


NAMES = st.lists(
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéèêëàâîïôöûüç"), min_size=2, max_size=9), min_size=2, max_size=4
)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@given(
    words=NAMES,
    order=st.permutations(range(4)),
    upper=st.lists(st.booleans(), min_size=4, max_size=4),
    accents=st.booleans(),
    comma=st.booleans(),
)
def test_identity_survives_name_order_case_and_accents(
    words: list[str], order: list[int], upper: list[bool], accents: bool, comma: bool
) -> None:
    """However the name is written the next time (words swapped, in capitals, without accents, "Nom, Prénom"),
    the person recorded is recognised, by name and organisation as by name alone."""
    recorded = " ".join(word.capitalize() for word in words)
    written = [words[i] for i in order if i < len(words)]
    written = [word.upper() if up else word for word, up in zip(written, upper, strict=False)]
    if accents:
        written = [_strip_accents(word) for word in written]
    again = (written[0] + ", " + " ".join(written[1:])) if comma else " ".join(written)
    store = [known(1, recorded, "Cap emploi")]
    assert matched([Attendee("a", again, "CAP EMPLOI")], store) == {"a": 1}
    assert matched([Attendee("a", again, "Maison de l'emploi")], store) == {"a": 1}
    assert person_key(again) == person_key(recorded)
