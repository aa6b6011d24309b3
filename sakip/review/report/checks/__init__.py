"""Checks over a report. Each is a small function ``check(report) -> list[Finding]``."""
