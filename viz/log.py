"""The table's log (issue 23, item 7): what a Modeling to Learn workshop keeps of each run.

Before a run the table types its question and what it expects; each press of "Doorrekenen" appends an
entry holding those two as typed at that moment, the setting and scenarios, and the cards' lines; after
the run the table types its decision (or what it learns) into that entry, and may edit earlier ones.

Where it sits: a band of three text areas right above the Run button (question, expectation, and the
latest run's decision), so the table types, runs and answers in one place at a projector without
switching tabs; the full list (newest first) folds open under the band and stays folded, so the cards
stay above the fold. The log lives in the browser tab's state only (never on disk); it goes out with
the handout (viz/handout.py) and alone as Markdown (readable as it is, pasted into minutes).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import reacton.ipyvuetify as rv
import solara
from solara.components.input import use_change

from .cards import scenario_cards
from .handout import WORKSHOP_TIME, changes_line, entry_html, handout_filename, handout_html, setting_line
from .i18n import LANGUAGES, translator
from .runner import Setting


def add_entry(
    entries: list[dict[str, Any]],
    question: str,
    expectation: str,
    setting: Setting,
    scenarios: list[tuple[str, dict[str, Any]]],
    result: dict[str, Any],
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """The log with this run appended (a new list, so the page's state sees the change). The cards'
    lines are kept in both languages: the language can switch after the run."""
    entry = {
        "run": len(entries) + 1,
        "time": (now or datetime.now(WORKSHOP_TIME)).strftime("%H:%M"),
        "question": question.strip(),
        "expectation": expectation.strip(),
        "decision": "",
        "setting": setting,
        "scenarios": list(scenarios),
        "cards": {lang: scenario_cards(result, setting.years, lang, translator(lang)) for lang in LANGUAGES},
    }
    return [*entries, entry]


def set_decision(entries: list[dict[str, Any]], run: int, text: str) -> list[dict[str, Any]]:
    """The log with run `run`'s decision replaced."""
    return [{**x, "decision": text.strip()} if x["run"] == run else x for x in entries]


def log_markdown(entries: list[dict[str, Any]], lang: str, t: Callable[[str], str]) -> str:
    """The log as Markdown, oldest run first (minutes read in order)."""
    out = [f"# {t('log_title')}", ""]
    for x in entries:
        out += [f"## {t('log_run').format(n=x['run'], time=x['time'])}", ""]
        for key in ("question", "expectation"):
            out += [f"**{t(f'log_{key}')}:** {x[key] or t('log_empty')}", ""]
        out += [f"**{t('handout_setting')}:** {setting_line(x['setting'], lang, t)}", ""]
        out += [f"- {name}: {changes_line(ov, lang, t)}" for name, ov in x["scenarios"]] + [""]
        out += [f"**{t('log_result')}:**", ""]
        for card in x["cards"][lang]:
            queue = f" ({t('card_queue')})" if card["queue"] else ""
            out.append(f"- {card['name']}: " + "; ".join([card["net"], *card["changes"]]) + queue)
        out += ["", f"**{t('log_decision')}:** {x['decision'] or t('log_empty')}", ""]
    return "\n".join(out)


#: An entry in the page reads as in the handout: the labels bold, the typed text as typed.
ENTRY_CSS = (
    ".log-entry dt { font-weight: bold; } .log-entry dd { margin: 0 0 4px 16px; white-space: pre-wrap; }"
)


@solara.component
def TextArea(label: str, value: str, on_value: Callable[[str], None]):
    """A text area whose label stays visible and named for screen readers once text is typed
    (solara.InputTextArea's 'solo' label disappears with the first letter); the text is taken when
    the field is left, so the page does not redraw at every key."""
    area = rv.Textarea(
        v_model=value,
        label=label,
        outlined=True,
        rows=2,
        auto_grow=True,
        hide_details=True,
        attributes={"aria-label": label},
    )
    use_change(area, lambda text: on_value(text or ""), update_events=["focusout"])


@solara.component
def DecisionField(entry: dict[str, Any], log: solara.Reactive, t):
    """The decision of one run, typed after it."""
    TextArea(
        t("log_decision_of").format(n=entry["run"]),
        entry["decision"],
        lambda text: log.set(set_decision(log.value, entry["run"], text)),
    )


@solara.component
def LogPanel(t, lang: str, question: solara.Reactive, expectation: solara.Reactive, log: solara.Reactive):
    """The band above the Run button and the list of runs under it (see the module's docstring)."""
    entries = log.value
    solara.Style(ENTRY_CSS)
    with solara.Div(classes=["scenario-log"]):
        solara.Text(t("log_before"), classes=["log-hint"], style={"font-size": "0.9em", "color": "#555"})
        with solara.Row(style={"flex-wrap": "wrap", "gap": "12px", "align-items": "flex-start"}):
            with solara.Div(classes=["log-question"], style={"flex": "1 1 220px"}):
                TextArea(t("log_question"), question.value, question.set)
            with solara.Div(classes=["log-expectation"], style={"flex": "1 1 220px"}):
                TextArea(t("log_expectation"), expectation.value, expectation.set)
            with solara.Div(classes=["log-decision"], style={"flex": "1 1 220px"}):
                if entries:  # a fresh field per run: the latest run's decision
                    DecisionField(entries[-1], log, t).key(f"decision-{entries[-1]['run']}")
                else:
                    solara.Text(t("log_after"), style={"font-size": "0.9em", "color": "#555"})
        if entries:
            with solara.Div(classes=["log-entries"]):
                with solara.Details(summary=t("log_entries").format(n=len(entries))):
                    for entry in reversed(entries):
                        latest = entry is entries[-1]
                        with solara.Div(classes=["log-entry", f"log-entry-{entry['run']}"]):
                            solara.HTML(tag="div", unsafe_innerHTML=entry_html(entry, lang, t, "h4", latest))
                            if not latest:  # the latest one is edited in the band above
                                DecisionField(entry, log, t).key(f"decision-{entry['run']}-list")
                    LogDownload(t, lang, entries)


@solara.component
def LogDownload(t, lang: str, entries: list[dict[str, Any]]):
    solara.FileDownload(
        lambda: log_markdown(entries, lang, t),
        filename="wijksim-logboek.md" if lang == "nl" else "wijksim-log.md",
        label=t("log_download"),
        mime_type="text/markdown",
    )


@solara.component
def HandoutDownloads(t, lang: str, shown: dict[str, Any], entries: list[dict[str, Any]]):
    """The Export tab's handout (built only when clicked) and the log alone."""
    solara.FileDownload(
        lambda: handout_html(shown["result"], shown["setting"], shown["scenarios"], lang, t, entries),
        filename=handout_filename(shown["setting"]),
        label=t("download_handout"),
        mime_type="text/html",
    )
    LogDownload(t, lang, entries)
