"""Processor time, which says more than the wall clock on a machine shared with busy neighbours."""

import os


def processor_seconds() -> float:
    """This process's processor time and that of its finished child processes (the searches run in
    other processes included)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system
