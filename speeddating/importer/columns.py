"""Which column holds what, recognised by meaning rather than by exact spelling.

Registration tools name their columns after the questions asked ("Quelle est votre structure ?",
"Votre nom", "Adresse de messagerie", "Nom participant", "First Name"...). A header is cut into
words (folded, plurals and the gender mark "(e)" dropped) and each role looks for its words:

- identifiers, dates, amounts, tickets, orders, phones, addresses are never a name, an organisation
  or an email, whatever else the header says ("Attendee #", "Numéro de billet", "Nom du tarif");
- where several columns could play one role, the participant's own wins over the payer's or the
  respondent's account ("Nom participant" over "Nom payeur", "Votre nom" over Microsoft Forms'
  "Nom"), a well-filled column over a mostly empty one, then the most specific word
  ("Structure" over "Service"), then the leftmost column;
- a column of attendance ("Présent", "Attendee Status", "Statut de la commande") or of staying
  seated ("Avez-vous besoin de rester assis(e) ?", "PMR", "Fauteuil roulant") is recognised by its
  header and confirmed by its values (yes/no, attending/cancelled...).

`--columns` names any role's column by its header or letter, overriding all of this.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import count

from speeddating.i18n import N_, t, t_plural
from speeddating.importer.reading import (
    Advice,
    Row,
    Sheet,
    quoted,
    quoted_list,
    refuse,
    worded,
)
from speeddating.importer.values import (
    EMAIL_PATTERN,
    answer_key,
    attendance,
    cancels,
    is_answer,
    is_numeric,
    says_yes,
    seated_answer,
    without_address,
)
from speeddating.organisations import email_domain, find_network, words_of
from speeddating.text import column_index, column_letter, fold, has_letter

HEADER_SEARCH_ROWS = 20
"""Title rows above the header are skipped, but only this far down: a header lower than this is a mistake."""
VALUE_SAMPLE_ROWS = 300
MOSTLY_FILLED = 0.5
CONFIRMED_BY_VALUES = 0.8
PERSON_NAME_MAX_WORDS = 5
"""The most words a person's name takes ("Marie-Claire de La Tour Dupont" is five), honorific included."""


class Role(Enum):
    FULL_NAME = "full_name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    ORGANISATION = "organisation"
    EMAIL = "email"
    STAYS_SEATED = "stays_seated"
    ATTENDING = "attending"

    @property
    def option(self) -> str:
        """The role's name in --columns: name, first, last, organisation, email, stays-seated, attending."""
        return OPTION_NAMES[self]


NAME_ROLES = (Role.FULL_NAME, Role.FIRST_NAME, Role.LAST_NAME)
EXAMPLE_HEADERS: Mapping[Role, str] = {Role.FULL_NAME: N_("Name"), Role.ORGANISATION: N_("Organisation")}
"""A header the importer recognises, to suggest for a column the list lacks."""
NAME_THE_COLUMN: Advice = (
    N_('Rename the column, or say which one it is: --columns "{option}"'),
    N_("Rename the column, or choose it under Columns used."),
)
SAY_WHICH_IS_WHICH: Advice = (
    N_('say which column is which, for example --columns "{option}"'),
    N_("say which column is which under Columns used"),
)
SHOWN_VALUES = 3
WRONG_VALUES: Mapping[Role, str] = {
    Role.FULL_NAME: N_(
        "Column {column} has the right header, but its values ({values}) are numbers, addresses or yes/no answers, "
        "not names: write each person's name there."
    ),
    Role.ORGANISATION: N_(
        "Column {column} has the right header, but its values ({values}) are numbers, addresses or yes/no answers, "
        "not organisations: write each person's organisation there."
    ),
}
"""What to do with a column headed as a name or an organisation whose values (SHOWN_VALUES of them quoted) are
neither."""
OPTION_NAMES: Mapping[Role, str] = {
    Role.FULL_NAME: "name",
    Role.FIRST_NAME: "first",
    Role.LAST_NAME: "last",
    Role.ORGANISATION: "organisation",
    Role.EMAIL: "email",
    Role.STAYS_SEATED: "stays-seated",
    Role.ATTENDING: "attending",
}
OVERRIDE_NAMES: Mapping[str, Role] = {
    **{name: role for role, name in OPTION_NAMES.items()},
    "organization": Role.ORGANISATION,
    "mail": Role.EMAIL,
    "seated": Role.STAYS_SEATED,
    "present": Role.ATTENDING,
}


def _stem(word: str) -> str:
    """Plural and feminine endings off, so that "structures", "prénoms" and "inscrites" find their word."""
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    return word


def _stems(words: str) -> frozenset[str]:
    return frozenset(_stem(word) for word in words.split())


