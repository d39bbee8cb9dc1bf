"""Rekrut: structured hiring for Indonesian companies."""
