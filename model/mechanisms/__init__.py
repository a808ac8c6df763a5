"""The weekly mechanisms of DESIGN.md §4, one module each, run in `NeighbourhoodModel.step`.

Lever mechanisms (network developers, key facility, flex team) live with their agents in
`wijksim.agents`.
"""
