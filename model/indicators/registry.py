"""The one indicator registry: every output column, what it means, its unit, kind and type.

`YEARLY` lists the objects of `summary.json`'s `yearly` list (and the columns of a sweep's and a
comparison's result tables), in their order; nested outputs are listed as `parent.component`
(`cost_by_function_eur.specialist_care`, a sweep column `cost_specialist_care_eur`). `WEEKLY` lists
the columns of `weekly.parquet`. The CLI's tables (`wijksim indicators`, the table printed after a
run), the sweep's column types, the comparison plots, the app's labels and docs/ODD.md §8 are all
derived from here; a test checks that the model's outputs have exactly these names and types.

`kind`: `stock` (a state at a moment: year end, or the mean over the year where the description
says so) or `flow` (a count or sum over the period); `index` for the period itself (year, week).
`dtype`: `int` or `real`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..codes import Path


@dataclass(frozen=True)
class Indicator:
    name: str
    unit: str
    kind: str
    dtype: str
    label: tuple[str, str]  # (Dutch, English)
    description: str
    #: Position among the key policy indicators (drawn in comparisons and the app, analysed by
    #: default in sensitivity), 0 if not one of them.
    key: int = 0
    #: Printed in the table after `wijksim run`.
    table: bool = False
    #: Position among the headline indicators of Mesa's DataCollector (weekly), 0 if not one.
    headline: int = 0

    @property
    def column(self) -> str:
        """The column in flat tables (sweeps, comparisons): `cost_by_function_eur.x` -> `cost_x_eur`."""
        if self.name.startswith("cost_by_function_eur."):
            return f"cost_{self.name.split('.', 1)[1]}_eur"
        if self.name.startswith("by_age."):
            _, band, metric = self.name.split(".")
            return f"by_age_{band_key(band)}_{metric}"
        return self.name


def _i(name, unit, kind, dtype, nl, en, description, **more) -> Indicator:
    return Indicator(name, unit, kind, dtype, (nl, en), description, **more)


PER_1000 = "per 1,000 residents per year"

#: Cost functions, in the order of `cost_by_function_eur`, with (Dutch, English) labels.
COST_FUNCTIONS_LABELS = {
    "neighbourhood_team": ("wijkteam", "neighbourhood team"),
    "individual_provisions": ("individuele voorzieningen", "individual provisions"),
    "specialist_care": ("specialistische zorg", "specialist care"),
    "crisis_care": ("crisiszorg", "crisis care"),
    "bridging_care": ("overbruggingszorg tijdens het wachten", "bridging care while waiting"),
    "light_wmo_provisions": ("lichte Wmo-voorzieningen", "light Wmo provisions"),
    "informal_support": ("ondersteuning informele hulp", "informal support"),
    "network_developers": ("netwerkontwikkelaars", "network developers"),
    "key_facility": ("sleutelvoorziening", "key facility"),
    "flex_team": ("flexteam", "flex team"),
}
COST_FUNCTIONS = tuple(COST_FUNCTIONS_LABELS)

#: Age bands of `by_age`: (name, from age, below age).
AGE_BANDS: tuple[tuple[str, float, float], ...] = (
    ("0-17", 0, 18), ("18-24", 18, 25), ("25-44", 25, 45), ("45-64", 45, 65), ("65-74", 65, 75), ("75+", 75, float("inf")),
)  # fmt: skip
#: Indicators per age band (`by_age.<band>.<metric>`): (metric, unit, kind, dtype, Dutch, English,
#: description, only for adults). Lonely and carer shares are null for 0-17 (asked of adults).
BAND_METRICS: tuple[tuple[str, str, str, str, str, str, str, bool], ...] = (
    ("residents", "persons", "stock", "int", "inwoners", "residents", "Residents of the band at year end.", False),
    ("need_social_share", "share of the band", "stock", "real", "sociale hulpvraag", "social need", "Share of the band's residents with a social need at year end.", False),
    ("need_individual_share", "share of the band", "stock", "real", "individuele hulpvraag", "individual need", "Share of the band's residents with an individual (lasting) need at year end.", False),
    ("need_complex_share", "share of the band", "stock", "real", "complexe hulpvraag", "complex need", "Share of the band's residents with a complex need at year end.", False),
    ("lonely_share", "share of the band", "stock", "real", "eenzaam", "lonely", "Share of the band's residents who are lonely at year end (null for 0-17).", True),
    ("informal_carer_share", "share of the band", "stock", "real", "mantelzorgers", "informal carers", "Share of the band's residents who are informal carers (for neighbours, household or kin outside the wijk) at year end (null for 0-17).", True),
    ("wmo_clients_per_1000", "per 1,000 of the band", "flow", "real", "Wmo-cliënten per 1.000", "Wmo clients per 1,000", "Residents of the band aged 18+ with a Wmo provision (customised or light) in the year's first half, per 1,000 of the band's residents (0 for 0-17: their support is youth care).", False),
)  # fmt: skip


def band_key(band: str) -> str:
    """A band's name in flat column names: `0-17` -> `0_17`, `75+` -> `75_plus`."""
    return band.replace("-", "_").replace("+", "_plus")


