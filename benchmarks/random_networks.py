"""Random networks end to end, as an organiser runs them: the command line on random attendee lists.

    python -m benchmarks.random_networks [--cases 40] [--seed 1] [--out /tmp/random-networks]

Each case draws 1 to 14 organisations of skewed sizes (one large agency beside many small partners, or a
single team), tables of 3 to 6, 1 to 9 rounds, a time limit of 0.5 to 2 s, and one case in five a series of 2
or 3 sessions. A plan of several rounds is then re-planned from a random round with up to three absentees and
three late arrivals; a single session is recorded in a history of its own and the next one planned after it.
Every plan written is checked by check_plan.py: valid, and its figures the ones the tool printed
(same-organisation pairs, repeats, new encounters, and after the history the pairs met before). The table lists
the gap to the proven bound; "problems" counts invalid plans, figures that disagree and tracebacks (a clear
refusal is not one).
"""

import argparse
import csv
import json
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.checker import check

FIGURES = ("same_org_pairs", "repeat_pairs", "distinct_new_pairs")
"""The figures the tool prints that check_plan.py computes on its own."""


@dataclass(frozen=True)
class Case:
    sizes: tuple[int, ...]
    table: int
    rounds: int
    time_limit: float
    sessions: int
    seed: int

    @property
    def people(self) -> int:
        return sum(self.sizes)


def draw(rng: random.Random, seed: int) -> Case:
    organisations = rng.randint(1, 14)
    scale = rng.choice([2, 4, 8])
    sizes = tuple(max(1, int(rng.expovariate(1 / scale))) for _ in range(organisations))
    if sum(sizes) < 2:
        sizes = (1, 1)
    sessions = rng.randint(2, 3) if rng.random() < 0.2 else 1
    return Case(sizes, rng.choice([3, 4, 4, 4, 5, 6]), rng.randint(1, 9), rng.choice([0.5, 1.0, 2.0]), sessions, seed)


def attendee_file(case: Case, path: Path, rng: random.Random) -> list[str]:
    """The list as a French form tool exports it (last name, first name, organisation, stays seated); the
    people's names."""
    names = []
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Nom", "Prénom", "Structure", "Reste assis"])
        for organisation, size in enumerate(case.sizes):
            for person in range(size):
                writer.writerow([f"Nom{organisation}x{person}", f"Pré{person}", f"Org {organisation}", ""])
                names.append(f"Pré{person} Nom{organisation}x{person}")
    rng.shuffle(names)
    return names


def run(*args: str, summary: bool = True) -> subprocess.CompletedProcess[str]:
    """The command line in English; with `summary`, its JSON summary on stdout and no progress."""
    return subprocess.run(
        [sys.executable, "-m", "speeddating", "--lang", "en", *args, *(("--json", "--quiet") if summary else ())],
        capture_output=True,
        text=True,
        check=False,
    )


def checked(
    plan: Path, printed: dict[str, Any], table: int, *options: str, compared: Sequence[str] = FIGURES
) -> list[str]:
    """What check_plan.py finds wrong with `plan`, or where its figures differ from the `printed` ones."""
    figures = check(plan, "--min-size", "2", "--max-size", str(table + 1), *options)
    problems = list(figures["errors"])
    problems += [
        f"{plan}: {name} {printed[name]} printed, {figures[name]} checked"
        for name in compared
        if printed[name] != figures[name]
    ]
    return problems


def failed(completed: subprocess.CompletedProcess[str]) -> list[str]:
    """A traceback, or an exit status that is neither success nor a clear refusal (2)."""
    if "Traceback" in completed.stderr or completed.returncode not in (0, 2):
        return [
            completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else f"exit {completed.returncode}"
        ]
    return []


