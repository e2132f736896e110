"""Where the history lives: one store that follows the organiser from folder to folder."""

from pathlib import Path

import pytest

from speeddating.history.location import HistoryLocation, Origin, describe, history_path, locate, user_store
from speeddating.i18n import use_language


def test_the_option_then_the_environment_then_the_old_place_then_the_user_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert locate(None) == HistoryLocation(user_store(), Origin.USER_DATA)
    assert user_store() == tmp_path / "user-data" / "speeddating" / "history.db"
    (tmp_path / "speeddating.db").write_bytes(b"")
    assert locate(None) == HistoryLocation(Path("speeddating.db"), Origin.CURRENT_FOLDER)
    monkeypatch.setenv("SPEEDDATING_DB", str(tmp_path / "env.db"))
    assert locate(None) == HistoryLocation(tmp_path / "env.db", Origin.ENVIRONMENT)
    assert locate(tmp_path / "opt.db") == HistoryLocation(tmp_path / "opt.db", Origin.OPTION)
    assert history_path(tmp_path / "opt.db", True) is None


def test_the_user_store_is_the_same_from_any_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stores = set()
    for folder in ("seance1", "seance2"):
        (tmp_path / folder).mkdir()
        monkeypatch.chdir(tmp_path / folder)
        stores.add(locate(None).path)
    assert stores == {user_store()}


def test_the_line_says_what_the_history_holds_and_where(tmp_path: Path) -> None:
    store = HistoryLocation(tmp_path / "h.db", Origin.USER_DATA)
    path = tmp_path / "h.db"
    assert describe(store, 2, 41) == f"Historique : 2 séances, 41 personnes — {tmp_path / 'h.db'}"
    assert describe(store, 0, 0) == f"Historique : aucune séance enregistrée pour l'instant — {tmp_path / 'h.db'}"
    assert describe(store, 1, 8, 1) == f"Historique : 1 séance, 8 personnes ; 1 prévue, pas encore tenue — {path}"
    with use_language("en"):
        assert describe(store, 1, 1) == f"History: 1 session, 1 person — {tmp_path / 'h.db'}"
        assert describe(None, 0, 0) == "History: not used (--no-history)."
        assert describe(store, 0, 0, 2) == f"History: no session held yet; 2 planned, not held yet — {path}"
        old = describe(HistoryLocation(Path("speeddating.db"), Origin.CURRENT_FOLDER), 3, 50)
        assert old.startswith(f"History: 3 sessions, 50 people — {Path('speeddating.db').absolute()} (the former")
