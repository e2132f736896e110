"""What reading attendee files costs, and what the importer makes of the registration exports of the tests.

    python -m benchmarks.importer

Part 1: peak memory (Python's allocations, tracemalloc) and processor time of `read_roster` on the largest list
accepted (5,000 people, as CSV, XLSX, ODS, XLS and an HTML table named .xls) and on hostile files (a small
workbook with one cell at row 1,000,000 and column 16,000; an ODS of a million repeated rows), and of grouping
5,000 one-person organisations.
Part 2: for each export fixture of tests/test_importer_exports.py and tests/test_importer_unseen_exports.py (the
files written after the importer was tuned, the French tools of a second round, the odd files of a fourth round:
encodings, address books, SurveyMonkey; then the files of a fifth and a sixth round, tests/data/fifth_round and
sixth_round), a table of the people read, the organisations found and the merges, then every merge with its
reason and what else the organiser is told.
"""

import html
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import openpyxl
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from speeddating.i18n import use_language
from speeddating.importer import read_roster
from speeddating.organisations import group
from speeddating.roster import Roster
from tests.helpers import Rows, write_csv, write_ods, write_xls, write_xlsx
from tests.test_importer_encodings import FRENCH_LIST, MOJIBAKE_LIST, POSTAL
from tests.test_importer_exports import (
    EVENTBRITE,
    FRAMAFORMS,
    GOOGLE_FORMS,
    HAND_TYPED,
    HAND_TYPED_MERGES,
    HELLOASSO,
    MICROSOFT_FORMS,
)
from tests.test_importer_markup import HTML_EXPORT, SPREADSHEET_XML
from tests.test_importer_unseen_exports import (
    ACCENTS_LOST,
    ADDRESSES_ONLY,
    DOMAINS_AS_ORGANISATIONS,
    ENGLISH_GOOGLE_FORMS,
    EVENTBRITE_FR,
    FIFTH_ROUND,
    FIFTH_ROUND_READ,
    FRAMAFORMS_PARTICIPATION,
    GOOGLE_CONTACTS,
    GROUPED_HEADER,
    GROUPED_HEADER_MERGES,
    HELLOASSO_CUSTOM_FIELDS,
    LIBREOFFICE_CP1252,
    LIMESURVEY_QUESTIONS_UNDER_CODES,
    LIMESURVEY_UNFINISHED,
    NOTES_SHEET,
    SECOND_SHEET,
    SIGNED_IN_MICROSOFT_FORMS,
    SIXTH_ROUND,
    SIXTH_ROUND_READ,
    SPHINX_VARIABLES,
    SURVEYMONKEY,
    TICKED_BY_HAND,
    TWO_MISSIONS_LOCALES,
    TYPEFORM,
)

Value = TypeVar("Value")


def measured(work: Callable[[], Value]) -> tuple[Value, float, float]:
    """The result, the peak of memory allocated meanwhile (MB, under tracemalloc) and the processor seconds
    (of a second run without tracemalloc, which slows allocation down several times)."""
    tracemalloc.start()
    try:
        work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    started = time.process_time()
    result = work()
    return result, peak / 2**20, time.process_time() - started


def largest(folder: Path) -> dict[str, Path]:
    rows: Rows = [["Prénom", "Nom", "Structure", "Courriel"]]
    rows = [*rows, *([f"Prénom{n}", f"NOM{n}", f"Structure {n % 300}", f"p{n}@example.org"] for n in range(5000))]
    far = openpyxl.Workbook()
    sheet = far.active
    assert sheet is not None
    for row in rows[:4]:
        sheet.append(list(row))
    sheet.cell(row=1_000_000, column=16_000, value="x")
    far.save(folder / "far.xlsx")
    document = OpenDocumentSpreadsheet()
    table = Table(name="Feuille1")
    for cells in rows[:4]:
        line = TableRow()
        for text in cells:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(text)))
            line.addElement(cell)
        table.addElement(line)
    table.addElement(TableRow(numberrowsrepeated=1_000_000))
    document.spreadsheet.addElement(table)
    document.save(str(folder / "repeated.ods"))
    return {
        "5,000 people, CSV": write_csv(folder / "big.csv", rows),
        "5,000 people, XLSX": write_xlsx(folder / "big.xlsx", {"Inscrits": rows}),
        "5,000 people, ODS": write_ods(folder / "big.ods", rows),
        "5,000 people, XLS (Excel 97-2003)": write_xls(folder / "big.xls", {"Inscrits": rows}),
        "5,000 people, HTML named .xls": html_page(folder / "big-html.xls", rows),
        "one cell at row 1,000,000 col 16,000 (XLSX)": folder / "far.xlsx",
        "a million repeated rows (ODS)": folder / "repeated.ods",
    }


