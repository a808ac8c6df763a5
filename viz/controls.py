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
from .numbers import number
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


@solara.component
def LeverControls(scenario: dict[str, Any], on_change, t, testid: str):
    def set_(key):
        return lambda v: on_change({**scenario, key: v})

    solara.InputText(t("name"), value=scenario["name"], on_value=set_("name"), continuous_update=False)
    for key in runner.LEVERS:
        p = REGISTRY[key]
        label = f"{t(key)}"
        if p.kind is bool:
            solara.Switch(label=label, value=scenario[key], on_value=set_(key), classes=[f"{testid}-{key}"])
            continue
        low, high, step = p.slider()  # workshop-sized ranges from the registry
        if p.kind is int:
            solara.SliderInt(
                label,
                value=scenario[key],
                min=int(low),
                max=int(high),
                on_value=set_(key),
                thumb_label="always",
            )
        else:
            solara.SliderFloat(
                label,
                value=scenario[key],
                min=low,
                max=high,
                step=step,
                on_value=set_(key),
                thumb_label="always",
            )


@solara.component
def Settings(t, lang, preset, upload, wijk_label, residents, years, replications, seed, shared, own):
    def not_uploaded() -> None:  # a type or a shipped wijk replaces a row of the own scan
        if upload.value is not None:
            upload.set(replace(upload.value, chosen=None))

    solara.Markdown(f"### {t('neighbourhood')}")
    # The type's own name in the language; the value stays the preset's key.
    rv.Select(
        label=t("choose_type"),
        items=[{"text": t(f"preset:{name}"), "value": name} for name in PRESET_NAMES],
        v_model=preset.value,
        on_v_model=lambda v: (preset.set(v), wijk_label.set(None), not_uploaded()),
        class_="preset-select",
    )
    WijkSearch(t, lang, lambda label: (wijk_label.set(label), not_uploaded()))
    ScanUpload(t, lang, upload, lambda: wijk_label.set(None))
    Chosen(t, wijk_label, upload)
    solara.InputInt(t("residents"), value=residents, continuous_update=False, classes=["residents-input"])
    solara.SliderInt(t("years"), value=years, min=1, max=20, thumb_label="always")
    solara.SliderInt(t("replications"), value=replications, min=2, max=10, thumb_label="always")
    solara.InputInt(t("seed"), value=seed, continuous_update=False)
    solara.Markdown(f"### {t('shared_parameters')}")
    solara.Text(t("own_values"), classes=["own-values-note"])
    for k, r in shared.items():
        low, high, step = REGISTRY[k].slider()  # a grid that holds every type's and wijk's own value
        solara.Markdown(f"{t(k)}; {t('own_value')}: {number(own[k], lang)}")
        # room above the track for the value bubble, which would otherwise cover the label
        with solara.Div(classes=[f"assumption-{k}"], style={"margin-top": "30px"}):
            solara.SliderFloat("", value=r, min=low, max=high, step=step, thumb_label="always")
    solara.Button(
        t("reset_own"),
        on_click=lambda: [r.set(own[k]) for k, r in shared.items()],
        text=True,
        classes=["reset-assumptions"],
    )
