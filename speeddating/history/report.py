"""How well the network is knitting together across every recorded session.

A networkx graph of encounters (people as nodes, "met at least once" as edges) gives, per
person, the people and organisations met so far and those never met; per pair of
organisations, how many person-to-person links exist. The same figures are printed as a table,
written as CSV for Excel, and drawn on one PDF page (heat map and least-connected people).
"""

import sqlite3
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import networkx as nx
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4, landscape

from speeddating.exporters.pdf.style import BOLD, FONT, fit_text, new_canvas, visual
from speeddating.exporters.spreadsheet import rows_to_csv
from speeddating.fileio import write_set
from speeddating.i18n import t, t_plural
from speeddating.organisations import organisation_names
from speeddating.text import fold

LEAST_CONNECTED = 12


def encounter_graph(connection: sqlite3.Connection, aliases: Mapping[str, str] | None = None) -> "nx.Graph[int]":
    """People as nodes (name, organisation), an edge for each pair met, weighted by sessions. Organisations
    go through the alias table and are grouped with their variants as a plan groups them (a structure renamed
    between two sessions, "PLIE" then "PLIE Agglopolys", is one organisation)."""
    graph: nx.Graph[int] = nx.Graph()
    people = connection.execute("SELECT id, name, organisation, email FROM people ORDER BY id").fetchall()
    emails: dict[str, list[str]] = {}
    for _, _, organisation, email in people:
        if email:
            emails.setdefault(organisation, []).append(email)
    counted = organisation_names([organisation for _, _, organisation, _ in people], emails, aliases)
    for person, name, organisation, _ in people:
        graph.add_node(
            person, name=name, organisation=counted[organisation], organisation_key=fold(counted[organisation])
        )
    for a, b, sessions in connection.execute(
        "SELECT person_a, person_b, COUNT(DISTINCT session_id) FROM encounters GROUP BY person_a, person_b"
    ):
        graph.add_edge(a, b, sessions=sessions)
    return graph


@dataclass(frozen=True)
class PersonReach:
    name: str
    organisation: str
    people_met: int
    organisations_met: int
    never_met: tuple[str, ...]
    """Organisations of which this person has met nobody yet."""


@dataclass(frozen=True)
class NetworkReport:
    sessions: int
    organisations: tuple[str, ...]
    """Display names, largest organisation first."""
    links: tuple[tuple[int, ...], ...]
    """links[i][j]: pairs of people of organisations i and j who met (diagonal: colleagues)."""
    people: tuple[PersonReach, ...]
    encounters: int

    def least_connected(self, count: int = LEAST_CONNECTED) -> list[PersonReach]:
        return sorted(self.people, key=lambda p: (p.people_met, p.organisations_met, fold(p.name)))[:count]


def network_report(graph: "nx.Graph[int]", sessions: int) -> NetworkReport:
    """The figures of the report, computed from the encounter graph."""
    spellings: dict[str, Counter[str]] = {}
    for _, data in graph.nodes(data=True):
        spellings.setdefault(data["organisation_key"], Counter())[data["organisation"]] += 1
    display = {key: min(c.items(), key=lambda item: (-item[1], item[0]))[0] for key, c in spellings.items()}
    order = sorted(spellings, key=lambda key: (-spellings[key].total(), fold(display[key])))
    index = {key: i for i, key in enumerate(order)}
    links = [[0] * len(order) for _ in order]
    for a, b in graph.edges:
        i, j = index[graph.nodes[a]["organisation_key"]], index[graph.nodes[b]["organisation_key"]]
        links[i][j] += 1
        if i != j:
            links[j][i] += 1
    people = []
    for person, data in graph.nodes(data=True):
        own = data["organisation_key"]
        met = {graph.nodes[other]["organisation_key"] for other in graph.neighbors(person)} - {own}
        people.append(
            PersonReach(
                name=data["name"],
                organisation=display[own],
                people_met=graph.degree(person),
                organisations_met=len(met),
                never_met=tuple(display[key] for key in order if key != own and key not in met),
            )
        )
    people.sort(key=lambda p: (index[fold(p.organisation)], fold(p.name)))
    return NetworkReport(
        sessions=sessions,
        organisations=tuple(display[key] for key in order),
        links=tuple(tuple(row) for row in links),
        people=tuple(people),
        encounters=graph.number_of_edges(),
    )


def report_from_store(connection: sqlite3.Connection, aliases: Mapping[str, str] | None = None) -> NetworkReport:
    (sessions,) = connection.execute("SELECT COUNT(*) FROM sessions WHERE status = 'held'").fetchone()
    return network_report(encounter_graph(connection, aliases), sessions)


def headline(report: NetworkReport) -> str:
    return t(
        "After {sessions}: {people} from {organisations}, {encounters}.",
        sessions=t_plural("{count} session", "{count} sessions", report.sessions),
        people=t_plural("{count} person", "{count} people", len(report.people)),
        organisations=t_plural("{count} organisation", "{count} organisations", len(report.organisations)),
        encounters=t_plural("{count} distinct encounter", "{count} distinct encounters", report.encounters),
    )


