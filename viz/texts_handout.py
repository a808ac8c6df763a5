"""The texts of the printable handout (viz/handout.py) and the table's log (viz/log.py), joined into
`i18n.TEXTS`: key -> (Dutch, English)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # the log (viz/log.py)
    "log_title": ("Logboek van de tafel", "The table's log"),
    "log_question": ("Vraag van de tafel", "The table's question"),
    "log_expectation": ("Verwachting", "Expectation"),
    "log_decision": ("Besluit / wat we leren", "Decision / what we learn"),
    "log_decision_of": ("Besluit / wat we leren (doorrekening {n})", "Decision / what we learn (run {n})"),
    "log_before": (
        "Typ vóór ‘Doorrekenen’ de vraag en wat de tafel verwacht; na afloop het besluit.",
        "Before 'Run', type the question and what the table expects; afterwards the decision.",
    ),
    "log_after": (
        "Na het doorrekenen typt u hier het besluit of wat de tafel leert.",
        "After the run, type the decision or what the table learns here.",
    ),
    "log_entries": ("Logboek ({n}), nieuwste eerst", "Log ({n}), newest first"),
    "log_run": ("Doorrekening {n} ({time})", "Run {n} ({time})"),
    "log_setting": (
        "{where}: {residents} gesimuleerde inwoners, {years} jaar, {replications} herhalingen, "
        "startgetal toeval {seed}",
        "{where}: {residents} simulated residents, {years} years, {replications} replications, "
        "random seed {seed}",
    ),
    "log_same": ("zelfde maatregelen als geen nieuwe besluiten", "the same levers as no new decisions"),
    "log_empty": ("(niet ingevuld)", "(not filled in)"),
    "log_result": ("Uitkomst", "Result"),
    "log_assumptions": ("Verschoven aannames", "Moved assumptions"),
    "log_download": ("Logboek als tekstbestand", "Log as a text file"),
    "log_none": ("Nog geen doorrekeningen in het logboek.", "No runs in the log yet."),
    # the handout (viz/handout.py)
    "download_handout": ("Hand-out (HTML, om te printen)", "Handout (HTML, to print)"),
    "handout_title": ("Hand-out wijksim: {where}", "wijksim handout: {where}"),
    "handout_made": (
        "Gemaakt op {date} met wijksim {version}.",
        "Made on {date} with wijksim {version}.",
    ),
    "handout_print": (
        "Afdrukken: Ctrl+P (op een Mac Cmd+P), papier A4 staand.",
        "To print: Ctrl+P (Cmd+P on a Mac), A4 portrait.",
    ),
    "handout_setting": ("Instellingen", "Settings"),
    "handout_own_values": (
        "de eigen waarden van deze wijk (niets verschoven)",
        "this neighbourhood's own values (nothing moved)",
    ),
    "handout_scenarios": ("Scenario's en maatregelen", "Scenarios and levers"),
    "handout_lever": ("Maatregel", "Lever"),
    "handout_levers_meaning": ("Wat de maatregelen betekenen en kosten", "What the levers mean and cost"),
    "handout_cards": ("Uitkomsten per scenario", "Results per scenario"),
    "handout_caveats": ("Kanttekeningen", "Caveats"),
    "caveat_simulated": (
        "De uitkomsten gelden voor {residents} gesimuleerde inwoners van {where}, niet voor echte "
        "personen. Kosten gelden voor dit aantal inwoners; per 1.000 inwoners zijn de cijfers "
        "vergelijkbaar met de echte wijk.",
        "The results are for {residents} simulated residents of {where}, not for real people. Costs are "
        "for this number of residents; per 1,000 residents the figures compare with the real "
        "neighbourhood.",
    ),
    "caveat_model": (
        "Alle cijfers zijn uitkomsten van een model, geen voorspellingen: gemiddelden over {n} "
        "herhalingen per scenario, met hun 95%-interval. Alle scenario's gebruiken dezelfde "
        "toevalsgetallen, dus verschillen komen van de maatregelen. Waar een interval nul bevat, kan "
        "het model de scenario's niet onderscheiden.",
        "All figures are model outcomes, not forecasts: means over {n} replications per scenario, with "
        "their 95% interval. All scenarios use the same random numbers, so differences come from the "
        "levers. Where an interval holds zero, the model cannot tell the scenarios apart.",
    ),
    "caveat_defaults": (
        "De aannames van het model zijn aannemelijk, maar nog niet op deze wijk gekalibreerd; ze staan "
        "allemaal in de modelbeschrijving (ODD) bij wijksim, docs/ODD.md.",
        "The model's assumptions are plausible, not yet calibrated to this neighbourhood; all of them "
        "are listed in the model description (ODD) that comes with wijksim, docs/ODD.md.",
    ),
    "caveat_reproduce": (
        "Na te rekenen met wijksim {version} en startgetal toeval {seed}, met dit commando:",
        "Reproducible with wijksim {version} and random seed {seed}, with this command:",
    ),
}
