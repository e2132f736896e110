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
    "error.prefix": {"fr": "Erreur", "en": "Error"},
    # --- importer ---
    # --- event ---
    # --- plan summary and CLI ---
    # --- printables ---
    # --- history ---
    # --- re-planning ---
}


def current_language() -> str:
    return _language.get()


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
