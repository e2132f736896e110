"""Matching the people of a new roster to those the history store already knows."""

from speeddating.history.identity import KnownPerson, resolve
from speeddating.roster import Attendee
from speeddating.text import fold


def known(person: int, name: str, organisation: str, email: str = "") -> KnownPerson:
    identity = Attendee("x", name, organisation, email).identity
    return KnownPerson(person, identity, email.casefold(), fold(name), fold(organisation))


def test_email_wins_over_a_new_organisation_and_spelling() -> None:
    store = [known(1, "Anne Martin", "Pôle emploi", "anne.martin@example.org")]
    roster = [Attendee("a", "Anne MARTIN-Dupuis", "France Travail", " Anne.Martin@Example.org ")]
    assert resolve(roster, store) == {"a": 1}


def test_accents_case_hyphens_and_spaces_are_ignored() -> None:
    store = [known(7, "Éloïse Dupré", "Pôle-Emploi")]
    roster = [Attendee("a", "eloise  DUPRE", "pole emploi")]
    assert resolve(roster, store) == {"a": 7}


def test_renamed_organisation_matches_by_name_when_unambiguous() -> None:
    store = [known(1, "Bruno Ngô", "Pôle emploi"), known(2, "Chloé Roux", "CIO")]
    roster = [Attendee("a", "Bruno Ngo", "France Travail"), Attendee("b", "Chloé Roux", "CIO")]
    assert resolve(roster, store) == {"a": 1, "b": 2}


def test_name_alone_is_not_enough_when_two_stored_people_bear_it() -> None:
    store = [known(1, "Marie Martin", "CAF"), known(2, "Marie Martin", "CIO")]
    roster = [Attendee("a", "Marie Martin", "France Travail")]
    assert resolve(roster, store) == {}


def test_name_alone_is_not_enough_when_two_listed_people_bear_it() -> None:
    store = [known(1, "Marie Martin", "CAF")]
    roster = [Attendee("a", "Marie Martin", "France Travail"), Attendee("b", "Marie Martin", "CIO")]
    assert resolve(roster, store) == {}


def test_different_emails_are_different_people_despite_the_same_name() -> None:
    store = [known(1, "Marie Martin", "CAF", "marie@caf.fr")]
    roster = [Attendee("a", "Marie Martin", "CAF", "m.martin@autre.fr")]
    assert resolve(roster, store) == {}


def test_a_stored_person_is_claimed_once_and_the_stronger_match_wins() -> None:
    store = [known(1, "Paul Henry", "CIO")]
    roster = [Attendee("a", "Paul Henry", "Mission Locale"), Attendee("b", "Paul Henry", "CIO")]
    assert resolve(roster, store) == {"b": 1}


def test_email_added_later_still_matches_the_person_recorded_without_one() -> None:
    store = [known(3, "Inès Brûlé", "CIDFF")]
    roster = [Attendee("a", "Inès Brûlé", "CIDFF", "ines@cidff.fr")]
    assert resolve(roster, store) == {"a": 3}
