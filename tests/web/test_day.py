"""On the day and after: an absentee and a late arrival re-planned, the projector's countdown, the record."""

import html
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from starlette.testclient import TestClient

from speeddating.plan import read_plan, write_plan
from speeddating.web.workspace import Workspace
from tests.conftest import CheckPlan
from tests.helpers import EIGHT, ROUND_A, ROUND_B, ROUND_C, reprint_list, seated_plan
from tests.web.conftest import LiveServer, Screenshot, import_list, plan_a_session, planning_timeout


@pytest.mark.slow
def test_an_absentee_and_a_late_arrival_are_replanned_then_the_session_is_recorded(
    page: Page,
    live_server: LiveServer,
    planned_session: str,
    french_export: Path,
    check_plan: CheckPlan,
    screenshot: Screenshot,
) -> None:
    page.goto(live_server.address)
    page.goto(planned_session + "/day")
    page.get_by_role("button", name="Léa Dubois est absent").click()
    expect(page.get_by_role("button", name="Léa Dubois est absent")).to_have_attribute("aria-pressed", "true")
    page.get_by_label("Nom", exact=True).fill("Paul NEUF")
    page.get_by_label("Structure", exact=True).fill("CIO")
    page.get_by_role("button", name="Ajouter une arrivée").click()
    expect(page.get_by_text("1 absent, 1 arrivée notée.")).to_be_visible()
    page.get_by_label("Replanifier à partir du").select_option("2")
    page.get_by_role("button", name="Replanifier").click()
    expect(page.get_by_role("heading", name="Qui change de place")).to_be_visible(timeout=planning_timeout(3))
    expect(page.get_by_text("Version 2 du plan.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Léa Dubois : sans table aux tours 2 à 5$"))).to_be_visible()
    screenshot(page, "day")
    expect(page.get_by_text("Paul NEUF : première carte d'une arrivée")).to_be_visible()
    report = [
        ("  " if item.get_attribute("class") == "moved" else "") + item.inner_text()
        for item in page.locator("#report li").all()
    ]
    to_reprint = set(reprint_list(report, "Parcours à réimprimer"))
    reprint = page.get_by_role("link", name="Parcours à réimprimer").get_attribute("href") or ""
    cards = PdfReader(io.BytesIO(page.request.get(live_server.base + reprint).body()))
    text = "".join(sheet.extract_text() for sheet in cards.pages)
    assert "Paul NEUF" in to_reprint
    everyone = [row.inner_text() for row in page.locator("table.people tbody tr td:first-child").all()]
    assert [name for name in everyone if name in text] == [name for name in everyone if name in to_reprint]

    plan_file = live_server.data / "sessions" / planned_session.rsplit("/", 1)[1] / "plan" / "plan.json"
    figures = check_plan(plan_file, "--allow-absent")
    assert figures["valid"], figures["errors"]
    document = json.loads(plan_file.read_text(encoding="utf-8"))
    names = {person["id"]: person["name"] for person in document["attendees"]}
    seated = [{names[x] for table in rnd["tables"] for x in table["attendees"]} for rnd in document["rounds"]]
    assert "Léa Dubois" in seated[0] and all("Léa Dubois" not in people for people in seated[1:])
    assert "Paul NEUF" not in seated[0] and all("Paul NEUF" in people for people in seated[1:])

    page.get_by_role("button", name="Enregistrer dans l'historique").click()
    expect(page.get_by_text(re.compile(r"Séance n° 1 enregistrée : Petit-déjeuner inter-équipes"))).to_be_visible()
    page.goto(live_server.base + "/")
    expect(page.get_by_role("cell", name="Petit-déjeuner inter-équipes")).to_be_visible()
    page.get_by_role("link", name="Historique et rapport sur le réseau").click()
    expect(page.get_by_role("heading", name="Qui a rencontré qui, structure par structure")).to_be_visible()
    screenshot(page, "history")

    page.goto(live_server.base + "/")  # the next session: the planner is told who met today
    page.get_by_role("button", name="Nouvelle séance").click()
    import_list(page, french_export)
    page.get_by_role("link", name="3. Planifier").click()
    page.get_by_role("button", name="Planifier").click()
    expect(page.get_by_text(re.compile(r"L'historique indique que \d+ paires de ces personnes"))).to_be_visible()


