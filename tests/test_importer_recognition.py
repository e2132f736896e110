"""The recognition of columns as a front end shows it: the column per role, the columns it hesitated between,
and the roles it found no column for; a choice is applied as `--columns` applies it."""

from pathlib import Path

import pytest

from speeddating.importer import ColumnChoice, ImportProblems, Role, attendee_sheet, read_roster, recognised_columns
from speeddating.importer.columns import candidates
from tests.helpers import write_csv, write_xlsx

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


PERSON_HEADERS = [
    "Contact",
    "Interlocuteur",
    "Interlocutrice",
    "Participant(e)",
    "Inscrit(e)",
    "Personne",
    "Agent",
    "Collaborateur/trice",
    "Référente",
    "Intervenant",
    "Salarié(e)",
]
NAMES = ["Anne Martin", "Karim Benali", "Léa Dubois"]
ADDRESSES = ["anne.martin@cio41.fr", "k.benali@mlblois.fr", "lea.dubois@plie.fr"]
PHONES = ["06 12 34 56 78", "+33 7 12 34 56 78", "02.54.12.34.56"]
ORGANISATIONS = ["CIO", "Mission Locale", "PLIE"]
FIRST_LAST = [[name.split()[0] for name in NAMES], [name.split()[1] for name in NAMES]]


def listed(tmp_path: Path, headers: list[str], *columns: list[str]) -> Path:
    """A list of these three people, one column per list of values, as a French spreadsheet exports it."""
    return write_csv(tmp_path / "inscrits.csv", [headers, *(list(row) for row in zip(*columns, strict=True))])


@pytest.mark.parametrize("header", PERSON_HEADERS)
def test_a_column_headed_as_a_person_and_holding_names_is_the_name(tmp_path: Path, header: str) -> None:
    """Before, "Contact", "Interlocuteur", "Agent"... were no name column, and the list was refused."""
    roster = read_roster(listed(tmp_path, [header, "Structure"], NAMES, ORGANISATIONS))
    assert [(a.name, a.organisation) for a in roster.attendees] == list(zip(NAMES, ORGANISATIONS, strict=True))
    assert f"nom A « {header} »" in roster.notes[0]


@pytest.mark.parametrize("header", ["Contact", "Interlocutrice", "Agent"])
def test_a_column_headed_as_a_person_and_holding_addresses_is_the_email(tmp_path: Path, header: str) -> None:
    roster = read_roster(
        listed(tmp_path, ["Prénom", "Nom", "Structure", header], *FIRST_LAST, ORGANISATIONS, ADDRESSES)
    )
    assert [(a.name, a.email) for a in roster.attendees] == list(zip(NAMES, ADDRESSES, strict=True))
    assert f"courriel D « {header} »" in roster.notes[0]


@pytest.mark.parametrize("values", [ADDRESSES, PHONES], ids=["addresses", "phones"])
def test_a_contact_of_addresses_or_phones_alone_asks_for_a_name_column(tmp_path: Path, values: list[str]) -> None:
    """Not for names written over the addresses or the numbers, which keep their meaning."""
    path = listed(tmp_path, ["Contact", "Structure"], values, ORGANISATIONS)
    with pytest.raises(ImportProblems) as refused:
        read_roster(path)
    assert str(refused.value).startswith(f"{path}, ligne 1 : aucune colonne de nom")
    assert str(refused.value).endswith(
        "parmi les en-têtes A « Contact », B « Structure ». Aucune ne semble l'être : ajoutez la colonne, avec par "
        "exemple l'en-tête « Nom », remplie pour chaque personne."
    )


def test_a_contact_of_phone_numbers_beside_name_columns_stays_each_persons_number(tmp_path: Path) -> None:
    roster = read_roster(
        listed(tmp_path, ["Prénom", "Nom", "Structure", "Contact"], *FIRST_LAST, ORGANISATIONS, PHONES)
    )
    assert [(a.name, a.email, a.attribute("Contact")) for a in roster.attendees] == [
        (name, "", phone) for name, phone in zip(NAMES, PHONES, strict=True)
    ]


