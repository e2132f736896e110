"""The optimiser: `solve(problem)` returns the best schedule its portfolio finds, with proofs.

Components, each usable on its own: `greedy` (constructive plan), `local_search` (tabu search),
`cpsat_model` (the exact model), `lns` (neighbourhood search around CP-SAT) and `portfolio`
(which runs them within the time limit and keeps the best).
"""

from speeddating.solver.portfolio import SolveResult, solve

__all__ = ["SolveResult", "solve"]
