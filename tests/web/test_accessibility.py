"""Every screen usable with the keyboard alone and with a screen reader: each control has a name that
Chromium's accessibility tree computes (a label, not a bare field), and Tab reaches every control."""

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.web.conftest import LiveServer

CONTROL_ROLES = {"button", "checkbox", "combobox", "link", "listbox", "radio", "searchbox", "slider", "spinbutton"}
CONTROL_ROLES |= {"switch", "textbox"}
"""Roles of what the organiser acts on: each needs a name to be told apart when read aloud."""

SCREENS = ("/import", "/event", "/plan", "/print", "/day", "/projection")
"""The screens of a planned session, after its address."""

FOCUSABLE = ", ".join(
    f"{element}:not([tabindex='-1'])"
    for element in (
        "a[href]",
        "button:not([disabled])",
        "input:not([type=hidden]):not([disabled])",
        "select:not([disabled])",
        "textarea:not([disabled])",
    )
)
"""What Tab must reach: links and enabled fields, less those the page takes out of the order on purpose (a
preview beside its own link)."""


def unnamed_controls(page: Page) -> list[str]:
    """The controls of the page Chromium's accessibility tree gives no name, as role and HTML."""
    session = page.context.new_cdp_session(page)
    nodes: list[dict[str, Any]] = session.send("Accessibility.getFullAXTree")["nodes"]
    unnamed = []
    for node in nodes:
        role = node.get("role", {}).get("value")
        if node.get("ignored") or role not in CONTROL_ROLES or str(node.get("name", {}).get("value", "")).strip():
            continue
        described = session.send("DOM.describeNode", {"backendNodeId": node["backendDOMNodeId"]})["node"]
        unnamed.append(f"{role}: <{described['localName']} {' '.join(described.get('attributes', []))}>")
    session.detach()
    return unnamed


def reached_by_tab(page: Page) -> tuple[int, int]:
    """(the visible controls of the page, how many of them Tab brings the focus to, once round)."""
    page.evaluate(
        "selector => document.querySelectorAll(selector).forEach((element, index) => {"
        " const box = element.getBoundingClientRect(); const style = getComputedStyle(element);"
        " if (box.width > 0 && box.height > 0 && style.visibility !== 'hidden') element.dataset.control = index; })",
        FOCUSABLE,
    )
    controls = page.locator("[data-control]").count()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    reached: set[str] = set()
    for _ in range(3 * controls + 5):  # a time field is two stops, hours and minutes
        page.keyboard.press("Tab")
        index = page.evaluate("document.activeElement ? document.activeElement.dataset.control ?? null : null")
        if index is not None:
            reached.add(index)
    return controls, len(reached)


@pytest.mark.slow
def test_every_screen_names_its_controls_and_tab_reaches_them(
    page: Page, live_server: LiveServer, planned_session: str
) -> None:
    addresses = [live_server.address, live_server.base + "/history"]
    addresses += [planned_session + screen for screen in SCREENS]
    for address in addresses:
        page.goto(address)
        assert unnamed_controls(page) == [], address
        controls, reached = reached_by_tab(page)
        assert controls > 0, address
        assert reached == controls, address
        assert page.evaluate("document.documentElement.lang") == "fr", address
