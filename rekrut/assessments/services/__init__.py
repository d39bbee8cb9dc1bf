"""Writes of the assessments app, one module per topic: types (types.py), an application's assessments
from assignment to result (assessments.py), the restricted reports (reports.py), the candidate's work
(work.py), the decision rules (rules.py). Each runs in one transaction with its audit row."""
