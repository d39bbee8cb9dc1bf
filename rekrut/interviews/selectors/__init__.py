"""Reads for the interviews app, access-scoped and query-bounded; split by topic."""
