"""The participant's own plan: goals in their own words, when it was discussed, and for
status holders the inburgering route."""
