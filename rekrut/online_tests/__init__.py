"""Rekrut's own online tests: question pools, timed attempts through a signed link, scoring and review."""
