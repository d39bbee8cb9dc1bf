"""Writes for online tests, by topic: building a test (building.py), sending it (sending.py), taking it
(taking.py), reviewing and recording the result (review.py). Each runs in one transaction with its audit
row."""
