"""The REST API (Django Ninja) at /api/v1/: per-user tokens, read endpoints over the same access
rule as the pages, realisations written through the one write path; docs/api.md."""
