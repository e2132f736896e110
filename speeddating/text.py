"""Text normalisation shared by the importer, the history store and name matching."""

import unicodedata


def clean(text: str) -> str:
    """Display form: NFC, non-breaking and repeated blanks folded to one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


def fold(text: str) -> str:
    """Comparison key: no case, accents, hyphens or extra blanks ("PÔLE-Emploi " == "pole emploi")."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("-", " ").replace("_", " ").split())


def printable(text: str) -> str:
    """`text` without control characters (a terminal would obey an escape sequence in a name): line breaks
    and tabs become spaces, the others go."""
    return "".join(
        " " if c in "\t\n\r\v\f" else c for c in text if c in "\t\n\r\v\f" or unicodedata.category(c) != "Cc"
    )
