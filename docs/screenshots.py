"""Take the README's pictures of the web page again (docs/web-*.png): the organiser's steps on the bundled example
instances/agence52.csv, once in French and once in English (the *-en pictures), each walk with a new data folder.

    python -m docs.screenshots [--out FOLDER]

Run from the repository's root with the test tools installed (`pip install -e ".[test]"`), Debian's chromium and
its translations (`apt-get install chromium chromium-l10n`: without them the date and time fields show 12/08/2026
and 08:30 AM on every page, since Chromium on Linux takes their format from LANG, which the script sets to each
walk's locale); it takes about two minutes. It starts `serve` and the browser as the browser tests do
(tests/web/conftest.py), but it is no test: it waits for what each picture must show and saves it, and CI never
runs it.
"""

import argparse
import os
import re
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect, sync_playwright

from speeddating.i18n import t
from tests.web.conftest import CHROMIUM_LAUNCH_ARGS, LiveServer, chromium_path, planning_timeout, running_server
from tests.web.test_projection import ANOTHER_DAY, big_plan, projector, stop_clock_at

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "instances" / "agence52.csv"
VIEWPORT: ViewportSize = {"width": 1366, "height": 768}
TALL_VIEWPORT: ViewportSize = {"width": 1366, "height": 1000}
"""For the plan: its figures and, below them, the tables of the first round."""
BROWSER_LOCALES = {"fr": "fr-FR", "en": "en-GB"}
"""The browser's locale for each page language: en-GB, not en-US, so that time fields show 24-hour times."""
PICTURES = {
    "fr": {
        "home": "web-home",
        "attendees": "web-import",
        "breakfast": "web-event",
        "planning": "web-plan-progress",
        "plan": "web-plan",
        "print": "web-print",
        "day": "web-day",
        "changeover 1": "web-projection-join",
        "round 1": "web-projection",
        "large room": "web-projection-300",
        "history": "web-history",
    },
    "en": {
        "attendees": "web-import-en",
        "plan": "web-plan-en",
        "print": "web-print-en",
        "day": "web-day-en",
        "changeover 2": "web-projection-en",
        "history": "web-history-en",
    },
}
"""The moments of each walk that the README shows, with the name of their picture."""
SESSIONS_AT_ONCE = "3"
"""The series planned on the Plan screen: it runs long enough to be seen, and the history then has a session
planned to record as it took place."""
BREAKFAST = "Inter-team breakfast"
"""The default breakfast's title (speeddating.event), as the catalogue spells it."""
ABSENTEE = "Rose Vidal"
LATE_ARRIVAL = ("Karim Benali", "Mission Locale")
THE_DAY = "2026-11-17"
"""A Tuesday before any day the script runs: the series' second session, recorded today, comes after it."""


