"""Dashboards per agency and per region; charts drawn on the server from the measurement."""
