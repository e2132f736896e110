"""The import screen's choices: the column per role (read again as `--columns` reads it), the spelling printed
for merged organisations (given to the importer as aliases)."""

from pathlib import Path

from starlette.testclient import TestClient

from speeddating.importer import read_aliases, read_roster
from speeddating.web.screens.attendees import edited_roster
from speeddating.web.workspace import Workspace
from tests.test_importer_recognition import PAYER_AND_PARTICIPANT


def new_session(client: TestClient, listing: str) -> str:
    session = client.post("/sessions").headers["location"].removesuffix("/import")
    client.post(session + "/import", files={"attendees": ("inscrits.csv", listing.encode())})
    return session


def test_a_column_chosen_reads_the_file_again_and_the_automatic_choice_comes_back(client: TestClient) -> None:
    session = new_session(client, PAYER_AND_PARTICIPANT)
    page = client.get(session + "/import").text
    assert page.count("à vérifier : plusieurs colonnes possibles") == 2  # the name, the organisation
    assert '<option value="C" selected>C · Structure</option>' in page
    client.post(session + "/columns", data={"full_name": "A", "organisation": "E", "email": "D"})
    page = client.get(session + "/import").text
    assert '<option value="E" selected>E · Service</option>' in page and "2 personnes de 1 structures" in page
    assert page.count("votre choix") == 1  # only the organisation was changed
    client.post(session + "/columns", data={"email": ""})
    page = client.get(session + "/import").text
    assert "anne@example.org" not in page and page.count("votre choix") == 2
    client.post(session + "/columns", data={"reset": "1"})
    page = client.get(session + "/import").text
    assert "2 personnes de 2 structures" in page and "anne@example.org" in page


def test_a_new_file_forgets_the_columns_chosen_for_the_previous_one(client: TestClient) -> None:
    session = new_session(client, PAYER_AND_PARTICIPANT)
    client.post(session + "/columns", data={"organisation": "E"})
    client.post(
        session + "/import",
        files={"attendees": ("autre.csv", b"Nom;Structure\nAnne Martin;CIO\nKarim Benali;PLIE\n")},
    )
    page = client.get(session + "/import").text
    assert "votre choix" not in page and "2 personnes de 2 structures" in page


def test_a_list_without_organisation_column_offers_to_choose_it(client: TestClient) -> None:
    session = new_session(client, "Participant;Équipe de rattachement\nAnne Martin;CIO\nKarim Benali;PLIE\n")
    page = client.get(session + "/import").text
    assert "à vérifier : aucune colonne trouvée" in page and "À corriger dans le fichier" in page
    client.post(session + "/columns", data={"organisation": "B"})
    assert "2 personnes de 2 structures" in client.get(session + "/import").text


def test_the_spelling_printed_for_merged_organisations_is_the_one_chosen(client: TestClient, tmp_path: Path) -> None:
    listing = "name;organisation\nAnne Martin;Mission Locale\nKarim Benali;Mission locale\nLéa Dubois;CIO\n"
    session = new_session(client, listing)
    page = client.get(session + "/import").text
    assert '<option value="Mission locale">Mission locale</option>' in page
    client.post(
        session + "/organisations/spelling", data={"organisation": "Mission Locale", "spelling": "Mission locale"}
    )
    draft = Workspace(tmp_path / "data").draft(session.rsplit("/", 1)[1])
    roster = edited_roster(draft)
    assert roster is not None
    assert [a.organisation for a in roster.attendees] == ["Mission locale", "Mission locale", "CIO"]
    page = client.get(session + "/import").text
    assert "orthographe choisie par vous" in page and "3 personnes de 2 structures" in page
    client.post(session + "/organisations/spelling", data={"organisation": "Mission locale", "spelling": ""})
    roster = edited_roster(Workspace(tmp_path / "data").draft(session.rsplit("/", 1)[1]))
    assert roster is not None and roster.attendees[0].organisation == "Mission Locale"


def test_the_choices_on_organisations_download_as_the_aliases_file_the_cli_reads(
    client: TestClient, tmp_path: Path
) -> None:
    listing = (
        "name;organisation\nAnne Martin;Mission Locale\nKarim Benali;Mission locale\n"
        "Paul Roux;Mission Locale du Blaisois\nLéa Dubois;CIO\n"
    )
    session = new_session(client, listing)
    client.post(session + "/organisations/merge", data={"spelling": "Mission Locale du Blaisois", "value": "apart"})
    client.post(
        session + "/organisations/spelling", data={"organisation": "Mission Locale", "spelling": "Mission locale"}
    )
    answer = client.get(session + "/aliases.csv")
    assert answer.headers["content-disposition"] == 'attachment; filename="aliases.csv"'
    aliases = tmp_path / "aliases.csv"
    aliases.write_bytes(answer.content)
    on_the_page = edited_roster(Workspace(tmp_path / "data").draft(session.rsplit("/", 1)[1]))
    assert on_the_page is not None
    attendees = tmp_path / "inscrits.csv"
    attendees.write_text(listing, encoding="utf-8")
    on_the_command_line = read_roster(attendees, aliases=read_aliases(aliases))
    organisations = [a.organisation for a in on_the_page.attendees]
    assert organisations == ["Mission locale", "Mission locale", "Mission Locale du Blaisois", "CIO"]
    assert [a.organisation for a in on_the_command_line.attendees] == organisations
