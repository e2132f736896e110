"""The page in a real browser (Debian's Chromium, headless): each screen as the organiser uses it."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from starlette.testclient import TestClient

from speeddating.plan import write_plan
from speeddating.web.workflow import PLAN_FILE
from speeddating.web.workspace import Workspace
from tests.helpers import EIGHT, ROUND_A, ROUND_B, record, seated_plan
from tests.web.conftest import LiveServer, Screenshot, import_list, planning_timeout, start_session

SCREENS_OF_A_SESSION = ("/import", "/event", "/plan", "/print", "/day")
"""The organiser's steps of a session, after its address."""


def test_home_offers_a_new_session_and_leads_to_the_import(
    page: Page, live_server: LiveServer, screenshot: Screenshot
) -> None:
    page.goto(live_server.address)
    expect(page).to_have_url(live_server.base + "/")
    screenshot(page, "home")
    start_session(page, live_server)


def test_import_shows_the_people_and_organisations_of_a_french_export(
    page: Page, live_server: LiveServer, french_export: Path, screenshot: Screenshot
) -> None:
    start_session(page, live_server)
    import_list(page, french_export)
    people = page.locator("table.people tbody tr")
    expect(people).to_have_count(14)
    expect(page.get_by_role("cell", name="<b>Bob</b> <script>alert('x')</script>", exact=True)).to_be_visible()
    screenshot(page, "import")


def test_the_breakfast_shows_the_rounds_that_fit_as_the_organiser_types(
    page: Page, live_server: LiveServer, screenshot: Screenshot
) -> None:
    session = start_session(page, live_server)
    page.goto(session + "/event")
    expect(page.get_by_text("5 tours tiennent")).to_be_visible()
    page.get_by_label("Fin", exact=True).fill("09:30")
    expect(page.get_by_text("3 tours tiennent")).to_be_visible()
    page.get_by_role("button", name="Ajouter un thème").click()
    page.get_by_label("Thème 4", exact=True).fill("Nos projets 2027")
    page.get_by_role("button", name="Monter le thème 4").click()
    expect(page.get_by_label("Thème 3", exact=True)).to_have_value("Nos projets 2027")
    page.reload()
    expect(page.get_by_label("Fin", exact=True)).to_have_value("09:30")
    expect(page.get_by_text("Tour 3 — Nos projets 2027")).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "event")


@pytest.mark.parametrize("width", [1366, 1024])
def test_every_theme_and_prompt_is_shown_whole(page: Page, live_server: LiveServer, width: int) -> None:
    """The usual themes in English ("A subjective presentation of another organisation at the table") were
    cut to "A subjective presentation o" in one-line fields beside a wide column for a checkbox: each title and
    prompt now wraps in a field as tall as its text, and a longer one typed grows its field."""
    page.set_viewport_size({"width": width, "height": 768})
    session = start_session(page, live_server)
    page.get_by_role("button", name="English").click()
    page.goto(session + "/event")
    page.get_by_label("Prompt of theme 2", exact=True).fill(
        "What do you work on, where do you get stuck, and whom do you call when you do? Say it in a minute."
    )
    fields = page.locator("table.themes textarea")
    expect(fields).to_have_count(6)
    hidden = fields.evaluate_all(
        "fields => fields.filter((field) => field.scrollHeight > field.clientHeight + 1"
        " || field.scrollWidth > field.clientWidth + 1).map((field) => field.value)"
    )
    assert hidden == []
    page.get_by_role("button", name="Save", exact=True).click()
    page.goto(session + "/event")
    expect(page.get_by_label("Prompt of theme 2", exact=True)).to_have_value(re.compile(r"Say it in a minute\.$"))


def test_a_number_out_of_range_on_the_breakfast_screen_is_named_with_its_limits(
    page: Page, live_server: LiveServer
) -> None:
    """The browser's own check of min/max stopped htmx from sending the form, so 200 minutes a round or 9 per
    table changed nothing and said nothing: the server now hears it and says what it accepts."""
    session = start_session(page, live_server)
    page.goto(session + "/event")
    page.get_by_label("Tour (minutes)").fill("200")
    expect(page.get_by_role("alert")).to_have_text(
        "Tour (minutes) : « 200 » n'est pas retenu, indiquez un nombre entier de 1 à 120 (les horaires gardent 10)."
    )
    expect(page.get_by_text("5 tours tiennent")).to_be_visible()
    page.get_by_role("button", name="English").click()
    page.get_by_label("People per table").fill("9")
    expect(page.get_by_role("alert")).to_have_text(
        "People per table: “9” is not kept, give a whole number from 3 to 6 (the timetable keeps 4)."
    )
    page.get_by_label("People per table").fill("5")
    expect(page.get_by_text("5 rounds fit between 08:30 and 10:00, tables of 5.")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)


def test_the_date_is_written_out_in_the_page_language_whatever_the_browser_shows_in_its_field(
    page: Page, live_server: LiveServer
) -> None:
    """Chromium draws a date field in its own locale, never the page's `lang`: this headless one shows
    12/08/2026 on the French page as on the English one, which a French organiser reads as 12 August. The
    timetable writes the date out in the page's language as the organiser changes it."""
    session = start_session(page, live_server)
    page.goto(session + "/event")
    page.get_by_label("Date", exact=True).fill("2026-12-08")
    expect(page.locator("#date-in-words")).to_have_text("mardi 8 décembre 2026")
    expect(page.get_by_label("Date", exact=True)).to_have_accessible_description("mardi 8 décembre 2026")
    page.get_by_role("button", name="English").click()
    expect(page.locator("#date-in-words")).to_have_text("Tuesday 8 December 2026")


