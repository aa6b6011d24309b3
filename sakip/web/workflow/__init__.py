"""Workflow of an agency-year (draft → submitted → returned | verified → approved), the audit
trail of every change, evidence files and the inspectorate's review notes."""