PHONE_WORDS = _stems("telephone phone tel portable mobile gsm cellulaire fax")
"""Words of a phone number's header ("Téléphone portable", "Tél.", "Phone number")."""
POSTAL_CODE_WORDS = _stems("codepostal cp postalcode postcode zip zipcode")
"""Words of a postal code's header, once "code postal" and "postal code" are joined (see PAIRS)."""
DATE_WORDS = _stems(
    "date heure time horodateur horodatage timestamp startdate datestamp submitdate duree duration minute min"
)
"""Words of a date's, a time's or a duration's header: "Date de validation", "Heure d'émargement" or a webinar
tool's "Attendance duration (min)" holds when or how long, not whether."""
EXCLUDED = (
    PHONE_WORDS
    | POSTAL_CODE_WORDS
    | DATE_WORDS
    | _stems(
        "id identifiant # n no num numero number nr ref reference code "
        "montant amount prix price tarif total paid payer fee frai quantite quantity qty billet ticket commande order "
        "barcode iban adresse address postal cp ip uid sid serial score duree duration age naissance birth sexe gender "
        "civilite prefix suffix commentaire comment remarque message formule moyen paiement payment promo reduction "
        "coupon devise currency lien url website siteweb siteinternet login username useragent utilisateur pseudo "
        "compte draft "
        "brouillon soumission submission submitted completed complete modified modification statut status type "
        "categorie category ville city town pays country region langue language startlanguage lastpage seed token "
        "refurl ipaddr"
    )
)
"""Words of headers whose column is never a name, an organisation or an email (LimeSurvey's own columns among
them: startlanguage, lastpage, seed...)."""
EMAIL_WORDS = _stems("email mail courriel messagerie mel")
ADDRESS_WORDS = _stems("adresse address")
"""An address is never a name or an organisation, but "Adresse e-mail" is an email."""
FIRST_WORDS = _stems("prenom firstname forename givenname")
LAST_WORDS = _stems("nom lastname surname familyname")
FULL_WORDS = _stems("name fullname nomcomplet participant attendee inscrit identite personne person")
PERSON_WORDS = _stems(
    "contact interlocuteur interlocutrice agent collaborateur collaboratrice referent referente intervenant "
    "intervenante salarie salariee"
)
"""Headers naming a person without saying which of their details the column holds: a "Contact" may be each
person's name, address or phone number. Its values decide (see `_held_by`), and only where no other column's header
names the name or the address."""
SITE_WORDS = _stems("site")
"""A workplace ("Site": the agency, the town) is the organisation where no column names one; a website's
address is not (see `_held_by`)."""
ORGANISATION_WORDS: Mapping[str, int] = {
    _stem(word): rank
    for rank, words in enumerate(
        (
            "direction departement",
            "service agence agency antenne",
            "affiliation business",
            "partenaire administration raisonsociale entite denomination",
            "association collectivite institution",
            "etablissement etab etabl employeur employer entreprise company societe",
            "structure struct organisme organisation organization orga",
        ),
        start=1,
    )
    for word in words.split()
}
"""The organisation's words, the most specific ranked highest: "service" is often a department of the structure.
Survey tools' short variable names count too (Sphinx: "STRUCT", "ORGA", "ETAB"; not "org", a domain's end)."""
PARTICIPANT_WORDS = _stems("participant participante attendee inscrit votre vos your beneficiaire invite guest")
ACCOUNT_WORDS = _stems(
    "payeur payeuse acheteur acheteuse buyer purchaser facturation billing commanditaire repondant respondent "
    "responsable"
)
"""The payer's or the respondent's columns: used only when the participant has none of their own."""
SEATED_WORDS = _stems("assis assise seated seat mobilite mobility pmr accessibilite accessibility fauteuil wheelchair")
ATTENDING_WORDS = _stems(
    "present presente presence statut status etat venue confirmation confirme emargement attendance attending attend "
    "checkin come coming venir venez viens vient"
)
ATTENDING_VERBS = ("particip", "viendr", "valid")
"""Beginnings of the French words a form asks or a ticketing tool tells attendance with, in any person and tense
("Je participerai", "Viendrez-vous ?", "Participation", Billetweb's "Valide" Oui/Non, "Inscription validée"); the
participant themselves ("Nom du participant") is not one."""


def _asks_attendance(words: set[str]) -> bool:
    """Whether a header asks if the person comes; a date's ("Date de validation", "Heure d'émargement") tells when
    they registered or arrived, a duration's ("Attendance duration") how long they stayed, not whether they come."""
    if words & DATE_WORDS:
        return False
    return bool(words & ATTENDING_WORDS) or any(
        word.startswith(ATTENDING_VERBS) and word not in PARTICIPANT_WORDS for word in words
    )


PAIRS = {
    ("e", "mail"): "email",
    ("adresse", "electronique"): "email",
    ("first", "name"): "firstname",
    ("given", "name"): "givenname",
    ("last", "name"): "lastname",
    ("family", "name"): "familyname",
    ("full", "name"): "fullname",
    ("nom", "complet"): "nomcomplet",
    ("raison", "sociale"): "raisonsociale",
    ("check", "in"): "checkin",
    ("user", "name"): "username",
    ("user", "agent"): "useragent",
    ("site", "web"): "siteweb",
    ("site", "internet"): "siteinternet",
    ("code", "postal"): "codepostal",
    ("postal", "code"): "postalcode",
    ("zip", "code"): "zipcode",
}
"""Two words that mean one thing together ("E-mail", "First Name", "Raison sociale")."""


def header_words(header: str) -> list[str]:
    """The words of a header as compared: folded, parenthesised parts ("assis(e)", "(facultatif)"), a form's
    recalled answers ("{{field:prenom}}", Typeform's) and punctuation removed, plurals dropped, pairs such as
    "e mail" or "first name" joined."""
    text = fold(re.sub(r"\(.*?\)|\{\{.*?\}\}", " ", header)).replace("#", " # ").replace("°", " ")
    words = [word for word in re.split(r"[^0-9a-z#]+", text) if word]
    joined: list[str] = []
    for word in words:
        if joined and (joined[-1], word) in PAIRS:
            joined[-1] = PAIRS[joined[-1], word]
        else:
            joined.append(word)
    return [_stem(word) for word in joined]


SUBMISSION_WORDS = _stems("soumission submit submitted submission envoi")


def is_submission_date(header: str) -> bool:
    """The date a survey tool writes when a response is sent ("submitdate", "Date de soumission", "Submit Date
    (UTC)"): empty on the responses left unfinished, which LimeSurvey and Typeform export with the others."""
    words = set(header_words(header))
    return "submitdate" in words or ("date" in words and bool(words & SUBMISSION_WORDS))


DRAFT_WORDS = _stems("draft brouillon")


def is_draft_flag(header: str) -> bool:
    """Whether a column says a response is a draft never sent ("Brouillon" of Framaforms and Drupal's Webform,
    "Draft", "Is draft"), rather than when it was sent."""
    return bool(set(header_words(header)) & DRAFT_WORDS)


EVENT_WORDS = _stems("evenement event manifestation seance session webinaire webinar")
EVENT_LABEL_WORDS = EVENT_WORDS | _stems("nom name intitule titre title date de du d l la le the of")


def is_event_label(header: str) -> bool:
    """Whether a column names the event each row registers for ("Événement", "Event Name", "Séance", "Date de
    l'événement"): a label, not a question asked about one ("Comment avez-vous connu l'événement ?")."""
    words = set(header_words(header))
    return bool(words & EVENT_WORDS) and words <= EVENT_LABEL_WORDS


ABSENCE_WORDS = _stems("excuse absent absence desiste desistement annule annulation empeche")


def is_absence_flag(header: str) -> bool:
    """Whether a column's tick says the person does not come ("Excusé(e)", "Absent", "Désistement"), beside or
    instead of one saying who comes; the date of a cancellation says when, not who."""
    words = set(header_words(header))
    return bool(words & ABSENCE_WORDS) and not words & DATE_WORDS


def asks_family_name_first(header: str) -> bool:
    """A one-column name header naming the family name before the first name ("Nom et prénom", "NOM
    Prénom"): the column may be written that way throughout."""
    words = header_words(header)
    last = next((index for index, word in enumerate(words) if word in LAST_WORDS), None)
    first = next((index for index, word in enumerate(words) if word in FIRST_WORDS), None)
    return last is not None and first is not None and last < first


