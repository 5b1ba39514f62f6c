"""Training sessions: courses on dates, enrolment, results and the certificates they lead to;
dated language and test results."""

# The labels of this area's codes join the shared table whenever the area is imported.
from app.training import labels  # noqa: F401
