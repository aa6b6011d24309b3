"""The web application (Django 5.2): accounts and roles, data entry, workflow, audit, dashboards.

It stores a plan in normalized tables (:mod:`sakip.web.plans`), converts them back to the core
:class:`~sakip.core.model.Plan` (:mod:`sakip.web.plans.convert`) and computes every figure with
:func:`sakip.core.measure.measure` — the same code as the command line.
"""