SUB_LABEL = re.compile(r"(?P<field>.*?\S)\s*(?:\((?P<inside>[^()]+)\)|\s[-–]\s+(?P<after>.+))")
"""A form tool's field split into parts, each a column: "Name (First)" (Gravity Forms), "Nom - Prénom" (Jotform)."""
PART_FIRST_WORDS = FIRST_WORDS | _stems("first given")
PART_LAST_WORDS = LAST_WORDS | _stems("last family")
PART_OTHER_WORDS = _stems("middle prefix suffix initial title civilite")
FIELD_LINKS = frozenset({"de", "du", "d", "des", "la", "le", "l", "of", "the"})
"""Small words of a split field's label ("Nom du participant - Prénom")."""


def _name_part(header: str) -> frozenset[Role] | None:
    """The name roles a part of a split name field allows ("Name (First)": the first name, "Nom - Nom de famille":
    the last, "Name (Middle)": none), None when the header is no such part: its field is no name ("Prénom
    (facultatif)") or its part says nothing of one ("Nom (en majuscules)", "Participant(e)")."""
    found = SUB_LABEL.fullmatch(header.strip())
    if not found:
        return None
    field_words = set(header_words(found["field"]))
    if not field_words - FIELD_LINKS or not field_words <= FULL_WORDS | LAST_WORDS | PARTICIPANT_WORDS | FIELD_LINKS:
        return None
    part = set(header_words(found["inside"] or found["after"]))
    if part & PART_FIRST_WORDS and part & PART_LAST_WORDS:
        return frozenset({Role.FULL_NAME})
    if part & PART_FIRST_WORDS:
        return frozenset({Role.FIRST_NAME})
    if part & PART_LAST_WORDS:
        return frozenset({Role.LAST_NAME})
    return frozenset() if part & PART_OTHER_WORDS else None


@dataclass(frozen=True)
class Candidate:
    """A role a header could play, with what decides between columns competing for it."""

    role: Role
    specificity: int = 0
    participant: bool = False
    account: bool = False
    by_values: bool = False
    """The header names a person, not this role ("Contact"): the values must show it, and a column whose header
    names the role outright wins."""


def candidates(header: str) -> list[Candidate]:
    """The roles a header's words allow, before the values are looked at."""
    words = set(header_words(header))
    if not words:
        return []
    participant = bool(words & PARTICIPANT_WORDS)
    account = bool(words & ACCOUNT_WORDS)
    found = []
    if words & SEATED_WORDS:
        found.append(Candidate(Role.STAYS_SEATED))
    if _asks_attendance(words):
        found.append(Candidate(Role.ATTENDING))
    if words & EMAIL_WORDS:
        if not words & (EXCLUDED - ADDRESS_WORDS):
            found.append(Candidate(Role.EMAIL, participant=participant, account=account))
        return found
    if words & EXCLUDED:
        return found
    organisation = max((ORGANISATION_WORDS.get(word, 0) for word in words), default=0)
    extra = len(words - set(ORGANISATION_WORDS) - PARTICIPANT_WORDS)
    part = _name_part(header)
    if organisation:
        found.append(Candidate(Role.ORGANISATION, organisation * 10 - extra, participant, account))
    elif words & SITE_WORDS:
        found.append(Candidate(Role.ORGANISATION, participant=participant, account=account, by_values=True))
    elif part is not None:
        found.extend(Candidate(role, participant=participant, account=account) for role in part)
    elif words & FIRST_WORDS and words & LAST_WORDS:
        found.append(Candidate(Role.FULL_NAME, participant=participant, account=account))
    elif words & FIRST_WORDS:
        found.append(Candidate(Role.FIRST_NAME, participant=participant, account=account))
    elif words & LAST_WORDS:
        found.append(Candidate(Role.LAST_NAME, participant=participant, account=account))
    elif words & FULL_WORDS:
        found.append(Candidate(Role.FULL_NAME, participant=participant, account=account))
    elif words & PERSON_WORDS:
        found.extend(
            Candidate(role, participant=participant, account=account, by_values=True)
            for role in (Role.FULL_NAME, Role.EMAIL)
        )
    return found


def is_header_cell(cell: str) -> bool:
    """A cell that reads as a column title: it names a role or is a word never found in a person's row."""
    return bool(candidates(cell)) or bool(set(header_words(cell)) & EXCLUDED)


def _has_person(headers: Sequence[str], by_values: bool = True) -> tuple[bool, bool]:
    """(a name column, an organisation column) among these headers, by their words alone; `by_values`, counting
    the headers whose values decide ("Contact", "Site")."""
    roles = {
        candidate.role for header in headers for candidate in candidates(header) if by_values or not candidate.by_values
    }
    return bool(roles & set(NAME_ROLES)), Role.ORGANISATION in roles


def list_score(rows: Sequence[Sequence[str]]) -> int:
    """How much these rows look like an attendee list: 2 for a header naming a name and an organisation
    column, 1 for either, 0 for none (it picks the separator of a text file and a workbook's sheet). A header whose
    values decide counts for nothing: a directory of partners ("Structure", "Contact") comes second to a list."""
    best = 0
    for row in rows[:HEADER_SEARCH_ROWS]:
        if len({cell for cell in row if cell}) >= 1:
            name, organisation = _has_person(row, by_values=False)
            best = max(best, name + organisation)
    return best


RESPONSE_SUBTITLES = frozenset({"response", "reponse", "open ended response", "reponse ouverte"})
"""What SurveyMonkey writes in its second header row under each question asking for one answer."""
SURVEY_SUBTITLES = RESPONSE_SUBTITLES | {"other", "autre"}
"""SurveyMonkey's second header row: "Response" under each question, beside the choices offered under a question
with several ("Oui", "Autre (veuillez préciser)")."""


def _continues_header(row: Row, above: Row) -> bool:
    """A second header row under the first (the "Nom | Prénom" under a merged "Participant"): every cell a
    column title, or an answer under a title spread over several columns ("Oui" and "Non" under "Présence"),
    none holding a digit or an @ as a person's row would; or SurveyMonkey's row of "Response" under the
    questions, where the choices offered stand beside them (however many: a person's row never holds
    "Response"; half its cells at least when it holds only an "Autre", which a person may choose)."""
    cells = [cell for cell in row.cells if cell]
    if any(re.search(r"[\d@]", cell) for cell in cells):
        return False
    if any(answer_key(cell) in RESPONSE_SUBTITLES for cell in cells):
        return True
    subtitles = sum(1 for cell in cells if answer_key(cell) in SURVEY_SUBTITLES)
    if subtitles:
        return subtitles * 2 >= len(cells)
    spread = _spread_questions(above, row)
    return len(cells) >= 2 and all(
        is_header_cell(cell) or (column in spread and attendance(cell) is not None)
        for column, cell in enumerate(row.cells)
        if cell
    )


