"""The projector in a real browser: the name -> table list of 120 and 300 people split over columns and pages
that turn with the clock, nothing cut or off the screen; the timetable followed from the event's times; the
keyboard."""

import datetime as dt
import itertools
import random
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from speeddating.event import Event, Theme
from speeddating.plan import Plan, PlannedRound, SeatedTable, write_plan
from speeddating.roster import Attendee
from speeddating.web.workflow import PLAN_FILE
from speeddating.web.workspace import Workspace
from tests.web.conftest import LiveServer, Screenshot

FIRST_NAMES = (
    "Anne", "Karim", "Marie-Bérénice", "Léa", "Mamadou", "Camille", "Isabelle", "Thomas", "Hélène", "Inès",
    "Jean-Christophe", "Lan", "Élodie", "Łukasz", "Nguyễn Thị", "Paul", "Zoé", "Aïcha", "Grégoire", "Yannick",
)  # fmt: skip
FAMILY_NAMES = (
    "Martin", "Benali", "de La Rochefoucauld-Montmorency", "Dubois", "Diallo", "Roux", "Garnier", "Girard",
    "Chevalier", "Haddad", "Mercier", "Nguyen", "Faure", "Wiśniewski", "Saint-Exupéry d'Agay",
)  # fmt: skip
"""Names as a large network's list holds them: short ones, and some long enough to wrap in a column."""
EVENT = Event(
    title="Grand forum",
    date="2026-12-08",
    start="08:30",
    end="10:00",
    themes=(Theme("Nos publics", "Qui vient vous voir ?"), Theme("Nos difficultés", "Où bloquez-vous ?")),
)
"""Welcome 08:30-08:45, then rounds of 10 minutes with 2-minute changeovers: round 2 is 08:57-09:07."""
PAGE_SECONDS = 7
"""How long each page of names stays up (PAGE_SECONDS in projection.js)."""
CHANGEOVER_SECONDS = EVENT.changeover_minutes * 60
ANOTHER_DAY = "2026-12-01T10:00:00"
"""A week before the event: the screen waits for the organiser."""


def big_plan(size: int) -> Plan:
    """`size` people (a multiple of 4) at tables of four, shuffled anew each round (seeded by the round)."""
    names = [f"{first} {family}" for family, first in itertools.product(FAMILY_NAMES, FIRST_NAMES)][:size]
    attendees = tuple(Attendee(f"p{i:03d}", name, f"Structure {i % 9}") for i, name in enumerate(names))
    tables = size // 4
    rounds = []
    for number in range(1, EVENT.rounds_that_fit() + 1):
        seated = [a.id for a in attendees]
        random.Random(number).shuffle(seated)
        slot = EVENT.round_slot(number)
        rounds.append(
            PlannedRound(
                number,
                tuple(SeatedTable(t + 1, tuple(seated[t::tables])) for t in range(tables)),
                EVENT.theme_for(number),
                slot.start,
                slot.end,
            )
        )
    return Plan(attendees=attendees, rounds=tuple(rounds), event=EVENT)


def stop_clock_at(page: Page, instant: str) -> None:
    """The browser's clock stopped at `instant` (local time): it moves only when the test runs it, so what the
    screen shows does not depend on how long a busy machine takes to load the page."""
    page.clock.install(time=(dt.datetime.fromisoformat(instant) - dt.timedelta(minutes=1)).isoformat())
    page.clock.pause_at(instant)


def projector(live_server: LiveServer, plan: Plan) -> str:
    """The projector's address for a session whose plan is `plan` (written as the page writes it)."""
    draft = Workspace(live_server.data).new_draft()
    draft.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(plan, draft.plan_folder / PLAN_FILE)
    return f"{live_server.base}/sessions/{draft.id}/projection"


SHOWN_SEATS = """() => {
  const inside = (inner, outer) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5
    && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
  const screen = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  const box = document.querySelector("[data-seats]").getBoundingClientRect();
  return {
    scrolls: document.documentElement.scrollHeight > window.innerHeight
      || document.documentElement.scrollWidth > window.innerWidth,
    seats: [...document.querySelectorAll("[data-seats] li")].filter((item) => item.getClientRects().length)
      .map((item) => {
        const [name, table] = item.children;
        const shown = [item, name, table].map((part) => part.getBoundingClientRect());
        return {
          name: name.textContent,
          table: table.textContent,
          inside: shown.every((part) => inside(part, screen) && inside(part, box)),
          cut: [name, table].some((part) => part.scrollWidth > part.clientWidth + 0.5),
          type: parseFloat(getComputedStyle(item).fontSize),
        };
      }),
  };
}"""
"""The names on the page shown: each with its table, whether all of it lies inside the screen and the list's
box, whether its text overflows its own box, and its type size in pixels."""


