"""The specialist flex team (§6.5)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Flex team (§6.5) ---
G = Group("flex team")
G("flex_caseload", "cases per member", 5.0, 1.0, 40.0,
   "assumed",
   "Short intensive cases one flex-team member holds.")
G("flex_weeks", "weeks", 10.0, 1.0, 52.0,
   "§6.5 (short intensive help); NUMBERS.md matched care",
   "Length of a flex-team trajectory.")
G("flex_effect", "severity per week", 0.05, 0.0, 0.3,
   "§6.5; §9.2 (flex pilots cut inflow to intensive care by tens of percent within a year); NUMBERS.md (matched vs stepped care)",
   "Weekly severity reduction of flex-team care.")
G("flex_max_severity", "severity", 0.85, 0.0, 1.0,
   "§6.5 (matched care early, before problems are entrenched); assumed",
   "Severity above which the flex team leaves an individual need to regional specialists.")
G("flex_intake_severity", "severity", 0.5, 0.0, 1.0,
   "§6.5 (matched care early, before problems are entrenched); assumed: below the severity from which the team refers (specialist_referral_severity 0.6, plus more as its skill grows)",
   "Severity of a case-management client's individual need from which the flex team takes the case early, before referral.")
G("flex_coaching_gain", "skill per member-year", 0.15, 0.0, 3.0,
   "§6.5 (coaching generalists); assumed",
   "Skill gain of the whole neighbourhood team per flex member per year, at team size 5.")
G("flex_effect_complex_share", "share", 0.8, 0.0, 1.0,
   "§5.4, §6.5 (matched care for one domain of several); assumed",
   "Effect of flex-team care on a complex need, as a share of its effect on an individual need.")
G("flex_coaching_team_size", "FTE", 5.0, 1.0, 100.0,
   "assumed",
   "Team size at which flex_coaching_gain applies; a larger team gains proportionally less per worker.")
# fmt: on

GROUPS = [G]