def test_someone_is_found_in_the_list_by_name_or_organisation_and_stays_found_after_a_mark(
    page: Page, live_server: LiveServer, planned_session: str
) -> None:
    """With 300 people the list of who is in the room is many screens long: a few letters of a name or an
    organisation, accents and case aside, leave only the rows that hold them, also once a mark reloads it."""
    page.goto(live_server.address)
    page.goto(planned_session + "/day")
    rows = page.locator("table.people tbody tr")
    find = page.get_by_label("Trouver quelqu'un")
    find.fill("mission")
    expect(rows.filter(visible=True)).to_have_count(3)
    expect(page.get_by_text("3 sur 14", exact=True)).to_be_visible()
    find.fill("LEA  mission")
    expect(rows.filter(visible=True).locator("td").first).to_have_text("Léa Dubois")
    page.get_by_role("button", name="Léa Dubois est absent").click()
    expect(page.get_by_role("button", name="Léa Dubois est absent")).to_have_attribute("aria-pressed", "true")
    expect(find).to_have_value("LEA  mission")
    expect(rows.filter(visible=True)).to_have_count(1)
    find.fill("")
    expect(rows.filter(visible=True)).to_have_count(14)
    expect(page.get_by_text("sur 14")).to_have_count(0)


def test_the_projector_counts_down_the_round_and_lists_who_goes_where(
    page: Page, live_server: LiveServer, planned_session: str, screenshot: Screenshot
) -> None:
    page.clock.install(time="2000-01-03T08:00:00")  # not the session's day: the organiser runs the screen
    page.goto(live_server.address)
    page.goto(planned_session + "/projection")
    expect(page.get_by_role("heading", name="Rejoignez votre table pour le tour 1")).to_be_visible()
    expect(page.locator("[data-seats] li").filter(has_text="Anne Martin")).to_contain_text(re.compile(r"table \d+"))
    expect(page.locator("[data-seats] li")).to_have_count(14)
    screenshot(page, "projection-join")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name="Nos publics")).to_be_visible()
    expect(page.get_by_role("timer")).to_have_text("10:00")
    page.keyboard.press(" ")
    page.clock.run_for(61_000)
    expect(page.get_by_role("timer")).to_have_text("08:59")
    screenshot(page, "projection")
    page.keyboard.press(" ")  # pause: the time stands still
    page.clock.run_for(30_000)
    expect(page.get_by_role("timer")).to_have_text("08:59")
    page.get_by_role("button", name="Suivant").click()
    expect(page.get_by_role("heading", name="Rejoignez votre table pour le tour 2")).to_be_visible()
    expect(page.get_by_role("timer")).to_have_text("02:00")


@pytest.mark.slow
def test_stays_seated_and_hosting_are_noted_on_the_day_and_a_replan_can_be_stopped(
    page: Page, live_server: LiveServer, planned_session: str, check_plan: CheckPlan
) -> None:
    page.goto(live_server.address)
    page.goto(planned_session + "/day")
    page.get_by_role("button", name="Anne Martin reste assis").click()
    expect(page.get_by_role("button", name="Anne Martin reste assis")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Karim Benali anime une table").click()
    expect(page.get_by_text("Restent assis : 1 ; animent une table : 1.")).to_be_visible()
    page.get_by_label("Replanifier à partir du").select_option("2")
    page.get_by_role("button", name="Replanifier").click()
    expect(page.get_by_role("heading", name="Qui change de place")).to_be_visible(timeout=planning_timeout(3))
    plan_file = live_server.data / "sessions" / planned_session.rsplit("/", 1)[1] / "plan" / "plan.json"
    document = json.loads(plan_file.read_text(encoding="utf-8"))
    ids = {person["name"]: person["id"] for person in document["attendees"]}
    for name in ("Anne Martin", "Karim Benali"):
        tables = {
            table["number"]
            for rnd in document["rounds"][1:]
            for table in rnd["tables"]
            if ids[name] in table["attendees"]
        }
        assert len(tables) == 1, name  # one table from round 2 on
    expect(page.get_by_role("button", name="Anne Martin reste assis")).to_be_disabled()  # the plan says so now

    page.get_by_role("button", name="Léa Dubois est absent").click()
    page.get_by_label("Temps pour l'optimiseur").select_option("30")
    page.get_by_role("button", name="Replanifier").click()
    page.get_by_role("button", name="Arrêter").click()
    expect(page.get_by_role("heading", name="Qui change de place")).to_be_visible(timeout=planning_timeout(30))
    expect(page.get_by_text("Version 3 du plan.")).to_be_visible()
    expect(page.get_by_text("Arrêté avant la fin : meilleur plan trouvé jusque-là, non prouvé.")).to_be_visible()
    assert check_plan(plan_file, "--allow-absent")["valid"]


@pytest.mark.slow
def test_the_plan_the_day_and_the_projector_in_english(
    page: Page, live_server: LiveServer, french_export: Path, screenshot: Screenshot
) -> None:
    """The English screenshots of the README, of a session planned in English (its themes with it)."""
    planned_session = plan_a_session(live_server, french_export, "en")
    page.goto(live_server.address)
    page.goto(planned_session + "/plan")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="The plan in figures")).to_be_visible()
    expect(page.get_by_text("14 people from 6 organisations, 5 rounds.")).to_be_visible()
    expect(page.get_by_role("heading", name="Round 1 · 08:45–08:55 · The people we serve")).to_be_visible()
    screenshot(page, "plan-en")

    page.get_by_role("link", name="5. On the day").click()
    page.get_by_role("button", name="Léa Dubois is absent").click()
    expect(page.get_by_text("1 absent, 0 late arrivals noted.")).to_be_visible()
    page.get_by_role("button", name="Re-plan").click()
    expect(page.get_by_role("heading", name="Who moves where")).to_be_visible(timeout=planning_timeout(3))
    expect(page.get_by_text(re.compile(r"^Léa Dubois: no table in rounds 2 to 5$"))).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "day-en")

    projector = page.context.new_page()
    projector.clock.install(time="2000-01-03T08:00:00")  # not the session's day: the organiser runs the screen
    projector.goto(planned_session + "/projection")
    projector.keyboard.press("ArrowRight")
    expect(projector.get_by_text("Round 1 of 5")).to_be_visible()
    projector.keyboard.press(" ")
    projector.clock.run_for(10 * 60_000 + 25_000)
    expect(projector.get_by_role("heading", name="Join your table for round 2")).to_be_visible()
    expect(projector.get_by_role("timer")).to_have_text("01:35")
    expect(projector.locator("[data-seats] li")).to_have_count(13)  # Léa Dubois is not coming
    screenshot(projector, "projection-en")


