"""The reports, one module each; every one takes the viewer's scope and the filters, and runs a fixed
number of queries whatever the data size (tests/reports/test_queries.py)."""
