"""Scheduling interviews: the planning page with its conflict warnings, people's working hours and blocked
time, the week view, and candidates booking a slot themselves through a signed link. It calls the interviews
services for every write to an interview; it owns only when people are free and which slots are offered."""