Choices = tuple[tuple[int, str], ...]
"""The columns of a question's choices, each with its label: ((12, "Oui"), (13, "Non"))."""


def _choice_columns(block: Sequence[Row]) -> dict[int, Choices]:
    """The questions whose choices stand in columns of their own under them, as SurveyMonkey exports a question
    with several choices (the question over its choices, merged or in its first column only) or an organiser
    draws "Présence" over "Oui" and "Non": each of their columns with all of the question's choices. Titles
    over fields ("Identité" over "Nom" and "Prénom") are a group of columns, not a question's choices."""
    if len(block) < 2:
        return {}
    questions, labels = block[0], block[-1]
    return {
        column: group
        for column, group in _spread_questions(questions, labels).items()
        if not any(_names_a_field(label) for _, label in group)
    }


def _names_a_field(label: str) -> bool:
    """Whether a label under a title names a field of a person's details ("Nom", "Société", "Adresse e-mail" under
    SurveyMonkey's "Vos coordonnées"), which makes the title a group of fields rather than a question's choices."""
    return is_header_cell(label) and not any(
        candidate.role in (Role.STAYS_SEATED, Role.ATTENDING) for candidate in candidates(label)
    )


def _spread_questions(questions: Row, labels: Row) -> dict[int, Choices]:
    """The titles of the first header row spread over several columns (merged, or followed by blank cells), each
    column with the labels under the title's columns in the last header row."""

    def choice(column: int) -> bool:
        """A label under the title: a choice, or the text of the choice "Autre", not SurveyMonkey's "Response"."""
        return bool(labels.cell(column)) and answer_key(labels.cell(column)) not in RESPONSE_SUBTITLES

    groups: dict[int, Choices] = {}
    width = max(len(questions.cells), len(labels.cells))
    column = 0
    while column < width:
        question = questions.cell(column)
        group = [column]
        while (
            question
            and choice(column)
            and group[-1] + 1 < width
            and questions.cell(group[-1] + 1) in ("", question)
            and choice(group[-1] + 1)
        ):
            group.append(group[-1] + 1)
        if len(group) > 1:
            groups.update(dict.fromkeys(group, tuple((member, labels.cell(member)) for member in group)))
        column = group[-1] + 1
    return groups


@dataclass(frozen=True)
class Layout:
    """Where the header is and which column plays which role."""

    source: str
    header_rows: tuple[int, ...]
    """Spreadsheet numbers of the header's rows (two when a merged title sits over sub-titles)."""
    headers: tuple[str, ...]
    roles: Mapping[Role, int]
    header_cells: tuple[tuple[str, ...], ...] = ()
    """Each header row's own cells, folded: a row equal to one of them further down repeats the header."""
    choices: Mapping[int, Choices] = field(default_factory=dict)
    """The columns of a question's choices, by each of them (see `_choice_columns`)."""
    questions: tuple[str, ...] = ()
    """The headers as their roles were recognised: a choice's column by its question alone."""

    def title(self, column: int) -> str:
        """A column as a message names it: a choice's column by its question ("Participerez-vous ?", not
        "Participerez-vous ? Oui"), any other by its header."""
        return self.questions[column] if column in self.choices else self.header(column)

    def answer(self, row: Row, column: int) -> str:
        """A person's answer to the question of a column: its cell, or where the question's choices have columns
        of their own, the one filled in: its text, or the choice's label when the cell is a tick ("x" under
        "Non" is no)."""
        for choice, label in self.choices.get(column, ((column, ""),)):
            cell = row.cell(choice)
            if cell:
                return label if label and says_yes(cell) else cell
        return ""

    @property
    def organisation_from_email(self) -> bool:
        """No organisation column: each person's organisation is their address's domain."""
        return self.roles.get(Role.ORGANISATION, -1) == self.roles.get(Role.EMAIL)

    @property
    def last_header_row(self) -> int:
        return self.header_rows[-1]

    def header(self, column: int) -> str:
        return self.headers[column] if column < len(self.headers) else ""

    def name_columns(self) -> list[int]:
        """The full-name column if there is one, else first name then last name (display order)."""
        if Role.FULL_NAME in self.roles:
            return [self.roles[Role.FULL_NAME]]
        return [self.roles[role] for role in (Role.FIRST_NAME, Role.LAST_NAME) if role in self.roles]

    def attribute_columns(self) -> list[int]:
        """Columns kept as they are on each person (the ones whose meaning we took are left out)."""
        used = set(self.roles.values())
        return [column for column, header in enumerate(self.headers) if header and column not in used]

    def describe(self, columns: Sequence[int]) -> str:
        """ "colonne C « Structure »", or both name columns when the name comes from two."""
        if len(columns) == 2:
            first, second = columns
            return t(
                "columns {first} {first_header} and {second} {second_header}",
                first=column_letter(first),
                first_header=quoted(self.title(first)),
                second=column_letter(second),
                second_header=quoted(self.title(second)),
            )
        return t("column {letter} {header}", letter=column_letter(columns[0]), header=quoted(self.title(columns[0])))

    def at(self, row: int, columns: Sequence[int], message: str) -> str:
        """A problem line: file, spreadsheet row, and the column(s) to look at when there are any."""
        if not columns:
            return t("{file}, row {row}: {message}", file=self.source, row=row, message=message)
        return t(
            "{file}, row {row}, {column}: {message}",
            file=self.source,
            row=row,
            column=self.describe(columns),
            message=message,
        )

    def repeats_header(self, row: Row) -> bool:
        """A header pasted again further down (two lists one under the other), in any case or accents: the
        name and organisation cells hold one header row's titles (a number column may differ)."""
        columns = [*self.name_columns(), self.roles[Role.ORGANISATION]]
        for cells in self.header_cells:
            titles = [cells[column] if column < len(cells) else "" for column in columns]
            if all(titles) and [fold(row.cell(column)) for column in columns] == titles:
                return True
        return False

    def summary(self) -> str:
        """Which column was read for what: the organiser checks it at a glance."""
        labels = {
            Role.FULL_NAME: t("name"),
            Role.FIRST_NAME: t("first name"),
            Role.LAST_NAME: t("last name"),
            Role.ORGANISATION: t("organisation"),
            Role.EMAIL: t("email"),
            Role.STAYS_SEATED: t("stays seated"),
            Role.ATTENDING: t("attending"),
        }
        used = ", ".join(
            t(
                "{role} {letter} {header}",
                role=labels[role],
                letter=column_letter(column),
                header=quoted(self.title(column)),
            )
            for role, column in sorted(self.roles.items(), key=lambda item: list(Role).index(item[0]))
        )
        return t("{file}: columns read: {columns}.", file=self.source, columns=used)

    def columns_option(self) -> str:
        """The --columns value giving these roles, to copy and adjust."""
        return ",".join(
            f"{role.option}={column_letter(column)}"
            for role, column in sorted(self.roles.items(), key=lambda item: list(Role).index(item[0]))
        )


