"""Which encoding a text file is in, when it does not say, and text an earlier wrong reading garbled.

No messages here: `reading` words what the organiser is told. Measured on French lists before choosing
(benchmarks/RESULTS.md, "Fourth round"): charset-normalizer read most Windows-1252 lists of French names as
Central European (cp1250: "Hélène" as "Hélčne") and no one-person Mac Roman list right, so the choice between
the two Western single-byte encodings is ours, by how the letters read; the repair of mojibake is ftfy's.
"""

import re
import unicodedata

SINGLE_BYTE_ENCODINGS = ("cp1252", "mac_roman")
"""What Excel writes as "CSV" on Windows, and as "CSV Macintosh" on a Mac (Excel 2011 and older)."""
UTF16_SAMPLE_BYTES = 4096
UTF16_ZERO_SHARE = 0.3
"""UTF-16 text in a Latin script has a zero byte in every other position (the high byte of each letter)."""
UTF16_STRAY_SHARE = 0.02
"""... and almost none in the others, unlike a binary file, which has zeros everywhere."""
NOT_IN_NAMES = frozenset("ƒ")
"""A letter to Unicode but a currency sign in practice (the florin): Windows-1252's reading of Mac Roman's "É"."""
WORD_WITH_NON_ASCII = re.compile(r"[^\s!-/:-@\[-`{-~]*[^\x00-\x7f][^\s!-/:-@\[-`{-~]*")
"""A run of characters between blanks and ASCII punctuation, holding one outside ASCII."""


def _letter(char: str) -> bool:
    """A Latin letter with a case: Mac Roman's Greek letters (π, Ω) and the florin count as symbols."""
    return (char.islower() or char.isupper()) and char not in NOT_IN_NAMES and "LATIN" in unicodedata.name(char, "")


def _reads_as_a_word(word: str) -> bool | None:
    """Whether a word reads as words are written: letters and digits only, in small letters, in capitals, or
    with a capital first (each part between apostrophes: "d’Orientation"); None for a word without letters
    ("€", "–"), which says nothing."""
    if not any(_letter(char) for char in word):
        return None
    for part in word.split("’"):
        if not all(_letter(char) or char.isdigit() for char in part):
            return False
        letters = [char for char in part if char.isalpha()]
        if letters and not (
            all(char.islower() for char in letters)
            or all(char.isupper() for char in letters)
            or (letters[0].isupper() and all(char.islower() for char in letters[1:]))
        ):
            return False
    return True


def plausibility(text: str) -> int:
    """How much the words holding characters outside ASCII read like words (`_reads_as_a_word`): +1 for each
    that does, -1 for each that does not. Windows-1252 read as Mac Roman turns small accented letters into
    capitals and symbols ("PrÈnom", "Fran‡ois"), Mac Roman read as Windows-1252 too ("PrŽnom", "P™le"):
    the right reading scores higher."""
    score = 0
    for match in WORD_WITH_NON_ASCII.finditer(text):
        word = _reads_as_a_word(match.group())
        if word is not None:
            score += 1 if word else -1
    return score


def single_byte_encoding(data: bytes) -> str | None:
    """Windows-1252 or Mac Roman, whichever reads `data` more like words (Windows-1252 on a tie, and where Mac
    Roman reads no better than nonsense); None when neither does (a byte Windows-1252 leaves undefined in a
    text that Mac Roman garbles)."""
    scores: dict[str, int] = {}
    for encoding in SINGLE_BYTE_ENCODINGS:
        try:
            scores[encoding] = plausibility(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    mac = scores["mac_roman"]
    if "cp1252" in scores:
        return "mac_roman" if mac > scores["cp1252"] else "cp1252"
    return "mac_roman" if mac >= 0 else None


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when `data` looks like UTF-16 without its byte-order mark (a zero byte in
    every other position of its start, and none in the others), else None."""
    sample = data[:UTF16_SAMPLE_BYTES]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= UTF16_ZERO_SHARE * half and even <= UTF16_STRAY_SHARE * half:
        return "utf-16-le"
    if even >= UTF16_ZERO_SHARE * half and odd <= UTF16_STRAY_SHARE * half:
        return "utf-16-be"
    return None


def _mojibake_pattern() -> re.Pattern[str]:
    """The first two characters of a UTF-8 letter read as Windows-1252, Mac Roman or Latin-1 ("Ã©", "√©"): a
    cell without such a pair cannot be mojibake, and ftfy (slow to import) is not called for it."""
    leads: set[str] = set()
    continuations: set[str] = set()
    for encoding in ("cp1252", "mac_roman", "latin-1"):
        leads.update(bytes(range(0xC2, 0xF5)).decode(encoding, errors="ignore"))
        continuations.update(bytes(range(0x80, 0xC0)).decode(encoding, errors="ignore"))
    pair = f"[{re.escape(''.join(sorted(leads)))}][{re.escape(''.join(sorted(continuations)))}]"
    return re.compile(pair + "|Ã ")  # "Ã " is "à" whose second byte, a non-breaking space, became a space


MOJIBAKE = _mojibake_pattern()
BLANKS = frozenset(" \xa0")


def repaired(text: str) -> str:
    """`text` with the accents an earlier wrong reading garbled put back ("PÃ´le emploi" -> "Pôle emploi": a UTF-8
    file once opened as Windows-1252 and saved again), by ftfy, which changes only sequences that cannot be
    text as written: "João", "CONCEIÇÃO" and "Łukasz" stay. A repair that only takes characters away ("Â A" as
    a non-breaking space and "A") is not one: the text stays."""
    if text.isascii() or not MOJIBAKE.search(text):
        return text
    import ftfy  # only a cell that may be garbled needs it (a quarter of a second to import)

    fixed = unicodedata.normalize("NFC", ftfy.fix_encoding(text))
    added = set(fixed) - set(text) - BLANKS
    return fixed if added and all(_garbled_in_a_latin_list(char) for char in added) else text


def _garbled_in_a_latin_list(char: str) -> bool:
    """What a repair may bring back in a list of Latin names: an accented letter, a typographic sign (’ « » –)
    or a currency sign (€). "ÎŸ", as typed, is also the mojibake of the Greek capital omicron: a repair that
    would turn text into another script is more likely a misreading than the list's own writing."""
    return "LATIN" in unicodedata.name(char, "") or unicodedata.category(char) in {
        "Pd",
        "Pi",
        "Pf",
        "Po",
        "Ps",
        "Pe",
        "Sc",
    }
