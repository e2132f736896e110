"""Text files in the encodings real lists come in without saying so (Mac Roman, UTF-16 without a byte-order mark),
text an earlier wrong reading garbled, stray NUL bytes, documents that are no table, postal codes a spreadsheet
read as numbers, and rows a sheet hides."""

import json
import re
import zipfile
from collections.abc import Callable, Collection
from pathlib import Path

import openpyxl
import pytest
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.opendocument import load as load_ods
from odf.style import Style, TextProperties
from odf.table import TableColumn, TableRow
from odf.text import P, Span
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from speeddating.i18n import use_language
from speeddating.importer import ImportProblems, advice_for_the_page, read_roster
from speeddating.importer.encodings import plausibility, repaired, single_byte_encoding
from tests.helpers import Rows, write_csv, write_ods, write_xls, write_xlsx

FRENCH_LIST = [
    ["Prénom", "Nom", "Structure", "Courriel"],
    ["Hélène", "Lefèvre", "Pôle emploi", "helene.lefevre@example.org"],
    ["François", "GARNIER", "Mission Locale du Blaisois", ""],
    ["Maëlle", "Côté", "Centre d’information et d’orientation", "maelle.cote@example.org"],
    ["Élodie", "Brûlé", "École de la 2e chance", ""],
]
FRENCH_WORDS = [
    "Hélène",
    "Élodie",
    "ÉLODIE",
    "François",
    "Maëlle",
    "Noël",
    "Benoît",
    "Brûlé",
    "Pôle emploi",
    "Vendôme",
    "Lefèvre",
    "Müller",
    "Pérez Nuñez",
    "École",
    "Centre d’information",
    "N’Diaye",
    "Cœur",
]


def read_names(path: Path) -> list[tuple[str, str]]:
    return [(attendee.name, attendee.organisation) for attendee in read_roster(path).attendees]


EXPECTED = [
    ("Hélène Lefèvre", "France Travail"),
    ("François Garnier", "Mission Locale du Blaisois"),
    ("Maëlle Côté", "Centre d’information et d’orientation"),
    ("Élodie Brûlé", "École de la 2e chance"),
]


def test_a_mac_roman_csv_is_read_as_mac_roman_and_said(tmp_path: Path) -> None:
    """Excel 2011 for Mac's "CSV Macintosh": read as Windows-1252 it gave "PrŽnom" (the first-name column not
    recognised) and "P™le emploi"."""
    path = write_csv(tmp_path / "inscrits.csv", FRENCH_LIST, ";", "mac_roman")
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == EXPECTED
    assert roster.warnings[0] == (
        f"{path} : lu en Mac Roman, l'encodage du « CSV Macintosh » d'Excel pour Mac. Si des accents semblent "
        "faux, enregistrez de nouveau la liste en « CSV UTF-8 »."
    )
    windows = write_csv(tmp_path / "windows.csv", FRENCH_LIST, ";", "cp1252")
    assert read_names(windows) == EXPECTED and "Mac Roman" not in " ".join(read_roster(windows).warnings)


@pytest.mark.parametrize("word", FRENCH_WORDS)
@pytest.mark.parametrize("encoding", ["cp1252", "mac_roman"])
def test_one_accented_word_is_enough_to_tell_the_two_encodings_apart(word: str, encoding: str) -> None:
    data = f"Nom complet;Structure\r\n{word};CIO\r\n".encode(encoding)
    assert single_byte_encoding(data) == encoding


def test_letters_read_as_words_or_as_nonsense() -> None:
    assert plausibility("Prénom Pôle d’Orientation ÉLODIE") == 4
    assert plausibility("PrŽnom P™le dÕOrientation ƒLODIE") == -4
    assert plausibility("PrÈnom Fran‡ois") == -2
    assert plausibility("« 25 € »") == 0


def test_a_byte_windows_1252_leaves_undefined_in_nonsense_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes("Nom complet;Structure\nAnne;CIO\nL\x81a;PLIE\n".encode("latin-1"))
    with pytest.raises(ImportProblems, match="ligne 3 : caractère illisible"):
        read_roster(path)