@dataclass(frozen=True)
class ColumnChoice:
    """Roles given with --columns: each a header's text or a column's letters; roles `left_out` are read from
    no column (a front end's "none" for a column recognised by mistake)."""

    given: Mapping[Role, str]
    left_out: frozenset[Role] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.given)


def parse_columns(text: str | None) -> ColumnChoice:
    """`name=B,organisation=Votre structure` -> ColumnChoice; a header may itself hold commas
    ("last=Nom, prénom") since only `word=` after a comma starts the next role."""
    if not text or not text.strip():
        return ColumnChoice({})
    keys = "|".join(re.escape(name) for name in sorted(OVERRIDE_NAMES, key=len, reverse=True))
    parts = re.split(rf",\s*(?=(?:{keys})\s*=)", text.strip(), flags=re.IGNORECASE)
    given: dict[Role, str] = {}
    for part in parts:
        key, equals, value = part.partition("=")
        role = OVERRIDE_NAMES.get(key.strip().casefold())
        if not equals or role is None or not value.strip():
            raise refuse(
                t(
                    "--columns {part}: expected role=column, the role being one of {roles}, the column its "
                    'header or its letter (for example --columns "name=B,organisation=Votre structure").',
                    part=quoted(part.strip()),
                    roles=", ".join(role.option for role in Role),
                )
            )
        given[role] = value.strip()
    return ColumnChoice(given)


def _fill(rows: Sequence[Row], column: int) -> tuple[float, list[str]]:
    """Share of rows with the column filled, and those values."""
    values = [row.cell(column) for row in rows]
    filled = [value for value in values if value]
    return (len(filled) / len(values) if values else 0.0), filled


def _confirmed(role: Role, values: Sequence[str]) -> bool:
    """Whether a column's values fit the role its header suggests: names and organisations are mostly words,
    not numbers, dates, addresses or yes/no answers; attendance and staying seated are answers to a yes/no
    or status question (CONFIRMED_BY_VALUES of them at least, or any cancellation)."""
    if not values:
        return role is not Role.ATTENDING
    if role in (*NAME_ROLES, Role.ORGANISATION):
        names = [without_address(value) for value in values] if role in NAME_ROLES else values
        odd = sum(
            1 for value in names if is_numeric(value) or not has_letter(value) or "@" in value or is_answer(value)
        )
        return odd * 2 < len(values)
    if role is Role.ATTENDING:
        if any(cancels(value) for value in values):
            return True  # a status column naming cancellations, whatever its other statuses are called
        understood = sum(1 for value in values if attendance(value) is not None)
    elif role is Role.STAYS_SEATED:
        understood = sum(1 for value in values if seated_answer(value) is not None)
    else:
        return True
    return _mostly(understood, values)


def _mostly(passing: int, values: Sequence[str]) -> bool:
    """Whether `passing` of a column's sampled `values` are enough to tell what it holds (CONFIRMED_BY_VALUES of
    them; exact, where 0.8 · 15 is 12.000000000000002 in floating point)."""
    return passing >= CONFIRMED_BY_VALUES * len(values) - 1e-9


Rank = tuple[int, int, int, int, int]
"""How well a column fits a role, best highest: not an account's, the participant's own, mostly filled (and
for an email, holding addresses), the most specific word, the leftmost."""
ROLE_ORDER = (Role.EMAIL, Role.ATTENDING, Role.STAYS_SEATED, Role.ORGANISATION, *NAME_ROLES)


def _ranked(
    headers: Sequence[str], data: Sequence[Row], taken: Mapping[Role, int], left_out: frozenset[Role] = frozenset()
) -> dict[Role, list[tuple[Rank, int]]]:
    """The free columns whose header and values fit each role not `taken` nor `left_out`, with their rank."""
    ranked: dict[Role, list[tuple[Rank, int]]] = {}
    by_values: dict[Role, list[tuple[Rank, int]]] = {}
    for column, header in enumerate(headers):
        if column in taken.values():
            continue
        share, values = _fill(data, column)
        for candidate in candidates(header):
            if candidate.role in taken or candidate.role in left_out or not _confirmed(candidate.role, values):
                continue
            if candidate.by_values and not _held_by(candidate.role, values):
                continue
            filled = int(share >= MOSTLY_FILLED)
            if candidate.role is Role.EMAIL:
                filled += int(any("@" in value for value in values))  # Google Contacts' "E-mail 1 - Label"
            rank = (int(not candidate.account), int(candidate.participant), filled, candidate.specificity, -column)
            (by_values if candidate.by_values else ranked).setdefault(candidate.role, []).append((rank, column))
    for role, found in by_values.items():
        rivals = NAME_ROLES if role in NAME_ROLES else (role,)
        if not any(rival in ranked or rival in taken for rival in rivals):
            ranked[role] = found
    return ranked


def _held_by(role: Role, values: Sequence[str]) -> bool:
    """Whether a column whose header does not name `role` outright holds it: a column headed as a person
    ("Contact", "Interlocuteur") mostly people's names (no digit, no @, no yes/no, no organisation of the built-in
    networks) or mostly addresses, phone numbers being neither and keeping their meaning; a "Site" mostly places
    or agencies, not a website's addresses."""
    if role is Role.EMAIL:
        return _mostly(sum(1 for value in values if EMAIL_PATTERN.fullmatch(value)), values)
    if role is Role.ORGANISATION:
        return _mostly(sum(1 for value in values if not WEB_ADDRESS.match(value)), values)
    return _mostly(sum(1 for value in values if _person_like(without_address(value))), values)


WEB_ADDRESS = re.compile(r"\s*(https?://|www\.)", re.IGNORECASE)


