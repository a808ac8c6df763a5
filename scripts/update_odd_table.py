"""Regenerate the parameter table in docs/ODD.md from the registry (`make docs`)."""

from pathlib import Path

from wijksim.model.params import markdown_table

START, END = "<!-- params:start -->", "<!-- params:end -->"


def render(text: str) -> str:
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{markdown_table()}{END}{tail}"


if __name__ == "__main__":
    odd = Path(__file__).resolve().parents[1] / "docs" / "ODD.md"
    odd.write_text(render(odd.read_text()))
    print(f"updated {odd}")
