"""The printable handout of a comparison: one self-contained HTML file a table takes home.

One file, so it can be mailed or printed anywhere: the style sheet inline (A4, with print rules), the
chart embedded as a 150 dpi PNG, no script and no request to any server. It holds what the screen
showed (the wijk, the settings, each scenario's levers as the screen names them, the cards, the chart,
the net costs), the caveats that belong with the numbers, and the table's log (viz/log.py). Every text
a person typed (scenario names, the log) is escaped.
"""

from __future__ import annotations

import base64
import html
import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .. import __version__
from ..model.params import REGISTRY
from . import figures, runner, summary, wijken
from .cards import scenario_cards
from .controls import lever_value
from .explain import explanation, lever_cost_line
from .numbers import net_cost_rows, number

#: The workshop's clock: Dutch time, whatever the server's (a container runs on UTC).
WORKSHOP_TIME = ZoneInfo("Europe/Amsterdam")

#: Page margin left and right (mm): the chart's 8.27 in at 150 dpi then prints at ~170 dpi.
PAGE_MARGIN_MM = 12
CHART_DPI = 150
MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}  # fmt: skip

STYLE = f"""
@page {{ size: A4; margin: 14mm {PAGE_MARGIN_MM}mm; }}
body {{ font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.35;
  color: #111; background: #fff; }}
h1 {{ font-size: 17pt; margin: 0 0 2mm; }}
h2 {{ font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; break-after: avoid; }}
h3 {{ font-size: 11pt; margin: 3mm 0 1mm; break-after: avoid; }}
table {{ border-collapse: collapse; width: 100%; margin: 2mm 0; }}
th, td {{ border: 1px solid #bbb; padding: 1.5pt 4pt; text-align: left; vertical-align: top; }}
th {{ background: #eee; }}
td.num {{ text-align: right; white-space: nowrap; }}
tr, li, .card, .entry, figure {{ break-inside: avoid; }}
.cards {{ display: flex; flex-wrap: wrap; gap: 3mm; }}
.card {{ flex: 1 1 80mm; border: 1px solid #888; border-radius: 2mm; padding: 2mm 3mm; }}
.card ul {{ margin: 1mm 0; padding-left: 5mm; }}
.net {{ font-weight: bold; }}
.queue, .caveat-queue {{ color: #8a4b00; }}
.small {{ font-size: 8.5pt; color: #444; }}
figure {{ margin: 2mm 0; }}
img.chart {{ width: 100%; height: auto; display: block; }}
pre {{ white-space: pre-wrap; word-break: break-all; font-size: 8pt; background: #f4f4f4; padding: 2mm; }}
.entry {{ border-left: 3px solid #377eb8; padding-left: 3mm; margin: 3mm 0; }}
dl {{ margin: 1mm 0; }} dt {{ font-weight: bold; }} dd {{ margin: 0 0 1mm 4mm; white-space: pre-wrap; }}
@media screen {{ body {{ max-width: 186mm; margin: 2em auto; padding: 0 1em; }} }}
@media print {{ .screen-only {{ display: none; }} .chart-section {{ break-before: page; }} }}
"""


def e(text: Any) -> str:
    """Text as HTML: everything the handout shows goes through here."""
    return html.escape(str(text))


def bold(text: str) -> str:
    """The app's Markdown bold (`**...**`) as HTML, the rest escaped."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", e(text))


def long_date(day: date, lang: str) -> str:
    """ "5 december 2026" (Dutch) or "5 December 2026", without the process locale (shared by tabs)."""
    return f"{day.day} {MONTHS['nl' if lang == 'nl' else 'en'][day.month - 1]} {day.year}"


def full_levers(overrides: dict[str, Any]) -> dict[str, Any]:
    """A scenario's every lever: its changes on top of "no new decisions"."""
    return {k: overrides.get(k, REGISTRY[k].default) for k in runner.LEVERS}


def setting_line(setting: runner.Setting, lang: str, t) -> str:
    """One line for the log: where, how many residents, years, replications, seed, moved assumptions."""
    line = t("log_setting").format(
        where=wijken.setting_label(setting, t),
        residents=number(setting.residents, lang, 6),
        years=setting.years,
        replications=setting.replications,
        seed=setting.seed,
    )
    if setting.shared:
        moved = ", ".join(f"{t(k)}: {number(v, lang)}" for k, v in setting.shared)
        line += f"; {t('log_assumptions').lower()}: {moved}"
    return line


