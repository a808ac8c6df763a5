"""Choosing a real wijk in the settings panel: a search that answers as one types, every match a
page at a time (viz/search.py), and the upload of a municipality's own scan (viz/upload.py).

The upload is a real `<input type="file">` (ipyvuetify's FileInput: a Vuetify file input whose
content the server reads in chunks over the page's websocket), so a keyboard and a test can use it;
the bytes go straight to `read_scan` and the rows into the tab's state, never into a file.
"""

from __future__ import annotations

import threading
from dataclasses import replace

import reacton.ipyvuetify as rv
import solara
import traitlets
from ipyvuetify.extra import FileInput

from . import search, wijken
from .prose import prose
from .upload import MAX_BYTES, Problem, ScanRefused, Upload, describe, read_scan, row_label, too_big

#: Errors shown of a refused scan; the rest are counted.
SHOWN_PROBLEMS = 10

#: ipyvuetify's file input (ipyvuetify/extra/file_input.vue) with a label, which Vuetify ties to the
#: <input> (`<label for=…>`), so screen readers name it; one file.
TEMPLATE = """
<template>
<div>
  <v-file-input v-model="myfiles" :label="label" :accept="accept" :disabled="disabled"
    show-size clearable @change="setFiles" />
  <v-progress-linear v-if="total_progress > 0 && total_progress < 100" :value="total_progress" />
</div>
</template>
<script>
modules.export = {
  created() { this.chunk_size = 2 * 1024 * 1024; },
  methods: {
    setFiles(e) {
      this.native_file_info = !e ? [] : (e instanceof File ? [e] : e);
      this.file_info = this.native_file_info.map(({ name, size, lastModified, type }) =>
        ({ name, size, lastModified, type }));
    },
    jupyter_clear() { this.myfiles = undefined; this.setFiles(false); },
    jupyter_read(chunk) {
      const { id, file_index, offset, length } = chunk;
      let to_do = length;
      let sub_offset = offset;
      (async () => {
        while (to_do > 0) {
          const sub_length = Math.min(to_do, this.chunk_size);
          const blob = this.native_file_info[file_index].slice(sub_offset, sub_offset + sub_length);
          const buff = await blob.arrayBuffer();
          this.upload({ id, file_index, offset: sub_offset, length: sub_length }, [buff]);
          to_do -= sub_length;
          sub_offset += sub_length;
        }
      })();
    },
  },
};
</script>
"""


class ScanFileInput(FileInput):
    template = traitlets.Unicode(TEMPLATE).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)


@solara.component
def WijkSearch(t, lang: str, on_pick):
    """The search box and its matches; the query lives here, so typing re-renders only this."""
    query = solara.use_reactive("")
    page_no = solara.use_reactive(0)
    found = solara.use_memo(lambda: search.matches(wijken.places(), query.value), dependencies=[query.value])

    def set_query(text: str | None) -> None:
        query.set(text or "")
        page_no.set(0)

    # Always one column: a component whose only child is the box would rebuild it (losing the
    # typist's caret) when the matches appear beside it.
    with solara.Column(gap="4px"):
        solara.InputText(
            t("search_label"),
            value=query.value,
            on_value=set_query,
            continuous_update=True,
            classes=["wijk-search"],
        )
        if query.value.strip():
            Matches(t, lang, query.value, found, page_no, on_pick)


@solara.component
def Matches(t, lang: str, text: str, found: list, page_no, on_pick):
    """How many matched (or what the table covers), one page of them, and the way to the others."""
    page = search.page_of(found, page_no.value)
    # A live region: a screen reader says how many were found, or that none were.
    with rv.Html(tag="div", attributes={"role": "status", "aria-live": "polite"}, class_="search-status"):
        if not found:
            solara.Warning(search.no_match_message(text, wijken.coverage(), t, lang), classes=["search-none"])
        else:
            solara.Text(search.count_text(page, t, lang), classes=["search-count"])
    with solara.Column(classes=["wijk-results"], gap="2px"):
        for place in page.items:
            solara.Button(
                place.label,
                on_click=lambda label=place.label: on_pick(label),
                text=True,
                small=True,
                classes=["wijk-option"],
                style={"text-transform": "none", "justify-content": "flex-start", "letter-spacing": "normal"},
            )
    if page.pages > 1:
        with solara.Row():
            solara.Button(
                t("previous"),
                on_click=lambda: page_no.set(page.page - 1),
                disabled=page.page == 0,
                small=True,
                classes=["search-previous"],
            )
            solara.Button(
                t("next"),
                on_click=lambda: page_no.set(page.page + 1),
                disabled=page.page >= page.pages - 1,
                small=True,
                classes=["search-next"],
            )


