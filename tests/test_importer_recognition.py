"""The recognition of columns as a front end shows it: the column per role, the columns it hesitated between,
and the roles it found no column for; a choice is applied as `--columns` applies it."""

from pathlib import Path

import pytest

from speeddating.importer import ColumnChoice, ImportProblems, Role, attendee_sheet, read_roster, recognised_columns
from speeddating.importer.columns import candidates

PAYER_AND_PARTICIPANT = (
    "Nom participant;Nom payeur;Structure;Courriel;Service\n"
    "Anne Martin;Paul Roux;CIO;anne@example.org;RH\n"
    "Karim Benali;Paul Roux;PLIE;karim@example.org;RH\n"
)


def test_competing_columns_are_unsure_and_the_best_one_is_read(tmp_path: Path) -> None:
    path = tmp_path / "inscrits.csv"
    path.write_text(PAYER_AND_PARTICIPANT, encoding="utf-8")
    recognition = recognised_columns(attendee_sheet(path))
    assert recognition.headers == ("Nom participant", "Nom payeur", "Structure", "Courriel", "Service")
    assert recognition.roles == {Role.FULL_NAME: 0, Role.ORGANISATION: 2, Role.EMAIL: 3}
    assert recognition.contenders[Role.ORGANISATION] == (2, 4)
    unsure = {role for role in Role if recognition.unsure(role)}
    assert unsure == {Role.FULL_NAME, Role.ORGANISATION}  # two name columns, "Structure" or "Service"


def test_a_choice_overrides_the_recognition_and_a_role_can_be_read_from_no_column(tmp_path: Path) -> None:
    path = tmp_path / "inscrits.csv"
    path.write_text(PAYER_AND_PARTICIPANT, encoding="utf-8")
    choice = ColumnChoice({Role.ORGANISATION: "E"}, frozenset({Role.EMAIL}))
    assert recognised_columns(attendee_sheet(path), choice).roles == {Role.FULL_NAME: 0, Role.ORGANISATION: 4}
    roster = read_roster(path, columns=choice)
    assert [(a.name, a.organisation, a.email) for a in roster.attendees] == [
        ("Anne Martin", "RH", ""),
        ("Karim Benali", "RH", ""),
    ]


def test_a_missing_organisation_column_is_shown_unsure_instead_of_refused(tmp_path: Path) -> None:
    path = tmp_path / "inscrits.csv"
    path.write_text("Participant;Équipe de rattachement\nAnne Martin;CIO\nKarim Benali;PLIE\n", encoding="utf-8")
    with pytest.raises(ImportProblems):
        read_roster(path)
    recognition = recognised_columns(attendee_sheet(path))
    assert Role.ORGANISATION not in recognition.roles and recognition.unsure(Role.ORGANISATION)
    chosen = read_roster(path, columns=ColumnChoice({Role.ORGANISATION: "B"}))
    assert [a.organisation for a in chosen.attendees] == ["CIO", "PLIE"]


@pytest.mark.parametrize(
    ("header", "attending"),
    [
        ("Valide", True),
        ("Inscription validée", True),
        ("Statut", True),
        ("Date de validation", False),
        ("Date de confirmation", False),
        ("Heure d'émargement", False),
        ("Check-in time", False),
        ("Attendance duration (min)", False),
        ("Durée de présence", False),
    ],
)
def test_a_date_of_validation_or_check_in_is_not_a_status_column(header: str, attending: bool) -> None:
    assert any(candidate.role is Role.ATTENDING for candidate in candidates(header)) is attending


@pytest.mark.parametrize("header", ["Entité", "Agency", "Dénomination"])
def test_more_words_of_an_organisation_header(header: str) -> None:
    """An HR export's "Entité", an English form's "Agency", an administrative form's "Dénomination": before, the
    list was refused for want of an organisation column."""
    assert any(candidate.role is Role.ORGANISATION for candidate in candidates(header))
