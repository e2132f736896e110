"""Start-up time of `speeddating --help` against a bare click program: the ratio should stay at most 3.

Each command is run afresh in a subprocess several times and the fastest run is kept (the least disturbed
by whatever else the machine does). Prints one table row per command and the ratio.

    python benchmarks/startup.py [--runs 15]
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BARE_CLICK = """
import click

@click.group()
@click.option("--lang")
def cli(lang):
    "A bare click program."

@cli.command()
def plan():
    "Plan."

cli(["--help"])
"""

COMMANDS = {
    "bare click --help": [sys.executable, "-c", BARE_CLICK],
    "speeddating --help": [sys.executable, "-m", "speeddating", "--help"],
    "speeddating plan -h": [sys.executable, "-m", "speeddating", "plan", "-h"],
    "speeddating --version": [sys.executable, "-m", "speeddating", "--version"],
}


def fastest(command: list[str], runs: int) -> float:
    """The fastest of `runs` runs of `command`, in seconds."""
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=environment)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per command (the fastest is kept)")
    args = parser.parse_args()
    times = {name: fastest(command, args.runs) for name, command in COMMANDS.items()}
    bare = times["bare click --help"]
    print(f"| command | fastest of {args.runs} (ms) | × bare click |")
    print("|---|---:|---:|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds * 1000:.0f} | {seconds / bare:.2f} |")
    print(f"\n--help start-up ratio: {times['speeddating --help'] / bare:.2f} (target: at most 3)")


if __name__ == "__main__":
    main()
