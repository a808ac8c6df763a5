"""Dutch and English texts of the controls (viz/widgets.py, viz/controls.py): joined into
viz/i18n.py's TEXTS, key -> (Dutch, English)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "what_it_means": ("Wat betekent dit?", "What does this mean?"),
    "source": ("Bron", "Source"),
    "no_measures": ("geen maatregelen", "no measures"),
    "baseline_folded": ("alle maatregelen uit; capaciteit zoals nu", "all measures off; capacity as now"),
    "error_same_name": (
        "Twee scenario's heten ‘{name}’ (of het heet als ‘geen nieuwe besluiten’): geef elk een eigen naam.",
        "Two scenarios are called '{name}' (or it is named like 'no new decisions'): give each its own name.",
    ),
    "number_range": ("Typ een getal van {low} tot {high}.", "Type a number from {low} to {high}."),
    "few_residents": (
        "Minder dan {below} gesimuleerde inwoners: dan bepaalt vooral het toeval de uitkomst (een "
        "handvol specialistische plekken, brede intervallen). Kies er liefst {advised} of meer.",
        "Fewer than {below} simulated residents: chance then decides most of the outcome (a handful "
        "of specialist places, wide intervals). Choose {advised} or more if you can.",
    ),
    "type_unused": (
        "niet gebruikt: de gekozen wijk bepaalt de kenmerken (kies een type om terug te gaan)",
        "not used: the chosen wijk sets the figures (choose a type to go back)",
    ),
    "whole_number": ("Typ een geheel getal, zoals 2.000.", "Type a whole number, such as 2,000."),
}
