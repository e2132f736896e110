"""Files named .xls that are markup: the HTML page web tools and HR systems export under Excel's name, and
Excel 2003's XML Spreadsheet. Read as Excel shows them, not refused as a renamed CSV."""

from pathlib import Path

import pytest

from speeddating.importer import ImportProblems, read_roster
from speeddating.importer.markup import html_tables

HTML_EXPORT = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Export inscriptions</title></head>
<body>
<h1>Inscriptions au petit-d&eacute;jeuner</h1>
<table border="1">
  <tr><th colspan="2">Identit&eacute;</th><th rowspan="2">Structure</th><th rowspan="2">Email</th></tr>
  <tr><th>Nom</th><th>Pr&eacute;nom</th></tr>
  <tr><td>DUPONT</td><td>Marie</td><td rowspan="2">France Travail<br>agence Lens</td>
    <td>m.dupont@francetravail.fr</td></tr>
  <tr><td>ROUX</td><td>Paul</td><td>p.roux@francetravail.fr</td></tr>
  <tr><td>LEFEBVRE</td><td>Julien</td><td>Mission locale de Lens &amp; Li&eacute;vin</td>
    <td>j.lefebvre@ml-lens.fr</td></tr>
  <tr><td>GARNIER</td><td>Sophie</td><td>CIDFF</td><td></td></tr>
</table>
</body></html>
"""
"""An export page: a title above the table, "Identité" spanning Nom and Prénom, the France Travail agency
spanning down its two people, entities and a line break, in Windows-1252 as its meta says."""

SPREADSHEET_XML = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Archive">
  <Table>
   <Row><Cell><Data ss:Type="String">Nom complet</Data></Cell><Cell><Data ss:Type="String">Structure</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">Ancien Inscrit</Data></Cell><Cell><Data ss:Type="String">CIO</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">Autre Ancien</Data></Cell><Cell><Data ss:Type="String">PLIE</Data></Cell></Row>
  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
 </Worksheet>
 <Worksheet ss:Name="Inscrits">
  <Table>
   <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">Petit-déjeuner du 8 décembre</Data></Cell></Row>
   <Row ss:Index="3">
    <Cell><Data ss:Type="String">NOM</Data></Cell><Cell><Data ss:Type="String">Prénom</Data></Cell>
    <Cell ss:Index="4"><Data ss:Type="String">Structure</Data></Cell>
   </Row>
   <Row><Cell><Data ss:Type="String">DUPONT</Data></Cell><Cell><Data ss:Type="String">Marie</Data></Cell>
    <Cell ss:Index="4" ss:MergeDown="1"><Data ss:Type="String">Pôle emploi</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">ROUX</Data></Cell><Cell><Data ss:Type="String">Paul</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">GARNIER</Data></Cell><Cell><Data ss:Type="String">Sophie</Data></Cell>
    <Cell><Data ss:Type="Number">7</Data></Cell><Cell><Data ss:Type="String">CIDFF</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>
"""
"""Excel's XML Spreadsheet 2003: a hidden sheet first, a title merged across, rows and cells placed by ss:Index,
an organisation merged down two rows."""


def test_an_html_page_named_xls_is_read_as_excel_shows_it(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes(HTML_EXPORT.encode("cp1252"))
    roster = read_roster(path)
    assert [(a.name, a.organisation, a.email) for a in roster.attendees] == [
        ("Marie Dupont", "France Travail agence Lens", "m.dupont@francetravail.fr"),
        ("Paul Roux", "France Travail agence Lens", "p.roux@francetravail.fr"),
        ("Julien Lefebvre", "Mission locale de Lens & Liévin", "j.lefebvre@ml-lens.fr"),
        ("Sophie Garnier", "CIDFF", ""),
    ]
    assert "prénom B « Identité Prénom », nom A « Identité Nom »" in roster.notes[0]


def test_an_xml_spreadsheet_2003_reads_its_visible_sheet_with_its_merges(tmp_path: Path) -> None:
    path = tmp_path / "inscrits.xls"
    path.write_text(SPREADSHEET_XML, encoding="utf-8")
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == [
        ("Marie Dupont", "France Travail"),
        ("Paul Roux", "France Travail"),
        ("Sophie Garnier", "CIDFF"),
    ]
    assert roster.warnings[0] == (
        f"{path} : feuille « Inscrits » lue, la feuille masquée « Archive » laissée de côté ; indiquez --sheet "
        "pour en lire une autre."
    )
    assert [a.name for a in read_roster(path, sheet="Archive").attendees] == ["Ancien Inscrit", "Autre Ancien"]


def test_a_truncated_xml_spreadsheet_is_a_damaged_workbook(tmp_path: Path) -> None:
    path = tmp_path / "inscrits.xls"
    path.write_text(SPREADSHEET_XML[: len(SPREADSHEET_XML) // 2], encoding="utf-8")
    with pytest.raises(ImportProblems) as caught:
        read_roster(path)
    assert caught.value.problems[0].startswith(f"{path} : classeur abîmé ou incomplet (")


def test_the_first_table_of_a_page_holding_the_list_is_read(tmp_path: Path) -> None:
    layout = "<table><tr><td>Logo</td><td>Export du 20/11/2026</td></tr></table>"
    page = HTML_EXPORT.replace("<h1>", layout + "<h1>")
    path = tmp_path / "export.xls"
    path.write_text(page, encoding="utf-8")
    roster = read_roster(path)
    assert len(roster) == 4
    assert roster.warnings[0].startswith(f"{path} : feuille « 2 » lue, aucune liste de participants dans « 1 »")


def test_a_cell_spanning_rows_moves_the_cells_after_it_right_in_the_rows_below() -> None:
    (table,) = html_tables(
        "<table><tr><td rowspan=3>a</td><td>b</td><td rowspan=2>c</td><td>d</td></tr>"
        "<tr><td>e</td><td>f</td></tr><tr><td>g</td><td>h</td><td>i</td></tr></table>",
        max_rows=10,
        max_columns=10,
    )
    assert table.cells == {1: {0: "a", 1: "b", 2: "c", 3: "d"}, 2: {1: "e", 3: "f"}, 3: {1: "g", 2: "h", 3: "i"}}
    assert table.spans == [(1, 0, 3, 0), (1, 2, 2, 2)]


def test_a_cell_spanning_the_whole_page_fills_only_the_rows_and_columns_kept(tmp_path: Path) -> None:
    """A cell spanning 65,534 rows and 1,000 columns, as a browser allows: the cells after it in the rows below
    are pushed beyond the 1,000 columns kept, and said to be."""
    path = tmp_path / "export.xls"
    path.write_text(
        "<table><tr><th>Nom complet</th><th>Structure</th></tr>"
        "<tr><td>Anne Martin</td><td rowspan=65534 colspan=1000>CIO</td></tr>"
        "<tr><td>Léa Dubois</td><td>PLIE</td></tr></table>",
        encoding="utf-8",
    )
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == [("Anne Martin", "CIO"), ("Léa Dubois", "CIO")]
    assert roster.warnings[0].startswith(
        f"{path} : cases au-delà de la colonne ALL laissées de côté (la première en ALM3)"
    )
