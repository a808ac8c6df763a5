"""The left and top controls of the workshop app: the neighbourhood and run settings with the shared
assumptions (which start from the chosen type's or wijk's own values), and each scenario's levers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import reacton.ipyvuetify as rv
import solara

from ..model.params import REGISTRY, ParameterError
from ..model.presets import PRESET_NAMES
from . import runner
from .explain import lever_cost_line
from .headline import few_residents
from .numbers import number
from .prose import prose
from .widgets import SETTLED, NumberSlider, WhatItMeans, WholeNumberField
from .wijkpicker import Chosen, ScanUpload, WijkSearch


def own_values(preset: str, code: str | None, upload: tuple | None = None) -> dict[str, float]:
    """The wijk's own assumptions; the registry's defaults if its row cannot be read (the page then
    shows the row's error when it runs)."""
    try:
        return runner.own_values(preset, code, upload)
    except ParameterError:
        return {k: REGISTRY[k].default for k in runner.INFLUENTIAL}


def lever_value(value: Any, lang: str, t) -> str:
    """A lever's setting as the screen says it: Aan/Uit, a number in the language."""
    if isinstance(value, bool):
        return t("on") if value else t("off")
    return number(value, lang)


def lever_list(levers: dict[str, Any], lang: str, t, only_changes: bool = False) -> str:
    """A scenario's levers as a short Markdown list, as the screen names them; `only_changes`: one
    line of the levers that differ from the baseline (the folded view after a run)."""
    if not only_changes:
        return "\n".join(f"- {t(k)}: {lever_value(levers[k], lang, t)}" for k in runner.LEVERS)
    changed = [k for k in runner.LEVERS if levers[k] != REGISTRY[k].default]
    return " · ".join(f"{t(k)}: {lever_value(levers[k], lang, t)}" for k in changed) or t("no_measures")


@solara.component
def LeverControls(
    scenario: dict[str, Any], on_change, t, testid: str, lang: str = "nl", residents: int = 2000
):
    """A scenario's levers: each with its label above, a number field, its yearly price (and what this
    dose costs at the simulated size) and what it means."""

    settled = solara.use_context(SETTLED)

    def set_(key):
        return lambda v: on_change({**scenario, key: v})

    def switch(key):
        return lambda v: (settled(), on_change({**scenario, key: v}))

    # one group per scenario, so that a screen reader says whose lever it is
    group = {"role": "group", "aria-label": f"{t('scenario')} {scenario['name']}"}
    with rv.Html(tag="div", attributes=group, class_=f"{testid}-levers"):
        solara.InputText(t("name"), value=scenario["name"], on_value=set_("name"), continuous_update=False)
        for key in runner.LEVERS:
            p = REGISTRY[key]
            with solara.Div(classes=["lever", f"{testid}-{key}"]):
                if p.kind is bool:
                    solara.Switch(label=t(key), value=scenario[key], on_value=switch(key))
                else:
                    low, high, step = p.slider()  # workshop-sized ranges from the registry
                    NumberSlider(
                        t(key),
                        scenario[key],
                        set_(key),
                        low,
                        high,
                        step,
                        lang,
                        t,
                        f"{testid}-{key}-control",
                        integer=p.kind is int,
                    )
                solara.Text(
                    lever_cost_line(key, scenario[key], residents, lang),
                    classes=["lever-cost"],
                    style={"font-size": "14px", "color": "#555"},  # a room reads it on a projector
                )
                WhatItMeans(key, lang, t)


@solara.component
def Settings(t, lang, preset, upload, wijk_label, residents, years, replications, seed, shared, own):
    def not_uploaded() -> None:  # a type or a shipped wijk replaces a row of the own scan
        if upload.value is not None:
            upload.set(replace(upload.value, chosen=None))

    prose(f"### {t('neighbourhood')}")
    # The type's own name in the language; the value stays the preset's key.
    # Once a real wijk (or a row of the own scan) is chosen, its figures decide, not the type: said
    # under the type, which otherwise still read "middenklassewijk (standaard)" as if it counted.
    wijk_chosen = bool(wijk_label.value) or (upload.value is not None and upload.value.chosen is not None)
    rv.Select(
        label=t("choose_type"),
        items=[{"text": t(f"preset:{name}"), "value": name} for name in PRESET_NAMES],
        v_model=preset.value,
        on_v_model=lambda v: (preset.set(v), wijk_label.set(None), not_uploaded()),
        hint=t("type_unused") if wijk_chosen else "",
        persistent_hint=wijk_chosen,
        class_="preset-select",
    )
    WijkSearch(t, lang, lambda label: (wijk_label.set(label), not_uploaded()))
    ScanUpload(t, lang, upload, lambda: wijk_label.set(None))
    Chosen(t, wijk_label, upload)
    WholeNumberField(t("residents"), residents, lang, t, "residents-input")
    warning = few_residents(residents.value, lang, t)
    if warning:
        solara.Text(warning, classes=["few-residents"], style={"color": "#8a5a00"})
    WhatItMeans("residents", lang, t)
    NumberSlider(t("years"), years.value, years.set, 1, 20, 1, lang, t, "years-control", integer=True)
    WhatItMeans("years", lang, t)
    NumberSlider(
        t("replications"),
        replications.value,
        replications.set,
        2,
        10,
        1,
        lang,
        t,
        "replications-control",
        integer=True,
    )
    WhatItMeans("replications", lang, t)
    WholeNumberField(t("seed"), seed, lang, t, "seed-input")
    WhatItMeans("seed", lang, t)
    prose(f"### {t('shared_parameters')}")
    solara.Text(t("own_values"), classes=["own-values-note"])
    for k, r in shared.items():
        low, high, step = REGISTRY[k].slider()  # a grid that holds every type's and wijk's own value
        NumberSlider(t(k), r.value, r.set, low, high, step, lang, t, f"assumption-{k}")
        solara.Text(f"{t('own_value')}: {number(own[k], lang)}", classes=["own-value"])
        WhatItMeans(k, lang, t)
    solara.Button(
        t("reset_own"),
        on_click=lambda: [r.set(own[k]) for k, r in shared.items()],
        text=True,
        classes=["reset-assumptions"],
    )
