"""The app's own controls: a slider with its label above it and a number field beside it, and the
"wat betekent dit?" fold under a control.

Labels above the track give the track the card's full width (a label beside it squeezed the track to
nothing at 1366 px); the number field shows the value in the language (`0,45`) and takes a typed one,
so nobody has to drag to an exact value, and there is no value bubble to cover the labels. Every
control carries its label for screen readers (`aria-label`), and all of it works from the keyboard.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable

import reacton.ipyvuetify as rv
import solara
from reacton.ipyvue import use_event
from solara.components.input import use_change

from .explain import explanation
from .numbers import number

#: Called when a control's value is set on purpose (typed and entered, a slider let go, a switch
#: clicked), not while a slider is dragged: the page then runs the changed scenario at once
#: (`runner.Prefetcher.settle`). Nothing outside a page that provides it.
SETTLED = solara.create_context(lambda: None)


def parse_number(text: str) -> float | None:
    """A typed number, Dutch or English: `0,45`, `0.45`, `1.000,5`, `−2`; None if it is none."""
    s = text.strip().replace("\u2212", "-").replace(" ", "")
    if "," in s:  # Dutch: a decimal comma, dots group thousands
        s = s.replace(".", "").replace(",", ".")
    try:
        x = float(s)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def typed_value(text: str, low: float, high: float, integer: bool) -> float | int | None:
    """The typed value if it is a number in [low, high] (a whole one for a count), else None."""
    x = parse_number(text)
    if x is None or not low <= x <= high or (integer and x != int(x)):
        return None
    return int(x) if integer else round(x, 6)


@solara.component
def NumberSlider(
    label: str,
    value: float,
    on_value: Callable[[float], None],
    low: float,
    high: float,
    step: float,
    lang: str,
    t: Callable[[str], str],
    testid: str,
    integer: bool = False,
):
    """A slider with its label above and a number field beside it (see the module's docstring)."""
    typed = solara.use_reactive(None)  # the field's text while it does not hold an allowed number
    settled = solara.use_context(SETTLED)
    shown = number(value, lang, 6)
    problem = None
    if typed.value is not None:
        problem = t("number_range").format(low=number(low, lang, 6), high=number(high, lang, 6))

    def take(text: str | None) -> None:
        x = typed_value(text or "", low, high, integer)
        if x is None:
            typed.set(text or "")
        else:
            typed.set(None)
            if x != value:
                settled()
            on_value(x)

    def slide(x: float) -> None:
        typed.set(None)
        on_value(int(round(x)) if integer else round(float(x), 6))

    with solara.Div(classes=["number-slider", testid]):
        solara.HTML(tag="div", unsafe_innerHTML=html.escape(label), classes=["control-label"])
        with solara.Row(style={"align-items": "center", "gap": "12px"}):
            with solara.Div(style={"flex": "1 1 auto", "min-width": "80px"}):
                slider = rv.Slider(
                    v_model=value,
                    on_v_model=slide,
                    min=low,
                    max=high,
                    step=step,
                    hide_details=True,
                    attributes={"aria-label": label},
                    class_=f"{testid}-slider",
                )
                use_event(slider, "change", lambda *_: settled())  # let go (a drag sends values before)
            with solara.Div(style={"flex": "0 0 92px"}):
                field = rv.TextField(
                    v_model=typed.value if typed.value is not None else shown,
                    dense=True,
                    outlined=True,
                    hide_details=True,
                    error=problem is not None,
                    attributes={"aria-label": label, "inputmode": "decimal"},
                    class_=f"{testid}-number",
                )
                use_change(field, take)  # taken on Enter or on leaving the field, not per key
        if problem:
            solara.Text(problem, classes=["number-problem"], style={"color": "#b00020"})


def whole_number(text: str, lang: str) -> int | None:
    """A typed whole number as the language writes it: Dutch `2.000`, `2 000` or `2000` (a point
    groups thousands), English `2,000`; None if it is none (`1,5`, `abc`, empty)."""
    s = text.strip().replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
    group = "." if lang == "nl" else ","
    digits = s.lstrip("-")
    if digits and re.fullmatch(rf"\d{{1,3}}(\{group}\d{{3}})*|\d+", digits):
        return int(s.replace(group, ""))
    return None


@solara.component
def WholeNumberField(label: str, value: solara.Reactive, lang: str, t: Callable[[str], str], testid: str):
    """A field for a count (residents, a seed) that takes it as the room types it (`1.600`), shows
    it so (`2.000`), and says in the language what it needs when it is no whole number."""
    typed = solara.use_reactive(None)  # the field's text while it holds no whole number

    def take(text: str | None) -> None:
        x = whole_number(text or "", lang)
        if x is None:
            typed.set(text or "")
        else:
            typed.set(None)
            value.set(x)

    problem = None if typed.value is None else t("whole_number")
    field = rv.TextField(
        label=label,
        v_model=typed.value if typed.value is not None else number(value.value, lang, 12),
        error=problem is not None,
        error_messages=[problem] if problem else [],
        attributes={"inputmode": "numeric"},
        class_=testid,
    )
    use_change(field, take)  # taken on Enter or on leaving the field, not per key


@solara.component
def WhatItMeans(key: str, lang: str, t: Callable[[str], str], extra: str | None = None):
    """A native <details> fold: one line ("Wat betekent dit?") until opened, keyboard-operable and read
    by screen readers without any script."""
    what, source = explanation(key, lang)
    body = f"<p>{html.escape(what)}</p>"
    if extra:
        body += f"<p>{html.escape(extra)}</p>"
    body += f"<p class='source'>{html.escape(t('source'))}: {html.escape(source)}</p>"
    solara.HTML(
        tag="details",
        unsafe_innerHTML=f"<summary>{html.escape(t('what_it_means'))}</summary>{body}",
        classes=["what-it-means", f"explain-{key}"],
    )
