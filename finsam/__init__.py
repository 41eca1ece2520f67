"""finsam: curated figures from Swedish Finsam coordination associations' annual reports, and the
analyses built on them. The public API, in the order data flows:

    tables = finsam.load()                       # typed, validated tables
    finsam.select(tables.observations, association="bhs", period=2018)
    finsam.resolve(obs, policy="show")          # statements -> facts, conflicts shown
    finsam.population(tables, "bhs", 2018)      # whom the year's outcome figures count, and why
    finsam.outcome_rates(tables, "bhs", 2018)   # rates of that population, with Wilson intervals
    finsam.gender_gap(tables, "bhs", 2018)
    finsam.trend(tables, "bhs", "participants", by_gender=True, chain=True)
"""
from finsam.data.conflicts import POLICIES, ConflictError, resolve
from finsam.data.tables import Tables, select
from finsam.data.load import data_version, load
from finsam.core.errors import DataError, FinsamError, ParameterError, Problem
from finsam.views.registry import check_parameters, choices
from finsam.stats.findings import gender_gap, outcome_rates
from finsam.stats.rates import gap_test, wilson_interval
from finsam.stats.scope import Population, population
from finsam.stats.trends import lineage, multi_year, trend

__all__ = ["POLICIES", "ConflictError", "DataError", "FinsamError", "ParameterError", "Population", "Problem", "Tables",
           "check_parameters", "choices", "data_version", "gap_test", "gender_gap", "lineage", "load",
           "multi_year", "outcome_rates", "population", "resolve", "select", "trend", "wilson_interval"]
__version__ = "0.1.0"