# fmt: off
YEARLY: tuple[Indicator, ...] = (
    _i("year", "year", "index", "int", "jaar", "year", "Simulated year, 1..Y (week 0, the starting state, is not a year)."),
    _i("residents", "persons", "stock", "int", "inwoners", "residents", "Residents at year end."),
    _i("need_social_share", "share", "stock", "real", "sociale hulpvraag (aandeel)", "social need (share)", "Share of residents with a social need at year end.", table=True),
    _i("need_individual_share", "share", "stock", "real", "individuele hulpvraag (aandeel)", "individual need (share)", "Share of residents with an individual (person-bound) need at year end.", table=True),
    _i("need_complex_share", "share", "stock", "real", "complexe hulpvraag (aandeel)", "complex need (share)", "Share of residents with a complex multi-problem need at year end.", table=True),
    _i("hidden_need_share", "share", "stock", "real", "Verborgen hulpvraag (aandeel)", "Hidden need (share)", "Share of residents with unserved need that formal support does not know of, at year end (docs/ODD.md §7.3).", key=2, table=True),
    _i("informal_support_hours_per_resident", "hours per resident per year", "flow", "real", "Informele steun (uur per inwoner per jaar)", "Informal support (hours per resident per year)", "Informal support hours given over the year, per resident.", key=1, table=True),
    _i("share_needs_met_informally", "share", "flow", "real", "deel van de hulpvraag informeel opgevangen", "share of need met informally", "Informal hours given over the year as a share of the support hours needs asked for."),
    _i("light_help_per_1000", PER_1000, "flow", "real", "Lichte hulp (per 1.000 per jaar)", "Light help (per 1,000 per year)", "Light-help episodes started over the year (neighbourhood team and key facility), per 1,000 residents.", key=3, table=True),
    _i("heavy_care_referrals_per_1000", PER_1000, "flow", "real", "Verwijzingen zware zorg (per 1.000 per jaar)", "Referrals to heavy care (per 1,000 per year)", "Referrals into the regional specialist queue over the year (team, GP and crises; not flex-team care), per 1,000 residents.", key=4, table=True),
    _i("waiting_list", "persons", "stock", "int", "Wachtlijst specialistische zorg", "Waiting list for specialist care", "Residents waiting for specialist care at year end.", key=5, table=True),
    _i("mean_wait_weeks", "weeks", "flow", "real", "gemiddelde wachttijd (weken)", "mean wait (weeks)", "Mean wait of the wijk's residents admitted to specialist care in the year, crises included (0 if none); it leaves out those still waiting (see regular_wait_weeks).", table=True),
    _i("regular_wait_weeks", "weeks", "flow", "real", "wachttijd regulier (weken)", "regular wait (weeks)", "The regional wait for non-urgent specialist care in the year, by Little's law: the mean number waiting non-urgently over the year's weeks divided by the non-urgent referrals per week (docs/ODD.md §7.5); it counts those still waiting.", table=True),
    _i("share_within_treeknorm", "share", "flow", "real", "binnen de Treeknorm geholpen (aandeel)", "seen within the Treeknorm (share)", "Share of the year's non-urgent admissions (region-wide) that waited at most 14 weeks (NZa Treeknorm); 1 if none were admitted.", table=True),
    _i("escalations", "events per year", "flow", "int", "escalaties", "escalations", "Needs that moved up a kind (social -> individual -> complex) over the year."),
    _i("deescalations", "events per year", "flow", "int", "de-escalaties", "de-escalations", "Needs that moved down a kind (complex -> individual -> social -> none) over the year."),
    _i("relapses", "events per year", "flow", "int", "terugval", "relapses", "Returning residents whose need came back over the year."),
    _i("crises", "events per year", "flow", "int", "crises", "crises", "Complex needs that surfaced as a crisis (straight to specialist care, or first in its queue) over the year."),
    _i("crises_while_waiting", "events per year", "flow", "int", "crises tijdens het wachten", "crises while waiting", "Residents waiting for specialist care whose complex need reached crisis severity over the year (crisis care, then first in the queue)."),
    _i("dropped_out_of_queue", "persons per year", "flow", "int", "van de wachtlijst afgehaakt", "dropped out of the queue", "Residents who left the specialist waiting list over the year (home, or private help)."),
    _i("isolated_share", "share", "stock", "real", "Geïsoleerd (aandeel zonder contacten)", "Isolated (share without ties)", "Share of residents without any tie (household included) at year end.", key=6, table=True),
    _i("mean_ties", "ties per person", "stock", "real", "gemiddeld aantal contacten", "mean ties", "Mean number of distinct people a resident has a tie with, at year end."),
    _i("lonely_share", "share of adults", "stock", "real", "eenzaam (aandeel volwassenen)", "lonely (share of adults)", "Share of residents aged 18+ who are lonely (De Jong Gierveld >= 3) at year end.", table=True),
    _i("severely_lonely_share", "share of adults", "stock", "real", "ernstig eenzaam (aandeel volwassenen)", "severely lonely (share of adults)", "Share of residents aged 18+ who are severely lonely (De Jong Gierveld >= 9) at year end."),
    _i("informal_carer_share", "share of adults", "stock", "real", "mantelzorgers (aandeel volwassenen)", "informal carers (share of adults)", "Share of residents aged 18+ whose informal help (13-week average) passes the carer cut-off, at year end."),
    _i("volunteer_share", "share of adults", "stock", "real", "vrijwilligers (aandeel volwassenen)", "volunteers (share of adults)", "Share of residents aged 18+ who volunteer (and are not burnt out) at year end."),
    _i("share_65_plus", "share", "stock", "real", "65+ (aandeel)", "aged 65+ (share)", "Share of residents aged 65 or over at year end."),
    _i("births", "persons per year", "flow", "int", "geboren", "births", "Babies born into families in the wijk over the year."),
    _i("deaths", "persons per year", "flow", "int", "overleden", "deaths", "Residents who died over the year (age-specific mortality, higher with a lasting need)."),
    _i("moved_in", "persons per year", "flow", "int", "komen wonen", "moved in", "Residents who moved into the wijk over the year, without local ties."),
    _i("moved_out", "persons per year", "flow", "int", "verhuisd", "moved out", "Residents who moved out of the wijk over the year."),
    _i("admitted_long_term_care", "persons per year", "flow", "int", "naar de Wlz", "to long-term care (Wlz)", "Frail residents aged 75+ who moved to long-term care (Wlz) over the year."),
    _i("wmo_clients_per_1000", "per 1,000 residents", "flow", "real", "Wmo-cliënten (per 1.000)", "Wmo clients (per 1,000)", "Residents aged 18+ with a Wmo provision (customised or light) in the year's first half, per 1,000 residents (as CBS counts).", table=True),
    _i("wmo_light_clients_per_1000", "per 1,000 residents", "flow", "real", "lichte Wmo-voorzieningen (per 1.000)", "light Wmo provisions (per 1,000)", "Residents aged 18+ with a light Wmo provision (household help, aids, transport, day activities) in the year's first half, per 1,000 residents."),
    _i("youth_care_per_100_young", "per 100 residents aged 0-24", "flow", "real", "jeugdzorg (per 100 jongeren)", "youth care (per 100 young)", "Residents aged 0-22 with a customised provision in the year's first half, per 100 residents aged 0-24 (as CBS counts).", table=True),
    _i("generalist_utilisation", "share", "stock", "real", "bezetting wijkteam", "neighbourhood-team utilisation", "Case slots in use as a share of the team's capacity, mean over the year.", table=True),
    _i("specialist_utilisation", "share", "stock", "real", "bezetting specialistische zorg", "specialist utilisation", "Specialist slots in use as a share of all slots, mean over the year.", table=True),
    _i("generalist_skill", "score 0-1", "stock", "real", "vaardigheid wijkteam", "generalists' skill", "The neighbourhood team's mean skill at year end (rises with coaching).", table=True),
    _i("self_reliance", "score 0-1", "stock", "real", "zelfredzaamheid", "self-reliance", "1 minus residents' mean need (kind and severity, scaled 0-3) over 3, at year end."),
    _i("help_requests", "requests per year", "flow", "int", "hulpvragen", "help requests", "Requests for formal help over the year (to the team or the GP)."),
    _i("gp_referrals", "referrals per year", "flow", "int", "verwijzingen door de huisarts", "GP referrals", "Referrals by the GP straight to specialist care over the year."),
    _i("youth_team_referrals", "referrals per year", "flow", "int", "jeugdverwijzingen door het wijkteam", "youth referrals by the team", "Residents aged 0-22 the team took into a customised provision or referred onwards over the year."),
    _i("youth_gp_referrals", "referrals per year", "flow", "int", "jeugdverwijzingen door de huisarts", "youth referrals by the GP", "Residents aged 0-22 the GP referred to specialist care over the year."),
    _i("carer_burnouts", "persons per year", "flow", "int", "overbelaste mantelzorgers", "carer burnouts", "Helpers who burnt out from overload and withdrew, over the year."),
    _i("ties_created_by_developers", "ties per year", "flow", "int", "contacten gelegd door netwerkontwikkelaars", "ties made by network developers", "Introductions and buddy matches network developers made over the year."),
    _i("residents_activated", "persons per year", "flow", "int", "geactiveerde bewoners", "residents activated", "Residents network developers activated to help others over the year."),
    _i("ties_created_at_key_facility", "ties per year", "flow", "int", "contacten in de sleutelvoorziening", "ties made at the key facility", "Ties formed at the key facility over the year."),
    _i("needs_signalled_at_key_facility", "persons per year", "flow", "int", "signalen in de sleutelvoorziening", "needs signalled at the key facility", "Hidden needs the key facility noticed and passed on over the year."),
    _i("flex_team_cases", "cases per year", "flow", "int", "casussen flexteam", "flex-team cases", "Cases the flex team took on over the year."),
    _i("heavy_care_client_weeks", "client-weeks per year", "flow", "int", "cliëntweken zware zorg", "heavy-care client-weeks", "Weeks the wijk's residents spent in specialist care, flex-team care or crisis care over the year (a lever cannot lower it by relabelling referrals)."),
    _i("citizen_hours_per_professional_hour", "hours per hour", "flow", "real", "burgeruren per professioneel uur", "citizen hours per professional hour", "Informal hours given over the year by residents a network developer activated, per working hour of the developers (§6.3's multiplier); null without developers. Gross: part of these hours replaces help others would have given (in the default wijk at 1 FTE per 10,000 the informal hours of all residents rise by about 9 hours per developer hour, against 16 here)."),
    _i("cost_total_eur", "EUR per year", "flow", "real", "Kosten totaal (€ per jaar)", "Total cost (EUR per year)", "Total cost of the support system over the year (the sum of cost_by_function_eur).", key=7, table=True),
    *(
        _i(f"cost_by_function_eur.{fn}", "EUR per year", "flow", "real", f"kosten {nl}", f"cost of {en}", f"Cost of {en} over the year (docs/ODD.md §7.10).")
        for fn, (nl, en) in COST_FUNCTIONS_LABELS.items()
    ),
    *(
        _i(f"by_age.{band}.{metric}", unit, kind, dtype, f"{nl} ({band})", f"{en} ({band})", description)
        for band, *_ in AGE_BANDS
        for metric, unit, kind, dtype, nl, en, description, _adults in BAND_METRICS
    ),
)

