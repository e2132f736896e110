"""Fixtures of the web page's tests: the application in-process, a live server, Debian's Chromium."""

import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from starlette.testclient import TestClient

from speeddating.solver.budget import safety_cap
from speeddating.web.app import Settings, create_app
from speeddating.web.security import Guard
from speeddating.web.server import bind, build_server

TEST_PORT = 8421
EXPECT_MILLISECONDS = 20_000
"""How long a browser assertion waits: Playwright's 5 s are short for a page on a machine loaded tenfold (the
server, the optimiser and Chromium share two cores); waiting longer costs nothing when the page is right."""
expect.set_options(timeout=EXPECT_MILLISECONDS)
CHROMIUM_LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--lang=fr-FR",
]


def chromium_path() -> str:
    """Debian's chromium (`playwright install` cannot download a browser here); missing, the tests fail."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise RuntimeError("chromium is not installed: apt-get install -y --no-install-recommends chromium")
    return found


@pytest.fixture
def guard() -> Guard:
    return Guard(TEST_PORT, "test-token-" + "x" * 32)


@pytest.fixture
def origin(guard: Guard) -> str:
    return guard.origins[0]


@pytest.fixture
def anonymous(tmp_path: Path, guard: Guard) -> Iterator[TestClient]:
    """A client at the right address but without the token: what another user of the machine would be."""
    app = create_app(Settings(data=tmp_path / "data", guard=guard))
    with TestClient(app, base_url=guard.origins[0], follow_redirects=False) as client:
        yield client


@pytest.fixture
def client(anonymous: TestClient, guard: Guard, origin: str) -> TestClient:
    """The organiser's browser: the token cookie, and the page's own Origin on every request."""
    anonymous.cookies.set(guard.cookie, guard.token)
    anonymous.headers["origin"] = origin
    return anonymous


@dataclass(frozen=True)
class LiveServer:
    """A real server on a free port of 127.0.0.1: its address with the token, and its data folder."""

    address: str
    base: str
    data: Path


@contextmanager
def running_server(data: Path, language: str = "fr") -> Iterator[LiveServer]:
    """`serve` on a free port of 127.0.0.1 in a thread, keeping its sessions in `data`, until the block ends
    (also for docs/screenshots.py, which walks the page as these tests do)."""
    sock = bind(0)
    server, guard = build_server(sock, data, language)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield LiveServer(guard.address, guard.origins[0], data)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    with running_server(tmp_path / "data") as server:
        yield server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_LAUNCH_ARGS}


@pytest.fixture(scope="session")
def base_url() -> None:
    """No base URL: each test's server has a port of its own, and the pages go to full addresses. Answered
    here, since the one pytest-playwright 0.10 provides without pytest-base-url is a method of a plugin
    object, which pytest 9.2 deprecates (PytestRemovedIn10Warning) each time a browser test asks for it."""
    return None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1366, "height": 768}, "locale": "fr-FR"}


Screenshot = Callable[[Page, str], Path]
"""The `screenshot` fixture: takes the page and a name."""


def start_session(page: Page, live_server: LiveServer) -> str:
    """From the address `serve` printed to the import screen of a new session; returns the session's address."""
    page.goto(live_server.address)
    page.get_by_role("button", name="Nouvelle séance").click()
    expect(page).to_have_url(re.compile(re.escape(live_server.base) + r"/sessions/[0-9a-f]+/import$"))
    return page.url.removesuffix("/import")


def import_list(page: Page, attendee_file: Path) -> None:
    """Choose the file in the import screen's input (the page sends it at once) and wait for the people."""
    page.get_by_label("Liste des participants").set_input_files(attendee_file)
    expect(page.get_by_text(f"Fichier : {attendee_file.name}")).to_be_visible()


SCREENSHOTS_VARIABLE = "SPEEDDATING_SCREENSHOTS"
"""Set to a folder to keep the screenshots the browser tests take (the README's come from docs/screenshots.py)."""