def test_the_language_switch_turns_the_page_to_english_and_stays(page: Page, live_server: LiveServer) -> None:
    start_session(page, live_server)
    page.get_by_role("button", name="English").click()
    expect(page.get_by_label("Attendee list")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Attendees", level=1)).to_be_visible()
    page.get_by_role("button", name="Français").click()
    expect(page.get_by_label("Liste des participants")).to_be_visible()


def test_the_file_buttons_speak_the_page_language_not_the_browser_one(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    """Chromium draws a file input in its own language ("Choisir un fichier" in this French browser, even on
    the English page): the page draws the button and the file's name itself, the input still labelled."""
    start_session(page, live_server)
    page.get_by_role("button", name="English").click()
    expect(page.get_by_text("Choose a file…")).to_be_visible()
    expect(page.get_by_text("No file chosen")).to_be_visible()
    page.goto(live_server.base + "/history")
    export = tmp_path / "export.json"
    export.write_text("{}", encoding="utf-8")
    page.get_by_label("History export (JSON)").set_input_files(export)
    expect(page.locator("[data-file-name]")).to_have_text("export.json")
    page.get_by_role("button", name="Français").click()
    expect(page.get_by_text("Choisir un fichier…")).to_be_visible()


@pytest.mark.slow
def test_plan_shows_live_progress_then_the_figures_the_seating_and_the_documents(
    page: Page, live_server: LiveServer, french_export: Path, screenshot: Screenshot
) -> None:
    session = start_session(page, live_server)
    import_list(page, french_export)
    page.goto(session + "/plan")
    page.get_by_role("button", name="Planifier").click()
    expect(page.get_by_text("Meilleur plan jusqu'ici")).to_be_visible()
    expect(page.get_by_text(re.compile(r"[1-9],[0-9] s sur 10,0 s au plus"))).to_be_visible()
    screenshot(page, "plan-progress")
    expect(page.get_by_role("heading", name="Le plan en chiffres")).to_be_visible(timeout=planning_timeout(10))
    expect(page.get_by_text("Aucun collègue à la même table.")).to_be_visible()
    expect(page.get_by_role("heading", name="Tour 1 ·", exact=False).first).to_be_visible()
    screenshot(page, "plan")
    page.get_by_role("link", name="Suite : imprimer").click()
    for name in ("Cartes de table", "Parcours individuels", "Programme", "Plan d'ensemble"):
        answer = page.request.get(
            live_server.base + (page.get_by_role("link", name=name, exact=True).get_attribute("href") or "")
        )
        assert answer.headers["content-type"] == "application/pdf", name
        text = "".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(answer.body())).pages)
        assert "Léa Dubois" in text or name == "Programme", name  # "DUBOIS" typed in capitals: printed "Dubois"
    spreadsheet = page.request.get(
        live_server.base + (page.get_by_role("link", name="Tableur (CSV)").get_attribute("href") or "")
    )
    assert "Lan Nguyễn" in spreadsheet.body().decode("utf-8-sig")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tout dans un zip").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        assert sorted(archive.namelist()) == sorted(
            ["agenda.pdf", "itineraries.pdf", "master-plan.pdf", "plan.csv", "table-cards.pdf"]
        )
    screenshot(page, "print")


def test_home_names_a_plan_in_progress_by_its_breakfast_and_its_start_in_words(
    client: TestClient, tmp_path: Path
) -> None:
    """Planned with the default breakfast (never saved on its screen), a session was listed as "Untitled
    session", started "2026-12-02 15:19:17"."""
    draft = Workspace(tmp_path / "data").new_draft().save(created="2026-12-02T15:19:17")
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(EIGHT, [ROUND_A], title="Petit-déjeuner du réseau"), draft.plan_folder / PLAN_FILE)
    home = client.get("/").text
    assert f'<a href="/sessions/{draft.id}/{draft.resume_step}">Petit-déjeuner du réseau</a>' in home
    assert "Séance sans titre" not in home and "commencée le mercredi 2 décembre 2026 à 15:19" in home


PHONE_WIDTH = 390
SIDEWAYS = """() => ({
  page: document.documentElement.scrollWidth,
  screen: document.documentElement.clientWidth,
  header: Math.max(...[...document.querySelectorAll('header.top a, header.top button')]
    .map((control) => control.getBoundingClientRect().right)),
})"""
"""How wide the page is against the screen, and where the header's rightmost control (the language switch) ends."""


def test_on_a_phone_no_screen_scrolls_sideways_and_the_header_stays_on_it(
    page: Page, live_server: LiveServer, planned_session: str
) -> None:
    """At 390 px the header did not wrap, so the history link and the language switch sat off the screen, and the
    tables of people, organisations and sessions made the whole page scroll sideways: the header now wraps, the
    forms take one column and a wide table scrolls inside its card."""
    record(live_server.data / "history.db", seated_plan(EIGHT, [ROUND_A, ROUND_B], title="Petit-déjeuner de janvier"))
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    page.goto(live_server.address)
    screens = ["/", *(planned_session.removeprefix(live_server.base) + step for step in SCREENS_OF_A_SESSION)]
    for language in ("English", "Français"):
        page.get_by_role("button", name=language).click()
        for screen in [*screens, "/history"]:
            page.goto(live_server.base + screen)
            expect(page.locator("main h1")).to_be_visible()
            widths = page.evaluate(SIDEWAYS)
            assert widths["page"] <= PHONE_WIDTH and widths["header"] <= PHONE_WIDTH, (language, screen, widths)