def text_table(rows: list[list[str]], right: set[int]) -> list[str]:
    """Rows aligned in columns; `right` lists the columns of numbers."""
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = zip(row, widths, strict=True)
        lines.append("  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(cells)).rstrip())
    return lines


def matrix_rows(report: NetworkReport) -> list[list[str]]:
    """Header of organisation numbers, then one numbered row per organisation."""
    header = ["", *(str(i + 1) for i in range(len(report.organisations)))]
    return [
        header,
        *(
            [f"{i + 1}. {name}", *map(str, row)]
            for i, (name, row) in enumerate(zip(report.organisations, report.links, strict=True))
        ),
    ]


def people_rows(report: NetworkReport) -> list[list[str]]:
    others = max(len(report.organisations) - 1, 0)
    header = [
        t("Name"),
        t("Organisation"),
        t("People met"),
        t("Organisations met"),
        t("Nobody met yet from"),
    ]
    return [
        header,
        *(
            [
                p.name,
                p.organisation,
                str(p.people_met),
                f"{p.organisations_met}/{others}",
                ", ".join(p.never_met) or "—",
            ]
            for p in report.people
        ),
    ]


def report_lines(report: NetworkReport) -> list[str]:
    """The report as printed in the terminal."""
    matrix = matrix_rows(report)
    return [
        headline(report),
        "",
        t("Links between organisations (pairs of people who have met; diagonal: colleagues)"),
        *text_table(matrix, set(range(1, len(matrix[0])))),
        "",
        t("Per person"),
        *text_table(people_rows(report), {2, 3}),
    ]


def report_csv(report: NetworkReport) -> dict[str, bytes]:
    """report-people.csv and report-organisations.csv, for French Excel."""
    matrix = matrix_rows(report)
    matrix[0] = [t("Organisation"), *report.organisations]
    for row, name in zip(matrix[1:], report.organisations, strict=True):
        row[0] = name
    return {
        "report-people.csv": rows_to_csv(people_rows(report)).encode("utf-8-sig"),
        "report-organisations.csv": rows_to_csv(matrix).encode("utf-8-sig"),
    }


def _shade(value: int, highest: int) -> Color:
    """White for no link, deep teal for the most linked pair of organisations."""
    share = value / highest if highest else 0.0
    return Color(1 - 0.9 * share, 1 - 0.55 * share, 1 - 0.6 * share)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line of `width` at `size`, shortened with an ellipsis if need be, as drawn (Arabic joined,
    right-to-left runs in display order)."""
    return visual(fit_text(text, font, width, size, size).lines[0])


def report_pdf(report: NetworkReport) -> bytes:
    """One A4 landscape page: the organisation heat map and the least-connected people."""
    buffer = BytesIO()
    width, height = landscape(A4)
    canvas = new_canvas(buffer, (width, height), t("How the network is knitting together"))
    margin = 36.0
    canvas.setFont(BOLD, 16)
    canvas.drawString(margin, height - margin - 6, t("How the network is knitting together"))
    canvas.setFont(FONT, 10)
    canvas.drawString(margin, height - margin - 24, headline(report))

    count = len(report.organisations)
    label_width = 150.0
    top = height - margin - 60
    cell = min(28.0, (width * 0.62 - margin - label_width) / max(count, 1), (top - margin - 30) / max(count + 1, 1))
    size = max(5.0, min(9.0, cell * 0.38))
    highest = max((v for i, row in enumerate(report.links) for j, v in enumerate(row) if i != j), default=0)
    canvas.setFont(BOLD, size)
    for j in range(count):
        canvas.drawCentredString(margin + label_width + (j + 0.5) * cell, top - size, str(j + 1))
    for i, (name, row) in enumerate(zip(report.organisations, report.links, strict=True)):
        y = top - (i + 2) * cell
        canvas.setFillColor(black)
        canvas.setFont(FONT, size)
        label = _fit(f"{i + 1}. {name}", FONT, size, label_width - 6)
        canvas.drawString(margin, y + cell / 2 - size / 3, label)
        for j, value in enumerate(row):
            x = margin + label_width + j * cell
            fill = Color(0.88, 0.88, 0.88) if i == j else _shade(value, highest)
            canvas.setFillColor(fill)
            canvas.setStrokeColor(white)
            canvas.rect(x, y, cell, cell, stroke=1, fill=1)
            canvas.setFillColor(white if i != j and highest and value / highest > 0.6 else black)
            canvas.drawCentredString(x + cell / 2, y + cell / 2 - size / 3, str(value))
    canvas.setFillColor(black)
    canvas.setFont(FONT, 8)
    canvas.drawString(
        margin,
        top - (count + 2) * cell - 14,
        t("Each cell: pairs of people from the two organisations who have already met."),
    )

    left = width * 0.64
    canvas.setFont(BOLD, 11)
    canvas.drawString(left, top, t("Least connected"))
    others = max(count - 1, 0)
    y = top - 20
    for person in report.least_connected():
        canvas.setFont(FONT, 9)
        who = _fit(f"{person.name} ({person.organisation})", FONT, 9, width - margin - left)
        canvas.drawString(left, y, who)
        canvas.setFont(FONT, 8)
        detail = t_plural(
            "{people}, {met}/{count} organisation",
            "{people}, {met}/{count} organisations",
            others,
            people=t_plural("{count} person met", "{count} people met", person.people_met),
            met=person.organisations_met,
        )
        canvas.drawString(left + 10, y - 11, _fit(detail, FONT, 8, width - margin - left - 10))
        y -= 28
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_report(report: NetworkReport, folder: Path) -> list[Path]:
    """The two CSV files and the one-page PDF, all or nothing: every document is built before the
    first file is written, and they are swapped in together."""
    return write_set(folder, {**report_csv(report), "report.pdf": report_pdf(report)})