def _person_like(value: str) -> bool:
    """A person's name rather than anything else a "Contact" column holds: letters, no digit nor @, a few words
    at most, not a yes/no answer, not an organisation such as "Mission Locale de Blois"."""
    words = value.split()
    return (
        has_letter(value)
        and not re.search(r"[\d@]", value)
        and len(words) <= PERSON_NAME_MAX_WORDS
        and not is_answer(value)
        and find_network(words_of(value))[0] is None
    )


def _choose_roles(
    headers: Sequence[str], data: Sequence[Row], taken: Mapping[Role, int], left_out: frozenset[Role] = frozenset()
) -> dict[Role, int]:
    """The best column for each role not already `taken` nor `left_out`, each column playing one role."""
    ranked = _ranked(headers, data, taken, left_out)
    roles = dict(taken)
    for role in ROLE_ORDER:
        free = sorted((item for item in ranked.get(role, []) if item[1] not in roles.values()), reverse=True)
        if role not in roles and free:
            roles[role] = free[0][1]
    roles = _settle_names(roles, ranked)
    names_from_account = any(_account(headers[roles[role]]) for role in NAME_ROLES if role in roles)
    if (
        Role.EMAIL in roles
        and Role.EMAIL not in taken
        and _account(headers[roles[Role.EMAIL]])
        and not names_from_account
    ):
        del roles[Role.EMAIL]  # the payer's address is not the participants' (one payer, several tickets)
    return roles


def _account(header: str) -> bool:
    return any(candidate.account for candidate in candidates(header))


def _settle_names(roles: dict[Role, int], ranked: Mapping[Role, list[tuple[Rank, int]]]) -> dict[Role, int]:
    """One way of reading the name: split first and last name columns when both exist and rank at least as
    well as a full-name column; else the full name; a lone first or last name column holds the whole name."""

    def rank(role: Role) -> Rank:
        """A chosen column's rank; one named with --columns has none, and beats any."""
        return max((rank for rank, column in ranked.get(role, []) if column == roles[role]), default=MOST)

    if Role.FIRST_NAME in roles and Role.LAST_NAME in roles:
        split = min(rank(Role.FIRST_NAME), rank(Role.LAST_NAME))
        if Role.FULL_NAME not in roles or split[:2] >= rank(Role.FULL_NAME)[:2]:
            roles.pop(Role.FULL_NAME, None)
            return roles
    if Role.FULL_NAME not in roles:
        lone = next((role for role in (Role.LAST_NAME, Role.FIRST_NAME) if role in roles), None)
        if lone is not None:
            roles[Role.FULL_NAME] = roles.pop(lone)
    roles.pop(Role.FIRST_NAME, None)
    roles.pop(Role.LAST_NAME, None)
    return roles


MOST: Rank = (1, 1, 1, 99, 0)
"""The rank of a column the organiser named with --columns: nothing beats it."""


def _qualifies(row: Row) -> bool:
    """A header row: two different titles at least, one for a name and one for an organisation (or for an
    e-mail, whose domains may tell the organisations)."""
    if len({cell for cell in row.cells if cell}) < 2:
        return False
    name, organisation = _has_person(row.cells)
    email = any(candidate.role is Role.EMAIL for cell in row.cells for candidate in candidates(cell))
    return name and (organisation or email)


def _header_block(rows: Sequence[Row], start: int) -> list[Row]:
    """The header row at `start` and the sub-title rows just below it."""
    block = [rows[start]]
    for row in rows[start + 1 : start + 3]:
        if row.number != block[-1].number + 1 or not _continues_header(row, block[-1]):
            break
        block.append(row)
    return block


def _combined(block: Sequence[Row]) -> tuple[str, ...]:
    """One title per column from the header's rows: "Participant" over "Nom" reads "Participant Nom"; a survey's
    "Response" under a question adds nothing to it."""
    width = max(len(row.cells) for row in block)
    return tuple(
        " ".join(
            dict.fromkeys(
                row.cell(column)
                for index, row in enumerate(block)
                if row.cell(column) and not (index and answer_key(row.cell(column)) in SURVEY_SUBTITLES)
            )
        )
        for column in range(width)
    )


def _resolve(given: str, headers: Sequence[str]) -> int | None:
    """The column a --columns value designates: a header (exactly, else folded), a letter of one of the
    columns, else the one header containing it; so "A" is column A even beside a header "Mail"."""
    for matches in (
        [column for column, header in enumerate(headers) if header == given],
        [column for column, header in enumerate(headers) if fold(header) == fold(given)],
    ):
        if len(matches) == 1:
            return matches[0]
    letter = column_index(given)
    if letter is not None and letter < len(headers):
        return letter
    containing = [column for column, header in enumerate(headers) if fold(given) and fold(given) in fold(header)]
    if len(containing) == 1:
        return containing[0]
    return letter if letter is not None and fold(given) not in {fold(header) for header in headers} else None


def _locate_header(table: Sheet, choice: ColumnChoice, partial: bool = False) -> tuple[list[Row], Sequence[Row]]:
    """The header's rows and the rows below them; an empty list or one without a header is refused. With
    `partial`, a row naming only a name or only an organisation column will do."""
    search = list(table.rows[:HEADER_SEARCH_ROWS])
    if not search:
        raise refuse(
            t(
                "{file}: the list is empty. Put a header row (for example First name, Last name, "
                "Organisation, Email) then one row per attendee.{hint}",
                file=table.source,
                hint=table.hint(),
            )
        )
    start = _header_start(search, choice)
    if start is None and partial:
        start = _partial_header(search)
    if start is None:
        raise _no_header(table, search)
    block = _header_block(table.rows, start)
    return block, table.rows[start + len(block) :]


def _questions(block: Sequence[Row], headers: Sequence[str], choices: Mapping[int, Choices]) -> tuple[str, ...]:
    """The headers as their roles are recognised: a column of a question's choices by the question alone (the
    "Mobilité" offered under "Quels thèmes vous intéressent ?" says nothing of staying seated)."""
    return tuple(
        block[0].cell(choices[column][0][0]) if column in choices else header for column, header in enumerate(headers)
    )


