"""CP-SAT's part of a solve: one stage on a model, its warm start and its roster."""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from scheduler.model import RosterModel
from scheduler.problem import Assignment
from scheduler.tuning import PORTFOLIO

FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)
# Called with (objective of the stage's own expression, CP-SAT's bound on it).
Report = Callable[[float, float], None]


def stage(m: RosterModel, seconds: float, workers: int,
          report: Report | None = None, total: cp_model.LinearExprT | None = None,
          ) -> tuple[cp_model.CpSolver, int]:
    """Solve the model's current objective within `seconds`; `report` hears of each
    improving solution, valued by `total` (the objective itself when None)."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 1
    # Probing in presolve costs a large week much of its time and gains nothing measurable.
    solver.parameters.cp_model_probing_level = 0
    if workers <= len(PORTFOLIO):
        solver.parameters.subsolvers.extend(PORTFOLIO[:workers])
    callback = _Callback(report, total) if report else None
    return solver, solver.Solve(m.model, callback)


def hint(m: RosterModel, roster: list[Assignment]) -> None:
    """Warm start: 1 where the roster has someone, 0 elsewhere."""
    m.model.ClearHints()
    keys = {(a.participant, a.department, a.slot) for a in roster}
    for key, var in m.x.items():
        m.model.AddHint(var, key in keys)


def complete_hint(m: RosterModel, roster: list[Assignment], seconds: float) -> None:
    """Hint every variable, not just the roster: CP-SAT often fails to complete a hint of
    assignments alone into values for the penalty variables. Fixing the roster and
    solving fills them in by propagation, in a fraction of a second."""
    hint(m, roster)
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = 1
    if solver.Solve(m.model) in FOUND:
        m.model.ClearHints()
        for index, value in enumerate(solver.ResponseProto().solution):
            m.model.AddHint(m.model.GetIntVarFromProtoIndex(index), value)


def roster(m: RosterModel, solver: cp_model.CpSolver) -> list[Assignment]:
    return [Assignment(pid, did, *slot) for (pid, did, slot), var in m.x.items()
            if solver.BooleanValue(var)]


class _Callback(cp_model.CpSolverSolutionCallback):
    def __init__(self, report: Report, total: cp_model.LinearExprT | None) -> None:
        super().__init__()
        self.report, self.total = report, total

    def on_solution_callback(self) -> None:
        value = self.ObjectiveValue() if self.total is None else self.Value(self.total)
        self.report(float(value), float(self.BestObjectiveBound()))