def test_who_left_at_an_earlier_replan_shows_as_absent_on_the_day(client: TestClient, tmp_path: Path) -> None:
    """After a re-plan, the marks are cleared: the plan itself must say who is gone, or the room list shows
    them as present and the organiser marks them again, or wonders whether the re-plan took them out."""
    draft = Workspace(tmp_path / "data").new_draft()
    without_anne = [[i for i in table if i != 0] for table in ROUND_B]
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(EIGHT, [ROUND_A, without_anne]), draft.plan_folder / "plan.json")
    page = client.get(f"/sessions/{draft.id}/day").text
    anne, bruno = (page.split(f'<tr id="person-p{number}">')[1].split("</tr>")[0] for number in (1, 2))
    assert 'aria-pressed="true" aria-label="Anne Martin est absent" title="Absent depuis un nouveau plan' in anne
    assert 'aria-pressed="false" aria-label="Bruno Ngô est absent">' in bruno


def test_the_next_replan_starts_from_the_round_of_the_last_one(client: TestClient, tmp_path: Path) -> None:
    """Round 2 was the default even after a re-plan from round 3: one click away from re-seating a round
    already held. The report and that round belong to the version re-planned, not to a plan made anew."""
    workspace = Workspace(tmp_path / "data")
    draft = workspace.new_draft()
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    first = seated_plan(EIGHT, [ROUND_A, ROUND_B, ROUND_C])
    write_plan(first, draft.plan_folder / "plan.json")
    day = f"/sessions/{draft.id}/day"
    assert '<option value="2" selected>' in client.get(day).text

    client.post(day + "/mark", data={"person": "p1", "mark": "absent", "value": "on"})
    client.post(day + "/replan", data={"from_round": "3", "time_limit": "3"})
    client.get(day + "/events")  # the stream ends with the re-plan
    page = client.get(day).text
    assert "Version 2 du plan." in page and "Qui change de place" in page
    assert '<option value="3" selected>' in page and '<option value="2" selected>' not in page

    write_plan(first, draft.plan_folder / "plan.json")  # planned anew on the Plan screen: version 1 again
    page = client.get(day).text
    assert "Qui change de place" not in page and '<option value="2" selected>' in page


