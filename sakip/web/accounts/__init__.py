"""Accounts, roles (memberships) and login throttling."""