def changes_line(overrides: dict[str, Any], lang: str, t) -> str:
    """What a scenario changes against "no new decisions", as the screen names it."""
    changed = [f"{t(k)}: {lever_value(overrides[k], lang, t)}" for k in runner.LEVERS if k in overrides]
    return ", ".join(changed) or t("log_same")


def entry_html(entry: dict[str, Any], lang: str, t, heading: str = "h3", decision: bool = True) -> str:
    """One run of the log (viz/log.py): what was asked and expected before, the setting, the cards'
    lines, and the decision typed after."""

    def typed(key: str) -> str:
        text = e(entry[key]) or f"<em>{e(t('log_empty'))}</em>"
        return f"<dt>{e(t(f'log_{key}'))}</dt><dd class='log-{key}'>{text}</dd>"

    scenarios = "".join(
        f"<li><strong>{e(name)}</strong>: {e(changes_line(ov, lang, t))}</li>"
        for name, ov in entry["scenarios"]
    )
    results = "".join(
        f"<li><strong>{e(card['name'])}</strong>: {e('; '.join([card['net'], *card['changes']]))}"
        + (f" <span class='queue'>({e(t('card_queue'))})</span>" if card["queue"] else "")
        + "</li>"
        for card in entry["cards"][lang]
    )
    parts = [
        f"<{heading}>{e(t('log_run').format(n=entry['run'], time=entry['time']))}</{heading}>",
        "<dl>",
        typed("question"),
        typed("expectation"),
        f"<dt>{e(t('handout_setting'))}</dt><dd>{e(setting_line(entry['setting'], lang, t))}"
        f"<ul>{scenarios}</ul></dd>",
        f"<dt>{e(t('log_result'))}</dt><dd><ul>{results}</ul></dd>",
    ]
    if decision:
        parts.append(typed("decision"))
    return "".join(parts) + "</dl>"


