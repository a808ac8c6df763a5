"""The workshop app (Solara): pick a neighbourhood, switch levers, compare scenarios side by side.

Started by `wijksim app` (or `make app`). Every piece of state lives in this page's hooks, so each
browser tab has its own screen; only pure, input-keyed results are shared (viz.runner's cache).
Nothing typed in the browser is used as a file path or code: wijken come from the shipped table or
from a scan uploaded into the tab's memory (never written to disk), numbers are validated by the
parameter registry and errors are shown as a message in the page.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any

import reacton.core
import solara
import solara.lab

from .. import __version__
from ..experiments.workers import APP_PRELOAD, background_priority_possible, start_fork_server
from ..model.params import REGISTRY, ParameterError
from ..model.scan import row_csv, row_sha256
from . import figures, runner, summary, warm, wijken
from .charts import Curves, PreloadCharts
from .charts import warm_up as warm_up_charts
from .controls import LeverControls, Settings, lever_list, own_values
from .export import OWN_SCAN_FILE, differences_csv, run_record
from .headline import ResultHeadline, is_stale
from .i18n import LANGUAGES, translator
from .log import HandoutDownloads, LogPanel, add_entry
from .messages import input_error
from .network_tab import NetworkTab, StoryTab
from .numbers import net_cost_rows
from .progress import Running
from .prose import code_block, prose
from .widgets import SETTLED

DEFAULT_LANG = os.environ.get("WIJKSIM_LANG", "nl")
#: The setting a fresh page shows (the default type of wijk, its own assumptions, the run settings'
#: defaults): the page starts from it, and the server runs its warm-ups and baseline before anyone
#: asks (`_warm_up`).
FRESH_PAGE_SETTING = runner.Setting()
START_SCENARIOS = [
    {
        "name": "A",
        "network_developers": 1.0,
        "key_facility": False,
        "flex_team": 0,
        "specialist_capacity_factor": 1.0,
        "neighbourhood_team_factor": 1.0,
    },
    {
        "name": "B",
        "network_developers": 1.0,
        "key_facility": True,
        "flex_team": 2.0,
        "specialist_capacity_factor": 1.0,
        "neighbourhood_team_factor": 1.0,
    },
]

#: Set when a first page has been drawn: the workers' first runs and the result page's imports
#: start then, not with the server, whose first page would otherwise share the cores with them.
PAGE_DRAWN = threading.Event()
#: Set when a first comparison is asked for, and when its runs go to the workers: a table that runs
#: at once has its runs handed over first, and the result page's imports and first chart follow
#: (on the server's one interpreter they made the hand-over 0.3 s slower).
RUN_ASKED, RUNS_HANDED_OVER = threading.Event(), threading.Event()


def _warm_up() -> None:
    # The model's import begins with the server, below the page's priority (Linux): it takes the
    # cores' idle moments while the first page is drawn (`wijksim app` has started it before Solara's
    # import; here it is started for a server that did not). Then the workers, and, also below the
    # page's priority, what a fresh page's setting (`FRESH_PAGE_SETTING`) will need whatever its
    # levers become: its warm-ups and its baseline (`runner.prefetch`). A table that presses Run
    # finds them done or under way (docs/performance.md, 2026-12-06 sixth).
    if background_priority_possible():
        start_fork_server(APP_PRELOAD)
    wijken.places()  # the wijken to search (a table read), before the browser asks for the first page
    try:
        warm.warm_up()
    except Exception:  # noqa: BLE001 - ahead of time only (e.g. the server stopping): Run reports failures
        return
    runner.Prefetcher(delay=0).ask(FRESH_PAGE_SETTING, None)  # in a thread of its own
    PAGE_DRAWN.wait(timeout=20)
    if RUN_ASKED.wait(timeout=2.0):  # Run pressed as soon as the page could be used:
        RUNS_HANDED_OVER.wait(timeout=5.0)  # its runs go to the workers first (none to run: 5 s)
    preload_results()


def handed_over(progress: solara.Reactive) -> runner.Progress:
    """The progress bar's callback. The runner first calls it as it hands the runs to the workers,
    which sets `RUNS_HANDED_OVER`."""

    def report(done: int, total: int) -> None:
        RUNS_HANDED_OVER.set()
        progress.set((done, total))

    return report


def preload_results() -> None:
    """Import what the first result's page needs and the first page does not, scipy's t quantile
    (the bands), and build a first chart (plotly's validators): half a second, while the table is
    still choosing its wijk rather than after its first Run."""
    import scipy.special  # noqa: F401  # start-up: after the first page

    warm_up_charts(translator(DEFAULT_LANG), DEFAULT_LANG)


if os.environ.get("WIJKSIM_WARM_UP") == "1":  # set by `wijksim app`: start the workers early
    threading.Thread(target=_warm_up, daemon=True).start()


def overrides_of(scenario: dict[str, Any]) -> dict[str, Any]:
    """A scenario's lever values that differ from the baseline defaults."""
    return {k: scenario[k] for k in runner.LEVERS if scenario[k] != REGISTRY[k].default}


def same_name(scenarios: list[tuple[str, dict[str, Any]]], t) -> str | None:
    """A name two scenarios share, or that the baseline has: their results would be pooled."""
    seen = {"baseline", t("baseline").casefold()}
    for name, _ in scenarios:
        if name.casefold() in seen:
            return name
        seen.add(name.casefold())
    return None


#: The page holds still: no transitions or animations (Vuetify's ripples, sliding tab bars, progress
#: bars, fades). On a workshop laptop every animated frame is drawn by the same two cores that run
#: the model (Chromium draws without a GPU there): a redraw took 0.13 s longer with them
#: (docs/performance.md, 2026-12-06 sixth). Nothing moves on its own either, which a room (and anyone
#: sensitive to motion, WCAG 2.3.3) is glad of.
STILL_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@solara.component
def Page():
    lang = solara.use_reactive(DEFAULT_LANG)
    t = translator(lang.value)
    preset = solara.use_reactive(FRESH_PAGE_SETTING.preset)
    upload = solara.use_reactive(None)  # an own scan's rows (viz/upload.py): in this tab's memory only
    wijk_label = solara.use_reactive(None)
    residents = solara.use_reactive(FRESH_PAGE_SETTING.residents)
    years = solara.use_reactive(FRESH_PAGE_SETTING.years)
    replications = solara.use_reactive(FRESH_PAGE_SETTING.replications)
    seed = solara.use_reactive(FRESH_PAGE_SETTING.seed)
    code = wijken.wijk_code(wijk_label.value) if wijk_label.value else None
    row = upload.value.row if upload.value is not None else None
    own = own_values(preset.value, code, row)
    shared = {k: solara.use_reactive(own[k]) for k in runner.INFLUENTIAL}  # noqa: SH103

    def reset_assumptions() -> None:
        for k, r in shared.items():
            r.set(own[k])

    solara.use_effect(reset_assumptions, [preset.value, code, row])  # a new wijk: its own values
    scenarios = solara.use_reactive(START_SCENARIOS)
    result = solara.use_reactive(None)
    error = solara.use_reactive(None)
    net = solara.use_reactive(None)
    net_choice = solara.use_reactive(0)
    net_year = solara.use_reactive(0)
    story_who = solara.use_reactive(None)
    # (runs done, runs to do) of the running comparison: a value of its own, not the page's state, so
    # that each finished run redraws the progress bar only (`Running` reads it), not the whole page
    progress = solara.use_memo(lambda: solara.Reactive((0, 0)), [])
    render_context = reacton.core.get_render_context()
    settings_open = solara.use_reactive(True)  # folds away after a run
    question, expectation = solara.use_reactive(""), solara.use_reactive("")  # the log: before a run
    log = solara.use_reactive([])  # the table's runs (viz/log.py); this tab's state only, never on disk

    def setting() -> runner.Setting:
        return runner.Setting(
            preset=preset.value,
            wijk=wijken.wijk_code(wijk_label.value) if wijk_label.value else None,
            upload=row,
            residents=residents.value,
            years=years.value,
            replications=replications.value,
            seed=seed.value,
            shared=runner.changed_assumptions(own, {k: r.value for k, r in shared.items()}),
        )

    def named() -> list[tuple[str, dict[str, Any]]]:
        return [
            (s["name"] or f"{t('scenario')} {i + 1}", overrides_of(s)) for i, s in enumerate(scenarios.value)
        ]

    def compute():
        # Everything as it was when Run was pressed: an input changed during the run belongs to the
        # next run (and marks this one's result out of date), not to this one's label and log.
        RUN_ASKED.set()
        prefetcher.forget()
        asked = (question.value, expectation.value)
        this_setting, these = setting(), named()
        clash = same_name(these, t)
        if clash:
            error.set(t("error_same_name").format(name=clash))
            return None
        progress.set((0, 0))
        try:
            res = runner.comparison(this_setting, these, handed_over(progress))
        except ParameterError as err:
            error.set(input_error(err, lang.value, t))
            return None
        entries = add_entry(log.value, *asked, this_setting, these, res)
        with render_context:  # one redraw for all of it, not one per value (each took ~0.3 s)
            error.set(None)
            result.set({"result": res, "setting": this_setting, "scenarios": these})
            log.set(entries)
            net.set(None)
            settings_open.set(False)
        return True

    task = solara.lab.use_task(compute, dependencies=None)
    solara.use_effect(PAGE_DRAWN.set, [])
    prefetcher = solara.use_memo(runner.Prefetcher, [])
    SETTLED.provide(prefetcher.settle)  # a value set on purpose runs at once, a drag when still

    def ahead() -> None:
        if task.pending:
            return
        if result.value is None:  # the wijk chosen, the table talks levers: its warm-ups run meanwhile
            prefetcher.ask(setting(), None)
            return
        shown = (result.value["setting"], result.value["scenarios"])  # once a table iterates, the
        if (setting(), named()) != shown:  # changed scenario runs while it talks
            prefetcher.ask(setting(), named())

    solara.use_effect(ahead, [setting(), repr(named())])

    solara.Title(t("title"))
    solara.Style(STILL_CSS)
    with solara.Row(
        classes=["title-bar"], style={"align-items": "center", "justify-content": "space-between"}
    ):
        prose(f"## {t('title')}")
        solara.ToggleButtonsSingle(value=lang, values=list(LANGUAGES), classes=["lang-toggle"])
        PreloadCharts()

    # Folding hides the settings rather than removing them: unfolded again they are there at once,
    # and a run's redraw does not close some 150 widgets (a tenth of a second, on the busy cores).
    hidden = None if settings_open.value else {"display": "none"}
    with solara.Columns([1, 3] if settings_open.value else [0, 1]):
        with solara.Div(style=hidden), solara.Column(classes=["settings"]):  # a Column is display: flex
            Settings(
                t, lang.value, preset, upload, wijk_label, residents, years, replications, seed, shared, own
            )
        with solara.Column():
            # Always here (not only when folded): a child inserted above the results would make
            # them a new component and lose the chosen tab.
            solara.Button(
                t("hide_settings") if settings_open.value else t("show_settings"),
                on_click=lambda: settings_open.set(not settings_open.value),
                text=True,
                icon_name="mdi-chevron-left" if settings_open.value else "mdi-tune",
                classes=["toggle-settings"],
            )
            with solara.Columns([1, 1, 1]):
                with solara.Card(t("baseline")):
                    baseline = {k: REGISTRY[k].default for k in runner.LEVERS}
                    folded = t("baseline_folded")
                    prose(lever_list(baseline, lang.value, t) if settings_open.value else folded)
                for i, sc in enumerate(scenarios.value):
                    title = f"{t('scenario')} {i + 1}" + ("" if settings_open.value else f": {sc['name']}")
                    with solara.Card(title, classes=[f"scenario-{i + 1}"]):

                        def change(new, i=i):
                            items = list(scenarios.value)
                            items[i] = new
                            scenarios.set(items)

                        with solara.Div(style=hidden):
                            LeverControls(sc, change, t, f"scenario-{i + 1}", lang.value, residents.value)
                        if not settings_open.value:  # folded: what differs, in a line; results above the fold
                            prose(lever_list(sc, lang.value, t, only_changes=True))
            current = (setting(), named())
            ResultHeadline(t, lang.value, result, current)  # above the log band and Run: in view after a run
            LogPanel(t, lang.value, question, expectation, log)
            Results(
                t,
                lang.value,
                task,
                progress,
                error,
                result,
                net,
                net_choice,
                net_year,
                story_who,
                current,
                log,
            )


def net_cost_table(res: dict[str, Any], lang: str, t) -> str:
    """The net costs per scenario as a Markdown table."""
    rows = [
        "| | " + " | ".join((t("lever_cost"), t("saved_light"), t("saved_heavy"), t("net"))) + " |",
        "|---|---|---|---|---|",
    ]
    rows += ["| " + " | ".join(cells) + " |" for cells in net_cost_rows(res["net_costs"], lang)]
    return "\n".join(rows)


@solara.component
def SummaryAndCosts(res: dict[str, Any], t, lang: str):
    """The summary in words and the net-cost table, worked out once per result and language (the
    page redraws the results when a run starts and ends, too)."""
    sentences, cost_table = solara.use_memo(
        lambda: (summary.summary_sentences(res, t, lang), net_cost_table(res, lang, t)), [id(res), lang]
    )
    prose(f"### {t('summary')}")
    with solara.Div(classes=["summary"]):
        for line in sentences:
            prose(line)
    prose(f"### {t('net_costs')}")
    prose(cost_table)


@solara.component
def Results(t, lang, task, progress, error, result, net, net_choice, net_year, story_who, current, log):
    with solara.Row():
        solara.Button(t("run"), on_click=task, color="primary", disabled=task.pending, classes=["run-button"])
        if task.pending:
            Running(t, progress)
    if error.value:
        solara.Error(error.value, classes=["input-error"])
    if task.error:
        solara.Error(f"{t('error')}: {task.exception}")

    if result.value is None:
        solara.Info(t("press_run"))
        return
    res = result.value["result"]
    shown = result.value["setting"]
    # Faded like the cards while an input has changed since the run (the mark is at the cards); the
    # Div is always there, so that fading does not make the tabs new and lose the chosen one.
    faded = {"opacity": "0.45" if is_stale(result, current) else "1"}
    with solara.Div(classes=["results-tabs"], style=faded):
        ResultTabs(t, lang, res, shown, result, net, net_choice, net_year, story_who, log)


@solara.component
def ResultTabs(t, lang, res, shown, result, net, net_choice, net_year, story_who, log):
    with solara.lab.Tabs():
        with solara.lab.Tab(t("curves")):
            Curves(res, t, lang)
            SummaryAndCosts(res, t, lang)
        with solara.lab.Tab(t("network")), solara.Div(classes=["network-tab"]):
            NetworkTab(t, lang, result, net, net_choice, net_year, story_who)
        with solara.lab.Tab(t("story")), solara.Div(classes=["story-tab"]):
            StoryTab(t, lang, net, story_who)
        with solara.lab.Tab(t("export")):
            HandoutDownloads(t, lang, result.value, log.value)
            solara.FileDownload(
                lambda: figures.curves_png(res, t, lang, dpi=150),
                filename="wijksim-vergelijking.png",
                label=t("download_png"),
            )
            sha = row_sha256(shown.upload) if shown.upload else None
            solara.FileDownload(
                lambda: differences_csv(res["differences"], lang, t, sha),
                filename="wijksim-verschillen.csv",
                label=t("download_csv"),
            )
            if shown.upload:  # the uploaded row as a scan file (its SHA-256 is the one recorded)
                solara.FileDownload(
                    row_csv(shown.upload), filename=OWN_SCAN_FILE, label=t("download_scan_row")
                )
            record = run_record(shown, result.value["scenarios"], __version__)
            solara.FileDownload(
                json.dumps(record, indent=1, default=str), filename="run.json", label=t("download_json")
            )
            prose(t("command"))
            cmd = summary.command_line(result.value["setting"], result.value["scenarios"])
            with solara.Div(classes=["command-line"]):
                code_block(cmd)
