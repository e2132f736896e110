"""Every user-facing sentence, in French (default) and English, kept in one place.

`t("key", name=...)` formats the message in the language chosen for this run (`use_language`),
which the CLI sets once from `--lang`. Sections group the messages by the part that shows them.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
_language: ContextVar[str] = ContextVar("speeddating_language", default=DEFAULT_LANGUAGE)

MESSAGES: dict[str, dict[str, str]] = {
    # --- errors shared by several parts ---
    "error.line": {"fr": "Erreur : {message}", "en": "Error: {message}"},
    # --- importer ---
    "import.not_found": {
        "fr": "{file} : fichier introuvable. Vérifiez son nom et le dossier d'où vous lancez la commande.",
        "en": "{file}: no such file. Check its name and the folder you run the command from.",
    },
    "import.is_directory": {
        "fr": "{file} est un dossier. Indiquez le fichier de la liste des participants (.xlsx, .ods ou .csv).",
        "en": "{file} is a folder. Give the attendee list file itself (.xlsx, .ods or .csv).",
    },
    "import.cannot_read": {
        "fr": "{file} : lecture impossible ({reason}). Fermez-le s'il est ouvert dans un autre programme "
        "et vérifiez vos droits sur le fichier.",
        "en": "{file}: cannot be read ({reason}). Close it if another program has it open, "
        "and check your permissions on the file.",
    },
    "import.binary": {
        "fr": "{file} : ce n'est ni un tableau texte (CSV) ni un classeur Excel ou ODS lisible. "
        "Enregistrez la liste depuis votre tableur au format .xlsx, .ods ou CSV.",
        "en": "{file}: neither a text table (CSV) nor a readable Excel or ODS workbook. "
        "Save the list from your spreadsheet as .xlsx, .ods or CSV.",
    },
    "import.text_named_workbook": {
        "fr": "{file} : ce fichier porte l'extension {suffix} mais contient du texte (sans doute un CSV renommé). "
        "Renommez-le en .csv, ou ouvrez-le dans votre tableur et enregistrez-le au format {suffix}.",
        "en": "{file}: this file is named {suffix} but holds plain text (probably a renamed CSV). "
        "Rename it to .csv, or open it in your spreadsheet and save it as {suffix}.",
    },
    "import.zip_not_workbook": {
        "fr": "{file} : c'est une archive zip ou un document, pas un classeur Excel ou ODS. "
        "Enregistrez la liste depuis votre tableur au format .xlsx, .ods ou CSV.",
        "en": "{file}: a zip archive or a document, not an Excel or ODS workbook. "
        "Save the list from your spreadsheet as .xlsx, .ods or CSV.",
    },
    "import.corrupt_workbook": {
        "fr": "{file} : classeur abîmé ou incomplet ({reason}). "
        "Ouvrez-le dans votre tableur et enregistrez-le de nouveau, ou exportez la liste en CSV.",
        "en": "{file}: damaged or incomplete workbook ({reason}). "
        "Open it in your spreadsheet and save it again, or export the list as CSV.",
    },
    "import.old_excel": {
        "fr": "{file} : ancien format Excel 97-2003 (.xls) ou classeur protégé par mot de passe. "
        "Enregistrez-le au format .xlsx sans mot de passe, ou en CSV.",
        "en": "{file}: old Excel 97-2003 format (.xls) or a password-protected workbook. "
        "Save it as .xlsx without a password, or as CSV.",
    },
    "import.unreadable_encoding": {
        "fr": "{file}, ligne {row} : caractère illisible, l'encodage du fichier n'est pas reconnu. "
        "Enregistrez-le depuis votre tableur au format « CSV UTF-8 ».",
        "en": "{file}, row {row}: unreadable character, the file's encoding is not recognised. "
        "Save it from your spreadsheet as 'CSV UTF-8'.",
    },
    "import.bad_csv": {
        "fr": "{file} : tableau CSV mal formé ({reason}). Vérifiez les guillemets, "
        "ou ouvrez-le dans votre tableur et enregistrez-le de nouveau en CSV.",
        "en": "{file}: malformed CSV table ({reason}). Check the quotes, "
        "or open it in your spreadsheet and save it again as CSV.",
    },
    "import.unclosed_quote": {
        "fr": "{file}, ligne {row} : un guillemet (\") ouvre une case qui n'est pas refermée correctement, et la suite "
        "du fichier y tomberait. Ajoutez le guillemet fermant ou retirez celui-ci, ou enregistrez de nouveau la liste "
        "en CSV depuis votre tableur.",
        "en": '{file}, line {row}: a quote (") opens a cell that is not closed properly, and the rest of the file '
        "would fall into it. Add the closing quote or remove this one, or save the list again as CSV from your "
        "spreadsheet.",
    },
    "import.sheet_ignored": {
        "fr": "{file} : --sheet {sheet} ignoré, un fichier CSV n'a qu'une feuille. "
        "Pour lire une feuille précise, donnez le classeur (.xlsx ou .ods) lui-même.",
        "en": "{file}: --sheet {sheet} ignored, a CSV file has only one sheet. "
        "To read a particular sheet, give the workbook (.xlsx or .ods) itself.",
    },
    "import.unknown_sheet": {
        "fr": "{file} : pas de feuille « {sheet} » dans ce classeur. Feuilles disponibles : {sheets}.",
        "en": "{file}: no sheet '{sheet}' in this workbook. Available sheets: {sheets}.",
    },
    "import.other_sheets": {
        "fr": " Le classeur a d'autres feuilles ({sheets}) : choisissez la bonne avec --sheet.",
        "en": " The workbook has other sheets ({sheets}): pick the right one with --sheet.",
    },
    "import.empty": {
        "fr": "{file} : la liste est vide. Mettez une ligne d'en-têtes (par exemple Prénom, Nom, Structure, "
        "Courriel) puis une ligne par participant.{hint}",
        "en": "{file}: the list is empty. Put a header row (for example First name, Last name, Organisation, "
        "Email) then one row per attendee.{hint}",
    },
    "import.no_header": {
        "fr": "{file} : aucune ligne d'en-têtes dans les {rows} premières lignes. Il faut une colonne pour le nom "
        "(« Nom complet », « Participant », ou bien « Prénom » et « Nom ») et une pour la structure "
        "(« Structure », « Nom de la structure », « Organisation », « Organisme », « Établissement », « Partenaire », "
        "« Employeur », « Entreprise » ou « Service »).{hint}",
        "en": "{file}: no header row in the first {rows} rows. A column is needed for the name "
        "('Name', 'Full name', 'Participant', or 'First name' and 'Last name') and one for the organisation "
        "('Organisation', 'Organization', 'Organisation name', 'Company', 'Employer' or 'Service').{hint}",
    },
    "import.no_organisation_column": {
        "fr": "{file}, ligne {row} : aucune colonne de structure parmi les en-têtes {headers}. Ajoutez une colonne "
        "« Structure » (ou « Organisation », « Employeur »...) indiquant la structure de chaque personne.",
        "en": "{file}, row {row}: no organisation column among the headers {headers}. Add an 'Organisation' "
        "column (or 'Company', 'Employer'...) giving each person's organisation.",
    },
    "import.no_name_column": {
        "fr": "{file}, ligne {row} : aucune colonne de nom parmi les en-têtes {headers}. Ajoutez une colonne "
        "« Nom complet », ou deux colonnes « Prénom » et « Nom ».",
        "en": "{file}, row {row}: no name column among the headers {headers}. Add a 'Full name' column, "
        "or two columns 'First name' and 'Last name'.",
    },
    "import.no_attendees": {
        "fr": "{file} : personne sous la ligne d'en-têtes (ligne {row}). Ajoutez une ligne par participant.",
        "en": "{file}: nobody below the header row (row {row}). Add one row per attendee.",
    },
    "import.too_few": {
        "fr": "{file} : une seule personne ({name}) ; il en faut au moins 2 pour organiser des rencontres.",
        "en": "{file}: a single person ({name}); at least 2 are needed for anyone to meet.",
    },
    "import.at_cell": {
        "fr": "{file}, ligne {row}, {column} : {message}",
        "en": "{file}, row {row}, {column}: {message}",
    },
    "import.at_row": {"fr": "{file}, ligne {row} : {message}", "en": "{file}, row {row}: {message}"},
    "import.column": {"fr": "colonne {letter} {header}", "en": "column {letter} {header}"},
    "import.columns": {
        "fr": "colonnes {first} {first_header} et {second} {second_header}",
        "en": "columns {first} {first_header} and {second} {second_header}",
    },
    "import.quoted": {"fr": "« {text} »", "en": "'{text}'"},
    "import.missing_organisation": {
        "fr": "organisation manquante pour {name}. Ajoutez-la ou supprimez la ligne.",
        "en": "missing organisation for {name}. Add it or delete the row.",
    },
    "import.missing_name": {
        "fr": "nom manquant pour une personne de {organisation}. Ajoutez-le ou supprimez la ligne.",
        "en": "missing name for a person from {organisation}. Add it or delete the row.",
    },
    "import.missing_both": {
        "fr": "ni nom ni organisation, mais la ligne contient {content}. Complétez-la ou supprimez-la.",
        "en": "no name and no organisation, yet the row holds {content}. Complete it or delete it.",
    },
    "import.bad_email": {
        "fr": "{email} n'est pas une adresse e-mail (forme attendue : prenom.nom@exemple.fr). "
        "Corrigez-la ou videz la case.",
        "en": "{email} is not an email address (expected form: first.last@example.org). Correct it or empty the cell.",
    },
    "import.same_person": {
        "fr": "{name} ({organisation}) figure déjà ligne {first}.",
        "en": "{name} ({organisation}) is already on row {first}.",
    },
    "import.same_email": {
        "fr": "l'adresse {email} est déjà celle de {name} ligne {first}.",
        "en": "the address {email} already belongs to {name} on row {first}.",
    },
    "import.duplicate_fix": {
        "fr": "Supprimez l'une des deux lignes, ou relancez avec --dedupe pour garder la première.",
        "en": "Delete one of the two rows, or run again with --dedupe to keep the first.",
    },
    "import.dedupe_kept": {
        "fr": "Seule la ligne {first} est gardée.",
        "en": "Only row {first} is kept.",
    },
    "import.alias_used": {
        "fr": "{file} : {alias} compté comme {name} ({count} personne(s)), d'après la table des alias.",
        "en": "{file}: {alias} counted as {name} ({count} people), from the alias table.",
    },
    "import.alias_row": {
        "fr": "{file}, ligne {row} : une ligne d'alias a deux cases, l'autre nom puis la structure à retenir.",
        "en": "{file}, row {row}: an alias row has two cells, the other name then the organisation to use.",
    },
    "import.merged_spellings": {
        "fr": "{file} : organisation écrite de plusieurs façons, regroupée sous {name} : {variants}.",
        "en": "{file}: organisation spelled several ways, merged as {name}: {variants}.",
    },
    "import.more_problems": {
        "fr": "… et {count} autre(s) problème(s) à corriger.",
        "en": "... and {count} more problem(s) to fix.",
    },
    # --- event ---
    "event.default_title": {"fr": "Petit-déjeuner inter-équipes", "en": "Inter-team breakfast"},
    "event.theme1.title": {"fr": "Nos publics", "en": "The people we serve"},
    "event.theme1.prompt": {
        "fr": "Qui accueillez-vous ? Avec quels besoins ?",
        "en": "Who comes to you? With what needs?",
    },
    "event.theme2.title": {"fr": "Les problématiques que nous traitons", "en": "The problems we handle"},
    "event.theme2.prompt": {
        "fr": "Sur quoi intervenez-vous, et où butez-vous ?",
        "en": "What do you work on, and where do you get stuck?",
    },
    "event.theme3.title": {
        "fr": "Présentation subjective d'une structure présente à la table",
        "en": "A subjective presentation of another organisation at the table",
    },
    "event.theme3.prompt": {
        "fr": "Présentez une autre structure de la table telle que vous la voyez.",
        "en": "Present another organisation at the table as you see it.",
    },
    "event.not_found": {
        "fr": "{path} : fichier d'événement introuvable. Vérifiez le chemin, ou créez-en un avec « speeddating init ».",
        "en": "{path}: no such event file. Check the path, or create one with 'speeddating init'.",
    },
    "event.unreadable": {
        "fr": "{path} : lecture impossible ({reason}). Enregistrez-le en UTF-8.",
        "en": "{path}: cannot be read ({reason}). Save it as UTF-8.",
    },
    "event.not_utf8": {
        "fr": "{path}, ligne {line} : caractère illisible, le fichier n'est pas en UTF-8. "
        "Enregistrez-le en UTF-8 (Bloc-notes : « Enregistrer sous », codage UTF-8).",
        "en": "{path}, line {line}: unreadable character, the file is not UTF-8. "
        'Save it as UTF-8 (Notepad: "Save as", encoding UTF-8).',
    },
    "event.syntax": {
        "fr": "{path} : ce n'est pas du TOML valide ({reason}). Mettez textes et heures entre guillemets, "
        'par exemple start = "08:30".',
        "en": '{path}: not valid TOML ({reason}). Put text and times in quotes, for example start = "08:30".',
    },
    "event.syntax_line": {
        "fr": "{path}, ligne {line} : « {text} » n'est pas du TOML valide. Mettez textes et heures entre guillemets "
        'droits, par exemple start = "08:30" ou title = "Petit-déjeuner".',
        "en": "{path}, line {line}: '{text}' is not valid TOML. Put text and times in straight quotes, "
        'for example start = "08:30" or title = "Breakfast".',
    },
    "event.syntax_repeated": {
        "fr": "{path}, ligne {line} : « {text} » répète une clé ou une section déjà écrite plus haut ; "
        "n'en gardez qu'une.",
        "en": "{path}, line {line}: '{text}' repeats a key or a section already written above; keep only one.",
    },
    "event.where_theme": {"fr": "[[themes]] n° {number}", "en": "[[themes]] #{number}"},
    "event.where_round": {"fr": "[[rounds]] n° {number}", "en": "[[rounds]] #{number}"},
    "event.where_top": {"fr": "le fichier (hors section)", "en": "the file (outside any section)"},
    "event.unknown_key": {
        "fr": "{path} : clé inconnue « {setting} » dans {where}. {hint}Clés possibles : {known}.",
        "en": "{path}: unknown key '{setting}' in {where}. {hint}Known keys: {known}.",
    },
    "event.did_you_mean": {"fr": "Vouliez-vous dire « {setting} » ? ", "en": "Did you mean '{setting}'? "},
    "event.not_section": {
        "fr": "{path} : « {setting} » doit être une section {form} ; voir l'exemple écrit par « speeddating init ».",
        "en": "{path}: '{setting}' must be a section {form}; see the example written by 'speeddating init'.",
    },
    "event.not_text": {
        "fr": '{path} : {where} {setting} doit être un texte entre guillemets, par exemple {setting} = "{example}".',
        "en": '{path}: {where} {setting} must be text in quotes, for example {setting} = "{example}".',
    },
    "event.missing": {
        "fr": '{path} : {where} n\'a pas de {setting} ; ajoutez par exemple {setting} = "{example}".',
        "en": '{path}: {where} has no {setting}; add for example {setting} = "{example}".',
    },
    "event.bad_time": {
        "fr": '{path} : [event] {setting} = {value} n\'est pas une heure HH:MM ; écrivez par exemple {setting} = "{example}".',
        "en": '{path}: [event] {setting} = {value} is not an HH:MM time; write for example {setting} = "{example}".',
    },
    "event.bad_date": {
        "fr": "{path} : [event] date = {value} n'est pas une date AAAA-MM-JJ ; écrivez par exemple "
        'date = "2026-12-08", ou retirez la ligne pour aujourd\'hui.',
        "en": "{path}: [event] date = {value} is not a YYYY-MM-DD date; write for example "
        'date = "2026-12-08", or remove the line for today.',
    },
    "event.end_before_start": {
        "fr": '{path} : [event] end = "{end}" doit être après start = "{start}" ; corrigez l\'une des deux heures.',
        "en": '{path}: [event] end = "{end}" must be after start = "{start}"; correct one of the two times.',
    },
    "event.bad_whole": {
        "fr": "{path} : {where} {setting} = {value} : il faut un nombre entier d'au moins {minimum}, "
        "par exemple {setting} = {example}.",
        "en": "{path}: {where} {setting} = {value}: a whole number of at least {minimum} is needed, "
        "for example {setting} = {example}.",
    },
    "event.bad_table_size": {
        "fr": "{path} : [event] table_size = {value} : il faut un nombre entier de {minimum} à {maximum}, "
        "par exemple table_size = 4.",
        "en": "{path}: [event] table_size = {value}: a whole number from {minimum} to {maximum} is needed, "
        "for example table_size = 4.",
    },
    "event.bad_kind": {
        "fr": '{path} : {where} kind = {value} est inconnu ; écrivez kind = "{kind}" ou retirez la ligne.',
        "en": '{path}: {where} kind = {value} is unknown; write kind = "{kind}" or remove the line.',
    },
    "event.duplicate_theme": {
        "fr": "{path} : deux [[themes]] s'appellent « {title} » ; donnez-leur des titres différents "
        "(pour reprendre un thème à un tour précis, utilisez [[rounds]]).",
        "en": "{path}: two [[themes]] are called '{title}'; give them different titles "
        "(to repeat a theme in a given round, use [[rounds]]).",
    },
    "event.unknown_theme": {
        "fr": '{path} : {where} theme = "{title}" ne correspond à aucun [[themes]] ; titres possibles : {titles}.',
        "en": '{path}: {where} theme = "{title}" matches no [[themes]]; possible titles: {titles}.',
    },
    "event.duplicate_round": {
        "fr": "{path} : le tour {number} apparaît deux fois dans [[rounds]] ; gardez une seule entrée.",
        "en": "{path}: round {number} appears twice in [[rounds]]; keep a single entry.",
    },
    "event.no_title_themes": {"fr": "(aucun)", "en": "(none)"},
    "presents.single_organisation": {
        "fr": "tour {round}, table {table} : tout le monde vient de « {organisation} », personne ne peut y "
        "présenter une autre structure ; proposez à chacun de présenter un partenaire absent de la table.",
        "en": "round {round}, table {table}: everyone is from '{organisation}', so nobody can present another "
        "organisation there; ask each person to present a partner who is not at the table.",
    },
    "init.exists": {
        "fr": "{path} existe déjà ; rien n'a été écrit. Choisissez un autre dossier ou ajoutez --force pour le remplacer.",
        "en": "{path} already exists; nothing was written. Choose another folder or add --force to replace it.",
    },
    "init.csv_header": {"fr": "prénom;nom;structure;courriel", "en": "first name;last name;organisation;email"},
    "init.written": {"fr": "Fichiers d'exemple écrits dans {folder} :", "en": "Example files written to {folder}:"},
    "init.next": {
        "fr": "Ensuite : remplacez les participants par les vôtres, ajustez {event}, puis lancez\n"
        "  speeddating plan {attendees} --event {event}",
        "en": "Next: replace the attendees with yours, adjust {event}, then run\n"
        "  speeddating plan {attendees} --event {event}",
    },
    "init.header": {
        "fr": "Description de la séance de speed-dating inter-structures.\n"
        "Les lignes qui commencent par # sont des commentaires. Textes et heures entre guillemets.\n"
        "Les tours sont aussi nombreux que le créneau le permet :\n"
        "accueil + tours x durée + (tours - 1) x changement + clôture <= fin - début.",
        "en": "Description of the inter-organisation speed-networking session.\n"
        "Lines starting with # are comments. Text and times go in quotes.\n"
        "There are as many rounds as the window holds:\n"
        "welcome + rounds x round length + (rounds - 1) x changeover + closing <= end - start.",
    },
    "init.title": {"fr": "titre imprimé sur les documents", "en": "title printed on the documents"},
    "init.date": {
        "fr": "date AAAA-MM-JJ ; sans cette ligne : aujourd'hui",
        "en": "YYYY-MM-DD date; without this line: today",
    },
    "init.start": {"fr": "début, HH:MM", "en": "start, HH:MM"},
    "init.end": {"fr": "fin, HH:MM", "en": "end, HH:MM"},
    "init.location": {"fr": "lieu (facultatif)", "en": "place (optional)"},
    "init.location_example": {"fr": "Mission Locale, salle Basile", "en": "Mission Locale, Basile room"},
    "init.table_size": {"fr": "personnes par table (3 à 6)", "en": "people per table (3 to 6)"},
    "init.round_minutes": {"fr": "durée d'un tour, en minutes", "en": "length of a round, in minutes"},
    "init.changeover_minutes": {"fr": "changement de table entre deux tours", "en": "moving between tables"},
    "init.welcome_minutes": {
        "fr": "café et consignes avant le premier tour",
        "en": "coffee and instructions before round 1",
    },
    "init.closing_minutes": {"fr": "bilan après le dernier tour", "en": "wrap-up after the last round"},
    "init.themes": {
        "fr": "Un thème par tour, dans l'ordre, en recommençant au premier s'il y a plus de tours que de thèmes.\n"
        'prompt (facultatif) est imprimé sur les cartes. kind = "present-another" : chacun présente,\n'
        "avec ses mots, une autre structure présente à sa table. Sans aucun [[themes]], les tours n'ont pas de thème.",
        "en": "One theme per round, in order, starting again from the first when there are more rounds than themes.\n"
        'prompt (optional) is printed on the cards. kind = "present-another": each person presents,\n'
        "in their own words, another organisation at their table. With no [[themes]], rounds have no theme.",
    },
    "init.rounds": {
        "fr": "Pour imposer un thème à un tour précis, décommentez et adaptez :",
        "en": "To give a particular round a particular theme, uncomment and adapt:",
    },
    # --- plan file ---
    "planfile.line": {"fr": "{source} : {where} : {problem}", "en": "{source}: {where}: {problem}"},
    "planfile.round": {"fr": "tour {number}", "en": "round {number}"},
    "planfile.table": {"fr": "{where}, table {number}", "en": "{where}, table {number}"},
    "planfile.text": {"fr": "« {field} » doit être du texte", "en": "'{field}' must be text"},
    "planfile.missing": {"fr": "« {field} » manque ou est vide", "en": "'{field}' is missing or empty"},
    "planfile.number": {
        "fr": "« {field} » doit être un nombre entier à partir de 1",
        "en": "'{field}' must be a whole number from 1",
    },
    "planfile.whole": {"fr": "« {field} » doit être un nombre entier", "en": "'{field}' must be a whole number"},
    "planfile.map": {
        "fr": "« {field} » doit associer des textes à des textes",
        "en": "'{field}' must map text to text",
    },
    "planfile.objects": {"fr": "doit être une liste d'objets", "en": "must be a list of objects"},
    "planfile.object": {"fr": "doit être un objet", "en": "must be an object"},
    "planfile.empty": {"fr": "la liste est vide", "en": "the list is empty"},
    "planfile.id_twice": {"fr": "l'identifiant « {id} » apparaît deux fois", "en": "id '{id}' appears twice"},
    "planfile.ids": {
        "fr": "« attendees » doit être une liste d'identifiants",
        "en": "'attendees' must be a list of ids",
    },
    "planfile.unknown": {"fr": "participant inconnu « {id} »", "en": "unknown attendee '{id}'"},
    "planfile.seated_twice": {
        "fr": "le participant « {id} » est assis deux fois ; retirez-le de toutes les tables sauf une (une table par personne et par tour)",
        "en": "attendee '{id}' is seated twice; remove them from all tables but one (one table per person and round)",
    },
    "planfile.pairs": {
        "fr": "doit être une liste de paires [id, id] de participants connus",
        "en": "must be a list of [id, id] pairs of known attendees",
    },
    "planfile.not_object": {"fr": "le fichier n'est pas un objet JSON", "en": "the file is not a JSON object"},
    "planfile.format": {"fr": "vaut « {found} », attendu « {expected} »", "en": "is '{found}', expected '{expected}'"},
    "planfile.no_file": {"fr": "{path} : fichier introuvable", "en": "{path}: no such file"},
    "planfile.unreadable": {"fr": "{path} : lecture impossible ({reason})", "en": "{path}: cannot be read ({reason})"},
    "planfile.bad_json": {
        "fr": "{path} : JSON invalide (ligne {line} : {reason}) ; indiquez le plan.json écrit par « speeddating plan », ou, s'il a été modifié à la main, corrigez cette ligne",
        "en": '{path}: not valid JSON (line {line}: {reason}); give the plan.json written by "speeddating plan", or, if it was edited by hand, correct that line',
    },
    # --- plan summary and CLI ---
    "csv.round": {"fr": "Tour", "en": "Round"},
    "csv.start": {"fr": "Début", "en": "Start"},
    "csv.table": {"fr": "Table", "en": "Table"},
    "csv.name": {"fr": "Nom", "en": "Name"},
    "csv.organisation": {"fr": "Structure", "en": "Organisation"},
    "csv.theme": {"fr": "Thème", "en": "Theme"},
    "summary.people": {"fr": "Participants : {count}", "en": "People: {count}"},
    "summary.people_one_absent": {"fr": "Participants : {count} (1 absent)", "en": "People: {count} (1 absent)"},
    "summary.people_absent": {
        "fr": "Participants : {count} ({absent} absents)",
        "en": "People: {count} ({absent} absent)",
    },
    "summary.organisations": {
        "fr": "Structures ({count}) : {listing}",
        "en": "Organisations ({count}): {listing}",
    },
    "summary.tables": {
        "fr": "Tables par tour : {count} ({sizes})",
        "en": "Tables per round: {count} ({sizes})",
    },
    "summary.table_sizes": {"fr": "{count} de {size}", "en": "{count} of {size}"},
    "summary.rounds": {"fr": "Tours : {count}", "en": "Rounds: {count}"},
    "summary.timetable": {"fr": "Déroulé :", "en": "Timetable:"},
    "summary.welcome": {"fr": "  {start}–{end}  Accueil", "en": "  {start}–{end}  Welcome"},
    "summary.round": {"fr": "  {start}–{end}  Tour {number}{theme}", "en": "  {start}–{end}  Round {number}{theme}"},
    "summary.closing": {"fr": "  {start}–{end}  Clôture", "en": "  {start}–{end}  Closing"},
    "summary.same_org": {
        "fr": "Paires de collègues à une même table : {count} (dont {forced} inévitables)",
        "en": "Same-organisation pairs at a table: {count} ({forced} unavoidable)",
    },
    "summary.repeats": {
        "fr": "Paires qui se revoient pendant la séance : {count}",
        "en": "Pairs meeting twice in the session: {count}",
    },
    "summary.history": {
        "fr": "Paires déjà rencontrées lors de séances précédentes : {count}",
        "en": "Pairs already met in earlier sessions: {count}",
    },
    "summary.new_pairs": {
        "fr": "Nouvelles rencontres entre structures : {count} sur {bound} au mieux ({percent} %)",
        "en": "New cross-organisation encounters: {count} out of at most {bound} ({percent}%)",
    },
    "summary.spread": {
        "fr": "Chacun rencontre entre {fewest} et {most} nouvelles personnes",
        "en": "Everyone meets between {fewest} and {most} new people",
    },
    "summary.spread_even": {
        "fr": "Chacun rencontre {count} nouvelles personnes",
        "en": "Everyone meets {count} new people",
    },
    "summary.optimal": {
        "fr": "Optimalité : prouvée, aucun meilleur plan n'existe",
        "en": "Optimality: proven, no better plan exists",
    },
    "summary.not_optimal": {
        "fr": "Optimalité : non prouvée ; meilleur plan trouvé, au plus {gap} rencontre(s) de mieux possible(s)",
        "en": "Optimality: not proven; best plan found, at most {gap} more encounter(s) possible",
    },
    "summary.time": {
        "fr": "Calcul : {seconds:.1f} s ({method})",
        "en": "Computed in {seconds:.1f} s ({method})",
    },
    "summary.outputs": {"fr": "Fichiers écrits dans {folder} :", "en": "Files written to {folder}:"},
    "cli.history_conflict": {
        "fr": "--history et --no-history s'excluent : gardez l'une ou l'autre.",
        "en": "--history and --no-history cannot be used together: keep one.",
    },
    "cli.warning": {"fr": "Attention : {message}", "en": "Warning: {message}"},
    "cli.too_many_rounds": {
        "fr": "{rounds} tours ne tiennent pas entre {start} et {end} : il manque {minutes} min. "
        "Réduisez --rounds, allongez le créneau dans le fichier d'événement, ou ajoutez --allow-overrun.",
        "en": "{rounds} rounds do not fit between {start} and {end}: {minutes} min short. "
        "Lower --rounds, widen the window in the event file, or add --allow-overrun.",
    },
    "cli.overrun_allowed": {
        "fr": "{rounds} tours dépassent l'horaire de {minutes} min : fin à {finish} au lieu de {end}. Prévenez les participants.",
        "en": "{rounds} rounds overrun by {minutes} min: the session ends at {finish} instead of {end}. Tell the participants.",
    },
    "solver.progress": {
        "fr": "{seconds:.1f} s  collègues {same_org}  revus {repeats}  nouvelles rencontres {new}/{bound}  ({method})",
        "en": "{seconds:.1f} s  same-org {same_org}  repeats {repeats}  new pairs {new}/{bound}  ({method})",
    },
    "cli.interrupted": {
        "fr": "Interrompu : aucun fichier n'a été modifié.",
        "en": "Interrupted: no file was changed.",
    },
    "cli.lonely_table": {
        "fr": "tour {round}, table {table} : {count} personne(s) ; personne n'y rencontre personne. Regroupez-la avec une autre table.",
        "en": "round {round}, table {table}: {count} people; nobody meets anybody there. Merge it with another table.",
    },
    "cli.no_round_fits": {
        "fr": "Aucun tour ne tient entre {start} et {end} avec l'accueil et la clôture prévus : "
        "allongez le créneau ou raccourcissez les tours.",
        "en": "No round fits between {start} and {end} with the planned welcome and closing: "
        "widen the window or shorten the rounds.",
    },
    "cli.no_round_fits_file": {
        "fr": "{file} : aucun tour ne tient entre {start} et {end} avec l'accueil ({welcome} min), un tour ({round} min) "
        "et la clôture ({closing} min). Avancez start ou reculez end, ou raccourcissez welcome_minutes, round_minutes "
        "ou closing_minutes.",
        "en": "{file}: no round fits between {start} and {end} with the welcome ({welcome} min), one round ({round} min) "
        "and the closing ({closing} min). Make start earlier or end later, or shorten welcome_minutes, round_minutes "
        "or closing_minutes.",
    },
    "cli.tiny_group": {
        "fr": "Seulement {count} personnes : une seule table, les mêmes à chaque tour. Un seul tour est prévu.",
        "en": "Only {count} people: one table, the same people every round. A single round is planned.",
    },
    "cli.bad_rounds": {
        "fr": "--rounds {value} : il faut au moins {minimum} tour. Donnez un nombre de tours à partir de {minimum}, "
        "ou retirez --rounds pour en prévoir autant que le créneau en permet.",
        "en": "--rounds {value}: there must be at least {minimum} round. Give a number of rounds from {minimum}, "
        "or leave out --rounds to plan as many as the time window holds.",
    },
    "cli.bad_table_size": {
        "fr": "--table-size {value} : une table compte de {minimum} à {maximum} personnes. Choisissez une taille "
        "de {minimum} à {maximum} (4 par défaut).",
        "en": "--table-size {value}: a table seats {minimum} to {maximum} people. Choose a size from {minimum} "
        "to {maximum} (4 by default).",
    },
    "cli.repeats_forced": {
        "fr": "Avec {count} personnes, chacun rencontre au moins {per_round} personnes par tour et n'en a que {others} "
        "à rencontrer : au-delà de {most} tours, des personnes se revoient forcément. Les {rounds} tours prévus en "
        "feront se revoir ; avec --rounds {most}, chaque rencontre serait nouvelle.",
        "en": "With {count} people, everyone meets at least {per_round} people a round and has only {others} to meet: "
        "beyond {most} rounds, some people necessarily meet again. The {rounds} rounds planned will have some meet "
        "again; with --rounds {most}, every encounter would be new.",
    },
    "cli.colleagues_forced": {
        "fr": "« {organisation} » compte {count} personnes pour {tables} tables : "
        "{pairs} paire(s) de collègues par tour sont inévitables.",
        "en": "'{organisation}' has {count} people for {tables} tables: "
        "{pairs} colleague pair(s) per round cannot be avoided.",
    },
    "cli.check_malformed": {"fr": "Plan invalide : {message}", "en": "Malformed plan: {message}"},
    "cli.file_error": {
        "fr": "{path} : impossible d'écrire ({reason}). Vérifiez le dossier et les droits.",
        "en": "{path}: cannot write ({reason}). Check the folder and permissions.",
    },
    "cli.os_denied": {"fr": "accès refusé", "en": "permission denied"},
    "cli.os_read_only": {"fr": "support en lecture seule", "en": "read-only storage"},
    "cli.os_full": {"fr": "disque plein", "en": "disk full"},
    "cli.os_quota": {"fr": "quota disque dépassé", "en": "disk quota exceeded"},
    "cli.os_missing": {"fr": "dossier ou fichier introuvable", "en": "no such folder or file"},
    "cli.os_not_folder": {
        "fr": "un élément du chemin est un fichier, pas un dossier",
        "en": "part of the path is a file, not a folder",
    },
    "cli.os_exists": {"fr": "un fichier porte déjà ce nom", "en": "a file of that name already exists"},
    "cli.os_is_folder": {"fr": "c'est un dossier", "en": "it is a folder"},
    "cli.os_busy": {
        "fr": "fichier occupé par un autre programme ; fermez-le",
        "en": "in use by another program; close it",
    },
    "cli.os_too_long": {"fr": "nom trop long", "en": "name too long"},
    # --- printables ---
    "printables.table_cards": {"fr": "Chevalets de table", "en": "Table cards"},
    "printables.itineraries": {"fr": "Parcours individuels", "en": "Personal itineraries"},
    "printables.agenda": {"fr": "Programme", "en": "Agenda"},
    "printables.master_plan": {"fr": "Plan d'ensemble", "en": "Master plan"},
    "printables.table": {"fr": "TABLE", "en": "TABLE"},
    "printables.table_number": {"fr": "Table {number}", "en": "Table {number}"},
    "printables.round": {"fr": "Tour {number}", "en": "Round {number}"},
    "printables.no_theme": {"fr": "Discussion libre", "en": "Open discussion"},
    "printables.presents": {"fr": "→ présente {organisation}", "en": "→ presents {organisation}"},
    "printables.you_present": {"fr": "→ vous présentez {organisation}", "en": "→ you present {organisation}"},
    "printables.present_absent": {
        "fr": "→ présentez une structure partenaire absente de la table",
        "en": "→ present a partner organisation not at the table",
    },
    "printables.table_unused": {"fr": "Table libre à ce tour", "en": "Table not used this round"},
    "printables.absent": {"fr": "pas de table à ce tour", "en": "no table this round"},
    "printables.fold": {"fr": "pliez ici", "en": "fold here"},
    "printables.sheet": {
        "fr": "Tours {first} à {last} (carte {sheet}/{sheets})",
        "en": "Rounds {first} to {last} (card {sheet}/{sheets})",
    },
    "printables.col_round": {"fr": "TOUR", "en": "ROUND"},
    "printables.col_time": {"fr": "HEURE", "en": "TIME"},
    "printables.col_table": {"fr": "TABLE", "en": "TABLE"},
    "printables.col_theme": {"fr": "THÈME", "en": "THEME"},
    "printables.welcome": {"fr": "Accueil", "en": "Welcome"},
    "printables.welcome_detail": {
        "fr": "Café, mot d'accueil et consignes ; chacun reçoit sa carte de parcours.",
        "en": "Coffee, welcome and instructions; everyone receives their itinerary card.",
    },
    "printables.closing": {"fr": "Clôture", "en": "Closing"},
    "printables.closing_detail": {
        "fr": "Tour de table des impressions et mot de la fin.",
        "en": "What we take away, and a word of thanks.",
    },
    "printables.how_heading": {"fr": "Comment ça marche", "en": "How it works"},
    "printables.how_it_works": {
        "fr": "Votre carte indique votre table à chaque tour. Au signal, changez de table : "
        "vous y retrouverez des personnes d'autres structures, jamais deux fois les mêmes.",
        "en": "Your card shows your table for each round. At the signal, move to your next table: "
        "you will meet people from other organisations, never the same person twice.",
    },
    "printables.how_it_works_repeats": {
        "fr": "Votre carte indique votre table à chaque tour. Au signal, changez de table : "
        "vous y retrouverez des personnes d'autres structures, le plus souvent nouvelles pour vous.",
        "en": "Your card shows your table for each round. At the signal, move to your next table: "
        "you will meet people from other organisations, mostly new faces.",
    },
    "printables.person": {"fr": "Participant", "en": "Attendee"},
    "printables.organisation_count": {"fr": "{organisation} ({count})", "en": "{organisation} ({count})"},
    "printables.quality_heading": {"fr": "Le plan en chiffres", "en": "The plan in figures"},
    "printables.master_legend": {
        "fr": "Chaque case : la table de la personne à ce tour ; « — » : pas de table à ce tour.",
        "en": "Each cell: the person's table in that round; '—': no table in that round.",
    },
    "printables.page": {"fr": "page {number}", "en": "page {number}"},
    "printables.revision": {"fr": "v{version}, {time}", "en": "v{version}, {time}"},
    "printables.revision_untimed": {"fr": "v{version}", "en": "v{version}"},
    "printables.date": {"fr": "{weekday} {day} {month} {year}", "en": "{weekday} {day} {month} {year}"},
    "printables.first_of_month": {"fr": "1er", "en": "1"},
    "printables.weekdays": {
        "fr": "lundi,mardi,mercredi,jeudi,vendredi,samedi,dimanche",
        "en": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    },
    "printables.months": {
        "fr": "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre",
        "en": "January,February,March,April,May,June,July,August,September,October,November,December",
    },
    # --- history ---
    "history.no_database": {
        "fr": "Aucun historique dans {path} : enregistrez d'abord une séance avec "
        "« speeddating history add plan.json ».",
        "en": 'No history in {path}: record a session first with "speeddating history add plan.json".',
    },
    "history.newer_schema": {
        "fr": "{path} a été écrit par une version plus récente de speeddating : mettez le logiciel à jour.",
        "en": "{path} was written by a newer version of speeddating: update the software.",
    },
    "history.busy": {
        "fr": "{path} est occupé par un autre programme depuis {seconds:.0f} s : réessayez plus tard.",
        "en": "{path} has been busy with another program for {seconds:.0f} s: try again later.",
    },
    "history.unusable": {
        "fr": "{path} n'est pas un historique utilisable ({reason}). Indiquez avec --history le fichier .db où "
        "« speeddating history add » enregistre les séances (par défaut speeddating.db).",
        "en": "{path} is not a usable history ({reason}). Give --history the .db file where "
        '"speeddating history add" records the sessions (speeddating.db by default).',
    },
    "history.no_session": {
        "fr": "Aucune séance n° {session} dans l'historique (voir « speeddating history list »).",
        "en": 'No session {session} in the history (see "speeddating history list").',
    },
    "history.already_recorded": {
        "fr": "Cette séance est déjà enregistrée (n° {session}, « {title} » du {date}). "
        "Ajoutez --replace pour la remplacer (par sa version replanifiée, par exemple) ; "
        "s'il s'agit d'une autre séance du même jour, donnez-lui un autre titre avec --title.",
        "en": "This session is already recorded (no. {session}, '{title}' on {date}). "
        "Add --replace to replace it (with its re-planned version, say); "
        "if this is another session on the same day, give it another title with --title.",
    },
    "history.version": {"fr": "version {version}", "en": "version {version}"},
    "history.version_revised": {"fr": "version {version} ({revised})", "en": "version {version} ({revised})"},
    "history.older_version": {
        "fr": "{file} : {given} du plan, plus ancienne que la {recorded} déjà enregistrée "
        "(séance n° {session}, « {title} » du {date}) ; rien n'a été remplacé. Enregistrez plutôt la dernière "
        "version (celle du dossier -v le plus élevé, écrite par « speeddating replan »), ou ajoutez --force "
        "si c'est vraiment cette version-ci qui a eu lieu.",
        "en": "{file}: {given} of the plan, older than {recorded} already recorded "
        "(session {session}, '{title}' on {date}); nothing was replaced. Record the latest version instead "
        '(the one in the highest -v folder, written by "speeddating replan"), or add --force '
        "if this version really is the one that took place.",
    },
    "history.bad_export": {
        "fr": "{path} n'est pas un export d'historique (format attendu : {format}).",
        "en": "{path} is not a history export (expected format: {format}).",
    },
    "history.plan_not_export": {
        "fr": "{path} est un plan de séance, pas un export d'historique : enregistrez la séance avec "
        "« speeddating history add {path} ».",
        "en": "{path} is a session plan, not a history export: record the session with "
        '"speeddating history add {path}".',
    },
    "history.export_session": {"fr": "{path}, séance {number}", "en": "{path}, session {number}"},
    "history.export_no_plan": {
        "fr": "{where} (« {title} » du {date}) : aucun plan dans le fichier, rien n'a été importé. "
        "Refaites l'export depuis l'historique d'origine avec « speeddating history export », ou enregistrez "
        "cette séance à partir de son plan.json avec « speeddating history add ».",
        "en": "{where} ('{title}' on {date}): no plan in the file, nothing was imported. "
        'Export the original history again with "speeddating history export", or record this session '
        'from its plan.json with "speeddating history add".',
    },
    "history.export_bad_plan": {
        "fr": "{problem} ; rien n'a été importé. Refaites l'export depuis l'historique d'origine avec "
        "« speeddating history export ».",
        "en": '{problem}; nothing was imported. Export the original history again with "speeddating history export".',
    },
    "history.added": {
        "fr": "Séance n° {session} enregistrée dans {path} : « {title} » du {date}, {people} personnes, {rounds} tours.",
        "en": "Session {session} recorded in {path}: '{title}' on {date}, {people} people, {rounds} rounds.",
    },
    "history.replaced": {
        "fr": "Elle remplace la séance n° {session} : « {title} » du {date}, {people} personnes, {rounds} tours.",
        "en": "It replaces session {session}: '{title}' on {date}, {people} people, {rounds} rounds.",
    },
    "history.empty": {"fr": "Aucune séance enregistrée dans {path}.", "en": "No session recorded in {path}."},
    "history.col_session": {"fr": "N°", "en": "No."},
    "history.col_date": {"fr": "Date", "en": "Date"},
    "history.col_people": {"fr": "Personnes", "en": "People"},
    "history.col_rounds": {"fr": "Tours", "en": "Rounds"},
    "history.col_title": {"fr": "Titre", "en": "Title"},
    "history.show_session": {
        "fr": "Séance n° {session} : « {title} » du {date}, {people} personnes, {rounds} tours",
        "en": "Session {session}: '{title}' on {date}, {people} people, {rounds} rounds",
    },
    "history.show_round": {"fr": "Tour {number}{theme}", "en": "Round {number}{theme}"},
    "history.show_table": {"fr": "  Table {number} : {people}", "en": "  Table {number}: {people}"},
    "history.removed": {
        "fr": "Séance n° {session} (« {title} » du {date}) retirée de l'historique.",
        "en": "Session {session} ('{title}' on {date}) removed from the history.",
    },
    "history.exported": {
        "fr": "{count} séance(s) exportée(s) dans {file}.",
        "en": "{count} session(s) exported to {file}.",
    },
    "history.imported": {
        "fr": "{added} séance(s) ajoutée(s) à {path} ; {known} déjà présente(s), ignorée(s).",
        "en": "{added} session(s) added to {path}; {known} already there, skipped.",
    },
    "history.unreadable": {
        "fr": "{path} : lecture impossible ({reason}).",
        "en": "{path}: cannot be read ({reason}).",
    },
    "history.read": {
        "fr": "Historique {path} : {pairs} paires de participants se sont déjà rencontrées.",
        "en": "History {path}: {pairs} pairs of attendees have already met.",
    },
    "history.reunions": {
        "fr": "Retrouvailles : {history} paire(s) déjà rencontrée(s) avant cette séance, {repeats} revue(s) pendant la séance, {colleagues} paire(s) de collègues évitable(s) ; ces effectifs en imposent au moins {count} au total",
        "en": "Re-meetings: {history} pair(s) met in earlier sessions, {repeats} met twice in this session, {colleagues} avoidable colleague pair(s); these head counts force at least {count} in all",
    },
    "report.no_session": {
        "fr": "Aucune séance enregistrée dans {path} : enregistrez d'abord une séance avec "
        "« speeddating history add plan.json ».",
        "en": 'No session recorded in {path}: record a session first with "speeddating history add plan.json".',
    },
    "report.title": {"fr": "Le réseau se tisse", "en": "How the network is knitting together"},
    "report.headline": {
        "fr": "Après {sessions} séance(s) : {people} personnes de {organisations} structures, "
        "{encounters} rencontres distinctes.",
        "en": "After {sessions} session(s): {people} people from {organisations} organisations, "
        "{encounters} distinct encounters.",
    },
    "report.matrix_heading": {
        "fr": "Liens entre structures (paires de personnes qui se sont rencontrées ; diagonale : collègues)",
        "en": "Links between organisations (pairs of people who have met; diagonal: colleagues)",
    },
    "report.people_heading": {"fr": "Par personne", "en": "Per person"},
    "report.people_met": {"fr": "Personnes rencontrées", "en": "People met"},
    "report.organisations_met": {"fr": "Structures rencontrées", "en": "Organisations met"},
    "report.never_met": {"fr": "Aucune rencontre encore avec", "en": "Nobody met yet from"},
    "report.legend": {
        "fr": "Chaque case : nombre de paires de personnes des deux structures qui se sont déjà rencontrées.",
        "en": "Each cell: pairs of people from the two organisations who have already met.",
    },
    "report.least_heading": {"fr": "Les moins connectés", "en": "Least connected"},
    "report.least_detail": {
        "fr": "{people} personne(s) rencontrée(s), {organisations}/{total} structures",
        "en": "{people} people met, {organisations}/{total} organisations",
    },
    # --- re-planning ---
    "names.ambiguous": {
        "fr": "« {query} » peut désigner plusieurs personnes : {candidates}{more}. Précisez le nom complet, "
        "la structure entre parenthèses, par exemple « Anne Martin (Mission Locale) », ou l'identifiant.",
        "en": "'{query}' could be several people: {candidates}{more}. Give the full name, the organisation "
        "in brackets, for example 'Anne Martin (Mission Locale)', or the id.",
    },
    "names.more": {"fr": " et {count} autre(s)", "en": " and {count} more"},
    "names.unknown_near": {
        "fr": "« {query} » ne correspond à personne dans la liste des participants ; noms proches : {candidates}.",
        "en": "'{query}' matches nobody in the attendee list; close names: {candidates}.",
    },
    "names.unknown": {
        "fr": "« {query} » ne correspond à personne dans la liste des participants ; vérifiez l'orthographe "
        "ou donnez l'identifiant.",
        "en": "'{query}' matches nobody in the attendee list; check the spelling or give the id.",
    },
    "constraints.bad_flag": {
        "fr": "{name} : « {value} » dans la colonne {column} n'est ni oui ni non ; écrivez oui, x ou 1, "
        "ou laissez la case vide.",
        "en": "{name}: '{value}' in column {column} is neither yes nor no; write yes, x or 1, or leave it empty.",
    },
    "constraints.no_file": {"fr": "{path} : fichier introuvable.", "en": "{path}: no such file."},
    "constraints.bad_row": {
        "fr": "{path}, ligne {line} : {count} nom(s) au lieu de 2 ; mettez deux noms par ligne, séparés par ;",
        "en": "{path}, line {line}: {count} name(s) instead of 2; put two names per line, separated by ;",
    },
    "constraints.row": {"fr": "{path}, ligne {line} : {message}", "en": "{path}, line {line}: {message}"},
    "constraints.same_person": {
        "fr": "{path}, ligne {line} : les deux noms désignent {name} ; une paire réunit deux personnes différentes.",
        "en": "{path}, line {line}: both names are {name}; a pair is two different people.",
    },
    "constraints.apart_and_meet": {
        "fr": "{first} et {second} sont à la fois à tenir à l'écart et à faire se rencontrer ; retirez la paire "
        "de l'un des deux fichiers.",
        "en": "{first} and {second} are both to be kept apart and to meet; remove the pair from one of the files.",
    },
    "constraints.too_many_seated": {
        "fr": "{count} personnes restent assises mais le tour {round} n'a que {tables} tables ({names}) : "
        "au plus une par table ; retirez la mention « reste assis » pour certaines.",
        "en": "{count} people stay seated but round {round} has only {tables} tables ({names}): "
        "at most one per table; remove 'stays seated' from some of them.",
    },
    "constraints.no_room": {
        "fr": "{count} personnes gardent leur table (restent assises ou animent) : plus que les places des tables ; "
        "retirez certaines mentions.",
        "en": "{count} people keep their table (staying seated or hosting): more than the tables hold; "
        "remove some of these marks.",
    },
    "constraints.hosts_beyond_tables": {
        "fr": "Attention : plus d'animateurs que de tables ({tables}) ; {names} participe(nt) comme les autres "
        "(un animateur par table au plus, sinon deux animateurs se verraient tout le long).",
        "en": "Warning: more hosts than tables ({tables}); {names} take(s) part like everyone else "
        "(one host per table at most, otherwise two hosts would sit together all session).",
    },
    "constraints.summary_seated": {
        "fr": "Restent assis ({count}) : {listing} (entre parenthèses : sa table)",
        "en": "Stay seated ({count}): {listing} (in brackets: their table)",
    },
    "constraints.summary_hosts": {
        "fr": "Animateurs ({count}) : {listing} (entre parenthèses : sa table)",
        "en": "Table hosts ({count}): {listing} (in brackets: their table)",
    },
    "constraints.cost_shared": {
        "fr": "Coût : {count} paire(s) de personnes qui gardent leur table la partagent ({pairs}), "
        "soit {repeats} rencontre(s) répétée(s)",
        "en": "Cost: {count} pair(s) of people keeping their table share it ({pairs}), "
        "that is {repeats} repeated encounter(s)",
    },
    "constraints.summary_apart": {
        "fr": "Paires tenues à l'écart : {count}, dont {broken} réunie(s) malgré tout",
        "en": "Pairs kept apart: {count}, {broken} of them seated together anyway",
    },
    "constraints.apart_broken": {
        "fr": "  {first} et {second} sont à la même table au(x) tour(s) {rounds}",
        "en": "  {first} and {second} share a table in round(s) {rounds}",
    },
    "constraints.summary_meet": {
        "fr": "Paires à faire se rencontrer : {count}, dont {met} rencontrée(s)",
        "en": "Pairs who should meet: {count}, {met} of them meet",
    },
    "constraints.meet_missed": {
        "fr": "  {first} et {second} ne se rencontrent pas (cela aurait coûté davantage)",
        "en": "  {first} and {second} do not meet (it would have cost more)",
    },
    "constraints.meet_colleagues": {
        "fr": "  {first} et {second} ne se rencontrent pas : collègues de la même structure, ils ne sont jamais "
        "placés ensemble",
        "en": "  {first} and {second} do not meet: colleagues from the same organisation are never seated together",
    },
    "constraints.meet_anchored": {
        "fr": "  {first} et {second} ne se rencontrent pas : chacun garde sa table (tables {tables})",
        "en": "  {first} and {second} do not meet: each keeps their own table (tables {tables})",
    },
    "replan.bad_round": {
        "fr": "--from-round {round} : le plan compte {rounds} tours ; donnez un tour de 1 à {rounds}.",
        "en": "--from-round {round}: the plan has {rounds} rounds; give a round from 1 to {rounds}.",
    },
    "replan.already_there": {
        "fr": "{name} ({organisation}) est déjà dans le plan à chaque tour restant ; retirez cette personne "
        "des arrivées (--add ou fichier --add-file).",
        "en": "{name} ({organisation}) is already in the plan in every remaining round; remove them from the "
        "arrivals (--add or the --add-file file).",
    },
    "replan.added_twice": {
        "fr": "{name} ({organisation}) est ajouté(e) deux fois ; ne l'indiquez qu'une fois (--add ou fichier "
        "--add-file).",
        "en": "{name} ({organisation}) is added twice; give them only once (--add or the --add-file file).",
    },
    "replan.absent_and_added": {
        "fr": "à la fois absent(e) et ajouté(e) : {names} ; choisissez l'un ou l'autre.",
        "en": "both absent and added: {names}; choose one or the other.",
    },
    "replan.out_taken": {
        "fr": "{folder} contient déjà un plan (plan.json) ; choisissez un autre dossier --out, ou ajoutez --force "
        "pour le remplacer.",
        "en": "{folder} already holds a plan (plan.json); choose another --out folder, or add --force to replace it.",
    },
    "replan.too_few": {
        "fr": "au tour {round}, il ne resterait que {count} personne(s) présente(s) : il en faut au moins 2 "
        "pour une table ; vérifiez les --absent ou re-planifiez à partir d'un autre tour.",
        "en": "in round {round} only {count} person(s) would be present: a table needs at least 2; "
        "check the --absent names or re-plan from another round.",
    },
    "replan.present": {
        "fr": "Présents à partir du tour {round} : {count} (sur {total} inscrits au total)",
        "en": "Present from round {round}: {count} (of {total} people listed in all)",
    },
    "replan.unused_tables": {
        "fr": "Tables qui restent vides : {listing}",
        "en": "Tables left empty: {listing}",
    },
    "replan.unused_in_round": {"fr": "tour {round} : table(s) {numbers}", "en": "round {round}: table(s) {numbers}"},
    "replan.table": {"fr": "table {number}", "en": "table {number}"},
    "replan.no_table": {"fr": "sans table", "en": "no table"},
    "replan.move": {
        "fr": "{name} : {before} → {after} (tour {round})",
        "en": "{name}: {before} → {after} (round {round})",
    },
    "replan.bad_add": {
        "fr": "--add « {text} » : écrivez « Nom,Structure » ou « Nom,Structure,courriel ».",
        "en": '--add \'{text}\': write "Name,Organisation" or "Name,Organisation,email".',
    },
    "replan.no_moves": {
        "fr": "Aucun changement de table par rapport à la version {version}.",
        "en": "No table changes compared with version {version}.",
    },
    "replan.moves_heading": {
        "fr": "Changements par rapport à la version {version} ({count}) :",
        "en": "Changes compared with version {version} ({count}):",
    },
    "replan.reprint_cards": {
        "fr": "Cartes de parcours à réimprimer ({count}) : {names}",
        "en": "Itinerary cards to reprint ({count}): {names}",
    },
    "replan.reprint_tables": {
        "fr": "Chevalets à réimprimer ({count}) : tables {numbers}",
        "en": "Table cards to reprint ({count}): tables {numbers}",
    },
}

COMMAND_LINE_FRENCH: dict[str, str] = {
    # --- click's own messages (its English text is the key, as in its gettext catalogue) ---
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Positional arguments": "Arguments",
    "Commands": "Commandes",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Pour l'aide : « {command} {option} ».",
    "Aborted!": "Abandon.",
    "unknown error": "erreur inconnue",
    "Missing command.": "Commande manquante.",
    "No such command {name!r}.": "Commande {name!r} inconnue.",
    "No such option {name!r}.": "Option {name!r} inconnue.",
    "Did you mean {possibility}?": "Vouliez-vous dire {possibility} ?",
    "(Did you mean one of: {possibilities}?)": "(Vouliez-vous dire l'une de ces options : {possibilities} ?)",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Got unexpected extra argument ({args})": "Argument en trop : {args}",
    "Got unexpected extra arguments ({args})": "Arguments en trop : {args}",
    "Option {name!r} does not take a value.": "L'option {name!r} ne prend pas de valeur.",
    "Option {name!r} requires an argument.": "L'option {name!r} attend une valeur.",
    "Option {name!r} requires {nargs} arguments.": "L'option {name!r} attend {nargs} valeurs.",
    "Argument {name!r} takes {nargs} values.": "L'argument {name!r} attend {nargs} valeurs.",
    "Takes {nargs} values but 1 was given.": "{nargs} valeurs attendues, une seule donnée.",
    "Takes {nargs} values but {len} were given.": "{nargs} valeurs attendues, {len} données.",
    "Choose from:\n\t{choices}": "Choisissez parmi :\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} n'est pas possible : indiquez {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} n'est pas possible : choisissez parmi {choices}.",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} n'est pas un nombre valide.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} n'est pas un oui/non reconnu. Valeurs acceptées : {states}",
    "{value!r} does not match the format {format}.": "{value!r} ne suit pas le format {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} ne suit aucun des formats {formats}.",
    "{name} {filename!r} does not exist.": "{filename!r} est introuvable.",
    "{name} {filename!r} is a file.": "{filename!r} est un fichier ; il faut un dossier.",
    "{name} {filename!r} is a directory.": "{filename!r} est un dossier ; il faut un fichier.",
    "{name} {filename!r} is not readable.": "{filename!r} n'est pas lisible : vérifiez vos droits sur ce fichier.",
    "{name} {filename!r} is not writable.": "{filename!r} n'est pas modifiable : vérifiez vos droits sur ce fichier.",
    "Could not open file {filename!r}: {message}": "Impossible d'ouvrir le fichier {filename!r} : {message}",
    "default: {default}": "par défaut : {default}",
    "required": "obligatoire",
    "env var: {var}": "variable d'environnement : {var}",
    "Show this message and exit.": "Affiche cette aide.",
    "Show the version and exit.": "Affiche la version.",
    # --- our commands' help (docstrings) ---
    "Plan speed-networking sessions: mixed organisations, no pair twice, across sessions.": "Planifie des séances de speed-networking : structures mêlées, jamais deux fois la même paire, "
    "d'une séance à l'autre.",
    "Write a commented event.toml and a sample attendees.csv into FOLDER (default: here).": "Écrit un event.toml commenté et un exemple attendees.csv dans FOLDER (par défaut : ici).",
    "Plan a session for the people in ATTENDEE_FILE (CSV, TSV, XLSX or ODS).": "Planifie une séance pour les personnes de ATTENDEE_FILE (CSV, TSV, XLSX ou ODS).",
    "Recompute the quality figures of PLAN_FILE (exit 1 when it is malformed).": "Recalcule les chiffres de qualité de PLAN_FILE (code de sortie 1 s'il est mal formé).",
    "Table cards, itineraries, agenda and master plan (PDF) for PLAN_FILE.": "Chevalets, parcours individuels, programme et plan d'ensemble (PDF) de PLAN_FILE.",
    "Re-plan PLAN_FILE from a round on, for absentees and late arrivals; prints who moves where.": "Replanifie PLAN_FILE à partir d'un tour, pour les absents et les retardataires ; affiche qui change de "
    "table.",
    "Remember past sessions, so that later ones bring new people together.": "Garde la mémoire des séances passées, pour que les suivantes fassent se rencontrer de nouvelles personnes.",
    "Record the session of PLAN_FILE once it has taken place.": "Enregistre la séance de PLAN_FILE une fois qu'elle a eu lieu.",
    "The recorded sessions, oldest first, with their head counts.": "Les séances enregistrées, de la plus ancienne à la plus récente, avec leurs effectifs.",
    "Who sat with whom in SESSION (its number in `history list`).": "Qui était à la table de qui pendant la séance SESSION (son numéro dans « history list »).",
    "Forget SESSION (for instance one recorded by mistake).": "Oublie la séance SESSION (par exemple enregistrée par erreur).",
    "Write every session to EXPORT_FILE (JSON), to move or merge the history.": "Écrit toutes les séances dans EXPORT_FILE (JSON), pour déplacer ou fusionner l'historique.",
    "Add the sessions of EXPORT_FILE that this history does not have yet.": "Ajoute les séances de EXPORT_FILE que cet historique n'a pas encore.",
    "How the network is knitting together across every recorded session.": "Comment le réseau se tisse, sur toutes les séances enregistrées.",
    # --- our options' help ---
    "Language of messages and documents (default fr).": "Langue des messages et des documents (fr par défaut).",
    "Replace event.toml and attendees.csv if they exist.": "Remplace event.toml et attendees.csv s'ils existent.",
    "Title to record (default: the plan's event title).": "Titre à enregistrer (par défaut : le titre de l'événement du plan).",
    "Replace the session already recorded for this plan or event.": "Remplace la séance déjà enregistrée pour ce plan ou cet événement.",
    "With --replace: replace even a newer version of the plan.": "Avec --replace : remplace même une version plus récente du plan.",
    "History database (default ./speeddating.db or $SPEEDDATING_DB).": "Base de l'historique (par défaut ./speeddating.db ou $SPEEDDATING_DB).",
    "Ignore the history of earlier sessions.": "Ne tient pas compte de l'historique des séances précédentes.",
    "Output folder (default ./report-YYYY-MM-DD/).": "Dossier de sortie (par défaut ./report-AAAA-MM-JJ/).",
    "Output folder (default ./plan-YYYY-MM-DD/).": "Dossier de sortie (par défaut ./plan-AAAA-MM-JJ/).",
    "Output folder (default: the plan file's folder).": "Dossier de sortie (par défaut : celui du fichier de plan).",
    "Output folder (default: the plan's folder with the next free -v2, -v3... appended).": "Dossier de sortie (par défaut : celui du plan suivi du premier -v2, -v3... libre).",
    "Event file (TOML): times, round length, themes (default: the 8:30-10:00 breakfast).": "Fichier d'événement (TOML) : horaires, durée des tours, thèmes (par défaut : le petit-déjeuner "
    "8h30-10h).",
    "Number of rounds (default: as many as fit).": "Nombre de tours (par défaut : autant que le créneau en permet).",
    "People per table (default 4).": "Personnes par table (4 par défaut).",
    "Seconds the optimiser may use.": "Secondes accordées à l'optimisation.",
    "Same seed, same plan.": "Même graine, même plan.",
    "CSV of pairs never to seat together (a manager and their report...), two names per row.": "CSV des paires à ne jamais placer ensemble (une responsable et son collaborateur...), deux noms par ligne.",
    "CSV of pairs who should meet, two names per row.": "CSV des paires qui devraient se rencontrer, deux noms par "
    "ligne.",
    "Sheet to read in a workbook (default: the first).": "Feuille à lire dans un classeur (par défaut : la première).",
    "Keep the first of duplicated people instead of stopping.": "Garde la première ligne d'une personne en double au lieu de s'arrêter.",
    "Organisation aliases: rows 'other name;organisation to use' (Pôle emploi → France Travail is built in).": "Autres noms des structures : lignes « autre nom;structure à retenir » (Pôle emploi → France Travail est "
    "déjà prévu).",
    "Accept more rounds than the time window holds.": "Accepte plus de tours que le créneau n'en contient.",
    "Print the summary as one JSON object.": "Affiche le résumé en un seul objet JSON.",
    "Print the figures as one JSON object.": "Affiche les chiffres en un seul objet JSON.",
    "No progress on stderr.": "Pas de suivi de progression sur stderr.",
    "An earlier session's plan: its pairs count as already met (repeatable).": "Le plan d'une séance précédente : ses paires comptent comme déjà rencontrées (répétable).",
    "Paper size.": "Format du papier.",
    "First round to re-plan; earlier rounds stay exactly as they were.": "Premier tour à replanifier ; les tours précédents restent exactement tels quels.",
    "Someone not there from that round on (repeatable; accents and case do not matter).": "Une personne absente à partir de ce tour (répétable ; accents et majuscules indifférents).",
    "Someone who arrives, seated from that round on (repeatable).": "Une personne qui arrive, placée à partir de ce tour (répétable).",
    "Attendee file of people who arrive (same columns as for plan).": "Liste des personnes qui arrivent (mêmes colonnes que pour plan).",
    "Replace the plan already in the --out folder.": "Remplace le plan déjà présent dans le dossier --out.",
    "Move as few people as possible (default): a seat changes only to avoid colleagues at one table or "
    "a repeat; --no-fewest-moves skips this step, about a third faster, but may move more people.": "Déplace le moins de personnes possible (par défaut) : une place ne change que pour éviter des collègues "
    "à une même table ou une rencontre en double ; --no-fewest-moves s'en dispense, environ un tiers plus "
    "vite, mais peut déplacer davantage de personnes.",
}
"""The command line's English texts (click's messages, our help) in French; English is the text itself."""


def command_line_text(english: str) -> str:
    """A command-line text written in English (click's messages, our help), in the current language;
    a text without a French entry stays in English rather than failing."""
    if current_language() == "fr":
        return COMMAND_LINE_FRENCH.get(english, english)
    return english


def current_language() -> str:
    return _language.get()


def set_language(language: str) -> None:
    """Choose the language for the rest of this run (the CLI calls it once, from --lang)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose among {', '.join(LANGUAGES)}")
    _language.set(language)


@contextmanager
def use_language(language: str) -> Iterator[None]:
    """Within the block, `t` answers in `language` ("fr" or "en")."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose among {', '.join(LANGUAGES)}")
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def t(key: str, language: str | None = None, **params: object) -> str:
    """The message `key` in `language` (default: the current one), formatted with `params`."""
    entry = MESSAGES[key]
    return entry[language or current_language()].format(**params)
