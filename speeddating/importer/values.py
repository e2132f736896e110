"""What the cells of a registration export say beyond names: yes/no answers, attendance statuses, totals.

Every vocabulary is folded (no case, no accents) and compared on whole answers or their first word,
so "Oui, je serai présent(e)", "Not Attending", "Annulé" and "Remboursé" are all understood.
"""

import re
from collections.abc import Sequence
from enum import Enum

from speeddating.text import fold, word_set

EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
"""Only the obviously wrong: no @, two @, blanks, no dot in the domain. The email is the person's identity in the
history of past sessions, so an address that is none is never kept: the person is, without it (known by name and
organisation, as anyone without an address), with a warning; but a column where most are none was mislabelled
(phone numbers under "Courriel"), and the list is refused (`_mislabelled`)."""


def _phrases(text: str) -> frozenset[str]:
    return frozenset(phrase.strip() for phrase in text.split("|"))


def answer_key(value: str) -> str:
    """How an answer compares: folded, punctuation and parenthesised marks ("présent(e)") removed."""
    return " ".join(re.split(r"[^0-9a-z✓✔☑✗✘]+", fold(re.sub(r"\(.*?\)", " ", value)))).strip()


YES = _phrases("oui|yes|y|o|x|1|true|vrai|ok|✓|✔|☑|bien sur|tout a fait|absolument|checked|coche|cochee")
NO = _phrases("non|no|n|0|false|faux|aucun|aucune|rien|none|pas besoin|sans objet|na|n a|nc|✗|✘|unchecked|non coche")
"""Yes and no as people and tools write them; a checkbox exported as text is one too (Airtable: "checked")."""


CLEAR_ANSWERS = _phrases("oui|non|yes|no|x|vrai|faux|true|false")


CHECKBOX_TICKED = _phrases("checked")
"""How a database exports a ticked checkbox (Airtable), an unticked one being empty: a word no person types, so an
empty cell of such a column is a checkbox left unticked, not a question left unanswered."""


def ticked_checkbox(value: str) -> bool:
    return answer_key(value) in CHECKBOX_TICKED


def says_yes(value: str) -> bool:
    """A plain yes ("Oui", "x", "1", "checked"), as a flag column holds one."""
    return answer_key(value) in YES


def is_answer(value: str) -> bool:
    """A yes/no answer, not a name (a column of them answers a question, as "Inscrit ?" does)."""
    return answer_key(value) in CLEAR_ANSWERS


class Attendance(Enum):
    COMES = "comes"
    ABSENT = "absent"
    PENDING = "pending"


ATTENDANCE_VALUES: dict[Attendance, frozenset[str]] = {
    Attendance.COMES: YES
    | _phrases(
        "present|presente|presents|presentes|confirme|confirmee|valide|validee|paye|payee|inscrit|inscrite|"
        "attending|checked in|check in|registered|confirmed|paid|complete|completed|approved|accepted|"
        "presentiel|en presentiel|sur place|participe|je participe|je viens|je serai present|je serai la|"
        "vient|viendra|sera present|sera la|accepte|acceptee|participant|participante|enregistre|enregistree"
    ),
    Attendance.ABSENT: NO
    | _phrases(
        "absent|absente|absents|absentes|excuse|excusee|annule|annulee|annulation|cancelled|canceled|"
        "rembourse|remboursee|remboursement|refunded|refund|not attending|deleted|supprime|supprimee|"
        "transferred|transfere|transferee|desiste|desistee|desistement|ne participe pas|ne vient pas|"
        "ne viendra pas|distanciel|en distanciel|a distance|visio|en visio|visioconference|en ligne|remote|"
        "online|refuse|refusee|declined|no show|abandonne|abandonnee|expire|expired|failed|echoue|rejete|"
        "rejetee|denied|rejected|refused|not approved"
    ),
    Attendance.PENDING: _phrases(
        "en attente|pending|liste d attente|waitlist|waiting list|wait list|en cours|a confirmer|peut etre|"
        "maybe|incertain|not checked in|non pointe"
    ),
}
"""Answers of attendance and status columns ("Présent", Eventbrite's "Attendee Status", HelloAsso's
"Statut de la commande", Zoom's "Approval Status": a registration denied is no seat). Taking part from a
distance is not taking a seat at a table."""