class Walk:
    """One organiser's walk through the page in `language`, saving the pictures that language's README shows."""

    def __init__(self, context: BrowserContext, server: LiveServer, language: str, out: Path) -> None:
        self.context, self.server, self.language, self.out = context, server, language, out
        self.page = context.new_page()

    def say(self, message: str, **params: object) -> str:
        """A sentence of the page in the walk's language, from the catalogue the page itself uses."""
        return t(message, self.language, **params)

    def picture(self, moment: str, page: Page | None = None) -> None:
        """Save the screen as the picture of `moment`, if the README shows that moment in the walk's language."""
        name = PICTURES[self.language].get(moment)
        if name is not None:
            path = self.out / f"{name}.png"
            (page or self.page).screenshot(path=str(path), full_page=False)
            print(path)

    def run(self) -> None:
        page = self.page
        page.goto(self.server.address)
        page.get_by_role("button", name=self.say("New session")).click()
        expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f]+/import$"))
        session = page.url.removesuffix("/import")
        self.attendees()
        self.breakfast(session)
        self.plan(session)
        self.documents()
        self.day(session)
        self.projector(session)
        self.history()
        page.goto(self.server.base + "/")
        self.picture("home")
        if "large room" in PICTURES[self.language]:
            self.large_room()

    def attendees(self) -> None:
        page = self.page
        page.get_by_label(self.say("Attendee list")).set_input_files(EXAMPLE)
        expect(page.locator("table.people tbody tr")).to_have_count(52)
        self.picture("attendees")

    def breakfast(self, session: str) -> None:
        page = self.page
        page.goto(session + "/event")
        page.get_by_label(self.say("Date"), exact=True).fill(THE_DAY)
        page.get_by_label(self.say("Place"), exact=True).fill("Mission Locale, salle Basile")
        page.get_by_label(self.say("Place"), exact=True).blur()
        expect(page.locator("#date-in-words")).not_to_be_empty()
        page.reload()
        expect(page.get_by_label(self.say("Place"), exact=True)).to_have_value("Mission Locale, salle Basile")
        self.picture("breakfast")

    def plan(self, session: str) -> None:
        page = self.page
        page.goto(session + "/plan")
        page.get_by_label(self.say("Sessions planned at once")).select_option(SESSIONS_AT_ONCE)
        page.get_by_role("button", name=self.say("Plan"), exact=True).click()
        expect(page.locator("#progress .best")).to_be_visible()
        page.wait_for_timeout(2_000)  # the chart and the clock move on: a run well under way
        self.picture("planning")
        figures = page.get_by_role("heading", name=self.say("The plan in figures"))
        expect(figures).to_be_visible(timeout=planning_timeout(10) * int(SESSIONS_AT_ONCE))
        page.set_viewport_size(TALL_VIEWPORT)
        figures.evaluate(  # the figures at the top, the first round's tables below them
            "heading => window.scrollBy(0, heading.closest('section').getBoundingClientRect().top - 16)"
        )
        self.picture("plan")
        page.set_viewport_size(VIEWPORT)

    def documents(self) -> None:
        page = self.page
        page.get_by_role("link", name=self.say("Next: print")).click()
        previews = page.locator("ul.previews li img")
        expect(previews).to_have_count(4)
        for image in previews.all():
            expect(image).to_have_js_property("complete", True)
        self.picture("print")

    def day(self, session: str) -> None:
        page = self.page
        page.goto(session + "/day")
        page.get_by_role("button", name=self.say("{name} is absent", name=ABSENTEE)).click()
        name, organisation = LATE_ARRIVAL
        page.get_by_label(self.say("Name"), exact=True).fill(name)
        page.get_by_label(self.say("Organisation"), exact=True).fill(organisation)
        page.get_by_role("button", name=self.say("Add a late arrival")).click()
        expect(page.get_by_role("button", name=self.say("Remove {name}", name=name))).to_be_visible()
        page.get_by_label(self.say("Re-plan from round")).select_option("2")
        page.get_by_role("button", name=self.say("Re-plan"), exact=True).click()
        expect(page.get_by_role("heading", name=self.say("Who moves where"))).to_be_visible(timeout=planning_timeout(3))
        page.evaluate("window.scrollTo(0, 0)")
        self.picture("day")

    def projector(self, session: str) -> None:
        """The room's screen on another day than the session's, run by hand: the changeover before round 1,
        round 1 a minute in, then the changeover before round 2."""
        screen = self.context.new_page()
        stop_clock_at(screen, ANOTHER_DAY)
        screen.goto(session + "/projection")
        expect(screen.locator("[data-seats] li").first).to_be_visible()
        self.picture("changeover 1", screen)
        screen.keyboard.press("ArrowRight")
        screen.keyboard.press(" ")
        screen.clock.run_for(61_000)
        expect(screen.get_by_role("timer")).to_have_text("08:59")
        self.picture("round 1", screen)
        screen.clock.run_for(9 * 60_000 + 14_000)  # the changeover's first page of names is up again
        expect(
            screen.get_by_role("heading", name=self.say("Join your table for round {number}", number=2))
        ).to_be_visible()
        expect(screen.get_by_role("timer")).to_have_text("01:45")
        self.picture("changeover 2", screen)
        screen.close()

    def history(self) -> None:
        """Today's session recorded from the On the day screen, the series' second session recorded as it took
        place: the history has two sessions to draw a trend from."""
        page = self.page
        page.get_by_role("button", name=self.say("Record in the history")).click()
        expect(
            page.get_by_role("button", name=self.say("Record again, in place of the earlier record"))
        ).to_be_visible()
        page.goto(self.server.base + "/history")
        title = self.say(
            "{title}, session {number} of {count}", title=self.say(BREAKFAST), number=2, count=int(SESSIONS_AT_ONCE)
        )
        page.get_by_role("link", name=self.say("Who came to {title}?", title=title)).click()
        page.get_by_role("button", name=self.say("Record as it took place")).click()
        page.goto(self.server.base + "/history")
        expect(page.locator("svg.trend rect.bar")).to_have_count(2)
        if self.language == "en":
            page.get_by_role("heading", name=self.say("Session by session")).scroll_into_view_if_needed()
        self.picture("history")

    def large_room(self) -> None:
        """300 people at the changeover before round 2: the names over columns and pages."""
        page = self.page
        stop_clock_at(page, ANOTHER_DAY)
        page.goto(projector(self.server, big_plan(300)))
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        expect(page.locator("[data-page]")).to_be_visible()
        self.picture("large room")


def walk(browser: Browser, language: str, out: Path) -> None:
    """The walk in `language`, with `serve` in that language on a data folder of its own."""
    with (
        tempfile.TemporaryDirectory(prefix="speeddating-screenshots-") as data,
        running_server(Path(data), language) as server,
    ):
        context = browser.new_context(viewport=VIEWPORT, locale=BROWSER_LOCALES[language])
        try:
            Walk(context, server, language, out).run()
        finally:
            context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder of the pictures (default: docs)")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    arguments = [argument for argument in CHROMIUM_LAUNCH_ARGS if not argument.startswith("--lang=")]
    with sync_playwright() as playwright:
        for language in PICTURES:
            posix = BROWSER_LOCALES[language].replace("-", "_")
            browser = playwright.chromium.launch(
                executable_path=chromium_path(),
                headless=True,
                args=[*arguments, f"--lang={BROWSER_LOCALES[language]}"],
                env={**os.environ, "LANG": f"{posix}.UTF-8", "LANGUAGE": posix},
            )
            try:
                walk(browser, language, out)
            finally:
                browser.close()


if __name__ == "__main__":
    main()
