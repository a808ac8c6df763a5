"""Input errors as the page says them: in its language, naming the field as the screen names it.

The model raises `ParameterError(field, value, reason)` (the structured errors of issue 22); the
command line prints them as `error: FIELD=VALUE: reason`, the page as a sentence under its own labels.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.params import REGISTRY, ParameterError
from .numbers import number


def input_error(err: ParameterError, lang: str, t: Callable[[str], str]) -> str:
    field = str(err.field).lstrip("-").replace("-", "_")
    label = t(field)
    value = err.value
    p = REGISTRY.get(field)
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    shown = number(value, lang) if numeric else str(value)
    if p is not None and p.kind is not bool and numeric and not p.low <= value <= p.high:
        low, high = number(p.low, lang, 6), number(p.high, lang, 6)
        return t("error_range").format(label=label, value=shown, low=low, high=high)
    return t("error_other").format(label=label, value=shown, reason=err.reason)