def fixtures(folder: Path) -> dict[str, Path]:
    return {
        "Google Forms CSV": write_csv(folder / "google.csv", GOOGLE_FORMS, ",", "utf-8"),
        "Microsoft Forms XLSX": write_xlsx(folder / "msforms.xlsx", {"Sheet1": MICROSOFT_FORMS}),
        "Framaforms CSV (tab)": write_csv(folder / "framaforms.csv", FRAMAFORMS, "\t", "utf-8"),
        "HelloAsso CSV (;, BOM)": write_csv(folder / "helloasso.csv", HELLOASSO, ";", "utf-8-sig"),
        "Eventbrite report CSV": write_csv(folder / "eventbrite.csv", EVENTBRITE, ",", "utf-8"),
        "hand-typed XLSX": write_xlsx(folder / "hand.xlsx", {"Feuil1": HAND_TYPED}, {"Feuil1": HAND_TYPED_MERGES}),
        "hand-typed ODS twin": write_ods(folder / "hand.ods", HAND_TYPED, HAND_TYPED_MERGES),
    }


def unseen(folder: Path) -> dict[str, Path]:
    """The exports written after the importer was tuned (tests/test_importer_unseen_exports.py)."""
    return {
        "English Google Forms CSV": write_csv(folder / "en-google.csv", ENGLISH_GOOGLE_FORMS, ",", "utf-8"),
        "Typeform CSV": write_csv(folder / "typeform.csv", TYPEFORM, ",", "utf-8"),
        "signed-in Microsoft Forms XLSX": write_xlsx(folder / "ms-signed.xlsx", {"Form1": SIGNED_IN_MICROSOFT_FORMS}),
        "LibreOffice CSV (;, cp1252)": write_csv(folder / "libreoffice.csv", LIBREOFFICE_CP1252, ";", "cp1252"),
        "XLSX, list after a notes sheet": write_xlsx(
            folder / "second.xlsx", {"Notes": NOTES_SHEET, "Inscrits": SECOND_SHEET}
        ),
        "XLSX, two header rows + instructions": write_xlsx(
            folder / "grouped.xlsx", {"Feuil1": GROUPED_HEADER}, {"Feuil1": GROUPED_HEADER_MERGES}
        ),
        "HelloAsso custom fields (;, BOM)": write_csv(
            folder / "ha-fields.csv", HELLOASSO_CUSTOM_FIELDS, ";", "utf-8-sig"
        ),
        "addresses only, no organisation": write_csv(folder / "addresses.csv", ADDRESSES_ONLY),
        "organisations typed as domains": write_csv(folder / "domains.csv", DOMAINS_AS_ORGANISATIONS),
        "accents lost": write_csv(folder / "accents.csv", ACCENTS_LOST),
        "network of 10, two Missions Locales": write_csv(folder / "network.csv", TWO_MISSIONS_LOCALES),
    }


