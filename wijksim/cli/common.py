"""What every command shares: the Typer app, the error exit, the lever options made from the
registry, and the tables they print."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated, Any, NoReturn

import typer

from ..model.params import LEVERS, REGISTRY, ParameterError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="wijksim: an agent-based model of neighbourhood support systems.",
)


def fail(err: Exception) -> NoReturn:
    """Bad input: the message names the field and the value; exit 2, nothing written."""
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(code=2)


def _lever_parameter(name: str) -> inspect.Parameter:
    p = REGISTRY[name]
    text = f"{p.description} ({p.unit})"
    if p.kind is bool:
        option = typer.Option(f"{p.flag}/--no-{p.flag[2:]}", help=text)
        annotation: Any = Annotated[bool | None, option]
    else:
        annotation = Annotated[p.kind | None, typer.Option(p.flag, help=text)]
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)


def with_lever_options(after: str) -> Callable:
    """Give a command one option per lever of the registry (`--network-developers`, `--key-facility/
    --no-key-facility`, ...), placed after the option `after`; the command takes them as `**levers`."""

    def wrap(func: Callable) -> Callable:
        sig = inspect.signature(func, eval_str=True)
        own = [
            p.replace(kind=inspect.Parameter.KEYWORD_ONLY)  # Typer passes every option by name
            for p in sig.parameters.values()
            if p.kind is not inspect.Parameter.VAR_KEYWORD
        ]
        at = [p.name for p in own].index(after) + 1
        params = own[:at] + [_lever_parameter(n) for n in LEVERS] + own[at:]
        func.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
        return func

    return wrap


def lever_values(levers: dict[str, Any]) -> dict[str, Any]:
    """The levers given on the command line, checked against the registry."""
    return {name: REGISTRY[name].check(v) for name, v in levers.items() if v is not None}


def check_exclusive(preset: str | None, scan: Any, wijk: str | None) -> None:
    if preset and (scan or wijk):
        raise ParameterError("--preset", preset, "give either --preset or --scan/--wijk, not both")


#: `--demography` values and the `demography_projected` setting each stands for.
DEMOGRAPHY_MODES = {"stationary": False, "projected": True}


def demography_mode(value: str) -> bool:
    """`--demography stationary|projected` as the registry's `demography_projected`."""
    if value not in DEMOGRAPHY_MODES:
        raise ParameterError("--demography", value, f"must be one of {', '.join(DEMOGRAPHY_MODES)}")
    return DEMOGRAPHY_MODES[value]
