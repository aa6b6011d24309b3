"""The plan in normalized tables, and its conversion to and from the core model."""
