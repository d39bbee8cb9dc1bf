"""Online tests' pages: HR building tests (building.py), sending and reviewing (applications.py), and the
candidate taking one through a signed link (taking.py)."""
