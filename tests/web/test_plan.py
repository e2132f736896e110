"""The Plan screen in a real browser: the stop button keeps the best plan found so far and says so; the figures
say how many re-meetings could not be avoided."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from starlette.testclient import TestClient

from speeddating.plan import write_plan
from speeddating.web.screens.plan import ORGANISATION_COLOURS, organisation_marks
from speeddating.web.workflow import PLAN_FILE
from speeddating.web.workspace import Workspace
from tests.conftest import CheckPlan
from tests.helpers import seated_plan
from tests.web.conftest import LiveServer, Screenshot, import_list, planning_timeout, start_session


@pytest.mark.slow
def test_stop_keeps_the_best_plan_found_so_far(
    page: Page, live_server: LiveServer, french_export: Path, check_plan: CheckPlan
) -> None:
    session = start_session(page, live_server)
    import_list(page, french_export)
    page.goto(session + "/plan")
    page.get_by_label("Temps pour l'optimiseur").select_option("120")
    page.get_by_role("button", name="Planifier").click()
    expect(page.get_by_text("Meilleur plan jusqu'ici")).to_be_visible()
    page.get_by_role("button", name="Arrêter").click()
    stopped = page.get_by_text("Arrêté avant la fin : meilleur plan trouvé jusque-là, non prouvé.")
    expect(stopped).to_be_visible(timeout=planning_timeout(10))
    expect(page.get_by_role("heading", name="Tour 1 ·", exact=False).first).to_be_visible()
    plan_file = live_server.data / "sessions" / session.rsplit("/", 1)[1] / "plan" / "plan.json"
    assert check_plan(plan_file)["valid"]
    assert json.loads(plan_file.read_text(encoding="utf-8"))["quality"]["interrupted"] is True
    expect(page.get_by_role("link", name="Suite : imprimer")).to_be_visible()


def test_the_figures_say_how_many_re_meetings_the_head_counts_forced(
    page: Page, live_server: LiveServer, planned_session: str
) -> None:
    page.goto(live_server.address)
    page.goto(planned_session + "/plan")
    plan_file = live_server.data / "sessions" / planned_session.rsplit("/", 1)[1] / "plan" / "plan.json"
    quality = json.loads(plan_file.read_text(encoding="utf-8"))["quality"]
    assert quality["forced_reunions"] > 0  # 14 people over 5 rounds: more seats than people to meet
    expect(page.locator("ul.figures")).to_contain_text(
        f"Au moins {quality['forced_reunions']} retrouvailles étaient inévitables avec ces effectifs"
    )


def fifteen_organisations(workspace: Workspace) -> str:
    """A session planned for 30 people of 15 organisations (more than the 12 colours), one round of six tables
    of five; returns its id."""
    fifteen = [(f"Person {i:02d}", f"Organisation {i % 15}", "") for i in range(30)]
    draft = workspace.new_draft()
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(fifteen, [[list(range(t, t + 5)) for t in range(0, 30, 5)]]), draft.plan_folder / PLAN_FILE)
    return draft.id


def test_the_figures_count_every_organisation_not_the_colours(client: TestClient, tmp_path: Path) -> None:
    """The figures counted the colours the tables show, twelve at most: 150 people from 15 organisations
    read "150 people from 12 organisations" (two organisations share a colour, not a count); one round read
    "1 tours"."""
    session = fifteen_organisations(Workspace(tmp_path / "data"))
    assert "30 personnes de 15 structures, 1 tour." in client.get(f"/sessions/{session}/plan").text  # not "1 tours"


@pytest.mark.parametrize("count", range(1, 41))
def test_every_organisation_has_a_mark_of_its_own(count: int) -> None:
    """With more organisations than colours two of them shared a colour; the letter tells every one apart, and
    alone too (a black-and-white print); the same list gives the same marks."""
    people = [(f"Person {i:02d}", f"Organisation {i % count:02d}", "") for i in range(2 * count)]
    plan = seated_plan(people, [[list(range(2 * count))]])
    marks = organisation_marks(plan)
    assert len(marks) == count
    assert len({(mark.colour, mark.letter) for mark in marks.values()}) == count
    assert len({mark.letter for mark in marks.values()}) == count
    assert {mark.colour for mark in marks.values()} == set(range(min(count, ORGANISATION_COLOURS)))
    assert organisation_marks(seated_plan(people, [[list(range(2 * count))]])) == marks


def test_a_new_organisation_leaves_the_others_marks_alone() -> None:
    """A late arrival from an organisation not yet there comes last in the re-planned list: the organisations
    already on the screen keep their colour and letter."""
    people = [(f"Person {i:02d}", f"Organisation {i % 13}", "") for i in range(26)]
    before = organisation_marks(seated_plan(people, [[list(range(26))]]))
    after = organisation_marks(seated_plan([*people, ("Late", "Newcomer", "")], [[list(range(27))]]))
    assert {key: after[key] for key in before} == before
    assert (after["newcomer"].colour, after["newcomer"].letter) == (1, "N")


def test_the_seating_shows_each_organisation_with_its_own_mark(
    page: Page, live_server: LiveServer, screenshot: Screenshot
) -> None:
    """In the browser, 15 organisations: every seat carries its organisation's colour and letter, the same for
    colleagues, different between any two organisations, and the legend names them."""
    session = fifteen_organisations(Workspace(live_server.data))
    page.goto(live_server.address)
    page.goto(f"{live_server.base}/sessions/{session}/plan")
    seats = page.locator(".table-card li")
    expect(seats).to_have_count(30)
    shown = {
        seat.locator("small").inner_text(): (seat.get_attribute("class"), seat.locator(".org-mark").inner_text())
        for seat in seats.all()
    }
    assert len(shown) == 15 and len(set(shown.values())) == 15
    assert shown["Organisation 0"][0] == shown["Organisation 12"][0] == "org-0"
    assert (shown["Organisation 0"][1], shown["Organisation 12"][1]) == ("A", "M")
    for seat in seats.all():
        text = seat.locator("small").inner_text()
        assert (seat.get_attribute("class"), seat.locator(".org-mark").inner_text()) == shown[text]
    legend = page.locator("ul.organisation-legend li")
    expect(legend).to_have_count(15)
    expect(legend.nth(12)).to_have_text("M Organisation 12")
    page.locator("#seating-heading").scroll_into_view_if_needed()
    screenshot(page, "plan-fifteen-organisations")