MOJIBAKE_LIST = [[cell.encode().decode("cp1252") for cell in row] for row in FRENCH_LIST]
"""The list saved as UTF-8 once opened as Windows-1252: "PrÃ©nom", "PÃ´le emploi"."""


def test_a_list_garbled_by_a_wrong_encoding_is_repaired_and_said(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "inscrits.csv", MOJIBAKE_LIST, ";", "utf-8")
    assert "PrÃ©nom" in path.read_text(encoding="utf-8")
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == EXPECTED
    assert roster.warnings[0] == (
        f"{path} : les lignes 1, 2, 3, 4, 5 avaient leurs accents brouillés par un enregistrement antérieur dans "
        "le mauvais encodage (un fichier UTF-8 ouvert en Windows-1252 puis enregistré) ; réparées, par exemple "
        "« PrÃ©nom » lu « Prénom ». Vérifiez les noms de ces lignes."
    )


def test_a_workbook_saved_from_a_garbled_csv_is_repaired_too(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "inscrits.xlsx", {"Inscrits": list(MOJIBAKE_LIST)})
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == EXPECTED
    assert "avaient leurs accents brouillés" in roster.warnings[0]


PORTUGUESE = [
    ["Nom complet", "Structure"],
    ["João Conceição", "Associação Lusitana"],
    ["Sebastião Simões", "Câmara de Comércio"],
    ["Ângela Magalhães", "MÃE Solidária"],
    ["Łukasz Wąsik", "Urząd Pracy"],
]


def test_names_that_only_look_garbled_are_never_repaired(tmp_path: Path) -> None:
    """Ã and Â are real letters in Portuguese names: nothing is changed and nothing is said."""
    roster = read_roster(write_csv(tmp_path / "inscrits.csv", PORTUGUESE))
    assert [[a.name, a.organisation] for a in roster.attendees] == PORTUGUESE[1:]
    assert roster.warnings == ()
    assert [repaired(text) for text in ("JOÃO CONCEIÇÃO", "SÃO TOMÉ")] == ["JOÃO CONCEIÇÃO", "SÃO TOMÉ"]
    assert repaired("Â A") == "Â A"  # ftfy reads "Â " as a non-breaking space: a repair that only takes away


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "inscrits.txt", FRENCH_LIST, "\t", encoding)
    assert not path.read_bytes().startswith((b"\xff\xfe", b"\xfe\xff"))
    assert read_names(path) == EXPECTED


def test_stray_nul_bytes_are_left_out_and_their_rows_named(tmp_path: Path) -> None:
    path = tmp_path / "inscrits.csv"
    path.write_bytes(b"Nom complet;Structure\r\nAnne Mar\x00tin;CIO\r\nL\xc3\xa9a Dubois;PLIE\r\n\x00\x00\x00\x00")
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == [("Anne Martin", "CIO"), ("Léa Dubois", "PLIE")]
    assert roster.warnings == (
        f"{path} : les lignes 2, 4 contenaient des caractères NUL invisibles (des octets nuls, laissés par un "
        "enregistrement abîmé ou un autre programme) ; lues sans eux. Vérifiez ces lignes.",
    )


