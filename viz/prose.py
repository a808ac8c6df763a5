"""The app's texts, written in Markdown and shown as HTML in a widget whose HTML is replaced when
the text changes (the summary, the scenario cards, the lever lists, the command, the headings).

`solara.Markdown` makes a new widget for every new text: a Vue template that the browser compiles
and mounts, each mount loading and running the diagram (mermaid) and formula (KaTeX) renderers the
app never uses, and on the server a Markdown parser with five extensions. A redraw made some ten of
them; with `prose` their widgets stay and only their HTML changes (2026-12-06). Anything in a text
that looks like HTML (a scenario name or a wijk a table typed or uploaded) is shown as typed, never
run: `solara.Markdown` put it into a Vue template, where `{{ }}` is code.
"""

from __future__ import annotations

import functools
import html

import markdown
import solara

#: The classes `solara.Markdown` gives its text, so that the page's styles (the cards' 16 px,
#: tables, lists) apply alike.
MARKDOWN_CLASSES = ("solara-markdown", "rendered_html", "jp-RenderedHTMLCommon")


@functools.lru_cache(maxsize=1024)
def prose_html(text: str) -> str:
    """The Markdown `text` as HTML, any HTML in it escaped (shown as text)."""
    return markdown.markdown(html.escape(text, quote=False), extensions=["tables"])


def prose(text: str):
    """The element that shows `text` (Markdown) as HTML, in place of `solara.Markdown(text)`."""
    return solara.HTML(tag="div", unsafe_innerHTML=prose_html(text), classes=list(MARKDOWN_CLASSES))


def code_block(text: str):
    """The element that shows `text` as a block of code, exactly as written (a command to copy)."""
    # as `solara.Markdown` writes a fenced block (pymdownx.highlight), so that it keeps its grey box
    escaped = html.escape(text, quote=False)
    body = f'<div class="highlight"><pre><span></span><code>{escaped}</code></pre></div>'
    return solara.HTML(tag="div", unsafe_innerHTML=body, classes=list(MARKDOWN_CLASSES))