CANCELLED = ATTENDANCE_VALUES[Attendance.ABSENT] - NO
"""Answers only a status or attendance column holds ("Annulé", "Remboursé", "Not Attending"), unlike a bare no."""


def cancels(value: str) -> bool:
    """Whether the answer says in so many words that the person does not come (a cancellation, a refund...)."""
    return answer_key(value) in CANCELLED


def attendance(value: str) -> Attendance | None:
    """What an attendance answer says, None when it is not an answer we know."""
    key = answer_key(value)
    if not key:
        return None
    for kind, phrases in ATTENDANCE_VALUES.items():
        if key in phrases:
            return kind
    first = key.split()[0]
    if first in ("oui", "yes"):
        return Attendance.COMES
    if first in ("non", "no"):
        return Attendance.ABSENT
    return None


MOBILITY_WORDS = word_set(
    "fauteuil roulant assis assise pmr mobilite reduite canne cannes bequille bequilles marcher marche debout "
    "deambulateur wheelchair seated sitting walk walking crutches mobility"
)


def seated_answer(value: str) -> bool | None:
    """Whether an answer to a question about staying seated or mobility means the person stays seated:
    yes/no, or a free answer such as "fauteuil roulant" or "j'ai du mal à rester debout" (yes)."""
    key = answer_key(value)
    if not key:
        return None
    if key in YES:
        return True
    if key in NO:
        return False
    first = key.split()[0]
    if first in ("oui", "yes"):
        return True
    if first in ("non", "no"):
        return False
    if set(key.split()) & MOBILITY_WORDS:
        return True
    return None


NUMERIC = re.compile(r"[\s\d.,:;/+\-−–€$£%#()hHTZ]+")


def is_numeric(value: str) -> bool:
    """A number, an amount, a date or a time rather than words ("1234567035", "12/03/2024 09:15", "25,00 €")."""
    return bool(re.search(r"\d", value)) and bool(NUMERIC.fullmatch(value))


EMAIL_PLACEHOLDERS = _phrases("anonymous|anonyme|aucun|aucune|none|nc|non communique|na|n a|inconnu|unknown")
"""What forms write where no address was collected (Microsoft Forms: "anonymous")."""


MAILBOX = re.compile(r"(?P<name>[^<>@]*[^<>@\s])\s*<(?P<address>[^<>@\s]+@[^<>@\s]+)>")
"""A name with its address, as a mail program copies a recipient: "Anne Martin <anne.martin@example.org>"."""


def mailbox(value: str) -> tuple[str, str] | None:
    """(the name, the address) of a recipient copied from a mail program, None for any other value."""
    found = MAILBOX.fullmatch(value)
    return (found["name"].strip("\"' "), found["address"]) if found else None


def without_address(value: str) -> str:
    """A name cell as the name alone: "Anne Martin <anne.martin@example.org>" is "Anne Martin"."""
    found = mailbox(value)
    return found[0] if found else value


LINKED_RECORD = re.compile(r"\s*\((?:https?://|www\.)[^()\s]*\)")
"""The address a database export writes after a linked record's name: Notion's "France Travail
(https://www.notion.so/France-Travail-3f2a...)"."""


def without_links(value: str) -> str:
    """A cell as its reader sees it, without the addresses of the records it links to."""
    return LINKED_RECORD.sub("", value).strip()


def email_placeholder(value: str) -> bool:
    return not answer_key(value) or answer_key(value) in EMAIL_PLACEHOLDERS


UNKNOWN_ORGANISATION = _phrases("na|n a|nc|n c|non communique|non renseigne|inconnu|inconnue|unknown|tbc|a preciser")
"""What people write where they do not give their organisation ("N/A", "NC"): no organisation, not one
called "NA" that would make its writers colleagues."""


def organisation_placeholder(value: str) -> bool:
    return not answer_key(value) or answer_key(value) in UNKNOWN_ORGANISATION


OTHER_ANSWERS = _phrases("autre|autres|other|others")
"""The choice "Autre" of a form's list of organisations ("Autre (précisez)", "Other"): the organisation is the text
given beside it, never one called "Autre" that would make everyone who chose it colleagues."""


def other_answer(value: str) -> bool:
    return answer_key(value) in OTHER_ANSWERS


