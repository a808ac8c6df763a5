"""Visualisation: the run report (and, later, the workshop app)."""