def pages_shown(page: Page) -> list[list[dict[str, Any]]]:
    """Every page of names in turn as the clock turns them, from the first: the seats each page shows."""
    marker = page.locator("[data-page]")
    count = int((marker.text_content() or "").rsplit("/", 1)[1]) if marker.is_visible() else 1
    pages = []
    for number in range(1, count + 1):
        if count > 1:
            expect(marker).to_have_text(f"page {number}/{count}")
        shown = page.evaluate(SHOWN_SEATS)
        assert not shown["scrolls"]
        pages.append(shown["seats"])
        page.clock.run_for(PAGE_SECONDS * 1000)
    if count > 1:
        expect(marker).to_have_text(f"page 1/{count}")  # and round again
    return pages


SHOWN_COLUMNS = """() => {
  const box = document.querySelector("[data-seats]").getBoundingClientRect();
  const page = [...document.querySelectorAll("[data-seats] .seat-page")].find((shown) => !shown.hidden);
  return {
    left: box.left,
    right: box.right,
    columns: [...page.querySelectorAll("ol")].map((column) => {
      const names = [...column.children].map((item) => item.getBoundingClientRect());
      return {
        left: column.getBoundingClientRect().left,
        right: column.getBoundingClientRect().right,
        names: names.length,
        depth: names.length ? names[names.length - 1].bottom - names[0].top : 0,
        tallest: Math.max(0, ...names.map((name) => name.height)),
      };
    }),
  };
}"""
"""The page of names shown: the list's box, and each column's edges, names, depth and tallest name."""


def columns_shown(page: Page) -> list[dict[str, Any]]:
    """Every page of names in turn as the clock turns them: where the list's box and each column stand."""
    marker = page.locator("[data-page]")
    count = int((marker.text_content() or "").rsplit("/", 1)[1]) if marker.is_visible() else 1
    pages = []
    for _ in range(count):
        pages.append(page.evaluate(SHOWN_COLUMNS))
        page.clock.run_for(PAGE_SECONDS * 1000)
    return pages


def open_changeover(page: Page, live_server: LiveServer, plan: Plan, viewport: tuple[int, int]) -> None:
    """The projector of `plan` on a screen of `viewport`, at the changeover before round 2."""
    width, height = viewport
    page.set_viewport_size({"width": width, "height": height})
    stop_clock_at(page, ANOTHER_DAY)
    page.goto(live_server.address)
    page.goto(projector(live_server, plan))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name="Rejoignez votre table pour le tour 2")).to_be_visible()


@pytest.mark.parametrize("size", [120, 300])
@pytest.mark.parametrize("viewport", [(1366, 768), (1920, 1080)])
def test_a_large_room_finds_every_name_once_on_pages_that_turn_by_themselves(
    page: Page, live_server: LiveServer, screenshot: Screenshot, size: int, viewport: tuple[int, int]
) -> None:
    plan = big_plan(size)
    names = {a.id: a.name for a in plan.attendees}
    second = {names[x]: f"table {table.number}" for table in plan.rounds[1].tables for x in table.attendees}
    width, height = viewport
    open_changeover(page, live_server, plan, viewport)
    pages = pages_shown(page)
    if (width, size) == (1366, 300):
        screenshot(page, "projection-300")
    seats = [seat for shown in pages for seat in shown]
    assert sorted(seat["name"] for seat in seats) == sorted(names.values())  # each name on exactly one page
    assert {seat["name"]: seat["table"] for seat in seats} == second
    assert [seat for seat in seats if not seat["inside"] or seat["cut"]] == []
    assert min(seat["type"] for seat in seats) >= height / 26  # about 30 px at 768: read from the back
    assert 1 < len(pages) <= CHANGEOVER_SECONDS // PAGE_SECONDS  # each page comes up during the changeover


@pytest.mark.parametrize("size", [20, 52, 150])
@pytest.mark.parametrize("viewport", [(1366, 768), (1920, 1080)])
def test_every_page_of_names_fills_the_screens_columns_evenly(
    page: Page, live_server: LiveServer, size: int, viewport: tuple[int, int]
) -> None:
    """5, 13 and 38 tables: the last page is as full as the others, no column of it empty beside a full one.
    Each page's columns span the list's width, and each column is as deep as the average column give or take
    its tallest name (the names are shared between the columns, not poured into them in turn)."""
    open_changeover(page, live_server, big_plan(size), viewport)
    pages = columns_shown(page)
    columns = [column for shown in pages for column in shown["columns"]]
    assert sum(column["names"] for column in columns) == size
    for shown in pages:
        first, last = shown["columns"][0], shown["columns"][-1]
        assert abs(first["left"] - shown["left"]) < 1 and abs(last["right"] - shown["right"]) < 1
        assert len(shown["columns"]) == len(pages[0]["columns"]) > 1
    average = sum(column["depth"] for column in columns) / len(columns)
    assert all(abs(column["depth"] - average) <= column["tallest"] for column in columns), [
        (round(column["depth"]), round(column["tallest"])) for column in columns
    ]


