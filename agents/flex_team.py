"""A member of the specialist flex team (§6.5): a specialist deployed locally for short, intensive
matched care and for coaching the neighbourhood team. What the team does each week is the mechanism
`wijksim.model.mechanisms.flex_team`; the member holds what differs per member."""

from __future__ import annotations

import mesa


class FlexTeamMember(mesa.Agent):
    def __init__(self, model: mesa.Model, fte: float = 1.0):
        super().__init__(model)
        #: Working time, as a share of a full-time post.
        self.fte = fte
        #: Cases this member has taken on since the team started.
        self.cases_taken = 0
