"""Through the year in the web application: period entry, entry windows, completeness, the
user's tasks and e-mail notifications (issue 12; docs/monitoring.md)."""