def find_layout(table: Sheet, choice: ColumnChoice) -> Layout:
    """The header (the first row naming a name and an organisation column, or holding every header given
    with --columns) and the column of each role; a file that cannot be read says what to give instead."""
    block, data = _locate_header(table, choice)
    headers = _combined(block)
    choices = _choice_columns(block)
    questions = _questions(block, headers, choices)
    taken = _given_columns(table, choice, headers)
    roles = _choose_roles(questions, data[:VALUE_SAMPLE_ROWS], taken, choice.left_out)
    roles = _organisation_from_email(roles, data, choice.left_out)
    layout = Layout(
        table.source,
        tuple(row.number for row in block),
        headers,
        roles,
        tuple(tuple(fold(cell) for cell in row.cells) for row in block),
        choices,
        questions,
    )
    missing = [role for role in (Role.ORGANISATION,) if role not in roles]
    if not any(role in roles for role in NAME_ROLES):
        missing.insert(0, Role.FULL_NAME)
    if missing:
        raise _missing_roles(table, layout, missing, data)
    return layout


def _given_columns(table: Sheet, choice: ColumnChoice, headers: Sequence[str]) -> dict[Role, int]:
    """The column of each role named with --columns, or a refusal listing the headers."""
    taken: dict[Role, int] = {}
    for role, given in choice.given.items():
        column = _resolve(given, headers)
        if column is None:
            raise refuse(
                t(
                    "{file}: --columns {role}={given}: no such header or column letter. The headers are {headers}.",
                    file=table.source,
                    role=role.option,
                    given=given,
                    headers=_listed(headers),
                )
            )
        taken[role] = column
    return taken


@dataclass(frozen=True)
class ColumnRecognition:
    """What the recognition made of a list's header, for a front end offering a choice per role: the headers,
    the column read for each role (with the choice applied), and the columns whose header and values could
    play each role on their own (best first), whatever was chosen."""

    headers: tuple[str, ...]
    roles: Mapping[Role, int]
    contenders: Mapping[Role, tuple[int, ...]]

    @property
    def organisation_from_email(self) -> bool:
        """No organisation column: each person's organisation is their address's domain."""
        return self.roles.get(Role.ORGANISATION, -1) == self.roles.get(Role.EMAIL)

    def unsure(self, role: Role) -> bool:
        """The organiser should check this role: several columns could play it (for the name, any of its
        roles), or none was found for one every list needs (a name, an organisation)."""
        if role in NAME_ROLES:
            if not any(name in self.roles for name in NAME_ROLES):
                return role is Role.FULL_NAME
            return role in self.roles and any(len(self.contenders.get(name, ())) > 1 for name in NAME_ROLES)
        if role is Role.ORGANISATION and role not in self.roles:
            return True
        return len(self.contenders.get(role, ())) > 1


def recognise_columns(table: Sheet, choice: ColumnChoice) -> ColumnRecognition:
    """The recognition `find_layout` makes, with its doubts, even when the name or the organisation column is
    missing (the organiser then picks it); refuses only a list without any header row."""
    block, below = _locate_header(table, choice, partial=True)
    headers = _combined(block)
    questions = _questions(block, headers, _choice_columns(block))
    data = below[:VALUE_SAMPLE_ROWS]
    ranked = _ranked(questions, data, {})
    contenders = {role: tuple(column for _, column in sorted(found, reverse=True)) for role, found in ranked.items()}
    roles = _choose_roles(questions, data, _given_columns(table, choice, headers), choice.left_out)
    return ColumnRecognition(headers, _organisation_from_email(roles, data, choice.left_out), contenders)


def _organisation_from_email(roles: dict[Role, int], data: Sequence[Row], left_out: frozenset[Role]) -> dict[Role, int]:
    """No organisation column (and none refused) but professional addresses: the e-mail column plays both
    roles, each person's organisation being their address's domain."""
    if (
        Role.ORGANISATION not in roles
        and Role.ORGANISATION not in left_out
        and Role.EMAIL in roles
        and _professional(data, roles[Role.EMAIL])
    ):
        return {**roles, Role.ORGANISATION: roles[Role.EMAIL]}
    return roles


def _professional(data: Sequence[Row], column: int) -> bool:
    """Whether a column of addresses tells employers: most of them at a professional domain, not a webmail."""
    _, values = _fill(data[:VALUE_SAMPLE_ROWS], column)
    return sum(1 for value in values if email_domain(value)) >= MOSTLY_FILLED * len(values) > 0


def _header_start(rows: Sequence[Row], choice: ColumnChoice) -> int | None:
    """Index of the header row: one holding every header named with --columns, else the first that qualifies;
    with only column letters given, the first row."""
    letters = [column_index(given) for given in choice.given.values()]
    named = [given for given, letter in zip(choice.given.values(), letters, strict=True) if letter is None]
    if named:
        for index, row in enumerate(rows):
            if all(_resolve(given, row.cells) is not None for given in named):
                return index
    for index, row in enumerate(rows):
        if _qualifies(row):
            return index
    if choice:
        widest = max((letter for letter in letters if letter is not None), default=0)
        return next((index for index, row in enumerate(rows) if len(row.cells) > widest), 0)
    return None


def _listed(headers: Sequence[str]) -> str:
    return ", ".join(
        t("{letter} {header}", letter=column_letter(column), header=quoted(header))
        for column, header in enumerate(headers)
        if header
    )


def _guess(role: Role, headers: Sequence[str], data: Sequence[Row], used: set[int]) -> int | None:
    """The column most likely to hold `role` when no header says so: the first free column of words."""
    for column, header in enumerate(headers):
        if column in used or not header or set(header_words(header)) & EXCLUDED:
            continue
        if _confirmed(role, _fill(data[:VALUE_SAMPLE_ROWS], column)[1]):
            return column
    return None


def phone_header(header: str) -> bool:
    """Whether a column holds phone numbers, by its header."""
    return bool(set(header_words(header)) & PHONE_WORDS)


def postal_code_header(header: str) -> bool:
    """Whether a column holds postal codes, by its header ("Code postal", "CP", "Postal code", "ZIP")."""
    return bool(set(header_words(header)) & POSTAL_CODE_WORDS)


def _one_word_each(data: Sequence[Row], column: int) -> bool:
    """Whether a column holds one word per person, as a first name or a surname ("Dupont", "Marie-Claire")."""
    _, values = _fill(data[:VALUE_SAMPLE_ROWS], column)
    return bool(values) and _mostly(sum(1 for value in values if len(value.split()) == 1), values)


def _guess_name(headers: Sequence[str], data: Sequence[Row], used: set[int]) -> dict[Role, int]:
    """The column or columns most likely to hold the name when no header says so (a survey's question codes):
    the first free column of words, and with the next one as the first name when both hold one word per person
    (French forms ask the surname first)."""
    column = _guess(Role.FULL_NAME, headers, data, used)
    if column is None:
        return {}
    if _guess(Role.FIRST_NAME, headers, data, {*used, *range(column + 1)}) == column + 1 and all(
        _one_word_each(data, c) for c in (column, column + 1)
    ):
        return {Role.LAST_NAME: column, Role.FIRST_NAME: column + 1}
    return {Role.FULL_NAME: column}