@solara.component
def FileField(label: str, on_files):
    """The file input; `on_files` gets the chosen file (its bytes still in the browser) as solara's
    FileDrop hands it on. The input must be this component's root for `get_widget` to find it."""
    info, set_info = solara.use_state(None)
    element = ScanFileInput.element(
        label=label, accept=".csv,text/csv,text/plain", multiple=False, on_file_info=set_info
    )

    def wire() -> None:
        if not info:
            return
        widget = solara.get_widget(element)
        widget.version += 1  # as FileDrop does: the file_info observer is lost on re-render
        widget.reset_stats()
        on_files(widget.get_files())

    solara.use_effect(wire, [info])
    return element


@solara.component
def ScanUpload(t, lang: str, upload, on_use):
    """The file input for an own scan, its problems by row and column, and the choice of a wijk in it.
    `upload` is the tab's `Upload` (a reactive); `on_use()` is called when one of its rows is chosen."""
    problems = solara.use_reactive(None)
    reading = solara.use_reactive(False)
    files, set_files = solara.use_state(None)
    prose(f"#### {t('upload_title')}")
    with solara.Div(classes=["scan-upload"]):
        FileField(t("upload_label"), set_files)

    def read(cancel: threading.Event) -> None:
        if not files:
            return
        file = files[0]
        reading.set(True)
        try:
            if file["size"] > MAX_BYTES:  # refused before a byte is sent
                raise too_big()
            try:
                content = file["file_obj"].read()
            except Exception:  # the browser did not send it (a new file chosen meanwhile, a timeout)
                raise ScanRefused([Problem(None, None, "scan_not_received")]) from None
            rows = read_scan(content)
        except ScanRefused as err:
            problems.set(err.problems)
            upload.set(None)
            return
        finally:
            reading.set(False)
        problems.set(None)
        upload.set(Upload(rows, 0 if len(rows) == 1 else None))
        if len(rows) == 1:
            on_use()

    solara.use_thread(read, dependencies=[files], intrusive_cancel=False)

    solara.Text(t("upload_help"), style={"font-size": "0.85em", "color": "#555"})
    if reading.value:
        solara.Text(t("upload_reading"))
    if problems.value:
        lines = [describe(p, t, lang) for p in problems.value[:SHOWN_PROBLEMS]]
        if len(problems.value) > SHOWN_PROBLEMS:
            lines.append(t("scan_more").format(n=len(problems.value) - SHOWN_PROBLEMS))
        with solara.Div(classes=["upload-errors"]):
            solara.Error(t("upload_refused"), children=[prose("\n".join(f"- {x}" for x in lines))])
    if upload.value is not None:
        rows = upload.value.rows
        solara.Success(t("upload_rows").format(n=len(rows)), dense=True, classes=["upload-ok"])
        labels = [row_label(r) for r in rows]

        def choose(label: str) -> None:
            upload.set(replace(upload.value, chosen=labels.index(label)))
            on_use()

        chosen = upload.value.chosen
        solara.Select(
            t("upload_pick"),
            values=labels,
            value=labels[chosen] if chosen is not None else None,
            on_value=choose,
            classes=["upload-select"],
        )
        solara.Button(
            t("upload_remove"), on_click=lambda: upload.set(None), text=True, classes=["upload-remove"]
        )


@solara.component
def Chosen(t, wijk_label, upload):
    """The wijk a comparison will be for, and the way back to a neighbourhood type."""
    row = upload.value.row if upload.value is not None else None
    if row is None and not wijk_label.value:
        return

    def back() -> None:
        wijk_label.set(None)
        if upload.value is not None:
            upload.set(replace(upload.value, chosen=None))

    shown = f"{row_label(row)} ({t('own_scan')})" if row is not None else wijk_label.value
    solara.Info(shown, dense=True, classes=["chosen-wijk"])
    solara.Button(t("use_preset"), on_click=back, text=True)