SUMMARY_WORDS = re.compile(
    r"^(total|totaux|sous total|grand total|nombre|nb|nbre|effectif|effectifs|count|somme|sum|"
    r"nombre de participants|nombre d inscrits|total participants|total inscrits)\b"
)
NOTE_WORDS = re.compile(
    r"^(note|notes|nb|n b|remarque|remarques|rappel|attention|legende|source|mise a jour|maj|liste arretee|"
    r"important|info|information|a noter|pour info)\b"
)
NOTE_MIN_WORDS = 6
FORMULA = re.compile(r"=\s*([A-Za-z][A-Za-z.]*\(|\$?[A-Z]{1,3}\$?\d+)")
"""A formula left as text ("=NB.SI(C2:C40;\"oui\")", "=B3+B4"), as a CSV export writes an unevaluated one."""


def summary_row(cells: tuple[str, ...]) -> bool:
    """A row of totals or counts, not a person: "Total" (or "Nombre", "Effectif"...) first, numbers and a
    formula only, or nothing but numbers."""
    filled = [cell for cell in cells if cell]
    if not filled:
        return False
    if any(FORMULA.match(cell) for cell in filled):
        return True
    if all(is_numeric(cell) for cell in filled):
        return True
    first = answer_key(filled[0])
    return bool(SUMMARY_WORDS.match(first)) and all(is_numeric(cell) or not answer_key(cell) for cell in filled[1:])


def note_row(cells: tuple[str, ...]) -> bool:
    """A line of text left in the list for its readers ("NB : liste arrêtée au 10 mars", "* en attente
    de confirmation"): one cell, a note's first word or mark, or a sentence rather than a name; or every
    cell in parentheses, as the instructions a template writes under its header."""
    filled = [cell for cell in cells if cell]
    if filled and all(cell.startswith("(") and cell.endswith(")") for cell in filled):
        return True  # instructions under the header: "(en majuscules)", "(sigle accepté)"
    if len(filled) != 1:
        return False
    text = filled[0]
    return (
        text.startswith(("*", "(", "//", "#"))
        or bool(NOTE_WORDS.match(answer_key(text)))
        or (len(text.split()) >= NOTE_MIN_WORDS)
    )


NUMBER_WITHOUT_ZERO = re.compile(r"[1-9]\d{8}")
"""A French number (ten digits from 0) read as a number: 0612345678 became 612345678."""
NUMBER_WITHOUT_PLUS = re.compile(r"33[1-9]\d{8}")
"""A French number in international form read as a number: +33612345678 became 33612345678."""
OTHER_COUNTRY = re.compile(r"^\s*(?:\+|00)(?!33)\d")


def phones_as_typed(values: Sequence[str]) -> list[str]:
    """A phone column as its people typed it, where a spreadsheet read their French numbers as numbers and
    dropped the leading 0 (or the + of +33): "612345678" is "0612345678". Nine digits are a French number only
    in a French list: when any number of the column has another country's code (+34, 0049...), where nine
    digits may be a whole number (a Spanish mobile), every value stays as written, as do all other values."""
    if any(OTHER_COUNTRY.match(value) for value in values):
        return list(values)
    return [
        "0" + value
        if NUMBER_WITHOUT_ZERO.fullmatch(value)
        else "+" + value
        if NUMBER_WITHOUT_PLUS.fullmatch(value)
        else value
        for value in values
    ]


POSTAL_CODE_WITHOUT_ZERO = re.compile(r"[1-9]\d{3}")
"""A French postal code of departments 01 to 09 read as a number: 06000 became 6000."""
FRENCH_POSTAL_CODE = re.compile(r"\d{2} ?\d{3}")


def postal_codes_as_typed(values: Sequence[str]) -> list[str]:
    """A postal-code column as its people typed it, where a spreadsheet read the codes as numbers and dropped
    the leading 0: "6000" is "06000" (Nice). Only in a column of French codes: every filled value four or five
    digits, some of them five. A column with anything else ("B-1000", "1000 Bruxelles", "2A004"), or of four
    digits only, as Belgian, Swiss or Luxembourg codes are, stays as written."""
    filled = [value for value in values if value]
    if not any(FRENCH_POSTAL_CODE.fullmatch(value) for value in filled) or not all(
        FRENCH_POSTAL_CODE.fullmatch(value) or POSTAL_CODE_WITHOUT_ZERO.fullmatch(value) for value in filled
    ):
        return list(values)
    return ["0" + value if POSTAL_CODE_WITHOUT_ZERO.fullmatch(value) else value for value in values]