def test_the_replan_report_is_the_cli_s_and_follows_the_language_switch(client: TestClient, tmp_path: Path) -> None:
    """The page's report was its own copy of the CLI's, without who is present or which tables stay empty,
    and it stayed in the language of the moment of the re-plan when the organiser switched the page."""
    draft = Workspace(tmp_path / "data").new_draft()
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(EIGHT, [ROUND_A, ROUND_B, ROUND_C]), draft.plan_folder / "plan.json")
    day = f"/sessions/{draft.id}/day"
    client.post(day + "/mark", data={"person": "p1", "mark": "absent", "value": "on"})
    client.post(day + "/replan", data={"from_round": "2", "time_limit": "3"})
    client.get(day + "/events")  # the stream ends with the re-plan
    french = html.unescape(client.get(day).text)
    assert "<li>Présents à partir du tour 2 : 7 (sur 8 inscrits au total)</li>" in french
    assert '<li class="moved">Anne Martin : sans table aux tours 2, 3</li>' in french
    client.cookies.set("speeddating_lang", "en")
    english = html.unescape(client.get(day).text)
    assert "<li>Present from round 2: 7 (of 8 people listed in all)</li>" in english
    assert '<li class="moved">Anne Martin: no table in rounds 2, 3</li>' in english
    assert "Présents" not in english and "sans table" not in english


def test_a_session_recorded_again_replaces_its_record_without_the_cli_advice(
    client: TestClient, tmp_path: Path
) -> None:
    """A double click, a re-plan after recording, or the absentees unticked on the History screen record the
    same session again: its record is replaced, where the history refused it with "add --replace"."""
    draft = Workspace(tmp_path / "data").new_draft()
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(EIGHT, [ROUND_A, ROUND_B]), draft.plan_folder / "plan.json")
    day = f"/sessions/{draft.id}/day"
    client.post(day + "/record")
    assert "Séance n° 1 enregistrée : Petit-déjeuner, mercredi 15 janvier 2025." in client.get(day).text
    client.post(day + "/record")
    page = client.get(day).text
    assert "--replace" not in page and 'class="problem"' not in page
    assert "Séance n° 1 enregistrée à nouveau, à la place de la précédente" in page
    assert "Enregistrer à nouveau, à la place de la précédente" in page
    came = [f"p{number}" for number in range(2, 9)]  # Anne Martin did not come after all
    client.post(f"/history/record/{draft.id}", data={"came": came})
    history = client.get("/history").text
    assert "--replace" not in history and "enregistrée à nouveau" in history
    assert history.count('<td class="nowrap">mercredi 15 janvier 2025</td><td>Petit-déjeuner</td>') == 1
    assert "Après 1 séance : 7 personnes de 4 structures" in history


def test_the_room_list_is_alphabetical_and_the_time_limits_read_as_said(client: TestClient, tmp_path: Path) -> None:
    """150 people in the order of the file (often by organisation) are hard to find at the door: the list is
    in the projector's order, by name. The re-plan's times read "3 s", not "3,0 s"."""
    draft = Workspace(tmp_path / "data").new_draft()
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(EIGHT[::-1], [ROUND_A, ROUND_B]), draft.plan_folder / "plan.json")
    page = client.get(f"/sessions/{draft.id}/day").text
    room = page.split('<table class="people">')[1].split("</table>")[0]
    listed = re.findall(r'<tr id="person-[^"]+">\s*<td>([^<]+)</td>', room)
    assert listed == [name for name, _organisation, _email in EIGHT]  # Anne Martin … Hugo Petit, Élodie among the E
    assert '<option value="3">3 s</option>' in page and "3,0 s" not in page


def test_who_left_at_an_earlier_replan_can_come_back_and_the_next_replan_seats_them(
    client: TestClient, tmp_path: Path
) -> None:
    """Someone taken out at a re-plan who turns up after all: their "absent" stayed pressed and disabled, so
    no later re-plan could seat them again. Pressed, it notes them back in the room for the next one."""
    draft = Workspace(tmp_path / "data").new_draft()
    without_anne = [[i for i in table if i != 0] for table in ROUND_B]
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(EIGHT, [ROUND_A, without_anne, without_anne]), draft.plan_folder / "plan.json")
    day = f"/sessions/{draft.id}/day"

    def anne_row() -> str:
        return client.get(day).text.split('<tr id="person-p1">')[1].split("</tr>")[0]

    assert 'aria-pressed="true" aria-label="Anne Martin est absent" title="Absent depuis' in anne_row()
    client.post(day + "/mark", data={"person": "p1", "mark": "returning", "value": "on"})
    assert 'aria-pressed="false" aria-label="Anne Martin est absent" title="De retour' in anne_row()
    assert '<span class="muted">de retour dans la salle</span>' in anne_row()
    assert "1 personne de retour dans la salle." in client.get(day).text
    client.post(day + "/replan", data={"from_round": "2", "time_limit": "3"})
    client.get(day + "/events")  # the stream ends with the re-plan
    plan = read_plan(draft.plan_folder / "plan.json")
    assert plan.version == 2
    assert [rnd.table_of("p1") is not None for rnd in plan.rounds] == [True, True, True]
    assert "Anne Martin : sans table → table" in client.get(day).text
    assert 'aria-pressed="false" aria-label="Anne Martin est absent">' in anne_row()  # present, as anyone seated


