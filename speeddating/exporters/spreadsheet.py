"""`plan.csv`: one row per person per round, readable by Excel in the document's language (UTF-8 with BOM)."""

import csv
import io

from babel.numbers import get_decimal_symbol

from speeddating.i18n import format_locale, t
from speeddating.plan import Plan

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a quote so a spreadsheet shows the text instead of running it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def plan_rows(plan: Plan) -> list[list[str]]:
    """Header then (round, start, table, name, organisation, theme) per seated person."""
    rows = [[t("Round"), t("Start"), t("Table"), t("Name"), t("Organisation"), t("Theme")]]
    people = plan.by_id()
    for rnd in plan.rounds:
        theme = rnd.theme.title if rnd.theme else ""
        for table in rnd.tables:
            for attendee_id in table.attendees:
                person = people[attendee_id]
                rows.append([str(rnd.number), rnd.start, str(table.number), person.name, person.organisation, theme])
    return rows


def list_separator() -> str:
    """The separator Excel expects in a CSV file of the current language: it takes its list separator from the
    region, `;` where the decimal mark is a comma (French), `,` elsewhere (English: a `;` file opened in one column)."""
    return ";" if get_decimal_symbol(format_locale()) == "," else ","


def rows_to_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=list_separator(), lineterminator="\r\n")
    writer.writerows([[neutralise(cell) for cell in row] for row in rows])
    return buffer.getvalue()


def plan_csv(plan: Plan) -> bytes:
    """The plan as `plan.csv` bytes (UTF-8 with BOM, so Excel reads the accents)."""
    return rows_to_csv(plan_rows(plan)).encode("utf-8-sig")
