"""Writes for the interviews app, split by topic: plans, interviews, scorecards, decisions."""
