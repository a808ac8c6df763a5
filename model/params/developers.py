"""Network developers (§6.5, §5.2, §6.3)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Network developers (§6.5, §5.2, §6.3) ---
G = Group("network developers")
G("developer_ties_per_week", "residents per FTE-week", 15.0, 0.0, 50.0,
   "§6.5; assumed",
   "Vulnerable residents a developer (1 FTE, at full build-up) contacts a week to introduce to a vital one. Together with developer_activations_per_week this is the developer's reach: 52 x 20, about 1,000 residents contacted per FTE a year (one contact per two working hours: visits, street conversations, meetings). Set with the lever patterns: at this reach one FTE per 10,000 residents does about half of what five do (the response flattens, §6.2). Only the willing accept, and an introduction can fail.")
G("developer_activations_per_week", "residents per FTE-week", 5.0, 0.0, 50.0,
   "§6.3 (professional hour yields citizen hours); assumed",
   "Residents a developer (1 FTE, at full build-up) asks a week to start helping others; only those in the willing pool say yes.")
G("developer_hours_per_fte_week", "hours per FTE-week", 36.0, 1.0, 60.0,
   "CAO Sociaal Werk (36-hour week)",
   "Working hours of one developer FTE, the denominator of citizen_hours_per_professional_hour.")
G("half_public_networks", "score 0-1", 0.5, 0.0, 1.0,
   "§ micro-analyses (seed 003: a Drents village has half-public networks to build on, an anonymous urban neighbourhood only fragmented, hidden relations); assumed sizes per preset",
   "How much a developer finds to build on: associations, church, school gate, village house (1) or nothing but fragmented private relations (0). Scales the willing pool and the success of introductions.", per_wijk=True)
G("willing_to_connect_share", "share", 0.4, 0.0, 1.0,
   "§6.2 ('het kan, maar niet altijd'); assumed",
   "Share of vulnerable residents willing to be introduced, at the reference cohesion (mean_neighbourhood_ties 4, half_public_networks 0.5). Who declines is not asked again.")
G("willing_share_max", "share", 0.6, 0.0, 1.0,
   "assumed (however cohesive the place, part of the isolated want no new contacts and part of the rest will not help)",
   "Largest share a willing pool reaches, whatever the cohesion.")
G("willing_to_help_share", "share", 0.25, 0.0, 1.0,
   "§6.3, §6.2; assumed (CBS: about half of adults volunteer at some time, a third regularly)",
   "Share of adults not yet volunteering who would start helping when a developer asks, at the reference cohesion. A finite pool: who declines is not asked again.")
G("willingness_cohesion_elasticity", "factor", 1.0, 0.0, 3.0,
   "§ micro-analyses (cohesion); assumed",
   "How the willing pools scale with cohesion: pool x (mean_neighbourhood_ties / 4 x (0.5 + half_public_networks)) to this power.")
G("introduction_success_share", "share", 0.5, 0.0, 1.0,
   "§6.2 ('het kan, maar niet altijd'); assumed",
   "Chance that an introduction of two willing residents becomes a tie, at half_public_networks 0.5 (introduction_success_networks_slope higher or lower per unit of half_public_networks).")
G("introduction_success_networks_slope", "share per unit", 0.6, 0.0, 2.0,
   "§ micro-analyses (seed 003: introductions take where there are half-public networks to build on); assumed",
   "How much the chance that an introduction becomes a tie rises per unit of half_public_networks (0.3 higher in a village at 1 than at the reference 0.5).")
G("introduced_tie_fade_rate", "per year", 0.2, 0.0, 5.0,
   "§6.5 (the developer keeps contacts going until the area carries itself); assumed",
   "Yearly rate at which a tie a developer made lapses once no developer works its area (while one does, it lapses at tie_decay_rate).")
G("volunteer_ceiling_share", "share of adults", 0.40, 0.0, 1.0,
   "NUMBERS.md: volunteers per wijk P90 37%; assumed ceiling",
   "Volunteer share of an area at which activation stops: within volunteer_ceiling_margin below it the chance a willing resident says yes falls linearly to 0.")
G("volunteer_ceiling_margin", "share of adults", 0.1, 0.01, 1.0,
   "assumed",
   "How far below volunteer_ceiling_share activation starts to slow down.")
G("developer_build_up_years", "years", 2.0, 0.1, 10.0,
   "§6.5 ('a few years' before mutual help takes off)",
   "Time scale on which a developer's effect in an area builds up.")
G("developer_area_size", "residents", 10000.0, 200.0, 50000.0,
   "assumed",
   "Residents in one developer's area of work: a wijk, the scale the book's network developers work at. Set with the lever patterns: with smaller areas one FTE per 10,000 residents works part of the wijk at a time and the response to the dose stays steep (at 5,000, five FTE did 3 times what one did). Several developers share an area; a developer moves on only where the wijk has more than one area.")
G("self_sustaining_isolated_share", "share", 0.015, 0.0, 1.0,
   "§6.5 (move on when the area carries itself); assumed",
   "Share of an area's residents who are isolated and have not declined a developer's introduction, at or below which the area carries itself (what is left to do is done) and its developer moves on to the area with the most isolation.")
G("activation_decay_rate", "per year", 0.1, 0.0, 1.0,
   "assumed",
   "Yearly chance an activated resident stops helping.")
G("introduction_threshold_reduction", "severity", 0.1, 0.0, 1.0,
   "§4 mechanism 3; assumed",
   "Fall in the help-seeking threshold of a resident a network developer introduced.")
G("developer_vulnerable_max_ties", "ties", 2, 0, 20,
   "§5.2 (isolated residents first); assumed",
   "Residents with at most this many ties count as vulnerable for a developer's introductions.", int)
G("developer_min_age", "years", 12.0, 0.0, 18.0,
   "assumed",
   "Youngest age of residents a developer introduces or matches with a buddy.")
G("developer_check_weeks", "weeks", 4, 1, 52,
   "assumed",
   "Weeks between a developer's checks whether the area carries itself.", int)
# fmt: on

GROUPS = [G]
