"""finsam: curated figures from Swedish Finsam coordination associations' annual reports, and the
analyses built on them. The public API, in the order data flows:

    tables = finsam.load()                       # typed, validated tables
    finsam.select(tables.observations, association="bhs", period=2018)
    finsam.resolve(obs, policy="show")          # statements -> facts, conflicts shown
    finsam.population(tables, "bhs", 2018)      # whom the year's outcome figures count, and why
    finsam.outcome_rates(tables, "bhs", 2018)   # rates of that population, with Wilson intervals
    finsam.gender_gap(tables, "bhs", 2018)
    finsam.trend(tables, "bhs", "participants", by_gender=True, chain=True)

Across every association at once: finsam.facts() (one tidy long table: labels, units, quotes and
report lines), finsam.all_outcome_rates(), finsam.gender_gaps(), finsam.overview(). A misspelled
code or a year the reports do not cover raises ParameterError naming the valid choices.
"""
from finsam.api import (all_outcome_rates, facts, gender_gap, gender_gaps, lineage, multi_year, outcome_rates,
                        overview, population, select, trend)
from finsam.core.errors import DataError, FinsamError, ParameterError, Problem
from finsam.data.conflicts import POLICIES, ConflictError, resolve
from finsam.data.load import data_version, load
from finsam.data.tables import Tables
from finsam.stats.rates import gap_test, wilson_interval
from finsam.stats.scope import Population
from finsam.views.registry import check_parameters, choices

__all__ = ["POLICIES", "ConflictError", "DataError", "FinsamError", "ParameterError", "Population", "Problem", "Tables",
           "all_outcome_rates", "check_parameters", "choices", "data_version", "facts", "gap_test", "gender_gap",
           "gender_gaps", "lineage", "load", "multi_year", "outcome_rates", "overview", "population", "resolve",
           "select", "trend", "wilson_interval"]
__version__ = "0.1.0"