def test_a_contact_beside_name_columns_is_not_the_name(tmp_path: Path) -> None:
    """The person to contact at each structure, beside the attendees' own Nom and Prénom."""
    referents = ["Paul Roux", "Paul Roux", "Zoé Roux"]
    roster = read_roster(
        listed(
            tmp_path, ["Nom", "Prénom", "Structure", "Contact"], FIRST_LAST[1], FIRST_LAST[0], ORGANISATIONS, referents
        )
    )
    assert [(a.name, a.attribute("Contact")) for a in roster.attendees] == list(zip(NAMES, referents, strict=True))


def test_a_contact_of_addresses_beside_an_email_column_is_not_the_email(tmp_path: Path) -> None:
    personal = ["anne@gmail.com", "karim@orange.fr", "lea@free.fr"]
    headers = ["Participant", "Structure", "Email", "Contact"]
    roster = read_roster(listed(tmp_path, headers, NAMES, ORGANISATIONS, ADDRESSES, personal))
    assert [(a.email, a.attribute("Contact")) for a in roster.attendees] == list(zip(ADDRESSES, personal, strict=True))


def test_a_contact_of_organisations_is_not_the_name(tmp_path: Path) -> None:
    """Values that are built-in networks' names ("Mission Locale de Blois") are no people."""
    contacts = ["Mission Locale de Blois", "Cap emploi", "CIDFF"]
    path = listed(tmp_path, ["Contact", "Service"], contacts, ["Accueil", "Direction", "Ressources humaines"])
    with pytest.raises(ImportProblems) as refused:
        read_roster(path)
    assert "aucune colonne de nom" in str(refused.value)


def test_a_site_is_the_organisation_only_where_no_column_names_one(tmp_path: Path) -> None:
    """A network's internal list gives each person's "Site" (agency) and nothing else: before, "Site" was never an
    organisation (a website's word) and the list was refused. Beside a "Structure", the site is a detail."""
    sites = ["France Travail Blois", "Mission Locale Vendôme", "CIO Romorantin"]
    alone = read_roster(listed(tmp_path, ["Participant", "Site"], NAMES, sites))
    assert [a.organisation for a in alone.attendees] == sites
    beside = read_roster(listed(tmp_path, ["Participant", "Site", "Structure"], NAMES, sites, ORGANISATIONS))
    assert [(a.organisation, a.attribute("Site")) for a in beside.attendees] == list(
        zip(ORGANISATIONS, sites, strict=True)
    )


def test_a_site_of_web_addresses_is_no_organisation(tmp_path: Path) -> None:
    path = listed(
        tmp_path, ["Participant", "Site"], NAMES, ["https://www.cio41.fr", "www.mlblois.fr", "http://plie.fr"]
    )
    with pytest.raises(ImportProblems) as refused:
        read_roster(path)
    assert "aucune colonne de structure" in str(refused.value)
    assert candidates("Site web") == []


def test_a_directory_of_contacts_before_the_list_is_not_taken_for_it(tmp_path: Path) -> None:
    """A workbook's first sheet lists each partner's "Contact" person, the second the registrations: a column
    whose values decide is no sign of the list when choosing the sheet, so the registrations are read."""
    directory = [
        ["Structure", "Contact", "Téléphone"],
        *zip(ORGANISATIONS, ["Paul Roux", "Jean Petit", "Zoé Roux"], PHONES, strict=True),
    ]
    registrations = [["Participant", "Structure"], *zip(NAMES, ORGANISATIONS, strict=True)]
    path = write_xlsx(tmp_path / "petit-dejeuner.xlsx", {"Annuaire": directory, "Inscrits": registrations})
    assert [a.name for a in read_roster(path).attendees] == NAMES
