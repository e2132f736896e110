"""Text normalisation shared by the importer, the history store and name matching."""

import re
import unicodedata

LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"}
"""Letters Unicode does not decompose: "cœur" is written "coeur" on keyboards without the ligature."""
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
    """Comparison key: no case, accents, hyphens, format characters or extra blanks ("PÔLE-Emploi " is
    "pole emploi")."""
    text = str(text)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", visible(text))
        text = "".join(LIGATURES.get(c, c) for c in decomposed if not unicodedata.combining(c))
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
