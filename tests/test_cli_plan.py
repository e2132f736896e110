"""End to end through the command line: plan, check, and the refusals an organiser may meet."""

import json
from pathlib import Path

import pytest

from tests.conftest import CheckPlan
from tests.helpers import plan_quickly, run_cli, write_attendees, write_roster


def test_plan_writes_a_checked_plan_and_a_summary(tmp_path: Path, instances: Path, check_plan: CheckPlan) -> None:
    code, out, err = run_cli(
        "plan",
        str(instances / "spro24.csv"),
        "--rounds",
        "5",
        "--time-limit",
        "2",
        "--seed",
        "1",
        "--no-history",
        "--out",
        str(tmp_path),
        "--quiet",
    )
    assert code == 0, err
    figures = check_plan(tmp_path / "plan.json")
    assert figures["valid"], figures["errors"]
    assert figures["rounds"] == 5 and figures["attendees"] == 24
    assert f"{figures['distinct_new_pairs']} sur {figures['new_pairs_bound']}" in out
    assert "Paires de collègues à une même table : " + str(figures["same_org_pairs"]) in out
    csv_lines = (tmp_path / "plan.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(csv_lines) == 1 + 24 * 5


def test_plan_json_summary_and_check_agree(tmp_path: Path, instances: Path) -> None:
    code, out, err = run_cli(
        "--lang",
        "en",
        "plan",
        str(instances / "agence52.csv"),
        "--rounds",
        "3",
        "--time-limit",
        "2",
        "--no-history",
        "--out",
        str(tmp_path),
        "--json",
        "--quiet",
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["people"] == 52
    code, checked, err = run_cli("check", str(tmp_path / "plan.json"), "--json")
    assert code == 0, err
    assert json.loads(checked)["quality"]["distinct_new_pairs"] == summary["quality"]["distinct_new_pairs"]


def test_same_seed_gives_the_same_plan(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 20, 5)
    plans = []
    for name in ("a", "b"):
        code, _, err = run_cli(
            "plan",
            str(attendees),
            "--rounds",
            "4",
            "--time-limit",
            "1",
            "--seed",
            "7",
            "--no-history",
            "--out",
            str(tmp_path / name),
            "--quiet",
        )
        assert code == 0, err
        plans.append(json.loads((tmp_path / name / "plan.json").read_text(encoding="utf-8"))["rounds"])
    assert plans[0] == plans[1]


def test_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    code, out, err = run_cli("plan", str(tmp_path / "absent.csv"), "--no-history", "--out", str(tmp_path))
    assert code == 2
    assert "absent.csv" in err and "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1


def test_too_many_rounds_for_the_breakfast_are_refused_unless_allowed(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 8)
    code, _, err = run_cli("plan", str(attendees), "--rounds", "7", "--no-history", "--out", str(tmp_path))
    assert code == 2
    assert "7 tours ne tiennent pas" in err and "17 min" in err
    code, _, err = run_cli(
        "plan",
        str(attendees),
        "--rounds",
        "7",
        "--allow-overrun",
        "--time-limit",
        "1",
        "--no-history",
        "--out",
        str(tmp_path),
        "--quiet",
    )
    assert code == 0, err
    assert "7 tours dépassent l'horaire de 17 min : fin à 10:17 au lieu de 10:00" in err


def test_two_people_get_one_round_and_an_explanation(tmp_path: Path, check_plan: CheckPlan) -> None:
    attendees = write_roster(tmp_path, [("Anne", "A"), ("Bruno", "B")])
    code, _, err = run_cli("plan", str(attendees), "--no-history", "--time-limit", "1", "--out", str(tmp_path))
    assert code == 0, err
    assert "Seulement 2 personnes" in err
    figures = check_plan(tmp_path / "plan.json", "--min-size", "2")
    assert figures["valid"] and figures["rounds"] == 1 and figures["distinct_new_pairs"] == 1


def test_too_many_colleagues_are_explained(tmp_path: Path) -> None:
    rows = [(f"Agent {i}", "France Travail") for i in range(5)] + [(f"P {i}", f"S {i}") for i in range(7)]
    attendees = write_roster(tmp_path, rows)
    code, out, err = run_cli(
        "plan", str(attendees), "--rounds", "2", "--no-history", "--time-limit", "1", "--out", str(tmp_path)
    )
    assert code == 0, err
    assert "« France Travail » compte 5 personnes pour 3 tables" in err
    assert "(dont 4 inévitables)" in out


def test_check_names_the_problem_of_a_malformed_plan(tmp_path: Path) -> None:
    bad = tmp_path / "plan.json"
    bad.write_text(json.dumps({"format": "speeddating-plan/1", "attendees": []}), encoding="utf-8")
    code, out, err = run_cli("check", str(bad))
    assert code == 1
    assert "attendees" in err and "Traceback" not in err + out


def test_aliases_merge_former_names_and_say_so(tmp_path: Path) -> None:
    rows = [
        ("Anne", "France Travail"),
        ("Bruno", "Pôle emploi"),
        ("Chloé", "ML Nord"),
        ("Driss", "Mission Locale"),
        ("Emma", "CIDFF"),
        ("Farid", "CIO"),
    ]
    attendees = write_roster(tmp_path, rows)
    aliases = tmp_path / "alias.csv"
    aliases.write_text("alias;organisation\nML Nord;Mission Locale\n", encoding="utf-8")
    code, out, err = run_cli(
        "plan",
        str(attendees),
        "--aliases",
        str(aliases),
        "--rounds",
        "1",
        "--no-history",
        "--time-limit",
        "1",
        "--out",
        str(tmp_path / "out"),
    )
    assert code == 0, err
    assert "« Pôle emploi » compté comme « France Travail »" in err
    assert "« ML Nord » compté comme « Mission Locale »" in err
    assert "Structures (4)" in out


def test_the_module_and_the_checkout_shim_run_the_same_cli() -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    for command in ([sys.executable, "-m", "speeddating", "--help"], [sys.executable, str(REPO / "cli.py"), "--help"]):
        completed = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)
        assert completed.returncode == 0, completed.stderr
        assert "plan" in completed.stdout and "replan" in completed.stdout


def test_check_refuses_a_table_where_nobody_meets_anybody(tmp_path: Path, instances: Path) -> None:
    code, _, err = run_cli(
        "plan",
        str(instances / "spro24.csv"),
        "--rounds",
        "2",
        "--time-limit",
        "1",
        "--no-history",
        "--out",
        str(tmp_path),
        "--quiet",
    )
    assert code == 0, err
    document = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    emptied = document["rounds"][0]["tables"][5]
    document["rounds"][0]["tables"][4]["attendees"] += emptied["attendees"][:3]
    emptied["attendees"] = emptied["attendees"][3:]
    (tmp_path / "edited.json").write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run_cli("check", str(tmp_path / "edited.json"))
    assert code == 1
    assert err.strip() == (
        f"Erreur : {tmp_path / 'edited.json'} : tour 1, table 6 : 1 personne ; personne n'y rencontre "
        "personne. Regroupez-la avec une autre table."
    )


def test_ctrl_c_during_the_search_exits_cleanly_and_writes_nothing(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    attendees = write_attendees(tmp_path, 44)  # no design
    command = [
        sys.executable,
        "-m",
        "speeddating",
        "plan",
        str(attendees),
        "--rounds",
        "12",
        "--time-limit",
        "30",
        "--allow-overrun",
        "--no-history",
        "--out",
        str(tmp_path / "out"),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    process.stderr.readline()  # the first progress line: the search is under way
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Interrompu : aucun fichier n'a été modifié." in err and "Traceback" not in err
    assert not (tmp_path / "out" / "plan.json").exists()


def test_plan_json_carries_the_constraint_lines_and_warnings_of_the_human_summary(tmp_path: Path) -> None:
    people = [(f"Personne {i:02d}", f"Structure {i % 4}") for i in range(16)] + [("Pôle Seul", "Pôle emploi")]
    attendees = write_roster(tmp_path, people)
    apart = tmp_path / "apart.csv"
    apart.write_text("Personne 01;Personne 02\n", encoding="utf-8")
    meet = tmp_path / "meet.csv"
    meet.write_text("Personne 00;Personne 04\n", encoding="utf-8")  # colleagues (Structure 0): impossible
    options = [
        "plan",
        str(attendees),
        "--rounds",
        "3",
        "--time-limit",
        "1",
        "--no-history",
        "--keep-apart",
        str(apart),
        "--should-meet",
        str(meet),
        "--quiet",
    ]
    code, human, err = run_cli(*options, "--out", str(tmp_path / "human"))
    assert code == 0, err
    code, out, err = run_cli(*options, "--out", str(tmp_path / "json"), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["constraints"] == [
        "Paires tenues à l'écart : 1, dont 0 réunie malgré tout",
        "Paires à faire se rencontrer : 1, dont 0 rencontrée",
        "  Personne 00 et Personne 04 ne se rencontrent pas : collègues de la même structure, ils ne sont jamais "
        "placés ensemble",
    ]
    assert all(line in human for line in summary["constraints"])
    assert summary["warnings"] and all(warning in err for warning in summary["warnings"])
    assert any("Pôle emploi" in warning for warning in summary["warnings"])


def six_seated_at_five_tables(folder: Path) -> Path:
    """Six people who must stay seated at five tables: only found out once the output folder is chosen."""
    return write_attendees(folder, 20, 6, seated=range(6))


def test_a_refused_plan_leaves_no_empty_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "sorties" / "plan"
    code, _, err = run_cli(
        "plan", str(six_seated_at_five_tables(tmp_path)), "--no-history", "--time-limit", "1", "--out", str(out)
    )
    assert code == 2, err
    assert err.startswith("Erreur : ") and "restent assises" in err
    assert not out.exists() and not out.parent.exists()


def test_a_refused_plan_keeps_an_existing_output_folder_and_its_files(tmp_path: Path) -> None:
    out = tmp_path / "plan"
    out.mkdir()
    (out / "notes.txt").write_text("à garder", encoding="utf-8")
    code, _, _ = run_cli(
        "plan", str(six_seated_at_five_tables(tmp_path)), "--no-history", "--time-limit", "1", "--out", str(out)
    )
    assert code == 2
    assert (out / "notes.txt").read_text(encoding="utf-8") == "à garder"


def test_a_file_system_refusal_is_explained_in_the_organisers_language(tmp_path: Path) -> None:
    """The system's own words ("Not a directory", "File exists") are English: the line says it in French."""
    attendees = write_attendees(tmp_path, 9, 3)
    code, _, err = run_cli("plan", str(attendees), "--rounds", "2", "--no-history", "--out", str(attendees / "plan"))
    assert code == 2
    assert err.strip() == (
        f"Erreur : {attendees / 'plan'} : impossible d'écrire (un élément du chemin est un "
        "fichier, pas un dossier). Vérifiez le dossier et les droits."
    )
    code, _, err = run_cli(
        "--lang", "en", "plan", str(attendees), "--rounds", "2", "--no-history", "--out", str(attendees / "plan")
    )
    assert code == 2
    assert "(part of the path is a file, not a folder)" in err


def test_eight_people_over_five_rounds_are_told_that_they_will_meet_again(tmp_path: Path) -> None:
    """8 people at 2 tables of 4 have met everyone they can after 2 rounds: rounds 3 to 5 repeat pairs."""
    code, out, err = plan_quickly(write_attendees(tmp_path, 8), tmp_path / "plan")
    assert code == 0, err
    assert (
        "Attention : Avec 8 personnes, chacun rencontre au moins 3 personnes par tour et "
        "n'en a que 7 à rencontrer : au-delà de 2 tours, des personnes se revoient forcément. Les 5 tours "
        "prévus en feront se revoir ; avec --rounds 2, chaque rencontre serait nouvelle."
    ) in err
    assert "Paires qui se revoient pendant la séance : 0" not in out


def test_the_meeting_again_warning_is_in_english_and_in_the_json_too(tmp_path: Path) -> None:
    code, out, err = plan_quickly(write_attendees(tmp_path, 8), tmp_path / "plan", "--json", "--lang", "en")
    assert code == 0, err
    warnings = json.loads(out)["warnings"]
    assert any("beyond 2 rounds, some people necessarily meet again" in warning for warning in warnings)


def test_no_meeting_again_warning_when_every_round_can_bring_new_people(tmp_path: Path) -> None:
    code, _, err = plan_quickly(write_attendees(tmp_path, 16), tmp_path / "plan", "--rounds", "5")
    assert code == 0, err
    assert "se revoient forcément" not in err


def test_zero_rounds_and_a_table_of_nine_are_one_line_with_the_fix(tmp_path: Path) -> None:
    path = str(write_attendees(tmp_path, 8))
    code, _, err = run_cli("plan", path, "--rounds", "0", "--no-history", "--out", str(tmp_path / "plan"))
    assert code == 2
    assert err.strip() == (
        "Erreur : --rounds 0 : il faut au moins 1 tour. Donnez un nombre de tours à partir de 1, "
        "ou retirez --rounds pour en prévoir autant que le créneau en permet."
    )
    code, _, err = run_cli("plan", path, "--table-size", "9", "--no-history", "--out", str(tmp_path / "plan"))
    assert code == 2
    assert err.strip() == (
        "Erreur : --table-size 9 : une table compte de 3 à 6 personnes. Choisissez une taille de 3 à 6 (4 par défaut)."
    )
    code, _, err = run_cli("--lang", "en", "plan", path, "--table-size", "2", "--no-history")
    assert code == 2
    assert err.strip() == (
        "Error: --table-size 2: a table seats 3 to 6 people. Choose a size from 3 to 6 (4 by default)."
    )
    assert not (tmp_path / "plan").exists()


def test_the_output_folder_and_the_plan_carry_the_events_date_and_table_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Planned a week ahead, the folder is named after the breakfast's day; --table-size 5 is what plan.json says."""
    monkeypatch.chdir(tmp_path)
    event = tmp_path / "event.toml"
    event.write_text('[event]\ndate = "2026-12-08"\n', encoding="utf-8")
    attendees = write_attendees(tmp_path, 15, 5)
    code, _, err = run_cli(
        "plan", str(attendees), "--event", str(event), "--table-size", "5", "--rounds", "1", "--time-limit", "1",
        "--no-history", "--quiet",
    )  # fmt: skip
    assert code == 0, err
    document = json.loads((Path("plan-2026-12-08") / "plan.json").read_text(encoding="utf-8"))
    assert document["event"]["table_size"] == 5
    assert {len(table["attendees"]) for table in document["rounds"][0]["tables"]} == {5}


def test_headers_not_recognised_print_the_columns_line_to_try_and_it_works(tmp_path: Path) -> None:
    rows = [(f"Personne {n}", f"Maison {n % 4}", f"p{n}@example.org") for n in range(8)]
    attendees = write_roster(tmp_path, rows, headers=("Qui", "Où travaille-t-il", "Contact"))
    code, _, err = plan_quickly(attendees, tmp_path / "out")
    assert code == 2
    assert '--columns "name=A,organisation=B,email=C"' in err
    assert "A « Qui », B « Où travaille-t-il », C « Contact »" in err
    code, out, err = plan_quickly(attendees, tmp_path / "out", "--columns", "name=Qui,organisation=B,email=C")
    assert code == 0, err
    assert "colonnes lues : nom A « Qui », structure B « Où travaille-t-il », courriel C « Contact »." in out
    assert "Structures (4)" in out


def test_the_merges_written_with_write_aliases_can_be_split_and_read_back(tmp_path: Path) -> None:
    rows = [("Anne Martin", "ML Blois"), ("Léa Dubois", "Mission Locale"), ("Karim Benali", "Mission locale")]
    rows += [(f"Personne {n}", org) for n, org in enumerate(["CIO", "C.I.O.", "PLIE", "CIDFF", "Cap emploi"])]
    attendees = write_roster(tmp_path, rows)
    written = tmp_path / "alias.csv"
    code, out, err = plan_quickly(attendees, tmp_path / "out", "--write-aliases", str(written))
    assert code == 0, err
    assert "Structures (5)" in out
    text = written.read_text(encoding="utf-8-sig")
    assert "ML Blois;Mission Locale;toutes deux : Mission Locale" in text and "C.I.O.;CIO;toutes deux : CIO" in text
    written.write_text(text.replace("ML Blois;Mission Locale;", "ML Blois;ML Blois;"), encoding="utf-8-sig")
    code, out, err = plan_quickly(attendees, tmp_path / "out2", "--aliases", str(written))
    assert code == 0, err
    assert "Structures (6)" in out and "ML Blois (1)" in out


def test_the_summary_says_which_history_it_used(tmp_path: Path) -> None:
    attendees = write_attendees(tmp_path, 8, 4)
    code, out, _ = run_cli("plan", str(attendees), "--time-limit", "1", "--quiet", "--out", str(tmp_path / "a"))
    assert code == 0
    store = tmp_path / "user-data" / "speeddating" / "history.db"
    assert f"Historique : aucune séance enregistrée pour l'instant — {store}" in out
    code, out, _ = plan_quickly(attendees, tmp_path / "b")
    assert "Historique : non utilisé (--no-history)." in out