#: Weekly flow counters (reset every week), in the order of the weekly row: (name, unit, description).
FLOWS: tuple[tuple[str, str, str, str, str], ...] = (
    ("life_events", "events", "ingrijpende gebeurtenissen", "life events", "Adverse life events."),
    ("informal_hours", "hours", "uren informele hulp", "informal hours", "Informal support hours given."),
    ("need_hours", "hours", "gevraagde uren steun", "need hours", "Support hours that needs (and lonely adults' companionship) asked for."),
    ("help_requests", "requests", "hulpvragen", "help requests", "Requests for formal help (to the team or the GP)."),
    ("private_solutions", "persons", "particuliere oplossingen", "private solutions", "Help-seekers with an individual need who bought help privately instead."),
    ("light_help_started", "episodes", "lichte hulp gestart", "light help started", "Light-help episodes started (team and key facility)."),
    ("heavy_care_referrals", "referrals", "verwijzingen zware zorg", "referrals to heavy care", "Referrals into the regional specialist queue (team, GP, crises)."),
    ("gp_referrals", "referrals", "verwijzingen door de huisarts", "GP referrals", "Referrals by the GP straight to specialist care."),
    ("gp_advice", "persons", "advies van de huisarts", "GP advice", "Residents the GP advised and sent home (no neighbourhood team)."),
    ("youth_team_referrals", "referrals", "jeugdverwijzingen door het wijkteam", "youth referrals by the team", "Residents aged 0-22 the team took into a customised provision or referred."),
    ("youth_gp_referrals", "referrals", "jeugdverwijzingen door de huisarts", "youth referrals by the GP", "Residents aged 0-22 the GP referred to specialist care."),
    ("crises", "events", "crises", "crises", "Complex needs that surfaced as a crisis."),
    ("misjudged", "persons", "verkeerd ingeschat", "misjudged", "Requests whose need kind the team misjudged at triage."),
    ("admitted_specialist", "persons", "opgenomen in specialistische zorg", "admitted to specialist care", "Admissions to specialist care."),
    ("wait_weeks_sum", "weeks", "som van de wachttijden", "sum of waits", "Sum of the waits of those admitted to specialist care."),
    ("flex_admitted", "cases", "casussen flexteam", "flex-team cases", "Cases the flex team took on."),
    ("escalations", "events", "escalaties", "escalations", "Needs that moved up a kind."),
    ("deescalations", "events", "de-escalaties", "de-escalations", "Needs that moved down a kind."),
    ("relapses", "events", "terugval", "relapses", "Returning residents whose need came back."),
    ("carer_burnouts", "persons", "overbelaste mantelzorgers", "carer burnouts", "Helpers who burnt out and withdrew."),
    ("developer_ties", "ties", "contacten door netwerkontwikkelaars", "ties by network developers", "Ties network developers made."),
    ("developer_activations", "persons", "geactiveerde bewoners", "residents activated", "Residents network developers activated."),
    ("developer_moves", "moves", "verhuizingen van netwerkontwikkelaars", "developer moves", "Network developers who moved on to another area."),
    ("facility_ties", "ties", "contacten in de sleutelvoorziening", "ties at the key facility", "Ties formed at the key facility."),
    ("signalled", "persons", "signalen in de sleutelvoorziening", "needs signalled", "Hidden needs signalled at the key facility."),
    ("specialist_client_weeks", "client-weeks", "cliëntweken specialistische zorg", "specialist client-weeks", "Residents in specialist care this week."),
    ("deaths", "persons", "overleden", "deaths", "Residents who died."),
    ("admitted_long_term_care", "persons", "naar langdurige zorg (Wlz)", "to long-term care (Wlz)", "Frail residents of 75+ who moved to long-term care."),
    ("moved_out", "persons", "verhuisd uit de wijk", "moved out", "Residents who moved out of the wijk (whole households, and in the stationary mode extra movers out of age bands past the scan)."),
    ("births", "persons", "geboren", "births", "Babies born into families in the wijk."),
    ("moved_in", "persons", "in de wijk komen wonen", "moved in", "Residents who moved into the wijk, without local ties."),
    ("wmo_light_client_weeks", "client-weeks", "cliëntweken lichte Wmo", "light Wmo client-weeks", "Residents with a light Wmo provision this week."),
    ("frailty_onsets", "persons", "nieuw kwetsbaar", "became frail", "Residents aged 65+ who became frail (a lasting individual need)."),
    ("remissions", "persons", "aandoening voorbij", "conditions that passed", "Individual needs that remitted (by age; help does not cure them)."),
    ("referral_candidates", "referrals", "kandidaten voor verwijzing", "referral candidates", "Non-urgent referrals to specialist care that gatekeepers considered, before holding any back."),
    ("crises_while_waiting", "events", "crises tijdens het wachten", "crises while waiting", "Waiting residents whose complex need reached crisis severity."),
    ("dropped_out_of_queue", "persons", "van de wachtlijst afgehaakt", "dropped out of the queue", "Residents who left the specialist waiting list."),
    ("region_regular_arrivals", "referrals", "nieuwe reguliere aanmeldingen (regio)", "new regular referrals (region)", "Non-urgent referrals joining the regional queue (the wijk and the rest of the region)."),
    ("region_regular_queue_weeks", "client-weeks", "wachtenden regulier (regio)", "regular waiting (region)", "Non-urgent clients waiting in the regional queue at the week's admission."),
    ("region_regular_admitted", "persons", "reguliere opnames (regio)", "regular admissions (region)", "Non-urgent admissions to specialist care, region-wide."),
    ("region_admitted_within_norm", "persons", "opnames binnen de Treeknorm (regio)", "admissions within the Treeknorm (region)", "Non-urgent admissions, region-wide, after at most 14 weeks."),
    ("bridging_client_weeks", "client-weeks", "cliëntweken overbruggingszorg", "bridging client-weeks", "The wijk's residents waiting for specialist care this week (bridging care)."),
    ("provision_client_weeks", "client-weeks", "cliëntweken voorzieningen", "provision client-weeks", "Residents in case management or a combined team this week."),
    ("heavy_care_client_weeks", "client-weeks", "cliëntweken zware zorg", "heavy-care client-weeks", "Residents in specialist care, flex-team care or crisis care (a crisis waiting for its place) this week."),
    ("developer_hours", "hours", "uren netwerkontwikkelaars", "developer hours", "Working hours of the network developers this week."),
    ("activated_hours", "hours", "uren geactiveerde bewoners", "hours of activated residents", "Informal hours given by residents a network developer activated."),
    ("developer_introductions_failed", "introductions", "mislukte kennismakingen", "failed introductions", "Introductions of two willing residents that did not become a tie."),
    ("flex_admitted_early", "cases", "vroeg in het flexteam", "flex-team cases taken early", "Case-management clients the flex team took before referral."),
    ("gp_to_team", "persons", "door de huisarts naar het wijkteam", "GP to the team", "Requests the GP sent to the neighbourhood team instead of specialist care (trust)."),
)