def test_a_short_list_stands_in_fewer_columns_in_the_middle(page: Page, live_server: LiveServer) -> None:
    """Eight people on a screen of three columns: two columns of four, centred, rather than a thin row."""
    open_changeover(page, live_server, big_plan(8), (1366, 768))
    [shown] = columns_shown(page)
    assert [column["names"] for column in shown["columns"]] == [4, 4]
    first, last = shown["columns"][0], shown["columns"][-1]
    assert abs((first["left"] - shown["left"]) - (shown["right"] - last["right"])) < 1
    assert first["left"] - shown["left"] > 100


def test_a_list_that_fits_one_screen_has_no_pages(page: Page, live_server: LiveServer) -> None:
    stop_clock_at(page, ANOTHER_DAY)
    page.goto(live_server.address)
    page.goto(projector(live_server, big_plan(24)))
    expect(page.locator("[data-seats] li")).to_have_count(24)
    expect(page.locator("[data-page]")).to_be_hidden()
    page.clock.run_for(PAGE_SECONDS * 1000)
    expect(page.locator("[data-seats] li")).to_have_count(24)


def open_at(page: Page, live_server: LiveServer, instant: str) -> None:
    """The projector of a 24-person session opened at `instant` (local time) by Playwright's clock."""
    stop_clock_at(page, instant)
    page.goto(live_server.address)
    page.goto(projector(live_server, big_plan(24)))


def expect_step(page: Page, heading: str, timer: str | None) -> None:
    """The screen shows `heading` and the countdown `timer` (None: no countdown)."""
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    if timer is None:
        expect(page.get_by_role("timer")).to_be_hidden()
    else:
        expect(page.get_by_role("timer")).to_have_text(timer)


@pytest.mark.parametrize(
    ("instant", "heading", "timer", "names_listed"),
    [
        ("2026-12-08T08:20:00", "Rejoignez votre table pour le tour 1", "25:00", True),  # before the start
        ("2026-12-08T08:36:10", "Rejoignez votre table pour le tour 1", "08:50", True),  # during the welcome
        ("2026-12-08T09:02:30", "Nos difficultés", "04:30", False),  # mid-round 2 (08:57-09:07)
        ("2026-12-08T09:08:15", "Rejoignez votre table pour le tour 3", "00:45", True),  # changeover 09:07-09:09
        ("2026-12-08T09:50:00", "Merci, la séance est terminée", None, False),  # after the last round (09:43)
    ],
)
def test_opened_on_the_day_the_projector_follows_the_timetable(
    page: Page, live_server: LiveServer, instant: str, heading: str, timer: str | None, names_listed: bool
) -> None:
    open_at(page, live_server, instant)
    expect_step(page, heading, timer)
    expect(page.get_by_role("button", name="Suivre l'horaire")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-seats] li")).to_have_count(24 if names_listed else 0)


def test_following_the_timetable_the_screen_moves_on_at_the_planned_times(page: Page, live_server: LiveServer) -> None:
    open_at(page, live_server, "2026-12-08T09:02:30")
    expect(page.get_by_text("Tour 2 sur 5")).to_be_visible()
    page.clock.run_for(4 * 60_000)
    expect_step(page, "Nos difficultés", "00:30")
    page.clock.run_for(30_000)  # 09:07: the changeover
    expect_step(page, "Rejoignez votre table pour le tour 3", "02:00")
    page.clock.run_for(2 * 60_000)  # 09:09: round 3, back to the first theme
    expect_step(page, "Nos publics", "10:00")
    expect(page.get_by_text("Tour 3 sur 5")).to_be_visible()


def test_another_day_the_projector_waits_for_the_organiser(page: Page, live_server: LiveServer) -> None:
    open_at(page, live_server, ANOTHER_DAY)
    expect_step(page, "Rejoignez votre table pour le tour 1", None)
    expect(page.get_by_role("button", name="Suivre l'horaire")).to_have_attribute("aria-pressed", "false")
    page.clock.run_for(60_000)
    expect_step(page, "Rejoignez votre table pour le tour 1", None)
    page.get_by_role("button", name="Suivre l'horaire").click()  # a rehearsal: the timetable of the 8th
    expect_step(page, "Rejoignez votre table pour le tour 1", "166:44:00")  # from 10:01 on the 1st


