"""A social network developer (§6.5, §5.2 'Even Buurten'): works one area of the neighbourhood at a
time, without an individual caseload, and moves on when the area carries itself. What a developer
does each week is the mechanism `wijksim.model.mechanisms.network_developers`; the agent holds its
area, time there and what it has done."""

from __future__ import annotations

import mesa


class NetworkDeveloper(mesa.Agent):
    def __init__(self, model: mesa.Model, area: int, fte: float = 1.0):
        super().__init__(model)
        #: Working time, as a share of a full-time post (a small wijk gets part of one).
        self.fte = fte
        self.area = area
        self.weeks_in_area = 0
        self.ties_created = 0
        self.residents_activated = 0
        #: Residents contacted (introductions and requests to help, accepted or not).
        self.contacts = 0
        #: Areas in the order worked (the first is where the developer started).
        self.areas_worked = [area]
