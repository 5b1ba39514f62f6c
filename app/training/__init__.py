"""Training sessions: courses on dates, enrolment, results and the certificates they lead to."""