#: (Dutch, English) names of the support paths (`Path`), as the app and the tables show them.
PATH_LABELS = {
    "none": ("geen hulp", "no help"),
    "informal_only": ("alleen informele hulp", "informal help only"),
    "waiting_generalist": ("wacht op het wijkteam", "waiting for the neighbourhood team"),
    "light_help": ("lichte hulp", "light help"),
    "case_management": ("casusregie", "case management"),
    "combined_team": ("gecombineerd team", "combined team"),
    "waiting_specialist": ("wacht op specialistische zorg", "waiting for specialist care"),
    "specialist_care": ("specialistische zorg", "specialist care"),
    "returning": ("terugkeer naar gewoon leven", "returning to ordinary life"),
    "flex_care": ("hulp van het flexteam", "flex team care"),
}
# fmt: on

_YEARLY_BY_NAME = {i.name: i for i in YEARLY}


def _weekly() -> tuple[Indicator, ...]:
    """The columns of `weekly.parquet`, in order. Stocks share their yearly twin's label."""

    def like(name: str, headline: int = 0, description: str | None = None) -> Indicator:
        y = _YEARLY_BY_NAME[name]
        unit = y.unit.replace(" per year", " per week")
        return Indicator(
            name, unit, y.kind, y.dtype, y.label, description or y.description, headline=headline
        )

    out = [
        _i(
            "week",
            "week",
            "index",
            "int",
            "week",
            "week",
            "Week: 0 is the starting state after the warm-up, then 1..52*Y.",
        ),
        _i("year", "year", "index", "int", "jaar", "year", "The week's year (0 for week 0)."),
        like("residents"),
        like("generalist_utilisation", 11, "Case slots in use as a share of the team's capacity this week."),
        like("specialist_utilisation", 12, "Specialist slots in use as a share of all slots this week."),
    ]
    flow_headline = {"informal_hours": 5, "light_help_started": 6, "heavy_care_referrals": 7}
    for name, unit, nl, en, description in FLOWS:
        dtype = "real" if unit in ("hours", "weeks") else "int"
        out.append(_i(name, unit, "flow", dtype, nl, en, description + " Over the week; sweeps keep it in every week.",
                      headline=flow_headline.get(name, 0)))  # fmt: skip
    for fn, (nl, en) in COST_FUNCTIONS_LABELS.items():
        out.append(
            _i(
                f"cost_{fn}_eur",
                "EUR per week",
                "flow",
                "real",
                f"kosten {nl}",
                f"cost of {en}",
                f"Cost of {en} this week.",
            )
        )
    stocks = {
        "need_social_share": 1, "need_individual_share": 2, "need_complex_share": 3,
        "mean_severity": 0, "self_reliance": 0, "hidden_need_share": 4, "waiting_list": 8,
        "waiting_generalist": 0, "isolated_share": 9, "mean_ties": 0, "lonely_share": 10,
        "severely_lonely_share": 0, "informal_carer_share": 0, "volunteer_share": 0, "generalist_skill": 0,
        "provision_h1_adults": 0, "light_provision_h1_adults": 0, "provision_h1_young": 0, "young_0_24": 0, "cost_total_eur": 13,
    }  # fmt: skip
    extra = {
        "mean_severity": ("severity", "real", "gemiddelde ernst", "mean severity", "Mean severity of residents with a need, at week end."),
        "waiting_generalist": ("persons", "int", "wacht op het wijkteam", "waiting for the team", "Residents waiting for the neighbourhood team at week end."),
        "provision_h1_adults": ("persons", "int", "volwassenen met een Wmo-voorziening", "adults with a provision", "Residents aged 18+ with a customised or light Wmo provision so far in the year's first half."),
        "light_provision_h1_adults": ("persons", "int", "volwassenen met een lichte Wmo-voorziening", "adults with a light provision", "Residents aged 18+ with a light Wmo provision so far in the year's first half."),
        "provision_h1_young": ("persons", "int", "jongeren met een maatwerkvoorziening", "young people with a provision", "Residents aged 0-22 with a customised provision so far in the year's first half."),
        "young_0_24": ("persons", "int", "jongeren 0-24", "residents aged 0-24", "Residents aged 0-24 (the youth-care denominator)."),
    }  # fmt: skip
    for name, headline in stocks.items():
        if name in extra:
            unit, dtype, nl, en, description = extra[name]
            out.append(_i(name, unit, "stock", dtype, nl, en, description + " Sweeps keep it at reporting weeks only.",
                          headline=headline))  # fmt: skip
        else:
            out.append(like(name, headline))
    out.append(like("share_65_plus"))
    for band, *_ in AGE_BANDS:
        for metric, unit, _kind, dtype, nl, en, description, adults_only in BAND_METRICS:
            if adults_only and band == AGE_BANDS[0][0]:
                continue
            if metric == "wmo_clients_per_1000":
                out.append(_i(f"by_age_{band_key(band)}_wmo_clients_h1", "persons", "stock", "int", f"Wmo-cliënten ({band})",
                              f"Wmo clients ({band})", f"Residents aged {band} (18+) with a customised or light Wmo provision so far in the year's first half."))  # fmt: skip
            else:
                out.append(_i(f"by_age_{band_key(band)}_{metric}", unit, "stock", dtype, f"{nl} ({band})", f"{en} ({band})",
                              description.replace(" at year end", " at week end").replace(" (null for 0-17)", "")))  # fmt: skip
    for code in Path:
        key = Path.key(code)
        nl, en = PATH_LABELS[key]
        out.append(_i(f"path_{key}", "persons", "stock", "int", nl, en,
                      f"Residents on the support path '{key.replace('_', ' ')}' at week end."))  # fmt: skip
    return tuple(out)


