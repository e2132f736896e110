"""The import, print and history screens in a real browser (Debian's Chromium, headless), with the English
screenshots of the README."""

from pathlib import Path

from playwright.sync_api import Page, expect

from speeddating.history.store import open_history, session_plan
from speeddating.session import recorded_sessions
from tests.helpers import EIGHT, ROUND_A, ROUND_B, ROUND_C, record, seated_plan
from tests.test_importer_recognition import PAYER_AND_PARTICIPANT
from tests.web.conftest import LiveServer, Screenshot, import_list, start_session


def test_the_columns_are_chosen_per_role_where_the_recognition_hesitates(
    page: Page, live_server: LiveServer, tmp_path: Path, screenshot: Screenshot
) -> None:
    listing = tmp_path / "inscriptions.csv"
    listing.write_text(PAYER_AND_PARTICIPANT, encoding="utf-8")
    start_session(page, live_server)
    page.get_by_role("button", name="English").click()
    page.get_by_label("Attendee list").set_input_files(listing)
    columns = page.locator("form.column-choice")
    expect(columns.get_by_text("check: several columns fit")).to_have_count(2)
    expect(page.get_by_text("2 people from 2 organisations")).to_be_visible()
    columns.get_by_label("Organisation").select_option(label="E · Service")  # the page reads the file again
    expect(columns.get_by_text("your choice")).to_be_visible()
    expect(page.get_by_text("2 people from 1 organisation")).to_be_visible()
    expect(page.locator("table.people")).to_contain_text("RH")
    page.reload()
    expect(columns.get_by_label("Organisation")).to_have_value("E")
    screenshot(page, "import-en")
    columns.get_by_role("button", name="Back to the automatic choice").click()
    expect(page.get_by_text("2 people from 2 organisations")).to_be_visible()


def test_the_organiser_chooses_a_spelling_and_edits_the_people(
    page: Page, live_server: LiveServer, french_export: Path
) -> None:
    start_session(page, live_server)
    import_list(page, french_export)
    people = page.locator("table.people tbody tr")
    page.get_by_label("Écrire Mission Locale ainsi :").select_option("Mission locale")
    page.get_by_role("button", name="Choisir cette orthographe").click()
    expect(page.get_by_role("cell", name="orthographe choisie par vous")).to_be_visible()
    expect(people.filter(has_text="Mission locale")).to_have_count(3)
    with page.expect_download() as download:
        page.get_by_role("link", name="Ces choix en fichier d'alias").click()
    aliases = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Mission Locale;Mission locale;orthographe choisie sur la page" in aliases.splitlines()

    page.get_by_role("button", name="Retirer Hélène Chevalier").click()
    expect(people).to_have_count(13)
    page.locator("#add-person").get_by_label("Nom").fill("Paul Neuf")
    page.locator("#add-person").get_by_label("Structure").fill("CIO")
    page.get_by_role("button", name="Ajouter", exact=True).click()
    expect(people.filter(has_text="Paul Neuf")).to_have_count(1)
    anne = people.filter(has_text="Anne Martin")
    anne.get_by_role("button", name="reste assis").click()
    expect(anne.get_by_role("button", name="reste assis")).to_have_attribute("aria-pressed", "true")
    paul = people.filter(has_text="Paul Neuf")
    paul.get_by_role("button", name="anime la table").click()
    expect(paul.get_by_role("button", name="anime la table")).to_have_attribute("aria-pressed", "true")

    page.reload()
    expect(people).to_have_count(14)
    expect(people.filter(has_text="Hélène Chevalier")).to_have_count(0)
    expect(anne.get_by_role("button", name="reste assis")).to_have_attribute("aria-pressed", "true")
    expect(anne.get_by_role("button", name="anime la table")).to_have_attribute("aria-pressed", "false")
    expect(people.filter(has_text="Mission locale")).to_have_count(3)


def test_print_shows_a_preview_of_each_document_beside_its_link(
    page: Page, live_server: LiveServer, planned_session: str, screenshot: Screenshot
) -> None:
    page.goto(live_server.address)
    page.goto(planned_session + "/print")
    page.get_by_role("button", name="English").click()
    previews = page.locator("ul.previews li")
    expect(previews).to_have_count(4)
    for name in ("Table cards", "Itineraries", "Agenda", "Master plan"):
        item = previews.filter(has=page.get_by_role("link", name=name, exact=True))
        image = item.locator("img")
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("img => img.naturalWidth") == 360, name  # rendered by PDFium, not a broken image
        answer = page.request.get(live_server.base + (image.get_attribute("src") or ""))
        assert answer.headers["content-type"] == "image/png" and answer.body().startswith(b"\x89PNG"), name
    for unknown in ("plan.png", "table-cards.pdf", "..%2Fplan%2Ftable-cards.png", "state.png"):
        assert page.request.get(planned_session + "/previews/" + unknown).status == 404, unknown
    expect(page.get_by_role("link", name="Spreadsheet (CSV)")).to_be_visible()
    expect(page.get_by_role("link", name="Everything as one zip")).to_be_visible()
    screenshot(page, "print-en")


def test_the_history_draws_the_trend_and_the_organisations_in_english(
    page: Page, live_server: LiveServer, screenshot: Screenshot
) -> None:
    history = live_server.data / "history.db"
    record(history, seated_plan(EIGHT, [ROUND_A, ROUND_B], title="January breakfast"))
    record(history, seated_plan(EIGHT, [ROUND_C], title="February breakfast", date="2025-02-12"))
    page.goto(live_server.address)
    page.get_by_role("button", name="English").click()
    page.goto(live_server.base + "/history")
    expect(page.get_by_role("img", name="Session by session")).to_be_visible()
    expect(page.locator("svg.trend rect.bar")).to_have_count(2)
    february = page.locator("table.trend-table tbody tr").nth(1)
    expect(february).to_contain_text("24 of 24 (100.0%)")
    expect(page.get_by_role("heading", name="Who has met whom, organisation by organisation")).to_be_visible()
    page.get_by_role("heading", name="Session by session").scroll_into_view_if_needed()
    screenshot(page, "history-en")


def test_the_session_is_recorded_with_the_people_who_actually_came(
    page: Page, live_server: LiveServer, planned_session: str
) -> None:
    page.goto(live_server.address)
    page.get_by_role("link", name="Historique et rapport sur le réseau").click()
    page.get_by_role("link", name="Qui est venu à « Petit-déjeuner inter-équipes » ?").click()
    came = page.locator("ul.came input[type=checkbox]")
    expect(came).to_have_count(14)
    page.get_by_label("Léa Dubois").uncheck()
    page.get_by_role("button", name="Enregistrer telle qu'elle s'est passée").click()
    expect(page.get_by_text("Séance n° 1 enregistrée : Petit-déjeuner inter-équipes")).to_be_visible()
    expect(page.locator("table.trend-table tbody tr").first).to_contain_text("13")
    (session,) = recorded_sessions(live_server.data / "history.db")
    assert session.people == 13
    with open_history(live_server.data / "history.db") as connection:
        _, plan = session_plan(connection, session.id)
    lea = next(a.id for a in plan.attendees if a.name == "Léa Dubois")
    assert all(lea not in table.attendees for planned in plan.rounds for table in planned.tables)
