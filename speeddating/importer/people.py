"""People's names as lists write them, printed the one way cards need: "Prénom Nom", capitals restored.

Lists write "NOM Prénom", "Prénom NOM", "Nom, Prénom", or two columns in either order. The family name
is recognised by its capitals (words in capitals at one end, the others in lower case) or by the comma;
without such a sign the order is kept as typed, unless the header asks for the family name first ("Nom et
prénom") and the column's marked names did so: then the unmarked ones are read that way too (a header alone
says nothing: people type either order), or every name is in capitals, which leaves the header the only sign.
A form of address before the name is left out ("Mme", "M.", "Monsieur", "Mr"...). Words typed all in capitals
or all in lower case get their capitals back ("LEMAIRE" -> "Lemaire", "LE GOFF" -> "Le Goff", "N'DIAYE" ->
"N'Diaye", "DE LA TOUR" -> "de La Tour"); a word already in mixed case is the person's own spelling and stays
("McCarthy", "de La Tour").
"""

from collections.abc import Iterable

PARTICLES = frozenset({"de", "du", "des", "d", "van", "von", "der", "den", "di", "da", "del", "della", "dos", "das"})
"""Lower case inside a name ("Jean de La Tour", "Ludwig van Beethoven"); "Le" and "La" keep their capital."""
APOSTROPHES = "'’"


HONORIFICS = frozenset(
    {"m", "mme", "mlle", "melle", "monsieur", "madame", "mademoiselle", "mr", "mrs", "ms", "miss", "mx"}
)
"""Forms of address a list writes before a name ("Mme Sophie LEMAIRE", "M. Karim Benali"): no part of the name
on a card, and two spellings of one person with and without them."""


def without_honorific(text: str) -> str:
    """The name without a form of address before it, when two words at least follow ("M. Karim Benali"; "M.
    Benali" stays, the M. perhaps an initial)."""
    words = text.split()
    if len(words) >= 3 and words[0].lower().rstrip(".") in HONORIFICS:
        return " ".join(words[1:])
    return text


SHORT_SURNAME_WORDS = PARTICLES | frozenset({"le", "la", "les", "el", "al", "ben", "ibn", "bin", "mac", "st", "ste"})
"""Two capitals are a family name's word only in these ("LE GOFF"); "JP" or "JB" are a first name's initials."""


def _shouted(word: str) -> bool:
    """A word typed in capitals: three letters or more, none lower case ("LEMAIRE", "N'DIAYE", not "J." or
    "JP"), or a short word of family names in capitals ("LE", "DE")."""
    letters = [char for char in word if char.isalpha()]
    if not letters or not all(char.isupper() for char in letters):
        return False
    return len(letters) >= 3 or (len(letters) == 2 and word.lower().strip("'’") in SHORT_SURNAME_WORDS)


def _uniform(word: str) -> bool:
    """Typed in capitals (see `_shouted`) or all in lower case: its case says nothing about how the person
    spells it. Two capitals stay: "JP" is a first name's initials."""
    if not all(char.isalpha() or char in "-.'’" for char in word):
        return False  # "<b>Bob</b>", "Anne2": not a plain name's word, left as typed
    letters = [char for char in word if char.isalpha()]
    return bool(letters) and (_shouted(word) or all(char.islower() for char in letters))


def _capitalise_part(part: str, inside: bool) -> str:
    """One hyphen-free part: "DIAYE" -> "Diaye"; a particle inside a name -> "de"; "N'DIAYE" -> "N'Diaye",
    "D'ALEMBERT" -> "d'Alembert" (inside a name)."""
    for apostrophe in APOSTROPHES:
        if apostrophe in part:
            head, _, tail = part.partition(apostrophe)
            lead = head.lower() if inside and head.lower() in PARTICLES else head.capitalize()
            return lead + apostrophe + _capitalise_part(tail, False)
    lower = part.lower()
    if inside and lower in PARTICLES:
        return lower
    return part[:1].upper() + part[1:].lower()


def capitalised(words: list[str], inside: bool) -> list[str]:
    """Words with their capitals restored where they were typed all in capitals or all in lower case.
    `inside`: these words follow others in the printed name, so a leading particle is lower case."""
    restored = []
    for position, word in enumerate(words):
        if not _uniform(word):
            restored.append(word)
            continue
        within = inside or position > 0
        restored.append(
            "-".join(_capitalise_part(part, within and index == 0) for index, part in enumerate(word.split("-")))
        )
    return restored


def _surname_split(words: list[str]) -> tuple[list[str], list[str]] | None:
    """(first names, family name) when capitals tell them apart: the words in capitals at one end are the
    family name, the others (with a lower-case letter) the first names."""
    shouted = [_shouted(word) for word in words]
    if all(shouted) or not any(shouted):
        return None
    leading = 0
    while shouted[leading]:
        leading += 1
    if leading and not any(shouted[leading:]):
        return words[leading:], words[:leading]
    trailing = len(words)
    while shouted[trailing - 1]:
        trailing -= 1
    if trailing < len(words) and not any(shouted[:trailing]):
        return words[:trailing], words[trailing:]
    return None


def display_name(text: str, family_first: bool = False) -> str:
    """A one-column name as printed: first names, then the family name. `family_first`: the column's other
    names put the family name first, so an unmarked "Martin Anne" is read the same way. A form of address
    before the name is left out ("Mme Sophie LEMAIRE" is "Sophie Lemaire")."""
    text = without_honorific(text)
    if text.count(",") == 1:
        last, first = (part.split() for part in text.split(","))
        if first and last:
            return join_name(" ".join(first), " ".join(last))
    words = text.split()
    if len(words) < 2:
        return " ".join(capitalised(words, False))
    split = _surname_split(words)
    if split is None:
        if family_first and len(words) == 2:
            return join_name(words[1], words[0])
        return " ".join(capitalised(words, False))
    first, last = split
    return join_name(" ".join(first), " ".join(last))


FAMILY_FIRST_SHARE = 0.8
"""Of the names whose capitals or comma show the order, this share at least must put the family name first
for the column's unmarked names to be read so."""


def family_name_first(names: Iterable[str]) -> bool:
    """Whether a one-column list writes the family name first ("ROYER Mathieu", "Benali, Karim"), as shown
    by the names whose capitals or comma tell (two at least, nearly all of them the same way)."""
    leading = trailing = 0
    for text in map(without_honorific, names):
        words = text.split()
        split = None if text.count(",") == 1 else _surname_split(words)
        if text.count(",") == 1 or (split is not None and split[1] == words[: len(split[1])]):
            leading += 1
        elif split is not None:
            trailing += 1
    shown = leading + trailing
    return shown >= 2 and leading >= FAMILY_FIRST_SHARE * shown


def typed_in_capitals(names: Iterable[str]) -> bool:
    """Whether a one-column list writes every name of two words or more all in capitals ("MARTIN ANNE"): then
    no name can show its order, and only the header can (a hand-kept list typed as its header says)."""
    written = [text.split() for text in map(without_honorific, names) if len(text.split()) >= 2]
    return bool(written) and all(_shouted(word) or not word.isalpha() for words in written for word in words)


def join_name(first: str, last: str) -> str:
    """First and family names from two cells (or a name cut in two), printed "Prénom Nom"."""
    first_words = capitalised(first.split(), False)
    last_words = capitalised(last.split(), bool(first_words))
    return " ".join([*first_words, *last_words])
