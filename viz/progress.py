"""How far a comparison's runs are, while they go."""

from __future__ import annotations

import reacton.ipyvuetify as rv
import solara


@solara.component
def Running(t, progress: solara.Reactive):
    """How many of the runs are done: a bar that moves only when a run finishes (an endlessly
    animated bar keeps the browser busy on the same cores the runs need). A finished run sets the
    label's and the bar's widgets itself rather than redraw the page: each such redraw took the
    server ~30 ms and the browser a page update, once per run (10-15 in a first comparison), on
    the cores the runs need (2026-12-06)."""

    def shown(value: tuple[int, int]) -> tuple[str, float]:
        done, total = value
        return t("running") + (f" {done}/{total}" if total else ""), 100 * done / total if total else 0

    label, percent = shown(progress.peek())  # peek: a new value does not redraw this component
    text = rv.Html(tag="span", class_="running", children=[label])
    bar = rv.ProgressLinear(value=percent, color="primary")

    def follow():
        text_widget, bar_widget = solara.get_widget(text), solara.get_widget(bar)

        def update(value: tuple[int, int]) -> None:
            label, percent = shown(value)
            text_widget.children, bar_widget.value = [label], percent

        update(progress.peek())  # a run that finished between this render and now
        return progress.subscribe(update)

    solara.use_effect(follow, [t])  # in the new language when it is switched during the runs
