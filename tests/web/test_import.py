"""The import screen's choices: the column per role (read again as `--columns` reads it), the spelling printed
for merged organisations (given to the importer as aliases), the sheet, people listed twice, pairs to keep apart
or to seat together."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect
from starlette.testclient import TestClient

from speeddating.event import default_event
from speeddating.importer import read_aliases, read_roster
from speeddating.importer.reading import WORKBOOK_SUFFIXES
from speeddating.web.screens.attendees import chosen_pairs, edited_roster
from speeddating.web.workflow import plan_session, write_documents
from speeddating.web.workspace import Workspace
from tests.conftest import CheckPlan
from tests.helpers import write_csv, write_xlsx
from tests.test_importer_recognition import PAYER_AND_PARTICIPANT
from tests.web.conftest import LiveServer, import_list, start_session


def new_session(client: TestClient, listing: str) -> str:
    session = client.post("/sessions").headers["location"].removesuffix("/import")
    client.post(session + "/import", files={"attendees": ("inscrits.csv", listing.encode())})
    return session


def test_the_file_picker_offers_every_workbook_the_importer_reads(client: TestClient) -> None:
    """The picker offered .xlsx and .ods only, though an old Excel .xls is read like them."""
    session = client.post("/sessions").headers["location"].removesuffix("/import")
    page = client.get(session + "/import").text
    offered = re.search(r'<input type="file" id="attendees"[^>]* accept="([^"]*)"', page)
    assert offered is not None
    assert set(offered[1].split(",")) >= WORKBOOK_SUFFIXES


def test_a_column_chosen_reads_the_file_again_and_the_automatic_choice_comes_back(client: TestClient) -> None:
    session = new_session(client, PAYER_AND_PARTICIPANT)
    page = client.get(session + "/import").text
    assert page.count("à vérifier : plusieurs colonnes possibles") == 2  # the name, the organisation
    assert '<option value="C" selected>C · Structure</option>' in page
    client.post(session + "/columns", data={"full_name": "A", "organisation": "E", "email": "D"})
    page = client.get(session + "/import").text
    assert '<option value="E" selected>E · Service</option>' in page and "2 personnes de 1 structure</p>" in page
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


def test_a_person_listed_twice_is_kept_once_with_the_button_and_a_new_file_refuses_again(client: TestClient) -> None:
    twice = "Nom;Structure\nAnne Martin;CIO\nKarim Benali;PLIE\nAnne Martin;CIO\n"
    session = new_session(client, twice)
    page = client.get(session + "/import").text
    assert (
        "ligne 4 : « Anne Martin » (CIO) figure déjà ligne 2. Supprimez l&#39;une des deux lignes, ou gardez la "
        in page
    )
    assert "--dedupe" not in page and "Garder la première ligne de chaque personne inscrite deux fois" in page
    client.post(session + "/dedupe", data={"value": "on"})
    page = client.get(session + "/import").text
    assert "2 personnes de 2 structures" in page and "Seule la ligne 2 est gardée." in page
    assert "Refuser de nouveau les lignes en double" in page
    client.post(session + "/import", files={"attendees": ("autre.csv", twice.encode())})
    assert "À corriger dans le fichier" in client.get(session + "/import").text


def test_another_sheet_of_the_workbook_is_read_when_chosen(client: TestClient, tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "inscriptions.xlsx",
        {
            "Séance 1": [["Nom", "Structure"], ["Anne Martin", "CIO"], ["Karim Benali", "PLIE"]],
            "Séance 2": [["Nom", "Structure"], ["Léa Dubois", "CIDFF"], ["Marc Blanc", "CIO"], ["Zoé Roux", "PLIE"]],
        },
    )
    session = client.post("/sessions").headers["location"].removesuffix("/import")
    client.post(session + "/import", files={"attendees": ("inscriptions.xlsx", book.read_bytes())})
    page = client.get(session + "/import").text
    assert '<option value="Séance 1" selected>Séance 1</option>' in page and "2 personnes de 2 structures" in page
    client.post(session + "/sheet", data={"sheet": "Séance 2"})
    page = client.get(session + "/import").text
    assert '<option value="Séance 2" selected>Séance 2</option>' in page and "3 personnes de 3 structures" in page
    client.post(session + "/sheet", data={"sheet": "Feuil9"})  # not in the workbook: nothing changes
    assert "3 personnes de 3 structures" in client.get(session + "/import").text
    client.post(session + "/import", files={"attendees": ("inscriptions.xlsx", book.read_bytes())})
    assert "2 personnes de 2 structures" in client.get(session + "/import").text


def test_pairs_named_on_the_page_are_planned_and_a_new_file_forgets_them(
    client: TestClient, tmp_path: Path, check_plan: CheckPlan
) -> None:
    people = "".join(f"Personne {k};Structure {k % 6}\n" for k in range(1, 13))
    session = new_session(client, "Nom;Structure\n" + people)
    client.post(session + "/pairs", data={"first": "p01", "second": "p02", "kind": "apart"})
    client.post(session + "/pairs", data={"first": "p03", "second": "p04", "kind": "meet"})
    client.post(session + "/pairs", data={"first": "p05", "second": "p06", "kind": "apart"})
    client.post(session + "/pairs", data={"first": "p06", "second": "p05", "kind": "meet"})  # one kind a pair
    client.post(session + "/pairs", data={"first": "p03", "second": "p04", "kind": "meet", "action": "remove"})
    client.post(session + "/pairs", data={"first": "p08", "second": "p07", "kind": "meet"})
    page = client.get(session + "/import").text
    assert "<td>Personne 1 — Personne 2</td><td>jamais à une même table</td>" in page
    assert "<td>Personne 5 — Personne 6</td><td>à faire se rencontrer</td>" in page
    assert "Personne 3 — Personne 4" not in page
    draft = Workspace(tmp_path / "data").draft(session.rsplit("/", 1)[1])
    roster = edited_roster(draft)
    assert roster is not None
    pairs = chosen_pairs(draft)
    planned = plan_session(
        roster,
        default_event(),
        history=tmp_path / "history.db",
        time_limit=1.0,
        apart=tuple(pairs["apart"]),
        meet=tuple(pairs["meet"]),
    )
    write_documents(planned.plan, tmp_path / "plan")
    assert check_plan(tmp_path / "plan" / "plan.json")["valid"]
    assert planned.plan.keep_apart == (("p01", "p02"),)
    assert set(planned.plan.should_meet) == {("p07", "p08"), ("p05", "p06")}

    def together(a: str, b: str) -> int:
        return sum(1 for r in planned.plan.rounds if r.table_of(a) is r.table_of(b) is not None)

    assert together("p01", "p02") == 0 and together("p07", "p08") >= 1 and together("p05", "p06") >= 1
    client.post(session + "/import", files={"attendees": ("autre.csv", ("Nom;Structure\n" + people).encode())})
    assert "Personne 1 — Personne 2" not in client.get(session + "/import").text


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


ADDRESSES_ONLY = (
    "Nom;Prénom;Courriel\n"
    "MARTIN;Anne;anne.martin@francetravail.fr\n"
    "BENALI;Karim;karim.benali@francetravail.fr\n"
    "DUBOIS;Léa;lea.dubois@mission-locale.fr\n"
    "HADDAD;Inès;ines.haddad@cio.fr\n"
)
"""A list with professional addresses and no organisation column: the importer takes each address's domain."""