@pytest.fixture
def screenshot(tmp_path: Path) -> Callable[[Page, str], Path]:
    """Save the page at 1366×768 as web-NAME.png, in $SPEEDDATING_SCREENSHOTS or the test's folder."""
    folder = Path(os.environ.get(SCREENSHOTS_VARIABLE) or tmp_path)

    def take(page: Page, name: str) -> Path:
        path = folder / f"web-{name}.png"
        page.screenshot(path=str(path), full_page=False)
        return path

    return take


FRENCH_EXPORT = (
    ("Inscriptions au petit-déjeuner inter-équipes",),
    (),
    ("Nom", "Prénom", "Structure", "Courriel"),
    ("MARTIN", "Anne", "France Travail", "anne.martin@example.org"),
    ("BENALI", "Karim", "Pôle emploi", "karim.benali@example.org"),
    ("LEFÈVRE", "Sophie", "France Travail", ""),
    ("DUBOIS", "Léa", "Mission Locale", "lea.dubois@example.org"),
    ("DIALLO", "Mamadou", "Mission Locale", ""),
    ("ROUX", "Camille", "Mission locale", ""),
    ("GARNIER", "Isabelle", "Cap emploi", "isabelle.garnier@example.org"),
    ("GIRARD", "Thomas", "Cap emploi", ""),
    ("CHEVALIER", "Hélène", "CIO", ""),
    ("HADDAD", "Inès", "CIO", "ines.haddad@example.org"),
    ("MERCIER", "Claire", "CIDFF", ""),
    ("NGUYỄN", "Lan", "CIDFF", "lan.nguyen@example.org"),
    ("<script>alert('x')</script>", "<b>Bob</b>", "PLIE <i>&</i> Co", ""),
    ("FAURE", "Élodie", "PLIE <i>&</i> Co", ""),
)
"""A registration list as French Excel exports it: a title row, NOM/Prénom/Structure, the old name of France
Travail, two spellings of one organisation, and one row of hostile text that must show as text."""


@pytest.fixture
def french_export(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in FRENCH_EXPORT:
        sheet.append(list(row))
    path = tmp_path / "Inscriptions petit-déjeuner.xlsx"
    workbook.save(path)
    return path


def plan_a_session(live_server: LiveServer, attendee_file: Path, language: str) -> str:
    """The address of a session imported and planned (1 s) in `language` (the default breakfast's title and
    themes come in it), through the package as the page does."""
    from speeddating.i18n import use_language
    from speeddating.web.screens.attendees import edited_roster
    from speeddating.web.screens.event import saved_event
    from speeddating.web.workflow import plan_session, write_documents
    from speeddating.web.workspace import Workspace

    workspace = Workspace(live_server.data)
    draft = workspace.new_draft().store_attendees(attendee_file.read_bytes(), attendee_file.name)
    roster = edited_roster(draft)
    assert roster is not None
    with use_language(language):
        planned = plan_session(roster, saved_event(draft), history=workspace.history, time_limit=1.0)
        write_documents(planned.plan, draft.plan_folder)
    return f"{live_server.base}/sessions/{draft.id}"


@pytest.fixture
def planned_session(live_server: LiveServer, french_export: Path) -> str:
    """The address of a session of the French export already planned, in French."""
    return plan_a_session(live_server, french_export, "fr")


@pytest.fixture
def page(page: Page) -> Iterator[Page]:
    """Playwright's page, failing the test when the browser reports a Content-Security-Policy violation or a
    script error: the page must work with `script-src 'self'` and no inline script."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    yield page
    assert [text for text in problems if "Content Security Policy" in text or text.startswith("script error")] == []


def planning_timeout(time_limit: float) -> float:
    """Milliseconds to wait for a page that plans with `time_limit` seconds: work is counted, not timed,
    so a busy machine takes longer, up to the solver's safety cap; then the documents are written."""
    return (safety_cap(0.0, time_limit) + 30) * 1000
