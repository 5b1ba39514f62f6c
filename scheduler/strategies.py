"""Strategies: which phases a solve runs, in order, with each one's share of the time left.

A first plan of a small week leans on the LP, which is tight there: its roster at whole
sizes and SCIP on its optimal face usually reach the bound, and CP-SAT proves the rest.
A large week's LP is not tight, so the local search leads, from the starting roster and
then from the LP's sizes. A gap re-plan ranks the fewest changes before the weighted
rest, so it keeps to flows and CP-SAT, whose moves it can hold to those ranks.
"""

from __future__ import annotations

from scheduler import phases, tuning
from scheduler.pipeline import Phase

FIRST_PLAN = (
    Phase("flow", phases.flow),
    Phase("least-understaffing", phases.ranks, tuning.RANKS_SHARE),
    Phase("flow-bound", phases.flow_bound),
    Phase("lp", phases.lp, tuning.SMALL_LP_SHARE),
    Phase("sizes", phases.sizes, tuning.SMALL_SIZES_SHARE),
    Phase("face", phases.face_search, tuning.FACE_SHARE),
    Phase("cp-sat", phases.cp_sat),
)

LARGE_WEEK = (
    Phase("flow", phases.flow),
    Phase("least-understaffing", phases.ranks, tuning.RANKS_SHARE),
    Phase("flow-bound", phases.flow_bound),
    Phase("lp", phases.lp, tuning.LARGE_LP_SHARE),
    Phase("search", phases.search, tuning.LARGE_SEARCH_SHARE),
    Phase("sizes", phases.sizes, tuning.LARGE_SIZES_SHARE),
    Phase("cp-sat", phases.cp_sat),
)

GAP_REPLAN = (
    Phase("flow", phases.flow),
    Phase("steady", phases.steady),
    Phase("least-changes", phases.ranks, tuning.RANKS_SHARE),
    Phase("flow-bound", phases.flow_bound),
    Phase("cp-sat", phases.cp_sat),
)

PHASE_NAMES = frozenset(phase.name for strategy in (FIRST_PLAN, LARGE_WEEK, GAP_REPLAN)
                        for phase in strategy)


def strategy(run: phases.Run) -> tuple[Phase, ...]:
    if run.stable:
        return GAP_REPLAN
    return LARGE_WEEK if run.large else FIRST_PLAN
