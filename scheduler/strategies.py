"""Strategies: which phases a solve runs, in order, with each one's share of the time left.

Every solve opens by settling the ranks the contract puts before the weighted rest (the
least understaffing; in a gap re-plan also the fewest holders short and changes) and a
first bound. What follows depends on what the opening found. Where every minimum is
staffed on a small week the LP is tight: its roster at whole sizes and SCIP on its optimal
face usually reach the bound, and CP-SAT proves the rest. Elsewhere (a large week, or
minimums that cannot all be staffed) the LP is loose, so the local search leads, from the
starting roster and then from the LP's sizes. A gap re-plan keeps to CP-SAT, which holds
the ranks while it improves the rest; the local search would trade stability.
"""

from __future__ import annotations

from scheduler import phases, tuning
from scheduler.pipeline import Phase

PLAN_OPENING = (
    Phase("flow", phases.flow, always=True),
    Phase("least-understaffing", phases.ranks, tuning.RANKS_SHARE),
    Phase("flow-bound", phases.flow_bound),
)

REPLAN_OPENING = (
    Phase("flow", phases.flow, always=True),
    Phase("steady", phases.steady, always=True),
    Phase("least-changes", phases.ranks, tuning.RANKS_SHARE),
    Phase("flow-bound", phases.flow_bound),
)

TIGHT_WEEK = (
    Phase("lp", phases.lp, tuning.TIGHT_LP_SHARE),
    Phase("sizes", phases.sizes, tuning.TIGHT_SIZES_SHARE),
    Phase("face", phases.face_search, tuning.FACE_SHARE),
    Phase("cp-sat", phases.cp_sat),
)

LOOSE_WEEK = (
    Phase("lp", phases.lp, tuning.LOOSE_LP_SHARE),
    Phase("search", phases.search, tuning.LOOSE_SEARCH_SHARE),
    Phase("sizes", phases.sizes, tuning.LOOSE_SIZES_SHARE),
    Phase("cp-sat", phases.cp_sat),
)

REPLAN = (Phase("cp-sat", phases.cp_sat),)

PHASE_NAMES = frozenset(phase.name for part in (PLAN_OPENING, REPLAN_OPENING, TIGHT_WEEK,
                                                LOOSE_WEEK, REPLAN) for phase in part)


def opening(run: phases.Run) -> tuple[Phase, ...]:
    return REPLAN_OPENING if run.stable else PLAN_OPENING


def rest(run: phases.Run) -> tuple[Phase, ...]:
    """The phases after the opening, by what it found."""
    if run.stable:
        return REPLAN
    return LOOSE_WEEK if run.loose else TIGHT_WEEK