def test_a_binary_file_with_nul_bytes_is_still_no_table(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    with pytest.raises(ImportProblems, match="ni un tableau texte"):
        read_roster(path)


def refusal(path: Path, language: str = "fr") -> str:
    with use_language(language), pytest.raises(ImportProblems) as caught:
        read_roster(path)
    (problem,) = caught.value.problems
    return problem


def test_a_plan_given_as_the_list_says_how_to_get_its_people(tmp_path: Path) -> None:
    folder = tmp_path / "plan-2026-12-08"
    folder.mkdir()
    path = folder / "plan.json"
    attendees = [{"id": "p01", "name": "Anne Martin"}, {"id": "p02", "name": "Léa Dubois"}]
    path.write_text(json.dumps({"format": "speeddating-plan/1", "attendees": attendees, "rounds": []}))
    assert refusal(path) == (
        f"{path} : un plan fait par speeddating (2 personnes), pas une liste de participants. Donnez la liste "
        "des inscrits à partir de laquelle il a été fait ; ou, pour placer de nouveau les mêmes personnes, donnez "
        f"le {folder / 'plan.csv'} qui est à côté avec --dedupe (il nomme chacun une fois par tour)."
    )
    assert refusal(path, "en").startswith(f"{path}: a plan made by speeddating (2 people), not an attendee list.")
    with advice_for_the_page():
        assert refusal(path).endswith(
            "la page propose alors de garder la première ligne de chaque personne (il nomme chacun une fois par tour)."
        )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'[{"nom": "Anne Martin", "structure": "CIO"}]', "un document JSON, pas une liste de participants"),
        (
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anne Martin\r\nORG:CIO\r\nEND:VCARD\r\n",
            "des fiches de contact (vCard), pas une liste de participants. Exportez plutôt les contacts",
        ),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n", "une invitation d'agenda (iCalendar)"),
        (
            b"{\\rtf1\\ansi\\deff0 {\\fonttbl}Anne Martin\\par}",
            "un document de traitement de texte (Word, Writer, RTF)",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\n", "un document PDF, dont aucun programme ne peut relire"),
    ],
)
def test_documents_that_are_no_table_are_refused_for_what_they_are(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    """Before, a JSON file was refused for an unclosed quote and a vCard for a missing header."""
    path = tmp_path / "inscrits.csv"
    path.write_bytes(content)
    assert expected in refusal(path)


POSTAL: Rows = [
    ["Nom", "Prénom", "Structure", "Code postal", "CP domicile", "Nombre de places"],
    ["Dupont", "Marie", "France Travail", 6000, 75001, 1200],
    ["Lefebvre", "Julien", "Mission Locale", "62300", 1000, 3000],
    ["Garnier", "Sophie", "CIDFF", 4200, 8000, 4000],
]


def test_postal_codes_read_as_numbers_get_their_leading_zero_back(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "inscrits.xlsx", {"Inscrits": POSTAL})
    roster = read_roster(path)
    assert [a.attributes for a in roster.attendees] == [
        (("Code postal", "06000"), ("CP domicile", "75001"), ("Nombre de places", "1200")),
        (("Code postal", "62300"), ("CP domicile", "01000"), ("Nombre de places", "3000")),
        (("Code postal", "04200"), ("CP domicile", "08000"), ("Nombre de places", "4000")),
    ]
    assert roster.notes[1:] == (
        f"{path} : 2 codes postaux de la colonne D « Code postal » avaient perdu leur 0 initial (le tableur les a "
        "lus comme des nombres) : rétablis, par exemple 06000.",
        f"{path} : 2 codes postaux de la colonne E « CP domicile » avaient perdu leur 0 initial (le tableur les a "
        "lus comme des nombres) : rétablis, par exemple 01000.",
    )


@pytest.mark.parametrize(
    "codes",
    [
        [1000, 4000, 9000],  # four digits only: Belgian, Swiss or Luxembourg codes as well
        [6000, 75001, "B-1000"],
        [6000, 75001, "1000 Bruxelles"],
    ],
)
def test_postal_codes_that_may_not_be_french_stay_as_written(tmp_path: Path, codes: list[object]) -> None:
    rows: Rows = [
        ["Nom complet", "Structure", "Postal code"],
        *([f"Personne {n}", f"Structure {n}", code] for n, code in enumerate(codes)),
    ]
    roster = read_roster(write_xlsx(tmp_path / "inscrits.xlsx", {"Inscrits": rows}))
    assert [a.attribute("Postal code") for a in roster.attendees] == [str(code) for code in codes]
    assert roster.notes[1:] == ()


HIDING: Rows = [["Nom complet", "Structure"], ["Anne Martin", "CIO"], ["Léa Dubois", "PLIE"], ["Zoé Roux", "CIDFF"]]


def hide_in_xlsx(path: Path) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet.row_dimensions[3].hidden = True
    book.save(path)
    return path


def hide_in_ods(path: Path) -> Path:
    document = load_ods(str(path))
    document.spreadsheet.getElementsByType(TableRow)[2].setAttribute("visibility", "filter")
    document.save(str(path))
    return path


def hidden_xls(path: Path) -> Path:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Inscrits")
    for number, row in enumerate(HIDING):
        for column, value in enumerate(row):
            sheet.write(number, column, value)
    sheet.row(2).hidden = True
    book.save(str(path))
    return path


@pytest.mark.parametrize(
    ("suffix", "written"),
    [
        (".xlsx", lambda path: hide_in_xlsx(write_xlsx(path, {"Inscrits": HIDING}))),
        (".ods", lambda path: hide_in_ods(write_ods(path, HIDING))),
        (".xls", hidden_xls),
    ],
)
def test_rows_the_sheet_hides_are_read_and_said(tmp_path: Path, suffix: str, written: Callable[[Path], Path]) -> None:
    """A row filtered out or hidden (a cancelled person hidden rather than deleted) is read, as Excel's own CSV
    export reads it, and named with its person: on the web page, whose list of people has a button to remove
    each, the advice is that button, not an edit of the file."""
    path = written(tmp_path / f"inscrits{suffix}")
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Léa Dubois", "Zoé Roux"]
    said = (
        f"{path} : la ligne 3 est masquée dans la feuille (filtrée ou masquée) et lue comme les autres : Léa Dubois. "
    )
    assert roster.warnings == (said + "Supprimez-la si cette personne ne vient pas.",)
    with advice_for_the_page():
        assert read_roster(path).warnings == (said + "Si cette personne ne vient pas, retirez-la sous Personnes.",)


STRIKING: Rows = [
    ["Prénom", "Nom", "Structure"],
    ["Anne", "Martin", "CIO"],
    ["Karim", "Benali", "Cap emploi"],
    ["Léa", "Dubois", "PLIE"],
    ["Zoé", "Roux", "CIDFF"],
    ["Paul", "Renard", "France Travail"],
]


def assert_karim_and_zoe_struck_out(path: Path) -> None:
    """STRIKING with Karim Benali's row and Zoé Roux's name struck: both left out and named, with the way to keep
    one: in the file, or on the web page with its form to add a person."""
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Léa Dubois", "Paul Renard"]
    said = f"{path} : 2 personnes laissées de côté, dont le nom est barré dans la feuille : Karim Benali, Zoé Roux. "
    assert roster.warnings == (said + "Enlevez le barré de celles qui viennent.",)
    with advice_for_the_page():
        assert read_roster(path).warnings == (said + "Ajoutez sous Personnes celles qui viennent.",)


def test_people_whose_name_is_struck_through_are_left_out_and_named(tmp_path: Path) -> None:
    """An organiser strikes a cancelled person out rather than deleting the row: the whole row (Karim Benali) or
    the name only (Zoé Roux). Struck elsewhere (Paul Renard's organisation), or bold, is no cancellation."""
    path = write_xlsx(tmp_path / "inscrits.xlsx", {"Inscrits": STRIKING})
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for cell in (*sheet[3], sheet["A5"], sheet["B5"], sheet["C6"]):
        cell.font = Font(strike=True)
    sheet["A2"].font = sheet["B2"].font = Font(bold=True, strike=False)
    book.save(path)
    assert_karim_and_zoe_struck_out(path)


def struck_ods(path: Path, rows: Rows, struck: Collection[str]) -> Path:
    """An ODS whose cells `struck` ("A3") have an automatic style inheriting the strikethrough of a named style
    of styles.xml, as LibreOffice writes them when the organiser gave them the cell style "Annulé"."""
    document = OpenDocumentSpreadsheet()
    cancelled = Style(name="Annulé", family="table-cell")
    cancelled.addElement(TextProperties(textlinethroughstyle="solid", textlinethroughtype="single"))
    document.styles.addElement(cancelled)
    style = Style(name="ce1", family="table-cell", parentstylename=cancelled)
    document.automaticstyles.addElement(style)
    return write_ods(path, rows, document=document, cell_styles=dict.fromkeys(struck, style))


@pytest.mark.parametrize(
    "write",
    [
        lambda path, struck: write_xls(path.with_suffix(".xls"), {"Inscrits": STRIKING}, struck=struck),
        lambda path, struck: struck_ods(path.with_suffix(".ods"), STRIKING, struck),
    ],
    ids=["xls", "ods"],
)
def test_a_name_struck_through_in_an_xls_or_an_ods_is_left_out_as_in_an_xlsx(
    tmp_path: Path, write: Callable[[Path, tuple[str, ...]], Path]
) -> None:
    """Excel 97-2003 (the cell's format's font) and LibreOffice (a cell style inheriting the strikethrough of a
    named style) strike a cancelled person as the .xlsx above: the whole row, or the name only."""
    path = write(tmp_path / "inscrits", ("A3", "B3", "C3", "A5", "B5", "C6"))
    assert_karim_and_zoe_struck_out(path)


def assert_only_lea_dubois_struck_out(path: Path) -> None:
    """The list of the tests of names struck while typing: Léa Dubois struck in every run, Zoé Roux in part."""
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Zoé Roux"]
    assert roster.warnings == (
        f"{path} : 1 personne laissée de côté, dont le nom est barré dans la feuille : Léa Dubois. Enlevez le "
        "barré pour la garder.",
    )


def test_a_name_struck_through_while_typing_in_an_xls_cell_is_left_out(tmp_path: Path) -> None:
    """In an .xls, a name struck by selecting it in the cell is rich text whose runs have a struck font: every
    run shown struck leaves the person out (Léa Dubois); a name partly struck (Zoé Roux) is kept."""
    book = xlwt.Workbook()
    sheet = book.add_sheet("Inscrits")
    struck = xlwt.easyfont("struck_out on")
    plain = xlwt.easyfont("bold on")
    for row, cells in enumerate([["Nom complet", "Structure"], ["Anne Martin", "CIO"]]):
        for column, value in enumerate(cells):
            sheet.write(row, column, value)
    sheet.write_rich_text(2, 0, [("Léa", struck), " ", ("Dubois", struck)])
    sheet.write(2, 1, "PLIE")
    sheet.write_rich_text(3, 0, [("Zoé", struck), (" Roux", plain)])
    sheet.write(3, 1, "CIDFF")
    path = tmp_path / "inscrits.xls"
    book.save(str(path))
    assert_only_lea_dubois_struck_out(path)


def test_a_name_struck_through_span_by_span_in_an_ods_is_left_out(tmp_path: Path) -> None:
    """LibreOffice writes a name struck by selecting it in the cell as spans of a struck text style: every span
    shown struck leaves the person out (Léa Dubois); a span saying "none" in a struck cell (Zoé Roux's last
    name) keeps the person."""
    document = OpenDocumentSpreadsheet()
    struck, unstruck = Style(name="T1", family="text"), Style(name="T2", family="text")
    struck.addElement(TextProperties(textlinethroughstyle="solid"))
    unstruck.addElement(TextProperties(textlinethroughstyle="none"))
    struck_cell = Style(name="ce1", family="table-cell")
    struck_cell.addElement(TextProperties(textlinethroughstyle="solid"))
    for style in (struck, unstruck, struck_cell):
        document.automaticstyles.addElement(style)
    lea = P()
    lea.addElement(Span(stylename=struck, text="Léa"))
    lea.addText(" ")
    lea.addElement(Span(stylename=struck, text="Dubois"))
    zoe = P(text="Zoé ")
    zoe.addElement(Span(stylename=unstruck, text="Roux"))
    rows = [["Nom complet", "Structure"], ["Anne Martin", "CIO"], [lea, "PLIE"], [zoe, "CIDFF"]]
    path = write_ods(tmp_path / "inscrits.ods", rows, document=document, cell_styles={"A4": struck_cell})
    assert_only_lea_dubois_struck_out(path)


def test_a_name_struck_through_by_its_column_style_in_an_ods_is_left_out(tmp_path: Path) -> None:
    """LibreOffice writes no style on the cells of a column's most frequent style, and names it as the column's
    default: where most names are struck, the struck ones have no style of their own and the others have one."""
    document = OpenDocumentSpreadsheet()
    struck, plain = Style(name="ce1", family="table-cell"), Style(name="ce2", family="table-cell")
    struck.addElement(TextProperties(textlinethroughstyle="solid"))
    plain.addElement(TextProperties(fontweight="bold"))
    for style in (struck, plain):
        document.automaticstyles.addElement(style)
    rows = [["Nom complet", "Structure"], ["Anne Martin", "CIO"], ["Léa Dubois", "PLIE"], ["Zoé Roux", "CIDFF"]]
    path = write_ods(
        tmp_path / "inscrits.ods",
        rows,
        document=document,
        cell_styles={cell: plain for cell in ("A1", "A2", "A4")},
        columns=[TableColumn(defaultcellstylename=struck), TableColumn()],
    )
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Zoé Roux"]
    assert roster.warnings[-1].endswith("barré dans la feuille : Léa Dubois. Enlevez le barré pour la garder.")


def shared_strings(path: Path) -> Path:
    """The workbook with its strings moved from the cells to a shared-strings part, as Excel writes them (openpyxl
    writes every string inline)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name).decode() for name in archive.namelist()}
    shared: list[str] = []

    def share(cell: re.Match[str]) -> str:
        shared.append(cell[3])
        return f'<c r="{cell[1]}"{cell[2]} t="s"><v>{len(shared) - 1}</v></c>'

    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(r'<c r="(\w+)"([^>]*?) t="inlineStr"><is>(.*?)</is></c>', share, parts[sheet])
    namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{namespace}">{"".join(f"<si>{text}</si>" for text in shared)}</sst>'
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>",
        '<Relationship Id="rIdShared" Target="sharedStrings.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    path.unlink()
    return zipped(path, parts)


@pytest.mark.parametrize("strings", [lambda path: path, shared_strings], ids=["inline", "shared"])
def test_a_name_struck_through_while_typing_in_the_cell_is_left_out(
    tmp_path: Path, strings: Callable[[Path], Path]
) -> None:
    """Struck by selecting the text in the cell, the name is rich text whose runs are struck, the cell's style
    untouched: every run shown struck (Léa Dubois, the blank between words aside) leaves the person out; a name
    only partly struck (Zoé Roux) is kept."""
    path = write_xlsx(tmp_path / "inscrits.xlsx", {"Inscrits": [["Nom complet", "Structure"]]})
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    struck = InlineFont(strike=True)
    sheet.append(["Anne Martin", "CIO"])
    sheet.append([CellRichText(TextBlock(struck, "Léa"), " ", TextBlock(struck, "Dubois")), "PLIE"])
    sheet.append([CellRichText(TextBlock(struck, "Zoé"), " Roux"), "CIDFF"])
    book.save(path)
    assert_only_lea_dubois_struck_out(strings(path))


def zipped(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


@pytest.mark.parametrize(
    ("name", "parts", "expected"),
    [
        ("liste.xlsb", {"[Content_Types].xml": "", "xl/workbook.bin": ""}, "un classeur Excel binaire (.xlsb)"),
        ("liste.numbers", {"Index/Document.iwa": "", "Metadata/Properties.plist": ""}, "un document Apple Numbers"),
        ("liste.docx", {"[Content_Types].xml": "", "word/document.xml": "<w:document/>"}, "traitement de texte"),
        ("liste.odt", {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": ""}, "traitement de"),
    ],
)
def test_zipped_documents_that_are_no_workbook_say_what_they_are(
    tmp_path: Path, name: str, parts: dict[str, str], expected: str
) -> None:
    """Before, each was "a zip archive or a document, not an Excel or ODS workbook", an .xlsb too."""
    assert expected in refusal(zipped(tmp_path / name, parts))


def test_the_end_of_file_mark_of_old_programs_is_no_character(tmp_path: Path) -> None:
    """Ctrl-Z at the end of the file: before, "row 4: unreadable character"."""
    path = tmp_path / "liste.csv"
    path.write_bytes(b"Nom complet;Structure\r\nAnne Martin;CIO\r\nZo\xe9 Roux;PLIE\r\n\x1a")
    assert read_names(path) == [("Anne Martin", "CIO"), ("Zoé Roux", "PLIE")]