WEEKLY = _weekly()

#: The key policy indicators (yearly), in their order.
KEY_INDICATORS = tuple(i.name for i in sorted((i for i in YEARLY if i.key), key=lambda i: i.key))
#: Printed after a run (last year).
TABLE_KEYS = tuple(i.name for i in YEARLY if i.table)
#: Headline indicators in Mesa's DataCollector (weekly); every indicator is in `weekly_rows`.
HEADLINE = tuple(i.name for i in sorted((i for i in WEEKLY if i.headline), key=lambda i: i.headline))
#: Flat yearly columns (sweeps, comparisons) that are whole numbers.
#: (A null `by_age` value, lonely and carer shares of 0-17, is NaN in a flat table.)
INT_COLUMNS = frozenset(i.column for i in YEARLY if i.dtype == "int")


def yearly(name: str) -> Indicator:
    return _YEARLY_BY_NAME[name]


def label(name: str, lang: str) -> str | None:
    """The Dutch (`nl`) or English label of a yearly indicator or flat column, None if unknown."""
    for i in YEARLY:
        if name in (i.name, i.column):
            return i.label[0 if lang == "nl" else 1]
    return None


def describe(i: Indicator, output: str) -> dict[str, Any]:
    """One indicator as `wijksim indicators --format json` gives it."""
    return {
        "name": i.name,
        "unit": i.unit,
        "kind": i.kind,
        "dtype": i.dtype,
        "description": i.description,
        "output": output,
        "column": i.column,
        "label_nl": i.label[0],
        "label_en": i.label[1],
    }


def all_indicators() -> list[dict[str, Any]]:
    """Every indicator: the yearly ones (summary.json, sweeps), then the weekly columns."""
    return [describe(i, "summary.json yearly") for i in YEARLY] + [
        describe(i, "weekly.parquet") for i in WEEKLY
    ]


def markdown_table() -> str:
    """The yearly indicators as a Markdown table (docs/ODD.md §8 embeds it; a test checks they agree)."""
    lines = ["| name | unit | kind | type | meaning |", "|---|---|---|---|---|"]
    for i in YEARLY:
        lines.append(f"| `{i.name}` | {i.unit} | {i.kind} | {i.dtype} | {i.description} |")
    return "\n".join(lines) + "\n"
