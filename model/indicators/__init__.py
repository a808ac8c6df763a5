"""Indicators: what a run reports (DESIGN.md §6). `registry` describes every output column once;
`weekly` computes the weekly row, `yearly` the yearly summary from the weekly rows."""

from .registry import (
    AGE_BANDS,
    COST_FUNCTIONS,
    FLOWS,
    HEADLINE,
    INT_COLUMNS,
    KEY_INDICATORS,
    TABLE_KEYS,
    WEEKLY,
    YEARLY,
    Indicator,
    band_key,
)
from .weekly import flows_row, reporting_week, update_provision_flags, weekly_costs, weekly_row
from .yearly import yearly_summary

__all__ = [
    "AGE_BANDS",
    "COST_FUNCTIONS",
    "FLOWS",
    "HEADLINE",
    "INT_COLUMNS",
    "KEY_INDICATORS",
    "TABLE_KEYS",
    "WEEKLY",
    "YEARLY",
    "Indicator",
    "band_key",
    "flows_row",
    "reporting_week",
    "update_provision_flags",
    "weekly_costs",
    "weekly_row",
    "yearly_summary",
]