def planned(case: Case, folder: Path) -> dict[str, Any]:
    rng = random.Random(case.seed)
    names = attendee_file(case, folder / f"case{case.seed}.csv", rng)
    out = folder / f"plan{case.seed}"
    started = time.monotonic()
    args = [str(folder / f"case{case.seed}.csv"), "--rounds", str(case.rounds), "--table-size", str(case.table)]
    args += ["--time-limit", str(case.time_limit), "--seed", str(case.seed), "--allow-overrun"]
    completed = run("plan", *args, "--no-history", "--out", str(out), "--sessions", str(case.sessions))
    row: dict[str, Any] = {"case": case, "seconds": time.monotonic() - started, "problems": failed(completed)}
    if completed.returncode != 0:
        row["refused"] = completed.stderr.strip().splitlines()[-1]
        return row
    summary = json.loads(completed.stdout)
    quality = summary["quality"]
    row.update(new=quality["distinct_new_pairs"], bound=quality["proven_bound"], optimal=quality["optimal"])
    row.update(repeats=quality["repeat_pairs"], colleagues=quality["same_org_pairs"])
    if case.sessions > 1:
        plans = [out / f"session-{number}" / "plan.json" for number in range(1, case.sessions + 1)]
        row["problems"] += checked(plans[0], quality, case.table)
        row["series"] = summary["series"]["met_after"]
        return row
    row["problems"] += checked(out / "plan.json", quality, case.table)
    rounds = len(json.loads((out / "plan.json").read_text(encoding="utf-8"))["rounds"])
    if rounds > 1:
        row["replan"] = replanned(case, out, names, rounds, rng, row["problems"])
    row["next"] = next_session(case, folder, args, row["problems"])
    return row


def next_session(case: Case, folder: Path, args: Sequence[str], problems: list[str]) -> str:
    """The same people's next session, planned after the first is recorded in a history of its own, and
    checked with the first as the earlier session (its re-meetings counted by check_plan.py too)."""
    first, history = folder / f"plan{case.seed}" / "plan.json", folder / f"history{case.seed}.db"
    recorded = run("history", "add", str(first), "--history", str(history), summary=False)
    problems += failed(recorded)
    if recorded.returncode != 0:
        return "not recorded"
    out = folder / f"plan{case.seed}-next"
    completed = run("plan", *args, "--history", str(history), "--out", str(out))
    problems += failed(completed)
    if completed.returncode != 0:
        return "refused"
    quality = json.loads(completed.stdout)["quality"]
    compared = (*FIGURES, "history_repeats")
    problems += checked(out / "plan.json", quality, case.table, "--previous", str(first), compared=compared)
    return f"{quality['distinct_new_pairs']} new, {quality['history_repeats']} met before"


def replanned(case: Case, out: Path, names: list[str], rounds: int, rng: random.Random, problems: list[str]) -> str:
    first = rng.randint(2, rounds)
    args = ["replan", str(out / "plan.json"), "--from-round", str(first), "--time-limit", "1", "--no-history"]
    absent = names[: rng.randint(0, min(3, len(names) - 1))]
    for name in absent:
        args += ["--absent", name]
    late = rng.randint(0, 3)
    for number in range(late):
        args += ["--add", f"Late{number} Person,{rng.choice(['Org 0', 'Org 1', 'A new partner'])}"]
    completed = run(*args, "--out", str(out.with_name(out.name + "-v2")))
    problems += failed(completed)
    if completed.returncode != 0:
        return "refused"
    quality = json.loads(completed.stdout)["quality"]
    problems += checked(out.with_name(out.name + "-v2") / "plan.json", quality, case.table, "--allow-absent")
    return f"from {first}, -{len(absent)} +{late}: {quality['repeat_pairs']} rep."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/tmp/random-networks"))
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(options.seed)
    cases = [draw(rng, options.seed * 1000 + number) for number in range(options.cases)]
    print(
        "| people | organisations | table | rounds | sessions | new / bound | optimal | repeats | re-plan | next | s |"
    )
    print("|---:|---|---:|---:|---:|---|---|---:|---|---|---:|")
    problems = 0
    gaps = []
    for case in cases:
        row = planned(case, options.out)
        problems += len(row["problems"])
        for problem in row["problems"]:
            print(f"PROBLEM {case}: {problem}", file=sys.stderr)
        head = [case.people, case.sizes, case.table, case.rounds, case.sessions]
        if "refused" in row:
            print(table_row(*head, f"refused: {row['refused']}", "", "", "", "", f"{row['seconds']:.1f}"))
            continue
        gaps.append(row["bound"] - row["new"])
        series = f" (series {row['series']})" if "series" in row else ""
        figures = [f"{row['new']} / {row['bound']}{series}", "yes" if row["optimal"] else "no", row["repeats"]]
        print(table_row(*head, *figures, row.get("replan", ""), row.get("next", ""), f"{row['seconds']:.1f}"))
    proven = sum(1 for gap in gaps if gap == 0)
    others = sorted(gap for gap in gaps if gap)
    print(f"\n{len(cases)} cases: {proven} at their bound, the other gaps {others}; problems: {problems}")


def table_row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


if __name__ == "__main__":
    main()
