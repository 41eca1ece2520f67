"""Decisions and statistics on the tables: populations, rates, inference, trends, findings."""
