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
# Loose week: the search from the starting roster, kicks and all, while the LP works; it
# gives way to the LP's sizes when they come, but not before its least share.
LOOSE_SEARCH_SHARE = 0.95
LOOSE_SEARCH_LEAST = 0.3
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

# --- The flows (staffing.py, daypart_flow.py)
# Flow rounds that refill the gaps left by assignments refused for an avoid clash.
FLOW_ROUNDS = 5
# A re-plan's flow rounds, each refusing what broke an avoid pair; each round is cheap.
STEADY_ROUNDS = 10
# What an assignment the LP makes whole earns in follow_lp: more than any soft term, so the
# flow follows the LP and its costs only break ties.
LP_REWARD = 1_000
# A cost that keeps pinned people and avoid partners where they are in the daypart flow.
FORCED = -(10**9)

# --- The local search (local_search.py)
# Tries in a row without a strict gain after which the roster counts as a local optimum.
STAGNATION = 20_000
# A kick is this share of the assignments (at least KICK_LEAST) moved at random: small
# enough to keep the best roster's structure, large enough to leave its local optimum.
KICK_SHARE = 0.002
KICK_LEAST = 5
# How often each move is tried (cumulative; a replacement by someone idle takes the rest).
SWAP, MOVE, SHIFT, TRADE = 0.3, 0.5, 0.65, 0.8

# --- The LP (bound.py, dive.py, team_sizes.py, face.py)
# The bound gives up this share of itself so that rounding up stays above GLOP's errors.
SAFETY = 1e-5
# Dual simplex with perturbed costs solves the week's LP 3x faster; without presolve a
# change of bounds is solved again from the last basis in milliseconds.
GLOP_PARAMETERS = ("use_dual_simplex: true perturb_costs_in_dual_simplex: true"
                   " use_preprocessing: false")
# SCIP runs only where the LP's bound is expected to be the optimum: cuts and the
# feasibility pump there only cost time.
SCIP_PARAMETERS = ("separating/maxroundsroot = 0\nseparating/maxrounds = 0\n"
                   "heuristics/feaspump/freq = -1")
# A value this close to whole counts as whole (GLOP's tolerance).
FRACTION = 1e-6
# A change of the LP below this is GLOP's tolerance, not a gain.
GAIN = 0.5
# How much a step of the size dive may raise the LP (as a share) and still fix all it
# tried, on a loose week; a tight week's face needs the LP at the bound, so no rise there.
SIZES_RISE = 0.001
# After this share of its time the size dive takes any rise, so it always ends with sizes.
HURRY = 0.3
# Moves of team sizes, best estimate first, one round may try before the sizes are final.
MOVES = 200
# The most people a size move adds to a team: a larger one seldom leaves the LP feasible.
STEP = 3
# Random size moves once no move lowers the LP, and restarts in a row that may bring nothing.
KICK, KICKS = 3, 10
# A size move's LP may take at most this share of the free LP's time.
MOVE_SHARE = 0.5
# Room left on the face for GLOP's errors in a reduced cost (about 1e-9), as a share.
TOLERANCE = 1e-7
# A face is not searched with less time than this: SCIP's presolve alone takes longer.
FACE_LEAST = 0.1