def _missing_roles(table: Sheet, layout: Layout, missing: Sequence[Role], data: Sequence[Row]) -> Exception:
    """The header row, what is missing, the headers, and the fix: the exact --columns line to try when a
    column looks like the missing one, else the column to add (a --columns line could only name a wrong one)."""
    roles = dict(layout.roles)
    unseen = []
    for role in missing:
        guess = _guessed(role, layout.headers, data, set(roles.values()))
        if guess:
            roles.update(guess)
        else:
            unseen.append(role)
    what = (
        t(
            "no name column ('Name', 'Full name', 'Participant', or 'First name' and 'Last name') and "
            "no organisation column ('Organisation', 'Structure', 'Company'...)"
        )
        if len(missing) == 2
        else t("no name column ('Name', 'Full name', 'Participant', or 'First name' and 'Last name')")
        if missing[0] in NAME_ROLES
        else t("no organisation column ('Organisation', 'Structure', 'Company', 'Employer'...)")
    )
    fix = (
        _column_to_fill(layout.headers, unseen, data, set(roles.values()))
        if unseen
        else t(
            worded(NAME_THE_COLUMN),
            option=Layout(layout.source, layout.header_rows, layout.headers, roles).columns_option(),
        )
    )
    return refuse(
        t(
            "{file}, row {row}: {what} among the headers {headers}. {fix}{hint}",
            file=table.source,
            row=layout.header_rows[0],
            what=what,
            headers=_listed(layout.headers),
            fix=fix,
            hint=table.hint(),
        )
    )


def _column_to_fill(headers: Sequence[str], unseen: Sequence[Role], data: Sequence[Row], used: set[int]) -> str:
    """What to do when no column could hold the `unseen` roles (the full name, the organisation): fill in the
    one headed as such whose values are not names or organisations (a column of ticks headed 'Structure'; not a
    'Contact' of phone numbers, which keeps its meaning), else add the column."""
    for role in unseen:
        roles = NAME_ROLES if role in NAME_ROLES else (role,)
        for column, header in enumerate(headers):
            if column not in used and any(
                candidate.role in roles and not candidate.by_values for candidate in candidates(header)
            ):
                values = quoted_list(list(dict.fromkeys(_fill(data, column)[1]))[:SHOWN_VALUES])
                column_name = t("{letter} {header}", letter=column_letter(column), header=quoted(header))
                return t(WRONG_VALUES[role], column=column_name, values=values)
    examples = quoted_list([t(EXAMPLE_HEADERS[role]) for role in unseen])
    return t_plural(
        "None of them looks like one: add the column, headed for example {examples}, with each person's value.",
        "None of them looks like one: add the columns, headed for example {examples}, with each person's values.",
        len(unseen),
        examples=examples,
    )


def _partial_header(rows: Sequence[Row]) -> int | None:
    """Index of the first row naming a name or an organisation column, else of the first naming a column of
    another role (a list of addresses alone), holding no digit nor @; None if no row does. A title above
    ("Liste de présence") is passed over for the header under it."""
    plausible = [
        (index, row) for index, row in enumerate(rows) if not any(re.search(r"[\d@]", cell) for cell in row.cells)
    ]
    for index, row in plausible:
        if any(_has_person(row.cells)):
            return index
    return next((index for index, row in plausible if any(candidates(cell) for cell in row.cells)), None)


def _no_header(table: Sheet, rows: Sequence[Row]) -> Exception:
    """No row names both a name and an organisation column: the row that names some role's column (what it
    lacks: the name, and the organisation unless addresses can tell it), or the first row."""
    index = _partial_header(rows)
    if index is not None:
        name, organisation = _has_person(rows[index].cells)
        block = _header_block(rows, index)
        headers = _combined(block)
        data = rows[index + len(block) :]
        layout = Layout(table.source, tuple(r.number for r in block), headers, _choose_roles(headers, data, {}))
        missing = [] if name else [Role.FULL_NAME]
        if not organisation and (name or Role.EMAIL not in layout.roles):
            missing.append(Role.ORGANISATION)
        return _missing_roles(table, layout, missing, data)
    first = rows[0]
    layout = Layout(table.source, (first.number,), first.cells, {})
    return refuse(
        t(
            "{file}: no header row in the first {rows} rows. A column is needed for the name "
            "('Name', 'Full name', 'Participant', or 'First name' and 'Last name') and one "
            "for the organisation ('Organisation', 'Structure', 'Company', 'Employer' or "
            "'Service'). Row {row} holds {headers}: if those are the headers, {fix}.{hint}",
            file=table.source,
            rows=HEADER_SEARCH_ROWS,
            row=first.number,
            headers=_listed(first.cells),
            fix=t(
                worded(SAY_WHICH_IS_WHICH),
                option=_missing_option(layout, rows[1:]),
            ),
            hint=table.hint(),
        )
    )


def _guessed(role: Role, headers: Sequence[str], data: Sequence[Row], used: set[int]) -> dict[Role, int]:
    """The columns guessed for `role` (the name or the organisation), none when no column fits."""
    if role in NAME_ROLES:
        return _guess_name(headers, data, used)
    column = _guess(role, headers, data, used)
    return {} if column is None else {role: column}


def _address_column(data: Sequence[Row], used: set[int]) -> int | None:
    """The first free column holding mostly email addresses."""
    for column in range(max((len(row.cells) for row in data[:VALUE_SAMPLE_ROWS]), default=0)):
        _, values = _fill(data[:VALUE_SAMPLE_ROWS], column)
        addresses = sum(1 for value in values if EMAIL_PATTERN.fullmatch(value))
        if column not in used and values and _mostly(addresses, values):
            return column
    return None


def _missing_option(layout: Layout, data: Sequence[Row]) -> str:
    """The --columns example for a file without headers: the columns guessed from their values (the email's
    too, which keeps each person's history), else the first free ones."""
    headers = [cell or "?" for cell in layout.headers]
    roles: dict[Role, int] = {}
    for role in (Role.FULL_NAME, Role.ORGANISATION):
        used = set(roles.values())
        roles.update(_guessed(role, headers, data, used) or {role: next(c for c in count() if c not in used)})
    email = _address_column(data, set(roles.values()))
    if email is not None:
        roles[Role.EMAIL] = email
    return Layout(layout.source, layout.header_rows, layout.headers, roles).columns_option()
