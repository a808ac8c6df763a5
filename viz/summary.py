"""What a comparison says, in words: plain-language differences with their uncertainty, and the
`wijksim compare` command that reproduces it."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import numpy as np

from ..model.diagnostics import RUNAWAY_YEARS
from ..model.params import REGISTRY
from .export import OWN_SCAN_FILE
from .numbers import number
from .runner import LEVERS, WIJK_TABLE, Setting, decisions, without_decisions


def summary_sentences(result: dict[str, Any], t, lang: str = "en") -> list[str]:
    """Plain-language differences in the last year, with their uncertainty, numbers written as the
    language writes them."""

    def num(x: float, digits: int = 3) -> str:
        return number(x, lang, digits)

    d = result["differences"]
    last = d[d.year == d.year.max()]
    out = []
    for name in last.scenario.unique():
        lines = []
        for ind in (
            "informal_support_hours_per_resident",
            "hidden_need_share",
            "heavy_care_referrals_per_1000",
            "waiting_list",
            "isolated_share",
        ):
            r = last[(last.scenario == name) & (last.indicator == ind)].iloc[0]
            if np.isnan(r.ci_low):
                continue
            pct = ind.endswith("_share")
            scale = 100 if pct else 1
            unit = t("points") if pct else ""
            if r.ci_low > 0 or r.ci_high < 0:
                word = t("higher") if r.difference > 0 else t("lower")
                # as sizes in the direction of the word: "lager (1,5 tot 3,1)", not (−3,1 tot −1,5)
                lo, hi = sorted((abs(r.ci_low), abs(r.ci_high)))
                lines.append(
                    t("sure").format(
                        ind=t(ind),
                        diff=f"{num(abs(r.difference) * scale, 2)}{unit}",
                        word=word,
                        lo=num(lo * scale, 2),
                        hi=num(hi * scale, 2),
                    )
                )
            else:
                lines.append(
                    t("unsure").format(ind=t(ind), lo=num(r.ci_low * scale, 2), hi=num(r.ci_high * scale, 2))
                )
        c = result["net_costs"].set_index("scenario").loc[name]
        cost = t("net_cost").format(  # in millions to 2 significant digits, as the cards say them
            net=number(c.net_cost_eur / 1e6, lang, 2),
            lo=number(c.net_cost_ci_low / 1e6, lang, 2),
            hi=number(c.net_cost_ci_high / 1e6, lang, 2),
        )
        out.append(f"**{name}** ({t('year')} {int(last.year.max())}): " + "; ".join(lines) + ". " + cost)
    for name, queue in result.get("warnings", {}).items():
        per = queue["waiting_per_1000_by_year"][-1]
        shown = t("baseline") if name == "baseline" else name
        out.append(t("growing_queue").format(name=shown, years=RUNAWAY_YEARS, per=number(per, lang)))
    return out


def shipped_table_path() -> str:
    """The shipped wijk table relative to the project's folder (where the README's commands run), or
    its full path where wijksim is installed elsewhere."""
    root = Path(__file__).resolve().parents[1]
    try:
        return WIJK_TABLE.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(WIJK_TABLE)


def command_line(setting: Setting, scenarios: list[tuple[str, dict[str, Any]]]) -> str:
    """The exact `wijksim compare` command that reproduces a comparison from the command line."""
    parts = ["wijksim", "compare"]
    if setting.upload:  # the one-row scan file the export tab offers
        parts += ["--scan", OWN_SCAN_FILE, "--wijk", dict(setting.upload)["wijk_code"]]
    elif setting.wijk:  # the shipped table as the checkout names it, not this computer's path
        parts += ["--scan", shipped_table_path(), "--wijk", setting.wijk]
    else:
        parts += ["--preset", setting.preset or "default"]
    parts += [
        "--residents",
        str(setting.residents),
        "--years",
        str(setting.years),
        "--replications",
        str(setting.replications),
        "--seed",
        str(setting.seed),
    ]
    for k, v in setting.shared:
        parts += ["--set", f"{k}={v}"]
    for name, overrides in scenarios:
        flags = [f"--change {year}:{k}={v}" for year, k, v in decisions(overrides)]
        for k, v in setting.in_fte(without_decisions(overrides)).items():
            if k in LEVERS:
                if REGISTRY[k].kind is bool:
                    flags.append(f"--{k.replace('_', '-')}" if v else f"--no-{k.replace('_', '-')}")
                else:
                    flags.append(f"--{k.replace('_', '-')} {v}")
            else:
                flags.append(f"--set {k}={v}")
        parts += ["--scenario", f"{name}: {' '.join(flags)}"]
    return " ".join(shlex.quote(p) for p in parts) + " --out comparison"
