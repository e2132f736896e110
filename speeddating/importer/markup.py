"""Tables written as markup under Excel's name: the HTML page that many web tools and HR systems export as
"export.xls", and Excel 2003's XML Spreadsheet. Excel opens both as workbooks, so the organiser sees a
spreadsheet; they are read as Excel shows them, each table or worksheet a sheet, a cell spanning several
rows or columns filling each of them.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree import ElementTree

from speeddating.text import clean

MAX_ROW_SPAN = 65534
MAX_COLUMN_SPAN = 1000
"""The largest rowspan and colspan a browser honours (the HTML standard's limits)."""
SPREADSHEET_NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
SS = "{" + SPREADSHEET_NAMESPACE + "}"
HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|table|meta)\b", re.IGNORECASE | re.DOTALL)

Span = tuple[int, int, int, int]
"""(first row, first column, last row, last column): 1-based rows, 0-based columns, as reading's merges."""


@dataclass
class MarkupTable:
    """One table or worksheet: its filled cells by row number then column, its spanned ranges, and the first
    filled place beyond the columns kept. Cells further right than `max_columns`, and rows beyond the first
    `max_rows` + 1 filled ones (enough for the reader to refuse the list), are not kept."""

    name: str
    max_rows: int
    max_columns: int
    hidden: bool = False
    cells: dict[int, dict[int, str]] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    far: tuple[int, int] | None = None

    def put(self, row: int, column: int, text: str, rows: int = 1, columns: int = 1) -> None:
        if column >= self.max_columns:
            if text and self.far is None:
                self.far = (row, column)
            return
        if text and (row in self.cells or len(self.cells) <= self.max_rows):
            self.cells.setdefault(row, {})[column] = text
        if rows > 1 or columns > 1:
            self.spans.append((row, column, row + rows - 1, min(column + columns, self.max_columns) - 1))


def is_html(text: str) -> bool:
    return bool(HTML_START.match(text[:4096]))


def is_spreadsheet_xml(text: str) -> bool:
    head = text[:4096].lstrip()
    return head.startswith("<?xml") and SPREADSHEET_NAMESPACE in head


def html_tables(text: str, max_rows: int, max_columns: int) -> list[MarkupTable]:
    """Every <table> of the page, in order (a table inside a cell is a table of its own)."""
    parser = _TableParser(max_rows, max_columns)
    parser.feed(text)
    parser.close()
    return parser.tables


def _span(value: str | None, limit: int) -> int:
    try:
        return min(max(1, int(value or 1)), limit)
    except ValueError:
        return 1


class _TableParser(HTMLParser):
    def __init__(self, max_rows: int, max_columns: int) -> None:
        super().__init__(convert_charrefs=True)
        self.limits = (max_rows, max_columns)
        self.tables: list[MarkupTable] = []
        self.open: list[_OpenTable] = []
        """Tables being read, innermost last."""
        self.cell: list[str] | None = None
        self.cell_spans = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._end_cell()
            table = MarkupTable(str(len(self.tables) + 1), *self.limits)
            self.tables.append(table)
            self.open.append(_OpenTable(table))
        elif not self.open:
            return
        elif tag == "tr":
            self._end_cell()
            self.open[-1].next_row()
        elif tag in ("td", "th"):
            self._end_cell()
            attributes = dict(attrs)
            self.cell = []
            self.cell_spans = (
                _span(attributes.get("rowspan"), MAX_ROW_SPAN),
                _span(attributes.get("colspan"), MAX_COLUMN_SPAN),
            )
        elif tag in ("br", "p", "div", "li") and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            return
        if tag in ("td", "th", "tr"):
            self._end_cell()
        elif tag == "table":
            self._end_cell()
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def _end_cell(self) -> None:
        if self.cell is not None and self.open:
            self.open[-1].add(clean("".join(self.cell)), *self.cell_spans)
        self.cell = None


@dataclass
class _OpenTable:
    """A table being read: where the next cell goes, and down to which row the cells of rows above occupy
    each column (HTML places a row's cells in the columns these leave free)."""

    table: MarkupTable
    row: int = 0
    column: int = 0
    occupied: dict[int, int] = field(default_factory=dict)

    def next_row(self) -> None:
        self.row += 1
        self.column = 0

    def add(self, text: str, rows: int, columns: int) -> None:
        if self.row == 0:
            self.next_row()  # a cell before any <tr>, as browsers read it
        while self.occupied.get(self.column, 0) >= self.row:
            self.column += 1
        self.table.put(self.row, self.column, text, rows, columns)
        if rows > 1:
            for column in range(self.column, min(self.column + columns, self.table.max_columns)):
                self.occupied[column] = self.row + rows - 1
        self.column += columns


def spreadsheet_xml_sheets(text: str, max_rows: int, max_columns: int) -> list[MarkupTable]:
    """The worksheets of an XML Spreadsheet 2003: rows and cells may skip ahead (ss:Index), cells may span
    (ss:MergeAcross, ss:MergeDown), a worksheet may be hidden (x:Visible SheetHidden)."""
    root = ElementTree.fromstring(text)
    sheets: list[MarkupTable] = []
    for worksheet in root.iter(SS + "Worksheet"):
        table = MarkupTable(worksheet.get(SS + "Name", str(len(sheets) + 1)), max_rows, max_columns)
        table.hidden = any(
            element.tag.endswith("}Visible") and (element.text or "").strip() in ("SheetHidden", "SheetVeryHidden")
            for element in worksheet.iter()
        )
        row_number = 0
        for row in worksheet.iter(SS + "Row"):
            row_number = _index(row, row_number + 1)
            column = 0
            for cell in row.iter(SS + "Cell"):
                column = _index(cell, column + 1)
                data = cell.find(SS + "Data")
                text_of_cell = clean("".join(data.itertext())) if data is not None else ""
                across = min(_merge(cell, "MergeAcross"), MAX_COLUMN_SPAN - 1) + 1
                down = min(_merge(cell, "MergeDown"), MAX_ROW_SPAN - 1) + 1
                table.put(row_number, column - 1, text_of_cell, down, across)
                column += across - 1
        sheets.append(table)
    return sheets


def _merge(cell: ElementTree.Element, name: str) -> int:
    """How many more cells a cell of an XML Spreadsheet covers across or down (0: none)."""
    try:
        return max(0, int(cell.get(SS + name, 0)))
    except ValueError:
        return 0


def _index(element: ElementTree.Element, default: int) -> int:
    """The 1-based position an element says it is at (ss:Index), else the one after the previous."""
    try:
        return max(default, int(element.get(SS + "Index", default)))
    except ValueError:
        return default
