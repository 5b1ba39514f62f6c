"""Every tuning constant of the solver, each with one line of reason.

The measurements behind them are in docs/solver.md ("Why the tuning constants are what
they are"); change one only with a bench run (bench/solver.py) before and after.
"""

# --- The pipeline (strategies.py): which strategy, and each phase's share of the time left.
# A week with at most this many candidate assignments, every minimum staffed, has a tight
# LP whose face SCIP searches in under a second; above it the local search leads.
SMALL_WEEK = 5_000
# CP-SAT on the ranks alone (least understaffing, or a re-plan's fewest changes) may use
# at most this share, so the weighted rest always keeps half.
RANKS_SHARE = 0.5
# Tight week: the LP and its size dive, done in tenths of a second unless the machine is busy.
TIGHT_LP_SHARE = 0.4
# Tight week: the LP's roster at its sizes (or the incumbent), searched until it stalls.
TIGHT_SIZES_SHARE = 0.5
# Tight week: SCIP on the LP's optimal face, which usually holds a roster at the bound.
FACE_SHARE = 0.3
# The face with sizes free raises the bound one objective step per SCIP solve, so it is
# tried only where the incumbent is at most this many steps above the bound.
FACE_STEPS = 4
# Loose week: the LP, its size dive and the size search run beside the search this long.
LOOSE_LP_SHARE = 0.6
# Loose week: the search from the starting roster, kicks and all, while the LP works.
LOOSE_SEARCH_SHARE = 0.5
# Loose week: the search from the LP's sizes; CP-SAT barely gains on 1,000 people.
LOOSE_SIZES_SHARE = 0.85

# --- CP-SAT (cpsat.py, phases.py)
# Two workers: the full LP with cuts, whose bound reaches a small week's optimum in
# seconds, and a tree search on that bound, which finds and proves it.
PORTFOLIO = ["max_lp", "lb_tree_search"]
# Stopping CP-SAT and reading out its roster take up to this long; the caller's limit holds.
STOP_RESERVE = 0.25
# CP-SAT is not started with less time than this: its presolve alone takes longer.
LEAST_STAGE = 0.15
