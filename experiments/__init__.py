"""Running the model: single runs with their outputs (sweeps and comparisons build on this)."""
