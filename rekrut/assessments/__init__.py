"""Psikotes, skills and language tests, case studies and job simulations per application, with results."""
