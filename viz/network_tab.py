"""The app's network and story tabs: the baseline next to one chosen scenario (same seed, same
residents in the same places), with a year player and the population counts as text; and one
resident's story in both runs."""

from __future__ import annotations

import threading
from typing import Any

import solara
import solara.lab

from . import figures, story, storyline
from .prose import prose

#: Seconds each year is shown when the network plays through the years (drawing a year takes ~0.4 s).
PLAY_SECONDS_PER_YEAR = 1.2


@solara.component
def YearPlayer(year, last: int, t):
    """The year slider and a Play/Pause button that moves it on by itself, one year at a time, to
    the last year: the network's change over the years as an animation."""
    playing = solara.use_reactive(False)

    def play(stop: threading.Event) -> None:
        while playing.value and not stop.wait(PLAY_SECONDS_PER_YEAR):
            if year.value >= last:
                break
            year.set(year.value + 1)
        playing.set(False)

    solara.use_thread(play, dependencies=[playing.value, last], intrusive_cancel=False)

    def toggle() -> None:
        if not playing.value and year.value >= last:
            year.set(0)  # from the start again
        playing.set(not playing.value)

    with solara.Div(classes=["year-player"], style={"margin-top": "32px"}), solara.Row():
        solara.Button(
            t("pause") if playing.value else t("play"),
            on_click=toggle,
            icon_name="mdi-pause" if playing.value else "mdi-play",
            classes=["play-button"],
        )
        solara.SliderInt(t("show_year"), value=year, min=0, max=last, thumb_label="always")


@solara.component
def NetworkFigure(pair: dict[str, Any], year: int, t, lang: str):
    """Drawn once per network run, year and language, not on every render of the page."""
    figure = solara.use_memo(
        lambda: figures.network_figure(pair, year, t, lang), dependencies=[id(pair), year, lang]
    )
    solara.FigureMatplotlib(figure, format="png", dependencies=[figure], pil_kwargs={"compress_level": 1})


@solara.component
def NetworkTab(t, lang: str, result, net, net_choice, net_year, story_who):
    """A labelled choice of the scenario to put next to the baseline, and a button that runs both:
    the baseline is always there, so the choice is not a fourth scenario."""
    names = [name for name, _ in result.value["scenarios"]]
    choice = names[min(net_choice.value, len(names) - 1)]

    def compute() -> None:
        scenarios = result.value["scenarios"]
        name, overrides = scenarios[min(net_choice.value, len(scenarios) - 1)]
        net.set(story.network_pair(result.value["setting"], name, overrides))
        net_year.set(0)
        story_who.set(None)

    task = solara.lab.use_task(compute, dependencies=None, raise_error=False)
    with solara.Row(classes=["network-controls"], style={"align-items": "center"}):
        solara.Select(
            t("compare_with"),
            values=names,
            value=choice,
            on_value=lambda v: net_choice.set(names.index(v)),
            classes=["compare-with"],
            style={"max-width": "320px"},
        )
        solara.Button(
            t("compute_network"),
            on_click=task,
            color="primary",
            disabled=task.pending,
            classes=["network-button"],
        )
        if task.pending:
            solara.Text(t("running"), classes=["running"])
    if task.error:
        solara.Error(f"{t('error')}: {task.exception}")
    if net.value is None:
        solara.Info(t("network_first"))
        return
    pair = net.value
    YearPlayer(net_year, len(pair["baseline"]["snapshots"]) - 1, t)
    with solara.Div(classes=["network-key"]):
        prose(t("network_key"))
    NetworkFigure(pair, net_year.value, t, lang)
    with solara.Div(classes=["network-counts"]):
        prose(story.counts_table(pair, net_year.value, lang, t))
        prose(t("network_sample").format(n=len(pair["baseline"]["sample"])))


@solara.component
def StoryTab(t, lang: str, net, story_who):
    """One resident, described in words, in the baseline and in the chosen scenario: the same person
    (same start, same chance) in both, so the two stories differ by what the scenario did."""
    if net.value is None:
        solara.Info(t("network_first"))
    else:
        ResidentStories(t, lang, net.value, story_who)


@solara.component
def ResidentStories(t, lang: str, pair: dict[str, Any], story_who):
    base, scen = pair["baseline"]["model"], pair["scenario"]["model"]
    people = solara.use_memo(
        lambda: storyline.picker_labels(scen, storyline.interesting_residents(scen, other=base), t),
        dependencies=[id(pair), lang],
    )
    if not people:
        solara.Info(t("no_stories"))
        return
    who = story_who.value if story_who.value in people.values() else next(iter(people.values()))
    solara.Select(
        t("pick_resident"),
        values=list(people),
        value=next(label for label, i in people.items() if i == who),
        on_value=lambda label: story_who.set(people[label]),
        classes=["resident-picker"],
        style={"max-width": "720px"},
    )
    prose(t("story_same_resident"))
    with solara.Columns([1, 1]):
        for name, model in ((t("baseline"), base), (pair["name"], scen)):
            with solara.Div(classes=["resident-story"]):
                heading = t("story_heading").format(name=name, who=storyline.describe(model, who, t))
                prose(f"#### {heading}")
                prose("\n".join(f"- {line}" for line in storyline.resident_story(model, who, t)))