def _settings(setting: runner.Setting, lang: str, t) -> str:
    moved = ", ".join(f"{t(k)}: {number(v, lang)}" for k, v in setting.shared) or t("handout_own_values")
    rows = [
        (t("neighbourhood"), wijken.setting_label(setting, t)),
        (t("residents"), number(setting.residents, lang, 6)),
        (t("years"), str(setting.years)),
        (t("replications"), str(setting.replications)),
        (t("seed"), str(setting.seed)),
        (t("shared_parameters"), moved),
    ]
    body = "".join(f"<tr><th scope='row'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
    return f"<h2>{e(t('handout_setting'))}</h2><table class='setting'>{body}</table>"


def _scenarios(setting: runner.Setting, scenarios: list[tuple[str, dict[str, Any]]], lang: str, t) -> str:
    columns = [(t("baseline"), full_levers({}))] + [(name, full_levers(ov)) for name, ov in scenarios]
    head = f"<th>{e(t('handout_lever'))}</th>" + "".join(f"<th>{e(name)}</th>" for name, _ in columns)
    rows = "".join(
        f"<tr><th scope='row'>{e(t(k))}</th>"
        + "".join(f"<td class='num'>{e(lever_value(levers[k], lang, t))}</td>" for _, levers in columns)
        + "</tr>"
        for k in runner.LEVERS
    )
    meanings = "".join(
        f"<li><strong>{e(t(k))}</strong>: {e(explanation(k, lang)[0])} "
        f"<span class='small'>({e(lever_cost_line(k, 0, setting.residents, lang))})</span></li>"
        for k in runner.LEVERS
    )
    return (
        f"<h2>{e(t('handout_scenarios'))}</h2><table class='levers'><tr>{head}</tr>{rows}</table>"
        f"<h3>{e(t('handout_levers_meaning'))}</h3><ul class='small'>{meanings}</ul>"
    )


def _cards(cards: list[dict[str, Any]], t) -> str:
    out = []
    for card in cards:
        changes = "".join(f"<li>{e(line)}</li>" for line in card["changes"])
        queue = f"<p class='queue'>{e(t('card_queue'))}</p>" if card["queue"] else ""
        out.append(
            f"<div class='card'><h3>{e(card['name'])}</h3><p class='net'>{e(card['net'])}</p>"
            f"<ul>{changes}</ul>{queue}<p class='small'>{e(card['period'])}</p></div>"
        )
    return f"<h2>{e(t('handout_cards'))}</h2><div class='cards'>{''.join(out)}</div>"


def _net_costs(result: dict[str, Any], lang: str, t) -> str:
    head = [t("scenario"), t("lever_cost"), t("saved_light"), t("saved_heavy"), t("net")]
    rows = "".join(
        f"<tr><th scope='row'>{e(cells[0])}</th>" + "".join(f"<td class='num'>{e(c)}</td>" for c in cells[1:])
        + "</tr>"
        for cells in net_cost_rows(result["net_costs"], lang)
    )  # fmt: skip
    heads = "".join(f"<th>{e(h)}</th>" for h in head)
    return f"<h2>{e(t('net_costs'))} (€)</h2><table class='net-costs'><tr>{heads}</tr>{rows}</table>"


def caveats(result: dict[str, Any], setting: runner.Setting, lang: str, t) -> list[str]:
    """What belongs with the numbers, as Markdown-bold text: a waiting list that kept growing (per
    scenario, the baseline too), simulated residents, model outcomes with intervals, the assumptions."""
    sentences = summary.summary_sentences(result, t, lang)
    queues = sentences[len(sentences) - len(result.get("warnings", {})) :]
    return [
        *queues,
        t("caveat_simulated").format(
            residents=number(setting.residents, lang, 6), where=wijken.setting_label(setting, t)
        ),
        t("caveat_model").format(n=setting.replications),
        t("caveat_defaults"),
    ]


def handout_html(
    result: dict[str, Any],
    setting: runner.Setting,
    scenarios: list[tuple[str, dict[str, Any]]],
    lang: str,
    t,
    log: list[dict[str, Any]] | tuple = (),
    today: date | None = None,
) -> str:
    """The handout of one comparison (the last run's result, setting and scenarios as run) with the
    table's log, in the language."""
    where = wijken.setting_label(setting, t)
    title = t("handout_title").format(where=where)
    cards = scenario_cards(result, setting.years, lang, t)
    png = figures.curves_png(result, t, lang, dpi=CHART_DPI)
    image = base64.b64encode(png).decode("ascii")
    sentences = summary.summary_sentences(result, t, lang)
    findings = sentences[: len(sentences) - len(result.get("warnings", {}))]
    queued = len(result.get("warnings", {}))  # the caveats' first lines
    cmd = summary.command_line(setting, scenarios)
    notes = "".join(
        f"<li class='{'caveat-queue' if i < queued else 'caveat'}'>{bold(text)}</li>"
        for i, text in enumerate(caveats(result, setting, lang, t))
    )
    entries = "".join(f"<div class='entry'>{entry_html(x, lang, t)}</div>" for x in log)
    made = t("handout_made").format(
        date=long_date(today or datetime.now(WORKSHOP_TIME).date(), lang), version=__version__
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f"<html lang='{'nl' if lang == 'nl' else 'en'}'><head><meta charset='utf-8'>",
            f"<title>{e(title)}</title><style>{STYLE}</style></head><body>",
            f"<h1>{e(title)}</h1><p>{e(made)}</p><p class='screen-only small'>{e(t('handout_print'))}</p>",
            _settings(setting, lang, t),
            _scenarios(setting, scenarios, lang, t),
            _cards(cards, t),
            f"<h2>{e(t('summary'))}</h2>" + "".join(f"<p>{bold(s)}</p>" for s in findings),
            _net_costs(result, lang, t),
            f"<h2>{e(t('handout_caveats'))}</h2><ul class='caveats'>{notes}</ul>",
            f"<p>{e(t('caveat_reproduce').format(version=__version__, seed=setting.seed))}</p>",
            f"<pre class='command-line'>{e(cmd)}</pre>",
            f"<section class='chart-section'><h2>{e(t('curves'))}</h2><figure>",
            f"<img class='chart' alt='{e(t('curves_title'))}' src='data:image/png;base64,{image}'>",
            f"<figcaption class='small'>{e(t('curves_note_levels').split('. ')[0])}.</figcaption>",
            "</figure></section>",
            f"<h2>{e(t('log_title'))}</h2>" + (entries or f"<p>{e(t('log_none'))}</p>"),
            "</body></html>",
        ]
    )


def handout_filename(setting: runner.Setting) -> str:
    """wijksim-handout-<wijk code or type>.html: letters, digits and dashes only."""
    own = dict(setting.upload).get("wijk_code") if setting.upload is not None else None
    name = own or setting.wijk or setting.preset or "default"
    return f"wijksim-handout-{re.sub(r'[^A-Za-z0-9-]+', '-', name)}.html"
