"""Stored codes of the coaching area; their translated labels live in `app/labels.py`."""

TRAJECTORY_GOALS = ("regular_job", "education", "daytime_activity")
LANGUAGE_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2", "1F", "2F", "3F", "4F")
LADDER_STEPS = (1, 2, 3, 4, 5, 6)
COMPETENCES = ("punctuality", "cooperation", "quality", "independence")
ATTENDANCE_STATUSES = ("present", "late", "absent")
OUTCOME_KINDS = (
    "regular_job",
    "education",
    "sheltered_job",
    "other_trajectory",
    "back_to_prison",
    "dropped_out",
)
REFERRER_CONTACT_KINDS = (
    "municipal_case_manager",
    "uwv_labour_expert",
    "prison_case_manager",
    "probation_officer",
    "job_coach",
)
CONTACT_CHANNELS = ("phone", "email", "meeting", "visit")