def test_a_replan_from_a_round_the_plan_does_not_have_is_refused_in_the_page_words(
    client: TestClient, tmp_path: Path
) -> None:
    """A Day page left open while the plan was made anew with fewer rounds posts a round that is gone: the
    re-plan failed with the CLI's "--from-round 4: …" (and a word instead of a number, with a raw 422)."""
    draft = Workspace(tmp_path / "data").new_draft()
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(EIGHT, [ROUND_A, ROUND_B, ROUND_C]), draft.plan_folder / "plan.json")
    day = f"/sessions/{draft.id}/day"
    for given in ("4", "0", "deux"):
        assert client.post(day + "/replan", data={"from_round": given, "time_limit": "3"}).status_code == 303
        page = html.unescape(client.get(day).text)
        assert f"Le tour {given} n'existe pas dans ce plan, qui a les tours 1 à 3 : choisissez le tour" in page
        assert "--from-round" not in page and "Qui change de place" not in page
    assert read_plan(draft.plan_folder / "plan.json").version == 1
    client.cookies.set("speeddating_lang", "en")
    assert (
        "Round 4 is not in this plan, which has rounds 1 to 3"
        in client.post(day + "/replan", data={"from_round": "4"}, follow_redirects=True).text
    )


@pytest.mark.slow
def test_a_replan_on_the_day_screen_reaches_the_projector_open_in_another_tab(
    page: Page, live_server: LiveServer, planned_session: str
) -> None:
    """The room's screen is opened before the session and left alone: a re-plan made on the Day screen (an
    absentee, a late arrival) must show at its next changeover with the new tables, without a reload. The
    projector's own test writes the new plan file itself; this one goes through the Day screen's button."""
    page.goto(live_server.address)
    screen = page.context.new_page()
    screen.clock.install(time="2000-01-03T08:00:00")  # not the session's day: the organiser runs the screen
    screen.goto(planned_session + "/projection")
    screen.keyboard.press("ArrowRight")
    screen.keyboard.press("ArrowRight")  # the changeover before round 2
    expect(screen.get_by_role("heading", name="Rejoignez votre table pour le tour 2")).to_be_visible()
    seats = screen.locator("[data-seats] li")
    expect(seats.filter(has_text="Léa Dubois")).to_have_count(1)

    page.goto(planned_session + "/day")
    page.get_by_role("button", name="Léa Dubois est absent").click()
    page.get_by_label("Nom", exact=True).fill("Paul NEUF")
    page.get_by_label("Structure", exact=True).fill("CIO")
    page.get_by_role("button", name="Ajouter une arrivée").click()
    page.get_by_label("Replanifier à partir du").select_option("2")
    page.get_by_role("button", name="Replanifier").click()
    expect(page.get_by_text("Version 2 du plan.")).to_be_visible(timeout=planning_timeout(3))

    replanned = read_plan(live_server.data / "sessions" / planned_session.rsplit("/", 1)[1] / "plan" / "plan.json")
    names = {a.id: a.name for a in replanned.attendees}
    second = {names[x]: table.number for table in replanned.rounds[1].tables for x in table.attendees}
    screen.clock.run_for(5_000)  # the screen asks for the seating again every 5 s
    expect(seats.filter(has_text="Léa Dubois")).to_have_count(0)
    expect(seats.filter(has_text="Paul NEUF")).to_contain_text(f"table {second['Paul NEUF']}")
    expect(seats).to_have_count(len(second))
    for name, table in second.items():
        expect(seats.filter(has_text=name)).to_contain_text(f"table {table}")
    expect(screen.get_by_role("heading", name="Rejoignez votre table pour le tour 2")).to_be_visible()
    screen.close()


def test_the_replan_button_comes_before_the_room_list(client: TestClient, tmp_path: Path) -> None:
    """With 150 people the room list is ten screens long: the late arrivals, the re-plan button and what is
    noted for it came after it, out of sight of the organiser looking for them."""
    draft = Workspace(tmp_path / "data").new_draft()
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(EIGHT, [ROUND_A, ROUND_B]), draft.plan_folder / "plan.json")
    page = client.get(f"/sessions/{draft.id}/day").text
    room = page.index('<table class="people">')
    assert page.index('action="/sessions/' + draft.id + '/day/replan"') < room
    assert page.index('action="/sessions/' + draft.id + '/day/arrival"') < room
    assert page.index("0 absent, 0 arrivée notée.") < room