def test_the_keyboard_pauses_resumes_and_steps_forward_and_back(page: Page, live_server: LiveServer) -> None:
    open_at(page, live_server, "2026-12-08T09:02:30")
    expect_step(page, "Nos difficultés", "04:30")
    page.keyboard.press(" ")  # pause: the time stands still, the timetable is no longer followed
    expect(page.get_by_role("button", name="Lancer le décompte")).to_be_visible()
    expect(page.get_by_role("button", name="Suivre l'horaire")).to_have_attribute("aria-pressed", "false")
    page.clock.run_for(30_000)
    expect_step(page, "Nos difficultés", "04:30")
    page.keyboard.press(" ")  # resume from where it stood
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    page.clock.run_for(30_000)
    expect_step(page, "Nos difficultés", "04:00")
    page.keyboard.press("ArrowRight")  # next step: the changeover, in full
    expect_step(page, "Rejoignez votre table pour le tour 3", "02:00")
    page.clock.run_for(1_000)
    expect_step(page, "Rejoignez votre table pour le tour 3", "01:59")
    page.keyboard.press("ArrowLeft")  # previous step: round 2 again, from its start
    expect_step(page, "Nos difficultés", "10:00")
    page.keyboard.press("ArrowLeft")
    expect_step(page, "Rejoignez votre table pour le tour 2", "02:00")
    page.keyboard.press("PageDown")  # a presenter's clicker sends these
    page.keyboard.press("PageDown")
    expect_step(page, "Rejoignez votre table pour le tour 3", "02:00")
    page.keyboard.press("PageUp")
    expect_step(page, "Nos difficultés", "10:00")
    page.get_by_role("button", name="Suivant").click()  # space on the focused button pauses, not a second click
    page.keyboard.press(" ")
    expect(page.get_by_role("button", name="Lancer le décompte")).to_be_visible()
    page.clock.run_for(5_000)
    expect_step(page, "Rejoignez votre table pour le tour 3", "02:00")
    page.get_by_role("button", name="Suivre l'horaire").click()  # back to the timetable: 09:03:36 is round 2
    expect_step(page, "Nos difficultés", "03:24")


def test_the_first_step_and_the_end_are_the_limits_of_the_arrows(page: Page, live_server: LiveServer) -> None:
    open_at(page, live_server, ANOTHER_DAY)
    page.keyboard.press("ArrowLeft")
    expect_step(page, "Rejoignez votre table pour le tour 1", None)
    for _ in range(12):
        page.keyboard.press("ArrowRight")
    expect_step(page, "Merci, la séance est terminée", None)
    page.keyboard.press("ArrowLeft")
    expect_step(page, "Nos publics", "10:00")  # round 5: themes cycle publics, difficultés, publics...


def test_a_replan_reaches_the_screen_already_open_without_losing_its_place(page: Page, live_server: LiveServer) -> None:
    """The projector is opened once, full screen, before the session: a re-plan for a late arrival at 08:55
    must change the names it lists for round 2, not wait for someone to reload it."""
    plan = big_plan(24)
    names = {a.id: a.name for a in plan.attendees}
    stop_clock_at(page, ANOTHER_DAY)
    page.goto(live_server.address)
    address = projector(live_server, plan)
    page.goto(address)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # the changeover before round 2, by hand
    heading = page.get_by_role("heading", name="Rejoignez votre table pour le tour 2")
    expect(heading).to_be_visible()
    second = plan.rounds[1]
    first_table = second.tables[0]
    someone = names[first_table.attendees[0]]
    seat = page.locator("[data-seats] li").filter(has_text=someone)
    expect(seat).to_contain_text("table 1")

    turned = tuple(SeatedTable(len(second.tables) - t.number + 1, t.attendees) for t in second.tables)
    replanned = Plan(
        attendees=plan.attendees,
        rounds=(plan.rounds[0], PlannedRound(2, turned, second.theme, second.start, second.end), *plan.rounds[2:]),
        event=plan.event,
        version=2,
    )
    folder = live_server.data / "sessions" / address.rsplit("/", 2)[1] / "plan"
    write_plan(replanned, folder / PLAN_FILE)
    page.clock.run_for(5_000)
    expect(seat).to_contain_text(f"table {len(second.tables)}")
    expect(heading).to_be_visible()  # the same step, still by hand