def html_page(path: Path, rows: Rows) -> Path:
    """The list as the HTML table a web tool exports under the name .xls."""
    lines = ["<html><body><table>"]
    lines.extend("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    path.write_text("\n".join([*lines, "</table></body></html>"]), encoding="utf-8")
    return path


def french_tools(folder: Path) -> dict[str, Path]:
    """French tools' exports, second round (the end of tests/test_importer_unseen_exports.py and
    tests/test_importer_markup.py)."""
    html_export = folder / "export.xls"
    html_export.write_bytes(HTML_EXPORT.encode("cp1252"))
    spreadsheet_xml = folder / "inscrits-2003.xls"
    spreadsheet_xml.write_text(SPREADSHEET_XML, encoding="utf-8")
    return {
        "Framaforms, 'Je participerai' (,)": write_csv(
            folder / "frama-participation.csv", FRAMAFORMS_PARTICIPATION, ",", "utf-8"
        ),
        "LimeSurvey, codes + questions row": write_csv(
            folder / "limesurvey.csv", LIMESURVEY_QUESTIONS_UNDER_CODES, ",", "utf-8"
        ),
        "LimeSurvey with unfinished responses": write_csv(
            folder / "limesurvey-unfinished.csv", LIMESURVEY_UNFINISHED, ",", "utf-8"
        ),
        "Eventbrite FR, Statut du participant": write_csv(folder / "eventbrite-fr.csv", EVENTBRITE_FR, ",", "utf-8"),
        "Sphinx XLSX, variable names": write_xlsx(folder / "sphinx.xlsx", {"Données": SPHINX_VARIABLES}),
        "hand-kept XLS, ticks and a blank": write_xls(
            folder / "ticks.xls", {"Inscrits": TICKED_BY_HAND}, {"Inscrits": [("A1", "G1")]}
        ),
        "HTML page named .xls (cp1252)": html_export,
        "XML Spreadsheet 2003 named .xls": spreadsheet_xml,
    }


def fourth_round(folder: Path) -> dict[str, Path]:
    """Odd files of the fourth round (tests/test_importer_encodings.py, the end of test_importer_unseen_exports)."""
    return {
        "Mac Roman CSV ('CSV Macintosh')": write_csv(folder / "mac.csv", FRENCH_LIST, ";", "mac_roman"),
        "UTF-8 garbled once, CSV": write_csv(folder / "garbled.csv", MOJIBAKE_LIST, ";", "utf-8"),
        "UTF-8 garbled once, saved as XLSX": write_xlsx(folder / "garbled.xlsx", {"Feuil1": MOJIBAKE_LIST}),
        "UTF-16 LE without BOM (tab)": write_csv(folder / "utf16.txt", FRENCH_LIST, "\t", "utf-16-le"),
        "postal codes as numbers XLSX": write_xlsx(folder / "postal.xlsx", {"Inscrits": POSTAL}),
        "Google Contacts CSV": write_csv(folder / "contacts.csv", GOOGLE_CONTACTS, ",", "utf-8"),
        "SurveyMonkey CSV (Réponse row)": write_csv(folder / "surveymonkey.csv", SURVEYMONKEY, ",", "utf-8-sig"),
        "tab-separated text named .xls": write_csv(folder / "export.xls", FRENCH_LIST, "\t", "cp1252"),
    }


def fifth_round() -> dict[str, Path]:
    """The registration exports of the fifth round, as the tools write them (tests/data/fifth_round), but the
    list of addresses alone, which is refused."""
    return {name: FIFTH_ROUND / name for name in FIFTH_ROUND_READ}


def sixth_round() -> dict[str, Path]:
    """The registration exports of the sixth round the importer read wrong before (tests/data/sixth_round)."""
    return {name: SIXTH_ROUND / name for name in SIXTH_ROUND_READ}


def table(rosters: dict[str, Roster]) -> list[str]:
    """One line per fixture: people read, organisations found, spellings merged."""
    lines = [f"{'fixture':40} {'people':>6} {'orgs':>5} {'merges':>6}"]
    lines.extend(
        f"{name:40} {len(roster):6} {len(roster.organisation_counts()):5} {len(roster.merges):6}"
        for name, roster in rosters.items()
    )
    return lines


def describe(name: str, roster: Roster) -> list[str]:
    """The organisations found, every merge and its reason, and what else the organiser is told."""
    lines = [f"{name}: {len(roster)} people, {len(roster.organisation_counts())} organisations"]
    lines.append("  organisations: " + ", ".join(f"{org} ({count})" for org, count in roster.organisation_counts()))
    lines.extend(f"  merged: {m.spelling!r} -> {m.organisation!r} ({m.reason})" for m in roster.merges)
    lines.extend(
        "  said: " + w.replace(roster.source, "", 1).lstrip(" :,")
        for w in roster.warnings
        if "counted as one organisation for seating" not in w
    )
    return lines


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'file':48} {'people':>6} {'peak MB':>8} {'CPU s':>6}")
        for name, path in largest(Path(folder)).items():
            roster, peak, seconds = measured(partial(read_roster, path))
            print(f"{name:48} {len(roster):6} {peak:8.1f} {seconds:6.2f}")
        names = [f"Structure {n}" for n in range(2500)] + [f"Association Numéro {n} de Blois" for n in range(2500)]
        grouping, peak, seconds = measured(lambda: group(names))
        found = len(set(grouping.printed.values()))
        print(f"{'grouping 5,000 one-person organisations':48} {found:6} {peak:8.1f} {seconds:6.2f}")
        print()
        with use_language("en"):
            for title, files in (
                ("Export fixtures", fixtures(Path(folder))),
                ("Exports written after the importer was tuned", unseen(Path(folder))),
                ("French tools, second round", french_tools(Path(folder))),
                ("Odd files, fourth round", fourth_round(Path(folder))),
                ("Registration exports, fifth round", fifth_round()),
                ("Registration exports, sixth round", sixth_round()),
            ):
                rosters = {name: read_roster(path) for name, path in files.items()}
                print(f"\n{title}\n" + "\n".join(table(rosters)) + "\n")
                for name, roster in rosters.items():
                    print("\n".join(describe(name, roster)))


if __name__ == "__main__":
    main()
