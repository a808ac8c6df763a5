"""Light Wmo provisions (issue 19): household help, aids, transport and day activities, which the
municipality grants without a waiting list, as CBS counts them among Wmo clients.

An adult with an individual or complex need asks for one at `wmo_light_request_rate` a year (twice
as often from 75); the provision lasts while the need does, until a yearly review ends it
(`wmo_light_end_rate`). It takes over part of the support hours the need asks of informal helpers
(`wmo_light_hours_share`) and costs `cost_wmo_light_week_eur` a week.
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import Need
from ..interface import Neighbourhood


def wmo_light(model: Neighbourhood) -> None:
    st, p, rng = model.st, model.p, model.rng
    held = st.wmo_light.nonzero()[0]
    ends = held[(st.need[held] < Need.INDIVIDUAL) | (rng.random(len(held)) < p["wmo_light_end_rate"] / 52.0)]
    st.wmo_light[ends] = False
    ask = ((st.need >= Need.INDIVIDUAL) & (st.age >= 18) & ~st.wmo_light).nonzero()[0]
    rate = p["wmo_light_request_rate"] * np.where(st.age[ask] >= 75, 2.0, 1.0)
    granted = ask[rng.random(len(ask)) < rate / 52.0]
    if len(granted):
        st.wmo_light[granted] = True
        transitions.log(model, granted, "gets household help or aids (Wmo)")
    model.flows["wmo_light_client_weeks"] += int(np.count_nonzero(st.wmo_light))