def test_a_list_without_organisation_column_takes_the_addresses_domains_as_the_cli_does(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    listing = tmp_path / "inscrits.csv"
    listing.write_text(ADDRESSES_ONLY, encoding="utf-8")
    cli_roster = read_roster(listing)
    start_session(page, live_server)
    import_list(page, listing)
    organisation = page.locator("#column-organisation")
    expect(organisation).to_have_value("C")
    expect(organisation.locator("option:checked")).to_have_text("C · Courriel → domaines")
    expect(page.get_by_text("pas de colonne de structure : le domaine de chaque adresse")).to_be_visible()
    expect(page.get_by_text("à vérifier : aucune colonne trouvée")).to_have_count(0)
    people = page.locator("table.people tbody tr")
    shown = [(row.locator("td").nth(0).inner_text(), row.locator("td").nth(1).inner_text()) for row in people.all()]
    assert shown == [(a.name, a.organisation) for a in cli_roster.attendees]  # the page reads as the CLI reads
    assert ("Léa Dubois", "mission-locale.fr") in shown

    lea = people.filter(has_text="lea.dubois@mission-locale.fr")
    organisation.select_option("B")  # a wrong column (the first names), then the addresses again
    expect(lea.locator("td").nth(1)).to_have_text("Léa")
    expect(page.locator("#column-organisation")).to_have_value("B")
    page.locator("#column-organisation").select_option("C")
    expect(lea.locator("td").nth(1)).to_have_text("mission-locale.fr")
    expect(lea.locator("td").nth(0)).to_have_text("Léa Dubois")
    expect(page.locator("#column-organisation")).to_have_value("C")
    expect(page.locator("#column-email")).to_have_value("C")  # the e-mail still read from it


def test_a_long_list_offers_the_next_step_without_scrolling_past_it(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    """150 people make the page thousands of pixels long: the next step is offered beside the file's line
    too, not only below the list; the Plan screen's times read "10 s" and "2 min"."""
    organisation = "Centre d'information sur les droits des femmes et des familles n° {}"
    rows = [("Prénom", "Nom", "Structure")] + [
        (f"Prénom{i:03d}", f"NOM{i:03d}", organisation.format(i % 12)) for i in range(150)
    ]
    start_session(page, live_server)
    import_list(page, write_csv(tmp_path / "inscrits.csv", rows))
    expect(page.get_by_text("150 personnes de 12 structures")).to_be_visible()
    following = page.get_by_role("link", name="Suite : le petit-déjeuner").first
    expect(following).to_be_in_viewport()
    following.click()
    expect(page.get_by_role("heading", name="Le petit-déjeuner", level=1)).to_be_visible()
    page.get_by_role("link", name="3. Planifier").click()
    expect(page.get_by_label("Temps pour l'optimiseur").locator("option")).to_have_text(
        ["10 s", "30 s", "1 min", "2 min"]
    )
