"""Text normalisation shared by the importer, the history store and name matching, and the spreadsheet's
names of columns (A, B... AA) that the importer's messages and the web page both show."""

import re
import unicodedata

LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"}
"""Letters Unicode does not decompose: "cœur" is written "coeur" on keyboards without the ligature."""
OTHER_LETTERS = {"ð": "d", "þ": "th", "ı": "i", "ȷ": "j", "ĸ": "k", "ŋ": "n"}
"""Latin letters without a base letter in their Unicode name, read as French and English lists sort them."""
_BASE_LETTER = re.compile(r"LATIN (?:SMALL|CAPITAL) LETTER ([A-Z]) WITH ")


def _base_letters() -> dict[int, str]:
    """Every Latin letter Unicode does not decompose, as the letter it is written with ("Ł" is "l", "Ø" is
    "o", "Đ" is "d", "Ħ" is "h": LATIN CAPITAL LETTER L WITH STROKE...), the ligatures and `OTHER_LETTERS`."""
    table: dict[int, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00), *range(0x2C60, 0x2C80), *range(0xA720, 0xA800)):
        char = chr(code)
        named = _BASE_LETTER.match(unicodedata.name(char, ""))
        if named and not unicodedata.decomposition(char):
            table[code] = named[1].lower()
    for letters in (LIGATURES, OTHER_LETTERS):
        table.update({ord(letter): base for letter, base in letters.items()})
        table.update({ord(letter.upper()): base for letter, base in letters.items() if not letter.upper().isascii()})
    return table


BASE_LETTERS = _base_letters()
_NAME_PUNCTUATION = re.compile(r"[.'’‘`´,]")


def visible(text: str) -> str:
    """The text without format characters (Unicode category Cf: zero-width spaces and joiners, soft
    hyphens, byte-order marks, direction marks), which print as nothing yet make two spellings differ."""
    text = str(text)
    if text.isascii():
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def clean(text: str) -> str:
    """Display form: NFC, no format characters, non-breaking and repeated blanks folded to one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", visible(text)).split())


def fold(text: str) -> str:
    """Comparison and sort key: no case, accents, hyphens, format characters or extra blanks ("PÔLE-Emploi " is
    "pole emploi"); letters with a stroke, ligatures and the like as their base letters, as French and English
    sort them ("Łukasz" with the L, "Øyvind" with the O, "Æsa" as "aesa", "Þóra" as "thora").

    One key for both on purpose: every list is sorted by it, and a person typed "Lukasz" on a keyboard without
    the Ł is the same person as "Łukasz", as "Zoe" is "Zoé". The identity keys of the history are folded too:
    its schema version 4 folded the stored ones again."""
    text = str(text)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", visible(text))
        text = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(BASE_LETTERS)
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


def printable(text: str) -> str:
    """`text` without control characters (a terminal would obey an escape sequence in a name): line breaks
    and tabs become spaces, the others go."""
    return "".join(
        " " if c in "\t\n\r\v\f" else c for c in text if c in "\t\n\r\v\f" or unicodedata.category(c) != "Cc"
    )


def person_key(name: str) -> str:
    """Who a name designates, whatever the order, case, accents or punctuation of its words:
    "ROYER Mathieu", "Royer, Mathieu" and "mathieu royer" are one key; "N'Diaye" is "ndiaye"."""
    return " ".join(sorted(_NAME_PUNCTUATION.sub("", fold(name)).split()))


def has_letter(text: str) -> bool:
    """Whether anything in `text` is a letter: a name of dots, digits or invisible characters names nobody."""
    return any(unicodedata.category(char).startswith("L") for char in text)


def word_set(text: str) -> frozenset[str]:
    """The blank-separated words of `text`, for vocabularies written as one string."""
    return frozenset(text.split())


def column_letter(index: int) -> str:
    """The spreadsheet's name for the column at 0-based `index`: A, B, ..., Z, AA, AB..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def column_index(letters: str) -> int | None:
    """The 0-based index of a column named by its letters ("C" -> 2), None when `letters` is not one."""
    if not re.fullmatch(r"[A-Za-z]{1,3}", letters):
        return None
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1
