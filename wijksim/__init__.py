"""wijksim: an agent-based model of neighbourhood support systems."""

__version__ = "0.1.0"
