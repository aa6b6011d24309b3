"""Data entry in Indonesian: grids for targets and realisations, budgets, the plan structure,
agreements, supporting tables, narrative, evidence files."""
