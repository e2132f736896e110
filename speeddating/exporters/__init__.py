"""Exporters take a Plan (and its Event) and write files; they never touch the solver."""
