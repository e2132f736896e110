"""Exporters take a Plan (and its Event) and write files; they never touch the solver."""

PAPER_NAMES = ("A4", "letter")
"""The paper sizes the printables come in (named here, without reportlab, for the command line's choices)."""
