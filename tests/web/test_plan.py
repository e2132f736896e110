"""The Plan screen in a real browser: the stop button keeps the best plan found so far and says so; the figures
say how many re-meetings could not be avoided."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from starlette.testclient import TestClient

from speeddating.plan import write_plan
from speeddating.web.workflow import PLAN_FILE
from speeddating.web.workspace import Workspace
from tests.conftest import CheckPlan
from tests.helpers import seated_plan
from tests.web.conftest import LiveServer, import_list, planning_timeout, start_session


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


def test_the_figures_count_every_organisation_not_the_colours(client: TestClient, tmp_path: Path) -> None:
    """The figures counted the colours the tables show, twelve at most: 150 people from 15 organisations
    read "150 people from 12 organisations" (two organisations share a colour, not a count); one round read
    "1 tours"."""
    fifteen = [(f"Person {i:02d}", f"Organisation {i % 15}", "") for i in range(30)]
    draft = Workspace(tmp_path / "data").new_draft()
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(fifteen, [[list(range(t, t + 5)) for t in range(0, 30, 5)]]), draft.plan_folder / PLAN_FILE)
    assert "30 personnes de 15 structures, 1 tour." in client.get(f"/sessions/{draft.id}/plan").text  # not "1 tours"
