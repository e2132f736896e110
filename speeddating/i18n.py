"""Every user-facing sentence, in French (default) and English, kept in one place.

`t("key", name=...)` formats the message in the language chosen for this run (`use_language`),
which the CLI sets once from `--lang`. Sections group the messages by the part that shows them.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = ("fr", "en")
_language: ContextVar[str] = ContextVar("speeddating_language", default="fr")

MESSAGES: dict[str, dict[str, str]] = {
    # --- errors shared by several parts ---
    "error.line": {"fr": "Erreur : {message}", "en": "Error: {message}"},
    # --- importer ---
    # --- event ---
    # --- plan summary and CLI ---
    "csv.round": {"fr": "Tour", "en": "Round"},
    "csv.start": {"fr": "Début", "en": "Start"},
    "csv.table": {"fr": "Table", "en": "Table"},
    "csv.name": {"fr": "Nom", "en": "Name"},
    "csv.organisation": {"fr": "Structure", "en": "Organisation"},
    "csv.theme": {"fr": "Thème", "en": "Theme"},
    "summary.people": {"fr": "Participants : {count}", "en": "People: {count}"},
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
    "cli.warning": {"fr": "Attention : {message}", "en": "Warning: {message}"},
    "cli.too_many_rounds": {
        "fr": "{rounds} tours ne tiennent pas entre {start} et {end} : il manque {minutes} min. "
        "Réduisez --rounds, allongez le créneau dans le fichier d'événement, ou ajoutez --allow-overrun.",
        "en": "{rounds} rounds do not fit between {start} and {end}: {minutes} min short. "
        "Lower --rounds, widen the window in the event file, or add --allow-overrun.",
    },
    "cli.no_round_fits": {
        "fr": "Aucun tour ne tient entre {start} et {end} avec l'accueil et la clôture prévus : "
        "allongez le créneau ou raccourcissez les tours.",
        "en": "No round fits between {start} and {end} with the planned welcome and closing: "
        "widen the window or shorten the rounds.",
    },
    "cli.tiny_group": {
        "fr": "Seulement {count} personnes : une seule table, les mêmes à chaque tour. "
        "Un seul tour est prévu.",
        "en": "Only {count} people: one table, the same people every round. "
        "A single round is planned.",
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
    # --- printables ---
    # --- history ---
    # --- re-planning ---
}


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
